import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { ExtractionPool } from '../src/extract/parallel.js';
import { extractDocument } from '../src/extract/pipeline.js';
import { allowed, canEnd, canStart, decodeSpans, encodeSpans, LABEL_COUNT, type EntitySpan } from '../src/extract/ner/labels.js';
import { FEATURE_COUNT } from '../src/extract/ner/features.js';
import { emissions, PACKED_MAX, packWeights, viterbi } from '../src/extract/ner/viterbi.js';
import { TaggerKernel } from '../src/extract/ner/tagger-kernel.js';
import { nerModel, trimSpan } from '../src/extract/ner/model.js';
import { WordIndex } from '../src/extract/lexicon/word-index.js';
import type { ArticleOut } from '../src/extract/types.js';
import type { RecordUnit, SourceDocument } from '../src/ingest/types.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';
import { readSource } from '../src/ingest/read.js';

// Every sentence here is written for these tests; none comes from an evaluation corpus.

/** A crawled record of a national outlet (no home), extracted alone. */
function record(text: string, extra: Partial<RecordUnit> = {}): ArticleOut {
  const doc: SourceDocument = { path: 't.jsonl', name: 't.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text, ...extra }] };
  return extractDocument(doc).articles[0];
}
const persons = (text: string) => record(text).persons.map((p) => p.name);
const places = (a: ArticleOut) => a.places.flatMap((p) => [p.name, ...p.spans.map((s) => s.text)]);
const orgs = (a: ArticleOut) => a.organizations.flatMap((p) => [p.name, ...p.spans.map((s) => s.text)]);
const tagged = (text: string, type: EntitySpan['type']) => nerModel().tag(text).filter((s) => s.type === type).map((s) => text.slice(s.start, s.end));

function seeded(seed: number): () => number {
  let a = seed;
  return () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296);
}

/** The best tag sequence by trying every one the grammar allows. */
function bruteForceBest(em: Float64Array, n: number, trans: Float64Array): number[] {
  const L = LABEL_COUNT;
  let best: number[] = [];
  let bestScore = -Infinity;
  const walk = (tags: number[], score: number) => {
    const i = tags.length;
    if (i === n) {
      if (canEnd(tags[n - 1]) && score > bestScore) [best, bestScore] = [[...tags], score];
      return;
    }
    for (let t = 0; t < L; t++) {
      if (i === 0 ? !canStart(t) : !allowed(tags[i - 1], t)) continue;
      tags.push(t);
      walk(tags, score + em[i * L + t] + (i === 0 ? trans[L * L + t] : trans[tags[i - 1] * L + t]));
      tags.pop();
    }
  };
  walk([], 0);
  return best;
}

