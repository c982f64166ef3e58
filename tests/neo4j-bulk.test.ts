/**
 * `guanxi ingest --bulk` against real Neo4j 5.26. The bundled sample page and a few hundred PFR
 * articles are loaded twice: incrementally into the tests' database, and with --bulk into a fresh
 * server of this test's own (its own instance folder, on a free port, so that the bulk load may stop
 * and start it). Both must hold the same graph: the same counts by label and type, and the same
 * checksum over every node and relationship with all properties and their types. Then the
 * bulk-loaded database goes on incrementally, and a database that is not empty is refused.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer, stopServer } from '#neo4j-server';
import { pfrJsonlRecord } from '../bench/whole-process.js';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import { DEFAULT_SAMPLE, PACKAGE_ROOT } from '../src/paths.js';
import { cypher } from '../src/store/cypher-files.js';
import { ingestFiles } from '../src/store/ingest.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { graphFacts, type GraphFacts } from './support/graph-facts.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'pfr-199801.txt');

/** Invented records whose text the CSV files must carry exactly: quotes, commas, a line break in a headline. */
const AWKWARD = [
  { id: 'awkward-1', title: '县长说："抓紧，抓好"\n第二行', date: '1998-01-05', source: '测试报', text: '县长王明说："我们要抓紧，抓好；再抓好。"\n会议在县政府召开。' },
];

/** The first `count` development-day articles from `skip` on, as JSON Lines, with `extra` records after them. */
function pfrJsonl(path: string, skip: number, count: number, extra: object[] = []): string {
  const records: object[] = [];
  let seen = 0;
  for (const article of iteratePfrArticles(readFileSync(CORPUS, 'utf8'), { days: [1, 24] })) {
    if (seen++ < skip) continue;
    records.push(pfrJsonlRecord(article));
    if (records.length >= count) break;
  }
  writeFileSync(path, [...records, ...extra].map((r) => JSON.stringify(r) + '\n').join(''));
  return path;
}

/** The lines only one side has, a few of each: what a failed comparison shows. */
function differences(a: GraphFacts, b: GraphFacts): { onlyIncremental: string[]; onlyBulk: string[] } {
  const [inA, inB] = [new Set(a.lines), new Set(b.lines)];
  return { onlyIncremental: a.lines.filter((l) => !inB.has(l)).slice(0, 5), onlyBulk: b.lines.filter((l) => !inA.has(l)).slice(0, 5) };
}

function expectSameGraph(incremental: GraphFacts, bulk: GraphFacts): void {
  expect(bulk.counts).to.deep.equal(incremental.counts);
  expect(differences(incremental, bulk)).to.deep.equal({ onlyIncremental: [], onlyBulk: [] });
  expect(bulk.checksum).to.equal(incremental.checksum);
}

