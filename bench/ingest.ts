/**
 * Write throughput into a real Neo4j: the batched writer (one transaction per batch, one
 * `UNWIND … MERGE` per label and relationship type) against one statement per row (auto-commit),
 * in the same run, on the same server.
 *
 *   npm run bench:ingest                        (100,000+ articles' worth; the per-row baseline on a sample of it)
 *   node dist/bench/ingest.js [corpus] [--articles N] [--row-sample N] [--batch N] [--warmup YEARS]
 *
 * The graph is built from real text: the People's Daily 1998-01 corpus (../shared/corpora, or
 * $GUANXI_CORPUS) is extracted once, and its facts are repeated as later years of the same paper
 * (article ids, documents and dates shifted) until there are --articles articles. Persons and
 * organizations recur across years, as they do in a real archive, so MERGE meets existing nodes.
 *
 * Neo4j: $NEO4J_URI if set (its data is wiped!), else a server this script starts on Bolt port 7689
 * and stops at the end.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, stopServer } from '#neo4j-server';
import { plainText, readPfrArticles } from '../src/corpus/pfr.js';
import { extractDocument } from '../src/extract/pipeline.js';
import { documentFacts } from '../src/graph/facts.js';
import type { DocumentFacts } from '../src/graph/model.js';
import type { RecordUnit, SourceDocument } from '../src/ingest/types.js';
import { cypher } from '../src/store/cypher-files.js';
import { Neo4jStore, writeRows } from '../src/store/neo4j-store.js';
import { WriteBehind } from '../src/store/write-behind.js';
import { shifted } from './shifted-facts.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH_HOME = '.cache/neo4j/instance-bench';

interface Args {
  corpus: string;
  articles: number;
  rowSample: number;
  batch: number;
  warmup: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpus: process.env.GUANXI_CORPUS || resolve(ROOT, '../shared/corpora/pfr-199801.txt'),
    articles: 100_000,
    rowSample: 5_000,
    batch: 20_000,
    warmup: 6,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a}: expected a positive whole number`);
      return n;
    };
    if (a === '--articles') args.articles = num();
    else if (a === '--row-sample') args.rowSample = num();
    else if (a === '--batch') args.batch = num();
    else if (a === '--warmup') args.warmup = num();
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.corpus = resolve(a);
  }
  return args;
}

/** The corpus as documents of one day's articles (up to 100 each), extracted into facts. */
function corpusFacts(corpus: string): { facts: DocumentFacts[]; articles: number } {
  const articles = readPfrArticles(corpus);
  const docs: SourceDocument[] = [];
  let units: RecordUnit[] = [];
  let date = '';
  const flush = () => {
    if (!units.length) return;
    const name = `pfr-${date}-${docs.length + 1}.jsonl`;
    docs.push({ path: name, name, format: 'jsonl', encoding: 'UTF-8', units });
    units = [];
  };
  for (const a of articles) {
    if (a.date !== date || units.length >= 100) {
      flush();
      date = a.date;
    }
    units.push({ kind: 'record', line: units.length + 1, id: a.id, date: a.date, home: undefined, text: plainText(a) });
  }
  flush();
  const facts = docs.map((d) => documentFacts(extractDocument(d), d.name));
  return { facts, articles: articles.length };
}

/** Empties the database in small transactions (relationships first: dense nodes would overflow one). */
async function wipe(store: Neo4jStore): Promise<void> {
  await store.client.runAutoCommit('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS', {});
  await store.client.runAutoCommit('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS', {});
}

/**
 * How fast the server takes the writer's commonest statement on its own, with nothing else in the
 * transaction: the most the batched writer could reach on this machine. MENTIONS rows between
 * articles and persons already in the graph; the rows are written for real (the bench's data is
 * thrown away at the next run).
 */
