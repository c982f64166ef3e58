/**
 * A first load two ways, side by side: the incremental writer (transactions, as `guanxi ingest`)
 * and the bulk load (as `guanxi ingest --bulk`: CSV files, neo4j-admin's importer, the server
 * restarted, empty lists put back, constraints and indexes built), each into a fresh local server of
 * its own with the same memory settings.
 *
 *   npm run bench:bulk                                  (/tmp/pfr.jsonl or the PFR corpus; 1 and 10 copies)
 *   node dist/bench/bulk.js [files…] [--copies 1,10]
 *
 * The files are read and extracted once, through ingestFiles as `guanxi ingest` does; N copies are
 * the same facts as N successive years (bench/shifted-facts.ts). Extraction is left out of both
 * figures: it is the same work either way. Without files: /tmp/pfr.jsonl if it is there, else the
 * People's Daily corpus (../shared/corpora/pfr-199801.txt, or $GUANXI_CORPUS) as JSON Lines.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer, stopServer } from '#neo4j-server';
import { readPfrArticles } from '../src/corpus/pfr.js';
import { RELATIONSHIP_TYPES, type DocumentFacts } from '../src/graph/model.js';
import { cypher } from '../src/store/cypher-files.js';
import { ingestFiles } from '../src/store/ingest.js';
import { importOnLocalServer } from '../src/store/neo4j-bulk.js';
import { ImportCsvWriter } from '../src/store/neo4j-import-csv.js';
import { Neo4jImportStore } from '../src/store/neo4j-import-store.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import type { DocumentSink } from '../src/store/store.js';
import { WriteBehind } from '../src/store/write-behind.js';
import { shifted } from './shifted-facts.js';
import { writePfrJsonl } from './whole-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** As bench:ingest runs its server. */
const MEMORY = { heap: '2g', pageCache: '1g' };

function parseArgs(argv: string[]): { files: string[]; copies: number[] } {
  const files: string[] = [];
  let copies = [1, 10];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--copies') {
      copies = (argv[++i] ?? '').split(',').map(Number);
      if (!copies.length || copies.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--copies: whole numbers, 1 or more, separated by commas');
    } else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    else files.push(resolve(argv[i]));
  }
  return { files, copies };
}

/** A store that keeps what ingest writes: the documents' facts as `guanxi ingest` gives them. */
class FactsCollector implements DocumentSink {
  readonly facts: DocumentFacts[] = [];
  async hasDocument() {
    return false;
  }
  async write(batch: readonly DocumentFacts[]) {
    this.facts.push(...batch);
  }
  async documents() {
    return [];
  }
  async remove() {}
}

function* copiesOf(facts: DocumentFacts[], copies: number): Generator<DocumentFacts> {
  for (let k = 0; k < copies; k++) for (const f of facts) yield shifted(f, k);
}

/** A fresh server for one run, stopped and deleted after it. */
async function withServer<T>(run: (server: { uri: string; boltPort: number; home: string }) => Promise<T>): Promise<T> {
  const boltPort = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'guanxi-bench-bulk-'));
  const { uri } = await startServer({ boltPort, home, ...MEMORY, log: () => {} });
  try {
    return await run({ uri, boltPort, home });
  } finally {
    await stopServer({ boltPort, home, log: () => {} });
    rmSync(home, { recursive: true, force: true });
  }
}

async function counts(uri: string): Promise<Record<string, number>> {
  const store = await Neo4jStore.connect(uri);
  try {
    const { rows } = await store.client.query(cypher('read/counts'));
    return Object.fromEntries(rows.map((r) => [String(r.name), Number(r.count)]));
  } finally {
    await store.close();
  }
}

const relationshipsIn = (c: Record<string, number>) => RELATIONSHIP_TYPES.reduce((n, t) => n + (c[t] ?? 0), 0);

async function incremental(facts: DocumentFacts[], copies: number) {
  return withServer(async ({ uri }) => {
    const store = await Neo4jStore.connect(uri, { schema: true });
    const t = Date.now();
    try {
      const writer = new WriteBehind(store);
      for (const f of copiesOf(facts, copies)) await writer.add(f);
      await writer.drain();
    } finally {
      await store.close();
    }
    const ms = Date.now() - t;
    return { ms, counts: await counts(uri) };
  });
}

async function bulk(facts: DocumentFacts[], copies: number) {
  return withServer(async ({ uri, boltPort, home }) => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-bench-csv-'));
    try {
      let t = Date.now();
      const store = new Neo4jImportStore(new ImportCsvWriter(dir), uri);
      for (const f of copiesOf(facts, copies)) await store.write([f]);
      const written = store.finish();
      const csv = Date.now() - t;
      t = Date.now();
      const loaded = await importOnLocalServer(written, { boltPort, home }, 'neo4j', uri);
      return { ms: { csv, ...loaded.ms, total: Date.now() - t + csv }, counts: loaded.counts };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const perSecond = (n: number, ms: number) => fmt((n * 1000) / ms);
const s = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let files = args.files;
  let scratch: string | undefined;
  if (!files.length) {
    if (existsSync('/tmp/pfr.jsonl')) files = ['/tmp/pfr.jsonl'];
    else {
      scratch = mkdtempSync(join(tmpdir(), 'guanxi-bench-pfr-'));
      const corpus = process.env.GUANXI_CORPUS || resolve(ROOT, '../shared/corpora/pfr-199801.txt');
      files = [writePfrJsonl(readPfrArticles(corpus), join(scratch, 'pfr.jsonl')).path];
    }
  }
  try {
    let t = Date.now();
    const collector = new FactsCollector();
    const read = await ingestFiles(files, collector);
    console.log(`${files.join(', ')}: ${fmt(read.articles)} articles extracted in ${s(Date.now() - t)} s (not counted below)`);
    console.log('');
    console.log('copies  way          relationships  seconds  relationships/s  steps (s)');
    for (const copies of args.copies) {
      t = Date.now();
      const inc = await incremental(collector.facts, copies);
      const incRels = relationshipsIn(inc.counts);
      console.log(`${String(copies).padStart(6)}  incremental  ${fmt(incRels).padStart(13)}  ${s(inc.ms).padStart(7)}  ${perSecond(incRels, inc.ms).padStart(15)}  transactions of 20,000 relationships`);
      const b = await bulk(collector.facts, copies);
      const rels = relationshipsIn(b.counts);
      const steps = `CSV ${s(b.ms.csv)}, stop ${s(b.ms.stop)}, import ${s(b.ms.import)}, start ${s(b.ms.start)}, empty lists + schema ${s(b.ms.finish)}`;
      console.log(`${String(copies).padStart(6)}  bulk         ${fmt(rels).padStart(13)}  ${s(b.ms.total).padStart(7)}  ${perSecond(rels, b.ms.total).padStart(15)}  ${steps}`);
      console.log(`${''.padStart(6)}  bulk: the importer alone ${perSecond(rels, b.ms.import)}/s; without the server's stop and start ${perSecond(rels, b.ms.total - b.ms.stop - b.ms.start)}/s`);
      const same = JSON.stringify(inc.counts) === JSON.stringify(b.counts);
      if (!same) console.log(`        counts differ!\n          incremental ${JSON.stringify(inc.counts)}\n          bulk        ${JSON.stringify(b.counts)}`);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(`bench:bulk: ${err.message}`);
  process.exitCode = 1;
});
