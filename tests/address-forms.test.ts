/**
 * Forms of address: a surname and a post that stand for a person the article names in full. On
 * sentences written here.
 */
import { expect } from 'chai';
import { extractDocument } from '../src/extract/pipeline.js';
import type { ArticleOut } from '../src/extract/types.js';
import type { SourceDocument } from '../src/ingest/types.js';

function extract(text: string): ArticleOut {
  const doc: SourceDocument = { path: 't.txt', name: 't.txt', format: 'page', encoding: 'UTF-8', units: [{ kind: 'page', text }] };
  return extractDocument(doc, { home: '许昌', date: '2023-02-18' }).articles[0];
}
const spansOf = (a: ArticleOut, name: string) => a.persons.find((p) => p.name === name)?.spans.map((s) => [s.text, s.start]) ?? [];

describe('forms of address', () => {
  it('reads 柳书记 as the 柳某 the article names, with its span as written', () => {
    const text = '本报讯 2月17日，市委书记柳明远主持召开全市工作会议。会上，柳书记就做好今年工作提出要求。';
    const a = extract(text);
    // Offsets are into the article's text (the page's, normalized).
    expect(spansOf(a, '柳明远')).to.deep.equal([
      ['柳明远', a.text.indexOf('柳明远')],
      ['柳', a.text.indexOf('柳书记')],
    ]);
    expect(a.persons.map((p) => p.name)).to.not.include('柳');
  });

  it('gives the address form its part in the event (柳市长 spoke)', () => {
    const text = '本报讯 2月17日，副市长柳明远出席全市安全生产工作会议。柳市长在讲话中强调，要压实责任。';
    const a = extract(text);
    const p = a.events.flatMap((e) => e.participants).find((x) => x.name === '柳明远');
    expect(p?.roles).to.include.members(['attended', 'spoke']);
  });

  it('links nobody when two persons share the surname, or the surname ends a common word', () => {
    const two = extract('本报讯 2月17日，市委书记柳明远、市长柳青山出席会议。柳书记指出，要抓好落实。');
    expect(spansOf(two, '柳明远').map(([t]) => t)).to.deep.equal(['柳明远']);
    const word = extract('本报讯 2月17日，副市长于光华出席会议。会议听取了关于市长热线办理情况的汇报。');
    expect(spansOf(word, '于光华').map(([t]) => t)).to.deep.equal(['于光华']);
  });
});
