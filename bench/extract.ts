/**
 * Throughput and memory benchmark of the extraction on the People's Daily 1998-01 corpus,
 * against @node-rs/jieba POS tagging of the same texts.
 *
 *   npm run bench:extract                                 (whole corpus, 3 rounds)
 *   npm run bench:extract:process                         (only the whole-process comparison)
 *   node --expose-gc dist/bench/extract.js [corpus] [--limit N] [--rounds N] [--files 10,100]
 *                                          [--whole-process-only] [--json]
 *
 * In process: extractDocument against jieba.tag, alternately, in this process. Whole process
 * (bench/whole-process.ts): `guanxi extract corpus.jsonl` against bench/jieba-tag.ts, each a
 * separate Node process timed from start to exit.
 *
 * The corpus path is argv[2], else $GUANXI_CORPUS, else ../shared/corpora/pfr-199801.txt
 * relative to the project root.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { readPfrArticles, plainText, type PfrArticle } from '../src/corpus/pfr.js';
import { extractDocument } from '../src/extract/pipeline.js';
import type { ExtractionOut } from '../src/extract/types.js';
import type { RecordUnit, SourceDocument } from '../src/ingest/types.js';
import { runWholeProcess, writePfrJsonl, type JsonlCorpus, type WholeProcessResult } from './whole-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpora/pfr-199801.txt');
const CHUNK = 100;

interface Args {
  corpus: string;
  json: boolean;
  limit: number;
  rounds: number;
  files: number[];
  wholeProcessOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpus: process.env.GUANXI_CORPUS || DEFAULT_CORPUS,
    json: false,
    limit: Infinity,
    rounds: 3,
    files: [10, 100],
    wholeProcessOnly: false,
  };
  let positional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--limit') args.limit = positiveInt(a, value());
    else if (a === '--rounds') args.rounds = positiveInt(a, value());
    else if (a === '--files') args.files = value().split(',').map((s) => positiveInt(a, s));
    else if (a === '--whole-process-only') args.wholeProcessOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node --expose-gc dist/bench/extract.js [corpus] [--limit N] [--rounds N] [--files 10,100] [--whole-process-only] [--json]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else if (!positional) {
      args.corpus = a;
      positional = true;
    } else throw new Error(`unexpected argument ${a}`);
  }
  args.corpus = resolve(args.corpus);
  return args;
}

function positiveInt(name: string, s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expected a positive integer, got ${s}`);
  return n;
}

// ---------- memory sampling ----------

class Peak {
  rss = 0;
  heapUsed = 0;
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heapUsed) this.heapUsed = m.heapUsed;
  }
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}
const mib = (b: number) => b / 1048576;

// ---------- input ----------

interface Article {
  id: string;
  date: string;
  text: string;
}

/** SourceDocuments of up to CHUNK articles each, never spanning two days. */
function buildDocuments(articles: Article[]): SourceDocument[] {
  const docs: SourceDocument[] = [];
  let units: RecordUnit[] = [];
  let date = '';
  const flush = () => {
    if (units.length === 0) return;
    const name = `pfr-${date}-${String(docs.length + 1).padStart(3, '0')}.jsonl`;
    docs.push({ path: name, name, format: 'jsonl', encoding: 'UTF-8', units });
    units = [];
  };
  for (const a of articles) {
    if (a.date !== date || units.length >= CHUNK) {
      flush();
      date = a.date;
    }
    units.push({ kind: 'record', line: units.length + 1, id: a.id, title: undefined, date: a.date, text: a.text });
  }
  flush();
  return docs;
}

// ---------- timed runs ----------

interface RunResult {
  seconds: number;
  articlesOut: number;
  errors: number;
  firstError?: string;
}

function runOurs(docs: SourceDocument[], peak: Peak): RunResult {
  let articlesOut = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = process.hrtime.bigint();
  for (const doc of docs) {
    const date = (doc.units[0] as RecordUnit).date;
    try {
      const out = extractDocument(doc, { date });
      articlesOut += out.articles.length;
    } catch (e) {
      errors++;
      firstError ??= `${doc.name}: ${e instanceof Error ? e.message : String(e)}`;
    }
    peak.sample();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, articlesOut, errors, firstError };
}

