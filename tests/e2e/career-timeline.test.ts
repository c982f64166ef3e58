/**
 * The career timeline of a person's panel (viz/src/career-timeline.ts), in headless Chromium, on the
 * careers' own sentences (tests/fixtures/career-sentences: invented officials of one county over six
 * years) in an embedded store: 郑明远's four posts as bars coloured by rank with their legend, his
 * four changes (an appointment and a removal read from their sentences) and his meetings on the same axis, each opening its evidence and its article, by
 * pointer and by keyboard; the posts' table below the chart.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DocumentFacts } from '../../src/graph/model.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { ingestFiles } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';
import type { GraphStore } from '../../src/store/store.js';
import { chromiumFor, hook, shot, viewStore, type Viewing } from './viewer-page.js';

const FIXTURE = join(PACKAGE_ROOT, 'tests', 'fixtures', 'career-sentences', 'articles.jsonl');

/** Relative luminance of #rrggbb (WCAG): a higher rank's colour must be darker. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A person whose post, organization, event and sentences are HTML: the chart must show them as text. */
const HOSTILE = { person: '<img src=x onerror="window.__xss=11">', org: '<img src=x onerror="window.__xss=12">局', title: '<b onmouseover="window.__xss=13">局长</b>', event: '<script>window.__xss=14</script>会议' };
function hostileCareer(): DocumentFacts {
  const article = 'hostile-career.jsonl#1';
  const person = `${HOSTILE.person}@?`;
  const sentence = `<script>window.__xss=15</script>${HOSTILE.person}出席会议。`;
  const event = `?|2021-05-01|${HOSTILE.event}`;
  return {
    document: 'hostile-career.jsonl',
    hash: 'hostile-career-v1',
    nodes: [
      { label: 'Article', props: { id: article, document: 'hostile-career.jsonl', form: 'article', headline: '<b onmouseover="window.__xss=16">标题</b>', date: '2021-05-01', home: null } },
      { label: 'Person', props: { id: person, name: HOSTILE.person, region: null, resolution: 'name-only' } },
      { label: 'Organization', props: { id: HOSTILE.org, name: HOSTILE.org } },
      { label: 'Event', props: { id: event, name: HOSTILE.event, type: 'meeting', date: '2021-05-01', dates: ['2021-05-01'], region: null } },
    ],
    relationships: [
      { type: 'HOLDS', from: { label: 'Person', id: person }, to: { label: 'Organization', id: HOSTILE.org }, props: { article, sentence, date: '2021-05-01', title: HOSTILE.title, rank: null, act: null } },
      { type: 'PARTICIPATED_IN', from: { label: 'Person', id: person }, to: { label: 'Event', id: event }, props: { article, sentence, date: '2021-05-01', roles: ['attended'], evidence: [sentence] } },
    ],
  };
}

