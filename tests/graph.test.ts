import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphCounts, type GuanxiGraph } from '../src/graph/assemble.js';
import { sentences } from '../src/graph/evidence.js';
import { documentFacts } from '../src/graph/facts.js';
import { extractDocument } from '../src/extract/pipeline.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { writeCsvFiles } from '../src/graph/export/csv.js';
import { graphGexf } from '../src/graph/export/gexf.js';
import { entityTables } from '../src/graph/export/tables.js';
import { canonicalOrganization, organizationParent, placeAncestors } from '../src/graph/hierarchy.js';
import type { PersonProps, RelPropsByType } from '../src/graph/model.js';
import { runNamedQuery } from '../src/graph/queries.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';
import { ingestFiles } from '../src/store/ingest.js';
import { bindParams, namedQuery } from '../src/store/named-queries.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'guanxi-graph-'));
}

async function ingestInto(dir: string, files: string[]): Promise<{ store: SnapshotGraphStore; graph: GuanxiGraph }> {
  const store = SnapshotGraphStore.open(join(dir, 'graph.jsonl'));
  await ingestFiles(files, store);
  return { store, graph: await store.graph() };
}

const record = (o: object) => JSON.stringify(o) + '\n';
type HoldsAttrs = { rel: 'HOLDS' } & RelPropsByType['HOLDS'];
const personAttrs = (graph: GuanxiGraph, key: string) => graph.getNodeAttributes(key) as { kind: 'Person' } & PersonProps;

describe('graph: hierarchy from names', () => {
  it('puts party departments under their committee and committees under the province', () => {
    expect(organizationParent('许昌市委宣传部')).to.deep.equal({ name: '中共许昌市委', rule: 'party-department' });
    expect(organizationParent('中共许昌市委')).to.deep.equal({ name: '中共河南省委', rule: 'party-committee-hierarchy' });
    expect(organizationParent('中共哈密市委')?.name).to.equal('中共新疆维吾尔自治区委员会');
  });

  it('puts government departments under the government, and leaves courts alone', () => {
    expect(organizationParent('许昌市公安局')).to.deep.equal({ name: '许昌市人民政府', rule: 'government-department' });
    expect(organizationParent('许昌市人民政府')?.name).to.equal('河南省人民政府');
    expect(organizationParent('许昌市中级人民法院')).to.equal(null);
    expect(organizationParent('许昌市长跑运动协会')).to.equal(null);
  });

  it('spells a party committee one way', () => {
    expect(canonicalOrganization('许昌市委')).to.equal('中共许昌市委');
    expect(canonicalOrganization('中共许昌市委')).to.equal('中共许昌市委');
    expect(canonicalOrganization('许昌市委宣传部')).to.equal('许昌市委宣传部');
  });

  it('places a city in its province and a county in its city', () => {
    expect(placeAncestors('哈密市').map((d) => d.name)).to.deep.equal(['新疆维吾尔自治区']);
    expect(placeAncestors('长葛市').map((d) => d.name)).to.deep.equal(['许昌市', '河南省']);
    expect(placeAncestors('东城区', '北京市').map((d) => d.name)).to.deep.equal(['北京市']);
  });
});

describe('graph: evidence sentences', () => {
  it('splits at sentence ends and keeps closing quotes', () => {
    expect(sentences('他说：“好。”然后走了！第三句')).to.deep.equal(['他说：“好。”', '然后走了！', '第三句']);
  });
});

