/**
 * bench:archive: a ten-year archive from JSON Lines to a browsable graph, end to end, each step a
 * separate process timed from outside, with its peak memory (issue 4/6, item 6).
 *
 *   npm run bench:archive                                  (48 copies of the PFR month over 10 years: 151,104 articles)
 *   node dist/bench/archive.js [corpus] [--copies N] [--years N] [--first-year Y] [--steps extract,embedded,neo4j]
 *                              [--neo4j-copies K] [--bolt-port P] [--person NAME] [--cache DIR] [--json]
 *
 * Steps (bench/README.md says what each measures): extraction with 1 and 2 workers and jieba's
 * tagging of the same text; ingest into a fresh embedded store, then serve, a named query and a CSV
 * export on it; Neo4j (a server of its own on --bolt-port): ingest from text, import of the facts
 * alone, and `--bulk` once the CLI has it. A step whose option the CLI lacks is "not available".
 * The table is printed and written to bench/results/archive-<date>-<copies>x.md (and .json).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stopServer, type StartedServer } from '#neo4j-server';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { writeArchive, type Archive, type ArchiveShape } from './archive-corpus.js';
import { measureCoreScaling, scalingLine } from './core-scaling.js';
import { atLeast, atMost, int, markdownNotes, markdownTable, secs, si, TARGETS, type StepRow } from './archive-report.js';
import { commandOptions, countsFromOutput, nodesIn, relationshipsIn } from './guanxi-cli.js';
import { measureServerOpen, peakRssOf, runMeasured, type MeasuredRun } from './measured-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const JIEBA = fileURLToPath(new URL('./jieba-tag.js', import.meta.url));
/** The issue's decade: at least this many articles. */
const DECADE_ARTICLES = 150_000;

const GROUPS = ['extract', 'embedded', 'neo4j'] as const;
type Group = (typeof GROUPS)[number];

interface Args {
  corpus: string;
  copies?: number;
  years: number;
  firstYear: number;
  neo4jCopies: number;
  boltPort: number;
  steps: Set<Group>;
  cache: string;
  person: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpus: process.env.GUANXI_CORPUS || resolve(ROOT, '../shared/corpora/pfr-199801.txt'),
    years: 10,
    firstYear: 2015,
    neo4jCopies: 4,
    boltPort: 7693,
    steps: new Set(GROUPS),
    cache: resolve(ROOT, '.cache/bench-archive'),
    person: '江泽民',
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a}: expected a value`);
      return argv[++i];
    };
    const num = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a}: expected a positive whole number`);
      return n;
    };
    if (a === '--copies') args.copies = num();
    else if (a === '--years') args.years = num();
    else if (a === '--first-year') args.firstYear = num();
    else if (a === '--neo4j-copies') args.neo4jCopies = num();
    else if (a === '--bolt-port') args.boltPort = num();
    else if (a === '--person') args.person = value();
    else if (a === '--cache') args.cache = resolve(value());
    else if (a === '--json') args.json = true;
    else if (a === '--steps') {
      const steps = value().split(',');
      const unknown = steps.filter((s) => !(GROUPS as readonly string[]).includes(s));
      if (unknown.length) throw new Error(`--steps: unknown ${unknown.join(', ')} (steps: ${GROUPS.join(', ')})`);
      args.steps = new Set(steps as Group[]);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.corpus = resolve(a);
  }
  return args;
}

/** What every step needs: the archive, where logs go, and the rows measured so far. */
interface Bench {
  args: Args;
  archive: Archive;
  logs: string;
  rows: StepRow[];
}

const log = (message: string) => process.stderr.write(`[archive] ${message}\n`);
const node = (script: string, ...args: string[]) => [process.execPath, script, ...args];

/** Runs one CLI step with its output in the logs folder (stdout to /dev/null unless it is wanted). */
async function step(bench: Bench, name: string, argv: string[], options: { keepStdout?: boolean; firstSign?: () => boolean } = {}): Promise<MeasuredRun> {
  const slug = name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
  log(`${name}: ${argv.slice(1).join(' ')}`);
  const run = await runMeasured(argv, {
    stdoutPath: options.keepStdout ? join(bench.logs, `${slug}.out`) : '/dev/null',
    stderrPath: join(bench.logs, `${slug}.err`),
    firstSign: options.firstSign,
  });
  log(`${name}: ${run.status === 0 ? 'done' : `FAILED (${run.status})`} in ${secs(run.seconds)} s, peak RSS ${run.peakRssMiB?.toFixed(0) ?? '?'} MiB`);
  return run;
}

