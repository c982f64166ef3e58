/**
 * Who met whom from shared events, and date ranges that honour a date's precision: on participation
 * rows written here, and on the sample page's graph.
 */
import { expect } from 'chai';
import { addDays, dateWithin, DateRangeError, OPEN_RANGE, parseDateRange } from '../src/graph/date-range.js';
import { graphParticipations, meetings, newestPeriod, type Participation } from '../src/graph/meetings.js';
import type { Role } from '../src/graph/model.js';
import { timeline } from '../src/graph/timeline.js';
import { sampleEmbedded } from './viewer-fixtures.js';

const row = (person: string, event: string, date: string | null, ...roles: Role[]): Participation => ({
  person: `Person:${person}@甲市`,
  personLabel: person,
  personDetail: '甲市',
  event: `Event:${event}`,
  eventLabel: event,
  eventDate: date,
  roles,
});

const ROWS = [
  row('钱一', '调研', '2024-03-05', 'led'),
  row('孙二', '调研', '2024-03-05', 'accompanied'),
  row('李三', '调研', '2024-03-05', 'accompanied'),
  row('钱一', '座谈会', '2024-03-09', 'presided', 'spoke'),
  row('孙二', '座谈会', '2024-03-09', 'attended'),
  row('周四', '年会', '2024', 'attended'),
  row('钱一', '年会', '2024', 'spoke'),
  row('吴五', '独自考察', '2024-03-10', 'led'),
];

describe('date ranges', () => {
  it('accepts a year, a month or a day, and refuses what the calendar has not', () => {
    expect(parseDateRange('2024', '2024-03-09')).to.deep.equal({ from: '2024', to: '2024-03-09' });
    expect(parseDateRange(' ', null)).to.deep.equal(OPEN_RANGE);
    expect(() => parseDateRange('2023-02-30', null)).to.throw(DateRangeError, /no day 30/);
    expect(() => parseDateRange('2024-13', null)).to.throw(DateRangeError, /no month 13/);
    expect(() => parseDateRange('3月5日', null)).to.throw(DateRangeError, /not a date/);
    expect(() => parseDateRange('2024-03-10', '2024-03-01')).to.throw(DateRangeError, /ends \(2024-03-01\) before it starts/);
    expect(parseDateRange('2024-02-29', '2024-02')).to.deep.equal({ from: '2024-02-29', to: '2024-02' });
  });

  it('keeps a fact only when all of its date lies in the range', () => {
    const day = parseDateRange('2024-03-05', '2024-03-05');
    expect(dateWithin('2024-03-05', day)).to.equal(true);
    expect(dateWithin('2024', day), 'a year-only fact is not on every day').to.equal(false);
    expect(dateWithin('2024-03', day)).to.equal(false);
    expect(dateWithin('2024-03', parseDateRange('2024-03', '2024-04-15'))).to.equal(true);
    expect(dateWithin('2024', parseDateRange('2024-01-01', '2024-12-31'))).to.equal(true);
    expect(dateWithin(null, day)).to.equal(false);
    expect(dateWithin(null, OPEN_RANGE)).to.equal(true);
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
  });
});

