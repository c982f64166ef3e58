/**
 * Document identity on both stores (the embedded snapshot and a real Neo4j 5.26): files named alike
 * in different folders, ids that restart in every file, a renamed file, `remove` and `--prune`, and
 * re-ingesting unchanged files. Nothing is lost, nothing merged by mistake.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphCounts, type GuanxiGraph } from '../src/graph/assemble.js';
import { articleKeyer, documentId } from '../src/graph/identity.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { DEFAULT_SAMPLE, PACKAGE_ROOT } from '../src/paths.js';
import { extractDocument } from '../src/extract/pipeline.js';
import { documentFacts } from '../src/graph/facts.js';
import { readSource } from '../src/ingest/read.js';
import { documentHash, ingestFiles, pruneDocuments } from '../src/store/ingest.js';
import { cypher } from '../src/store/cypher-files.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';
import type { GraphStore } from '../src/store/store.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const record = (o: object) => JSON.stringify(o) + '\n';

/** Two crawler dumps whose ids both restart at 1, each record naming its own official. */
const DAY1 = [
  { id: 1, home: '许昌市', date: '2023-02-17', title: '全市公安工作会议召开', text: '本报讯 2月17日，全市公安工作会议召开。副市长、市公安局局长李建国出席会议并讲话。' },
  { id: 2, home: '许昌市', date: '2023-02-18', title: '市政府召开常务会议', text: '本报讯 2月18日，市政府召开常务会议。副市长王建设主持会议。' },
];
const DAY2 = [
  { id: 1, home: '许昌市', date: '2023-03-01', title: '全市教育工作会议召开', text: '本报讯 3月1日，全市教育工作会议召开。市教育局局长赵立新出席会议并讲话。' },
  { id: 2, home: '许昌市', date: '2023-03-02', title: '市委召开常委会会议', text: '本报讯 3月2日，市委召开常委会会议。市委书记刘德华主持会议。' },
];

/** Writes the records of each day to its file in `dir`: the files, in the days' order. */
function writeDays(dir: string, ...names: string[]): string[] {
  return names.map((name, k) => {
    const file = join(dir, name);
    writeFileSync(file, [DAY1, DAY2][k].map(record).join(''));
    return file;
  });
}

/** The graph as comparable values: node keys and relationship keys, sorted. */
function shape(graph: GuanxiGraph): { nodes: string[]; edges: string[] } {
  return { nodes: graph.nodes().sort(), edges: graph.edges().sort() };
}

/** The article a person is mentioned in: its headline and document, and the article the evidence names. */
function mentionOf(graph: GuanxiGraph, person: string): { headline: unknown; document: unknown; evidence: unknown; article: unknown }[] {
  return graph.inEdges(`Person:${person}`)
    .filter((e) => graph.getEdgeAttribute(e, 'rel') === 'MENTIONS')
    .map((e) => {
      const article = graph.getNodeAttributes(graph.source(e)) as { id: string; headline: string; document: string };
      return { headline: article.headline, document: article.document, evidence: graph.getEdgeAttribute(e, 'article' as never), article: article.id };
    });
}

describe('article keys', () => {
  const records = (...ids: (string | undefined)[]): SourceDocument => ({
    path: 'x.jsonl', name: 'x.jsonl', format: 'jsonl', encoding: 'UTF-8',
    units: ids.map((id, i) => ({ kind: 'record', line: i + 1, id, text: '正文' })),
  });

  it('keys a record by its id when the document has it once, else by its line', () => {
    const key = articleKeyer(records('a', 'b', 'a', undefined, 'L1'));
    expect(['a', 'b', 'a', 'x.jsonl#L4', 'L1'].map(key)).to.deep.equal(['L1', 'b', 'L3', 'L4', 'L5']);
  });

  it("keys a page's articles by their place on it, and a long article's pieces by its key", () => {
    const page: SourceDocument = { path: 'p.txt', name: 'p.txt', format: 'page', encoding: 'UTF-8', units: [{ kind: 'page', text: '正文' }] };
    const key = articleKeyer(page);
    expect(['p.txt#1', 'p.txt#2', 'p.txt#2~2', 'p.txt#3'].map(key)).to.deep.equal(['1', '2', '2~2', '3']);
  });

  it('identifies a document by its absolute path, or by the source id given', () => {
    expect(documentId('a/b.txt')).to.equal(join(process.cwd(), 'a', 'b.txt'));
    expect(documentId('a/b.txt', 'paper-2023-02-18')).to.equal('paper-2023-02-18');
  });
});

