import { expect } from 'chai';
import { extractDocument } from '../src/extract/pipeline.js';
import type { ArticleOut, PersonOut } from '../src/extract/types.js';
import type { SourceDocument } from '../src/ingest/types.js';

function extractOne(text: string): ArticleOut {
  const doc: SourceDocument = { path: 't.txt', name: 't.txt', format: 'page', encoding: 'UTF-8', units: [{ kind: 'page', text }] };
  const out = extractDocument(doc, { home: '许昌', date: '2023-02-18' });
  expect(out.articles).to.have.length(1);
  return out.articles[0];
}
/** One crawled record from `source`, extracted alone. */
const record = (text: string, source = '某某网') =>
  extractDocument({ path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, source, text }] }).articles[0];
const person = (a: ArticleOut, name: string): PersonOut => {
  const p = a.persons.find((x) => x.name === name);
  expect(p, `person ${name} in ${JSON.stringify(a.persons.map((x) => x.name))}`).to.not.equal(undefined);
  return p!;
};
const titles = (p: PersonOut) => p.titles.map((t) => `${t.title}@${t.organization ?? '—'}`);
const roles = (a: ArticleOut, name: string) =>
  a.events.flatMap((e) => e.participants.filter((p) => p.name === name).flatMap((p) => p.roles)).sort();