describe('learned NER (src/extract/ner)', () => {
  it('loads the bundled model once and tags a sentence', () => {
    const text = '会上，市长郑海涛介绍了黄河流域的治理情况。';
    expect(nerModel()).to.equal(nerModel());
    expect(tagged(text, 'PER')).to.deep.equal(['郑海涛']);
    expect(tagged(text, 'LOC').some((p) => p.startsWith('黄河')), '黄河 or 黄河流域').to.equal(true);
  });

  it('tags a line the same whatever was tagged before it (buffers are reused)', () => {
    const long = '会上，市长郑海涛介绍了黄河流域的治理情况，副市长孙建业、秘书长钱玉兰出席。'.repeat(20);
    const short = '王小红在北京工作。';
    const first = nerModel().tag(long);
    expect(nerModel().tag(short).map((s) => short.slice(s.start, s.end))).to.include('王小红');
    expect(nerModel().tag(long)).to.deep.equal(first);
  });

  it('never lets a name run across a clause mark or end in punctuation', () => {
    const line = '教育长周亮；市委党史研究室副主任钱进（';
    const span = (start: number, end: number, type: EntitySpan['type']) => trimSpan(line, 0, { start, end, type }).map((s) => line.slice(s.start, s.end));
    expect(span(4, 13, 'ORG')).to.deep.equal(['市委党史研究室']);
    expect(span(16, 19, 'PER')).to.deep.equal(['钱进']);
    expect(span(5, 6, 'PER')).to.deep.equal([]);
    expect(trimSpan('约翰·史密斯', 0, { start: 0, end: 6, type: 'PER' })).to.deep.equal([{ start: 0, end: 6, type: 'PER' }]);
  });

  it('round-trips BIOES tags', () => {
    const spans: EntitySpan[] = [
      { start: 0, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 6, end: 10, type: 'ORG' },
    ];
    expect(decodeSpans(encodeSpans(spans, 12))).to.deep.equal(spans);
  });

  it('decodes the best path the BIOES grammar allows, as a search over every predecessor would', () => {
    const random = seeded(7);
    const L = LABEL_COUNT;
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(random() * 5);
      const em = Float64Array.from({ length: n * L }, () => random() * 20 - 10);
      const trans = Float64Array.from({ length: L * L + L }, () => random() * 10 - 5);
      expect([...viterbi(em, n, trans)], `trial ${trial}`).to.deep.equal(bruteForceBest(em, n, trans));
    }
  });

  it('tags in the WebAssembly kernel as the plain sums and viterbi() do, ties included, on lines short and long', () => {
    const random = seeded(3);
    const rows = 64;
    const L = LABEL_COUNT;
    for (const spread of [PACKED_MAX, 2]) {
      // Weights of -2 … 2 and whole transitions make many paths score the same: the kernel must pick
      // the one viterbi() picks.
      const weights = Int16Array.from({ length: rows * L }, () => Math.round((random() * 2 - 1) * spread));
      weights[0] = PACKED_MAX;
      weights[1] = -PACKED_MAX;
      const trans = Float64Array.from({ length: L * L + L }, () => Math.round((random() * 2 - 1) * spread) / 2);
      const kernel = new TaggerKernel(packWeights(weights, rows, L), trans);
      // 5000 characters outgrow the kernel's first buffers; the lines after them use the grown ones.
      for (const n of [1, 9, 5000, 9, 40]) {
        const features = Uint32Array.from({ length: n * FEATURE_COUNT }, (_, i) => (i < FEATURE_COUNT ? 0 : Math.floor(random() * rows)));
        kernel.take(n * FEATURE_COUNT).set(features);
        const expected = viterbi(emissions(features, n, weights, L), n, trans);
        expect([...kernel.tag(n)], `${n} characters, weights up to ${spread}`).to.deep.equal([...expected]);
      }
    }
  });

  it('finds the longest word at a position without building substrings', () => {
    const index = new WordIndex<number>();
    index.add('河南', 1);
    index.add('河南省', 2);
    expect(index.longestAt('去河南省郑州', 1)).to.equal(3);
    expect(index.longestAt('去河北', 1)).to.equal(0);
    expect(index.get('河南')).to.equal(1);
    // The first value given stays; a prefix of a word is no word; past the text's end there is none.
    index.add('河南', 7);
    expect(index.get('河南')).to.equal(1);
    expect(index.get('河')).to.equal(undefined);
    expect(index.valueAt('去河南省', 1, 3)).to.equal(2);
    expect(index.longestAt('去河南', 3)).to.equal(0);
    expect(index.longestAt('去河南', 9)).to.equal(0);
    expect(index.entries()).to.deep.equal([['河南', 1], ['河南省', 2]]);
  });
});

