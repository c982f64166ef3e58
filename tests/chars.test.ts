import { expect } from 'chai';
import { codeClass, codeSet, displayWidth, indexWhere, lastIndexWhere } from '../src/extract/chars.js';

describe('character scans by code (chars.ts)', () => {
  const text = '市委书记张三主持会议。副市长李四出席，并讲话！\n会后参观';
  const isEnd = codeSet('。！？\n');
  // What a regex test of each character (text[i]) finds.
  const byRegex = (i: number) => /[。！？\n]/.test(text[i]);

  it('find the same first and last sentence marks as a regex over each character, from every position', () => {
    for (let from = -1; from <= text.length; from++) {
      let first = Math.max(0, from);
      while (first < text.length && !byRegex(first)) first++;
      expect(indexWhere(text, isEnd, from), `from ${from}`).to.equal(first);
      let last = Math.min(from, text.length - 1);
      while (last >= 0 && !byRegex(last)) last--;
      expect(lastIndexWhere(text, isEnd, from), `back from ${from}`).to.equal(last);
    }
    expect(indexWhere(text, isEnd, 0)).to.equal(text.indexOf('。'));
    expect(lastIndexWhere(text, isEnd, text.length)).to.equal(text.indexOf('\n'));
  });

  it('test a code as its regex tests the character alone, punctuation and surrogate halves included', () => {
    const re = /[\s\p{P}\p{S}]/u;
    const isEdge = codeClass(re);
    for (const ch of [...'（张辉）。，, a1·《》+＋\u3000', '\ud842', '\udfb7']) expect(isEdge(ch.charCodeAt(0)), JSON.stringify(ch)).to.equal(re.test(ch));
    expect(isEdge('）'.charCodeAt(0))).to.equal(true);
    expect(isEdge('张'.charCodeAt(0))).to.equal(false);
  });

  it('stop a backward scan at its floor, giving one before the floor when nothing passes', () => {
    const comma = text.indexOf('，');
    expect(lastIndexWhere(text, codeSet('，'), text.length, comma)).to.equal(comma);
    expect(lastIndexWhere(text, codeSet('，'), text.length, comma + 3)).to.equal(comma + 2);
    expect(lastIndexWhere(text, codeSet('，'), comma - 1, 3)).to.equal(2);
    expect(codeSet('，')('，'.charCodeAt(0))).to.equal(true);
    expect(codeSet('，')(','.charCodeAt(0))).to.equal(false);
  });
});

describe('display width (chars.ts)', () => {
  it('counts as iterating the characters would: ASCII a half, Han, full-width forms and surrogate pairs 1', () => {
    const byCharacters = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
    for (const s of ['', 'abc', '许昌市 2024年', '（记者 张三）', '𠀀𠀁a', 'a\ud800b', '\udc00\ud800', '\ud800']) {
      expect(displayWidth(s), s).to.equal(byCharacters(s));
    }
    expect(displayWidth('𠀀a')).to.equal(1.5);
  });
});
