/**
 * The Neo4j store against a real Neo4j 5.26 (tests/support/neo4j.ts starts one): schema, batched
 * idempotent writes, a killed ingest completed by a re-run, named queries agreeing with the snapshot,
 * the read-only guard, and routing URIs.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphCounts } from '../src/graph/assemble.js';
import { DEFAULT_SAMPLE, PACKAGE_ROOT } from '../src/paths.js';
import { ingestFiles } from '../src/store/ingest.js';
import { bindParams, namedQuery, namedQueryNames } from '../src/store/named-queries.js';
import { cypher } from '../src/store/cypher-files.js';
import { ReadOnlyError } from '../src/store/neo4j.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { bothAnswers } from './support/named-query-agreement.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

const wipe = (store: Neo4jStore) => wipeTestDatabase(store.client);

async function counts(store: Neo4jStore): Promise<Record<string, number>> {
  const r = await store.client.query(cypher('read/counts'));
  return Object.fromEntries(r.rows.map((row) => [String(row.name), Number(row.count)]));
}

/** Answers that do not depend on the order Neo4j happens to return equal rows in. */
const canonical = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('Neo4j store (real Neo4j 5.26)', function () {
  this.timeout(180_000);
  let uri: string;
  let store: Neo4jStore;
  let dir: string;

  before(async () => {
    uri = await testNeo4jUri();
    store = await Neo4jStore.connect(uri, { schema: true });
    dir = mkdtempSync(join(tmpdir(), 'guanxi-neo4j-'));
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('on the sample page', () => {
    let created: number;
    before(async () => {
      await wipe(store);
      const before = store.relationshipsCreated;
      await ingestFiles([DEFAULT_SAMPLE], store);
      created = store.relationshipsCreated - before;
    });

    it('counts the relationships it created as the server does (bench:ingest reports this figure)', async () => {
      const r = await store.client.query('MATCH ()-[r]->() RETURN count(r) AS n');
      expect(created).to.be.greaterThan(100);
      expect(created).to.equal(Number(r.rows[0].n));
    });

    it('creates the constraints and indexes of cypher/schema.cypher', async () => {
      const r = await store.client.query('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      expect(r.rows[0].names).to.include.members(['person_id', 'organization_id', 'event_id', 'article_id', 'document_id']);
    });

    it('holds the same graph as the snapshot', async () => {
      const snapshot = SnapshotGraphStore.open(join(dir, 'sample.jsonl'));
      await ingestFiles([DEFAULT_SAMPLE], snapshot);
      const fromNeo4j = await store.graph();
      const fromSnapshot = await snapshot.graph();
      expect(graphCounts(fromNeo4j)).to.deep.equal(graphCounts(fromSnapshot));
      expect(fromNeo4j.getNodeAttributes('Person:张飞@许昌市')).to.deep.equal(fromSnapshot.getNodeAttributes('Person:张飞@许昌市'));
    });

    it('leaves every count unchanged when the same file is ingested again', async () => {
      const before = await counts(store);
      const summary = await ingestFiles([DEFAULT_SAMPLE], store);
      expect(summary.skipped).to.equal(1);
      expect(await counts(store)).to.deep.equal(before);
      // Writing the same facts again (no skip) is harmless too: the stored version is replaced.
      const { documentFacts } = await import('../src/graph/facts.js');
      const { extractDocument } = await import('../src/extract/pipeline.js');
      const { readSource } = await import('../src/ingest/read.js');
      const { documentId, identify } = await import('../src/graph/identity.js');
      const doc = readSource(DEFAULT_SAMPLE).document!;
      await store.write([documentFacts(identify(extractDocument(doc), doc, documentId(DEFAULT_SAMPLE)), 'forced', DEFAULT_SAMPLE)]);
      expect(await counts(store)).to.deep.equal(before);
    });

    it('answers events-of-person with both meetings of 17 February 2023', async () => {
      const q = namedQuery('events-of-person');
      const r = await store.client.query(q.statement, bindParams(q, { name: '张飞' }));
      expect(r.rows.map((row) => [row.event, row.date, row.roles])).to.deep.equal([
        ['全市公安工作会议', '2023-02-17', ['attended', 'spoke']],
        ['市委政法工作会议', '2023-02-17', ['attended', 'spoke']],
      ]);
    });

    const examples: Record<string, Record<string, string>> = {
      'events-of-person': { name: '张飞' },
      'participants-of-event': { event: '政法工作会议' },
      'co-participation': { a: '张飞' },
      'officials-of-organization': { org: '中共许昌市委' },
      'titles-of-person': { name: '王自合' },
      'events-at-place': { place: '许昌市', from: '2023-02-01', to: '2023-02-28' },
      'career-of-person': { name: '王自合' },
      'holders-of-post': { title: '副市长', org: '许昌市人民政府', date: '2023-02-17' },
      'colleagues-of-person': { name: '王自合' },
    };

    it('has an example for every named query', () => {
      expect(Object.keys(examples).sort()).to.deep.equal(namedQueryNames());
    });

    for (const [name, params] of Object.entries(examples)) {
      it(`answers ${name} as the snapshot does, and not emptily`, async () => {
        const { neo, mem } = await bothAnswers(store, name, params);
        expect(neo.rows.length).to.be.greaterThan(0);
        expect(neo.columns).to.deep.equal(mem.columns);
        expect(canonical(neo.rows)).to.deep.equal(canonical(mem.rows));
      });
    }

    it('refuses a write in a read-only query with a clear message', async () => {
      let error: unknown;
      try {
        await store.client.query("CREATE (:Person {id: 'x', name: 'x'})");
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(ReadOnlyError);
      expect((error as Error).message).to.match(/read-only/);
      expect((await store.client.query("MATCH (p:Person {id: 'x'}) RETURN p")).rows).to.deep.equal([]);
    });

    it('works through a neo4j:// routing URI', async () => {
      const routed = await Neo4jStore.connect(uri.replace(/^bolt:/, 'neo4j:'));
      try {
        const r = await routed.client.query('MATCH (p:Person {name: $name}) RETURN p.id AS id', { name: '张飞' });
        expect(r.rows).to.deep.equal([{ id: '张飞@许昌市' }]);
      } finally {
        await routed.close();
      }
    });

    it('serves guanxi query and export from the command line', () => {
      const env = { ...process.env, NEO4J_URI: uri };
      const q = spawnSync(process.execPath, [CLI, 'query', '--name', 'events-of-person', '--param', 'name=张飞', '--format', 'json'], { env, encoding: 'utf8' });
      expect(q.status, q.stderr).to.equal(0);
      expect((JSON.parse(q.stdout) as { event: string }[]).map((r) => r.event).sort()).to.deep.equal(['全市公安工作会议', '市委政法工作会议']);
      const refused = spawnSync(process.execPath, [CLI, 'query', "CREATE (n:Person {id: 'y'})"], { env, encoding: 'utf8' });
      expect(refused.status).to.not.equal(0);
      expect(refused.stderr).to.match(/read-only/);
      const out = join(dir, 'csv');
      const e = spawnSync(process.execPath, [CLI, 'export', '--csv', out], { env, encoding: 'utf8' });
      expect(e.status, e.stderr).to.equal(0);
      expect(readdirSync(out).sort()).to.deep.equal(['career-changes.csv', 'careers.csv', 'events.csv', 'organizations.csv', 'participation.csv', 'persons.csv', 'places.csv', 'titles.csv']);
    });
  });

  it('writes two versions of one document in one run in order, though writes overlap', async () => {
    // A file named twice is one document: the second reading replaces the first. With one batch per
    // file, the two writes would run at once (and both create its articles) if the write-behind did
    // not hold the second back.
    await wipe(store);
    const a = join(dir, 'a');
    spawnSync('mkdir', ['-p', a]);
    copyFileSync(DEFAULT_SAMPLE, join(a, 'page.txt'));
    const summary = await ingestFiles([join(a, 'page.txt'), join(a, 'page.txt')], store, { batchRelationships: 1 });
    expect(summary.failed).to.equal(0);
    const once = await counts(store);
    await wipe(store);
    await ingestFiles([join(a, 'page.txt')], store);
    expect(once).to.deep.equal(await counts(store));
  });

  describe('a killed ingest', () => {
    let files: string[];
    before(() => {
      // Twelve pages: the sample under several names and the People's Daily pages, if present.
      const pages = join(dir, 'pages');
      spawnSync('mkdir', ['-p', pages]);
      files = [];
      for (let i = 0; i < 12; i++) {
        const f = join(pages, `page-${String(i).padStart(2, '0')}.txt`);
        copyFileSync(DEFAULT_SAMPLE, f);
        files.push(f);
      }
    });

    it('is completed by a re-run, giving the counts of a clean run', async () => {
      await wipe(store);
      await ingestFiles(files, store);
      const clean = await counts(store);
      await wipe(store);

      const env = { ...process.env, NEO4J_URI: uri };
      const child = spawn(process.execPath, [CLI, 'ingest', '--batch', '1', ...files], { env, stdio: 'ignore' });
      // Kill it once some, but not all, documents are stored.
      for (;;) {
        const r = await store.client.query('MATCH (d:Document) RETURN count(d) AS n');
        const n = Number(r.rows[0].n);
        if (n >= 2 || child.exitCode !== null) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      child.kill('SIGKILL');
      await new Promise((res) => child.once('exit', res));
      const partial = Number((await store.client.query('MATCH (d:Document) RETURN count(d) AS n')).rows[0].n);
      expect(partial, 'the ingest was killed before it finished').to.be.lessThan(files.length);

      const rerun = spawnSync(process.execPath, [CLI, 'ingest', ...files], { env, encoding: 'utf8' });
      expect(rerun.status, rerun.stderr).to.equal(0);
      expect(await counts(store)).to.deep.equal(clean);
    });
  });
});
