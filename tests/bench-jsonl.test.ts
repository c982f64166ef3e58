import { expect } from 'chai';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import { pfrJsonlRecord } from '../bench/whole-process.js';

/** Two invented PFR articles: one of three paragraphs, one of a single paragraph. */
const PFR = [
  '19980103-02-004-001/m  新华社/nt  北京/ns  电/n  ',
  '19980103-02-004-002/m  [国务院/nt  办公厅/n]nt  发出/v  通知/n  。/w  ',
  '19980103-02-004-003/m  会议/n  在/p  京/j  举行/v  。/w  ',
  '19980103-02-005-001/m  图片/n  新闻/n  ',
].join('\n');

describe('bench: the PFR corpus as JSON Lines records', () => {
  it('has the shape of pfr_jsonl.py: first paragraph the title, the rest the text', () => {
    const [a, b] = [...iteratePfrArticles(PFR)].map(pfrJsonlRecord);
    expect(a).to.deep.equal({
      id: '19980103-02-004',
      title: '新华社北京电',
      date: '1998-01-03',
      source: '人民日报',
      text: '国务院办公厅发出通知。\n会议在京举行。',
    });
    expect(Object.keys(a)).to.deep.equal(['id', 'title', 'date', 'source', 'text']);
    expect(b).to.include({ title: '图片新闻', text: '图片新闻' });
  });
});
