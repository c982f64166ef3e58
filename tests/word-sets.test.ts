import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { markLexicon } from '../src/extract/ner/lexicon-marks.js';
import { WordIndex } from '../src/extract/lexicon/word-index.js';
import { WordSets } from '../src/extract/lexicon/word-sets.js';
import { WordScan } from '../src/extract/lexicon/word-scan.js';
import { lexicon } from '../src/extract/lexicon/index.js';
import { occurrences } from '../src/extract/recognize/occurrences.js';
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

  it('give at every position at once what longestAt gives one position at a time, over a buffer left dirty', () => {
    const text = readFileSync(DEFAULT_SAMPLE, 'utf8').slice(0, 3000);
    const { all } = markLexicon();
    const lists = all.lists.length;
    const each = new Uint8Array(text.length * lists).fill(7);
    all.longestEach(text, each);
    const one = new Uint8Array(lists);
    for (let i = 0; i < text.length; i++) {
      all.longestAt(text, i, one, 0);
      expect([...each.subarray(i * lists, (i + 1) * lists)], `at ${i}`).to.deep.equal([...one]);
    }
    expect(each.some((n) => n > 1)).to.equal(true);
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

describe('word scan (many words found in one pass)', () => {
  const text = readFileSync(DEFAULT_SAMPLE, 'utf8');
  const loop = (words: readonly string[], overlapping: boolean) => words.flatMap((w, word) => occurrences(text, w, overlapping).map((at) => ({ word, at })));

  it('finds on a real page what a loop over the words and their occurrences finds, in that order', () => {
    const lists = [[...lexicon().orgBodies.keys()], lexicon().orgSuffixes.map((s) => s.suffix), lexicon().venueSuffixes];
    for (const words of lists) {
      for (const overlapping of [false, true]) {
        const found = new WordScan(words).occurrences(text, overlapping);
        expect(found).to.deep.equal(loop(words, overlapping));
        expect(found.length).to.be.greaterThan(5);
      }
    }
  });

  it('leaves out a match inside the same word\'s previous one unless asked for overlaps, and visits a word listed twice twice', () => {
    const scan = new WordScan(['哈哈', '哈', '哈哈']);
    expect(scan.occurrences('哈哈哈').map((m) => `${m.word}@${m.at}`)).to.deep.equal(['0@0', '1@0', '1@1', '1@2', '2@0']);
    expect(scan.occurrences('哈哈哈', true).map((m) => `${m.word}@${m.at}`)).to.deep.equal(['0@0', '0@1', '1@0', '1@1', '1@2', '2@0', '2@1']);
  });
});
