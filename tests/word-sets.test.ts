import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { markLexicon } from '../src/extract/ner/lexicon-marks.js';
import { WordIndex } from '../src/extract/lexicon/word-index.js';
import { WordSets } from '../src/extract/lexicon/word-sets.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';

describe('word sets (several word lists walked at once)', () => {
  it('find at every position of a real page what each list finds on its own', () => {
    const text = readFileSync(DEFAULT_SAMPLE, 'utf8');
    const { all } = markLexicon();
    const out = new Uint8Array(all.lists.length);
    let found = 0;
    for (let i = 0; i <= text.length; i++) {
      all.longestAt(text, i, out, 0);
      const each = all.lists.map((list) => list.longestAt(text, i));
      expect([...out], `at ${i}`).to.deep.equal(each);
      found += each.filter((n) => n > 0).length;
    }
    expect(found).to.be.greaterThan(1000);
  });

  it('give a word that is in two lists to both, and a prefix of a longer word only where it is one', () => {
    const places = new WordIndex<number>();
    places.add('河南', 1);
    places.add('河南省', 2);
    const words = WordIndex.of(['南省', '河南']);
    const sets = new WordSets([places, words]);
    const out = new Uint8Array(2);
    sets.longestAt('去河南省郑州', 1, out, 0);
    expect([...out]).to.deep.equal([3, 2]);
    sets.longestAt('去河南省郑州', 2, out, 0);
    expect([...out]).to.deep.equal([0, 2]);
    sets.longestAt('去河北', 1, out, 0);
    expect([...out]).to.deep.equal([0, 0]);
  });
});
