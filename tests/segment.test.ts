import { expect } from 'chai';
import { closingByline, creditLine, parseByline, parseDateline, standaloneByline } from '../src/extract/byline.js';
import { cjkPunctuation, normalizeArticleText, normalizePage } from '../src/extract/normalize.js';
import { segmentPage, segmentRecord } from '../src/extract/segment.js';

/** An invented page laid out like a PDF dump: each article's headline after its body, a photo with its credit. */
const PAGE = [
  '本报讯（记者 周明）3 月 6 日，市',
  '委常委、副市长孙立新带队到城东新',
  '区调研春季植树工作，详细了解苗木',
  '采购、栽植管护等情况。',
  '',
  '孙立新指出，各级各部门要加大工作',
  '力度，全面提升城市绿化水平，为群',
  '众打造更加宜居的生活环境。',
  '',
  '孙 立 新 调 研',
  '春 季 植 树 工 作',
  '',
  '本报讯（通讯员 何静）3 月 5 日，',
  '东城区青年志愿服务队走进幸福里敬',
  '老院，为老人们打扫卫生、理发剪指',
  '甲，陪伴老人度过了温馨的一天。',
  '',
  '青年志愿者走进敬老院',
  '——东城区开展敬老志愿服务活动',
  '',
  '3 月 5 日，市民在鹿鸣湖畔赏花游玩。',
  '',
  '本报记者 刘晓阳 摄',
].join('\n');

