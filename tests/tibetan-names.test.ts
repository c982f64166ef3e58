import { expect } from 'chai';
import { isTibetanName, isTibetanNameAt } from '../src/extract/recognize/name-model.js';

describe('Tibetan names read in place (name-model.ts)', () => {
  // Names made of parts that data/lang/minority-name-parts.txt lists, inside Han text.
  const text = '县长扎西次仁和格桑多吉、旺堆平措一起看望了张明。';

  it('reads every span of a text as isTibetanName reads its substring', () => {
    let found = 0;
    for (let start = 0; start < text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        const alone = isTibetanName(text.slice(start, end));
        expect(isTibetanNameAt(text, start, end), `${start}-${end}`).to.equal(alone);
        if (alone) found++;
      }
    }
    expect(found).to.be.greaterThanOrEqual(3);
  });

  it('takes two or three parts of four to seven characters, and no Han name', () => {
    expect(isTibetanNameAt(text, 2, 6)).to.equal(true);
    expect(isTibetanNameAt(text, 2, 4)).to.equal(false);
    expect(isTibetanNameAt(text, text.indexOf('张明'), text.indexOf('张明') + 2)).to.equal(false);
  });
});