/** A row from a run: its time, CPU and memory; failed (with its stderr) unless it exited 0. */
function rowOf(name: string, run: MeasuredRun, load: number, extra: Partial<StepRow> = {}): StepRow {
  const ok = run.status === 0;
  return {
    step: name,
    outcome: ok ? 'ok' : 'failed',
    command: run.command.replace(process.execPath, 'node').replaceAll(ROOT, ''),
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakRssMiB: run.peakRssMiB,
    client: true,
    load,
    ...(ok ? extra : { note: `exit ${run.status}: ${run.stderrTail}` }),
  };
}

const notAvailable = (name: string, why: string): StepRow => ({ step: name, outcome: 'not available', client: true, note: why });
const load1 = () => loadavg()[0];

const mib = (bytes: number) => `${int(bytes / 2 ** 20)} MiB`;

function fileBytes(path: string): number {
  return [path, `${path}-wal`].reduce((n, p) => n + (existsSync(p) ? statSync(p).size : 0), 0);
}

function freshStorePath(bench: Bench, name: string): string {
  const path = join(bench.args.cache, 'stores', name);
  mkdirSync(join(bench.args.cache, 'stores'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return path;
}

/** Extraction with 1 and 2 workers, and jieba tagging the same records, side by side. */
async function extractionSteps(bench: Bench): Promise<void> {
  const { path, manifest } = bench.archive;
  const chars = manifest.chars;
  // What a second thread buys on this machine at all, to read the workers' speed-up against.
  const scalingLoad = load1();
  const scaling = await measureCoreScaling();
  bench.rows.push({
    step: 'machine: 2 threads (bench/core-scaling.ts)',
    outcome: 'ok',
    client: true,
    load: scalingLoad,
    rates: [scalingLine(scaling)],
    note: 'speed-up of two threads over one on register arithmetic, random access over 64 MiB and short-lived objects: the ceiling for memory-bound work such as extraction',
  });
  const jobs = commandOptions(CLI, 'extract').has('--jobs');
  const seconds: Record<string, number> = {};
  for (const n of [1, 2]) {
    const name = `extract --jobs ${n}`;
    if (!jobs) {
      bench.rows.push(notAvailable(name, 'guanxi extract has no --jobs option'));
      continue;
    }
    const load = load1();
    const run = await step(bench, name, node(CLI, 'extract', path, '--jobs', String(n), '--format', 'json'));
    if (run.status === 0) seconds[n] = run.seconds;
    const speedup = n === 2 && seconds[1] && seconds[2] ? seconds[1] / seconds[2] : undefined;
    bench.rows.push(
      rowOf(name, run, load, {
        rates: [`${si(chars / run.seconds)} chars/s`],
        check: speedup !== undefined ? atLeast(speedup, TARGETS.jobsSpeedup, `${speedup.toFixed(2)}× 1 worker`, `≥ ${TARGETS.jobsSpeedup}×`) : undefined,
        note: n === 2 ? `the machine's own speed-up of two threads: ${scalingLine(scaling)}` : undefined,
      }),
    );
  }
  const load = load1();
  const run = await step(bench, 'jieba tag (peer)', node(JIEBA, path));
  const ratio = seconds[2] && run.status === 0 ? run.seconds / seconds[2] : undefined;
  bench.rows.push(
    rowOf('jieba tag (peer)', run, load, {
      rates: [`${si(chars / run.seconds)} chars/s`],
      check: ratio !== undefined ? atLeast(ratio, TARGETS.oursOverJieba, `2 workers ${ratio.toFixed(2)}× jieba`, `≥ ${TARGETS.oursOverJieba}×`) : undefined,
      note: '@node-rs/jieba: Jieba.withDict(dict), tag(text, true) on every record, one JSON line out each (bench/jieba-tag.ts)',
    }),
  );
}

/** Ingest into a fresh embedded store, then serve, a named query and a CSV export on it, and the end-to-end figure. */
async function embeddedSteps(bench: Bench): Promise<void> {
  const db = freshStorePath(bench, 'archive.db');
  let load = load1();
  const ingest = await step(bench, 'ingest → embedded store', node(CLI, 'ingest', bench.archive.path, '--snapshot', db), { keepStdout: true });
  const counts = countsFromOutput(ingest.stdout);
  const relationships = relationshipsIn(counts);
  const articles = counts.Article ?? 0;
  bench.rows.push(
    rowOf('ingest → embedded store', ingest, load, {
      rates: [`${si(articles / ingest.seconds)} articles/s`, `${si(relationships / ingest.seconds)} relationships/s`],
      note: `${int(articles)} articles, ${int(nodesIn(counts))} nodes, ${int(relationships)} relationships; store ${mib(fileBytes(db))}`,
    }),
  );
  if (ingest.status !== 0) return;

  load = load1();
  log('serve: until GET /api/meta answers 200');
  const serve = await measureServerOpen(node(CLI, 'serve', '--snapshot', db, '--port', '0')).catch((err: Error) => err);
  if (serve instanceof Error) bench.rows.push({ step: 'serve: open', outcome: 'failed', client: true, load, note: serve.message });
  else {
    bench.rows.push({
      step: 'serve: open (GET /api/meta 200)',
      outcome: 'ok',
      command: `${serve.command.replace(process.execPath, 'node').replaceAll(ROOT, '')}`,
      seconds: serve.openSeconds,
      peakRssMiB: serve.peakRssMiB,
      client: true,
      load,
      check: atMost(serve.openSeconds, TARGETS.openSeconds, `${secs(serve.openSeconds)} s`, `< ${TARGETS.openSeconds} s`),
      note: `then the first GET /api/graph (the overview the viewer asks for) took ${secs(serve.overviewSeconds)} s, ${mib(serve.overviewBytes)}; meta: ${serve.meta.nodes} nodes, ${serve.meta.edges} edges, overview ${serve.meta.overview}; peak RSS read from /proc before stopping it`,
    });
    bench.rows.push({
      step: 'end to end: JSON Lines → browsable graph',
      outcome: 'ok',
      seconds: ingest.seconds + serve.openSeconds,
      peakRssMiB: Math.max(ingest.peakRssMiB ?? 0, serve.peakRssMiB ?? 0),
      client: true,
      check: atMost(ingest.seconds + serve.openSeconds, TARGETS.endToEndSeconds, `${secs(ingest.seconds + serve.openSeconds)} s`, `< ${TARGETS.endToEndSeconds} s`),
      note: 'ingest into the embedded store + serve until /api/meta answers',
    });
  }

  load = load1();
  const query = await step(bench, 'query --name titles-of-person', node(CLI, 'query', '--name', 'titles-of-person', '--param', `name=${bench.args.person}`, '--snapshot', db, '--format', 'json'), { keepStdout: true });
  let found = '';
  try {
    found = `${int((JSON.parse(query.stdout) as unknown[]).length)} rows for ${bench.args.person}`;
  } catch {
    found = 'output not JSON';
  }
  bench.rows.push(rowOf('query --name titles-of-person', query, load, { check: atMost(query.seconds, TARGETS.openSeconds, `${secs(query.seconds)} s`, `< ${TARGETS.openSeconds} s`), note: found }));

  const dir = join(bench.args.cache, 'export');
  rmSync(dir, { recursive: true, force: true });
  load = load1();
  const exported = await step(bench, 'export --csv', node(CLI, 'export', '--csv', dir, '--snapshot', db), {
    keepStdout: true,
    // The headers are written once the store is open and counted: that moment is its opening.
    firstSign: () => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.csv')),
  });
  const opened = exported.firstSignSeconds;
  const written = existsSync(dir) ? readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) : 0;
  bench.rows.push(
    rowOf('export --csv', exported, load, {
      check: opened !== null ? atMost(opened, TARGETS.openSeconds, `open (first CSV) ${secs(opened)} s`, `< ${TARGETS.openSeconds} s`) : undefined,
      note: `all written in ${secs(exported.seconds)} s: ${exported.stdout.trim().split('\n').map((l) => l.replace(`${dir}/`, '')).join('; ')} (${mib(written)})`,
    }),
  );
}

/** Counts of the Neo4j graph, read by the store itself. */
async function neo4jCounts(uri: string): Promise<Record<string, number>> {
  const store = await Neo4jStore.connect(uri);
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

/** A Neo4j step: the relationships and articles it added, per second of its whole run. */
async function neo4jStep(bench: Bench, name: string, argv: string[], uri: string, extra: (relationshipsPerSecond: number) => Partial<StepRow> = () => ({})): Promise<StepRow> {
  const before = await neo4jCounts(uri);
  const load = load1();
  const run = await step(bench, name, argv, { keepStdout: true });
  const after = await neo4jCounts(uri);
  const relationships = relationshipsIn(after) - relationshipsIn(before);
  const articles = (after.Article ?? 0) - (before.Article ?? 0);
  const rate = relationships / run.seconds;
  const row = rowOf(name, run, load, {
    rates: [`${si(rate)} relationships/s`, `${si(articles / run.seconds)} articles/s`],
    note: `${int(articles)} articles, ${int(relationships)} relationships added`,
    ...extra(rate),
  });
  bench.rows.push(row);
  return row;
}

/**
 * Neo4j on a server of its own (fresh folder): ingest of the first --neo4j-copies copies from their
 * text; then, on the emptied graph, the same facts written alone (`guanxi import` of their journal,
 * which an embedded store of the same copies gives); then `--bulk` when the CLI has it.
 */
async function neo4jSteps(bench: Bench, subset: Archive): Promise<void> {
  const home = join(bench.args.cache, `neo4j-${bench.args.boltPort}`);
  const ingestHasBulk = commandOptions(CLI, 'ingest').has('--bulk');
  const importHasBulk = commandOptions(CLI, 'import').has('--bulk');

  // The journal of the subset's facts, from an embedded store of them (not timed against a target).
  const db = freshStorePath(bench, 'subset.db');
  let load = load1();
  const subsetIngest = await step(bench, 'subset → embedded store (for its journal)', node(CLI, 'ingest', subset.path, '--snapshot', db), { keepStdout: true });
  bench.rows.push(rowOf('subset → embedded store (for its journal)', subsetIngest, load));
  const journal = join(bench.args.cache, 'stores', 'subset-journal.jsonl');
  load = load1();
  const exported = await step(bench, 'export --journal (subset)', node(CLI, 'export', '--journal', journal, '--snapshot', db));
  bench.rows.push(rowOf('export --journal (subset)', exported, load, { note: existsSync(journal) ? mib(statSync(journal).size) : undefined }));

  await stopServer({ boltPort: bench.args.boltPort, home, log: () => {} });
  rmSync(home, { recursive: true, force: true });
  log(`neo4j: starting a fresh server on port ${bench.args.boltPort} (${home})`);
  const server: StartedServer = await startServer({ boltPort: bench.args.boltPort, home, heap: '2g', pageCache: '1g', log: () => {} });
  const uri = server.uri;
  try {
    await neo4jStep(bench, 'ingest → Neo4j (subset, from text)', node(CLI, 'ingest', subset.path, '--neo4j', uri), uri);
    // Emptied by the product's own removal, so the next step writes into an empty graph on a warm server.
    const remove = () => step(bench, 'remove (subset) from Neo4j', node(CLI, 'remove', subset.path, '--neo4j', uri));
    load = load1();
    bench.rows.push(rowOf('remove (subset) from Neo4j', await remove(), load));
    await neo4jStep(bench, 'import → Neo4j (subset, facts alone)', node(CLI, 'import', journal, '--neo4j', uri), uri, (rate) => ({
      check: atLeast(rate, TARGETS.incrementalRelationshipsPerSecond, `${si(rate)}/s`, `≥ ${si(TARGETS.incrementalRelationshipsPerSecond)}/s`),
    }));
    await remove();

    const bulkCheck = (rate: number) => ({ check: atLeast(rate, TARGETS.bulkRelationshipsPerSecond, `${si(rate)}/s`, `≥ ${si(TARGETS.bulkRelationshipsPerSecond)}/s`) });
    if (ingestHasBulk) await neo4jStep(bench, 'ingest --bulk → Neo4j (whole archive)', node(CLI, 'ingest', bench.archive.path, '--bulk', '--neo4j', uri), uri, bulkCheck);
    else if (importHasBulk) await neo4jStep(bench, 'import --bulk → Neo4j (subset journal)', node(CLI, 'import', journal, '--bulk', '--neo4j', uri), uri, bulkCheck);
    else bench.rows.push(notAvailable('--bulk → Neo4j', 'neither guanxi ingest nor guanxi import has a --bulk option yet'));

    bench.rows.push({
      step: 'Neo4j server (all its steps)',
      outcome: 'ok',
      peakRssMiB: server.pid ? peakRssOf(server.pid) : null,
      client: false,
      note: `Neo4j 5.26, heap 2g, page cache 1g (scripts/neo4j.mjs), fresh folder ${home}; not a client process`,
    });
  } finally {
    await stopServer({ boltPort: bench.args.boltPort, home, log: () => {} });
  }
}

function countArticles(corpus: string): number {
  return [...iteratePfrArticles(readFileSync(corpus, 'utf8'))].length;
}

function archiveLine(a: Archive, seconds: number): string {
  const m = a.manifest;
  return (
    `${a.path.replace(ROOT, '')}: ${m.written} copies of the month (of ${m.copies} over ${m.years} years from ${m.firstYear}), ` +
    `${int(m.records)} articles, ${int(m.chars)} chars of text (+${int(m.titleChars)} of titles), ${mib(m.bytes)}; ` +
    (a.built ? `built in ${secs(seconds)} s` : 'cached')
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.corpus)) throw new Error(`${args.corpus}: no such corpus file (give its path, or set GUANXI_CORPUS)`);
  const started = new Date();
  const loadAtStart = loadavg();
  const copies = args.copies ?? Math.ceil(DECADE_ARTICLES / countArticles(args.corpus));
  const shape: ArchiveShape = { copies, years: args.years, firstYear: args.firstYear };
  let t = Date.now();
  const archive = writeArchive(args.corpus, args.cache, shape);
  const archiveText = archiveLine(archive, (Date.now() - t) / 1000);
  log(archiveText);
  const logs = join(args.cache, 'logs');
  mkdirSync(logs, { recursive: true });
  const bench: Bench = { args, archive, logs, rows: [] };

  if (args.steps.has('extract')) await extractionSteps(bench);
  if (args.steps.has('embedded')) await embeddedSteps(bench);
  let subsetText = '';
  if (args.steps.has('neo4j')) {
    t = Date.now();
    const subset = writeArchive(args.corpus, args.cache, shape, Math.min(args.neo4jCopies, copies));
    subsetText = archiveLine(subset, (Date.now() - t) / 1000);
    await neo4jSteps(bench, subset);
  }

  const date = started.toISOString().slice(0, 10);
  const machine = `${cpus().length} cores, Node ${process.version}, load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at the start, ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`;
  const markdown = [
    `# bench:archive, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `- machine: ${machine}`,
    `- archive: ${archiveText}`,
    ...(subsetText ? [`- Neo4j subset: ${subsetText}`] : []),
    '',
    markdownTable(bench.rows),
    '',
    markdownNotes(bench.rows),
    '',
  ].join('\n');
  const results = resolve(ROOT, 'bench/results');
  mkdirSync(results, { recursive: true });
  // Named by date and size, so that a quick run does not overwrite the day's full one.
  const base = join(results, `archive-${date}-${copies}x`);
  writeFileSync(`${base}.md`, markdown);
  const json = { started: started.toISOString(), machine, args: { ...args, steps: [...args.steps] }, archive: archive.manifest, rows: bench.rows };
  writeFileSync(`${base}.json`, JSON.stringify(json, null, 2) + '\n');
  process.stdout.write(args.json ? JSON.stringify(json, null, 2) + '\n' : markdown);
  log(`written to ${base}.md and .json`);
}

main().catch((err: Error) => {
  console.error(`bench:archive: ${err.message}`);
  process.exit(1);
});
