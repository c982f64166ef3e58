/**
 * The identities file (docs/identities.md): its parsing and its mistakes, its effect at ingest on the
 * embedded store and on a real Neo4j (merge, split, not-a-person, alias), re-ingests that keep the
 * corrections or re-read just what a changed file concerns, and `guanxi persons --suspect`. On
 * sentences and names written here.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GuanxiGraph, NodeAttributes } from '../src/graph/assemble.js';
import { Identities, IdentitiesError } from '../src/graph/identities.js';
import { suspectPersons } from '../src/graph/suspects.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { ingestFiles } from '../src/store/ingest.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';
import type { GraphStore } from '../src/store/store.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const lines = (...records: object[]) => records.map((r) => JSON.stringify(r) + '\n').join('');

/** A city paper: an official with a post, a college president and a bureau chief of one name, a byline. */
const XUCHANG = lines(
  { id: '1', home: '许昌市', date: '2023-05-10', title: '市政府召开专题会议', text: '本报讯 5月10日，市政府召开专题会议，研究部署夏粮收购工作。副市长周明远主持会议并讲话。（记者 李晓雨）' },
  { id: '2', home: '许昌市', date: '2023-05-12', title: '许昌学院举行开学典礼', text: '本报讯 5月12日，许昌学院举行开学典礼。许昌学院院长王文华出席并致辞。' },
  { id: '3', home: '许昌市', date: '2023-05-15', title: '全市教育工作会议召开', text: '本报讯 5月15日，全市教育工作会议召开。市教育局局长王文华作工作报告。' },
);
/** Another city's paper: the same official without a post, and once misspelt. */
const ZHENGZHOU = lines(
  { id: '1', home: '郑州市', date: '2023-06-01', title: '周明远来郑调研', text: '本报讯 6月1日，周明远一行来郑调研农业生产工作。市长郑国平陪同调研。' },
  { id: '2', home: '郑州市', date: '2023-06-02', title: '全市农业生产现场会召开', text: '本报讯 6月2日，全市农业生产现场会召开。周铭远在会上指出，要抓好夏种夏管。' },
);
const CORRECTIONS = [
  '# corrections written by hand',
  'merge 周明远@许昌市 周明远@郑州市   # one official',
  'split 王文华@许昌市 org=许昌学院 as 王文华@许昌学院',
  'not-a-person 李晓雨',
  'alias 周铭远 周明远',
  '',
].join('\n');

const parse = (text: string) => Identities.parse(text, 'ids.txt');
const persons = (g: GuanxiGraph) => g.filterNodes((_k, a) => a.kind === 'Person').sort();
const person = (g: GuanxiGraph, id: string) => g.getNodeAttributes(`Person:${id}`) as Extract<NodeAttributes, { kind: 'Person' }>;
/** Node keys and relationship keys, sorted: what two stores or two runs must share. */
const shape = (g: GuanxiGraph) => ({ nodes: g.nodes().sort(), edges: g.edges().sort() });

describe('identities file: parsing', () => {
  it('reads the four directives, skipping comments and blank lines', () => {
    const ids = parse(CORRECTIONS);
    expect(ids.directives.map((d) => [d.line, d.kind])).to.deep.equal([
      [2, 'merge'],
      [3, 'split'],
      [4, 'not-a-person'],
      [5, 'alias'],
    ]);
    const [merge, split] = ids.directives;
    expect(merge.text).to.equal('merge 周明远@许昌市 周明远@郑州市');
    expect(split).to.deep.include({ when: [{ field: 'org', value: '许昌学院' }], as: { id: '王文华@许昌学院', name: '王文华', region: '许昌学院' } });
    expect(parse('split 王伟@? document=a.jsonl → 王伟@北京市').directives[0]).to.deep.include({ person: { id: '王伟@?', name: '王伟', region: null } });
  });

  const mistakes: [string, RegExp][] = [
    ['# fine\nmerged 张三@许昌市 张三@全国', /^ids\.txt:2: "merged" is no directive/],
    ['merge 张三@许昌市', /^ids\.txt:1: merge takes two or more person ids/],
    ['merge 张三@许昌市 张三', /^ids\.txt:1: "张三" is not a person id: write name@region/],
    ['split 张三@许昌市 org=许昌学院', /^ids\.txt:1: write split ID CONDITION… as NEW-ID/],
    ['split 张三@许昌市 school=许昌学院 as 张三@许昌学院', /^ids\.txt:1: "school=许昌学院" is no condition/],
    ['not-a-person 希望 东方', /^ids\.txt:1: not-a-person takes one name/],
    ['alias 江主席', /^ids\.txt:1: alias takes a form and the name/],
    ['merge 张三@许昌市 张三@全国\nmerge 张三@洛阳市 张三@全国', /^ids\.txt:2: 张三@全国 is merged already on line 1/],
    ['merge 张三@许昌市 张三@全国\nmerge 张三@全国 张三@?', /^ids\.txt:2: 张三@全国 is merged into 张三@许昌市 on line 1/],
    ['alias 江主席 江泽民\n\nalias 江主席 江青', /^ids\.txt:3: alias 江主席 is given already on line 1/],
  ];
  for (const [text, message] of mistakes) {
    it(`refuses ${JSON.stringify(text)} naming the file and line`, () => {
      expect(() => parse(text)).to.throw(IdentitiesError, message);
    });
  }

  it('names an unreadable file', () => {
    expect(() => Identities.read('/nonexistent/ids.txt')).to.throw(IdentitiesError, /^\/nonexistent\/ids\.txt: cannot read the identities file \(ENOENT\)/);
  });

  it('tells which directives concern a text: by their names, whatever the comments and order', () => {
    const digest = (ids: Identities, ...texts: string[]) => {
      const s = ids.scanner();
      for (const t of texts) s.see(t);
      return s.digest();
    };
    const ids = parse(CORRECTIONS);
    expect(digest(ids, '市长郑国平陪同调研。')).to.equal('');
    const aboutZhou = digest(ids, '副市长周明远主持会议。');
    expect(aboutZhou).to.have.length(64);
    expect(digest(parse('alias 周铭远 周明远\n# moved\nmerge 周明远@许昌市 周明远@郑州市'), '副市长周明远主持会议。')).to.equal(aboutZhou);
    expect(digest(ids, '副市长周明远主持会议。', '院长王文华出席。')).to.not.equal(aboutZhou);
    expect(digest(parse('merge 周明远@许昌市 周明远@洛阳市'), '副市长周明远主持会议。')).to.not.equal(aboutZhou);
  });
});

