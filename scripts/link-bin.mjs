// npm links the bins of dependencies into node_modules/.bin, not the package's own: link ours too,
// so that `npx guanxi` and node_modules/.bin/guanxi work in a fresh clone after `npm install`.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const bin = join('node_modules', '.bin');
const target = join('dist', 'src', 'cli', 'main.js');
chmodSync(target, 0o755);
mkdirSync(bin, { recursive: true });
rmSync(join(bin, 'guanxi'), { force: true });
symlinkSync(join('..', '..', target), join(bin, 'guanxi'));