for (const kind of ['sqlite', 'snapshot', 'neo4j'] as const) {
  describe(`document identity (${kind})`, function () {
    this.timeout(180_000);
    let dir: string;
    let uri: string;
    const open: GraphStore[] = [];
    let serial = 0;

    /** A new, empty store of this kind. */
    async function emptyStore(): Promise<GraphStore> {
      let store: GraphStore;
      if (kind === 'snapshot') store = SnapshotGraphStore.open(join(dir, `graph-${serial++}.jsonl`));
      else if (kind === 'sqlite') store = SqliteGraphStore.open(join(dir, `graph-${serial++}.db`));
      else {
        const neo = await Neo4jStore.connect(uri, { schema: true });
        await wipeTestDatabase(neo.client);
        store = neo;
      }
      open.push(store);
      return store;
    }

    /** The graph of these files alone, always from a snapshot: what the store must equal. */
    async function alone(files: string[]): Promise<GuanxiGraph> {
      const store = SnapshotGraphStore.open(join(dir, `alone-${serial++}.jsonl`));
      await ingestFiles(files, store);
      return store.graph();
    }

    const storeArgs = (store: GraphStore) => (store instanceof Neo4jStore ? ['--neo4j', uri] : ['--snapshot', store.location]);

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), `guanxi-identity-${kind}-`));
      if (kind === 'neo4j') uri = await testNeo4jUri();
    });
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps two files of the same name in different folders apart', async () => {
      mkdirSync(join(dir, 'xuchang'));
      mkdirSync(join(dir, 'luoyang'));
      const a = join(dir, 'xuchang', 'news.jsonl');
      const b = join(dir, 'luoyang', 'news.jsonl');
      writeFileSync(a, DAY1.map(record).join(''));
      writeFileSync(b, DAY2.map((r, i) => record({ ...r, id: `n${i}` })).join(''));
      const store = await emptyStore();
      const summary = await ingestFiles([a, b], store);
      expect(summary.articles).to.equal(4);
      const graph = await store.graph();
      expect(graphCounts(graph).Article).to.equal(4);
      expect(shape(graph)).to.deep.equal(shape(await alone([a, b])));
      expect(mentionOf(graph, '赵立新@许昌市').map((m) => m.document)).to.deep.equal([b]);
      expect(mentionOf(graph, '李建国@许昌市').map((m) => m.document)).to.deep.equal([a]);
      expect((await store.documents()).map((d) => d.id).sort()).to.deep.equal([a, b].sort());
    });

    it('keeps records apart whose ids restart at 1 in every file, each fact pointing at its own article', async () => {
      const [day1, day2] = writeDays(dir, 'day1.jsonl', 'day2.jsonl');
      const store = await emptyStore();
      await ingestFiles([day1, day2], store);
      const graph = await store.graph();
      expect(graphCounts(graph).Article).to.equal(4);
      for (const [person, file, headline] of [['李建国@许昌市', day1, '全市公安工作会议召开'], ['王建设@许昌市', day1, '市政府召开常务会议'], ['赵立新@许昌市', day2, '全市教育工作会议召开'], ['刘德华@许昌市', day2, '市委召开常委会会议']]) {
        const [mention, ...more] = mentionOf(graph, person);
        expect(more, person).to.deep.equal([]);
        expect(mention.headline, person).to.equal(headline);
        expect(mention.document, person).to.equal(file);
        expect(mention.evidence, person).to.equal(mention.article);
      }
      expect(mentionOf(graph, '赵立新@许昌市')[0].article).to.equal(`${day2}#1`);
    });

    it('keeps records apart whose ids repeat within one file', async () => {
      const file = join(dir, 'repeated.jsonl');
      writeFileSync(file, [...DAY1, ...DAY2].map((r) => record({ ...r, id: 7 })).join(''));
      const store = await emptyStore();
      await ingestFiles([file], store);
      const graph = await store.graph();
      expect(graphCounts(graph).Article).to.equal(4);
      expect(mentionOf(graph, '刘德华@许昌市').map((m) => m.article)).to.deep.equal([`${file}#L4`]);
    });

    it('reports a renamed file and moves its facts instead of storing a second copy', async () => {
      const before = join(dir, 'page-before.txt');
      const after = join(dir, 'page-after.txt');
      copyFileSync(DEFAULT_SAMPLE, before);
      const store = await emptyStore();
      await ingestFiles([before], store);
      renameSync(before, after);
      const messages: string[] = [];
      const summary = await ingestFiles([after], store, { onProblem: (m) => messages.push(m) });
      expect(summary.moved).to.equal(1);
      expect(summary.failed).to.equal(0);
      expect(messages).to.deep.equal([`guanxi: ${after}: moved from ${before}; its facts move with it`]);
      expect((await store.documents()).map((d) => [d.id, d.path])).to.deep.equal([[after, after]]);
      const graph = await store.graph();
      expect(shape(graph)).to.deep.equal(shape(await alone([after])));
      expect(graph.filterNodes((_, a) => a.kind === 'Article' && a.document !== after)).to.deep.equal([]);
    });

    it('moves a document stored before paths were kept (under its file name) to its path', async () => {
      const file = join(dir, 'legacy.txt');
      copyFileSync(DEFAULT_SAMPLE, file);
      const store = await emptyStore();
      // As guanxi 0.1.0 stored it: the extraction's ids, the file name as the document, no path.
      await store.write([documentFacts(extractDocument(readSource(file).document!), documentHash(readFileSync(file), {}))]);
      expect((await store.documents()).map((d) => [d.id, d.path])).to.deep.equal([['legacy.txt', null]]);
      const messages: string[] = [];
      await ingestFiles([file], store, { onProblem: (m) => messages.push(m) });
      expect(messages).to.deep.equal([`guanxi: ${file}: moved from legacy.txt; its facts move with it`]);
      expect((await store.documents()).map((d) => [d.id, d.path])).to.deep.equal([[file, file]]);
      expect(shape(await store.graph())).to.deep.equal(shape(await alone([file])));
    });

    it('keeps a copy whose original is still there as a document of its own, and says so', async () => {
      const original = join(dir, 'original.txt');
      const copy = join(dir, 'copy.txt');
      copyFileSync(DEFAULT_SAMPLE, original);
      copyFileSync(DEFAULT_SAMPLE, copy);
      const store = await emptyStore();
      await ingestFiles([original], store);
      const messages: string[] = [];
      const summary = await ingestFiles([copy], store, { onProblem: (m) => messages.push(m) });
      expect(summary.moved).to.equal(0);
      expect(messages).to.deep.equal([`guanxi: ${copy}: same content as ${original}, which is still there; both are kept`]);
      expect((await store.documents()).map((d) => d.id).sort()).to.deep.equal([copy, original].sort());
    });

    it('removes a document with guanxi remove: the graph is that of the documents left', async () => {
      const [day1, day2] = writeDays(dir, 'remove-day1.jsonl', 'remove-day2.jsonl');
      const store = await emptyStore();
      await ingestFiles([DEFAULT_SAMPLE, day1, day2], store);
      const r = spawnSync(process.execPath, [CLI, 'remove', ...storeArgs(store), day2, join(dir, 'never-ingested.txt')], { encoding: 'utf8' });
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal(`guanxi: ${join(dir, 'never-ingested.txt')}: no document in the graph was read from it\n`);
      expect(r.stdout).to.match(/^removed 1 document; graph in /);
      const reopened = kind === 'snapshot' ? SnapshotGraphStore.open(store.location) : store;
      const graph = await reopened.graph();
      expect(graph.hasNode('Person:刘德华@许昌市')).to.equal(false);
      expect(graph.hasNode('Person:李建国@许昌市')).to.equal(true);
      expect(shape(graph)).to.deep.equal(shape(await alone([DEFAULT_SAMPLE, day1])));
      // Removing the rest leaves nothing behind, not even the hierarchy the documents brought.
      await reopened.remove((await reopened.documents()).map((d) => d.id));
      expect((await reopened.graph()).order).to.equal(0);
      if (reopened instanceof Neo4jStore) {
        const left = await reopened.client.query(cypher('read/counts'));
        // The tests' own marker (tests/support/neo4j.ts) is no fact of any document.
        expect(left.rows.filter((r) => (r as { name: string }).name !== 'GuanxiTestDatabase')).to.deep.equal([]);
      }
    });

    it('prunes the documents whose files are gone with ingest --prune', async () => {
      const [keep, gone] = writeDays(dir, 'prune-keep.jsonl', 'prune-gone.jsonl');
      const store = await emptyStore();
      await ingestFiles([keep, gone], store);
      unlinkSync(gone);
      const r = spawnSync(process.execPath, [CLI, 'ingest', '--prune', ...storeArgs(store)], { encoding: 'utf8' });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stderr).to.include(`guanxi: ${gone}: file gone; removed from the graph\n`);
      const reopened = kind === 'snapshot' ? SnapshotGraphStore.open(store.location) : store;
      expect((await reopened.documents()).map((d) => d.id)).to.deep.equal([keep]);
      expect(shape(await reopened.graph())).to.deep.equal(shape(await alone([keep])));
      expect(await pruneDocuments(reopened)).to.deep.equal([]);
    });

    it('takes a source id instead of the path: a new version from elsewhere replaces the old', async () => {
      const [first, second] = writeDays(dir, 'source-v1.jsonl', 'source-v2.jsonl');
      const store = await emptyStore();
      await ingestFiles([first], store, { sourceId: 'xuchang-daily' });
      await ingestFiles([second], store, { sourceId: 'xuchang-daily' });
      expect((await store.documents()).map((d) => [d.id, d.path])).to.deep.equal([['xuchang-daily', second]]);
      const graph = await store.graph();
      expect(graph.hasNode('Person:李建国@许昌市')).to.equal(false);
      expect(mentionOf(graph, '赵立新@许昌市').map((m) => m.article)).to.deep.equal(['xuchang-daily#1']);
    });

    it('changes nothing when unchanged files are ingested again', async () => {
      const day1 = join(dir, 'again-day1.jsonl');
      writeFileSync(day1, DAY1.map(record).join(''));
      const store = await emptyStore();
      await ingestFiles([DEFAULT_SAMPLE, day1], store);
      const before = shape(await store.graph());
      const bytes = kind === 'snapshot' ? readFileSync(store.location) : null;
      const summary = await ingestFiles([DEFAULT_SAMPLE, day1], store);
      expect(summary.skipped).to.equal(2);
      expect(shape(await store.graph())).to.deep.equal(before);
      if (bytes) expect(readFileSync(store.location)).to.deep.equal(bytes);
    });
  });
}
