/**
 * The embedded SQLite store against the in-memory graph of the same documents: the same graph,
 * the same side panels, suggestions and named queries answered from neighbourhoods, the same after
 * documents are replaced and removed; and what it refuses to open.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pfrJsonlRecord } from '../bench/whole-process.js';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import type { GuanxiGraph } from '../src/graph/assemble.js';
import { graphCounts } from '../src/graph/assemble.js';
import { OPEN_RANGE, parseDateRange, type DateRange } from '../src/graph/date-range.js';
import type { Role } from '../src/graph/model.js';
import { entityTables } from '../src/graph/export/tables.js';
import { runNamedQuery } from '../src/graph/queries.js';
import { PACKAGE_ROOT, DEFAULT_SAMPLE } from '../src/paths.js';
import { nodeDetails } from '../src/server/details.js';
import { openGraphView, type GraphView } from '../src/server/graph-view.js';
import { SearchIndex } from '../src/server/search.js';
import { ingestFiles } from '../src/store/ingest.js';
import { bindParams, namedQuery } from '../src/store/named-queries.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';
import { mulberry32 } from '../src/seeded-random.js';
import { dump } from './support/graph-dump.js';

const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'pfr-199801.txt');

describe('the embedded SQLite store', function () {
  this.timeout(180_000);
  let dir: string;
  let files: string[];
  let sqlite: SqliteGraphStore;
  let journal: SnapshotGraphStore;
  let whole: GuanxiGraph;
  let view: GraphView;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-sqlite-'));
    files = [DEFAULT_SAMPLE];
    if (existsSync(CORPUS)) {
      // Three days of the People's Daily (training days: nothing here is measured), as two files.
      const records = [...iteratePfrArticles(readFileSync(CORPUS, 'utf8'), { days: [1, 3] })].map((a) => JSON.stringify(pfrJsonlRecord(a)));
      const half = Math.floor(records.length / 2);
      for (const [name, part] of [['a.jsonl', records.slice(0, half)], ['b.jsonl', records.slice(half)]] as const) {
        writeFileSync(join(dir, name), part.join('\n') + '\n');
        files.push(join(dir, name));
      }
    }
    sqlite = SqliteGraphStore.open(join(dir, 'graph.db'));
    journal = SnapshotGraphStore.open(join(dir, 'graph.jsonl'));
    await ingestFiles(files, sqlite);
    await ingestFiles(files, journal);
    whole = await journal.graph();
    view = await openGraphView(sqlite);
  });
  after(async () => {
    await sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the graph the in-memory path builds, node for node and edge for edge, in the same order', async () => {
    expect(await dump(sqlite)).to.deep.equal(await dump(journal));
    const g = await sqlite.graph();
    expect(g.nodes()).to.deep.equal(whole.nodes());
    expect(g.edges()).to.deep.equal(whole.edges());
    expect(await sqlite.counts()).to.deep.equal(graphCounts(whole));
    expect(whole.order).to.be.greaterThan(existsSync(CORPUS) ? 1000 : 50);
  });

  it('gives every side panel of the sample page, and of a sample of the rest, as the whole graph does', () => {
    const random = mulberry32(7);
    const keys = whole.nodes().filter((k, i) => i < 400 || random() < 0.05);
    for (const key of keys) expect(view.details(key), key).to.deep.equal(nodeDetails(whole, key));
    expect(view.details('Person:nobody@nowhere')).to.equal(null);
  });

  it('suggests what the in-memory index suggests', () => {
    const index = new SearchIndex(whole);
    const queries = ['张', '王', '许昌', '市委', '会议', '公安', '中国', '北京', 'zzz-none', '  李  '];
    for (const q of queries) {
      expect(view.search(q, 12), q).to.deep.equal(index.search(q, 12));
      expect(view.search(q, 50, 'Organization'), q).to.deep.equal(index.search(q, 50, 'Organization'));
    }
  });

  it('answers the named queries as on the whole graph', () => {
    const nameOf = (key: string) => (whole.getNodeAttributes(key) as { name: string }).name;
    const names = (kind: string) => [...new Set(whole.filterNodes((_k, a) => a.kind === kind).map((k) => nameOf(k)))];
    const busiest = (kind: string, n: number) =>
      whole
        .filterNodes((_k, a) => a.kind === kind)
        .sort((a, b) => whole.degree(b) - whole.degree(a))
        .slice(0, n)
        .map((k) => nameOf(k));
    const cases: [string, Record<string, string>][] = [
      ...busiest('Person', 15).flatMap((name): [string, Record<string, string>][] => [
        ['events-of-person', { name }],
        ['titles-of-person', { name }],
        ['co-participation', { a: name }],
        ['career-of-person', { name }],
        ['colleagues-of-person', { name }],
      ]),
      ...busiest('Organization', 10).map((org): [string, Record<string, string>] => ['officials-of-organization', { org }]),
      ['holders-of-post', { title: '副市长', org: '许昌市人民政府' }],
      ['holders-of-post', { title: '常委', org: '中共许昌市委', date: '2023-02-17' }],
      ...busiest('Place', 10).map((place): [string, Record<string, string>] => ['events-at-place', { place }]),
      ['events-at-place', { place: '许昌市', from: '2023-02-01', to: '2023-02-28' }],
      ['participants-of-event', { event: '会议' }],
      ['participants-of-event', { event: '座谈会', date: '2023-02-17' }],
      ['co-participation', { a: '张飞', b: '关羽' }],
    ];
    expect(names('Person').length).to.be.greaterThan(10);
    for (const [name, given] of cases) {
      const params = bindParams(namedQuery(name), given);
      expect(view.namedQuery(name, params), `${name} ${JSON.stringify(given)}`).to.deep.equal(runNamedQuery(whole, name, params));
    }
  });

  it('gives the same who-met-whom views and timeline as the whole graph', async () => {
    const wholeView = await openGraphView(journal);
    expect(view.timeline()).to.deep.equal(wholeView.timeline());
    const ranges = [OPEN_RANGE, parseDateRange('1998-01-01', '1998-01-02'), parseDateRange('1998', '1998'), parseDateRange('2023-02-17', '2023-02-17')];
    const ask = (range: DateRange, limit: number, around: string | null, roles: ReadonlySet<Role> | null = null) => ({ range, limit, around, roles });
    for (const range of ranges) {
      const met = view.meetings(ask(range, 30, null));
      expect(met, JSON.stringify(range)).to.deep.equal(wholeView.meetings(ask(range, 30, null)));
      const led = ask(range, 30, null, new Set<Role>(['led', 'presided']));
      expect(view.meetings(led)).to.deep.equal(wholeView.meetings(led));
      for (const p of met.persons.slice(0, 5)) expect(view.meetings(ask(range, 20, p.key)), p.key).to.deep.equal(wholeView.meetings(ask(range, 20, p.key)));
    }
    expect(view.meetings(ask(parseDateRange('1998-01-01', '1998-01-03'), 30, null)).pairs.length).to.be.greaterThan(existsSync(CORPUS) ? 10 : -1);
  });

  it("keeps each article's text beside the graph, as the journal does, and gives it back in an exported journal", async () => {
    const articles = whole.filterNodes((_k, a) => a.kind === 'Article').map((k) => k.slice('Article:'.length));
    expect(articles.length).to.be.greaterThan(10);
    for (const id of articles.slice(0, 50)) {
      const text = await sqlite.articleText(id);
      expect(text, id).to.be.a('string').and.not.equal('');
      expect(text).to.equal(await journal.articleText(id));
    }
    expect(await sqlite.articleText('no such article')).to.equal(null);
    const exported = [...sqlite.reads.documentFacts()].flatMap((f) => f.texts ?? []);
    expect(exported.length).to.equal(articles.length);
  });

  it('exports the same tables a page at a time as from the whole graph', () => {
    const pages = [...sqlite.reads.pages(400, 97)].map((page) => entityTables(page.graph, page.keys));
    expect(pages.length).to.be.greaterThan(3);
    const joined = pages[0].map((table, i) => ({ ...table, rows: pages.flatMap((p) => p[i].rows) }));
    expect(joined).to.deep.equal(entityTables(whole));
  });

  it('gives back every document as a journal, in parts, that any store reads into the same graph', async () => {
    const parts = [...sqlite.reads.documentFacts(500)];
    expect(parts.filter((f) => f.part).length, 'large documents come in parts').to.be.greaterThan(2);
    const copy = SqliteGraphStore.open(join(dir, 'copy.db'));
    const journalCopy = SnapshotGraphStore.open(join(dir, 'copy.jsonl'));
    try {
      for (const facts of parts) {
        await copy.write([facts]);
        await journalCopy.write([facts]);
      }
      expect(await dump(copy)).to.deep.equal(await dump(sqlite));
      expect(await dump(journalCopy)).to.deep.equal(await dump(sqlite));
    } finally {
      await copy.close();
    }
  });

  it('replaces a changed document and removes documents as the in-memory path does', async function () {
    if (files.length < 3) this.skip();
    const [, a, b] = files;
    // b changes: its second half is dropped. Then a goes.
    const lines = readFileSync(b, 'utf8').trimEnd().split('\n');
    writeFileSync(b, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');
    for (const store of [sqlite, journal]) await ingestFiles([b], store);
    expect(await dump(sqlite)).to.deep.equal(await dump(journal));
    for (const store of [sqlite, journal]) await store.remove([a]);
    expect(await dump(sqlite)).to.deep.equal(await dump(journal));
    expect(await sqlite.counts()).to.deep.equal(graphCounts(await journal.graph()));
    expect((await sqlite.documents()).map((d) => d.id)).to.deep.equal((await journal.documents()).map((d) => d.id));
  });

  it('refuses a file that is not a store, naming it', () => {
    const path = join(dir, 'not-a-store.db');
    writeFileSync(path, '{"guanxi":"snapshot","version":1}\n');
    expect(() => SqliteGraphStore.open(path)).to.throw(`${path}: not a guanxi store`);
  });
});
