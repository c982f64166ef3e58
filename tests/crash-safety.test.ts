/**
 * Crash safety on both stores: `guanxi ingest` killed with SIGKILL at seeded random points, then run
 * again, gives the graph of a clean run; killed late, it keeps the documents it had finished; a torn
 * snapshot line is reported. GUANXI_KILL_TRIALS sets the number of random points (default 3).
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pfrJsonlRecord } from '../bench/whole-process.js';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';
import { dump } from './support/graph-dump.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';
import { mulberry32 } from '../src/seeded-random.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'pfr-199801.txt');
const TRIALS = Number(process.env.GUANXI_KILL_TRIALS ?? 3);
const SEED = Number(process.env.GUANXI_KILL_SEED ?? 12);


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** How a test drives one store: its arguments for the CLI, how to empty it, what it holds. */
interface Target {
  args: string[];
  env: NodeJS.ProcessEnv;
  reset(): Promise<void>;
  /** Documents stored completely so far. */
  storedDocuments(): Promise<number>;
  /** Waits until the store has finished what a killed client left running. */
  settle(): Promise<void>;
  graph(): Promise<{ nodes: string[]; edges: string[] }>;
}

function crashSuite(name: string, target: () => Target, files: () => string[]) {
  describe(`a killed ingest into ${name}`, function () {
    this.timeout(600_000);
    let clean: { nodes: string[]; edges: string[] };
    let cleanMs: number;
    const ingest = () => spawnSync(process.execPath, [CLI, 'ingest', ...target().args, ...files()], { env: target().env, encoding: 'utf8' });

    before(async function () {
      if (!files().length) this.skip();
      await target().reset();
      const t = Date.now();
      const run = ingest();
      cleanMs = Date.now() - t;
      expect(run.status, run.stderr).to.equal(0);
      clean = await target().graph();
      expect(clean.nodes.filter((n) => n.startsWith('Article:')).length).to.be.greaterThan(100);
    });

    it(`re-runs to the graph of a clean run after SIGKILL at ${TRIALS} seeded random points`, async () => {
      // The same kill points on every run.
      const next = mulberry32(SEED);
      for (let trial = 0; trial < TRIALS; trial++) {
        await target().reset();
        const child = spawn(process.execPath, [CLI, 'ingest', ...target().args, ...files()], { env: target().env, stdio: 'ignore' });
        // Anywhere from start-up to the last writes; a point past the end kills nothing, which is fine.
        await Promise.race([sleep(next() * cleanMs), exited(child)]);
        child.kill('SIGKILL');
        await exited(child);
        await target().settle();
        const rerun = ingest();
        expect(rerun.status, rerun.stderr).to.equal(0);
        expectSameGraph(await target().graph(), clean, `trial ${trial + 1}`);
      }
    });

    it('keeps the documents it had finished when killed late in the run', async () => {
      await target().reset();
      const total = files().length;
      const child = spawn(process.execPath, [CLI, 'ingest', ...target().args, ...files()], { env: target().env, stdio: 'ignore' });
      let seen = 0;
      while (child.exitCode === null && (seen = await target().storedDocuments()) < total / 2) await sleep(20);
      child.kill('SIGKILL');
      await exited(child);
      await target().settle();
      expect(child.signalCode, 'the ingest was killed before it finished').to.equal('SIGKILL');
      const kept = await target().storedDocuments();
      expect(kept).to.be.at.least(seen).and.greaterThan(0);
      const articles = (await target().graph()).nodes.filter((n) => n.startsWith('Article:')).length;
      expect(articles, 'articles of the finished documents are in the graph').to.be.greaterThan(0);
      const rerun = ingest();
      expect(rerun.status, rerun.stderr).to.equal(0);
      expectSameGraph(await target().graph(), clean, 'after the re-run');
    });
  });
}

/** Equal graphs, or the lines that differ (the whole graph is too long for a diff). */
function expectSameGraph(actual: { nodes: string[]; edges: string[] }, expected: { nodes: string[]; edges: string[] }, what: string): void {
  const missing = [...expected.nodes, ...expected.edges].filter((l) => !actual.nodes.includes(l) && !actual.edges.includes(l));
  const extra = [...actual.nodes, ...actual.edges].filter((l) => !expected.nodes.includes(l) && !expected.edges.includes(l));
  expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, what).to.deep.equal({ missing: [], extra: [] });
  expect(actual, what).to.deep.equal(expected);
}

