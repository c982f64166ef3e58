/**
 * Careers (src/graph/careers.ts): ranks from data/lang/ranks.tsv, appointment acts from
 * data/lang/post-acts.tsv, posts and changes from the titles read in articles; the named queries
 * career-of-person, holders-of-post and colleagues-of-person on the embedded store and on a real
 * Neo4j, and GET /api/career. The articles are sentences written for this test (a county's
 * officials over six years, invented names), in tests/fixtures/career-sentences/.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateCareers, scores } from '../src/eval/careers.js';
import { careerOf, type Holding } from '../src/graph/careers.js';
import { postAct } from '../src/graph/post-acts.js';
import { runNamedQuery } from '../src/graph/queries.js';
import { rankOf } from '../src/graph/ranks.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { createViewerServer } from '../src/server/app.js';
import type { CareerPayload } from '../src/server/protocol.js';
import { ingestFiles } from '../src/store/ingest.js';
import { bindParams, namedQuery } from '../src/store/named-queries.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { openStore } from '../src/store/open.js';
import type { GraphStore } from '../src/store/store.js';
import { bothAnswers } from './support/named-query-agreement.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const FIXTURE = join(PACKAGE_ROOT, 'tests', 'fixtures', 'career-sentences', 'articles.jsonl');

describe('ranks', () => {
  const cases: [string, string, string | null][] = [
    ['书记', '中共襄城县委', '正处级'],
    ['县长', '襄城县人民政府', '正处级'],
    ['副县长', '襄城县人民政府', '副处级'],
    ['常委', '中共襄城县委', '副处级'],
    ['部长', '襄城县委宣传部', '正科级'],
    ['镇长', '襄城县王洛镇人民政府', '正科级'],
    ['副市长', '许昌市人民政府', '副厅级'],
    ['代市长', '许昌市人民政府', '正厅级'],
    ['局长', '许昌市公安局', '正处级'],
    ['院长', '许昌市中级人民法院', '副厅级'],
    ['主席', '政协许昌市委员会', '正厅级'],
    ['主任', '许昌市人大常委会', '正厅级'],
    ['市长', '南京市人民政府', '副部级'],
    ['书记', '中共南京市鼓楼区委', '副厅级'],
    ['副省长', '河南省人民政府', '副部级'],
    ['厅长', '河南省教育厅', '正厅级'],
    ['部长', '外交部', '正部级'],
    ['总理', '国务院', '正国级'],
    ['二级巡视员', '河南省委宣传部', '副厅级'],
    ['校长', '北京大学', '副部级'],
    ['主席', '政协襄城县委员会', '正处级'],
    ['区长', '北京市海淀区人民政府', '正厅级'],
    ['部长', '襄城县人民武装部', null],
    ['经理', '许昌市建设投资有限公司', null],
    ['委员', '中共许昌市委', null],
  ];
  for (const [title, org, rank] of cases) it(`ranks ${title} of ${org} as ${rank ?? 'unknown'}`, () => expect(rankOf(title, org)).to.equal(rank));
});

describe('post acts', () => {
  const cases: [string, string, string, string | null][] = [
    ['市人大常委会决定任命王小明为许昌市副市长。', '王小明', '副市长', 'appointed'],
    ['会议决定免去李大华的许昌市副市长职务。', '李大华', '副市长', 'removed'],
    ['李大华不再担任县长职务。', '李大华', '县长', 'removed'],
    ['张建国当选为县人民政府县长。', '张建国', '县长', 'elected'],
    ['刘强，副市长兼公安局局长。', '刘强', '局长', 'concurrent'],
    ['副市长兼公安局局长刘强出席会议。', '刘强', '局长', 'concurrent'],
    ['时任县委书记的赵一平同志出席。', '赵一平', '书记', null],
    ['市长王刚出席会议。', '王刚', '市长', null],
    ['任命王小明为副市长。张建国当选县长。', '王小明', '县长', null],
  ];
  for (const [sentence, name, title, act] of cases) it(`reads ${sentence} as ${act ?? 'no act'} for ${name}`, () => expect(postAct(sentence, name, title)).to.equal(act));
});

describe('careerOf', () => {
  const h = (title: string, organization: string, rank: Holding['rank'], date: string, article: string, act: Holding['act'] = null): Holding => ({
    title,
    organization,
    organizationId: organization,
    rank,
    act,
    date,
    article,
    sentence: `${article}: ${title}`,
  });

  it('merges sightings into posts and names each change against the post held before', () => {
    const career = careerOf([
      h('县长', '甲县人民政府', '正处级', '2014-05-01', 'a1', 'elected'),
      h('县长', '甲县人民政府', '正处级', '2015-08-01', 'a2'),
      h('书记', '中共甲县委', '正处级', '2016-03-01', 'a3'),
      h('副市长', '乙市人民政府', '副厅级', '2018-01-10', 'a4'),
      h('局长', '乙市公安局', '正处级', '2018-01-10', 'a4'),
      h('副市长', '乙市人民政府', '副厅级', '2019-06-01', 'a5', 'removed'),
    ]);
    expect(career.posts.map((p) => [p.title, p.from, p.to, p.began, p.previous?.title ?? null])).to.deep.equal([
      ['县长', '2014-05-01', '2015-08-01', 'elected', null],
      ['书记', '2016-03-01', '2016-03-01', 'transferred', '县长'],
      ['副市长', '2018-01-10', '2019-06-01', 'promoted', '书记'],
      ['局长', '2018-01-10', '2018-01-10', 'concurrent', '副市长'],
    ]);
    expect(career.changes.map((c) => [c.kind, c.date, c.from?.title ?? null, c.to?.title ?? null, c.articles])).to.deep.equal([
      ['elected', '2014-05-01', null, '县长', ['a1']],
      ['transferred', '2016-03-01', '县长', '书记', ['a3', 'a2']],
      ['promoted', '2018-01-10', '书记', '副市长', ['a4', 'a3']],
      ['concurrent', '2018-01-10', '副市长', '局长', ['a4', 'a5']],
      ['removed', '2019-06-01', '副市长', null, ['a5']],
    ]);
    expect(career.posts[2].removed).to.equal('2019-06-01');
  });

  it('calls a later post of unknown rank an appointment, and a first post with nothing said no change', () => {
    const career = careerOf([h('董事长', '丙公司', null, '2012-01-01', 'b1'), h('总经理', '丁公司', null, '2013-01-01', 'b2')]);
    expect(career.posts.map((p) => p.began)).to.deep.equal([null, 'appointed']);
  });
});

/** The career queries on a store holding the fixture, compared across stores by the suites below. */
const EXAMPLES: [string, Record<string, string>][] = [
  ['career-of-person', { name: '郑明远' }],
  ['career-of-person', { name: '高志强' }],
  ['career-of-person', { name: '孙立新' }],
  ['career-of-person', { name: '周海平' }],
  ['holders-of-post', { title: '书记', org: '中共襄城县委', date: '2016-01-01' }],
  ['holders-of-post', { title: '副市长', org: '许昌市人民政府' }],
  ['colleagues-of-person', { name: '孙立新' }],
  ['colleagues-of-person', { name: '郑明远', date: '2016-06-20' }],
];

