/**
 * Long lines: `guanxi extract` on a file that is one line of N MB of real news text (the People's
 * Daily of 1–24 January 1998, paragraphs run together), as a page dump and as one JSON Lines record.
 * Prints the wall time, CPU time and peak RSS of each run (GNU time), to show that time grows
 * linearly with the line and memory stays bounded.
 *
 *   node dist/bench/long-line.js [--sizes 1,2,10,100] [--kinds page,jsonl] [corpus]
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iteratePfrArticles, paragraphText } from '../src/corpus/pfr.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const sizes = option('--sizes', '1,2,10,100').split(',').map(Number);
const kinds = option('--kinds', 'page,jsonl').split(',');
const corpus = args[0] ?? process.env.GUANXI_CORPUS ?? fileURLToPath(new URL('../../../shared/corpora/pfr-199801.txt', import.meta.url));

const paragraphs = [...iteratePfrArticles(readFileSync(corpus, 'utf8'), { days: [1, 24] })].flatMap((a) => a.paragraphs.map(paragraphText));

/** Writes one line of about `mb` MB: the paragraphs run together, repeated as needed. */
function writeLine(path: string, mb: number, kind: string): void {
  const fd = openSync(path, 'w');
  const [open, close] = kind === 'jsonl' ? ['{"title":"长文","date":"1998-01-05","source":"人民日报","text":"', '"}\n'] : ['', '\n'];
  writeSync(fd, open);
  for (let bytes = 0, i = 0; bytes < mb * 1e6; i++) {
    const p = paragraphs[i % paragraphs.length];
    const chunk = kind === 'jsonl' ? JSON.stringify(p).slice(1, -1) : p;
    bytes += writeSync(fd, chunk);
  }
  writeSync(fd, close);
  closeSync(fd);
}

console.log('| kind | MB | wall s | CPU s | peak RSS MiB |\n| --- | ---: | ---: | ---: | ---: |');
for (const kind of kinds) {
  for (const mb of sizes) {
    const file = join(tmpdir(), `guanxi-long-line-${process.pid}.${kind === 'jsonl' ? 'jsonl' : 'txt'}`);
    writeLine(file, mb, kind);
    const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, CLI, 'extract', file, '--format', 'json'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    rmSync(file, { force: true });
    const [wall, user, sys, kb] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    console.log(`| ${kind} | ${mb} | ${wall.toFixed(1)} | ${(user + sys).toFixed(1)} | ${Math.round(kb / 1024)} |`);
  }
}
