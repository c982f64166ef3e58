/**
 * Who met whom and the time slider, end to end in headless Chromium: on the sample page and three
 * training days of the People's Daily in the embedded store. A graph larger than the full graph's
 * overview opens on who met whom; the pair panel gives both sides' roles at each shared event; a
 * search centres the view; "add whom they met" grows it and Back undoes it; typed dates are checked;
 * the slider and playback move the period.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pfrJsonlRecord } from '../../bench/whole-process.js';
import { iteratePfrArticles } from '../../src/corpus/pfr.js';
import { DEFAULT_SAMPLE, PACKAGE_ROOT } from '../../src/paths.js';
import { ingestFiles } from '../../src/store/ingest.js';
import { SqliteGraphStore } from '../../src/store/sqlite-store.js';
import type { MeetingsStatus } from '../../viz/src/meetings-view.js';
import { chromiumFor, hook, shot, until, viewStore, type Viewing } from './viewer-page.js';

const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'pfr-199801.txt');
const ZHANG_FEI = 'Person:张飞@许昌市';

/** The sample page and, when the corpus is beside us, days 1–3 of January 1998 (training days). */
async function storeWithDays(): Promise<SqliteGraphStore> {
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-meetings-'));
  const files = [DEFAULT_SAMPLE];
  if (existsSync(CORPUS)) {
    const records = [...iteratePfrArticles(readFileSync(CORPUS, 'utf8'), { days: [1, 3] })].map((a) => JSON.stringify(pfrJsonlRecord(a)));
    writeFileSync(join(dir, 'days.jsonl'), records.join('\n') + '\n');
    files.push(join(dir, 'days.jsonl'));
  }
  const store = SqliteGraphStore.open(join(dir, 'graph.db'));
  await ingestFiles(files, store);
  return store;
}

const status = (page: Page) => hook<MeetingsStatus | null>(page, 'g.meetings.status()');
/** Waits for who met whom to have drawn a period (and the bar to say so). */
const drawn = (page: Page, test: string) => until(page, `g.meetings.status() !== null && (${test})`);

