/**
 * Identity across datelines: in one file of the People's Daily month (January 1998, as issue 6/6
 * asks), each national leader is one person, whatever city each dispatch comes from, also a leader
 * the month names only in lists of leaders; a name with posts in one city stays that city's.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pfrJsonlRecord } from '../bench/whole-process.js';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import type { GuanxiGraph } from '../src/graph/assemble.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { nodeDetails } from '../src/server/details.js';
import { ingestFiles } from '../src/store/ingest.js';
import { SqliteGraphStore } from '../src/store/sqlite-store.js';

const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'pfr-199801.txt');
/**
 * The leaders of party and state in January 1998 (general knowledge): the Politburo Standing
 * Committee, the state's vice-president, Politburo members, vice-premiers and state councillors, the
 * NPC's chairman and vice-chairmen, CPPCC vice-chairmen, ministers.
 */
const LEADERS = [
  '江泽民', '李鹏', '乔石', '朱镕基', '李瑞环', '刘华清', '胡锦涛', '尉健行', '李岚清', '荣毅仁',
  '丁关根', '田纪云', '李铁映', '吴邦国', '姜春云', '钱其琛', '温家宝', '迟浩田', '张万年', '罗干',
  '邹家华', '吴仪', '王兆国', '任建新', '布赫', '王光英', '程思远', '彭珮云', '铁木尔·达瓦买提',
];

describe('national leaders across datelines', function () {
  this.timeout(180_000);
  let dir: string;
  let graph: GuanxiGraph;

  before(async function () {
    if (!existsSync(CORPUS)) return this.skip();
    dir = mkdtempSync(join(tmpdir(), 'guanxi-national-'));
    const records = [...iteratePfrArticles(readFileSync(CORPUS, 'utf8'))].map((a) => JSON.stringify(pfrJsonlRecord(a)));
    writeFileSync(join(dir, 'days.jsonl'), records.join('\n') + '\n');
    const store = SqliteGraphStore.open(join(dir, 'graph.db'));
    await ingestFiles([join(dir, 'days.jsonl')], store);
    graph = await store.graph();
    await store.close();
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('makes each national leader named in the month one person, of 全国: by a post in a central body, or by lists of leaders', () => {
    for (const name of LEADERS) expect(graph.filterNodes((_k, a) => a.kind === 'Person' && a.name === name), name).to.deep.equal([`Person:${name}@全国`]);
    // The rule that placed a dispatch's mention is kept on it.
    const rules = new Set(graph.filterEdges((_e, a) => a.rel === 'MENTIONS' && a.resolution === 'document-national').map((e) => graph.target(e)));
    expect([...rules].some((k) => LEADERS.some((n) => k === `Person:${n}@全国`))).to.equal(true);
  });

  it('says what placed each mention: a post in a central body, the leaders a name is listed with, the paper\'s home', () => {
    const bases = (key: string) => new Set(graph.filterInEdges(key, (_e, a) => a.rel === 'MENTIONS').map((e) => `${graph.getEdgeAttribute(e, 'resolution' as never)}: ${graph.getEdgeAttribute(e, 'basis' as never)}`));
    expect([...bases('Person:刘华清@全国')].some((b) => /^document-national: listed with /.test(b)), [...bases('Person:刘华清@全国')].join(' | ')).to.equal(true);
    expect([...bases('Person:江泽民@全国')].some((b) => /^org-region: a post in 中共中央/.test(b))).to.equal(true);
    const details = nodeDetails(graph, 'Person:刘华清@全国');
    expect(details?.kind === 'Person' && details.placedBy.some((b) => b.startsWith('document-national: listed with '))).to.equal(true);
  });

  it('keeps a name placed by posts in a city in that city, and a name with no post anywhere in its dateline', () => {
    const persons = graph.filterNodes((_k, a) => a.kind === 'Person').map((k) => graph.getNodeAttributes(k) as { region: string | null; resolution: string });
    expect(persons.filter((a) => a.resolution === 'org-region' && a.region !== '全国' && a.region !== null).length).to.be.greaterThan(20);
    expect(persons.filter((a) => a.resolution === 'document-home').length).to.be.greaterThan(100);
    expect(persons.every((a) => a.resolution !== 'document-national' || a.region === '全国')).to.equal(true);
  });
});