describe('segment', () => {
  describe('parseDateline', () => {
    it('reads 本报讯 with its byline', () => {
      const d = parseDateline('本报讯（记者 李新）2月18日，考察团来我市考察。');
      expect(d).to.not.equal(null);
      expect(d!.reporters).to.deep.equal(['李新']);
      expect(d!.correspondents).to.deep.equal([]);
      expect(d!.place).to.equal(null);
      expect(d!.date).to.equal(null);
      expect(d!.end).to.equal('本报讯（记者 李新）'.length);
    });

    it('reads place, date and two reporters of 本报…电', () => {
      const d = parseDateline('本报北京8月24日电（记者 张三、李四）');
      expect(d).to.not.equal(null);
      expect(d!.place).to.equal('北京');
      expect(d!.date).to.equal('8月24日');
      expect(d!.reporters).to.deep.equal(['张三', '李四']);
    });

    it('reads a 新华社 dateline without a byline', () => {
      const d = parseDateline('新华社北京1月4日电 国务院总理主持召开国务院常务会议。');
      expect(d).to.not.equal(null);
      expect(d!.place).to.equal('北京');
      expect(d!.date).to.equal('1月4日');
      expect(d!.reporters).to.deep.equal([]);
      expect(d!.end).to.equal('新华社北京1月4日电'.length);
    });

    it("reads an agency's names alone in brackets, and reporters of other outlets, as its byline", () => {
      expect(parseDateline('据新华社长沙3月2日电（刘晓东）湖南省今年新建农村公路三千公里。')!.reporters).to.deep.equal(['刘晓东']);
      const two = parseDateline('新华社北京3月2日电（光明日报记者张明远、新华社记者李卫）今年春运平稳有序。');
      expect(two!.reporters).to.deep.equal(['张明远', '李卫']);
      // Brackets that hold no names are no byline.
      expect(parseDateline('新华社北京3月2日电（节选）今年春运平稳有序。')!.reporters).to.deep.equal([]);
      // A crawled article opening with its byline alone, and a bracket that is no byline.
      const opening = parseDateline('（记者 张小明 通讯员 李华）12月28日，市长到医院调研。')!;
      expect([opening.reporters, opening.correspondents, opening.end]).to.deep.equal([['张小明'], ['李华'], 15]);
      expect(parseDateline('（一）加强组织领导。各单位要高度重视。')).to.equal(null);
    });

    it('gives null for an ordinary sentence', () => {
      expect(parseDateline('会议要求，各地要抓好落实。')).to.equal(null);
    });
  });

  describe('parseByline and standaloneByline', () => {
    it('reads a photo credit as a photographer', () => {
      const expected = { reporters: [], correspondents: [], photographers: ['乔利峰'] };
      expect(parseByline('本报记者 乔利峰 摄')).to.deep.equal(expected);
      expect(standaloneByline('本报记者 乔利峰 摄')).to.deep.equal(expected);
    });

    it('splits reporters and correspondents run together', () => {
      expect(parseByline('记者董全磊通讯员王东方')).to.deep.equal({
        reporters: ['董全磊'],
        correspondents: ['王东方'],
        photographers: [],
      });
    });

    it('refuses a sentence as a standalone byline', () => {
      expect(standaloneByline('记者来到现场，看到工人们正在施工。')).to.equal(null);
    });
  });

  describe('credits of crawled articles', () => {
    it('finds the dateline under a repeated title and deck, and a reporters\' line closing the article', () => {
      const text = '省长会见访问团\n三句话表达兄弟情\n本报讯（记者/周小平 吴大海）昨天上午，省长在省政府会见访问团。\n双方就合作交换了意见。\n晚报 安徽网 客户端记者 钱明 孙丽';
      const draft = segmentRecord(normalizeArticleText(text), '三句话表达兄弟情');
      expect(draft.byline.reporters).to.include.members(['周小平', '吴大海', '钱明', '孙丽']);
      expect(draft.subtitle).to.equal('省长会见访问团');
      expect(draft.paragraphs[0].startsWith('本报讯')).to.equal(true);
    });

    it('reads an agency dateline of any outlet (中新网北京3月24日电（记者）)', () => {
      expect(parseDateline('中新网北京3月24日电（周小平）全国两会结束后')?.reporters).to.deep.equal(['周小平']);
    });

    it('reads credit lines and leaves the site\'s own lines out of the byline', () => {
      expect(creditLine('文/图 陈晨')).to.deep.equal({ reporters: ['陈晨'], correspondents: [], photographers: ['陈晨'] });
      expect(creditLine('撰稿：刘明摄影：黄海')).to.deep.equal({ reporters: ['刘明'], correspondents: [], photographers: ['黄海'] });
      expect(creditLine('责任编辑：周洁')).to.deep.equal({ reporters: [], correspondents: [], photographers: [] });
      expect(creditLine('图为会议现场')).to.equal(null);
      expect(creditLine('记者了解到，工程已完工。')).to.equal(null);
    });

    it('reads the credits crawled sites write: 记者 … 文/图, names/文 names/图, 供稿 X 摄影 Y, 作者: at the head', () => {
      const bylineOf = (text: string) => segmentRecord(normalizeArticleText(text), '标题').byline;
      const empty = { reporters: [], correspondents: [], photographers: [] };
      expect(bylineOf('本网讯(记者 罗立琴 李小华 谭立波 龙泓 余欢 文/图)1月7日下午，会议闭幕。')).to.deep.equal({ ...empty, reporters: ['罗立琴', '李小华', '谭立波', '龙泓', '余欢'] });
      expect(bylineOf('某某全媒体(张又明 张竞明/文 辛然/图)10月16日，客人来校访问。')).to.deep.equal({ ...empty, reporters: ['张又明', '张竞明'], photographers: ['辛然'] });
      expect(bylineOf('考察小组在兰考察活动。(供稿 赵立军 摄影 罗云明)')).to.deep.equal({ ...empty, reporters: ['赵立军'], photographers: ['罗云明'] });
      expect(bylineOf('作者:向先明\n1月2日，领导前往法庭考察。')).to.deep.equal({ ...empty, reporters: ['向先明'] });
      // 文、图/X, and the credits of a social-media post (文/编辑 by X, 图片 by Y).
      expect(bylineOf('会议要求确保人员在岗。(文、图/鲁润明)')).to.deep.equal({ ...empty, reporters: ['鲁润明'], photographers: ['鲁润明'] });
      expect(bylineOf('会议要求确保人员在岗。\n文/编辑  by  黄燕明\n图片  by  吴建明')).to.deep.equal({ ...empty, reporters: ['黄燕明'], photographers: ['吴建明'] });
      // Credit lines above a platform account's line (上观号作者:X), which names no writer.
      expect(bylineOf('区委常委王益明参加调研。\n记者:武云明 封健明\n摄影:王佩明\n编辑:干钰明\n上观号作者:上海金山')).to.deep.equal({ ...empty, reporters: ['武云明', '封健明'], photographers: ['王佩明'] });
      // A paper's mark before a byline line (□, ■).
      expect(bylineOf('■通讯员 万崇明 黄玉明\n本报讯 1月5日，镇里召开会议。')).to.deep.equal({ ...empty, correspondents: ['万崇明', '黄玉明'] });
      // 文/图 with the role word after it, and 撰稿、摄影 for one person who did both.
      expect(bylineOf('州委副书记高明出席。(文/图 记者 柯晓明)')).to.deep.equal({ ...empty, reporters: ['柯晓明'], photographers: ['柯晓明'] });
      expect(bylineOf('县委书记高明出席。\n(撰稿、摄影:邵明东)')).to.deep.equal({ ...empty, reporters: ['邵明东'], photographers: ['邵明东'] });
      // A paper's app between its name and the date, and a report carried from a paper (据…报道) before the
      // bracket, whose outlet is written with a middle dot.
      expect(bylineOf('某某晚报掌上某某6月3日讯(全媒体记者 彭明玉 黄晓兮)3日,市人大常委会举行会议。')).to.deep.equal({ ...empty, reporters: ['彭明玉', '黄晓兮'] });
      expect(bylineOf('中国某某网11月29日讯 据某某日报报道 (新某某·某某日报记者 石明丹)省人大常委会会议闭幕。')).to.deep.equal({ ...empty, reporters: ['石明丹'] });
      // An outlet and its newsroom before 记者/, with the editor's line in the same bracket; a portal before the
      // outlet's dateline; a credits block in 【】 that names a unit first.
      expect(bylineOf('会议在南京召开。\n(某某广电总台·融媒体新闻中心记者/马明 亓晨明 编辑/刘小琳)')).to.deep.equal({ ...empty, reporters: ['马明', '亓晨明'] });
      expect(bylineOf('某某在线-某某新闻网2月18日讯(某某在线记者 吴明静 通讯员 李敦明)2月14日,县委书记率团考察。')).to.deep.equal({ ...empty, reporters: ['吴明静'], correspondents: ['李敦明'] });
      expect(bylineOf('张三参加活动。\n【供稿单位:某某校区综合办    作者:徐长明    编辑:新闻中心总编室    责任编辑:曹明蕾  】')).to.deep.equal({ ...empty, reporters: ['徐长明'] });
      // 实习记者 is a reporter's title; credits parted by a semicolon; reporters and the place they report from
      // opening the text (spaces gone once normalized).
      expect(bylineOf('本报讯(记者 陈施明 实习记者 黄小漠)昨天上午，区人大常委会召开会议。')).to.deep.equal({ ...empty, reporters: ['陈施明', '黄小漠'] });
      expect(bylineOf('省领导参加拜会。\n记者:曹忠明;摄影:徐小旭')).to.deep.equal({ ...empty, reporters: ['曹忠明'], photographers: ['徐小旭'] });
      expect(bylineOf('某某网·某某新闻记者 孙秀明 见习记者 刘殿明 滨州报道 经过精心筹备，镇人民代表大会召开。')).to.deep.equal({ ...empty, reporters: ['孙秀明', '刘殿明'] });
      // …or on a line of their own.
      expect(bylineOf('某某网·某某新闻记者 孙秀明 见习记者 刘殿章 滨州报道\n经过精心筹备，镇人民代表大会召开。')).to.deep.equal({ ...empty, reporters: ['孙秀明', '刘殿章'] });
      // A byline in 【】 after a paper's dateline, names alone after a site's (…讯(尹森林)), and 图文: one person for both.
      expect(bylineOf('某某日报讯【新某某·某某日报记者马小放】10月12日，社长一行来我市调研。')).to.deep.equal({ ...empty, reporters: ['马小放'] });
      expect(bylineOf('某某新闻网眉山2月10日讯(尹森林)昨(9)日上午，乡里召开培训会。')).to.deep.equal({ ...empty, reporters: ['尹森林'] });
      expect(bylineOf('县领导出席会议。\n(图文:张素伟 审核:张帅)')).to.deep.equal({ ...empty, reporters: ['张素伟'], photographers: ['张素伟'] });
      // A county's media centre's dateline (某某融媒7月31日讯).
      expect(bylineOf('某某融媒7月31日讯(记者 王维明)7月30日，活动在镇里举行。')).to.deep.equal({ ...empty, reporters: ['王维明'] });
      // A line that opens with 作者 and says something else is no credit.
      expect(bylineOf('作者认为，这一做法值得推广。\n1月2日，领导前往法庭考察。')).to.deep.equal(empty);
    });

    it('reads a bracketed byline closing the last paragraph', () => {
      const text = '副省长王芳陪同。（记者张伟通讯员李娜）';
      const closing = closingByline(text);
      expect(closing?.byline).to.deep.equal({ reporters: ['张伟'], correspondents: ['李娜'], photographers: [] });
      expect(text.slice(closing!.start)).to.equal('（记者张伟通讯员李娜）');
      expect(closingByline('会议在市政府召开（现场）')).to.equal(null);
    });

    it('reads a closing credit in brackets with the writer\'s office before the name, spaced or run together, and a form\'s empty field', () => {
      const both = { reporters: ['杜文明'], correspondents: [], photographers: ['钱小川'] };
      expect(closingByline('实地考察。（文：外事工作处 杜文明 图：钱小川）')?.byline).to.deep.equal(both);
      expect(closingByline('实地考察。（文：外事工作处杜文明图：钱小川）')?.byline).to.deep.equal(both);
      expect(creditLine('来源: 作者:  责任编辑:周洁')).to.deep.equal({ reporters: [], correspondents: [], photographers: [] });
    });

    it("reads a site's dateline with a channel after a dot, its date, and 讯 run on to the text", () => {
      expect(parseDateline('东方网·新闻频道5月3日讯5月2日，会议召开。')?.date).to.equal('5月3日');
      expect(parseDateline('江城网讯昨天上午，会议召开。')?.end).to.equal(4);
    });

    it('reads a paper named in brackets before the bracketed byline as the dateline', () => {
      const d = parseDateline('（江城日报）（记者 周一鸣）3月1日，会议召开。');
      expect(d?.reporters).to.deep.equal(['周一鸣']);
      expect(d?.end).to.equal('（江城日报）（记者 周一鸣）'.length);
      expect(parseDateline('（图片）会议召开。')).to.equal(null);
    });

    it('reads the datelines of city and county outlets and their media-centre reporters', () => {
      expect(parseDateline('东川讯（记者 马小飞）3月1日，会议召开。')?.reporters).to.deep.equal(['马小飞']);
      expect(parseDateline('云上青山报道（全媒体记者：周一鸣）3月1日，会议召开。')?.reporters).to.deep.equal(['周一鸣']);
      expect(parseDateline('通讯员表示，会议召开。')).to.equal(null);
    });

    it('reads writers named alone in the bracket that closes an article, and drawings as pictures', () => {
      expect(closingByline('确保社区平安。（王建国）')?.byline.reporters).to.deep.equal(['王建国']);
      expect(closingByline('确保社区平安。（王建国陈莹莹）')).to.equal(null);
      expect(closingByline('会议持续两天。（现场）')).to.equal(null);
      expect(parseByline('刘小溪绘')?.photographers).to.deep.equal(['刘小溪']);
    });

    it("reads a photo credit closing a caption, and a closing bracket with the site's lines after it", () => {
      const draft = segmentRecord(normalizeArticleText('5月9日，县长王大海出席座谈会。\n我县召开返乡人士座谈会。记者 王雪花 摄\n最后，王大海察看了园区。(平江县法院 李海明) 责任编辑:guanliyuan3'), '题目');
      expect(draft.byline.photographers).to.deep.equal(['王雪花']);
      expect(draft.byline.reporters).to.deep.equal(['李海明']);
      expect(closingByline('察看了园区。（平江县法院 李海明）责任编辑：张三')?.byline.reporters).to.deep.equal(['李海明']);
    });

    it("reads a caption's credit in brackets after its unit, an end mark, 供稿, and review lines among the credits", () => {
      const text = '10月14日，签约仪式举行。董事长周汉出席并讲话。\n会议现场（集团总部  钱小川摄）\n周汉希望双方加强合作。\nEND\n供稿:杜文明\n编辑:孙   婷\n一审:江   涛\n终审:吴   刚';
      const draft = segmentRecord(normalizeArticleText(text), '题目');
      expect(draft.byline).to.deep.equal({ reporters: ['杜文明'], correspondents: [], photographers: ['钱小川'] });
      expect(draft.creditLines.length).to.equal(1);
    });

    it('keeps the text whole and marks where the credits start', () => {
      const paragraphs = normalizeArticleText('5月10日,市长赵军主持召开常务会议。\n文/图 陈晨\n责任编辑：周洁');
      const draft = segmentRecord(paragraphs, '题目');
      const text = draft.paragraphs.join('\n');
      expect(text.slice(draft.creditsFrom!)).to.equal('文/图陈晨\n责任编辑：周洁');
      expect(draft.byline.reporters).to.deep.equal(['陈晨']);
    });

    it('keeps one space between Han words of crawled text where it parts names, and no other', () => {
      const [body, spaced, post] = normalizeArticleText('会议结束。（孙立平  陈晓梅）\n许 昌 日 报 社 讯\n市委书记 张国华出席会议。（城关镇 王小红）');
      expect(body.text).to.equal('会议结束。（孙立平 陈晓梅）');
      expect(spaced.text).to.equal('许昌日报社讯');
      expect(post.text).to.equal('市委书记张国华出席会议。（城关镇 王小红）');
      expect(segmentRecord([body], undefined).byline.reporters).to.deep.equal(['孙立平', '陈晓梅']);
    });

    it('writes ASCII punctuation between Chinese clauses full width, and keeps it in numbers and Latin text', () => {
      expect(cjkPunctuation('5月10日,省委书记刘建国(左)到;')).to.equal('5月10日，省委书记刘建国（左）到；');
      expect(cjkPunctuation('1,000人 Fig. 2: a')).to.equal('1,000人 Fig. 2: a');
      expect(cjkPunctuation('区长李明发表了讲话.区委书记王刚指出,增长3.5亿元.')).to.equal('区长李明发表了讲话。区委书记王刚指出，增长3.5亿元。');
      // Between the parts of a foreign name, the point is the name's dot.
      expect(cjkPunctuation('会见了巴西驻华大使卡洛斯.费雷拉.会议结束.')).to.equal('会见了巴西驻华大使卡洛斯·费雷拉。会议结束。');
    });
  });

  describe('segmentPage', () => {
    const drafts = segmentPage(normalizePage(PAGE));

    it('finds two articles and a photo', () => {
      expect(drafts.map((d) => d.kind)).to.deep.equal(['article', 'article', 'photo']);
    });

    it('gives each article the headline printed after its body', () => {
      // A headline set over two spaced-out lines is one headline.
      expect(drafts[0].headline).to.equal('孙立新调研春季植树工作');
      expect(drafts[0].subtitle).to.equal(null);
      // A line opening with —— is the subtitle.
      expect(drafts[1].headline).to.equal('青年志愿者走进敬老院');
      expect(drafts[1].subtitle).to.equal('——东城区开展敬老志愿服务活动');
    });

    it('keeps the body paragraphs and the datelines with their bylines', () => {
      expect(drafts[0].paragraphs).to.have.length(2);
      expect(drafts[0].paragraphs[0]).to.match(/^本报讯（记者周明）3月6日，市委常委、副市长孙立新/);
      expect(drafts[0].byline.reporters).to.deep.equal(['周明']);
      expect(drafts[0].bylineLength).to.equal('本报讯（记者周明）'.length);
      expect(drafts[1].byline.correspondents).to.deep.equal(['何静']);
      expect(drafts[1].paragraphs).to.have.length(1);
    });

    it('gives the photo its caption and the credited photographer', () => {
      expect(drafts[2].paragraphs).to.deep.equal(['3月5日，市民在鹿鸣湖畔赏花游玩。']);
      expect(drafts[2].byline.photographers).to.deep.equal(['刘晓阳']);
      expect(drafts[2].dateline).to.equal(null);
    });
  });
});