for (const kind of ['sqlite', 'neo4j'] as const) {
  describe(`identities file at ingest (${kind})`, function () {
    this.timeout(240_000);
    let dir: string;
    let files: string[];
    let store: GraphStore;

    async function emptyStore(): Promise<GraphStore> {
      if (kind === 'sqlite') return SqliteGraphStore.open(join(dir, `graph-${Date.now()}-${Math.random()}.db`));
      const neo = await Neo4jStore.connect(await testNeo4jUri(), { schema: true });
      await wipeTestDatabase(neo.client);
      return neo;
    }

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), `guanxi-identities-${kind}-`));
      files = [join(dir, 'xuchang.jsonl'), join(dir, 'zhengzhou.jsonl')];
      writeFileSync(files[0], XUCHANG);
      writeFileSync(files[1], ZHENGZHOU);
      store = await emptyStore();
    });
    after(async () => {
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('without a file, resolves as the automatic rules do', async () => {
      await ingestFiles(files, store);
      expect(persons(await store.graph())).to.deep.equal(['Person:周明远@许昌市', 'Person:周明远@郑州市', 'Person:周铭远@郑州市', 'Person:李晓雨@许昌市', 'Person:王文华@许昌市', 'Person:郑国平@郑州市'].sort());
    });

    it('merges, splits, rejects and aliases as the file says, with the rule and evidence on the persons', async () => {
      const summary = await ingestFiles(files, store, { identities: parse(CORRECTIONS) });
      expect(summary.skipped).to.equal(0);
      const g = await store.graph();
      expect(persons(g)).to.deep.equal(['Person:周明远@许昌市', 'Person:王文华@许昌学院', 'Person:王文华@许昌市', 'Person:郑国平@郑州市']);
      expect(person(g, '周明远@许昌市')).to.deep.include({ resolution: 'identities-file', merged: ['周明远@郑州市'], evidence: ['merge 周明远@许昌市 周明远@郑州市'] });
      expect(person(g, '王文华@许昌学院')).to.deep.include({ region: '许昌学院', resolution: 'identities-file', evidence: ['split 王文华@许昌市 org=许昌学院 as 王文华@许昌学院'] });
      expect(person(g, '王文华@许昌市').resolution).to.equal('org-region');
      // Both spellings in the other city are now mentions of the one official, each saying why.
      const mentions = g.inEdges('Person:周明远@许昌市').map((e) => g.getEdgeAttributes(e)).filter((a) => a.rel === 'MENTIONS');
      expect(mentions.map((m) => [m.article.replace(dir, ''), m.rel === 'MENTIONS' && m.resolution, m.rel === 'MENTIONS' && m.mention]).sort()).to.deep.equal([
        ['/xuchang.jsonl#1', 'org-region', '周明远'],
        ['/zhengzhou.jsonl#1', 'identities-file', '周明远'],
        ['/zhengzhou.jsonl#2', 'identities-file', '周铭远'],
      ]);
      // The split took the college's title, and the byline is gone.
      expect(g.outEdges('Person:王文华@许昌学院').map((e) => g.getEdgeAttribute(e, 'rel'))).to.include('HOLDS');
      expect(g.filterEdges((_k, a) => a.rel === 'WROTE')).to.deep.equal([]);
    });

    it('changes nothing when ingested again with the same file', async () => {
      const before = shape(await store.graph());
      const summary = await ingestFiles(files, store, { identities: parse(CORRECTIONS) });
      expect(summary.skipped).to.equal(2);
      expect(shape(await store.graph())).to.deep.equal(before);
    });

    it('re-reads only the documents a changed directive concerns, and keeps the other corrections', async () => {
      const summary = await ingestFiles(files, store, { identities: parse(CORRECTIONS.replace('not-a-person 李晓雨\n', '')) });
      expect(summary.skipped, 'the other city names no 李晓雨').to.equal(1);
      const g = await store.graph();
      expect(persons(g)).to.deep.equal(['Person:周明远@许昌市', 'Person:李晓雨@许昌市', 'Person:王文华@许昌学院', 'Person:王文华@许昌市', 'Person:郑国平@郑州市']);
      expect(person(g, '周明远@许昌市').merged).to.deep.equal(['周明远@郑州市']);
    });

    it('undoes a merge whose directive is gone', async () => {
      await ingestFiles(files, store, { identities: parse('not-a-person 李晓雨') });
      const g = await store.graph();
      expect(persons(g)).to.include.members(['Person:周明远@郑州市', 'Person:周铭远@郑州市', 'Person:王文华@许昌市']);
      const zhou = person(g, '周明远@许昌市');
      expect(zhou.resolution).to.equal('org-region');
      expect(zhou.merged ?? null).to.equal(null);
      expect(zhou.evidence ?? null).to.equal(null);
    });
  });
}

