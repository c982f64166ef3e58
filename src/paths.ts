import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/** The package root (the folder with package.json), found from this file whether run from src or dist. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('guanxi: cannot find the package root');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
export const LANG_DIR = join(PACKAGE_ROOT, 'data', 'lang');
export const SAMPLES_DIR = join(PACKAGE_ROOT, 'data', 'samples');
export const DEFAULT_SAMPLE = join(SAMPLES_DIR, '000_3676fee7047f7844.txt');