describe('careers on the embedded store', function () {
  this.timeout(120_000);
  let dir: string;
  let store: GraphStore;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-careers-'));
    store = await openStore({ snapshot: join(dir, 'g.db') }, 'ingest');
    await ingestFiles([FIXTURE], store);
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ask = async (name: string, params: Record<string, string>) => store.namedQuery!(name, bindParams(namedQuery(name), params));

  it("gives 郑明远's posts with ranks, how each began, and the appointment and removal read from their sentences", async () => {
    const r = await ask('career-of-person', { name: '郑明远' });
    expect(r.rows.map((x) => [x.title, x.organization, x.rank, x.from, x.to, x.began, x.previous_title])).to.deep.equal([
      ['县长', '襄城县人民政府', '正处级', '2015-03-10', '2016-06-20', null, null],
      ['副书记', '中共襄城县委', '副处级', '2016-06-20', '2016-06-20', 'concurrent', '县长'],
      ['副市长', '许昌市人民政府', '副厅级', '2017-09-28', '2020-05-08', 'appointed', '县长'],
      ['局长', '许昌市公安局', '正处级', '2019-03-01', '2019-03-01', 'concurrent', '副市长'],
    ]);
    expect(String(r.rows[2].evidence)).to.include('任命郑明远为');
    expect(r.rows[2].removed).to.equal('2020-05-08');
  });

  it('follows 孙立新 from the standing committee to county secretary, and 高志强 from county to city', async () => {
    const sun = await ask('career-of-person', { name: '孙立新' });
    expect(sun.rows.at(-1)).to.include({ title: '书记', organization: '中共襄城县委', rank: '正处级', began: 'promoted', previous_title: '常委' });
    const gao = await ask('career-of-person', { name: '高志强' });
    expect(gao.rows.map((x) => x.began)).to.deep.equal([null, 'promoted', 'transferred']);
  });

  it('keeps an acting county head who becomes county head in one tenure', async () => {
    const r = await ask('career-of-person', { name: '周海平' });
    expect(r.rows.map((x) => [x.title, x.rank, x.began])).to.deep.equal([
      ['副县长', '副处级', 'appointed'],
      ['代理县长', '正处级', 'appointed'],
      ['县长', '正处级', null],
    ]);
  });

  it("names the county secretary's predecessor and successor around a date", async () => {
    const r = await ask('holders-of-post', { title: '书记', org: '中共襄城县委', date: '2017-01-01' });
    expect(r.rows.map((x) => [x.person, x.relation])).to.deep.equal([
      ['高志强', 'predecessor'],
      ['孙立新', 'successor'],
    ]);
  });

  it('finds colleagues in the same body at the same time, and only then', async () => {
    const r = await ask('colleagues-of-person', { name: '孙立新' });
    expect(r.rows.map((x) => [x.colleague, x.organization, x.titles])).to.deep.equal([
      ['高志强', '中共襄城县委', ['书记']],
      ['郑明远', '中共襄城县委', ['副书记']],
    ]);
    const later = await ask('colleagues-of-person', { name: '孙立新', date: '2017-11-02' });
    expect(later.rows).to.deep.equal([]);
  });

  it('serves the career and meetings on one axis at GET /api/career', async () => {
    const server = await createViewerServer({ store });
    try {
      const res = await fetch(new URL(`/api/career?key=${encodeURIComponent('Person:郑明远@襄城县')}`, server.url));
      expect(res.status).to.equal(200);
      const body = (await res.json()) as CareerPayload;
      expect(body.posts.map((p) => p.rank)).to.deep.equal(['正处级', '副处级', '副厅级', '正处级']);
      expect(body.changes.map((c) => c.kind)).to.deep.equal(['concurrent', 'appointed', 'concurrent', 'removed']);
      expect(body.changes.at(-1)!.evidence[0]).to.include('免去郑明远');
      expect(body.meetings.map((m) => m.date)).to.include('2018-04-12');
      const missing = await fetch(new URL('/api/career?key=Person:nobody', server.url));
      expect(missing.status).to.equal(404);
    } finally {
      await server.close();
    }
  });

  it('answers as the whole graph does', async () => {
    const graph = await store.graph();
    for (const [name, params] of EXAMPLES) {
      const bound = bindParams(namedQuery(name), params);
      expect(await store.namedQuery!(name, bound), name).to.deep.equal(runNamedQuery(graph, name, bound));
    }
  });
});