function runPeer(jieba: Jieba, texts: string[], peak: Peak): RunResult {
  let words = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    words += jieba.tag(texts[i], true).length;
    if (i % 25 === 0) peak.sample();
  }
  peak.sample();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, articlesOut: words, errors: 0 };
}

// ---------- per-file loop (CLI-equivalent) ----------

type ReadSource = (path: string, ...rest: unknown[]) => unknown;

/** src/ingest/read.js's readSource, when it has been written by now. */
async function loadReadSource(): Promise<ReadSource | null> {
  const spec = '../src/ingest/read.js';
  try {
    const mod = (await import(spec)) as { readSource?: unknown };
    return typeof mod.readSource === 'function' ? (mod.readSource as ReadSource) : null;
  } catch {
    return null;
  }
}

function ownReadJsonl(path: string): SourceDocument {
  const text = readFileSync(path, 'utf8');
  const units: RecordUnit[] = [];
  let line = 0;
  for (const l of text.split('\n')) {
    line++;
    if (!l.trim()) continue;
    const r = JSON.parse(l) as { id?: string; title?: string; date?: string; text: string };
    units.push({ kind: 'record', line, id: r.id, title: r.title, date: r.date, text: r.text });
  }
  return { path, name: basename(path), format: 'jsonl', encoding: 'UTF-8', units };
}

async function readOne(path: string, readSource: ReadSource | null): Promise<{ doc: SourceDocument; via: string }> {
  if (readSource) {
    try {
      const r = (await readSource(path)) as { document?: SourceDocument | null; units?: unknown } | null;
      const doc = r && 'units' in r ? (r as unknown as SourceDocument) : r?.document;
      if (doc && doc.units.length > 0) return { doc, via: 'readSource' };
    } catch {
      /* fall back below */
    }
  }
  return { doc: ownReadJsonl(path), via: 'own JSONL reader' };
}

interface FilesResult {
  files: number;
  seconds: number;
  bytesOut: number;
  startHeapUsed: number;
  peakHeapUsed: number;
  peakRss: number;
  heapAfterGc: number;
  via: string;
}

