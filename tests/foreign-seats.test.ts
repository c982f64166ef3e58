import { expect } from 'chai';
import { extractDocument } from '../src/extract/pipeline.js';
import { findForeignSeats } from '../src/extract/recognize/foreign-seats.js';

const seats = (text: string) => findForeignSeats(text).map((p) => `${p.text}@${p.start}`);

describe('findForeignSeats', () => {
  it('reads a name between a country and a level character, and each later mention of it', () => {
    expect(seats('日本松江市市长来访，松江市代表团参观了工厂。')).to.deep.equal(['松江市@2', '松江市@10']);
    expect(seats('美国俄亥俄州州长出席。')).to.deep.equal(['俄亥俄州@2']);
  });

  it('reads a foreign city the world list knows with its level character', () => {
    expect(seats('旧金山市长来访。')).to.deep.equal(['旧金山市@0']);
  });

  it('reads no market, no phrase, no division of China and no longer country cut short', () => {
    expect(seats('美国股市大跌，日本汇市平稳。')).to.deep.equal([]);
    expect(seats('日本企业在本市投资。')).to.deep.equal([]);
    expect(seats('中国上海市代表团出访。')).to.deep.equal([]);
    expect(seats('印度尼西亚汇市走低。')).to.deep.equal([]);
    expect(seats('美国城市发展迅速，韩国市场活跃。')).to.deep.equal([]);
  });

  it("gives a foreign mayor his city's government, not the home's", () => {
    const doc = { path: 'r.jsonl', name: 'r.jsonl', format: 'jsonl' as const, encoding: 'UTF-8', units: [{ kind: 'record' as const, line: 1, source: '襄阳日报', title: '标题', text: '5日，市长王明会见了以日本松江市市长田中一郎为团长的代表团。' }] };
    const a = extractDocument(doc).articles[0];
    expect(a.persons.find((p) => p.name === '王明')?.titles).to.deep.include({ title: '市长', organization: '襄阳市人民政府' });
    expect(a.persons.find((p) => p.name === '田中一郎')?.titles).to.deep.include({ title: '市长', organization: '松江市政府' });
    expect(a.places.map((p) => p.name)).to.include('松江市');
  });
});