describe('careers on Neo4j (real Neo4j 5.26)', function () {
  this.timeout(180_000);
  let store: Neo4jStore;
  before(async () => {
    store = await Neo4jStore.connect(await testNeo4jUri(), { schema: true });
    await wipeTestDatabase(store.client);
    await ingestFiles([FIXTURE], store);
  });
  after(async () => store?.close());

  for (const [name, params] of EXAMPLES) {
    it(`answers ${name} ${JSON.stringify(params)} as the in-memory form does, and not emptily`, async () => {
      const { neo, mem } = await bothAnswers(store, name, params);
      expect(neo.rows.length).to.be.greaterThan(0);
      expect(neo.columns).to.deep.equal(mem.columns);
      expect(neo.rows).to.deep.equal(mem.rows);
    });
  }
});

describe('careers of a real county over fourteen years (tests/fixtures/careers, hand-made gold)', function () {
  this.timeout(120_000);
  it('finds the career rows of the gold with precision and recall of 0.95 or more (the issue asks 0.9), ranks and days nearly all right', async () => {
    const report = await evaluateCareers(join(PACKAGE_ROOT, 'tests', 'fixtures', 'careers', 'gold.json'), { home: '房县' });
    const rows = scores(report.rows);
    expect(rows.precision, report.spurious.join('; ')).to.be.at.least(0.95);
    expect(rows.recall, report.missed.join('; ')).to.be.at.least(0.95);
    expect(report.rank.right / report.rank.of).to.be.at.least(0.85);
    expect(report.from.right / report.from.of).to.be.at.least(0.95);
    expect(scores(report.changes).f1).to.be.at.least(0.75);
    expect(report.splitPersons).to.deep.equal([]);
  });
});
