import { expect } from 'chai';
import { lookupHome } from '../src/extract/context.js';
import { normalizePage } from '../src/extract/normalize.js';
import { extractDocument } from '../src/extract/pipeline.js';
import type { ArticleOut } from '../src/extract/types.js';
import { findDates } from '../src/extract/recognize/dates.js';
import { settlementsReadAsPersons, subdistrictsReadAsPersons } from '../src/extract/recognize/merge.js';
import { findOrganizations, resolveOrg } from '../src/extract/recognize/organizations.js';
import { findPosts } from '../src/extract/recognize/persons.js';
import { findDivisions } from '../src/extract/recognize/places.js';
import type { SourceDocument } from '../src/ingest/types.js';

const CTX = { year: 2023, month: 2 };
const isos = (text: string) => findDates(text, CTX).flatMap((d) => d.iso);

/** The whole pipeline on one page of text, home 许昌, published 2023-02-18. */
function extract(text: string): ArticleOut[] {
  const doc: SourceDocument = { path: 't.txt', name: 't.txt', format: 'page', encoding: 'UTF-8', units: [{ kind: 'page', text }] };
  return extractDocument(doc, { home: '许昌', date: '2023-02-18' }).articles;
}
/** One crawled record of `source`, extracted. */
function recordOf(text: string, source = '某某网'): ArticleOut {
  const doc: SourceDocument = { path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text, title: '标题', source }] };
  return extractDocument(doc).articles[0];
}
/** A person's titles as title@organization, from one crawled record of `source`. */
function titlesOf(text: string, name: string, source = '某某网'): string[] {
  return recordOf(text, source).persons.find((p) => p.name === name)!.titles.map((t) => `${t.title}@${t.organization}`);
}
const personNames = (text: string) => extract(text).flatMap((a) => a.persons.map((p) => p.name));
const rolesOf = (text: string) => {
  const roles = new Map<string, string[]>();
  for (const a of extract(text)) for (const e of a.events) for (const p of e.participants) roles.set(p.name, [...p.roles].sort());
  return roles;
};