describe('one recognizer from the tagger and the rules', () => {
  it('never takes a common word before a role word for a person', () => {
    const names = persons('国家表示，将继续支持地方发展。干部强调，要把工作做细。同志们指出了问题。');
    for (const word of ['国家', '干部', '同志']) expect(names).to.not.include(word);
  });

  it('finds a name with no post or role word nearby', () => {
    expect(persons('昨天下午，退休教师钱松岭在社区图书馆捐出了三百册藏书。')).to.include('钱松岭');
  });

  it('finds foreign and minority names written with a middle dot', () => {
    expect(persons('来访的代表团团长马克·贝尔纳表示，双方合作前景广阔。')).to.include('马克·贝尔纳');
    expect(persons('村党支部书记阿不都热依木·买买提带领村民修路。')).to.include('阿不都热依木·买买提');
  });

  it('joins a lone surname to the one person of the article with it', () => {
    const a = record('国家主席韩立东会见了来宾。韩主席说，两国友谊源远流长。');
    const han = a.persons.find((p) => p.name === '韩立东');
    expect(han, 'the full name').to.exist;
    expect(han!.spans.map((s) => s.text)).to.include('韩');
    expect(a.persons.map((p) => p.name)).to.not.include('韩');
  });

  it('finds countries, foreign cities and rivers, and gives the text as written', () => {
    const a = record('代表团先后访问了巴西、阿根廷和智利，并在布宜诺斯艾利斯出席论坛。长江和黄河流域的合作也被提及。');
    for (const p of ['巴西', '阿根廷', '智利', '布宜诺斯艾利斯', '长江']) expect(places(a)).to.include(p);
    expect(places(a).some((p) => p.startsWith('黄河')), '黄河 or 黄河流域').to.equal(true);
    const beijing = record('北京的冬天很冷。').places.find((p) => p.name === '北京市');
    expect(beijing?.spans[0].text).to.equal('北京');
  });

  it('takes no word that only looks like a place (复合肥, 来宾) and cuts a place out of the word it starts (北京|市民)', () => {
    const a = record('这种复合肥深受北京市民喜爱，外地来宾也纷纷订购。');
    expect(places(a)).to.not.include.members(['合肥', '合肥市', '来宾', '来宾市']);
    expect(a.places.find((p) => p.name === '北京市')?.spans.map((s) => s.text)).to.deep.equal(['北京']);
  });

  it("takes the tagger's boundaries where a rule's name swallowed a preposition", () => {
    const names = persons('厂长向王建军副县长汇报了生产情况。');
    expect(names).to.include('王建军');
    expect(names).to.not.include('向王建军');
  });

  it('splits names printed without a separator into persons', () => {
    const names = persons('照片由摄影爱好者提供，前排左起为孙立平陈晓梅。');
    expect(names).to.include.members(['孙立平', '陈晓梅']);
    expect(names).to.not.include('孙立平陈晓梅');
  });

  it('reports what only the headline names, with its mentions in the headline', () => {
    const a = record('会谈在友好的气氛中进行。双方就共同关心的问题交换了意见。', { title: '吴建国会见巴西外长' });
    const wu = a.persons.find((p) => p.name === '吴建国');
    expect(wu?.spans).to.deep.equal([]);
    expect(wu?.headlineSpans?.map((s) => a.headline!.slice(s.start, s.end))).to.deep.equal(['吴建国']);
    expect(a.places.find((p) => p.headlineSpans?.some((s) => s.text === '巴西'))).to.exist;
    // A place named in the headline only carries its form as written among its mentions.
    const beijing = record('会议在友好的气氛中进行。', { title: '北京举行新春团拜会' }).places.find((p) => p.name === '北京市');
    expect(beijing?.mentions).to.deep.equal(['北京']);
    // What the body names keeps its body spans and no headline ones.
    const b = record('吴建国会见了巴西外长。', { title: '吴建国会见巴西外长' });
    expect(b.persons.find((p) => p.name === '吴建国')?.headlineSpans).to.equal(undefined);
  });

  it('finds villages and communities where the context vouches for a name, and no common noun', () => {
    const a = record('调研组先后走访了青竹社区、桃源社区，随后来到石门街道向阳社区和杨柳村。会议强调，要推进乡村振兴，建设一批社区服务站。');
    for (const p of ['青竹社区', '桃源社区', '向阳社区', '杨柳村']) expect(places(a)).to.include(p);
    for (const p of ['乡村', '一批社区', '推进乡村']) expect(places(a)).to.not.include(p);
    // A verb before 村 names no village; a road's name is no township's part (北环路|街道).
    const b = record('6月28日，城关镇召开村“两委”换届工作会议。调研组来到北环路街道明珠社区。');
    expect(places(b)).to.not.include('召开村');
    expect(places(b)).to.not.include('北环路');
    expect(places(b)).to.include('明珠社区');
  });

  it("reads a province's abbreviation after a verb of coming or staying, and a village in its committee's name", () => {
    const a = record('代表团一行来沪访问，随后赴渝考察。调研组来到青山镇石桥村委会召开座谈会。');
    expect(a.places.map((p) => p.name)).to.include.members(['上海市', '重庆市', '石桥村']);
  });

  it('reads one-character abbreviations of countries and provinces in pairs, after verbs and as a side', () => {
    const spansOf = (a: ArticleOut, name: string) => a.places.find((p) => p.name === name)?.spans.map((s) => s.text) ?? [];
    const a = record('双方回顾了中俄两国建交以来的合作。川渝两地合作取得新进展。代表团结束访华行程，俄方表示满意。');
    expect(spansOf(a, '中国')).to.have.members(['中', '华']);
    expect(spansOf(a, '俄罗斯')).to.have.members(['俄', '俄']);
    expect(a.places.map((p) => p.name)).to.include.members(['四川省', '重庆市']);
    // No word of relation after the run, a run inside a word, a date, or a place word of its own.
    for (const text of ['会谈中美方提出三点建议。', '资金集中美化了街道。', '本月24日中午召开会议。', '中亚地区的合作前景广阔。', '他在美化环境方面做了很多工作。']) {
      expect(record(text).places.flatMap((p) => p.spans.map((s) => s.text)), text).to.not.include.members(['中', '美', '日']);
    }
    // Countries and provinces do not mix in one run: 中苏 is the Soviet Union, not 江苏.
    expect(record('中苏关系史是他的研究方向。').places.map((p) => p.name)).to.not.include('江苏省');
  });

  it('reads a surname alone with a form of address as a person, named by that form', () => {
    const a = record('记者来到村里，看望了老张一家。他说，周总理的题词至今挂在村委会。王先生表示赞同。姓王的人在村里很多。');
    const byName = new Map(a.persons.map((p) => [p.name, p]));
    expect(byName.get('周总理')?.spans.map((s) => s.text)).to.deep.equal(['周']);
    expect(byName.get('周总理')?.addressOnly).to.equal(true);
    expect(byName.get('王先生')?.spans.map((s) => s.text)).to.deep.equal(['王']);
    // 姓王 names nobody; a surname of a person the article names in full is that person.
    expect(a.persons.flatMap((p) => p.spans).filter((s) => a.text.slice(s.start - 1, s.start) === '姓')).to.deep.equal([]);
    const b = record('省长张立德来到企业调研。张省长指出，要优化营商环境。');
    expect(b.persons.find((p) => p.name === '张立德')?.spans.map((s) => s.text)).to.include('张');
    expect(b.persons.map((p) => p.name)).to.not.include('张省长');
  });

  it('reads a name that is also a word inside a list of names, and not in a list of words', () => {
    expect(persons('常胜利、江山、夏天、向东等同志参加会议。')).to.include.members(['常胜利', '江山', '夏天', '向东']);
    expect(persons('要守护好绿水青山、江山、夏天的美景。')).to.not.include.members(['江山', '夏天']);
  });

  it('keeps Tibetan names whole: two parts and no surname', () => {
    const names = persons('自治区党委常委、宣传部部长普布顿珠来到城关区调研，市委书记旺堆平措陪同。副县长索朗罗布、央金卓玛出席。');
    expect(names).to.include.members(['普布顿珠', '旺堆平措', '索朗罗布', '央金卓玛']);
    expect(names).to.not.include.members(['普布顿', '旺堆平', '索朗', '罗布']);
  });

  it('reads no company in a place and 公司 alone, nor in a count of companies', () => {
    const names = orgs(record('他在一家美国公司工作多年，后来加入中国石油公司。'));
    expect(names).to.include('中国石油公司');
    expect(names.join()).to.not.include('美国公司');
  });

  it('keeps bodies printed one after another apart', () => {
    expect(orgs(record('这是最高人民法院最高人民检察院公安部联合发出的通知。'))).to.include.members(['最高人民法院', '最高人民检察院', '公安部']);
  });

  it('reads international and foreign bodies by name, short forms under their full names', () => {
    const a = record('欧盟和北约的代表出席了联合国安理会会议，白宫发言人随后表示支持。');
    const named = (name: string) => a.organizations.find((o) => o.name === name)?.spans.map((s) => s.text);
    expect(named('欧洲联盟')).to.deep.equal(['欧盟']);
    expect(named('北大西洋公约组织')).to.deep.equal(['北约']);
    expect(named('联合国安全理事会')).to.deep.equal(['联合国安理会']);
    expect(named('白宫')).to.deep.equal(['白宫']);
    // A short form that runs into another word names nothing (北大厅 is a hall).
    expect(orgs(record('记者在人民大会堂北大厅采访了多位代表。'))).to.not.include('北京大学');
  });

  it('finds towns, townships and subdistricts the gazetteer lists', () => {
    expect(places(record('记者从杭州市余杭区仓前街道获悉，当地新增创业企业三百家。'))).to.include('仓前街道');
  });

  it('reads a dateline agency as an organization and ministries as organizations', () => {
    const a = record('新华社北京3月5日电 外交部和商务部今天联合召开新闻发布会。');
    expect(orgs(a)).to.include.members(['新华社', '外交部', '商务部']);
    expect(places(a)).to.include('北京');
    // 社长 is a post, but not in 新华社|长沙.
    expect(orgs(record('新华社长沙3月5日电 湖南省今年新建农村公路三千公里。'))).to.include('新华社');
  });

  it('keeps spans true to the text on the sample page', () => {
    const { document } = readSource(DEFAULT_SAMPLE);
    for (const a of extractDocument(document!).articles) {
      for (const e of [...a.persons, ...a.organizations, ...a.places]) {
        for (const s of e.spans) expect(a.text.slice(s.start, s.end), `${e.name} in ${a.id}`).to.equal(s.text);
      }
    }
  });

  it('extracts an article the same whatever shares its file', () => {
    const texts = ['市委书记张国华主持会议。', '张国华同志的讲话很精彩，华山的风景也很好。', '会议指出，要做好春耕工作。'];
    const units = (ts: string[]): RecordUnit[] => ts.map((text, i) => ({ kind: 'record', line: i + 1, id: `r${text.length}-${i}`, text }));
    const alone = texts.map((t) => extractDocument({ path: 'a', name: 'a', format: 'jsonl', encoding: 'UTF-8', units: units([t]) }).articles[0].persons);
    const together = extractDocument({ path: 'b', name: 'b', format: 'jsonl', encoding: 'UTF-8', units: units(texts) }).articles.map((a) => a.persons);
    expect(together).to.deep.equal(alone);
  });
});

describe('extraction on several threads', () => {
  it('gives the same output, in the same order, as one thread', async function () {
    this.timeout(60_000);
    const lines = readFileSync(DEFAULT_SAMPLE, 'utf8').split('\n').filter((l) => l.trim());
    const units: RecordUnit[] = lines.map((text, i) => ({ kind: 'record', line: i + 1, text }));
    const doc: SourceDocument = { path: 'p.jsonl', name: 'p.jsonl', format: 'jsonl', encoding: 'UTF-8', units };
    const pool = new ExtractionPool(2);
    try {
      expect(await pool.extract(doc)).to.deep.equal(extractDocument(doc));
    } finally {
      await pool.close();
    }
  });
});