describe('crash safety', () => {
  let dir: string;
  const inputs: string[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-crash-'));
    if (!existsSync(CORPUS)) return;
    // The People's Daily of 1–8 January 1998 as sixteen JSON Lines files of about fifty articles.
    const byFile = new Map<string, string[]>();
    for (const a of iteratePfrArticles(readFileSync(CORPUS, 'utf8'), { days: [1, 8] })) {
      const name = `pfr-${a.date}-${Number(a.id.split('-')[1]) <= 4 ? 'a' : 'b'}.jsonl`;
      byFile.set(name, [...(byFile.get(name) ?? []), JSON.stringify(pfrJsonlRecord(a))]);
    }
    mkdirSync(join(dir, 'in'));
    for (const [name, lines] of byFile) {
      writeFileSync(join(dir, 'in', name), lines.join('\n') + '\n');
      inputs.push(join(dir, 'in', name));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const snapshot = (): Target => {
    const path = join(dir, 'graph.jsonl');
    return {
      args: ['--snapshot', path],
      env: { ...process.env, NEO4J_URI: '' },
      reset: async () => rmSync(path, { force: true }),
      settle: async () => {},
      storedDocuments: async () => {
        if (!existsSync(path)) return 0;
        const lines = readFileSync(path, 'utf8').split('\n');
        // The header and a line still being written do not count.
        return Math.max(0, lines.slice(0, -1).length - 1);
      },
      graph: async () => dump(SnapshotGraphStore.open(path)),
    };
  };
  crashSuite('the JSON Lines journal', snapshot, () => inputs);

  const sqlite = (): Target => {
    const path = join(dir, 'graph.db');
    const open = <T>(read: (store: SqliteGraphStore) => Promise<T>) => async () => {
      const store = SqliteGraphStore.open(path);
      try {
        return await read(store);
      } finally {
        await store.close();
      }
    };
    return {
      args: ['--snapshot', path],
      env: { ...process.env, NEO4J_URI: '' },
      reset: async () => ['', '-wal', '-shm'].forEach((end) => rmSync(path + end, { force: true })),
      settle: async () => {},
      storedDocuments: open(async (store) => (await store.documents()).length),
      graph: open((store) => dump(store)),
    };
  };
  crashSuite('the embedded store', sqlite, () => inputs);

  describe('on Neo4j', function () {
    this.timeout(180_000);
    let store: Neo4jStore;
    let uri: string;
    before(async function () {
      if (!inputs.length) this.skip();
      uri = await testNeo4jUri();
      store = await Neo4jStore.connect(uri);
    });
    after(async () => store?.close());
    crashSuite(
      'Neo4j',
      () => ({
        args: [],
        env: { ...process.env, NEO4J_URI: uri },
        reset: async () => {
          await wipeTestDatabase(store.client);
        },
        storedDocuments: async () => Number((await store.client.query('MATCH (d:Document) RETURN count(d) AS n')).rows[0].n),
        // The server completes or rolls back the transaction of a client that died: wait for it.
        settle: async () => {
          while (Number((await store.client.query('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n')).rows[0].n) > 1) await sleep(50);
        },
        graph: async () => dump(store),
      }),
      () => inputs,
    );
  });

  it('says so when the snapshot ends in a torn line, and the next ingest completes it', function () {
    this.timeout(120_000);
    if (!inputs.length) this.skip();
    const path = join(dir, 'torn.jsonl');
    const run = () => spawnSync(process.execPath, [CLI, 'ingest', '--snapshot', path, ...inputs.slice(0, 3)], { env: { ...process.env, NEO4J_URI: '' }, encoding: 'utf8' });
    expect(run().status).to.equal(0);
    const whole = readFileSync(path, 'utf8');
    const lines = whole.split('\n').length - 1;
    // A crash in the middle of appending the last document.
    truncateSync(path, Buffer.byteLength(whole) - 200);
    const again = run();
    expect(again.status, again.stderr).to.equal(0);
    expect(again.stderr).to.include(`guanxi: ${path}:${lines}: torn last line ignored (an interrupted ingest); re-run the ingest to complete it`);
    expect(readFileSync(path, 'utf8')).to.equal(whole);
    expect(run().stderr).to.not.include('torn');
  });
});