describe('recognize', () => {
  describe('venues', () => {
    const placeNames = (text: string) => extract(text).flatMap((a) => a.places.map((p) => p.name));

    it('reads a venue\'s long name back to a stop within ten characters (来到|马踏溪中药材特色产业园), but not across a post or a verb', () => {
      expect(placeNames('调研组先后来到马踏溪中药材特色产业园、霍山特色农产品加工产业园考察。')).to.include.members(['马踏溪中药材特色产业园', '霍山特色农产品加工产业园']);
      expect(placeNames('县委书记王明、县长陈华一同调研平利经开区。').some((n) => n.includes('陈华'))).to.equal(false);
    });

    it('starts a venue after 率 (刘某率|威海校区) or a dateline\'s end before a division (…日讯|北京工人体育场), not inside a name (孙中山故居)', () => {
      const a = recordOf('校长刘建明率威海校区领导班子到青岛校区考察交流。');
      expect(a.persons.map((p) => p.name)).to.deep.equal(['刘建明']);
      expect(a.places.map((p) => p.name)).to.include.members(['威海校区', '青岛校区']);
      expect(placeNames('本报5日讯北京工人体育场昨日举行比赛。')).to.include('北京工人体育场');
      expect(placeNames('代表团参观了孙中山故居。')).to.include('孙中山故居');
    });

    it('starts a venue after a verb proper inside its stem or a count before it', () => {
      const names = placeNames('公司将在许昌投资北湖湿地生态开发、3000亩高新区光电产业园建设。');
      expect(names).to.include.members(['北湖湿地', '高新区光电产业园']);
      expect(names.some((n) => n.includes('投资') || n.startsWith('亩'))).to.equal(false);
    });

    it("reads a level word's venue as the home's, and no venue inside a longer one", () => {
      expect(placeNames('座谈会在县宾馆举行，随后参观了市体育馆。')).to.include.members(['许昌市体育馆']);
      const names = placeNames('学校在东校区图书馆报告厅举行报告会。');
      expect(names).to.include('东校区图书馆报告厅');
      expect(names).to.not.include('东校区图书馆');
    });

    it('reads a zone named by its ending alone after a verb, and keeps a noun that begins a venue', () => {
      const names = placeNames('副市长到高新区、经开区调研，察看了智能制造产业园、城东农贸市场和良渚古城遗址。');
      expect(names).to.include.members(['高新区', '经开区', '智能制造产业园', '城东农贸市场', '良渚古城遗址']);
      expect(names).to.not.include('制造产业园');
      expect(placeNames('检查组沿建设路、人民大道一路查看。')).to.include.members(['建设路', '人民大道']);
      // A kind of place, not a place: 各县开发区建设.
      expect(placeNames('要加快各地开发区建设和园区升级。')).to.not.include('开发区');
    });

    it('takes no preposition into a tagged place (同|东盟), but keeps places that begin with one (和田, 和平区)', () => {
      const names = placeNames('浙江同东盟国家合作密切，和田地区和平区代表出席。');
      expect(names.filter((n) => n.startsWith('同'))).to.deep.equal([]);
      expect(names).to.include.members(['和田地区', '和平区']);
    });

    it('reads an autonomous county written by its stem and level (长阳县, 孟连县)', () => {
      expect(findDivisions('长阳县和孟连县的代表').map((d) => d.division?.name)).to.deep.equal(['长阳土家族自治县', '孟连傣族拉祜族佤族自治县']);
      expect(lookupHome('长阳')?.division?.name).to.equal('长阳土家族自治县');
    });

    it('reads halls, theatres, memorial sites and resorts by their endings, not a kind of them', () => {
      const names = placeNames('代表们在人民大会堂出席开幕式，随后参观了林家故居、青山烈士陵园和东湖大剧院。各地剧院陆续开放。');
      expect(names).to.include.members(['人民大会堂', '林家故居', '青山烈士陵园', '东湖大剧院']);
      expect(names.filter((n) => n.endsWith('剧院') && n !== '东湖大剧院')).to.deep.equal([]);
    });

    it('reads no venue from describing words alone, across a place word or after a verb of visiting (访港)', () => {
      const names = placeNames('代表团入住高档宾馆，大部分体育场免费开放。');
      expect(names.filter((n) => /宾馆|体育场/.test(n))).to.deep.equal([]);
      const visit = placeNames('他表示愿同香港特别行政区加强合作，这是他首次访港。');
      expect(visit).to.include('香港特别行政区');
      expect(visit.filter((n) => n.endsWith('港') && n !== '香港特别行政区')).to.deep.equal([]);
      expect(placeNames('新建的青枫港码头投入使用。')).to.include('青枫港码头');
    });

    it("reads no place from a road named after one (南京东路, 北京路), but the place itself elsewhere", () => {
      expect(findDivisions('南京东路街道召开会议，北京路拓宽。').map((d) => d.text)).to.deep.equal([]);
      expect(findDivisions('他从北京来到南京。').map((d) => d.text)).to.deep.equal(['北京', '南京']);
    });

    it('reads a pair of abbreviations (粤港) as two places, not a port, but a port after a place word (天津港)', () => {
      const pair = placeNames('湾区发展离不开粤港合作。');
      expect(pair).to.include.members(['广东省', '香港特别行政区']);
      expect(pair.filter((n) => n.endsWith('粤港'))).to.deep.equal([]);
      expect(placeNames('货物从天津港运出。')).to.include('天津港');
    });
  });

  describe('title chains', () => {
    it("reads a division's delegation before its head's post (州委书记、大理代表团团长X) and the chain before it", () => {
      expect(titlesOf('州委书记、大理代表团团长陈大坚出席会议并讲话。', '陈大坚', '大理日报')).to.deep.equal(['书记@中共大理白族自治州委', '团长@大理代表团']);
    });

    it("names a consulate's city in full where the text writes its one-character name (越南驻昆总领事, 韩国驻沪总领事)", () => {
      const a = recordOf('越南驻昆总领事阮忠明、韩国驻沪总领事崔泳明、日本驻华大使王大五出席。');
      expect(a.persons.map((p) => p.titles.map((t) => t.organization))).to.deep.equal([['越南驻昆明总领事馆'], ['韩国驻上海总领事馆'], ['日本驻华大使馆']]);
    });

    it('reads the national audit office\'s head and the national broadcaster (审计长, 中央广播电视总台台长)', () => {
      const a = recordOf('审计署审计长侯明、中央广播电视总台台长王海明来访。');
      expect(a.persons.map((p) => p.titles.map((t) => `${t.title}@${t.organization}`))).to.deep.equal([['审计长@中华人民共和国审计署'], ['台长@中央广播电视总台']]);
    });

    it("names a standing committee without its term (市十六届人大常委会主任 → X市人大常委会)", () => {
      expect(titlesOf('市人大常委会党组成员、市十六届人大常委会主任王德明出席。', '王德明', '福清新闻网')).to.deep.equal(['党组成员@福清市人大常委会党组', '主任@福清市人大常委会']);
    });

    it("reads a standing committee's committees in full and its working committees short after them, and the post a decision gives one named by his post", () => {
      const a = recordOf('听取了市人大常委会代表资格审查委员会委员、联工委主任张建明作的审查报告。会议决定陈大刚副主任为长沙市监察委员会代理主任。', '长沙晚报');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['张建明']).to.deep.equal(['委员@长沙市人大常委会代表资格审查委员会', '主任@长沙市人大常委会联工委']);
      expect(titles['陈大刚']).to.deep.equal(['副主任@长沙市监察委员会', '代理主任@长沙市监察委员会']);
      // 为 after a post with no decision before the name is no appointment (王五主任为大家作报告).
      expect(recordOf('王五主任为代表们作报告。', '长沙晚报').persons[0].titles.map((t) => t.title)).to.deep.equal(['主任']);
    });

    it("gives a bare body in a list after a township's posts the township (镇党委书记A、镇长B、人大主席C), and reads 经开区 whole before its body", () => {
      const a = recordOf('经开区管委会主任周永明率队检查。横林镇党委书记江春明、镇长蒋政明、人大主席姚鸿明陪同检查。', '江苏常州经济开发区');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['姚鸿明']).to.deep.equal(['主席@横林镇人大']);
      expect(titles['周永明']).to.deep.equal(['主任@经开区管委会']);
    });

    it("gives a party body after a post in another of the committee's bodies to the committee (市委政法委书记、教育工委书记)", () => {
      expect(titlesOf('襄阳市委副书记、政法委书记、教育工委书记高德明来校调研。', '高德明')).to.deep.equal(['副书记@中共襄阳市委', '书记@襄阳市委政法委', '书记@襄阳市委教育工委']);
      // …but an office after such a post is that body's own.
      expect(titlesOf('襄阳市委政法委副书记、办公室主任王立新陪同。', '王立新')).to.deep.equal(['副书记@襄阳市委政法委', '主任@襄阳市委政法委办公室']);
    });

    it("gives an office after a committee's post to the committee, and a management committee its name", () => {
      const a = extract('区委常委、办公室主任钱敏陪同。开发区管委会主任孙立新介绍情况。')[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['钱敏'].find((t) => t.startsWith('主任'))).to.match(/区委办公室$/);
      expect(a.organizations.map((o) => o.name)).to.include('开发区管委会');
    });

    it("reads a university's campuses in its news as its units, with their committees and heads (威海校区党委书记、校长; 校区常务副校长A、党委副书记B)", () => {
      const a = recordOf('山东大学副校长，威海校区党委书记、校长刘建明率队考察。建设指挥部总指挥张永明参加。威海校区常务副校长韩建明、党委副书记赵玉明参加活动。', '山东大学新闻网');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['刘建明']).to.deep.equal(['副校长@山东大学', '书记@中共山东大学威海校区委员会', '校长@山东大学威海校区']);
      expect(titles['张永明'].map((t) => t.split('@')[0])).to.deep.equal(['总指挥']);
      expect(titles['韩建明']).to.deep.equal(['常务副校长@山东大学威海校区']);
      expect(titles['赵玉明']).to.deep.equal(['副书记@中共山东大学威海校区委员会']);
    });

    it("reads a university's affiliated hospitals as its news writes them (一附院, 附二院)", () => {
      const a = recordOf('市政府副秘书长李桂发到一附院走访调研，一附院院长周胜、附二院副院长王五陪同调研。', '某某中医药大学');
      expect(a.persons.map((p) => p.titles.map((t) => `${t.title}@${t.organization}`))).to.deep.equal([
        ['副秘书长@市政府'],
        ['院长@某某中医药大学第一附属医院'],
        ['副院长@某某中医药大学第二附属医院'],
      ]);
      // Not in another outlet's news: whose hospital it is, it does not say.
      expect(recordOf('一附院院长周胜陪同调研。').organizations.map((o) => o.name)).to.not.include('某某中医药大学第一附属医院');
    });

    it('reads a hospital or school affiliated to a university with the university that opens its name (X大学附属, 简称 too)', () => {
      // The tagger cuts the short name (医大附属…): the rule takes it back to the name's start, past 此次.
      const a = extract('此次安医大附属城东医院分院签约。安医大附属城东医院党委书记王明致辞。')[0];
      expect(a.organizations.map((o) => o.name)).to.include.members(['安医大附属城东医院', '安医大附属城东医院党委']);
      expect(titlesOf('华中师范大学附属中学校长李华出席。', '李华')).to.deep.equal(['校长@华中师范大学附属中学']);
    });

    it('reads an inspection group by its committee and number (区委第一巡察组), but none that a verb or an adverb alone names (积极配合|巡察组)', () => {
      const a = recordOf('会议宣布巡察组组长名单。区委第一巡察组组长李立新、副组长赵东明参加会议。各单位要积极配合巡察组工作。', '芜湖市弋江区人民政府网');
      expect(a.persons.map((p) => `${p.name} ${p.titles.map((t) => `${t.title}@${t.organization}`).join(' ')}`)).to.deep.equal(['李立新 组长@弋江区委第一巡察组', '赵东明 副组长@弋江区委第一巡察组']);
      expect(a.organizations.map((o) => o.name)).to.deep.equal(['弋江区委第一巡察组']);
    });

    it('names a committee written with its level twice (衡阳县县委) as the division\'s committee, but not 自治区区委 or a one-character county\'s', () => {
      const names = (text: string) => extract(text)[0].organizations.map((o) => o.name);
      expect(names('衡阳县县委书记王东出席。')).to.deep.equal(['中共衡阳县委']);
      expect(names('西藏自治区区委副书记王东出席。')).to.deep.equal(['中共西藏自治区区委']);
      expect(names('河北省邱县县委书记王东出席。')).to.deep.equal(['中共河北省邱县县委']);
    });

    it('reads a committee and its government written as a pair (明溪县委县政府) as two bodies, and 我市市委 as the home\'s committee', () => {
      const a = extract('东山县委县政府高度重视。我市市委副书记、市长杜林陪同。')[0];
      expect(a.organizations.map((o) => o.name)).to.include.members(['中共东山县委', '东山县人民政府']);
      expect(a.organizations.map((o) => o.name)).to.not.include('东山县委县人民政府');
      expect(a.persons.find((p) => p.name === '杜林')?.titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['副书记@中共许昌市委', '市长@许昌市人民政府']);
    });

    it("reads a party body after a committee department's post as that committee's (区委宣传部副部长、文明办主任), 专职委员 as a post, and a long hospital outlet whole", () => {
      const a = extract('近日，长葛市委宣传部副部长、文明办主任赵明，区新闻办副主任王祥出席。检察委员会专职委员肖华参加。')[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['赵明']).to.deep.equal(['副部长@长葛市委宣传部', '主任@长葛市委文明办']);
      // A post after a body the rules do not read (区新闻办) takes none from the sentence.
      expect(titles['王祥']).to.deep.equal(['副主任@null']);
      expect(titles['肖华'][0]).to.match(/^专职委员@/);
      expect(titlesOf('党委副书记王明出席。', '王明', '华中科技大学同济医学院附属协和医院网站')).to.deep.equal(['副书记@中共华中科技大学同济医学院附属协和医院委员会']);
    });

    it('names a county-level city by 全市 in its own paper, and reads no Japan in 走访日', () => {
      const a = extract('全市干部走访日活动启动，王明访日期间会见友人。')[0];
      expect(a.places.map((p) => p.name)).to.include('许昌市');
      expect(a.places.find((p) => p.name === '日本')?.spans?.map((s) => s.text)).to.deep.equal(['日']);
      const county = extractDocument({ path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source: '长葛市融媒体中心', text: '全市人大代表参加会议。' }] }).articles[0];
      expect(county.places.map((p) => p.name)).to.include('长葛市');
    });

    it('names a city\'s intermediate court and a province\'s high court written short (X中院, X高院) in full', () => {
      expect(resolveOrg('鄂州中院', null)).to.equal('鄂州市中级人民法院');
      expect(resolveOrg('北京市高院党组', null)).to.equal('北京市高级人民法院党组');
      expect(resolveOrg('某某中院', null)).to.equal('某某中院');
    });

    it("reads a court's or hospital's own party unit (院党组, 院党委) and its bare head's posts in its news, but another body's head stays that body's", () => {
      expect(titlesOf('院党组副书记、副院长汪明带队赴区法院调研。', '汪明', '某某市中级人民法院网站')).to.deep.equal(['副书记@某某市中级人民法院党组', '副院长@某某市中级人民法院']);
      expect(titlesOf('院党组成员、副院长刘安出席。', '刘安', '某某市中级人民法院网站')).to.deep.equal(['党组成员@某某市中级人民法院党组', '副院长@某某市中级人民法院']);
      expect(titlesOf('听取了区法院党组书记、院长杨文的汇报。', '杨文', '某某市中级人民法院网站')[1]).to.not.equal('院长@某某市中级人民法院');
      // A community's party branch it visits is no office of the outlet's.
      expect(titlesOf('干警走访了东湖镇西村社区党支部书记夏明。', '夏明', '某某区人民检察院网站')[0]).to.not.match(/人民检察院/);
    });

    it("gives a congress's deputy no title (区人大代表X), but keeps a representative's post elsewhere (常驻联合国代表)", () => {
      expect(titlesOf('区人大代表伍明感叹道，变化真大。', '伍明', '襄阳日报')).to.deep.equal([]);
      expect(titlesOf('中国常驻联合国代表秦明发言。', '秦明')).to.deep.equal(['代表@联合国']);
    });

    it('reads a name between a body and the post that heads it, used as a form of address (宣传部X部长)', () => {
      expect(titlesOf('会上，宣传部周冬梅部长传达了会议精神。', '周冬梅', '某某医院网站')).to.deep.equal(['部长@某某医院宣传部']);
    });

    it("reads a college's own words for itself (学院党委, 我院) in its news as that college", () => {
      expect(titlesOf('学院党委书记张金雷主持会议。', '张金雷', '某某大学外国语学院网站')).to.deep.equal(['党委书记@某某大学外国语学院党委']);
      // …not a university's news, nor another college named in full.
      expect(titlesOf('机电学院党委书记张金雷主持会议。', '张金雷', '某某大学外国语学院网站')[0]).to.not.equal('党委书记@某某大学外国语学院党委');
    });

    it('reads a department between a body and the post that heads it as part of the body, two nouns joined by 与 or 和 included', () => {
      expect(titlesOf('省教育厅财务与审计处处长王丽华到校检查。', '王丽华', '湖北日报')).to.deep.equal(['处长@湖北省教育厅财务与审计处']);
      expect(titlesOf('市农业农村局综合科副科长钱小川出席。', '钱小川', '襄阳日报')).to.deep.equal(['副科长@襄阳市农业农村局综合科']);
      // …but after a level word, the local association (市对外友协 is the city's).
      expect(titlesOf('市对外友协专职副会长薛明出席。', '薛明', '襄阳日报')).to.deep.equal(['专职副会长@襄阳市对外友协']);
      expect(titlesOf('对外友协会长齐明出席。', '齐明')).to.deep.equal(['会长@中国人民对外友好协会']);
      // An association's department before its head's post (全国对外友协美大部副主任).
      expect(titlesOf('全国对外友协国际部副主任孙明参加活动。', '孙明')).to.deep.equal(['副主任@中国人民对外友好协会国际部']);
      // A part of a body known by its short name takes the body's full name (全国人大常委会|办公厅).
      expect(resolveOrg('全国人大常委会办公厅', null)).to.equal('全国人民代表大会常务委员会办公厅');
      // A ministry's bureau and its department (X部某某局宣传处处长).
      expect(titlesOf('中宣部新闻局综合处处长周明出席。', '周明')).to.deep.equal(['处长@中共中央宣传部新闻局综合处']);
      // The post names no head of the department's kind (处 is headed by 处长): no department read.
      expect(titlesOf('省教育厅办公室主任赵明和各处处长出席。', '赵明', '湖北日报')).to.deep.equal(['主任@湖北省教育厅办公室']);
    });

    it('reads a post held concurrently (兼) that the lexicon lacks, or has with words before it, in the body of the post before 兼', () => {
      const titles = (text: string) => extract(text)[0].persons.flatMap((p) => p.titles.map((t) => `${p.name} ${t.title}@${t.organization}`));
      expect(titles('农业部副部长兼首席兽医师刘子健出席会议。')).to.deep.equal(['刘子健 副部长@农业部', '刘子健 首席兽医师@农业部']);
      expect(titles('商务部副部长兼国际贸易谈判副代表王立新出席会议。')).to.deep.equal(['王立新 副部长@商务部', '王立新 副代表@商务部']);
      // A body named after 兼 keeps its own post (县公安局局长), and no words after 兼 are a post of their own.
      expect(titles('县委常委、副县长兼县公安局局长张三丰出席。')).to.include('张三丰 局长@县公安局');
      expect(titles('他兼顾学习和工作，王五一出席。')).to.deep.equal([]);
    });

    it('reads a chain across a comma to a post of a company the text calls only 公司, which takes no named body', () => {
      const titles = extract('华东建设集团党委委员、副总经理，公司党委书记林志远主持会议。')[0].persons.find((p) => p.name === '林志远')!.titles;
      expect(titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['委员@华东建设集团党委', '副总经理@华东建设集团', '党委书记@null']);
    });

    it('reads a department ending in 研究室 and goes on through 机关 before its party unit\'s post', () => {
      const a = extract('省政协研究室主任、机关党组成员周平安一行来调研。')[0];
      const titles = a.persons.find((p) => p.name === '周平安')!.titles.map((t) => `${t.title}@${t.organization}`);
      expect(titles).to.have.length(2);
      expect(titles[0]).to.match(/^主任@.*省政协研究室$/);
      expect(titles[1]).to.equal('党组成员@null');
    });

    it('ends a dotted name before a verb two letters into its last part (约翰·史密斯|来访)', () => {
      expect(personNames('工党党魁约翰·史密斯来访。宣传部部长吾尔叶提·吾守尔出席。')).to.deep.equal(['约翰·史密斯', '吾尔叶提·吾守尔']);
    });

    it("reads no person in a unit's staff the tagger takes for a name (亚非处同志参加)", () => {
      expect(personNames('亚非处同志参加会见。')).to.deep.equal([]);
    });

    it('reads a foreign name written later by one of its parts (施特凡·魏尔 … 魏尔表示) as the same person, with both spans', () => {
      const a = extract('省长会见了德国下萨克森州州长施特凡·魏尔一行。魏尔表示，愿与河南加强合作。')[0];
      expect(a.persons.map((p) => p.name)).to.deep.equal(['施特凡·魏尔']);
      expect(a.persons[0].spans?.map((s) => s.text)).to.deep.equal(['施特凡·魏尔', '魏尔']);
      expect(a.events.flatMap((e) => e.participants.filter((p) => p.name === '施特凡·魏尔').flatMap((p) => p.roles))).to.include('spoke');
    });

    it('reads no central body from 中央 and a bare body (中央政协工作会议), but a listed one (中央纪委)', () => {
      const names = extract('出席中央政协工作会议。中央纪委书记出席。')[0].organizations.map((o) => o.name);
      expect(names).to.not.include('中央政协');
      expect(names).to.include('中央纪律检查委员会');
    });

    it('reads no chamber of commerce or parliament out of a meeting (协商会议, 评议会议)', () => {
      const names = extract('今年是中国人民政治协商会议成立70周年。抓党建工作述职评议会议召开。')[0].organizations.map((o) => o.name);
      expect(names.filter((n) => /商会$|议会$/.test(n))).to.deep.equal([]);
    });

    it('reads a foreign party leader (党魁) as a post, so that the name after it starts after it', () => {
      const a = extract('澳大利亚维多利亚州议会工党党魁约翰·史密斯率代表团来访。')[0];
      expect(a.persons.map((p) => p.name)).to.deep.equal(['约翰·史密斯']);
      expect(a.persons[0].titles.map((t) => t.title)).to.deep.equal(['党魁']);
    });

    it("reads a bank's branch with its bank as one body (农业银行浙江省分行), and a branch named alone (宝山支行)", () => {
      const names = extract('本报讯农业银行浙江省分行加大了信贷投放。宝山支行行长王五一出席。')[0].organizations.map((o) => o.name);
      expect(names).to.include.members(['农业银行浙江省分行', '宝山支行']);
      expect(names).to.not.include('农业银行');
    });

    it("reads no body from the kind of body a regulation's title is about, but the body that issued a document", () => {
      const names = extract('学习《平江市街道办事处条例》和《中共中央关于加强党的建设的决定》。')[0].organizations.map((o) => o.name);
      expect(names).to.include('中共中央');
      expect(names.filter((n) => n.includes('办事处'))).to.deep.equal([]);
    });

    it('reads bureaus written short in a list after the first (住建委、规划局、房管局) and 专职副 posts', () => {
      const a = extract('市住建委、规划局、房管局负责同志参加签约仪式。市计生协专职副会长刘大勇出席。')[0];
      expect(a.organizations.map((o) => o.name).filter((n) => /住建委|规划局|房管局|计生协/.test(n))).to.have.length(4);
      expect(a.persons[0].titles.map((t) => t.title)).to.deep.equal(['专职副会长']);
    });

    it('reads stations as bodies after a place (平江军供站, 县水文监测站), not the place and a character as a name', () => {
      const a = extract('平江军供站主要负责同志参加会议。县水文监测站站长刘大海介绍情况。')[0];
      expect(a.persons.map((p) => p.name)).to.deep.equal(['刘大海']);
      expect(a.organizations.map((o) => o.name)).to.include('平江军供站');
    });

    it('reads a committee whose name joins two nouns by 和 whole, but not two bodies joined by 和', () => {
      const a = extract('全国政协社会和法治委员会副主任陈立新出席开幕式。')[0];
      expect(a.persons[0].titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['副主任@中国人民政治协商会议全国委员会社会和法治委员会']);
      expect(rolesOf('省政协教育和文化委员会主任王立出席会议。').get('王立')).to.deep.equal(['attended']);
      expect(extract('市委和市纪律检查委员会联合发文。')[0].organizations.map((o) => o.name).filter((n) => n.includes('和'))).to.deep.equal([]);
    });

    it('reads a village party branch written short (青山村支部书记) as the branch, with its secretary speaking', () => {
      const a = extract('青山村支部书记李长友介绍了村里的情况。')[0];
      expect(a.persons[0].titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['书记@青山村支部']);
      expect(rolesOf('青山村支部书记李长友介绍了村里的情况。').get('李长友')).to.deep.equal(['spoke']);
    });

    it('reports the party unit a chain names as an organization, the unit as written its mention', () => {
      const a = extract('区检察院党组书记、检察长陈大儒出席。')[0];
      const unit = a.organizations.find((o) => o.name.endsWith('区检察院党组'));
      expect(unit?.spans.map((s) => s.text)).to.deep.equal(['党组']);
    });

    it("holds a party unit's post in the body's party unit, and the body's own posts in the body", () => {
      const titles = (text: string) => extract(text)[0].persons.map((p) => `${p.name} ${p.titles.map((t) => `${t.title}@${t.organization}`).join(' ')}`);
      expect(titles('区检察院党组书记、检察长陈大儒出席。')[0]).to.match(/^陈大儒 党组书记@.*区检察院党组 检察长@.*区检察院$/);
      expect(titles('华东建设集团董事长、党委书记陈华明出席。')).to.deep.equal(['陈华明 董事长@华东建设集团 党委书记@华东建设集团党委']);
      // 机关 before the unit: the offices' party unit; the next member's bare post is the body's, not the unit's.
      const [yan, xu] = titles('市委统战部机关党委书记严大军、秘书长徐小力出席。');
      expect(yan).to.match(/^严大军 党委书记@.*市委统战部机关党委$/);
      expect(xu).to.match(/^徐小力 秘书长@.*市委统战部$/);
    });

    it("resolves a bare department of a province's government (农业农村厅) to the home's province, not its city", () => {
      const doc: SourceDocument = { path: 'p.jsonl', name: 'p.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source: '眉山市人民政府网', text: '农业农村厅厅长杨秀林陪同考察。' }] };
      const titles = extractDocument(doc).articles[0].persons[0].titles;
      expect(titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['厅长@四川省农业农村厅']);
    });

    it("reads a subdistrict's chains: its working committees, a bare office after its committee's post, and a note in brackets before the name", () => {
      const a = extract('街道党工委书记、人大工委主任顾大轲，街道党工委副书记、办事处副主任(主持工作)袁登全参加检查。')[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['顾大轲']).to.deep.equal(['书记@街道党工委', '主任@街道人大工委']);
      expect(titles['袁登全']).to.deep.equal(['副书记@街道党工委', '副主任@街道办事处']);
      const b = extract('青山镇党委书记、人大主席王大明出席。')[0];
      expect(b.persons[0].titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['书记@青山镇党委', '主席@青山镇人大']);
    });

    it('gives the names listed before an election\'s last one its posts, in the standing committee named whole', () => {
      const doc: SourceDocument = { path: 'e.jsonl', name: 'e.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text: '会议选举李国强为市人民代表大会常务委员会主任，王建平、赵敏为副主任。' }] };
      const a = extractDocument(doc).articles[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['李国强']).to.deep.equal(['主任@市人民代表大会常务委员会']);
      expect(titles['王建平']).to.deep.equal(['副主任@市人民代表大会常务委员会']);
      expect(titles['赵敏']).to.deep.equal(['副主任@市人民代表大会常务委员会']);
    });

    it('reads a village post written with its body and no village, and a spokesperson of a named office', () => {
      const doc: SourceDocument = { path: 'v.jsonl', name: 'v.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text: '村党支部书记、村委会主任王大山介绍情况。国务院新闻办公室新闻发言人李明出席。' }] };
      const a = extractDocument(doc).articles[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['王大山']).to.deep.equal(['村党支部书记@null', '村委会主任@null']);
      expect(titles['李明']).to.deep.equal(['新闻发言人@国务院新闻办公室']);
    });

    it('takes no person\'s sentence into a body (…出席|X纪委), no verb 办 as an office, and no cut word into a company (表|示)', () => {
      const orgs = (text: string) => extract(text).flatMap((a) => a.organizations.map((o) => o.name));
      expect(orgs('中共中央总书记出席中央纪委全体会议。').some((o) => o.includes('出席'))).to.equal(false);
      expect(orgs('听说东城区税务分局办便民服务站。').some((o) => o.endsWith('办'))).to.equal(false);
      expect(orgs('王立新表示远航科技公司将扩大生产。')).to.include('远航科技公司');
      expect(orgs('在海州省证券委推举上市公司时。').some((o) => o.includes('推举'))).to.equal(false);
    });

    it('reads no chamber from a visit to chambers (六安市|走访|商会), and cuts a body read on through a verb (六安商会|签订…)', () => {
      const orgs = (text: string) => extract(text).flatMap((a) => a.organizations.map((o) => o.name));
      const names = orgs('副主任带队赴六安市走访商会、对接项目。沈阳商会和六安商会签订友好商会协议。他表示要在六安开办分公司。');
      expect(names).to.include('六安商会');
      expect(names.filter((n) => /走访|签订|开办/.test(n))).to.deep.equal([]);
      // A name that is a verb the tagger reads as a body stays (a brand named with a verb).
      expect(orgs('市发展和改革委员会、国际贸易促进委员会派员出席。')).to.include('国际贸易促进委员会');
    });

    it('takes no verb into a body before it (带队赴|子公司), no department of another for a central body (安全|环保部), no part of a word from a name (科|学技术研究院)', () => {
      const record = (text: string) => extractDocument({ path: 'c.jsonl', name: 'c.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text }] }).articles[0];
      const a = record('当天，公司党委书记、董事长张伟带队赴子公司调研，安全环保部副部长王磊陪同。');
      expect(a.persons.map((p) => p.name)).to.include.members(['张伟', '王磊']);
      expect(a.organizations.map((o) => o.name)).to.not.include('环境保护部');
      expect(a.organizations.map((o) => o.name).join()).to.not.include('张伟');
      expect(record('科学技术研究院院长吴敏参加会议。').organizations.map((o) => o.name)).to.include('科学技术研究院');
      // A time before a central body's short form is no body of its own: 上午|央行.
      expect(record('今天上午央行行长在发布会上介绍情况。').organizations.map((o) => o.name)).to.include('中国人民银行');
    });

    it("resolves a township congress's chair, and reads pharmaceutical companies but not the industry", () => {
      const doc = (text: string, source: string): SourceDocument => ({ path: 't.jsonl', name: 't.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source, text }] });
      const a = extractDocument(doc('镇党委书记马强、镇人大主席刘洋出席。恒瑞医药、复星医药代表参加。', '青山镇人民政府')).articles[0];
      expect(a.persons.find((p) => p.name === '刘洋')?.titles).to.deep.equal([{ title: '主席', organization: '青山镇人大' }]);
      expect(a.organizations.map((o) => o.name)).to.include.members(['恒瑞医药', '复星医药']);
      expect(extractDocument(doc('会议了解了我市医药产业布局。', '某某网')).articles[0].organizations.map((o) => o.name).join()).to.not.include('医药');
    });

    it("reads a former post in its body (市委原副书记) and a government's head after the government's own post", () => {
      const doc: SourceDocument = { path: 'f.jsonl', name: 'f.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text: '市委原副书记周明出席。省政府党组成员、副省长王勇主持会议。' }] };
      const a = extractDocument(doc).articles[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['周明']).to.deep.equal(['副书记@市委']);
      expect(titles['王勇']).to.deep.equal(['党组成员@省政府党组', '副省长@省政府']);
    });

    it('reads one chain across a comma after a post, not across another\'s 为组长', () => {
      const record = (text: string) => extractDocument({ path: 'k.jsonl', name: 'k.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text }] }).articles[0];
      const a = record('县委常委、组织部部长，县委党校校长赵新华出席开班仪式。');
      expect(a.persons.find((p) => p.name === '赵新华')?.titles.map((t) => t.title)).to.deep.equal(['常委', '部长', '校长']);
      const b = record('以省委常委、纪委书记张立群为组长，省政协副主席王海涛为副组长的督查组来我市检查。');
      expect(b.persons.find((p) => p.name === '王海涛')?.titles.map((t) => t.title)).to.not.include('组长');
    });

    it('reads a college whose name opens with a word that opens with a stop character (经济学院, 经济管理学院)', () => {
      const record = (text: string) => extractDocument({ path: 'u.jsonl', name: 'u.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text }] }).articles[0];
      expect(record('近日，经济管理学院院长陈立华带队赴企业调研。').persons.find((p) => p.name === '陈立华')?.titles).to.deep.equal([{ title: '院长', organization: '经济管理学院' }]);
    });

    it("gives a body's own post after its party unit's post to the body, and an office after a body's post to that body", () => {
      expect(titlesOf('远航集团党委书记、董事长孙德明来访。', '孙德明')).to.include('董事长@远航集团');
      expect(titlesOf('市教育局党组书记、局长王立新出席。', '王立新')).to.include('局长@市教育局');
      expect(titlesOf('河口市人大常委会机关党组成员、办公室主任周志刚参加活动。', '周志刚')).to.include('主任@河口市人大常委会办公室');
      // A guest's chain in a list follows the company the guest before named, not the site's own.
      const guests = '集团党组书记、董事长王立新在京会见了远航集团党委书记、董事长孙德明，党委副书记、总经理吴建国一行。';
      expect(titlesOf(guests, '吴建国', '某某能源集团')).to.include.members(['副书记@远航集团党委', '总经理@远航集团']);
    });

    it("holds a listed chain's bare 党委 and a 院's head in the unit the item before it named, not the site's university (化工学院党委书记A、党委副书记兼副院长B)", () => {
      const list = '5月8日，化工学院召开教学工作会议，化工学院党委书记赵立新、党委副书记兼副院长钱明辉、副院长孙卫东出席会议。';
      expect(titlesOf(list, '钱明辉', '某某大学新闻网')).to.deep.equal(['副书记@化工学院党委', '副院长@化工学院']);
      expect(titlesOf(list, '孙卫东', '某某大学新闻网')).to.deep.equal(['副院长@化工学院']);
      // A university named by the item before: its bare 党委's posts and its 校长 (…，党委|常委、副校长).
      const guests = '市长邢正明，南京师范大学党委书记王成明，党委副书记、校长华桂明，党委常委、副校长岳明出席签约仪式。';
      expect(titlesOf(guests, '华桂明', '连云港日报')).to.deep.equal(['副书记@南京师范大学党委', '校长@南京师范大学']);
      expect(titlesOf(guests, '岳明', '连云港日报')).to.deep.equal(['常委@南京师范大学党委', '副校长@南京师范大学']);
      // 校党委 is the university's own.
      expect(titlesOf('化工学院党委书记赵立新、校党委副书记钱明辉出席会议。', '钱明辉', '某某大学新闻网')).to.deep.equal(['副书记@中共某某大学委员会']);
    });

    it("reads a post's qualifier (行政副校长, 第一副部长) with the post, so the body before it holds it", () => {
      expect(titlesOf('10月16日，台湾东华大学行政副校长马远明一行来校访问。', '马远明', '某某大学新闻网')).to.deep.equal(['行政副校长@台湾东华大学']);
      expect(titlesOf('国际货币基金组织第一副总裁孙立群出席论坛。', '孙立群')).to.deep.equal(['第一副总裁@国际货币基金组织']);
      // …also before a post the lexicon lists with its 副 (副书记).
      expect(titlesOf('会议由县委常务副书记刘建明主持。', '刘建明', '宝丰快报')).to.deep.equal(['常务副书记@中共宝丰县委']);
      expect(titlesOf('区委两新工委专职副书记刘建明出席。', '刘建明', '泉港新闻')).to.deep.equal(['专职副书记@泉港区委两新工委']);
    });

    it("holds a bare state body after a county's or district's body's post at that level (区纪委书记、监委主任 → 区监委)", () => {
      expect(titlesOf('区委常委、区纪委书记、监委主任颜新明出席并讲话。', '颜新明', '芜湖市弋江区人民政府网')).to.deep.equal(['常委@中共弋江区委', '书记@弋江区纪委', '主任@弋江区监委']);
      expect(titlesOf('市委常委、市纪委书记、监委主任颜新明出席并讲话。', '颜新明', '安庆日报')).to.deep.equal(['常委@中共安庆市委', '书记@安庆市纪委', '主任@安庆市监委']);
    });

    it('reads a bureau run into its head\'s post (民宗局长) at the level of the chain before it, but no post in 局|长期', () => {
      expect(titlesOf('会议由区委统战部常务副部长、民宗局长孙仁海主持。', '孙仁海', '芜湖市弋江区人民政府网')).to.deep.equal(['常务副部长@弋江区委统战部', '局长@弋江区民宗局']);
      const a = recordOf('县公安局长期以来重视此项工作。', '宝丰快报');
      expect(a.organizations.map((o) => o.name)).to.deep.equal(['宝丰县公安局']);
    });

    it("reads the committee's working committee for non-public enterprises and social organizations (两新党工委) as a party body of the chain's committee", () => {
      expect(titlesOf('区委组织部副部长、非公企业和社会组织党工委书记施德明参加活动。', '施德明', '泉港新闻')).to.deep.equal(['副部长@泉港区委组织部', '书记@泉港区委非公企业和社会组织党工委']);
      expect(titlesOf('市委组织部副部长、市“两新”党工委书记周明一行到街道调研。', '周明', '株洲新闻网')).to.deep.equal(['副部长@株洲市委组织部', '书记@株洲市“两新”党工委']);
      // The body the lists know wins over the tagger's cut of it (新党工委), so the list's act reaches the name.
      const a = recordOf('两新党工委书记王立新出席会议。', '泉港新闻');
      expect(a.organizations.map((o) => o.name)).to.deep.equal(['泉州市委两新党工委']);
      expect(a.events.flatMap((e) => e.participants.map((p) => `${p.name}:${p.roles.join('/')}`))).to.deep.equal(['王立新:attended']);
    });

    it("holds a township head's post written after the township's name in its government (银涂镇|镇长, 为银涂镇副镇长)", () => {
      expect(titlesOf('城关镇镇长王立新出席会议。', '王立新')).to.deep.equal(['镇长@城关镇人民政府']);
      const elected = '大会选举杨立阳为银涂镇镇长，杜先明、王少明为银涂镇副镇长。';
      expect(titlesOf(elected, '杨立阳')).to.deep.equal(['镇长@银涂镇人民政府']);
      expect(titlesOf(elected, '杜先明')).to.deep.equal(['副镇长@银涂镇人民政府']);
    });

    it("holds a village's posts written short (村党支部书记, 村主任, …、主任) in the village whose committee the sentence names, and none with no village named", () => {
      const a = '在高山村委会，调研组听取了村党支部书记刘福明、村主任刘建明的介绍。';
      expect(titlesOf(a, '刘福明', '南安新闻网')).to.deep.equal(['书记@高山村党支部']);
      expect(titlesOf(a, '刘建明', '南安新闻网')).to.deep.equal(['主任@高山村委会']);
      expect(titlesOf('在金山村委会，村党支部书记、主任林敬明作村情介绍。', '林敬明', '南安新闻网')).to.deep.equal(['书记@金山村党支部', '主任@金山村委会']);
      expect(titlesOf('村党支部书记刘福明陪同调研。', '刘福明', '南安新闻网')).to.deep.equal(['村党支部书记@null']);
      // A stem's verb is cut whole (全面提高|中国银行), and 高 alone is no verb (高山村委会).
      expect(recordOf('要全面提高中国银行的竞争力。').organizations.map((o) => o.name)).to.deep.equal(['中国银行']);
    });

    it("reads a committee's offices for Taiwan, Hong Kong and Macao (台港澳办) before a name addressed by its post (省委台港澳办X副主任)", () => {
      expect(titlesOf('省委台港澳办孙西明副主任一行来我市调研。', '孙西明', '济南日报')).to.deep.equal(['副主任@山东省委台港澳办']);
    });

    it("reads a committee's office abbreviations and a body's secretariat in a chain, and no body for a post after an unread one", () => {
      expect(titlesOf('省委农办主任、省农业农村厅党委书记周志刚陪同。', '周志刚', '江西农业农村')).to.include('主任@江西省委农办');
      expect(titlesOf('全国妇联副主席、书记处第一书记周红梅出席论坛。', '周红梅')).to.deep.equal(['副主席@中华全国妇女联合会', '第一书记@中华全国妇女联合会书记处']);
      expect(titlesOf('镇党委书记王立新，西部园区主任孙德明参加。', '孙德明', '某某镇人民政府网')).to.deep.equal(['主任@null']);
    });

    it("reads a government's office with its government (河南省政府办公厅 → 河南省人民政府办公厅)", () => {
      expect(titlesOf('河南省政府办公厅主任马东林出席。', '马东林')).to.deep.equal(['主任@河南省人民政府办公厅']);
      expect(titlesOf('省政府办公厅主任马东林出席。', '马东林', '湖南省人民政府网')).to.deep.equal(['主任@湖南省人民政府办公厅']);
    });

    it('reads the posts a removal or a resignation names, for every name listed', () => {
      expect(titlesOf('会议决定免去钱思远同志平江市人民政府副市长职务。', '钱思远')).to.deep.equal(['副市长@平江市人民政府']);
      const resigned = '会议决定接受孙立新、周平安辞去平江市人大常委会副主任职务的请求。';
      for (const n of ['孙立新', '周平安']) expect(titlesOf(resigned, n)).to.deep.equal(['副主任@平江市人大常委会']);
      // Each removal of a list with its own post (免去A同志X职务、B同志Y职务), but no removal after it.
      const removed = '会议决定免去王立新同志荆门市人民政府市长职务、孙德明同志荆门市人民政府副市长职务。';
      expect(titlesOf(removed, '孙德明')).to.deep.equal(['副市长@荆门市人民政府']);
      expect(titlesOf('会议决定任命王立新同志为荆门市人民政府市长职务，孙德明同志参加会议。', '孙德明')).to.deep.equal([]);
      // Each resignation of a list with its own post (…职务、B辞去Y职务): no body read through 辞去.
      const resigned2 = '会议决定接受杨自明辞去市人民政府市长职务、熊隆明辞去市监察委员会主任职务的请求。';
      expect(titlesOf(resigned2, '熊隆明', '荆门日报')).to.deep.equal(['主任@荆门市监察委员会']);
      // The acting post an appointment adds (…副市长，并决定为代理市长; …副主任，并决定其为代理主任).
      const acting = '会议决定任命邓正明为荆门市人民政府副市长，并决定为代理市长；任命谭晓明为荆门市监察委员会副主任，并决定其为代理主任。';
      expect(titlesOf(acting, '邓正明')).to.deep.equal(['副市长@荆门市人民政府', '代理市长@荆门市人民政府']);
      expect(titlesOf(acting, '谭晓明')).to.deep.equal(['副主任@荆门市监察委员会', '代理主任@荆门市监察委员会']);
      // A name standing for a group (A等15名同志为…), and a bare 常务委员 after the body's other posts.
      expect(titlesOf('会议选举周志刚等15名同志为政协第八届荆门市委员会常务委员。', '周志刚')).to.deep.equal(['常务委员@荆门市政协']);
      expect(titlesOf('会议选举周志刚、孙德明为政协第八届荆门市委员会副主席，钱思远等12人为常务委员。', '钱思远')).to.deep.equal(['常务委员@荆门市政协']);
    });

    it("never gives a government's head to the committee named before it", () => {
      const doc: SourceDocument = { path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text: '县委副书记、县长黄志刚带队赴外地考察学习。' }] };
      const titles = extractDocument(doc).articles[0].persons.find((p) => p.name === '黄志刚')!.titles;
      expect(titles.find((t) => t.title === '县长')?.organization ?? null).to.not.equal('县委');
      expect(titles.find((t) => t.title === '副书记')?.organization).to.equal('县委');
    });
  });

  describe('titles and bodies outside party and government', () => {
    const one = (text: string, source = '某某网') =>
      extractDocument({ path: 'o.jsonl', name: 'o.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source, text }] }).articles[0];

    it('reads an honorary post (名誉校长) whole, and a campus named in full in its own news as itself', () => {
      const a = one('文华学院名誉校长张大勇，文华学院校长刘献忠出席典礼。', '文华学院新闻网');
      const titles = a.persons.map((p) => `${p.name} ${p.titles.map((t) => `${t.title}@${t.organization}`).join(' ')}`);
      expect(titles).to.deep.equal(['张大勇 名誉校长@文华学院', '刘献忠 校长@文华学院']);
    });

    it("holds a diplomat's post in the mission the posting names (日本驻华大使, 美国驻沈阳总领事), and reads the guest's visit", () => {
      const titles = (text: string) => one(text).persons.map((p) => `${p.name} ${p.titles.map((t) => `${t.title}@${t.organization}`).join(' ')}`);
      expect(titles('日本驻华大使山田一郎出席。')).to.deep.equal(['山田一郎 大使@日本驻华大使馆']);
      expect(titles('美国驻沈阳总领事梅大瑞一行来访。')).to.deep.equal(['梅大瑞 总领事@美国驻沈阳总领事馆']);
      expect(titles('我国驻法国大使王五一出席。')).to.deep.equal(['王五一 大使@中国驻法国大使馆']);
      expect(titles('驻村第一书记陈明汇报工作。')).to.deep.equal(['陈明 第一书记@null']);
      expect(rolesOf('美国驻沈阳总领事梅大瑞一行来访。').get('梅大瑞')).to.deep.equal(['led']);
    });

    it('reads a mission named short (美国驻沪总领馆) as the body of the post after it, its posting a place, and 委员长 as the NPC standing committee\'s', () => {
      const a = one('9月21日，美国驻沪总领馆总领事史大客一行4人来访。');
      expect(a.persons[0].titles.map((t) => `${t.title}@${t.organization}`)).to.deep.equal(['总领事@美国驻沪总领馆']);
      expect(a.places.map((p) => p.name)).to.include('上海市');
      expect(one('会议听取张大江委员长所作的报告。').persons[0].titles.map((t) => t.organization)).to.deep.equal(['全国人民代表大会常务委员会']);
    });

    it('reads company, village and task-group posts with their bodies', () => {
      const a = one('江淮机械厂厂长周建华、宏达集团董事长林晓东出席会议。驻村第一书记陈明向督导组组长刘强汇报工作。');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => t.title)]));
      expect(titles['周建华']).to.include('厂长');
      expect(titles['林晓东']).to.include('董事长');
      expect(titles['陈明']).to.include('第一书记');
      expect(titles['刘强']).to.include('组长');
      expect(a.organizations.map((o) => o.name)).to.include.members(['江淮机械厂', '宏达集团']);
    });

    it('gives a bare post after a body\'s own post in a chain to that body when it fits (党组书记、主席; 党组成员、副局长)', () => {
      const a = one('3月5日，县政协党组书记、主席李明，省广播电视局党组成员、副局长王强到我县调研。', '宝丰县融媒体中心');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles]));
      expect(titles['李明']).to.deep.include({ title: '主席', organization: '宝丰县政协' });
      expect(titles['王强']).to.deep.include({ title: '副局长', organization: '河南省广播电视局' });
    });

    it('resolves a township\'s own bodies on its site even when no county is known (城关镇 is in many)', () => {
      const a = one('3月5日，镇党委书记李明主持召开会议，副镇长王强出席。', '城关镇人民政府网');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles]));
      expect(a.home).to.equal(null);
      expect(titles['李明']).to.deep.include({ title: '书记', organization: '城关镇党委' });
      expect(titles['王强']).to.deep.include({ title: '副镇长', organization: '城关镇人民政府' });
    });

    it('finds a province\'s office written short after its committee (省委台办 → 中共X省委台办)', () => {
      const a = one('市委副书记孙立，省委台办副主任赵刚出席。', '日照新闻网');
      expect(a.persons.find((p) => p.name === '赵刚')?.titles[0]?.organization).to.match(/^(中共)?山东省委台办$/);
    });

    it('names a body run into its post in a regional outlet\'s story, and takes no word\'s last character into a name', () => {
      const a = one('市委副书记、统战部长刘明出席。会上，市委书记王强主持召开市委常委会。张华表示市政集团将全力支持。', '日照新闻网');
      const names = a.organizations.map((o) => o.name);
      expect(names.some((n) => /^(中共)?日照市委统战部$/.test(n)), names.join('、')).to.equal(true);
      expect(names.some((n) => /^[开示]/.test(n))).to.equal(false);
      expect(one('市委副书记、统战部长刘明出席。').organizations.map((o) => o.name)).to.not.include('统战部');
    });

    it('reads a university\'s offices named bare in its own news as the university\'s, and nowhere else', () => {
      const text = '学校办公室、宣传部、教务处、人事处等部门负责人参加会见。';
      expect(one(text, '某某大学新闻网').organizations.map((o) => o.name)).to.include.members(['某某大学教务处', '某某大学人事处']);
      expect(one(text, '某某日报').organizations.some((o) => o.name.endsWith('大学教务处'))).to.equal(false);
    });

    it('gives a bare level body listed after a named division\'s body that division (六安市委、市政府)', () => {
      for (const source of ['某某网', '东营日报']) {
        expect(one('六安市委、市政府高度重视此项工作。', source).organizations.map((o) => o.name)).to.include.members(['中共六安市委', '六安市人民政府']);
      }
    });

    it('gives a campus\'s bare party posts and departments in a chain to its own party committee', () => {
      const text = '校党委书记张立新，党委副书记周志刚，党委常委、组织部部长孙德明与客人座谈。';
      const titles = one(text, '青州大学新闻网').persons.find((p) => p.name === '孙德明')!.titles.map((t) => `${t.title}@${t.organization}`);
      expect(titles).to.deep.equal(['常委@中共青州大学委员会', '部长@中共青州大学委员会组织部']);
      expect(one(text, '青州日报').persons.find((p) => p.name === '孙德明')!.titles.map((t) => t.organization)).to.not.include('中共青州大学委员会组织部');
    });

    it('gives bare bodies listed after a level\'s body that level (县文明办、水利局、教体局)', () => {
      const names = one('副县长李强带领县文明办、县委县政府督查局、水利局、教体局等单位负责人督导工作。', '宝丰县融媒体中心').organizations.map((o) => o.name);
      expect(names).to.include.members(['宝丰县文明办', '宝丰县水利局', '宝丰县教体局']);
    });

    it('reads the Youth League\'s committees (团市委, 团X区委) as the League\'s, not the party\'s', () => {
      const a = one('团北京市房山区委书记肖红、团市委书记李四出席。北京市房山区委书记王五讲话。', '许昌日报');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => t.organization)]));
      expect(titles['肖红']).to.deep.equal(['共青团北京市房山区委员会']);
      expect(titles['李四']).to.deep.equal(['共青团许昌市委员会']);
      expect(titles['王五']).to.deep.equal(['中共北京市房山区委']);
    });

    it('carries a division a chain names to the bare level bodies of the next chain in its sentence', () => {
      const a = one('3月22日，江苏省委书记周建华，江苏省委副书记、省长钱立新在安徽省委书记孙海涛，省委副书记、省长李文斌陪同下考察。', '中国新闻网');
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['李文斌']).to.include.members(['副书记@中共安徽省委', '省长@安徽省人民政府']);
      expect(titles['钱立新']).to.include('省长@江苏省人民政府');
    });

    it('reads a head post written after a name as its title, unless the name\'s chain gives it elsewhere', () => {
      const a = one('12月16日，周立新副校长会见了代表团。', '某某大学新闻网');
      expect(a.persons[0].titles).to.deep.equal([{ title: '副校长', organization: '某某大学' }]);
      const b = one('黄山市市长孔小红一行来访。孔小红市长表示感谢。', '某某大学新闻网');
      expect(b.persons[0].titles).to.deep.equal([{ title: '市长', organization: '黄山市人民政府' }]);
    });

    it('reads a township\'s government on its site, and no word before a body\'s name (同志代表|镇人民政府, 召|开第…)', () => {
      const a = one('会议听取了镇长吕大明同志代表镇人民政府所作的报告。随后召开第十届人民代表大会。', '泰和县冠朝镇人民政府网');
      const names = a.organizations.map((o) => o.name);
      expect(names).to.include('冠朝镇人民政府');
      expect(names.some((n) => /^[志开]/.test(n))).to.equal(false);
    });

    it('names the news outlets a regional site\'s story lists, and none in a national paper', () => {
      const text = '人民日报、光明日报、安徽日报等媒体记者参加采访，省广播电视台记者随行。';
      expect(one(text, '安徽网').organizations.map((o) => o.name)).to.include.members(['人民日报', '光明日报', '安徽日报', '安徽省广播电视台']);
      expect(one(text, '人民日报').organizations.map((o) => o.name)).to.not.include('光明日报');
    });

    it('finds village party branches and task bodies by their endings in a local paper', () => {
      const names = one('石桥村党支部召开会议，市委巡视组和全市乡村振兴工作队列席。', '长葛市融媒体中心').organizations.map((o) => o.name);
      expect(names.some((n) => n.endsWith('党支部'))).to.equal(true);
      expect(names.some((n) => n.endsWith('工作队'))).to.equal(true);
    });
  });

  describe('the paper\'s home', () => {
    const one = (source: string, text: string) =>
      extractDocument({ path: 'h.jsonl', name: 'h.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source, text }] }).articles[0];

    it('comes from an outlet named for a city or county', () => {
      const a = one('长葛市融媒体中心', '市委书记王刚主持召开市委常委会会议。');
      expect(a.home).to.equal('长葛市');
      expect(a.persons[0].titles).to.deep.include({ title: '书记', organization: '中共长葛市委' });
    });

    it('may be a province (a provincial paper) or a municipality, whose 市委 is its own', () => {
      const hubei = one('湖北日报', '省委书记张强主持会议，省长李明出席。');
      expect(hubei.persons.find((p) => p.name === '张强')?.titles).to.deep.include({ title: '书记', organization: '中共湖北省委' });
      const shanghai = one('某某网', '中共上海市委召开会议，上海市委常委、市委宣传部部长王明出席。');
      expect(shanghai.persons[0].titles.map((t) => t.organization)).to.include('上海市委宣传部');
    });

    it('is the most local division an outlet names, and else the one county its level words point to', () => {
      expect(one('常州市钟楼区人民政府网', '区长李明出席。').home).to.equal('钟楼区');
      expect(one('云上某地（黄梅县融媒体中心）', '县长李明出席。').home).to.equal('黄梅县');
      const a = one('某某网', '2月12日，黄梅县召开会议，县委书记李明主持，县长王强出席。');
      expect(a.home).to.equal('黄梅县');
      expect(a.persons.find((p) => p.name === '李明')?.titles).to.deep.include({ title: '书记', organization: '中共黄梅县委' });
    });

    it('is unknown for a national outlet, where a bare 市委 stays as written', () => {
      const a = one('人民日报', '市委书记张强指出，市委要带头。');
      expect(a.home).to.equal(null);
      expect(a.organizations.map((o) => o.name)).to.not.include('中共市委');
    });

    it('may be an autonomous prefecture, whose 州委, 州政府 and 州长 are its own', () => {
      const a = one('延边日报', '州委副书记、州委宣传部部长金明哲，副州长、延吉市委书记朴永浩出席会议。');
      const titles = (name: string) => a.persons.find((p) => p.name === name)?.titles.map((t) => `${t.title}@${t.organization}`);
      expect(titles('金明哲')).to.deep.equal(['副书记@中共延边朝鲜族自治州委', '部长@延边朝鲜族自治州委宣传部']);
      expect(titles('朴永浩')).to.deep.equal(['副州长@延边朝鲜族自治州人民政府', '书记@中共延吉市委']);
      // A city's paper has no prefecture: 州委 stays as written.
      expect(one('许昌日报', '州委书记李明出席。').persons[0].titles).to.deep.equal([{ title: '书记', organization: '州委' }]);
    });

    it('may be an autonomous region, whose 自治区政府, 自治区党委 and 自治区主席 are its own', () => {
      const a = one('广西广播电视台', '自治区主席韦明会见客人。自治区副主席李红、自治区政府秘书长张强，自治区党委常委王五参加会见。');
      const titles = (name: string) => a.persons.find((p) => p.name === name)?.titles.map((t) => `${t.title}@${t.organization}`);
      expect(titles('韦明')).to.deep.equal(['主席@广西壮族自治区人民政府']);
      expect(titles('李红')).to.deep.equal(['副主席@广西壮族自治区人民政府']);
      expect(titles('张强')).to.deep.equal(['秘书长@广西壮族自治区人民政府']);
      expect(titles('王五')).to.deep.equal(['常委@中共广西壮族自治区委员会']);
      expect(a.organizations.map((o) => o.name)).to.not.include('区政府');
      // A province's paper has no region: 自治区 names none.
      expect(one('许昌日报', '自治区主席韦明会见客人。').persons[0].titles).to.deep.equal([{ title: '主席', organization: null }]);
    });

    it('gives a city\'s paper its province where it writes 我省 or names a meeting of it (全省…会议), and none to a paper whose home is unknown', () => {
      const city = one('长葛市融媒体中心', '3月2日，我市召开会议，传达全省农业工作会议精神。');
      expect(city.places.find((p) => p.name === '河南省')?.spans?.map((s) => s.text)).to.deep.equal(['全省']);
      const county = one('黄梅县融媒体中心', '我县代表团参加我省旅游推介会。');
      expect(county.places.map((p) => p.name)).to.include.members(['黄梅县', '湖北省']);
      const national = one('人民日报', '全省农业工作会议召开。');
      expect(national.places).to.deep.equal([]);
      // 全省 as a scope (在全省排名) names no place.
      expect(one('长葛市融媒体中心', '我市在全省排名第三。').places.map((p) => p.name)).to.not.include('河南省');
    });
  });

  describe('offices a body posts to a place', () => {
    it('names the office with the body that posts it (X市人民政府驻Y联络处), and a special region\'s government as written', () => {
      const doc = { path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl' as const, encoding: 'UTF-8', units: [{ kind: 'record' as const, line: 1, source: '某某网', text: '襄阳市人民政府驻上海联络处负责人参加活动。香港特别行政区政府发言人表示欢迎。' }] };
      const names = extractDocument(doc).articles[0].organizations.map((o) => o.name);
      expect(names).to.include.members(['襄阳市人民政府驻上海联络处', '香港特别行政区政府']);
      expect(names).to.not.include('上海联络处');
      expect(names).to.not.include('香港特别行政区人民政府');
      // …also written short (香港特区政府).
      const short = { ...doc, units: [{ ...doc.units[0], text: '副省长会见了香港特区政府驻上海经贸办事处主任邓仲明一行。' }] };
      expect(extractDocument(short).articles[0].organizations.map((o) => o.name)).to.deep.equal(['香港特区政府驻上海经贸办事处']);
    });
  });

  describe('names ending in 和', () => {
    it('keeps 和 in a name where a conjunction or a stop follows it, and reads it as the conjunction between names', () => {
      expect(personNames('党委书记寿明和与办公室人员参加座谈。')).to.include('寿明和');
      expect(personNames('副县长王明和李华出席。')).to.include.members(['王明', '李华']);
    });
  });

  describe('two-character counties', () => {
    it('reads one the gazetteer keeps quiet before its townships or its own bodies, and 和县 nowhere after a name or body', () => {
      const names = (text: string) => findDivisions(text).map((d) => d.text);
      expect(names('医院与莘县朝城镇中心卫生院签约。')).to.include('莘县');
      expect(names('莘县县委书记王明出席。')).to.include('莘县');
      expect(names('县政协和县政协机关干部参加。')).to.not.include('和县');
      expect(names('厅长李明和县政府领导察看。')).to.not.include('和县');
      expect(names('完成县级评估。')).to.deep.equal([]);
    });

    it('reads a township health centre as a body (X镇中心卫生院)', () => {
      const record = { path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl' as const, encoding: 'UTF-8', units: [{ kind: 'record' as const, line: 1, source: '某某网', text: '市立第二医院与莘县朝城镇中心卫生院医联体签约仪式举行。' }] };
      expect(extractDocument(record).articles[0].organizations.map((o) => o.name)).to.include('莘县朝城镇中心卫生院');
    });
  });

  describe('findDates', () => {
    it('reads Chinese numerals, and takes the year nearest the publication date (a December day in a January paper)', () => {
      const jan5 = { year: 2024, month: 1, day: 5 };
      expect(findDates('十二月二十八日召开', jan5)[0].iso).to.deep.equal(['2023-12-28']);
      expect(findDates('1月3日至5日', jan5)[0].iso).to.deep.equal(['2024-01-03', '2024-01-05']);
      expect(findDates('10月将举行', { year: 2024, month: 7, day: 1 })[0].iso).to.deep.equal(['2024-10']);
    });

    it('counts 昨天, 今天, 前天 from the publication day, and only when it is known', () => {
      expect(findDates('昨天上午，今天下午，前天', { year: 2024, month: 3, day: 1 }).map((d) => d.iso[0])).to.deep.equal(['2024-02-29', '2024-03-01', '2024-02-28']);
      expect(findDates('昨天上午', { year: 2024, month: 3 })).to.deep.equal([]);
    });

    it('reads a second day after 、 in the same month (after normalization)', () => {
      const text = normalizePage('2 月 18 日、19 日，考察团在我市考察。')[0].text;
      expect(text.startsWith('2月18日、19日')).to.equal(true);
      const dates = findDates(text, CTX);
      expect(dates).to.have.length(1);
      expect(dates[0].text).to.equal('2月18日、19日');
      expect(dates[0].iso).to.deep.equal(['2023-02-18', '2023-02-19']);
    });

    it('reads yesterday with its day in brackets (昨(9)日), in the month before when the day is past the publication day', () => {
      expect(findDates('昨(9)日上午，乡里召开培训会。', { year: 2017, month: 2, day: 10 }).flatMap((d) => d.iso)).to.deep.equal(['2017-02-09']);
      expect(findDates('昨（31）日，会议闭幕。', { year: 2017, month: 2, day: 1 }).flatMap((d) => d.iso)).to.deep.equal(['2017-01-31']);
    });

    it('reads today with its day in brackets (今（26）日) as that day of the publication month', () => {
      expect(isos('今（26）日，市人大常委会召开会议。')).to.deep.equal(['2023-02-26']);
      expect(isos('今(30)日')).to.deep.equal([]);
    });

    it('reads two days with a space before the 、', () => {
      expect(isos('2月14日 、16日')).to.deep.equal(['2023-02-14', '2023-02-16']);
    });

    it('reads a range whose first day is written without 日 (3月19—20日, 3月19至20日)', () => {
      expect(isos('3月19—20日，调研组来村。')).to.deep.equal(['2023-03-19', '2023-03-20']);
      expect(isos('3月19至20日')).to.deep.equal(['2023-03-19', '2023-03-20']);
      expect(isos('3月19~20日')).to.deep.equal(['2023-03-19', '2023-03-20']);
    });

    it('gives the days a range names, its ends', () => {
      expect(isos('2026年7月16日至17日')).to.deep.equal(['2026-07-16', '2026-07-17']);
      expect(isos('3月1日至3日')).to.deep.equal(['2023-03-01', '2023-03-03']);
    });

    it('counts 去年 and 今年 before a month from the publication year', () => {
      expect(findDates('去年12月28日，省委召开全会。今年1月以来成效明显。', { year: 2024, month: 2, day: 10 }).flatMap((d) => d.iso)).to.deep.equal(['2023-12-28', '2024-01']);
    });

    it('counts 本月 and 上月 from the publication month, across a new year', () => {
      expect(findDates('本月5日，县长到乡镇检查。', { year: 2024, month: 3, day: 10 }).flatMap((d) => d.iso)).to.deep.equal(['2024-03-05']);
      expect(findDates('上月28日召开会议。', { year: 2024, month: 1, day: 10 }).flatMap((d) => d.iso)).to.deep.equal(['2023-12-28']);
      expect(findDates('本月31日', { year: 2024, month: 4, day: 10 })).to.deep.equal([]);
    });

    it('gives a year alone as YYYY', () => {
      const dates = findDates('2023年', CTX);
      expect(dates).to.have.length(1);
      expect(dates[0].iso).to.deep.equal(['2023']);
    });

    it('does not take 年代 as a year', () => {
      expect(isos('上世纪1990年代')).to.deep.equal([]);
    });

    it('resolves a day alone against the month last named', () => {
      expect(isos('3月2日召开会议，4日上午举行活动')).to.deep.equal(['2023-03-02', '2023-03-04']);
    });

    it('marks the year unknown without a context year', () => {
      expect(findDates('2月18日', { year: null, month: null }).flatMap((d) => d.iso)).to.deep.equal(['XXXX-02-18']);
    });

    it('rejects an impossible day', () => {
      expect(isos('2月30日')).to.deep.equal([]);
    });
  });

  describe('organizations with a home', () => {
    const home = lookupHome('许昌');
    const orgs = (text: string) => findOrganizations(text, findDivisions(text), home);

    it('reads no bare body whose last character opens a word with what follows (组织|部分委员), but its post (科技处|处长)', () => {
      expect(orgs('县政协组织部分委员开展视察活动。').map((o) => o.text)).to.not.include('组织部');
      expect(recordOf('科技处处长孙大哲出席。', '某某大学新闻网').persons[0].titles.map((t) => t.organization)).to.deep.equal(['某某大学科技处']);
    });

    it('opens a name at a level word after a noun in its stem (存在的问题|州工投集团公司), not inside a word (农贸市场)', () => {
      expect(orgs('对存在的问题州工投集团公司要把工作做扎实。').map((o) => o.text)).to.deep.equal(['州工投集团公司']);
      expect(orgs('农贸市场服务公司开业。').map((o) => o.text)).to.not.include('场服务公司');
    });

    it('finds the home 许昌市', () => {
      expect(home).to.not.equal(null);
      expect(home!.division!.name).to.equal('许昌市');
      expect(home!.abbreviation).to.equal('许');
    });

    it('reads a township the data knows before its bodies whole, where the tagger cut it (为临江镇人大), and a congress past its session number', () => {
      const names = extract('会议选举周小华同志为临江镇人大主席。黄泥塘镇第一届人民代表大会第四次会议召开。')[0].organizations.map((o) => o.name);
      expect(names).to.include.members(['临江镇人大', '黄泥塘镇第一届人民代表大会']);
      expect(names).to.not.include('江镇人大');
    });

    it("reads a congress's or CPPCC's special committee written short after it, and no committee out of 政协委员", () => {
      const a = extract('市人大财经工委副主任潘明、市政协提案委主任李华、市政协委员赵刚出席。')[0];
      const titles = Object.fromEntries(a.persons.map((p) => [p.name, p.titles.map((t) => `${t.title}@${t.organization}`)]));
      expect(titles['潘明']).to.deep.equal(['副主任@许昌市人大财经工委']);
      expect(titles['李华']).to.deep.equal(['主任@许昌市政协提案委']);
      expect(titles['赵刚']).to.deep.equal(['委员@许昌市政协']);
    });

    it("reads a foreign ministry whose name joins its fields by 和, 及 or 、 from its country, but no list of ministries", () => {
      const names = extract('新西兰妇女、青年及体育发展部部长安娜和秘鲁文化和遗产部副部长卡洛斯出席。奥地利司法部、外交部官员随行。')[0].organizations.map((o) => o.name);
      expect(names).to.include.members(['新西兰妇女、青年及体育发展部', '秘鲁文化和遗产部']);
      expect(names).to.not.include('奥地利司法部、外交部');
    });

    it("reads a CPPCC committee's full name, the session before or after the division, as that division's 政协", () => {
      const all = extract('政协第十一届襄城县委员会第一次会议开幕。中国人民政治协商会议许昌市第八届委员会召开常委会。')[0].organizations;
      expect(all.map((o) => [o.name, o.spans?.map((s) => s.text)])).to.deep.include.members([
        ['襄城县政协', ['政协第十一届襄城县委员会']],
        ['许昌市政协', ['中国人民政治协商会议许昌市第八届委员会']],
      ]);
      expect(all.map((o) => o.name)).to.not.include('襄城县委员会');
    });

    it('reads no body out of a clause with an adverb before its ending (院长首先代表学院), but a place may open one after it', () => {
      expect(orgs('王明院长首先代表学院全体师生致辞。').map((o) => o.text)).to.deep.equal([]);
      expect(orgs('今年首先在许昌市人民医院试点。').map((o) => o.text)).to.deep.equal(['许昌市人民医院']);
    });

    it('reads 许昌市长跑运动协会 as one organization holding no 市长', () => {
      const text = '许昌市长跑运动协会组织开展比赛';
      const found = orgs(text);
      expect(found.map((o) => o.resolved)).to.deep.equal(['许昌市长跑运动协会']);
      expect(findPosts(text, found).map((p) => p.title)).to.not.include('市长');
      expect(findPosts(text, found)).to.deep.equal([]);
    });

    it('resolves 市委宣传部 to the home committee’s department', () => {
      const found = orgs('市委宣传部主办');
      expect(found.map((o) => o.resolved)).to.deep.equal(['许昌市委宣传部']);
      expect(found[0].text).to.equal('市委宣传部');
      expect(found[0].system).to.equal('party');
    });

    it('resolves 市政府 to the home’s people’s government', () => {
      expect(resolveOrg('市政府', home)).to.equal('许昌市人民政府');
      expect(orgs('会议在市政府举行。').map((o) => o.resolved)).to.deep.equal(['许昌市人民政府']);
    });
    it('finds 市政府 at the very start of a text', () => {
      expect(orgs('市政府').map((o) => o.resolved)).to.deep.equal(['许昌市人民政府']);
      expect(orgs('市委书记讲话').map((o) => o.resolved)).to.deep.equal(['中共许昌市委']);
    });

    it('resolves 市委 to 中共许昌市委 and 市公安局 to 许昌市公安局', () => {
      expect(orgs('会上，市委对市公安局的工作提出要求。').map((o) => o.resolved)).to.deep.equal(['中共许昌市委', '许昌市公安局']);
    });
  });

  describe('places that open a body\'s name', () => {
    const one = (text: string, source?: string) =>
      extractDocument({ path: 'p.jsonl', name: 'p.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source, text }] }).articles[0];
    const places = (text: string, source?: string) => one(text, source).places.map((p) => p.name);

    it('are places of a regional outlet\'s story: a province before a company, a country before a university', () => {
      expect(places('3月2日，集团总经理李明前往浙江华通物流公司调研，听取汇报。', '某某集团新闻网')).to.include('浙江省');
      expect(places('3月2日，学校与日本东北大学代表团座谈。', '某某大学新闻网')).to.include('日本');
    });

    it('are no places of a story with no outlet or a national one (PFR marks no place inside a body)', () => {
      expect(places('3月2日，集团总经理李明前往浙江华通物流公司调研，听取汇报。')).to.not.include('浙江省');
      expect(places('3月2日，集团总经理李明前往浙江华通物流公司调研，听取汇报。', '人民日报')).to.not.include('浙江省');
    });

    it('leave out the home an association is registered in, which holds no mayor either', () => {
      const a = one('许昌市长跑运动协会组织会员晨跑。', '许昌日报');
      expect(a.places.map((p) => p.name)).to.not.include('许昌市');
      expect(a.persons.flatMap((p) => p.titles.map((t) => t.title))).to.not.include('市长');
    });

    it('end a listed village at its ending (石桥村、李庄村|驻村干部)', () => {
      expect(places('镇党委书记李明主持会议，石桥村、李庄村驻村干部参加会议。', '某某镇人民政府网')).to.include.members(['石桥村', '李庄村']);
    });

    it('read a listed name with a village\'s ending as the village where the tagger read a person', () => {
      const text = '介绍孟家村、前李庄村基本情况，李家村长王强出席。';
      const per = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'PER' as const });
      const read = settlementsReadAsPersons(text, [per('孟家村'), per('前李庄村'), per('王强')]);
      expect([...read].map((s) => text.slice(s.start, s.end))).to.deep.equal(['孟家村', '前李庄村']);
    });

    it('read townships listed by their names before their number and level (向阳、洄水、瓦庙、汉王四镇), and no body of them all', () => {
      const a = extract('向阳、洄水、瓦庙、汉王四镇人大主席列席会议。')[0];
      expect(a.places.map((p) => p.name)).to.deep.equal(['向阳镇', '洄水镇', '瓦庙镇', '汉王镇']);
      expect(a.persons).to.deep.equal([]);
      expect(a.organizations).to.deep.equal([]);
      // As many names as counted, each a township by that name, or none.
      expect(extract('向阳、洄水、瓦庙两镇干部参加。')[0].places.map((p) => p.name)).to.not.include('洄水镇');
    });

    it('read a name the tagger took for a person, run on by 街道, as the subdistrict (到董家塅街道调研)', () => {
      const text = '周明一行到董家塅街道调研社区办公用房。';
      const per = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'PER' as const });
      const read = subdistrictsReadAsPersons(text, [per('周明'), per('董家塅')]);
      expect([...read.values()].map((s) => text.slice(s.start, s.end))).to.deep.equal(['董家塅街道']);
    });

    it('keep a listed name with a village\'s ending a person between persons', () => {
      const text = '出席的有赵立新、钱守村、孙德明等同志。';
      const per = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'PER' as const });
      expect(settlementsReadAsPersons(text, [per('赵立新'), per('钱守村'), per('孙德明')]).size).to.equal(0);
      expect(places('他介绍石门村、后王庄村的做法。', '某某镇人民政府网')).to.include.members(['石门村', '后王庄村']);
      expect(places('他介绍石门村、后王庄村的做法。', '某某镇人民政府网')).to.not.include('他介绍石门村');
    });

    it('read the home county\'s short name as the place where the tagger read a person', () => {
      const a = one('本台记者报道。详情请看《黄梅新闻》。', '黄梅县融媒体中心');
      expect(a.persons.map((p) => p.name)).to.not.include('黄梅');
      expect(a.places.map((p) => p.name)).to.include('黄梅县');
    });
  });

  describe('persons through the pipeline', () => {
    it('takes no preposition before a place for a name (等领导|在西安会见), so the hosts lead', () => {
      const a = recordOf('省委书记赵正明、省长娄勤明等领导在西安会见了客人。');
      expect(a.persons.map((p) => p.name)).to.deep.equal(['赵正明', '娄勤明']);
      expect(a.events[0].participants.map((p) => `${p.name}:${p.roles.join('/')}`)).to.deep.equal(['赵正明:led', '娄勤明:led']);
    });

    it('reads a name one character off where the article names the person by a post (周立胜|简要介绍, 李桂|发表示)', () => {
      const a = recordOf('市政府副秘书长李桂发带领有关部门到医院调研，医院院长周立陪同。周立简要介绍了医院情况。李桂发表示，将积极协调。');
      expect(a.persons.map((p) => p.name)).to.deep.equal(['李桂发', '周立']);
      // A listed name stands as listed.
      expect(personNames('院长周立出席。周立新、王大明参加。')).to.include('周立新');
    });

    it('reads a post in quotes before names (挂职“第一书记”A、B)', () => {
      const a = recordOf('选派到村的挂职“第一书记”宁大军、孟乾明两位同志接受了考核。');
      expect(a.persons.map((p) => [p.name, p.titles.map((t) => t.title)])).to.deep.equal([['宁大军', ['第一书记']], ['孟乾明', ['第一书记']]]);
    });

    it('gives a deputy addressed by the post without 副 (黄州长 for 副州长黄明华) no second post', () => {
      const titles = titlesOf('州政府黄明华副州长听取汇报。黄州长强调，要做扎实。', '黄明华', '黔西南日报');
      expect(titles).to.deep.equal(['副州长@黔西南布依族苗族自治州人民政府']);
    });

    it('takes a name addressed by its head post at a clause start (，王某董事长表示), not a place there or a word before', () => {
      expect(personNames('双方深入交流，万立明董事长表示要扩大投资。')).to.include('万立明');
      expect(personNames('会议决定蒋立平为省长人选。')).to.not.include('立平为');
      expect(personNames('双方深入交流，六安书记表示要扩大合作。')).to.deep.equal([]);
    });

    it('takes a name whose given name is a word right after a post (会长李前进), not a word or a post there', () => {
      expect(personNames('外地商会会长李前进带领考察团来访。')).to.include('李前进');
      expect(personNames('会议由副主任组长负责。')).to.deep.equal([]);
    });

    it('takes a name the tagger reads where an ending reads a body over it (院长|某某代表医院|发言)', () => {
      const a = extract('院长郑立群代表医院发言。')[0];
      expect(a.persons.map((p) => p.name)).to.deep.equal(['郑立群']);
      expect(a.organizations.map((o) => o.name)).to.not.include('郑立群代表医院');
      // A name-like stem right before the ending names the body (杨行支行: 杨行 is a town).
      const b = extract('宝山支行副行长王屹华，杨行支行行长朱文杰出席。')[0];
      expect(b.persons.map((p) => p.name)).to.deep.equal(['王屹华', '朱文杰']);
      expect(b.persons[1].titles.map((t) => t.organization)).to.deep.equal(['杨行支行']);
    });

    it('takes a name of a rare surname between a post and a separator, but no word after a post (主席|国期间)', () => {
      expect(personNames('市中级人民法院党组书记、副院长税成疆，区法院院长李峰陪同。')).to.include('税成疆');
      expect(personNames('他说，英国在担任主席国期间，将邀请各方。')).to.deep.equal([]);
    });

    it('takes a name between a post and a role verb whose surname is a character the corpus hardly has (郜, 亓), but no word of a common one (在党)', () => {
      expect(personNames('副区长亓实营主持召开防汛工作会议。')).to.deep.equal(['亓实营']);
      expect(personNames('副县长逯新场陪同调研。')).to.deep.equal(['逯新场']);
      expect(personNames('书记在党员大会上讲话。')).to.deep.equal([]);
    });

    it("takes a name addressed by a deputy's post right after a body, and holds the post in that body (省政协X副主席)", () => {
      const a = extract('省政协牛立文副主席一行来调研。')[0];
      expect(a.persons.map((p) => `${p.name} ${p.titles.map((t) => `${t.title}@${t.organization}`).join(' ')}`)).to.deep.equal(['牛立文 副主席@河南省政协']);
    });

    it('takes a name before a role word', () => {
      expect(personNames('张阳主持会议。')).to.deep.equal(['张阳']);
      expect(rolesOf('张阳主持会议。').get('张阳')).to.deep.equal(['presided']);
    });

    it('takes every name of a list before a role word', () => {
      expect(personNames('县领导赵奇玲、周春涌、范远明陪同调研。')).to.deep.equal(['赵奇玲', '周春涌', '范远明']);
    });
    it('finds names after 县领导 but reports no title 领导', () => {
      const a = extract('县领导赵奇玲、周春涌陪同调研。')[0];
      expect(a.persons.map((p) => p.name)).to.include.members(['赵奇玲', '周春涌']);
      expect(a.persons.flatMap((p) => p.titles.map((t) => t.title))).to.not.include.members(['领导', '县领导']);
    });

    it('gives every member of the list the role accompanied', () => {
      const roles = rolesOf('县领导赵奇玲、周春涌、范远明陪同调研。');
      for (const name of ['赵奇玲', '周春涌', '范远明']) expect(roles.get(name), name).to.deep.equal(['accompanied']);
    });

    it('joins a list opened by 以及 and carried across 省领导/市领导, and reads the principal of a visit as leading it', () => {
      const roles = rolesOf('县政协主席王建华以及李治国、赵小平等县领导分别参加活动。');
      for (const name of ['王建华', '李治国', '赵小平']) expect(roles.get(name), name).to.deep.equal(['attended']);
      expect(rolesOf('副县长孙立新带领县直单位负责人督导创建工作。').get('孙立新')).to.deep.equal(['led']);
    });

    it('gives spoke to who answers at a press conference', () => {
      expect(rolesOf('发布会上，市长王建华回答记者提问。').get('王建华')).to.deep.equal(['spoke']);
    });

    it('takes a name after 由', () => {
      expect(personNames('会议由张阳主持。')).to.deep.equal(['张阳']);
    });
    it('gives presided to a name after 会议由', () => {
      expect(rolesOf('会议由张阳主持。').get('张阳')).to.deep.equal(['presided']);
    });

    it('takes no person from the name of a school (钟繇学堂)', () => {
      const text = '“钟繇学堂”开课仪式在市图书馆举行，学员们认真听讲。';
      const articles = extract(text);
      expect(articles).to.have.length(1);
      expect(personNames(text)).to.not.include('钟繇');
      expect(articles[0].organizations.map((o) => o.name)).to.include('钟繇学堂');
    });

    it('takes no title and no part in the meeting from a doctrine (the name itself counts where the tagger reads it, as PFR and MSRA mark it)', () => {
      const text = '会上，市委书记张国强要求全市各级党组织深入学习习近平新时代中国特色社会主义思想。';
      const [a] = extract(text);
      expect(a.persons.find((p) => p.name === '习近平')?.titles ?? []).to.deep.equal([]);
      expect(a.persons.map((p) => p.name)).to.not.include.members(['新时代', '习近平新时代']);
      expect([...rolesOf(text).keys()]).to.not.include('习近平');
    });

    it('takes a name before a form of address', () => {
      expect(personNames('会议传达学习了习近平总书记重要讲话精神。')).to.include('习近平');
    });
  });
});