describe('who met whom', () => {
  it('joins the people of each event, weighs pairs by shared events and keeps each side’s roles', () => {
    const m = meetings(ROWS, { period: parseDateRange('2024-03', '2024-03'), limit: 10 });
    const names = m.persons.map((p) => p.label);
    expect(names.slice(0, 2).sort()).to.deep.equal(['孙二', '钱一']);
    expect(names).to.not.include('周四'); // the year-only 年会 is not in March
    const pair = (a: string, b: string) => m.pairs.find((p) => [m.persons[p.a].label, m.persons[p.b].label].sort().join() === [a, b].sort().join());
    const qs = pair('钱一', '孙二')!;
    expect(qs.weight).to.equal(2);
    const 钱一First = m.persons[qs.a].label === '钱一';
    const roles = 钱一First ? qs.roles : [qs.roles[1], qs.roles[0]];
    expect(roles).to.deep.equal([{ led: 1, presided: 1, spoke: 1 }, { accompanied: 1, attended: 1 }]);
    expect(qs.events.map((e) => e.label)).to.deep.equal(['座谈会', '调研']);
    expect(钱一First ? qs.events[1].roles : [...qs.events[1].roles].reverse()).to.deep.equal([['led'], ['accompanied']]);
    expect(pair('孙二', '李三')!.weight).to.equal(1);
    expect(m.pairs.some((p) => m.persons[p.a].label === '吴五' || m.persons[p.b].label === '吴五')).to.equal(false);
    expect(m.totalPersons).to.equal(4);
  });

  it('counts only participations in the roles asked for', () => {
    const m = meetings(ROWS, { period: OPEN_RANGE, limit: 10, roles: new Set<Role>(['led', 'accompanied']) });
    expect(m.persons.map((p) => p.label).sort()).to.deep.equal(['吴五', '孙二', '李三', '钱一'].sort());
    expect(m.pairs.every((p) => p.events.every((e) => e.label === '调研'))).to.equal(true);
  });

  it('shows the most active first, within the limit', () => {
    const m = meetings(ROWS, { period: OPEN_RANGE, limit: 2 });
    expect(m.persons.map((p) => p.label)).to.deep.equal(['钱一', '孙二']);
    expect(m.pairs).to.have.length(1);
  });

  it('centres on a person: those who met them, at their events only', () => {
    const m = meetings(ROWS, { period: OPEN_RANGE, limit: 10, around: 'Person:李三@甲市' });
    expect(m.around).to.equal('Person:李三@甲市');
    expect(m.persons.map((p) => p.label)).to.deep.equal(['李三', '孙二', '钱一']);
    // 钱一 and 孙二 met at 座谈会 too, but the view is 李三's: only 调研 counts.
    expect(m.pairs.every((p) => p.weight === 1)).to.equal(true);
    expect(meetings(ROWS, { period: OPEN_RANGE, limit: 10, around: 'Person:nobody@?' }).persons).to.deep.equal([]);
  });

  it('opens on the newest month of events', () => {
    expect(newestPeriod([['2024-03-01', 3], ['2024-03-10', 2]])).to.deep.equal({ from: '2024-02-09', to: '2024-03-10' });
    expect(newestPeriod([])).to.deep.equal(OPEN_RANGE);
    // A lone event years ahead (a plan an article names) does not make an empty month the newest.
    const busy: [string, number][] = [['1998-01-05', 40], ['1998-01-20', 50], ['1998-02-02', 3], ['2001-01-18', 1]];
    expect(newestPeriod(busy)).to.deep.equal({ from: '1998-01-03', to: '1998-02-02' });
    expect(timeline([['2024-03-05', 2], ['2024', 1], [null, 4], ['2024-03-01', 1]])).to.deep.equal({ days: [['2024-03-01', 1], ['2024-03-05', 2]], coarse: 1, undated: 4 });
  });

  it('on the sample page: 张飞 met the officials of the 政法 meeting (he is the only one named at the other)', async () => {
    const store = await sampleEmbedded('snapshot');
    const graph = await store.graph();
    await store.close();
    const m = meetings(graphParticipations(graph), { period: OPEN_RANGE, limit: 50, around: 'Person:张飞@许昌市' });
    expect(m.persons[0].label).to.equal('张飞');
    expect(m.persons.length).to.be.greaterThan(3);
    const events = new Set(m.pairs.flatMap((p) => p.events.map((e) => e.label)));
    expect([...events]).to.deep.equal(['市委政法工作会议']);
    expect(m.persons.map((p) => p.label).sort()).to.deep.equal(['周志刚', '张飞', '汤超', '赵艺林'].sort());
    expect(m.persons[0].events).to.equal(2);
  });
});
