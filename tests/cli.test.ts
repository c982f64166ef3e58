/** The command line's own promises: its version, help that agrees with the README, what git ignores. */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTED_ENCODINGS } from '../src/ingest/decode.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
/** Help text as one line: commander wraps it at the terminal's width. */
const unwrapped = (text: string) => text.replace(/\s+/g, ' ');

describe('command line', () => {
  it('prints the package version with --version', () => {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = run('--version');
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout.trim()).to.equal(version);
  });

  it('names the same encodings in --help and the README', () => {
    const readme = unwrapped(readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8'));
    expect(readme).to.include(DETECTED_ENCODINGS);
    for (const command of [[], ['extract'], ['ingest']]) {
      const r = run(...command, '--help');
      expect(r.status, r.stderr).to.equal(0);
      expect(unwrapped(r.stdout), `guanxi ${command.join(' ')} --help`).to.include(DETECTED_ENCODINGS);
    }
  });

  it('keeps the default snapshot folder out of git', () => {
    const ignored = readFileSync(join(PACKAGE_ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).to.include('.guanxi/');
  });
});
