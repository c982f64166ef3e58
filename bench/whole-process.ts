/**
 * Whole-process comparison for bench/extract.ts: the real CLI
 * (`guanxi extract corpus.jsonl --format json > /dev/null`, start-up and model loading included)
 * against a separate Node process that jieba-tags the same JSON Lines (bench/jieba-tag.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paragraphText, type PfrArticle } from '../src/corpus/pfr.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const PEER = fileURLToPath(new URL('./jieba-tag.js', import.meta.url));
// GNU time gives the child's peak RSS and CPU time; without it those columns are left empty.
const GNU_TIME = '/usr/bin/time';

/** One article as ../shared/tools/pfr_jsonl.py writes it: first paragraph the title, the rest the text. */
export function pfrJsonlRecord(a: PfrArticle): { id: string; title: string; date: string; source: string; text: string } {
  const paras = a.paragraphs.map(paragraphText);
  return { id: a.id, title: paras[0], date: a.date, source: '人民日报', text: paras.slice(1).join('\n') || paras[0] };
}

interface ProcessRun {
  seconds: number;
  cpuSeconds: number | null;
  peakRssMiB: number | null;
}

/** Runs `node script ...args` with stdout on /dev/null (stdio 'ignore'); wall time as seen from here. */
function timeProcess(script: string, args: string[]): ProcessRun {
  const timeFile = join(tmpdir(), `guanxi-bench-time-${process.pid}`);
  const node = [process.execPath, script, ...args];
  const [cmd, ...argv] = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, ...node] : node;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${node.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr?.toString().slice(-2000)}`);
  if (!existsSync(timeFile)) return { seconds, cpuSeconds: null, peakRssMiB: null };
  const [kib, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(timeFile, { force: true });
  return { seconds, cpuSeconds: user + sys, peakRssMiB: kib / 1024 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface SideSummary {
  command: string;
  bestSeconds: number;
  medianSeconds: number;
  charsPerSecond: number;
  charsPerSecondMedian: number;
  medianCpuSeconds: number | null;
  peakRssMiB: number | null;
  seconds: number[];
}

function summarize(command: string, runs: ProcessRun[], chars: number): SideSummary {
  const seconds = runs.map((r) => r.seconds);
  const best = Math.min(...seconds);
  const rss = runs.map((r) => r.peakRssMiB).filter((x): x is number => x !== null);
  const cpu = runs.map((r) => r.cpuSeconds).filter((x): x is number => x !== null);
  return {
    command,
    bestSeconds: best,
    medianSeconds: median(seconds),
    charsPerSecond: chars / best,
    charsPerSecondMedian: chars / median(seconds),
    medianCpuSeconds: cpu.length ? median(cpu) : null,
    peakRssMiB: rss.length ? Math.max(...rss) : null,
    seconds,
  };
}

export interface WholeProcessResult {
  records: number;
  chars: number;
  titleChars: number;
  rounds: number;
  ours: SideSummary;
  peer: SideSummary;
  ratioBest: number;
  ratioMedian: number;
  ratioPairedMedian: number;
}

export interface JsonlCorpus {
  path: string;
  records: number;
  /** Chars of the records' texts (what the peer tags). */
  chars: number;
  titleChars: number;
}

/** Writes the articles to `path` as JSON Lines, one pfrJsonlRecord a line. */
export function writePfrJsonl(articles: PfrArticle[], path: string): JsonlCorpus {
  const records = articles.map(pfrJsonlRecord);
  writeFileSync(path, records.map((r) => JSON.stringify(r) + '\n').join(''));
  const chars = records.reduce((n, r) => n + r.text.length, 0);
  const titleChars = records.reduce((n, r) => n + r.title.length, 0);
  return { path, records: records.length, chars, titleChars };
}

/** Runs the CLI and the peer on the JSON Lines in turn, after one untimed run of each. */
export function runWholeProcess(jsonl: JsonlCorpus, rounds: number, log: (s: string) => void): WholeProcessResult {
  const oursArgs = ['extract', jsonl.path, '--format', 'json'];
  log(`whole process: ${jsonl.records} records, ${jsonl.chars} chars of text (+${jsonl.titleChars} of titles), ${jsonl.path}`);
  // The untimed runs, so neither pays for a cold page cache.
  timeProcess(CLI, oursArgs);
  timeProcess(PEER, [jsonl.path]);
  const ours: ProcessRun[] = [];
  const peer: ProcessRun[] = [];
  for (let r = 0; r < rounds; r++) {
    ours.push(timeProcess(CLI, oursArgs));
    peer.push(timeProcess(PEER, [jsonl.path]));
    log(`round ${r + 1}/${rounds}: guanxi extract ${ours[r].seconds.toFixed(3)} s, jieba-tag ${peer[r].seconds.toFixed(3)} s`);
  }
  const o = summarize(`node ${CLI} ${oursArgs.join(' ')} > /dev/null`, ours, jsonl.chars);
  const p = summarize(`node ${PEER} ${jsonl.path} > /dev/null`, peer, jsonl.chars);
  return {
    records: jsonl.records,
    chars: jsonl.chars,
    titleChars: jsonl.titleChars,
    rounds,
    ours: o,
    peer: p,
    ratioBest: p.bestSeconds / o.bestSeconds,
    ratioMedian: p.medianSeconds / o.medianSeconds,
    // Each round's own ratio, then their median: a drift in the machine's speed cancels out.
    ratioPairedMedian: median(ours.map((run, r) => peer[r].seconds / run.seconds)),
  };
}