async function ceiling(store: Neo4jStore): Promise<[string, number][]> {
  const ROWS = 20_000;
  const ids = async (label: string) =>
    (await store.client.query(`MATCH (n:${label}) RETURN n.id AS id LIMIT 5000`)).rows.map((r) => r.id as string);
  const [articles, persons] = [await ids('Article'), await ids('Person')];
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    from: articles[i % articles.length],
    to: persons[(i * 7919) % persons.length],
    article: articles[i % articles.length],
    sentence: '市委书记在会上讲话，强调要切实做好各项工作。',
    date: '2030-01-01',
    count: 1,
    titles: ['副市长'],
    resolution: 'org-region',
  }));
  const statement = cypher('write/create-mentions-person');
  // The same match and create with no properties: what the properties cost.
  const bare = 'UNWIND $rows AS row MATCH (a:Article {id: row.from}) MATCH (b:Person {id: row.to}) CREATE (a)-[:MENTIONS]->(b)';
  const halves = [rows.slice(0, ROWS / 2), rows.slice(ROWS / 2)];
  const twoAtOnce = (q: string) => Promise.all(halves.map((h) => store.client.write((tx) => tx.run(q, { rows: h }))));
  const variants: [string, () => Promise<unknown>][] = [
    ['create-mentions-person, one transaction', () => store.client.write((tx) => tx.run(statement, { rows }))],
    ['create-mentions-person, two transactions at once', () => twoAtOnce(statement)],
    ['the same without properties, one transaction', () => store.client.write((tx) => tx.run(bare, { rows }))],
    ['the same without properties, two transactions at once', () => twoAtOnce(bare)],
  ];
  const best = new Map<string, number>();
  for (let round = 0; round < 5; round++) {
    for (const [name, run] of variants) {
      const t = performance.now();
      await run();
      best.set(name, Math.max(best.get(name) ?? 0, (ROWS * 1000) / (performance.now() - t)));
    }
  }
  return [...best];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Writes `years` copies of the facts through the store's writer in batches; the relationships the server created, and the time. */
async function writeBatched(store: Neo4jStore, facts: DocumentFacts[], years: number, batch: number, label: string): Promise<{ created: number; seconds: number }> {
  const t = Date.now();
  const before = store.relationshipsCreated;
  const rate = () => `${fmt(store.relationshipsCreated - before)} relationships, ${fmt(((store.relationshipsCreated - before) * 1000) / (Date.now() - t))}/s`;
  // As `guanxi ingest` does: the next batch is prepared while the last one is written.
  const writer = new WriteBehind(store, { batchRelationships: batch });
  for (let k = 0; k < years; k++) {
    for (const f of facts) await writer.add(shifted(f, k));
    process.stderr.write(`\r${label}: ${k + 1}/${years} years, ${rate()}   `);
  }
  await writer.drain();
  process.stderr.write('\n');
  return { created: store.relationshipsCreated - before, seconds: (Date.now() - t) / 1000 };
}

/**
 * CPU seconds of the server's threads by what they do (Linux /proc; empty elsewhere or when the
 * server is not ours): where a transaction's time goes besides the transaction itself.
 */
function cpuByThread(pid: number | undefined): Map<string, number> {
  const groups = new Map<string, number>();
  if (!pid || !existsSync(`/proc/${pid}/task`)) return groups;
  const tick = 100; // USER_HZ on Linux
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
      const fields = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8').split(') ')[1].split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
      // Linux cuts thread names to 15 characters (neo4j.BoltWorker-… reads neo4j.BoltWorke).
      const group = /^neo4j\.BoltWork/.test(name) ? 'server: transactions (Bolt workers)'
        : /^C[12] Compiler/.test(name) ? 'server: JIT compilers'
        : /^GC Thread|^VM Thread/.test(name) ? 'server: garbage collector'
        : /^neo4j\.BoltNetw/.test(name) ? 'server: Bolt network I/O'
        : 'server: other threads';
      groups.set(group, (groups.get(group) ?? 0) + seconds);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return groups;
}

