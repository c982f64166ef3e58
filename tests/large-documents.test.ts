/**
 * A document too large to hold whole is extracted and stored in parts (src/store/ingest.ts), on both
 * stores: it is skipped when unchanged, and a run that stops between its parts keeps the parts it
 * wrote and is completed by a re-run to the graph of a clean run.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentFacts } from '../src/graph/model.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';
import { ingestFiles, type IngestOptions } from '../src/store/ingest.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import type { GraphStore } from '../src/store/store.js';
import { dump } from './support/graph-dump.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

/** The sample page's text on one line, repeated: about 200,000 characters, read as pieces. */
const ONE_LINE = readFileSync(DEFAULT_SAMPLE, 'utf8').replace(/\s+/g, '').repeat(30);
const IN_PARTS: IngestOptions = { largeDocument: 100_000, part: 40_000, batchRelationships: 1, jobs: 2 };

/** A store that fails after `writes` writes, as a crash between two parts would stop the ingest. */
class StopsAfter implements GraphStore {
  readonly kind: GraphStore['kind'];
  readonly location = 'test';
  private done = 0;
  constructor(private readonly inner: GraphStore, private readonly writes: number) {
    this.kind = inner.kind;
  }
  hasDocument(document: string, hash: string) {
    return this.inner.hasDocument(document, hash);
  }
  documents() {
    return this.inner.documents();
  }
  remove(documents: readonly string[]) {
    return this.inner.remove(documents);
  }
  async write(batch: readonly DocumentFacts[]) {
    if (++this.done > this.writes) throw new Error('stopped');
    await this.inner.write(batch);
  }
  namedQuery(name: string, params: Record<string, string | null>) {
    return this.inner.namedQuery(name, params);
  }
  changes() {
    return this.inner.changes();
  }
  counts() {
    return this.inner.counts();
  }
  articleText(article: string) {
    return this.inner.articleText(article);
  }
  graph() {
    return this.inner.graph();
  }
  close() {
    return this.inner.close();
  }
}

function partsSuite(name: string, open: () => Promise<GraphStore>, reset: () => Promise<void>) {
  describe(`a large document in ${name}`, function () {
    this.timeout(120_000);
    let dir: string;
    let file: string;
    let clean: Awaited<ReturnType<typeof dump>>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-large-'));
      file = join(dir, 'long.txt');
      writeFileSync(file, ONE_LINE + '\n');
      await reset();
      const store = await open();
      const first = await ingestFiles([file], store, IN_PARTS);
      const again = await ingestFiles([file], store, IN_PARTS);
      expect([first.skipped, again.skipped], 'stored completely, then skipped').to.deep.equal([0, 1]);
      clean = await dump(store);
      await store.close();
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('holds every piece as an article', () => {
      const articles = clean.nodes.filter((n) => n.startsWith('Article:'));
      expect(articles.length).to.be.greaterThan(ONE_LINE.length / 10_000);
    });

    it('stores the same graph extracting on this thread alone (one job) as on two workers', async () => {
      await reset();
      const store = await open();
      const summary = await ingestFiles([file], store, { ...IN_PARTS, jobs: 1 });
      expect(summary.articles).to.equal(clean.nodes.filter((n) => n.startsWith('Article:')).length);
      expect(await dump(store)).to.deep.equal(clean);
      await store.close();
    });

    it('keeps the parts a stopped run wrote, and a re-run completes it to the clean graph', async () => {
      await reset();
      const store = await open();
      let error: Error | undefined;
      try {
        await ingestFiles([file], new StopsAfter(store, 2), IN_PARTS);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).to.equal('stopped');
      const kept = (await dump(store)).nodes.filter((n) => n.startsWith('Article:')).length;
      expect(kept, 'the first parts are stored').to.be.greaterThan(0);
      expect(kept).to.be.lessThan(clean.nodes.filter((n) => n.startsWith('Article:')).length);
      await store.close();
      const again = await open();
      const rerun = await ingestFiles([file], again, IN_PARTS);
      expect(rerun.skipped, 'a document stored in part is not skipped').to.equal(0);
      const after = await dump(again);
      const lines = (d: typeof clean) => [...d.nodes, ...d.edges];
      expect({
        missing: lines(clean).filter((l) => !lines(after).includes(l)).slice(0, 4),
        extra: lines(after).filter((l) => !lines(clean).includes(l)).slice(0, 4),
      }).to.deep.equal({ missing: [], extra: [] });
      expect(after).to.deep.equal(clean);
      await again.close();
    });
  });
}

describe('large documents', () => {
  const path = join(tmpdir(), `guanxi-large-${process.pid}.jsonl`);
  partsSuite('the snapshot', async () => SnapshotGraphStore.open(path), async () => rmSync(path, { force: true }));
  after(() => rmSync(path, { force: true }));

  describe('on Neo4j', function () {
    this.timeout(180_000);
    let uri: string;
    before(async () => {
      uri = await testNeo4jUri();
    });
    partsSuite(
      'Neo4j',
      () => Neo4jStore.connect(uri),
      async () => {
        const store = await Neo4jStore.connect(uri);
        await wipeTestDatabase(store.client);
        await store.close();
      },
    );
  });
});