describe('persons --suspect', function () {
  this.timeout(120_000);
  let dir: string;
  let db: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-suspects-'));
    const file = join(dir, 'news.jsonl');
    // One name with posts in two cities on the same day (one node: within a paper a name is one person).
    writeFileSync(
      file,
      XUCHANG +
        lines(
          { id: '4', home: '许昌市', date: '2023-07-03', title: '市政府召开常务会议', text: '本报讯 7月3日，市政府召开常务会议。副市长张立群出席会议。' },
          { id: '5', home: '许昌市', date: '2023-07-03', title: '洛阳市召开防汛工作会议', text: '本报讯 7月3日，洛阳市召开防汛工作会议。洛阳市副市长张立群出席会议。' },
        ),
    );
    writeFileSync(join(dir, 'zhengzhou.jsonl'), ZHENGZHOU);
    db = join(dir, 'graph.db');
    const store = SqliteGraphStore.open(db);
    await ingestFiles([file, join(dir, 'zhengzhou.jsonl')], store);
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('suspects the split name, the clashing posts and the one-off name, with the line that corrects each', async () => {
    const store = SqliteGraphStore.open(db, 'read');
    const suspects = suspectPersons(await store.graph());
    await store.close();
    const by = (kind: string, id: string) => suspects.find((s) => s.kind === kind && s.persons.includes(id));
    expect(by('merge', '周明远@许昌市')).to.deep.include({ persons: ['周明远@许昌市', '周明远@郑州市'], directive: 'merge 周明远@许昌市 周明远@郑州市' });
    const split = by('split', '张立群@许昌市');
    expect(split?.reason).to.match(/^on 2023-07-03: 副市长 of .*许昌市.* and 副市长 of 洛阳市人民政府 \(洛阳市\)$/);
    expect(split?.directive).to.equal('split 张立群@许昌市 org=洛阳市人民政府 as 张立群@洛阳市');
    expect(by('not-a-person', '周铭远@郑州市')?.reason).to.equal('one mention, no title: 周铭远在会上指出，要抓好夏种夏管。');
    // Persons with posts or bylines are no suspects of not being persons.
    for (const id of ['郑国平@郑州市', '李晓雨@许昌市', '王文华@许昌市']) expect(by('not-a-person', id), id).to.equal(undefined);
    // Two bureau posts of one name on different days do not clash.
    expect(by('split', '王文华@许昌市')).to.equal(undefined);
  });

  it('prints them as a table, CSV or JSON', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'persons', '--suspect', db, ...args], { encoding: 'utf8' });
    const table = run();
    expect(table.status, table.stderr).to.equal(0);
    expect(table.stdout).to.match(/^kind +persons +reason +directive\n/);
    const json = JSON.parse(run('--format', 'json').stdout) as { kind: string; directive: string }[];
    expect(json.map((s) => s.directive)).to.include('merge 周明远@许昌市 周明远@郑州市');
    expect(run('--format', 'csv').stdout.split('\r\n')[0]).to.equal('kind,persons,reason,directive');
  });
});