function cpuDelta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([group, seconds]): [string, number] => [group, seconds - (before.get(group) ?? 0)]).sort((x, y) => y[1] - x[1]));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let t = Date.now();
  const base = corpusFacts(args.corpus);
  const copies = Math.ceil(args.articles / base.articles);
  const relsPerCopy = base.facts.reduce((n, f) => n + f.relationships.length, 0);
  console.log(`corpus: ${fmt(base.articles)} articles extracted in ${((Date.now() - t) / 1000).toFixed(1)} s; ` +
    `${copies} years of it = ${fmt(base.articles * copies)} articles, ${fmt(relsPerCopy * copies)} relationship rows (facts, before structural ones are merged)`);

  const ownServer = !process.env.NEO4J_URI;
  // A fresh instance each run, so no indexes or data from an earlier version skew the figures.
  if (ownServer) rmSync(resolve(ROOT, BENCH_HOME), { recursive: true, force: true });
  const server = ownServer ? await startServer({ boltPort: 7689, home: BENCH_HOME, heap: '2g', pageCache: '1g', log: () => {} }) : null;
  const uri = process.env.NEO4J_URI ?? server!.uri;
  const store = await Neo4jStore.connect(uri, { schema: true });
  try {
    const version = await store.client.query('CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version');
    console.log(`neo4j: ${version.rows.map((r) => `${r.name} ${r.version}`).join(', ')} at ${store.location}`);

    // Warm-up: the JVM compiles Neo4j's hot code in the first tens of seconds (about 20 s of CPU on
    // 2 cores), which a long-running server has behind it. Its figure is the fresh server's.
    await wipe(store);
    const warm = await writeBatched(store, base.facts, args.warmup, args.batch, 'warm-up');

    // One statement per row: the same statements with one row each, auto-committed, on a sample
    // (the whole graph this way would take hours). Nodes first, as the relationships need them.
    // It runs on the empty database, so that it meets no larger graph than the batched writer.
    await wipe(store);
    const sample: DocumentFacts[] = [];
    let sampleRels = 0;
    for (const f of base.facts) {
      if (sampleRels >= args.rowSample) break;
      sample.push(f);
      sampleRels += f.relationships.length;
    }
    const rows = writeRows(sample);
    for (const [statement, list] of rows.nodes) for (const row of list) await store.client.runAutoCommit(cypher(statement), { rows: [row] });
    t = Date.now();
    let rowWritten = 0;
    for (const [statement, list] of rows.relationships) {
      for (const row of list) rowWritten += await store.client.runAutoCommit(cypher(statement), { rows: [row] });
    }
    const rowSeconds = (Date.now() - t) / 1000;
    const rowRate = rowWritten / rowSeconds;

    // Batched: every copy through the store's writer, in transactions of ~args.batch relationships,
    // on the server warmed up by the same writer (then wiped), as a long-running server would be.
    await wipe(store);
    const cpuBefore = cpuByThread(server?.pid);
    const clientBefore = process.cpuUsage();
    const { created: written, seconds: batchedSeconds } = await writeBatched(store, base.facts, copies, args.batch, 'batched');
    const batchedRate = written / batchedSeconds;
    const cpu = cpuDelta(cpuBefore, cpuByThread(server?.pid));
    const clientCpu = process.cpuUsage(clientBefore);

    console.log('');
    console.log('relationships created (the server\'s counters; structural MERGEs that find theirs are not counted)');
    console.log('writer                      relationships   seconds   relationships/s');
    console.log(`batched UNWIND … MERGE      ${fmt(written).padStart(13)}   ${batchedSeconds.toFixed(1).padStart(7)}   ${fmt(batchedRate).padStart(15)}`);
    console.log(`one statement per row       ${fmt(rowWritten).padStart(13)}   ${rowSeconds.toFixed(1).padStart(7)}   ${fmt(rowRate).padStart(15)}`);
    console.log(`ratio batched / per row: ${(batchedRate / rowRate).toFixed(1)}×`);
    console.log(`fresh server (the warm-up, ${args.warmup} years): ${fmt(warm.created)} relationships in ${warm.seconds.toFixed(1)} s, ${fmt(warm.created / warm.seconds)}/s`);
    if (cpu.size) {
      console.log('');
      console.log(`CPU seconds during the batched run (${batchedSeconds.toFixed(1)} s on ${availableParallelism()} cores), and per relationship created:`);
      const client = (clientCpu.user + clientCpu.system) / 1e6;
      for (const [name, seconds] of [...cpu, ['client (this process)', client] as [string, number]]) {
        console.log(`  ${name.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s ${((seconds * 1e6) / written).toFixed(1).padStart(6)} µs`);
      }
    }

    console.log('');
    console.log('ceiling: one relationship statement alone, 20,000 rows, on the loaded graph (best of 5)');
    for (const [name, rate] of await ceiling(store)) console.log(`  ${name.padEnd(58)} ${fmt(rate).padStart(8)} relationships/s`);
  } finally {
    await store.close();
    if (server?.startedByUs) await stopServer({ boltPort: 7689, home: BENCH_HOME, log: () => {} });
  }
}

main().catch((err: Error) => {
  console.error(`bench:ingest: ${err.message}`);
  process.exitCode = 1;
});