async function runFiles(articles: Article[], n: number, readSource: ReadSource | null): Promise<FilesResult> {
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-bench-'));
  try {
    const paths: string[] = [];
    const per = Math.ceil(articles.length / n);
    for (let f = 0; f < n; f++) {
      const slice = articles.slice(f * per, (f + 1) * per);
      const path = join(dir, `part-${String(f).padStart(3, '0')}.jsonl`);
      writeFileSync(path, slice.map((a) => JSON.stringify({ id: a.id, date: a.date, text: a.text })).join('\n') + (slice.length ? '\n' : ''));
      paths.push(path);
    }
    collect();
    const peak = new Peak();
    const startHeapUsed = process.memoryUsage().heapUsed;
    peak.sample();
    let bytesOut = 0;
    let via = '';
    const t0 = process.hrtime.bigint();
    for (const path of paths) {
      const read = await readOne(path, readSource);
      via ||= read.via;
      peak.sample();
      const date = (read.doc.units[0] as RecordUnit | undefined)?.date;
      let out: ExtractionOut | null = null;
      try {
        out = extractDocument(read.doc, { date });
      } catch {
        /* counted in the throughput run */
      }
      peak.sample();
      const json = JSON.stringify(out);
      bytesOut += json.length;
      peak.sample();
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    collect();
    const heapAfterGc = process.memoryUsage().heapUsed;
    return { files: n, seconds, bytesOut, startHeapUsed, peakHeapUsed: peak.heapUsed, peakRss: peak.rss, heapAfterGc, via };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- report ----------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  return cells
    .map((r, k) => {
      const line = r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
      return k === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/** The corpus as in-process articles, and written as JSON Lines for the whole-process part. */
function loadCorpus(args: Args, jsonlPath: string): { articles: Article[]; jsonl: JsonlCorpus } {
  // Only the plain texts outlive this function: the parsed tokens would inflate the in-process heap figures.
  const pfr: PfrArticle[] = readPfrArticles(args.corpus).slice(0, args.limit);
  return { articles: pfr.map((a) => ({ id: a.id, date: a.date, text: plainText(a) })), jsonl: writePfrJsonl(pfr, jsonlPath) };
}

/** The in-process comparison and the per-file loop; prints its tables unless --json. */
async function inProcess(args: Args, articles: Article[], log: (s: string) => void): Promise<object> {
  if (!gc) log('note: run with node --expose-gc for the after-gc figures (they are omitted otherwise)');
  const texts = articles.map((a) => a.text);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const docs = buildDocuments(articles);
  log(`in process: ${articles.length} articles, ${chars} chars, ${docs.length} documents (≤${CHUNK} articles, one day each)`);

  const tJieba = process.hrtime.bigint();
  const jieba = Jieba.withDict(dict);
  const jiebaInit = Number(process.hrtime.bigint() - tJieba) / 1e9;

  // Warm-up on a few documents so the first timed round is not the JIT's.
  runOurs(docs.slice(0, 2), new Peak());
  runPeer(jieba, texts.slice(0, 50), new Peak());
  collect();
  const base = process.memoryUsage();

  const oursPeak = new Peak();
  const peerPeak = new Peak();
  const ours: RunResult[] = [];
  const peer: RunResult[] = [];
  for (let r = 0; r < args.rounds; r++) {
    ours.push(runOurs(docs, oursPeak));
    peer.push(runPeer(jieba, texts, peerPeak));
    log(`round ${r + 1}/${args.rounds}: ours ${ours[r].seconds.toFixed(3)} s, jieba ${peer[r].seconds.toFixed(3)} s`);
  }
  collect();
  const afterGc = process.memoryUsage();

  const readSource = await loadReadSource();
  const filesRuns: FilesResult[] = [];
  for (const n of args.files) filesRuns.push(await runFiles(articles, n, readSource));

  const summarize = (runs: RunResult[], peak: Peak) => {
    const secs = runs.map((r) => r.seconds);
    const best = Math.min(...secs);
    return {
      bestSeconds: best,
      medianSeconds: median(secs),
      charsPerSecond: chars / best,
      charsPerSecondMedian: chars / median(secs),
      peakRssMiB: mib(peak.rss),
      peakHeapUsedMiB: mib(peak.heapUsed),
      output: runs[0].articlesOut,
      errors: runs[0].errors,
      firstError: runs[0].firstError,
    };
  };
  const o = summarize(ours, oursPeak);
  const p = summarize(peer, peerPeak);
  const first = filesRuns[0];
  const last = filesRuns[filesRuns.length - 1];
  const result = {
    corpus: args.corpus,
    articles: articles.length,
    chars,
    documents: docs.length,
    rounds: args.rounds,
    ours: { ...o, note: o.output === 0 ? 'extractDocument returned no articles (stub?)' : undefined },
    peer: { name: '@node-rs/jieba tag (hmm)', initSeconds: jiebaInit, ...p, output: undefined, words: p.output },
    ratioOursToPeer: o.charsPerSecond / p.charsPerSecond,
    memory: {
      baselineHeapUsedMiB: mib(base.heapUsed),
      peakRssMiB: mib(Math.max(oursPeak.rss, peerPeak.rss)),
      peakHeapUsedMiB: mib(Math.max(oursPeak.heapUsed, peerPeak.heapUsed)),
      heapUsedAfterGcMiB: gc ? mib(afterGc.heapUsed) : null,
      rssAfterGcMiB: mib(afterGc.rss),
    },
    files: filesRuns.map((f) => ({
      files: f.files,
      seconds: f.seconds,
      startHeapUsedMiB: mib(f.startHeapUsed),
      peakHeapUsedMiB: mib(f.peakHeapUsed),
      peakAboveStartMiB: mib(f.peakHeapUsed - f.startHeapUsed),
      peakRssMiB: mib(f.peakRss),
      heapAfterGcMiB: gc ? mib(f.heapAfterGc) : null,
      jsonBytes: f.bytesOut,
      reader: f.via,
    })),
    filesPeakHeapRatio: last.peakHeapUsed / first.peakHeapUsed,
  };

  if (args.json) return result;
  const f1 = (x: number) => x.toFixed(1);
  const f3 = (x: number) => x.toFixed(3);
  const k = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log('');
  console.log(
    table([
      ['', 'chars', 'best s', 'median s', 'chars/s (best)', 'peak rss MiB', 'peak heap MiB', 'output', 'errors'],
      ['ours: extractDocument', chars, f3(o.bestSeconds), f3(o.medianSeconds), k(o.charsPerSecond), f1(o.peakRssMiB), f1(o.peakHeapUsedMiB), `${o.output} articles`, o.errors],
      ['peer: jieba.tag', chars, f3(p.bestSeconds), f3(p.medianSeconds), k(p.charsPerSecond), f1(p.peakRssMiB), f1(p.peakHeapUsedMiB), `${p.output} words`, 0],
    ]),
  );
  console.log(`ratio ours/peer (chars/s, best): ${result.ratioOursToPeer.toFixed(3)}   jieba dict load: ${f3(jiebaInit)} s`);
  if (o.firstError) console.log(`first extraction error: ${o.firstError}`);
  if (o.output === 0) console.log('note: extractDocument returned no articles — still the stub?');
  console.log(
    `memory: baseline heap ${f1(result.memory.baselineHeapUsedMiB)} MiB, peak heap ${f1(result.memory.peakHeapUsedMiB)} MiB, ` +
      `peak rss ${f1(result.memory.peakRssMiB)} MiB, heap after gc ${gc ? f1(mib(afterGc.heapUsed)) + ' MiB' : 'n/a (no --expose-gc)'}`,
  );
  console.log('');
  console.log(
    table([
      ['per-file loop (read, extract, stringify)', 'files', 'seconds', 'start heap MiB', 'peak heap MiB', 'peak − start', 'heap after gc MiB', 'JSON bytes', 'reader'],
      ...filesRuns.map((f) => [
        `N = ${f.files}`,
        f.files,
        f3(f.seconds),
        f1(mib(f.startHeapUsed)),
        f1(mib(f.peakHeapUsed)),
        f1(mib(f.peakHeapUsed - f.startHeapUsed)),
        gc ? f1(mib(f.heapAfterGc)) : 'n/a',
        f.bytesOut,
        f.via,
      ]),
    ]),
  );
  console.log(`peak heap ratio N=${last.files} / N=${first.files}: ${result.filesPeakHeapRatio.toFixed(3)}`);
  console.log('');
  return result;
}

function printWholeProcess(w: WholeProcessResult): void {
  const f1 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(1));
  const f3 = (x: number) => x.toFixed(3);
  const f3n = (x: number | null) => (x === null ? 'n/a' : f3(x));
  const k = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log('');
  console.log(
    table([
      ['whole process', 'chars', 'best s', 'median s', 'chars/s (best)', 'chars/s (median)', 'median cpu s', 'peak rss MiB'],
      ...[['ours: guanxi extract', w.ours] as const, ['peer: jieba-tag', w.peer] as const].map(([name, s]) => [
        name,
        w.chars,
        f3(s.bestSeconds),
        f3(s.medianSeconds),
        k(s.charsPerSecond),
        k(s.charsPerSecondMedian),
        f3n(s.medianCpuSeconds),
        f1(s.peakRssMiB),
      ]),
    ]),
  );
  console.log(`ratio ours/peer (whole process, >1: ours faster): best ${w.ratioBest.toFixed(3)}, median ${w.ratioMedian.toFixed(3)}, median of the rounds' ratios ${w.ratioPairedMedian.toFixed(3)}`);
  console.log(`commands (the file is deleted at the end):\n  ours: ${w.ours.command}\n  peer: ${w.peer.command}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.corpus)) {
    console.error(
      `bench/extract: corpus not found: ${args.corpus}\n` +
        'Give the path of pfr-199801.txt as the first argument or in GUANXI_CORPUS ' +
        '(default: ../shared/corpora/pfr-199801.txt relative to the project root).',
    );
    process.exit(2);
  }
  const log = (s: string) => {
    if (!args.json) console.log(s);
  };
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-bench-'));
  try {
    const tLoad = Date.now();
    const { articles, jsonl } = loadCorpus(args, join(dir, 'pfr.jsonl'));
    log(`corpus ${args.corpus}: ${articles.length} articles, read in ${Date.now() - tLoad} ms`);
    const inProc = args.wholeProcessOnly ? { corpus: args.corpus } : await inProcess(args, articles, log);
    const whole = runWholeProcess(jsonl, args.rounds, log);
    if (args.json) console.log(JSON.stringify({ ...inProc, wholeProcess: whole }, null, 2));
    else printWholeProcess(whole);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