describe('link and events', () => {
  describe('a visiting delegation', () => {
    const text =
      '本报讯（记者 李新）2月18日，哈密市考察团来我市考察，哈密市委常委、宣传部部长吾尔叶提·吾守尔带队。' +
      '省委宣传部二级巡视员李红霞，市委常委、宣传部部长王自合陪同。';
    let a: ArticleOut;
    before(() => {
      a = extractOne(text);
    });

    it('reads the reporter from the dateline and keeps him out of the persons', () => {
      expect(a.reporters).to.deep.equal(['李新']);
      expect(a.persons.map((p) => p.name)).to.not.include('李新');
    });

    it('links the visitor’s titles to her own city’s committee', () => {
      const p = person(a, '吾尔叶提·吾守尔');
      expect(titles(p)).to.include.members(['常委@中共哈密市委', '部长@哈密市委宣传部']);
      expect(roles(a, '吾尔叶提·吾守尔')).to.deep.equal(['led']);
    });

    it('resolves 省委宣传部 to the home province', () => {
      const p = person(a, '李红霞');
      expect(titles(p)).to.deep.equal(['二级巡视员@河南省委宣传部']);
      expect(roles(a, '李红霞')).to.deep.equal(['accompanied']);
    });

    it('resolves 市委 and a bare 宣传部 to the home city', () => {
      const p = person(a, '王自合');
      expect(titles(p)).to.include('部长@许昌市委宣传部');
      expect(titles(p)).to.include('常委@中共许昌市委');
      expect(roles(a, '王自合')).to.deep.equal(['accompanied']);
    });

    it('gives the event its date and the organizations named', () => {
      expect(a.events).to.have.length(1);
      expect(a.events[0].dates).to.deep.equal(['2023-02-18']);
      expect(a.organizations.map((o) => o.name)).to.include.members(['中共哈密市委', '哈密市委宣传部', '河南省委宣传部', '许昌市委宣传部']);
      expect(a.dates.map((d) => d.iso)).to.deep.equal(['2023-02-18']);
    });
  });

  it('gives an implied organization to 副市长 and two roles from 出席…并讲话', () => {
    const a = extractOne('副市长、市公安局局长张飞出席会议并讲话。');
    const p = person(a, '张飞');
    expect(titles(p)).to.have.members(['副市长@许昌市人民政府', '局长@许昌市公安局']);
    expect(roles(a, '张飞')).to.deep.equal(['attended', 'spoke']);
  });

  it('shares the title of a list’s head with the list, and reads each clause’s roles', () => {
    const a = extractOne('中央军委委员常万全、房峰辉出席，张阳主持。');
    expect(a.persons.map((p) => p.name)).to.have.members(['常万全', '房峰辉', '张阳']);
    for (const name of ['常万全', '房峰辉']) {
      expect(person(a, name).titles.map((t) => t.title), name).to.deep.equal(['委员']);
      expect(roles(a, name), name).to.deep.equal(['attended']);
    }
    expect(person(a, '张阳').titles).to.deep.equal([]);
    expect(roles(a, '张阳')).to.deep.equal(['presided']);
  });

  it('reads 在X的陪同下 as accompanied', () => {
    const a = extractOne('在副市长王明的陪同下，考察团参观了市规划展览馆。');
    expect(roles(a, '王明')).to.deep.equal(['accompanied']);
  });

  it('gives everyone in a list after a colon the roles of the words that introduce it', () => {
    const a = extractOne('今天接受采访的各部门负责人先后是：市教育局局长周明达、市民政局局长钱玉兰；市交通运输局局长孙建业。');
    for (const n of ['周明达', '钱玉兰', '孙建业']) expect(roles(a, n), n).to.deep.equal(['spoke']);
    // Words reported after a colon are no list: 指出 gives no one a role there.
    const b = extractOne('市长周明达指出：钱玉兰同志的经验值得推广。');
    expect(roles(b, '钱玉兰')).to.deep.equal([]);
  });

  it('reads 以X为组长 as led and a deputy as attending, and the guests of a 会见', () => {
    const a = extractOne('以省委常委周明达为组长，副省长钱玉兰为副组长的督查组来我市检查工作。');
    expect(roles(a, '周明达')).to.deep.equal(['led']);
    expect(roles(a, '钱玉兰')).to.deep.equal(['attended']);
    // …also after a verb that sends the group, and with 同志.
    expect(roles(extractOne('省委派出以杨铭东同志为组长的换届指导组到会指导。'), '杨铭东')).to.deep.equal(['led']);
    const b = extractOne('市委书记周明达会见了来访的客人孙建业、李小红一行。副市长钱玉兰会见时在座。');
    expect(roles(b, '周明达')).to.deep.equal(['led']);
    expect(roles(b, '孙建业')).to.deep.equal(['led']);
    expect(roles(b, '李小红')).to.deep.equal(['attended']);
    expect(roles(b, '钱玉兰')).to.deep.equal(['attended']);
    // A guest met alone heads the visiting side.
    const c = extractOne('市长周明达在迎宾馆会见中国某某集团有限公司董事长孙建业。');
    expect(roles(c, '孙建业')).to.deep.equal(['led']);
  });

  it('reads roles after bodies the lexicon does not know, alone or in a list', () => {
    const a = extractOne('地区行署专员周明达主持会议。计算机系主任孙建业、教务处处长钱玉兰参加座谈。');
    expect(roles(a, '周明达')).to.deep.equal(['presided']);
    expect(roles(a, '孙建业')).to.deep.equal(['attended']);
    expect(roles(a, '钱玉兰')).to.deep.equal(['attended']);
  });

  it('reads posts written after the name: in brackets, and after a verb of taking office', () => {
    const a = extractOne('会上，周明达（市政府副秘书长）通报了情况。会议选举孙建业当选为县人大常委会主任。市人大常委会任命钱玉兰为市财政局局长。');
    expect(titles(person(a, '周明达'))).to.deep.equal(['副秘书长@许昌市人民政府']);
    expect(titles(person(a, '孙建业')).map((t) => t.split('@')[0])).to.deep.equal(['主任']);
    expect(titles(person(a, '钱玉兰'))).to.deep.equal(['局长@许昌市财政局']);
  });

  it('carries a city named in a chain to its later posts, whatever the paper\'s home', () => {
    const a = extractOne('洛阳市委常委、副市长周明达，安徽省宣城市市长孙建业来我市考察。');
    expect(titles(person(a, '周明达'))).to.deep.equal(['常委@中共洛阳市委', '副市长@洛阳市人民政府']);
    expect(titles(person(a, '孙建业'))).to.deep.equal(['市长@宣城市人民政府']);
  });

  it('reads a ministry run into its post (教育部长) as the post\'s body, a mention of its own only in a regional paper', () => {
    const a = extractOne('教育部长周明达出席会议。');
    expect(titles(person(a, '周明达'))).to.deep.equal(['部长@教育部']);
    expect(a.organizations.map((o) => o.name)).to.include('教育部');
    const doc: SourceDocument = { path: 'n.jsonl', name: 'n.jsonl', format: 'jsonl', encoding: 'UTF-8', units: [{ kind: 'record', line: 1, text: '教育部长周明达出席会议。' }] };
    const national = extractDocument(doc).articles[0];
    expect(titles(person(national, '周明达'))).to.deep.equal(['部长@教育部']);
    expect(national.organizations.map((o) => o.name)).to.not.include('教育部');
  });

  it('reads who is heard as speaking, 在…等领导的陪同下 as accompanying, and 兼 inside a chain', () => {
    const a = extractOne('会议听取了副市长周明达所作的工作报告。副县长孙建业在县委办主任钱玉兰、县财政局局长李小红等领导的陪同下来到企业调研。');
    expect(roles(a, '周明达')).to.deep.equal(['spoke']);
    expect(roles(a, '钱玉兰')).to.deep.equal(['accompanied']);
    expect(roles(a, '李小红')).to.deep.equal(['accompanied']);
    expect(roles(a, '孙建业')).to.deep.equal(['led']);
    const b = extractOne('市委常委兼秘书长周明达出席。');
    expect(titles(person(b, '周明达'))).to.deep.equal(['常委@中共许昌市委', '秘书长@中共许昌市委']);
  });

  it('keeps a verb of reporting out of an organization ending, so the name before it stays a person', () => {
    const a = extractOne('董事长听取总经理周明达专题汇报公司经营情况。');
    expect(a.persons.map((p) => p.name)).to.include('周明达');
    expect(a.organizations.map((o) => o.name).some((o) => o.includes('汇报'))).to.equal(false);
    // A company post with no company before it holds in the one company the sentence names.
    const b = extractOne('上午，在长葛市恒达机械有限公司，调研组听取总经理孙建业汇报。');
    expect(titles(person(b, '孙建业'))).to.deep.equal(['总经理@长葛市恒达机械有限公司']);
  });

  it('reads 中共中央总书记 as the post of the Central Committee', () => {
    const a = extractOne('中共中央总书记周明达主持会议。');
    expect(titles(person(a, '周明达'))).to.deep.equal(['总书记@中共中央']);
  });

  it("reads a village's or community's party branch with its name", () => {
    const a = extractOne('会上，石桥村党支部书记周明达介绍了经验。');
    expect(titles(person(a, '周明达'))).to.deep.equal(['书记@石桥村党支部']);
  });

  it('counts the mentions of a person', () => {
    const a = extractOne('市委书记史根治主持会议。史根治强调，要抓好各项工作落实。');
    expect(person(a, '史根治').mentions).to.equal(2);
  });

  describe('roles read from acts of speech, enumerations and visits', () => {
    it("reads a session's presidium chain (大会执行主席、主席团常务主席A、B、C) whole, with who presides and who sits on the rostrum", () => {
      const a = record('某某省第十四届人民代表大会第一次会议在省城闭幕。\n大会执行主席、主席团常务主席林大武主持闭幕会并讲话。\n大会执行主席、主席团常务主席陆大原、杨东明在主席台前排就座。', '某某晚报');
      expect(titles(person(a, '陆大原')).map((t) => t.split('@')[0])).to.deep.equal(['执行主席', '常务主席']);
      expect(roles(a, '林大武')).to.deep.equal(['presided', 'spoke']);
      expect(roles(a, '杨东明')).to.deep.equal(['attended']);
      // A session named before the presidium's post is the clause's subject's own (…一次会议主席团常务主席X主持).
      expect(roles(record('省政协十一届一次会议主席团常务主席卢小光主持会议。'), '卢小光')).to.deep.equal(['presided']);
    });

    it('reads a session named with its county inside (中国人民政治协商会议第九届某某县委员会第七次会议) for its executive chairs', () => {
      const a = record('3月24日，中国人民政治协商会议第九届雷山县委员会第七次会议召开。开幕会执行主席由韦大贤、杨光明担任。');
      expect(titles(person(a, '杨光明'))).to.deep.equal(['执行主席@中国人民政治协商会议第九届雷山县委员会第七次会议主席团']);
    });

    it("reads a session written 市政协十四届二次会议 and its executive chairs listed after 是 (执行主席是林健、陈生)", () => {
      const a = record('昨天上午，市政协十四届二次会议开幕。当天大会的执行主席是林健、陈生、陈永青。', '福清新闻网');
      expect(a.persons.map((p) => p.name)).to.deep.equal(['林健', '陈生', '陈永青']);
      expect(titles(person(a, '林健'))).to.deep.equal(['执行主席@政协福清市第十四届委员会第二次会议主席团']);
    });

    it("gives a government's head listed after a committee's post no committee (区委书记A、区长B), and reads 决定X副区长代理…区长职务", () => {
      const a = record('副校长带队赴某某区与区委书记刘晓明、区长张大超进行会谈。');
      expect(titles(person(a, '张大超'))).to.deep.equal(['区长@—']);
      const b = record('会议决定郑大皓副区长代理通州区人民政府区长职务。', '北京城市副中心报');
      expect(titles(person(b, '郑大皓'))).to.deep.equal(['副区长@通州区人民政府', '区长@通州区人民政府']);
    });

    it('gives no organizing for 组织 as a noun or in what the group asks of others, and reads 参与调研 as taking part', () => {
      const a = record('县长朱明光主持召开周交办会议，要求各乡镇配合好巡视，组织好抗旱保秋工作。副乡长杜燕明表示，要加强组织领导。县发改委主任夏甫明参与调研。文联主席王五组织了此次活动。');
      expect(roles(a, '朱明光')).to.not.include('organized');
      expect(roles(a, '杜燕明')).to.deep.equal(['spoke']);
      expect(roles(a, '夏甫明')).to.deep.equal(['attended']);
      expect(roles(a, '王五')).to.deep.equal(['organized']);
    });

    it('gives 他说 opening a sentence to the person the sentence before opened with, and takes no 来川 for a name', () => {
      const a = record('4月11日，省长黄大强在成都会见澳大利亚驻华大使吉思德一行。黄大强欢迎吉思德大使来川访问，并简要介绍四川发展情况。他说，近年来合作基础坚实。');
      expect(roles(a, '黄大强')).to.deep.equal(['led', 'spoke']);
      expect(a.persons.map((p) => p.name)).to.deep.equal(['黄大强', '吉思德']);
    });

    it('reads both sides signing an agreement as taking part (A与B签署…协议), not signing an order, and 考察交流 as the visit', () => {
      const a = record('集团总会计师郑世明与国投公司董事长黄晓明签署了项目合作框架协议。主席王大海签署命令。县委书记段红明率考察团到永平县考察交流。');
      expect(roles(a, '郑世明')).to.deep.equal(['attended']);
      expect(roles(a, '黄晓明')).to.deep.equal(['attended']);
      expect(roles(a, '王大海')).to.deep.equal([]);
      expect(roles(a, '段红明')).to.deep.equal(['led']);
    });

    it("skips a nominee's post (主席提名人选X: none he holds) and reads the chain before it, with the act", () => {
      const a = record('旗政协党组书记、主席提名人选陶大迪主持会议。市政府党组成员、副市长提名人选毛振明列席会议。', '政协鄂托克前旗委员会网站');
      expect(titles(person(a, '陶大迪'))).to.deep.equal(['党组书记@鄂托克前旗政协党组']);
      expect(roles(a, '陶大迪')).to.deep.equal(['presided']);
      expect(roles(a, '毛振明')).to.deep.equal(['attended']);
    });

    it('reads visiting together (一同调研) as taking part, 随同调研 as accompanying, and a visit verb inside a meeting\'s name as no visit', () => {
      const a = record('7月25日上午，市委书记何录明到产业园调研医院建设情况。市委常委、秘书长何文明，副市长周春明一同调研。副厅长肖小明随同调研。');
      expect(roles(a, '何录明')).to.deep.equal(['led']);
      expect(roles(a, '何文明')).to.deep.equal(['attended']);
      expect(roles(a, '肖小明')).to.deep.equal(['accompanied']);
      const b = record('校长冯征明参加调研。冯征明主持调研座谈会。', '某某大学新闻网');
      expect(roles(b, '冯征明')).to.deep.equal(['attended', 'presided']);
      // …but hosts meeting guests together lead.
      expect(roles(record('王立新、李大海等领导一同会见了代表。'), '李大海')).to.deep.equal(['led']);
    });

    it('leaves taking part to whom the host invites (邀请…出席), not to the host, and gives a party\'s representative his words', () => {
      const a = record('4月4日，省长韦明在省城会见外国代表团。韦明热情邀请各国使节出席今年9月举办的博览会。代表团代表斯里兰卡驻华大使科纳瓦表示，愿作出贡献。县长王五应邀出席博览会开幕式。', '某某省广播电视台');
      expect(roles(a, '韦明')).to.deep.equal(['led']);
      expect(roles(a, '科纳瓦')).to.deep.equal(['spoke']);
      // Invited, the subject attends itself.
      expect(roles(a, '王五')).to.deep.equal(['attended']);
    });

    it('reads visitors named with the posts that address them as one list (A校长、B副校长到…调研), and leaves others\' later acts to them', () => {
      const a = record('3月2日上午，高明远校长、田立新副校长到我院调研，人事处负责同志陪同调研。院长周海参加调研。周海院长首先代表学院全体师生对学校领导来我院调研表示热烈欢迎。', '某某大学外国语学院网站');
      expect(roles(a, '高明远')).to.deep.equal(['led']);
      expect(roles(a, '田立新')).to.deep.equal(['led']);
      // Speaking on the school's behalf to welcome a visit is no leading it.
      expect(roles(a, '周海')).to.deep.equal(['attended', 'spoke']);
    });

    it('gives led to every leader of parties led separately (分别由A和B带队)', () => {
      const a = record('6月10日上午，区政协所属人员分别由区政协主席魏明和副主席黄庆带队对所联系的村、社区进行走访。');
      expect(roles(a, '魏明')).to.deep.equal(['led']);
      expect(roles(a, '黄庆')).to.deep.equal(['led']);
    });

    it('gives spoke to both sides of an exchange of views, named with their deputy posts (A副厅长与B副主任就…交换了意见)', () => {
      const a = record('11日上午，厅长尚明会见了刘光副主任一行。随后，罗卫东副厅长与刘光副主任就民政宣传工作交换了意见。');
      expect(roles(a, '罗卫东')).to.deep.equal(['spoke']);
      expect(roles(a, '刘光')).to.deep.equal(['led', 'spoke']);
    });

    it('gives attended to those who went along (一同前往) and to those who followed from a branch venue (收听收看)', () => {
      const a = record('9月8日，县委书记王明带领考察团前往东莞考察。县领导李华、赵强及相关部门负责人一同前往。');
      expect(roles(a, '王明')).to.deep.equal(['led']);
      expect(roles(a, '李华')).to.deep.equal(['attended']);
      expect(roles(a, '赵强')).to.deep.equal(['attended']);
      const b = record('昨天上午，省委工作会议召开。市委书记周海在分会场收听收看。');
      expect(roles(b, '周海')).to.deep.equal(['attended']);
    });

    it('finds every later mention of a name the tagger read once, and its acts there', () => {
      const a = record('9月3日，英国驻华使馆参赞戴维斯一行3人在市外办领导陪同下访问我校。戴维斯对学校的办学特色很感兴趣，并询问了留学生的培养情况。');
      expect(person(a, '戴维斯').mentions).to.equal(2);
      expect(roles(a, '戴维斯')).to.deep.equal(['led', 'spoke']);
    });

    it('reads the subject of an enumerated item (一是X传达…；二是Y讲话)', () => {
      const a = record('会议由镇党委副书记钱丽主持，共三项议程。一是钱丽传达上级文件精神；二是镇长孙强讲话。', '某某镇人民政府网');
      expect(roles(a, '钱丽')).to.deep.equal(['presided', 'spoke']);
      expect(roles(a, '孙强')).to.deep.equal(['spoke']);
    });

    it('gives no lead to those who take part in a meeting or a tour (参加了会见, 参加调研)', () => {
      const a = record('校长周明会见了代表团一行，副校长吴刚参加了会见。区委常委、副区长郑华等参加调研。', '某某大学新闻网');
      expect(roles(a, '吴刚')).to.deep.equal(['attended']);
      expect(roles(a, '郑华')).to.deep.equal(['attended']);
    });
  });

  describe('long lists and reports', () => {
    it("gives a company's bare posts (集团党委书记、董事长) the company the story opens on, when no outlet or sentence names one", () => {
      const a = record('10月14日上午，青山集团与江城水务集团战略合作签约仪式在集团会议室举行。江城水务集团董事长周林一行到访。集团党委书记、董事长汪明出席并讲话。集团党委委员朱华，集团总工程师曹平参加。', '某某市人民政府网');
      expect(titles(person(a, '汪明'))).to.deep.equal(['党委书记@青山集团党委', '董事长@青山集团']);
      expect(titles(person(a, '朱华'))).to.deep.equal(['委员@青山集团党委']);
      expect(titles(person(a, '曹平'))).to.deep.equal(['总工程师@青山集团']);
      expect(titles(person(a, '周林'))).to.deep.equal(['董事长@江城水务集团']);
    });

    it('gives the members of a party formed of a list (A、B、C组成的采访团) attended, across chains the lexicon does not know', () => {
      const a = record('10月17日，由日报社分社社长陈光带队，网站分公司总经理张贵、日报社记者龚娟、网站记者孙飞组成的采访团到红桥区开展专题调研。区委书记李清陪同调研。');
      expect(roles(a, '陈光')).to.deep.equal(['led']);
      for (const name of ['张贵', '龚娟', '孙飞']) expect(roles(a, name), name).to.deep.equal(['attended']);
      expect(roles(a, '李清')).to.deep.equal(['accompanied']);
    });

    it('gives accompanied to a long list of hosts closed by a note and others (…季某（挂职）及相关单位负责人的陪同下), and led to both heads of talks', () => {
      const a = record('11月1日，副州长沈立一行在县委副书记、县长张双明，副县长田昌明、副院长季华明（挂职）及相关单位负责人的陪同下，深入我院视察调研。');
      expect(roles(a, '沈立')).to.deep.equal(['led']);
      for (const name of ['张双明', '田昌明', '季华明']) expect(roles(a, name), name).to.deep.equal(['accompanied']);
      const b = record('4月14日，集团党组副书记、董事单广明在集团总部与到访的康县委书记张书明一行举行会谈。');
      expect(roles(b, '单广明')).to.deep.equal(['led']);
      expect(roles(b, '张书明')).to.deep.equal(['led']);
    });

    it('reads a company chain on through its union, board of supervisors or board (党委副书记、纪委书记、工会主席X; 党委委员、监事会主席Y)', () => {
      const a = record('公司党委副书记、总经理赵质明，党委委员、监事会主席周之明，党委副书记、纪委书记、工会主席伍绍明，各职能部门代表参会。', 'example.com');
      expect(titles(person(a, '周之明')).map((t) => t.split('@')[0])).to.deep.equal(['委员', '主席']);
      expect(titles(person(a, '伍绍明')).map((t) => t.split('@')[0])).to.deep.equal(['党委副书记', '书记', '主席']);
      for (const name of ['赵质明', '周之明', '伍绍明']) expect(roles(a, name), name).to.deep.equal(['attended']);
    });

    it('holds a post after listed companies in each (A公司、B公司董事X), and lets the first of a party introduced by 由 lead it', () => {
      const a = record('由中国铁建公司、中国国际技术智力合作公司董事葛付明，中国化学工程集团、中国保利集团董事户海明等组成的调研组来我市调研。');
      expect(titles(person(a, '葛付明'))).to.deep.equal(['董事@中国铁建公司', '董事@中国国际技术智力合作公司']);
      expect(titles(person(a, '户海明'))).to.deep.equal(['董事@中国化学工程集团', '董事@中国保利集团']);
      expect(roles(a, '葛付明')).to.deep.equal(['led']);
      expect(roles(a, '户海明')).to.deep.equal(['attended']);
    });

    it('reads a list opening with a county-wide body (县域医共体党委书记A、…陪同调研) as the subject of its verb', () => {
      const a = record('县卫生健康局局长黄立同志率队到我院开展专题调研工作，县域医共体党委书记胡伶明、县人民医院常务副院长黄建明陪同调研。');
      expect(roles(a, '黄立')).to.deep.equal(['led']);
      for (const name of ['胡伶明', '黄建明']) expect(roles(a, name), name).to.deep.equal(['accompanied']);
    });

    it('gives no spoke for a report heard, however long its subject (听取2025年产业项目、…谋划情况汇报)', () => {
      const a = record('3月13日下午，区委书记赵书明主持召开书记专题会，听取2025年产业项目、基础设施项目、民生项目谋划情况汇报，与会人员进行研讨。');
      expect(roles(a, '赵书明')).to.deep.equal(['presided']);
    });

    it('reads 在座谈会上 as no sitting in (在座)', () => {
      expect(roles(record('局长黄立明在座谈会上对我院的发展给予了充分的肯定。'), '黄立明')).to.deep.equal(['spoke']);
    });

    it('gives spoke to leaders who give their views (县领导A、B也就相关工作讲具体意见)', () => {
      const a = record('县领导冉德明、刘宇明也就相关工作讲具体意见。');
      expect(roles(a, '冉德明')).to.deep.equal(['spoke']);
      expect(roles(a, '刘宇明')).to.deep.equal(['spoke']);
    });

    it('gives no spoke for 肯定 as a noun (是对她工作的肯定) but for praise given (给予充分的肯定), and no organized for a law (地方组织法)', () => {
      expect(roles(record('他特别强调，宋兵明同志能够从内部提拔担任院长，是对她工作的肯定。'), '宋兵明')).to.deep.equal([]);
      expect(roles(record('副校长刘立明对两系合并以来的工作给予充分的肯定。'), '刘立明')).to.deep.equal(['spoke']);
      expect(roles(record('副主任童学明率检查组来我区，就新修改的地方组织法进行执法检查。'), '童学明')).to.deep.equal(['led']);
    });

    it('gives spoke to who reports on a body\'s work to the session, and no organized for 各级…组织', () => {
      const a = record('市政协主席夏立明代表政协荆门市第五届委员会常务委员会向大会报告工作。市政协党组书记李劲东主持会议。');
      expect(roles(a, '夏立明')).to.deep.equal(['spoke']);
      const b = record('市委书记王力出席并讲话，对全市各级政协组织和广大政协委员作出的贡献给予肯定。');
      expect(roles(b, '王力')).to.deep.equal(['attended', 'spoke']);
    });

    it('reads a pair joined after 同志 (A同志及…村原第一书记B同志) as one group, and a return visit (回访) as led', () => {
      const a = record('局党组成员傅开明同志及南林村原第一书记杨荣明同志于9月15日深入帮扶村开展回访工作。');
      expect(roles(a, '傅开明')).to.deep.equal(['led']);
      expect(roles(a, '杨荣明')).to.deep.equal(['led']);
    });

    it('gives no spoke to a presider for the work reports the meeting heard (工作报告 is no 作报告)', () => {
      const a = record('会议由镇人大主席李明主持，会议听取了政府工作报告、人大主席团工作报告。镇长王强作政府工作报告。');
      expect(roles(a, '李明')).to.deep.equal(['presided']);
      expect(roles(a, '王强')).to.deep.equal(['spoke']);
    });

    it("gives a session's presidium posts the session the text names, its rostrum list attended and its presider presided", () => {
      const a = record('9月8日下午，东山县第八届人民代表大会第五次会议隆重开幕。大会执行主席张一、赵二、蔡三在主席台前排就座。县人大常委会副主任严四在主席台就座。大会由主席团常务主席、执行主席蔡三主持。');
      expect(titles(person(a, '张一'))).to.deep.equal(['执行主席@东山县第八届人民代表大会第五次会议主席团']);
      expect(titles(person(a, '蔡三'))).to.deep.equal(['执行主席@东山县第八届人民代表大会第五次会议主席团', '常务主席@东山县第八届人民代表大会第五次会议主席团']);
      expect(roles(a, '张一')).to.deep.equal(['attended']);
      expect(roles(a, '蔡三')).to.deep.equal(['attended', 'presided']);
      expect(a.organizations.find((o) => o.name === '东山县第八届人民代表大会第五次会议主席团')?.spans?.map((s) => s.text)).to.deep.equal(['主席团']);
      // 主席台 is the rostrum: no 主席 of anything.
      expect(a.persons.map((p) => p.name)).to.have.members(['张一', '赵二', '蔡三', '严四']);
    });

    it('gives a post said to be held by a list (执行主席由A、B担任; 是A、B) to every name, and an election to every name listed before its last, beside what they hold', () => {
      const session = '1月7日，中国人民政治协商会议荆门市第十一届委员会第一次会议闭幕。';
      const presidium = '执行主席@中国人民政治协商会议荆门市第十一届委员会第一次会议主席团';
      const a = record(`${session}大会执行主席由向东、孙德明、钱思远担任。向东、孙德明、钱思远当选中国人民政治协商会议荆门市第十一届委员会副主席；马立国、刘长风等42名委员当选中国人民政治协商会议荆门市第十一届委员会常务委员。`);
      expect(a.persons.map((p) => p.name)).to.deep.equal(['向东', '孙德明', '钱思远', '马立国', '刘长风']);
      expect(titles(person(a, '向东'))).to.deep.equal([presidium, '副主席@荆门市政协']);
      expect(titles(person(a, '孙德明'))).to.deep.equal([presidium, '副主席@荆门市政协']);
      expect(titles(person(a, '马立国'))).to.deep.equal(['常务委员@荆门市政协']);
      const b = record(`${session}本次会议的执行主席是王立新、孙德明。`);
      expect(titles(person(b, '王立新'))).to.deep.equal([presidium]);
    });

    it('gives the presidium posts a session chose (推选A、B为大会主席团常务主席) to every name, the session written short named in full', () => {
      const a = record('5月27日下午，县十五届人大四次会议主席团举行第一次会议。会议推选吴立海、祁建明、曹立阔为大会主席团常务主席。', '睢县网');
      for (const name of ['吴立海', '祁建明', '曹立阔']) expect(titles(person(a, name))).to.deep.equal(['常务主席@睢县第十五届人民代表大会第四次会议主席团']);
      // With no home to name the county, the session stays as written.
      expect(titles(person(record('县十五届人大四次会议主席团举行第一次会议。会议推选吴立海为主席团常务主席。'), '吴立海'))).to.deep.equal(['常务主席@县十五届人大四次会议主席团']);
    });

    it("holds a state commission's party-unit posts in its 党组, and a party committee's in the committee", () => {
      const a = record('市卫健委党组书记、主任张明，县委常委王强出席。', '安庆日报');
      expect(titles(person(a, '张明'))).to.deep.equal(['党组书记@安庆市卫健委党组', '主任@安庆市卫健委']);
      expect(titles(person(a, '王强'))).to.deep.equal(['常委@县委']);
    });

    it('gives a department listed bare the ministry or commission the items before it named, and reports it', () => {
      const a = record('交通运输部办公厅主任王一，规划研究司司长陈二，安全生产监督管理司一级巡视员张三，综合与法规处副处长李四参加会见。');
      expect(titles(person(a, '陈二'))).to.deep.equal(['司长@交通运输部规划研究司']);
      expect(titles(person(a, '张三'))).to.deep.equal(['一级巡视员@交通运输部安全生产监督管理司']);
      expect(titles(person(a, '李四'))).to.deep.equal(['副处长@交通运输部综合与法规处']);
      expect(a.organizations.find((o) => o.name === '交通运输部规划研究司')?.spans?.map((s) => s.text)).to.deep.equal(['规划研究司']);
      // A party committee is no body with departments of this kind: the department stays unresolved.
      const b = record('县委副书记王一，综合科科长陈二参加会议。');
      expect(titles(person(b, '陈二'))).to.deep.equal(['科长@—']);
    });

    it('joins a list closed by 等 across title chains the lexicon does not know', () => {
      const a = record('座谈会上，某某建设公司第三工程队电焊技师高立平，某某合作社理事长白玉山，某某研究所所长钟文涛等青年代表先后发言。');
      for (const name of ['高立平', '白玉山', '钟文涛']) expect(roles(a, name), name).to.deep.equal(['spoke']);
    });

    it('reads who gave a report as speaking (听取并审议了X同志所作的报告、Y同志所作的…)', () => {
      const a = record('会议听取并审议了镇长程立新同志代表镇人民政府所作的《政府工作报告》、镇人大主席马丽同志所作的《主席团工作报告》。', '某某镇人民政府网');
      expect(roles(a, '程立新')).to.deep.equal(['spoke']);
      expect(roles(a, '马丽')).to.deep.equal(['spoke']);
    });

    it('gives a list its verb from the next sentence (…A，…B。上述领导出席会议。), with both sentences as evidence', () => {
      const a = record('市委书记陈红，市委副书记、市长黄斌，市政协主席郑涛。上述领导出席会议。会议由市委常委刘洋主持。');
      for (const name of ['陈红', '黄斌', '郑涛']) expect(roles(a, name), name).to.deep.equal(['attended']);
      expect(roles(a, '刘洋')).to.deep.equal(['presided']);
      const evidence = a.events[0].participants.find((p) => p.name === '黄斌')?.sentences?.attended;
      expect(evidence ?? '').to.include('上述领导出席会议');
      // A list whose next sentence speaks of others gives it nothing.
      expect(roles(record('市委书记陈红，市长黄斌。群众代表出席会议。'), '陈红')).to.deep.equal([]);
    });

    it('keeps names with their posts in brackets in one list, and a committee\'s office after a verb of taking office', () => {
      const a = record('座谈会上，赵六（县农业农村局局长）、钱七（县林业局副局长）先后发言。');
      for (const name of ['赵六', '钱七']) expect(roles(a, name), name).to.deep.equal(['spoke']);
      expect(titles(person(record('王五同志任县委办公室主任。'), '王五'))).to.deep.equal(['主任@县委办公室']);
    });

    it('gives no lead to those who take part in a visit (等参加了本次调研)', () => {
      const a = record('乡长唐志远、副乡长苏文等参加了本次调研。', '某某乡人民政府网');
      expect(roles(a, '唐志远')).to.deep.equal(['attended']);
    });
  });

  describe('parties and visits', () => {
    it('gives a party of several its lead and its words through the first, the others taking part', () => {
      const a = record('今天上午，市委书记周立新，市委常委、秘书长吴海涛，副市长郑小红等一行来到报业集团，慰问一线采编人员，勉励大家勤奋工作。');
      expect(roles(a, '周立新')).to.deep.equal(['led', 'spoke']);
      expect(roles(a, '吴海涛')).to.deep.equal(['attended']);
      expect(roles(a, '郑小红')).to.deep.equal(['attended']);
    });

    it('gives a party led with 率 its leader, the party taking part', () => {
      const a = record('5月8日，河西省副省长林志远率省政府副秘书长赵立新到省农业厅调研。');
      expect(roles(a, '林志远')).to.deep.equal(['led']);
      expect(roles(a, '赵立新')).to.deep.equal(['attended']);
    });

    it('reads those who accompany under a label (在家厅领导…等分别陪同) and a list past an unknown department (…司一级巡视员)', () => {
      const a = record('副省长林志远到农业厅调研。在家厅领导周明、吴德华，省农机局局长孙志强等分别陪同调研。');
      for (const n of ['周明', '吴德华', '孙志强']) expect(roles(a, n)).to.deep.equal(['accompanied']);
      const b = record('部长会见了林志远一行。农业农村部总农艺师、办公厅主任赵立新，计划财务司司长周明，质量安全监管司一级巡视员吴德华参加会见。');
      for (const n of ['赵立新', '周明', '吴德华']) expect(roles(b, n)).to.deep.equal(['attended']);
    });

    it('reads X对Y…表示祝贺 as X speaking, not as X doing what Y did, and a party welcomed as the visit\'s', () => {
      expect(roles(record('镇党委书记王立新对周志刚同志当选镇人大主席表示祝贺。', '某某镇人民政府网'), '王立新')).to.deep.equal(['spoke']);
      const a = record('县长王立新对孙德明一行到县里考察表示热烈欢迎，并介绍了县情。');
      expect(roles(a, '王立新')).to.deep.equal(['spoke']);
      expect(roles(a, '孙德明')).to.deep.equal(['led']);
      // …and a party's leader thanked for leading it, addressed by a post (对X秘书长率记者团来访表示感谢).
      const b = record('县长王立新对孙德明秘书长率记者团来县采访表示感谢。');
      expect(roles(b, '孙德明')).to.deep.equal(['led']);
    });

    it('joins a list of chains closed by taking part across bodies and posts the rules did not read (…支行行长X，…技师Y出席)', () => {
      const a = record('镇党委书记陈江，东海银行北区分行副行长杨晨，青山支行行长童磊，协会理事长王小明，电焊技师李大刚出席签约仪式。');
      for (const n of ['陈江', '杨晨', '童磊', '王小明', '李大刚']) expect(roles(a, n), n).to.deep.equal(['attended']);
      const b = record('大会主席团常务主席谢大明、陈小平、刘春生出席会议。谢大明主持会议。');
      expect(roles(b, '谢大明')).to.deep.equal(['attended', 'presided']);
      for (const n of ['陈小平', '刘春生']) expect(roles(b, n), n).to.deep.equal(['attended']);
      const c = record('研究所党委书记范大海，纪委书记石小军，所务委员何立新、王建树及相关部门负责人参加了座谈会。');
      for (const n of ['范大海', '石小军', '何立新', '王建树']) expect(roles(c, n), n).to.deep.equal(['attended']);
      // An act between two persons keeps them apart.
      const d = record('市长王小明主持会议，书记李大刚出席。');
      expect(roles(d, '王小明')).to.deep.equal(['presided']);
    });

    it('reads a laboratory as a body opening its head\'s chain, and a report heard from a long-titled speaker', () => {
      expect(roles(record('纳米技术重点实验室副主任王春生就实验室的发展情况、研究领域作了详细介绍。'), '王春生')).to.deep.equal(['spoke']);
      expect(roles(record('会议听取了省十三届人大一次会议大会秘书长刘春生关于政府工作报告审议情况的汇报。'), '刘春生')).to.deep.equal(['spoke']);
    });

    it("reads a visiting party's tour as its head leading it, 一行 as the party of the name before it, and a report made, not heard", () => {
      const a = record('市法院院长杨万明一行在县法院院长李峰的陪同下来到法庭调研。杨万明院长一行先后参观了立案庭。座谈会上，李峰向杨万明院长一行介绍了基本情况，副庭长艾大江汇报了收案情况。杨万明听取汇报后表示肯定。');
      expect(roles(a, '杨万明')).to.deep.equal(['led', 'spoke']);
      expect(roles(a, '李峰')).to.deep.equal(['accompanied', 'spoke']);
      expect(roles(a, '艾大江')).to.deep.equal(['spoke']);
    });

    it('reads a declaration (宣布) as speaking, but as part of presiding after 主持', () => {
      expect(roles(record('县长王赵春宣布启动项目集中开工。'), '王赵春')).to.deep.equal(['spoke']);
      expect(roles(record('上午9时，县政协主席皮大田主持并宣布会议开幕。'), '皮大田')).to.deep.equal(['presided']);
    });

    it('reads a subject whose chain opens with a country or city the rules did not read as a body (英国伯明翰市议员X率团来访)', () => {
      const a = record('英国伯明翰市议员约翰·布朗率代表团一行5人来访我校，副校长张明远会见来宾。', '某某大学新闻网');
      expect(roles(a, '约翰·布朗')).to.deep.equal(['led']);
      expect(roles(a, '张明远')).to.deep.equal(['led']);
      expect(roles(record('法国里昂市议员皮埃尔·杜邦主持研讨会。'), '皮埃尔·杜邦')).to.deep.equal(['presided']);
    });

    it('reads who sits on the rostrum as attending, who reads out a document as speaking, and no organizing in 国际组织', () => {
      const a = record('县委书记张三丰，县委副书记李四海应邀在主席台前排就坐。');
      expect(roles(a, '张三丰')).to.deep.equal(['attended']);
      expect(roles(a, '李四海')).to.deep.equal(['attended']);
      expect(roles(record('县委副书记刘一鸣宣读表彰文件。'), '刘一鸣')).to.deep.equal(['spoke']);
      expect(roles(record('副市长王五一等出席开幕式，来自各国的国际组织领导等400人参加峰会。'), '王五一')).to.deep.equal(['attended']);
    });

    it('gives both hosts of a meeting the lead when the second\'s chain opens with a bare party unit', () => {
      const a = record('董事长王立新，党组副书记、总经理周志刚在京会见了远航集团董事长孙德明一行。');
      expect(roles(a, '王立新')).to.deep.equal(['led']);
      expect(roles(a, '周志刚')).to.deep.equal(['led']);
    });

    it('gives the guests named as a delegation\'s leaders (…率领的代表团) the lead', () => {
      const a = record('市委书记王立新会见了来访的河口市委书记周志刚，市委副书记、市长孙德明率领的河口市党政代表团一行。');
      expect(roles(a, '周志刚')).to.deep.equal(['led']);
      expect(roles(a, '孙德明')).to.deep.equal(['led']);
    });

    it('reads a visit paid (看望, 拜会) as led, and a report made (做…总报告) as spoken', () => {
      expect(roles(record('今天下午，省长钱立平在京看望参加报道的记者。'), '钱立平')).to.deep.equal(['led']);
      expect(roles(record('会上，县委巡察组副组长孙丽娟做动员会议总报告。', '某某镇人民政府网'), '孙丽娟')).to.deep.equal(['spoke']);
    });
  });
});