describe('who met whom in headless Chromium', function () {
  this.timeout(240_000);
  let browser: Browser;
  let store: SqliteGraphStore;

  before(async function () {
    browser = await chromiumFor(this);
    store = await storeWithDays();
  });
  after(async () => {
    await browser?.close();
    await store?.close();
  });

  describe('a graph larger than the overview', () => {
    let viewing: Viewing;
    let page: Page;
    before(async function () {
      if (!browser) return this.skip();
      // An overview of 200 nodes makes this graph "large": the viewer must not open on its full picture.
      viewing = await viewStore(browser, store, '', { overviewNodes: 200 });
      ({ page } = viewing);
    });
    after(async () => viewing?.close());
    /** The last day of January 1998 with events, from the timeline. */
    const newestBusyDay = async () => {
      const { days } = (await (await fetch(`${viewing.server.url}api/timeline`)).json()) as { days: [string, number][] };
      return days.filter(([d]) => d.startsWith('1998-01')).at(-1)![0];
    };

    it('opens on who met whom of the newest busy month, every person labelled, without loading the full graph', async () => {
      expect(await hook<string>(page, 'g.store.get().view')).to.equal('meetings');
      expect(await hook<unknown>(page, 'g.graph')).to.equal(null);
      const s = (await status(page))!;
      // With January 1998's three days beside the sample page's eight events, those days are the busy month.
      expect(s.period.to).to.equal(existsSync(CORPUS) ? await newestBusyDay() : '2023-02-19');
      expect(Date.parse(s.period.to!) - Date.parse(s.period.from!)).to.equal(30 * 86_400_000);
      expect(s.persons).to.be.greaterThan(3);
      const labelled = await hook<number>(page, 'g.meetings.graph.nodes().filter((k) => g.meetings.sigma.getNodeDisplayData(k) && g.meetings.sigma.getNodeDisplayData(k).label).length');
      expect(labelled).to.equal(s.persons);
      expect(await page.locator('#meetings-status').innerText()).to.match(new RegExp(`^Who met whom, ${s.period.from} – ${s.period.to}: the most active people`));
      expect(await page.locator('#view-meetings').getAttribute('aria-selected')).to.equal('true');
      await shot(page, 'meetings-newest');
    });

    it('switches to the full graph and back', async () => {
      await page.click('#view-graph');
      await until(page, "g.graph !== null && g.layout !== 'loading' && g.layout !== 'running'", 60_000);
      expect(await page.locator('#graph').isVisible()).to.equal(true);
      expect(await page.locator('#meetings').isVisible()).to.equal(false);
      await until(page, `location.href.includes('v=graph')`);
      await page.click('#view-meetings');
      expect(await page.locator('#meetings').isVisible()).to.equal(true);
    });
  });

  describe('on the sample page and three days of January 1998', () => {
    let viewing: Viewing;
    let page: Page;
    before(async function () {
      if (!browser) return this.skip();
      viewing = await viewStore(browser, store, '#v=meetings&from=2023-02&to=2023-02');
      ({ page } = viewing);
    });
    after(async () => viewing?.close());

    it("opens a pair's shared events with both sides' roles, and an event's panel from there", async () => {
      await drawn(page, `g.meetings.graph.hasNode(${JSON.stringify(ZHANG_FEI)})`);
      const pair = await hook<[string, string]>(page, `g.meetings.graph.getEdgeAttribute(g.meetings.graph.edges(${JSON.stringify(ZHANG_FEI)})[0], 'ends')`);
      await hook(page, `g.store.set({ pair: ${JSON.stringify(pair)}, selected: null })`);
      const panel = page.locator('#panel');
      await panel.locator('h2').waitFor();
      expect(await panel.locator('h2').innerText()).to.contain('张飞');
      expect(await panel.innerText()).to.contain('市委政法工作会议');
      expect(await panel.locator('.pair-roles').first().innerText()).to.match(/attended 出席/);
      await shot(page, 'meetings-pair');
      await panel.getByRole('button', { name: '市委政法工作会议' }).click();
      await until(page, `g.store.get().selected !== null && g.store.get().selected.startsWith('Event:')`);
      await panel.locator('.role-group').first().waitFor();
      expect(await panel.innerText()).to.contain('张飞');
    });

    it('centres on a person found by search, then grows the view and goes back', async () => {
      if (!existsSync(CORPUS)) return;
      await hook(page, 'g.store.set({ from: null, to: null })');
      await page.fill('#search', '');
      await page.locator('#search').pressSequentially('江泽民', { delay: 30 });
      await page.locator('#search + .suggestions li').first().waitFor();
      const key = await page.locator('#search + .suggestions li').first().getAttribute('data-key');
      await page.keyboard.press('Enter');
      await drawn(page, `g.meetings.status().around === ${JSON.stringify(key)}`);
      // Around a person the period is all time, and the centre comes first.
      const s = (await status(page))!;
      expect(s.period).to.deep.equal({ from: null, to: null });
      expect(await hook<string>(page, 'g.meetings.graph.nodes()[0]')).to.equal(key);
      expect(await hook<number>(page, `g.meetings.graph.degree(${JSON.stringify(key)})`)).to.equal(s.persons - 1);
      await until(page, `location.href.includes('around=')`);

      const other = await hook<string>(page, `g.meetings.graph.nodes().find((k) => k !== ${JSON.stringify(key)})`);
      const before = s.persons;
      await hook(page, `g.store.set({ selected: ${JSON.stringify(other)} })`);
      await page.locator('#panel').getByRole('button', { name: 'Add whom they met' }).click();
      await until(page, `g.meetings.status().added.length === 1`);
      expect((await status(page))!.persons).to.be.at.least(before);
      expect(await page.locator('#meetings-back').isVisible()).to.equal(true);
      await shot(page, 'meetings-expanded');
      await page.click('#meetings-back');
      await until(page, `g.meetings.status().added.length === 0`);
      expect((await status(page))!.persons).to.equal(before);
      await page.click('#meetings-clear');
      await drawn(page, 'g.meetings.status().around === null');
    });

    it("opens a fact's evidence in its article's text, the sentence and the mention marked", async () => {
      await hook(page, `g.store.set({ selected: ${JSON.stringify(ZHANG_FEI)}, pair: null })`);
      const panel = page.locator('#panel');
      await panel.locator('blockquote.evidence').first().waitFor();
      const sentence = await panel.locator('blockquote.evidence p').first().innerText();
      await panel.locator('blockquote.evidence footer button').first().click();
      await until(page, `g.store.get().selected !== null && g.store.get().selected.startsWith('Article:')`);
      const marked = panel.locator('.article-text mark.evidence-sentence');
      await marked.waitFor();
      expect(await marked.innerText()).to.equal(sentence);
      expect(await marked.locator('mark.mention').innerText()).to.equal('张飞');
      expect(await marked.isVisible()).to.equal(true);
      await shot(page, 'evidence-in-article');
    });

    it("lists in a journalist's panel the articles they wrote, and in an article's panel its byline", async () => {
      // 李新 signs two of the sample page's reports (本报讯（记者 李新）).
      const [writer] = (await (await fetch(`${viewing.server.url}api/search?q=${encodeURIComponent('李新')}&kind=Person&limit=1`)).json()) as { key: string }[];
      await hook(page, `g.store.set({ selected: ${JSON.stringify(writer.key)}, pair: null })`);
      const wrote = page.locator('#panel section', { has: page.locator('h3', { hasText: /^Wrote/ }) });
      await wrote.waitFor();
      expect(await wrote.locator('h3').innerText()).to.match(/Wrote \(2\)/i);
      await wrote.locator('button').first().click();
      const by = page.locator('#panel section', { has: page.locator('h3', { hasText: /^By$/i }) });
      await by.waitFor();
      expect(await by.innerText()).to.contain('李新');
    });

    it('checks typed dates: an impossible day and an inverted range say so and change nothing', async () => {
      await hook(page, 'g.store.set({ from: null, to: null })');
      const typed = async (id: string, value: string) => {
        await page.fill(id, value);
        await page.locator(id).dispatchEvent('change');
      };
      await typed('#date-from', '2023-02-30');
      expect(await page.locator('#date-message').innerText()).to.equal('2023-02-30: 2023-02 has no day 30');
      expect(await page.locator('#date-from').getAttribute('class')).to.contain('invalid');
      await typed('#date-from', '2023-03-01');
      expect(await page.locator('#date-message').innerText()).to.equal('');
      const before = await hook<[string | null, string | null]>(page, '[g.store.get().from, g.store.get().to]');
      expect(before).to.deep.equal(['2023-03-01', null]);
      await typed('#date-to', '2023-02-01');
      expect(await page.locator('#date-message').innerText()).to.match(/ends \(2023-02-01\) before it starts \(2023-03-01\)/);
      expect(await hook<[string | null, string | null]>(page, '[g.store.get().from, g.store.get().to]')).to.deep.equal(before);
      await typed('#date-from', '2023-02-17');
      await typed('#date-to', '2023-02-17');
      await drawn(page, `g.meetings.status().period.from === '2023-02-17' && g.meetings.status().period.to === '2023-02-17'`);
      expect(await page.locator('#date-message').innerText()).to.equal('');
      // 张飞's two meetings are on the 17th; the visit of the 18th–19th is not.
      const names = await hook<string[]>(page, `g.meetings.graph.nodes().map((k) => g.meetings.graph.getNodeAttribute(k, 'label'))`);
      expect(names).to.include('张飞');
      expect(names).to.not.include('吾尔叶提·吾守尔');
    });

    it('filters by roles in both views, kept in the URL', async () => {
      // Out of the date field typed in last: leaving it applies what it holds, as for any reader.
      await page.locator('#date-to').blur();
      await hook(page, `g.store.set({ around: null, selected: null, pair: null, from: '2023-02', to: '2023-02' })`);
      await drawn(page, `g.meetings.status().around === null && g.meetings.status().period.to === '2023-02'`);
      for (const role of ['attended', 'spoke', 'presided', 'organized']) await page.locator(`#roles input[data-role="${role}"]`).uncheck();
      await drawn(page, `g.store.get().roles !== null && g.store.get().roles.size === 2`);
      await until(page, `g.meetings.status().period.to === '2023-02'`);
      // Of the sample's month, only the visit was led and accompanied.
      const names = await hook<string[]>(page, `g.meetings.graph.nodes().map((k) => g.meetings.graph.getNodeAttribute(k, 'label')).sort()`);
      expect(names).to.deep.equal(['吾尔叶提·吾守尔', '李红霞', '王自合'].sort());
      await until(page, `location.href.includes('roles=led%2Caccompanied')`);
      await page.click('#view-graph');
      await until(page, "g.graph !== null && g.layout !== 'loading' && g.layout !== 'running'", 60_000);
      const persons = await hook<string[]>(page, `[...g.renderer.visibility().nodes].filter((k) => k.startsWith('Person:'))`);
      expect(persons).to.include('Person:吾尔叶提·吾守尔@哈密市');
      expect(persons).to.not.include(ZHANG_FEI);
      await page.locator('#roles input[data-role="spoke"]').check();
      await until(page, `[...g.renderer.visibility().nodes].includes(${JSON.stringify(ZHANG_FEI)})`);
      for (const role of ['attended', 'presided', 'organized']) await page.locator(`#roles input[data-role="${role}"]`).check();
      await until(page, 'g.store.get().roles === null');
      await page.click('#view-meetings');
    });

    it('moves the period with the slider and plays through time', async () => {
      if (!existsSync(CORPUS)) return;
      await page.click('#timeline-all');
      await drawn(page, 'g.store.get().from === null');
      const days = await hook<number>(page, `Number(document.getElementById('timeline-to').max) + 1`);
      expect(days).to.be.greaterThan(3);
      // The first three days with events: the handles set the range, and the label counts its events.
      await page.locator('#timeline-to').fill('2');
      await drawn(page, `g.store.get().to !== null && g.meetings.status().period.to === g.store.get().to`);
      const [from, to] = await hook<[string, string]>(page, '[g.store.get().from, g.store.get().to]');
      expect(from < to).to.equal(true);
      expect(await page.locator('#timeline-label').innerText()).to.match(/^\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d · \d+ events/);
      await shot(page, 'meetings-slider');
      await page.click('#timeline-play');
      expect(await hook<boolean>(page, 'g.timeline.playing()')).to.equal(true);
      const first = await hook<string>(page, 'g.store.get().from');
      await until(page, `g.store.get().from !== ${JSON.stringify(first)}`, 10_000);
      await page.click('#timeline-play');
      expect(await hook<boolean>(page, 'g.timeline.playing()')).to.equal(false);
      expect(viewing.errors).to.deep.equal([]);
    });

    it('filters a drag of the slider once a frame: at once, then at the handle\'s last position', async () => {
      if (!existsSync(CORPUS)) return;
      await page.locator('#timeline-to').fill('2');
      await drawn(page, 'g.store.get().to !== null');
      const third = await hook<string>(page, 'g.store.get().to');
      await page.click('#timeline-all');
      await drawn(page, 'g.store.get().to === null');
      // Four positions within one frame, as a fast drag or a held arrow key sends them.
      const seen = await hook<Promise<(string | null)[]>>(
        page,
        `new Promise((done) => {
          const seen = [];
          const stop = g.store.subscribe((s, prev) => { if (s.to !== prev.to) seen.push(s.to); });
          const handle = document.getElementById('timeline-to');
          for (const day of [5, 4, 3, 2]) { handle.value = String(day); handle.dispatchEvent(new Event('input')); }
          requestAnimationFrame(() => requestAnimationFrame(() => { stop(); done(seen); }));
        })`,
      );
      expect(seen).to.have.length(2);
      expect(seen[1]).to.equal(third);
      expect(viewing.errors).to.deep.equal([]);
    });
  });
});