describe('graph: mentions as written', () => {
  it('records the sentence around the first mention and the mention itself (北京 for 北京市)', () => {
    const doc: SourceDocument = { path: 'm.jsonl', name: 'm.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, id: 'm1', text: '天气转暖。北京的春天来得早，游人很多。' }] };
    const facts = documentFacts(extractDocument(doc), 'x');
    const mention = facts.relationships.find((r) => r.type === 'MENTIONS' && r.to.label === 'Place' && r.to.id === '北京市');
    expect(mention?.props).to.include({ mention: '北京', sentence: '北京的春天来得早，游人很多。' });
  });

  it('makes no person of one named only by a surname and a form of address', () => {
    const text = '座谈会上，王书记听取了汇报。随后，县长李明华讲话，李县长强调要抓好落实。';
    const doc: SourceDocument = { path: 'a.jsonl', name: 'a.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, id: 'a1', text }] };
    const extraction = extractDocument(doc);
    const byName = new Map(extraction.articles[0].persons.map((p) => [p.name, p]));
    expect(byName.get('王书记')?.addressOnly).to.equal(true);
    expect(byName.get('李明华')?.spans.map((s) => s.text)).to.include('李');
    const persons = documentFacts(extraction, 'x').nodes.filter((n) => n.label === 'Person').map((n) => n.props.name);
    expect(persons).to.include('李明华');
    expect(persons).to.not.include('王书记');
  });
});

describe('graph: the sample page', () => {
  let dir: string;
  let graph: GuanxiGraph;
  before(async () => {
    dir = tmp();
    ({ graph } = await ingestInto(dir, [DEFAULT_SAMPLE]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds one 张飞 with both posts, each fact with its article, sentence and date', () => {
    const key = 'Person:张飞@许昌市';
    expect(personAttrs(graph, key).resolution).to.equal('org-region');
    const holds = graph.filterOutEdges(key, (_k, a) => a.rel === 'HOLDS').map((k) => ({ ...(graph.getEdgeAttributes(k) as HoldsAttrs), target: graph.target(k) }));
    expect([...new Set(holds.map((h) => `${h.title} ${h.target}`))].sort()).to.deep.equal(['副市长 Organization:许昌市人民政府', '局长 Organization:许昌市公安局']);
    for (const h of holds) {
      expect(h.sentence).to.include('张飞');
      expect(h.date).to.equal('2023-02-17');
      expect(h.article.slice(0, h.article.lastIndexOf('#'))).to.equal(DEFAULT_SAMPLE);
      expect(h.article).to.match(/#\d+$/);
    }
  });

  it('answers events-of-person with both meetings of 17 February 2023 and his roles', () => {
    const q = namedQuery('events-of-person');
    const r = runNamedQuery(graph, q.name, bindParams(q, { name: '张飞' }));
    expect(r.rows.map((row) => [row.event, row.date, row.roles])).to.deep.equal([
      ['全市公安工作会议', '2023-02-17', ['attended', 'spoke']],
      ['市委政法工作会议', '2023-02-17', ['attended', 'spoke']],
    ]);
    for (const row of r.rows) expect(String(row.evidence)).to.include('张飞');
  });

  it('links the visiting delegation to Hami and Xinjiang, and the city party office to the committee', () => {
    expect(graph.hasEdge('PART_OF|Place:哈密市|Place:新疆维吾尔自治区')).to.equal(true);
    expect(graph.hasEdge('PART_OF|Organization:许昌市委宣传部|Organization:中共许昌市委')).to.equal(true);
    const officials = runNamedQuery(graph, 'officials-of-organization', { org: '中共许昌市委' });
    expect(officials.rows.map((r) => `${r.organization}/${r.person}/${r.title}`)).to.include.members([
      '中共许昌市委/王自合/常委',
      '许昌市委宣传部/王自合/部长',
      '许昌市委统战部/汤超/部长',
    ]);
  });

  it('never gives the sports association a mayor', () => {
    const holders = graph.inEdges('Organization:许昌市长跑运动协会').filter((k) => graph.getEdgeAttribute(k, 'rel') === 'HOLDS');
    expect(holders).to.deep.equal([]);
  });

  it('exports RFC 4180 CSV files whose 张飞 row has both titles, and GEXF', () => {
    const out = join(dir, 'csv');
    const paths = writeCsvFiles(entityTables(graph), out, true);
    expect(paths.map((p) => p.slice(out.length + 1))).to.deep.equal([
      'persons.csv', 'organizations.csv', 'places.csv', 'events.csv', 'titles.csv', 'participation.csv', 'careers.csv', 'career-changes.csv',
    ]);
    const careers = parse(readFileSync(join(out, 'careers.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(careers.filter((r) => r.person === '张飞').map((r) => `${r.title}/${r.organization}/${r.rank}`).sort()).to.deep.equal(['副市长/许昌市人民政府/副厅级', '局长/许昌市公安局/正处级']);
    const raw = readFileSync(join(out, 'persons.csv'), 'utf8');
    expect(raw.charCodeAt(0)).to.equal(0xfeff);
    const rows = parse(raw, { columns: true, bom: true }) as Record<string, string>[];
    const zhang = rows.find((r) => r.name === '张飞')!;
    expect(zhang.titles).to.equal('副市长 (许昌市人民政府); 局长 (许昌市公安局)');
    expect(zhang.first_seen).to.equal('2023-02-17');
    expect(zhang.articles.split('; ')).to.have.length(2);
    // A sentence with commas and quotes survives the round trip.
    const participation = parse(readFileSync(join(out, 'participation.csv')), { columns: true, bom: true }) as Record<string, string>[];
    expect(participation.find((r) => r.person === '张飞')?.sentence).to.include('，');
    const gexf = graphGexf(graph);
    expect(gexf).to.match(/^<\?xml/);
    expect(gexf).to.include('label="张飞"');
  });
});

describe('graph: entity resolution across documents', () => {
  let dir: string;
  let graph: GuanxiGraph;
  before(async () => {
    dir = tmp();
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    writeFileSync(a, record({ id: 'a1', home: '许昌市', date: '2023-02-17', title: '全市公安工作会议召开', text: '本报讯 2月17日，全市公安工作会议召开。副市长、市公安局局长李建国出席会议并讲话。' }));
    writeFileSync(
      b,
      record({ id: 'b1', home: '许昌市', date: '2023-03-02', title: '市政府召开常务会议', text: '本报讯 3月2日，市政府召开常务会议。副市长李建国主持会议。' }) +
        record({ id: 'b2', home: '洛阳市', date: '2023-03-05', title: '洛阳召开教育工作会议', text: '本报讯 3月5日，洛阳市教育工作会议召开。市教育局局长李建国出席会议并讲话。' }),
    );
    ({ graph } = await ingestInto(dir, [a, b]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('makes the same official in two documents one node, with both posts', () => {
    const titles = runNamedQuery(graph, 'titles-of-person', { name: '李建国' });
    const xuchang = titles.rows.filter((r) => r.person === '李建国@许昌市');
    expect(new Set(xuchang.map((r) => r.article))).to.deep.equal(new Set([`${dir}/a.jsonl#a1`, `${dir}/b.jsonl#b1`]));
    expect(xuchang.map((r) => r.title)).to.include.members(['副市长', '局长']);
  });

  it('keeps a namesake with posts in another city apart, and records why', () => {
    expect(graph.hasNode('Person:李建国@洛阳市')).to.equal(true);
    expect(personAttrs(graph, 'Person:李建国@洛阳市').resolution).to.equal('org-region');
    const events = runNamedQuery(graph, 'events-of-person', { name: '李建国' });
    const byPerson = new Map<string, number>();
    for (const r of events.rows) byPerson.set(String(r.person), (byPerson.get(String(r.person)) ?? 0) + 1);
    expect(byPerson.get('李建国@许昌市')).to.equal(2);
    expect(byPerson.get('李建国@洛阳市')).to.equal(1);
  });

  it('resolves 市委 in a city paper to the same organization as 中共许昌市委 elsewhere', () => {
    expect(canonicalOrganization('许昌市委')).to.equal(canonicalOrganization('中共许昌市委'));
  });
});

describe('graph: the snapshot store', () => {
  let dir: string;
  beforeEach(() => (dir = tmp()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is idempotent: ingesting the same file twice changes nothing and skips it', async () => {
    const { store, graph } = await ingestInto(dir, [DEFAULT_SAMPLE]);
    const before = graphCounts(graph);
    const bytes = readFileSync(store.location);
    const again = SnapshotGraphStore.open(store.location);
    const summary = await ingestFiles([DEFAULT_SAMPLE], again);
    expect(summary.skipped).to.equal(1);
    expect(graphCounts(await again.graph())).to.deep.equal(before);
    expect(readFileSync(store.location)).to.deep.equal(bytes);
  });

  it('survives a torn last line: it warns, and a re-run completes the graph', async () => {
    const page2 = join(dir, 'copy.txt');
    writeFileSync(page2, readFileSync(DEFAULT_SAMPLE));
    const clean = graphCounts((await ingestInto(join(dir, 'clean'), [DEFAULT_SAMPLE, page2])).graph);
    const path = join(dir, 'torn.jsonl');
    await ingestFiles([DEFAULT_SAMPLE], SnapshotGraphStore.open(path));
    appendFileSync(path, '{"document":"copy.txt","hash":"x","nodes":[{"lab'); // a crash mid-write
    const reopened = SnapshotGraphStore.open(path);
    expect(reopened.warnings[0]).to.match(/torn last line/);
    await ingestFiles([DEFAULT_SAMPLE, page2], reopened);
    const final = SnapshotGraphStore.open(path);
    expect(final.warnings).to.deep.equal([]);
    expect(graphCounts(await final.graph())).to.deep.equal(clean);
  });

  it('replaces a changed document\'s facts instead of adding to them', async () => {
    const file = join(dir, 'news.jsonl');
    writeFileSync(file, record({ id: 'n1', home: '许昌市', date: '2023-02-17', text: '副市长王建设出席会议并讲话。' }));
    const path = join(dir, 'g.jsonl');
    await ingestFiles([file], SnapshotGraphStore.open(path));
    writeFileSync(file, record({ id: 'n1', home: '许昌市', date: '2023-02-17', text: '副市长赵立新出席会议并讲话。' }));
    await ingestFiles([file], SnapshotGraphStore.open(path));
    const graph = await SnapshotGraphStore.open(path).graph();
    expect(graph.hasNode('Person:赵立新@许昌市')).to.equal(true);
    expect(graph.hasNode('Person:王建设@许昌市')).to.equal(false);
  });

  it('names the file and line of a damaged snapshot', () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, '{"guanxi":"snapshot","version":1}\nnot json\n{}\n');
    expect(() => SnapshotGraphStore.open(path)).to.throw(/bad\.jsonl:2: not JSON/);
  });
});
