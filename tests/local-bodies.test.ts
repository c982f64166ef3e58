import { expect } from 'chai';
import { inferLocalBodies } from '../src/extract/local-bodies.js';
import { extractDocument } from '../src/extract/pipeline.js';
import type { ArticleOut } from '../src/extract/types.js';
import type { RecordUnit, SourceDocument } from '../src/ingest/types.js';

// Sentences written for these tests; the townships and universities are real places, the people are not.
function record(text: string, source: string): ArticleOut {
  const unit: RecordUnit = { kind: 'record', line: 1, text, source, date: '2024-05-06' };
  const doc: SourceDocument = { path: 't.jsonl', name: 't.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [unit] };
  return extractDocument(doc).articles[0];
}
const titlesOf = (a: ArticleOut, name: string) => a.persons.find((p) => p.name === name)?.titles.map((t) => `${t.title}@${t.organization ?? '—'}`) ?? [];

describe('local bodies (src/extract/local-bodies.ts)', () => {
  it("reads a township from the outlet's name, and its county from the gazetteer when only one has it", () => {
    const local = inferLocalBodies('同里镇政务公开', '5月6日，同里镇召开工作会议。', null);
    expect(local.township).to.equal('同里镇');
    expect(local.townshipCounty?.name).to.equal('吴江区');
  });

  it('leaves the county open when several have a township so named and the text points to none', () => {
    expect(inferLocalBodies('周庄镇新闻', '周庄镇召开会议。', null).townshipCounty).to.equal(null);
    expect(inferLocalBodies('周庄镇新闻', '江阴市周庄镇召开会议。', null).townshipCounty?.name).to.equal('江阴市');
  });

  it("reads the home county from the outlet's name written short, first or alone after it (宝丰快报; 商务时讯 (宿松))", () => {
    const titles = (source: string) => titlesOf(record('县委书记王大海出席会议，县长李小四主持会议。', source), '李小四');
    expect(titles('宝丰快报')).to.deep.equal(['县长@宝丰县人民政府']);
    expect(titles('ssgsl.cn 商务时讯 (宿松, 稿源:本网)')).to.deep.equal(['县长@宿松县人民政府']);
    // A word that only opens with a county's stem (东方网 in a bracket) names no home.
    expect(titles('某某新闻(来源:东方网)')).to.deep.equal(['县长@—']);
    // A two-character county, kept quiet in running text, named in the outlet's name.
    expect(titles('今日沛县')).to.deep.equal(['县长@沛县人民政府']);
    // …beside its province's portal, the county (安吉 lies in 浙江); not a county of another province.
    expect(titles('安吉新闻网 (浙江在线)')).to.deep.equal(['县长@安吉县人民政府']);
    expect(titles('宝丰快报 (浙江在线)')).to.deep.equal(['县长@—']);
    // …after a portal's or a column's word (中国宝丰网, 今日宝丰).
    expect(titles('中国宝丰网 (今日宝丰·政务要闻)')).to.deep.equal(['县长@宝丰县人民政府']);
  });

  it('reads a county named short as a place where the text vouches for it (赴吉林抚松, 抚松县委), not a person', () => {
    const a = record('县委书记沈明权率代表团赴吉林抚松开展合作交流。抚松县委书记张明陪同。沈明权对抚松的发展表示祝贺。', '安吉新闻网');
    expect(a.persons.map((p) => p.name)).to.deep.equal(['沈明权', '张明']);
    expect(a.places.find((p) => p.name === '抚松县')?.spans.map((s) => s.text)).to.include.members(['抚松', '抚松县']);
    // Two run together (安吉抚松合作交流) are two places, no person.
    const b = record('安吉抚松合作交流联席会议举行。县委书记沈明权率安吉县代表团赴吉林抚松考察。', '安吉新闻网');
    expect(b.persons.map((p) => p.name)).to.deep.equal(['沈明权']);
  });

  it("reads a banner's own bodies in its news as a county's (旗委, 旗政协党组, 旗长), not a flag's name (红旗渠)", () => {
    const a = record('旗委副书记、政协党组书记陶大迪主持会议。旗委常委、组织部长李佳官出席。旗长王五讲话。红旗渠管理局局长赵六参加。', '政协鄂托克前旗委员会网站');
    expect(titlesOf(a, '陶大迪')).to.deep.equal(['副书记@中共鄂托克前旗委', '党组书记@鄂托克前旗政协党组']);
    expect(titlesOf(a, '李佳官')).to.deep.equal(['常委@中共鄂托克前旗委', '部长@鄂托克前旗委组织部']);
    expect(titlesOf(a, '王五')).to.deep.equal(['旗长@鄂托克前旗人民政府']);
    expect(a.organizations.map((o) => o.name).some((n) => n.includes('渠'))).to.equal(false);
  });

  it("reads its own prefecture's counties named short as places (在泸定、康定 in 甘孜州's news), and the prefecture written X州 as the prefecture", () => {
    const a = record('考察组一行先后在泸定、康定就文旅产业进行了考察。州委书记王明会见了客人，感谢集团对甘孜州的支持。', '甘孜日报');
    expect(a.persons.map((p) => p.name)).to.deep.equal(['王明']);
    expect(a.places.map((p) => p.name)).to.include.members(['甘孜藏族自治州']);
    expect(a.places.map((p) => p.name)).to.not.include('甘孜州');
  });

  it("reads a zone's party working committee and its management committee in a chain (县委常委，开发区党工委书记、管委会主任X), and 率 leading", () => {
    const a = record('县委书记沈明权率安吉县代表团赴吉林考察交流。县委常委，开发区党工委书记、管委会主任赵怀明参加。', '安吉新闻网');
    expect(titlesOf(a, '赵怀明')).to.deep.equal(['常委@中共安吉县委', '书记@开发区党工委', '主任@开发区管委会']);
    expect(a.events[0].participants.find((p) => p.name === '沈明权')?.roles).to.include('led');
  });

  it("reads the company of a company's own outlet also with a note in brackets after its name", () => {
    const a = record('集团公司党委书记、董事长孟立，党委副书记、总经理郭东海出席仪式。', '远航投资控股集团 (yuanhang.com, 集团动态)');
    expect(titlesOf(a, '郭东海')).to.deep.equal(['副书记@远航投资控股集团党委', '总经理@远航投资控股集团']);
  });

  it("holds a bare post after a named body's posts in that body, not in the one the outlet implies (X县人民法院院长A、副院长B)", () => {
    const a = record('新晃侗族自治县人民法院党组书记、院长李艳明、副院长杨晓明等一行来汉寿法院交流学习。', '常德市中级人民法院网');
    expect(titlesOf(a, '杨晓明')).to.deep.equal(['副院长@新晃侗族自治县人民法院']);
    expect(titlesOf(record('副院长杨晓明出席会议。', '常德市中级人民法院网'), '杨晓明')).to.deep.equal(['副院长@常德市中级人民法院']);
  });

  it("reads a court's tribunal before its head's post in the court's own news (在官庄法庭庭长X) as the court's people's tribunal", () => {
    const a = record('在官庄法庭庭长姚祖明的带领下，视察组察看了审判庭。', '沅陵县人民法院');
    expect(titlesOf(a, '姚祖明')).to.deep.equal(['庭长@沅陵县人民法院官庄人民法庭']);
    // A people's tribunal the tagger reads cut (焰山人民法庭) stays whole.
    expect(titlesOf(record('火焰山人民法庭副庭长艾尼丁·吾守明介绍情况。', '吐鲁番市高昌区人民法院'), '艾尼丁·吾守明')).to.deep.equal(['副庭长@吐鲁番市高昌区人民法院火焰山人民法庭']);
    // Elsewhere a 法庭 is no body of the outlet's.
    expect(titlesOf(record('在官庄法庭庭长姚祖明的带领下，视察组察看了审判庭。', '某某新闻网'), '姚祖明')).to.deep.equal(['庭长@—']);
  });

  it("reads a hospital's own news (妇幼保健院): 我院's bodies, its 院长, and a post it is given (X同志任市妇幼保健院院长)", () => {
    const a = record('在我院党总支书记、院长张立玲和副院长张志明的陪同下，一行参观了门诊。', '黄冈市妇幼保健院');
    expect(titlesOf(a, '张立玲')).to.deep.equal(['书记@黄冈市妇幼保健院党总支', '院长@黄冈市妇幼保健院']);
    expect(titlesOf(a, '张志明')).to.deep.equal(['副院长@黄冈市妇幼保健院']);
    expect(titlesOf(record('宋兵明同志任市妇幼保健院院长。', '株洲市妇幼保健院'), '宋兵明')).to.deep.equal(['院长@株洲市妇幼保健院']);
    // The city's bodies stay the city's; a department written with its body is that body's, not the item's before it.
    const b = record('市委组织部副部长廖文明，市卫健委党委委员、副主任刘立，市委组织部干部二科副科长石固明出席会议。', '株洲市妇幼保健院');
    expect(titlesOf(b, '廖文明')).to.deep.equal(['副部长@株洲市委组织部']);
    expect(titlesOf(b, '石固明')).to.deep.equal(['副科长@株洲市委组织部干部二科']);
    expect(b.events.flatMap((e) => e.participants.map((p) => p.name))).to.have.members(['廖文明', '刘立', '石固明']);
  });

  it("reads a list of bureaus by their short and older names (环保局, 国土局, 县政府办) as the home's", () => {
    const a = record('县政府办、公安局、环保局、国土局、统计局负责人列席会议。', '宝丰快报');
    expect(a.organizations.map((o) => o.name)).to.deep.equal(['宝丰县人民政府办公室', '宝丰县公安局', '宝丰县环保局', '宝丰县国土局', '宝丰县统计局']);
  });

  it("names a level's congress before its ending whatever verb stands before it (报送|市人大常委会)", () => {
    const a = record('会议决定报送市人大常委会备案，通过县人大常委会关于接受辞职的决定。', '宝丰快报');
    expect(a.organizations.map((o) => o.name)).to.have.members(['平顶山市人大常委会', '宝丰县人大常委会']);
  });

  it("reads the home county's stem as the home in its own news, and a visit read on into a name in a headline", () => {
    const unit: RecordUnit = { kind: 'record', line: 1, title: '省政协副主席牛大文来宿松调研', text: '王大明在宿松工作多年。', source: '宿松县政协网', date: '2024-05-06' };
    const a = extractDocument({ path: 't.jsonl', name: 't.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [unit] }).articles[0];
    expect(a.places.map((p) => p.name)).to.include('宿松县');
    expect(a.persons.map((p) => p.name)).to.deep.equal(['王大明', '牛大文']);
  });

  it("reads a research institute or a hospital from the outlet's name, with its bare party committee and head", () => {
    expect(inferLocalBodies('中国科学院声学研究所网站', '所长讲话。', null).institution).to.equal('中国科学院声学研究所');
    const a = record('医院党委书记陈大伟，党委副书记、院长廖小方参加座谈。', '平江市中医医院网站');
    expect(titlesOf(a, '陈大伟')).to.deep.equal(['书记@中共平江市中医医院委员会']);
    expect(titlesOf(a, '廖小方')).to.deep.equal(['副书记@中共平江市中医医院委员会', '院长@平江市中医医院']);
    expect(titlesOf(record('所长王大明，副所长李小军参加座谈。', '中国科学院声学研究所网站'), '李小军')).to.deep.equal(['副所长@中国科学院声学研究所']);
    // Its discipline commission is written as the institution's; a street office it deals with is not its own.
    const b = record('中关村街道办事处副主任杨一彬一行到所调研。纪委书记李小军参加座谈。', '中国科学院声学研究所网站');
    expect(titlesOf(b, '杨一彬')).to.deep.equal(['副主任@中关村街道办事处']);
    expect(titlesOf(b, '李小军')).to.deep.equal(['书记@中国科学院声学研究所纪委']);
  });

  it('reads the bare bodies and posts of a sentence set at another institution (在X大学，党委书记Y) as that institution\'s', () => {
    const a = record('10月12日，副校长周明达带队前往平江师范大学调研。在平江师范大学，党委副书记李志华会见周明达一行，党委常委、组织部部长王明远一同会见。', '青岛科技大学新闻网');
    expect(titlesOf(a, '周明达')).to.deep.equal(['副校长@青岛科技大学']);
    expect(titlesOf(a, '李志华')).to.deep.equal(['副书记@中共平江师范大学委员会']);
    expect(titlesOf(a, '王明远')).to.deep.equal(['常委@中共平江师范大学委员会', '部长@中共平江师范大学委员会组织部']);
  });

  it("resolves a township's bare posts and party committee to the township", () => {
    const a = record('5月6日，同里镇召开工作会议，会议由镇党委副书记、镇长孙建业主持，党委书记周明达讲话。', '同里镇政务公开');
    expect(titlesOf(a, '孙建业')).to.include.members(['副书记@同里镇党委', '镇长@同里镇人民政府']);
    expect(titlesOf(a, '周明达')).to.deep.equal(['书记@同里镇党委']);
  });

  it("resolves a campus's 校长 and 院长 to the university and the school of the outlet", () => {
    const a = record('6月4日，学院召开工作会议，副院长孙建业主持会议。校长周明达出席。', '南京大学商学院网站');
    expect(titlesOf(a, '孙建业')).to.deep.equal(['副院长@南京大学商学院']);
    expect(titlesOf(a, '周明达')).to.deep.equal(['校长@南京大学']);
  });

  it("resolves a company's own words and bare posts to the company whose outlet it is", () => {
    const a = record('集团公司董事长、党组书记王立军会见了来访客人。集团总经理、党组副书记李振华，副总经理赵文斌参加会见。', '华东建设集团有限公司');
    expect(titlesOf(a, '王立军')).to.deep.equal(['董事长@华东建设集团有限公司', '书记@华东建设集团有限公司党组']);
    expect(titlesOf(a, '李振华')).to.deep.equal(['总经理@华东建设集团有限公司', '副书记@华东建设集团有限公司党组']);
    expect(titlesOf(a, '赵文斌')).to.deep.equal(['副总经理@华东建设集团有限公司']);
    // Not in another outlet's news.
    expect(inferLocalBodies('某某市融媒体中心', '集团总经理讲话。', null).company).to.equal(null);
  });

  it("reads a campus's own bodies: 我校, 校党委, and a bare office", () => {
    const a = record('代表团访问了我校。校党委书记周明达会见了来宾，宣传部负责人陪同。', '南京大学新闻网');
    const orgs = a.organizations.map((o) => o.name);
    expect(orgs).to.include.members(['南京大学', '南京大学宣传部', '中共南京大学委员会']);
    expect(titlesOf(a, '周明达')).to.deep.equal(['书记@中共南京大学委员会']);
  });

  it("takes a county's paper named without 县 as the county's (鄢陵快报 → 鄢陵县)", () => {
    const a = record('县委书记周明达主持会议。', '鄢陵快报');
    expect(titlesOf(a, '周明达')).to.deep.equal(['书记@中共鄢陵县委']);
  });

  it("gives bare departments listed after a committee's office the committee", () => {
    const a = record('区委办、组织部、宣传部负责人参加会议。', '郑州市金水区人民政府网');
    expect(a.organizations.map((o) => o.name)).to.include.members(['金水区委办公室', '金水区委组织部', '金水区委宣传部']);
  });

  it("keeps a national outlet's article from speaking for the city it names", () => {
    const a = record('河南省人大常委会副主任周明达在郑州市调研。省人大常委会有关负责人陪同。这个公司的负责人介绍了情况。', '人民日报');
    const orgs = a.organizations.map((o) => o.name);
    expect(orgs).to.not.include('省人大常委会');
    expect(orgs.some((o) => o.includes('这个公司'))).to.equal(false);
  });

  it('resolves 区委 in a city outlet that reports on one of its districts', () => {
    const a = record('丰南区召开乡村振兴推进会议，区委书记周明达出席并讲话。', '唐山市农业农村局网站');
    expect(titlesOf(a, '周明达')).to.deep.equal(['书记@中共丰南区委']);
  });

  it('gives a post after a committee the committee, and a list member the body of the member before', () => {
    const a = record('市委常委、秘书长周明达，市委组织部副部长孙建业、副巡视员钱玉兰出席。', '许昌日报');
    expect(titlesOf(a, '周明达')).to.include('秘书长@中共许昌市委');
    expect(titlesOf(a, '钱玉兰')).to.deep.equal(['副巡视员@许昌市委组织部']);
  });
});