describe('guanxi ingest --bulk (real Neo4j 5.26)', function () {
  this.timeout(300_000);
  let dir: string;
  let first: string;
  let later: string;
  let incremental: Neo4jStore;
  let server: { boltPort: number; home: string; uri: string };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'ingest', ...args, '--neo4j', server.uri], { env: { ...process.env, GUANXI_NEO4J_HOME: server.home }, encoding: 'utf8' });
  const withBulkStore = async <T>(run: (store: Neo4jStore) => Promise<T>): Promise<T> => {
    const store = await Neo4jStore.connect(server.uri, { schema: true });
    try {
      return await run(store);
    } finally {
      await store.close();
    }
  };

  before(async function () {
    if (!existsSync(CORPUS)) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'guanxi-bulk-test-'));
    first = pfrJsonl(join(dir, 'first.jsonl'), 0, 300, AWKWARD);
    later = pfrJsonl(join(dir, 'later.jsonl'), 300, 40);
    incremental = await Neo4jStore.connect(await testNeo4jUri(), { schema: true });
    await wipeTestDatabase(incremental.client);
    await ingestFiles([DEFAULT_SAMPLE, first], incremental);
    const boltPort = await freePort();
    const home = join(dir, 'neo4j');
    server = { boltPort, home, uri: (await startServer({ boltPort, home, log: () => {} })).uri };
  });

  after(async () => {
    await incremental?.close();
    if (server) await stopServer({ boltPort: server.boltPort, home: server.home, log: () => {} });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('with --print-command writes the CSV files and prints the import commands, leaving the database as it was', async () => {
    const printed = join(dir, 'printed');
    const run = cli('--bulk', '--print-command', '--csv-dir', printed, DEFAULT_SAMPLE, first);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include(`cd ${printed} && neo4j-admin database import full neo4j --overwrite-destination=true`);
    expect(run.stdout).to.include('--nodes=nodes-Person.csv');
    expect(run.stdout).to.match(/docker run --rm -v \S+:\/import -v NEO4J_DATA:\/data neo4j:5\.26-community neo4j-admin database import full neo4j .*--nodes=\/import\/nodes-Person\.csv/);
    expect(run.stdout).to.include(`guanxi ingest --finish-bulk --neo4j ${server.uri}`);
    expect(existsSync(join(printed, 'relationships-MENTIONS-Article-Person.csv'))).to.equal(true);
    // The invented headline's line break puts its article in a file of its own.
    expect(existsSync(join(printed, 'nodes-Article.multiline-1.csv'))).to.equal(true);
    expect(run.stdout).to.include(`--multiline-fields=nodes-Article.multiline-1.csv`);
    const nodes = await withBulkStore(async (store) => (await store.client.query(cypher('read/node-count'))).rows[0].nodes);
    expect(nodes).to.equal(0);

    // The neo4j-admin line, run by the shell as printed, names every file written, from the folder.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'neo4j-admin'), '#!/bin/sh\nprintf \'%s\\n\' "$PWD" "$@" > "$ARGS_OUT"\n', { mode: 0o755 });
    const line = run.stdout.split('\n').find((l) => l.trim().startsWith('cd '))!.trim();
    const out = join(dir, 'admin-args.txt');
    const shell = spawnSync('sh', ['-c', line], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ARGS_OUT: out }, encoding: 'utf8' });
    expect(shell.status, shell.stderr).to.equal(0);
    const [cwd, ...args] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect([cwd, ...args.slice(0, 4)]).to.deep.equal([printed, 'database', 'import', 'full', 'neo4j']);
    const named = args.filter((a) => /^--(nodes|relationships)=/.test(a)).map((a) => join(cwd, a.slice(a.indexOf('=') + 1)));
    expect(named.sort()).to.deep.equal(readdirSync(printed).filter((f) => f.endsWith('.csv')).map((f) => join(printed, f)).sort());
  });

  it('loads the graph the incremental writer builds: the same counts and the same checksum over every fact', async () => {
    const run = cli('--bulk', DEFAULT_SAMPLE, first);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^bulk load: [\d,]+ relationships in [\d.]+ s/m);
    const bulk = await withBulkStore((store) => graphFacts(store.client));
    expect(bulk.counts.MENTIONS).to.be.greaterThan(1_000);
    expect(bulk.counts.Document).to.equal(2);
    expectSameGraph(await graphFacts(incremental.client), bulk);
  });

  it('has the constraints and indexes of cypher/schema.cypher', async () => {
    const names = await withBulkStore(async (store) => (await store.client.query('SHOW INDEXES YIELD name, state RETURN collect(name + " " + state) AS names')).rows[0].names);
    expect(names).to.include.members(['person_id ONLINE', 'article_id ONLINE', 'document_id ONLINE', 'person_name ONLINE', 'event_date ONLINE']);
  });

  it('refuses a database that is not empty, in one line that says what to do, changing nothing', async () => {
    const before = await withBulkStore((store) => graphFacts(store.client));
    const run = cli('--bulk', later);
    expect(run.status).to.not.equal(0);
    expect(run.stderr.trim().split('\n')).to.have.length(1);
    expect(run.stderr).to.match(/holds [\d,]+ nodes: --bulk loads an empty database only; ingest without --bulk to add to it/);
    expect((await withBulkStore((store) => graphFacts(store.client))).checksum).to.equal(before.checksum);
  });

  it('goes on incrementally: unchanged files are skipped, a new one is added as on the incremental database', async () => {
    await withBulkStore(async (store) => {
      const again = await ingestFiles([DEFAULT_SAMPLE, first], store);
      expect(again.skipped).to.equal(2);
      const added = await ingestFiles([later], store);
      expect([added.skipped, added.relationships > 100]).to.deep.equal([0, true]);
    });
    await ingestFiles([later], incremental);
    expectSameGraph(await graphFacts(incremental.client), await withBulkStore((store) => graphFacts(store.client)));
  });
});
