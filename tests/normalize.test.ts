import { expect } from 'chai';
import { foldWidth, normalizePage, squeezeLine } from '../src/extract/normalize.js';

const texts = (page: string) => normalizePage(page).map((p) => p.text);

describe('normalize', () => {
  describe('normalizePage', () => {
    it('joins the hard line breaks of one paragraph', () => {
      const ps = normalizePage('县委书记带队深入田间地头，\n察看小麦长势和春灌进展\n情况。');
      expect(ps).to.have.length(1);
      expect(ps[0].text).to.equal('县委书记带队深入田间地头，察看小麦长势和春灌进展情况。');
      expect(ps[0].lines).to.equal(3);
      expect(ps[0].line).to.equal(0);
    });

    it('removes the spaces of spaced-out text and marks it spaced', () => {
      const ps = normalizePage('哈 密 市 考 察 团\n来 许 考 察');
      expect(ps.map((p) => p.text)).to.deep.equal(['哈密市考察团来许考察']);
      expect(ps[0].spaced).to.equal(true);
    });

    it('removes a single stray space inside a name', () => {
      expect(texts('习 近平')).to.deep.equal(['习近平']);
    });

    it('keeps a real word gap between Latin letters', () => {
      expect(squeezeLine('举办 AI Day 活动').text).to.equal('举办AI Day活动');
    });

    it('joins a name split across lines', () => {
      const ps = texts('本报讯（记者 董全磊 通讯员 王\n东方）2 月 17 日，市领导到企业调研。');
      expect(ps).to.have.length(1);
      expect(ps[0]).to.contain('王东方');
      expect(ps[0]).to.equal('本报讯（记者董全磊通讯员王东方）2月17日，市领导到企业调研。');
    });

    it('folds full-width digits', () => {
      expect(texts('全县共有１２５４户农户参加。')).to.deep.equal(['全县共有1254户农户参加。']);
    });

    it('merges a column break in mid-sentence but keeps a real paragraph break', () => {
      const page = [
        '在城市展览馆，调研组一行认真听',
        '取讲解，观看展板模型和电子沙盘，',
        '参观了城市起源、发展历程和蓝图等',
        '',
        '展区内容，全面了解城市建设理念和',
        '发展目标等情况。',
        '',
        '调研组成员纷纷表示，此次考察收获',
        '很大，开阔了眼界，拓宽了思路。',
      ].join('\n');
      const ps = normalizePage(page);
      expect(ps.map((p) => p.text)).to.deep.equal([
        '在城市展览馆，调研组一行认真听取讲解，观看展板模型和电子沙盘，参观了城市起源、发展历程和蓝图等展区内容，全面了解城市建设理念和发展目标等情况。',
        '调研组成员纷纷表示，此次考察收获很大，开阔了眼界，拓宽了思路。',
      ]);
      expect(ps[0].lines).to.equal(5);
      expect(ps[1].line).to.equal(7);
    });

    it('merges a blank line after a clause that stops at a comma', () => {
      const page = '市委常委、副市长孙立新带队，\n\n先后来到三个乡镇调研。';
      expect(texts(page)).to.deep.equal(['市委常委、副市长孙立新带队，先后来到三个乡镇调研。']);
    });

    it('does not merge a dateline into the paragraph before it', () => {
      const page = '全文完，欢迎读者来信反映情况\n\n本报讯（记者 周明）3月6日，全市植树活动启动。';
      expect(texts(page)).to.have.length(2);
    });

    it('drops blank lines and white-space-only lines', () => {
      expect(texts('\n\n  \t\n第一段。\n\u3000\u3000\n第二段。\n')).to.deep.equal(['第一段。', '第二段。']);
    });
  });

  describe('foldWidth', () => {
    it('maps full-width digits, letters and signs to ASCII', () => {
      expect(foldWidth('ＡＢｃ１２３％＋－')).to.equal('ABc123%+-');
    });

    it('maps the ideographic and no-break spaces to a space', () => {
      expect(foldWidth('甲\u3000乙\u00a0丙')).to.equal('甲 乙 丙');
    });

    it('turns a full-width stop between digits into a decimal point', () => {
      expect(foldWidth('增长６．７%，达到１２．５万')).to.equal('增长6.7%，达到12.5万');
    });

    it('leaves Han text and full-width punctuation alone', () => {
      expect(foldWidth('会议强调，要抓好落实。')).to.equal('会议强调，要抓好落实。');
    });
  });
});