describe("the career timeline of a person's panel (headless Chromium)", function () {
  this.timeout(240_000);
  let browser: Browser;
  let store: GraphStore;
  let viewing: Viewing;
  let dir: string;
  let page: Page;

  before(async function () {
    browser = await chromiumFor(this);
    dir = mkdtempSync(join(tmpdir(), 'guanxi-career-timeline-'));
    store = await openStore({ snapshot: join(dir, 'g.db') }, 'ingest');
    await ingestFiles([FIXTURE], store);
    await store.write([hostileCareer()]);
    viewing = await viewStore(browser, store);
    page = viewing.page;
    const [hit] = (await (await fetch(`${viewing.server.url}api/search?q=${encodeURIComponent('郑明远')}&kind=Person&limit=1`)).json()) as { key: string }[];
    await page.setViewportSize({ width: 1280, height: 800 });
    await hook(page, `g.store.set({ selected: ${JSON.stringify(hit.key)} })`);
    await page.locator('#panel .career-chart').waitFor();
  });
  after(async () => {
    await viewing?.close();
    await browser?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const chart = () => page.locator('#panel .career-chart');

  it('draws his four posts as bars, oldest first, each in the colour its rank has in the legend', async () => {
    const posts = chart().locator('[data-item=post]');
    expect(await posts.count()).to.equal(4);
    const labels = await posts.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')!));
    expect(labels.map((l) => l.split(',')[0])).to.deep.equal(['Post 县长 · 襄城县人民政府', 'Post 副书记 · 中共襄城县委', 'Post 副市长 · 许昌市人民政府', 'Post 局长 · 许昌市公安局']);
    const bars = await chart()
      .locator('rect.career-bar')
      .evaluateAll((rs) => rs.map((r) => ({ rank: r.getAttribute('data-rank')!, fill: r.getAttribute('fill')!, width: Number(r.getAttribute('width')) })));
    expect(bars.map((b) => b.rank)).to.deep.equal(['正处级', '副处级', '副厅级', '正处级']);
    const legend = await page
      .locator('#panel .career-legend li[data-rank]')
      .evaluateAll((lis) => lis.map((li) => ({ rank: li.getAttribute('data-rank')!, fill: li.querySelector('rect')!.getAttribute('fill')!, text: li.textContent })));
    expect(legend.map((l) => l.rank), 'legend, highest rank first').to.deep.equal(['副厅级', '正处级', '副处级']);
    for (const bar of bars) expect(bar.fill, bar.rank).to.equal(legend.find((l) => l.rank === bar.rank)!.fill);
    const [high, middle, low] = legend.map((l) => luminance(l.fill));
    expect(high).to.be.lessThan(middle);
    expect(middle).to.be.lessThan(low);
    // 县长 is seen on two days a year apart, 副书记 on one: a long bar and a tick.
    expect(bars[0].width).to.be.greaterThan(4 * bars[1].width);
  });

  it('marks the four changes (concurrent, appointed, concurrent, removed) and his meetings on the same axis', async () => {
    const changes = await chart()
      .locator('[data-item=change] text')
      .evaluateAll((ts) => ts.map((t) => [t.getAttribute('data-change'), t.textContent]));
    expect(changes).to.deep.equal([
      ['concurrent', '+'],
      ['appointed', '●'],
      ['concurrent', '+'],
      ['removed', '✕'],
    ]);
    expect(await chart().locator('[data-item=meeting] circle').count()).to.equal(4);
    const legend = await page.locator('#panel .career-legend li[data-change]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-change'), li.querySelector('text')!.getAttribute('fill'), li.textContent]));
    const marks = await chart()
      .locator('[data-item=change] text')
      .evaluateAll((ts) => ts.map((t) => [t.getAttribute('data-change'), t.getAttribute('fill')]));
    expect(legend.map(([kind, , text]) => [kind, text])).to.deep.equal([
      ['concurrent', '+concurrent 兼任'],
      ['appointed', '●appointed 任命'],
      ['removed', '✕removed 免职'],
    ]);
    for (const [kind, fill] of marks) expect(fill, kind!).to.equal(legend.find(([k]) => k === kind)![1]);
    // One axis: the appointment as 副市长 sits where the 副市长 bar begins, the removal where it ends.
    const appointed = Number(await chart().locator('text[data-change=appointed]').getAttribute('x'));
    const removed = Number(await chart().locator('text[data-change=removed]').getAttribute('x'));
    const bar = chart().locator('[data-item=post][aria-label^="Post 副市长"] rect.career-bar');
    const [x, width] = [Number(await bar.getAttribute('x')), Number(await bar.getAttribute('width'))];
    expect(appointed).to.be.closeTo(x, 0.01);
    expect(removed).to.be.closeTo(x + width, 0.5);
  });

  it('lists the posts in a table with rank, dates and how each began', async () => {
    const rows = await page.locator('#panel .career-table tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    expect(rows).to.deep.equal([
      ['县长 · 襄城县人民政府', '正处级', '2015-03-10 – 2016-06-20', '—'],
      ['副书记 · 中共襄城县委', '副处级', '2016-06-20', 'concurrent 兼任 (after 县长 · 襄城县人民政府)'],
      ['副市长 · 许昌市人民政府', '副厅级', '2017-09-28 – 2020-05-08', 'appointed 任命 (after 县长 · 襄城县人民政府); removed 2020-05-08'],
      ['局长 · 许昌市公安局', '正处级', '2019-03-01', 'concurrent 兼任 (after 副市长 · 许昌市人民政府)'],
    ]);
  });

  it('opens a change and a meeting from the keyboard, each with its sentence', async () => {
    const appointed = chart().locator('[data-item=change]').nth(1);
    expect(await appointed.getAttribute('aria-label')).to.equal('Change: appointed 任命, 2017-09-28: 县长 · 襄城县人民政府 → 副市长 · 许昌市人民政府');
    expect(await appointed.getAttribute('tabindex')).to.equal('0');
    await appointed.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel .career-evidence blockquote.evidence p').innerText()).to.include('任命郑明远为');
    // Tab moves on to the next item of the chart: the second concurrent change.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.locator('#panel .career-evidence blockquote.evidence p').innerText()).to.equal('副市长、市公安局局长郑明远出席会议并讲话。');
    const meeting = chart().locator('[data-item=meeting]').nth(2);
    await meeting.focus();
    await page.keyboard.press(' ');
    expect(await page.locator('#panel .career-evidence').innerText()).to.include('全市农业工作会议');
    expect(await page.locator('#panel .career-evidence blockquote.evidence p').innerText()).to.equal('市委常委高志强、副市长郑明远出席会议并讲话。');
  });

  it('shows the 副市长 bar\'s appointment sentence on a click, and opens it in its article', async () => {
    await chart().locator('[data-item=post][aria-label^="Post 副市长"]').click();
    const sentence = page.locator('#panel .career-evidence blockquote.evidence p');
    expect(await sentence.innerText()).to.equal('会议决定任命郑明远为许昌市人民政府副市长。');
    expect(await sentence.locator('mark.mention').innerText()).to.equal('郑明远');
    expect(await page.locator('#panel .career-evidence-heading').innerText()).to.include('副厅级');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#panel .career-slot').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'career-timeline');
    await page.setViewportSize({ width: 800, height: 600 });
    await page.locator('#panel .career-slot').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'career-timeline-800x600');
    const opener = page.locator('#panel .career-evidence footer button');
    expect(await opener.innerText()).to.equal('许昌市人大常委会举行会议');
    await opener.click();
    await page.locator('#panel .kind-chip.kind-Article').waitFor();
    expect(await page.locator('#panel .article-text mark.evidence-sentence').innerText()).to.equal('会议决定任命郑明远为许昌市人民政府副市长。');
    expect(await hook(page, 'g.store.get().evidence.article')).to.match(/articles\.jsonl#c3$/);
    expect(viewing.errors, 'errors in the page').to.deep.equal([]);
  });

  it('shows a career made of HTML as text, running nothing', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await hook(page, `g.store.set({ selected: ${JSON.stringify(`Person:${HOSTILE.person}@?`)} })`);
    const post = page.locator('#panel .career-chart [data-item=post]');
    await post.waitFor();
    expect(await post.getAttribute('aria-label')).to.equal(`Post ${HOSTILE.title} · ${HOSTILE.org}, rank unknown, 2021-05-01`);
    expect(await page.locator('#panel .career-legend li[data-rank]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rank')))).to.deep.equal(['unknown']);
    await post.click();
    await page.locator('#panel .career-chart [data-item=meeting]').click();
    const career = page.locator('#panel .career');
    expect(await career.innerText()).to.include(HOSTILE.event).and.include('<script>window.__xss=15</script>');
    expect(await career.locator('img, script, b, foreignObject').count()).to.equal(0);
    await page.locator('#panel .career-evidence footer button').hover();
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).to.equal(undefined);
  });
});
