/**
 * The viewer for an analyst, end to end in headless Chromium on the embedded store: the console's
 * one line on how to get Cypher, a named query drawn as a graph and named in its table; Escape; the
 * search box as an ARIA combobox driven by the keyboard; a layout usable at 800×600; and exports
 * that tell the truth (GEXF 1.3 with kinds and Gephi's dynamic dates, a PNG with its legend, CSV of
 * what the filters leave). Screenshots go to tests/artifacts/ (a11y-*.png).
 */
import { expect } from 'chai';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createViewerServer, type ViewerServer } from '../../src/server/app.js';
import type { GraphStore } from '../../src/store/store.js';
import { sampleEmbedded } from '../viewer-fixtures.js';
import { ARTIFACTS, chromiumFor, hook, openViewer, until } from './viewer-page.js';

const ZHANG_FEI = 'Person:张飞@许昌市';
const MEETINGS = ['Event:许昌市|2023-02-17|全市公安工作会议', 'Event:许昌市|2023-02-17|市委政法工作会议'];


async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFileSync((await file.path())!);
}

/** A PNG's size, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** Lines of a CSV export without its byte order mark and header (no cell of these holds a line break). */
const csvRows = (csv: Buffer) => csv.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n').slice(1);

describe('viewer for an analyst, in headless Chromium', function () {
  this.timeout(240_000);
  let browser: Browser;
  let store: GraphStore;
  let server: ViewerServer;

  before(async function () {
    browser = await chromiumFor(this);
    store = await sampleEmbedded();
    server = await createViewerServer({ store });
  });
  after(async () => {
    await server?.close();
    await store?.close();
    await browser?.close();
  });

  describe('at 1400×850', () => {
    let context: BrowserContext;
    let page: Page;
    before(async function () {
      if (!browser) return this.skip();
      context = await browser.newContext({ viewport: { width: 1400, height: 850 }, bypassCSP: true, acceptDownloads: true });
      page = await context.newPage();
      await openViewer(page, server.url);
    });
    after(async () => context?.close());

    it('says in the console, in one line, how to get Cypher, and still runs the named queries', async () => {
      await page.click('#console > summary');
      const hint = page.locator('#cypher-hint');
      await hint.waitFor();
      const text = await hint.textContent();
      expect(text).to.include('npm run neo4j:start').and.include('guanxi ingest --neo4j').and.include('NEO4J_URI');
      expect(text).to.not.include('\n');
      expect(await hint.locator('code').count()).to.be.greaterThan(1); // the commands, as code
      await page.selectOption('#query-kind', 'events-of-person');
      expect(await hint.isHidden()).to.equal(true); // said with the Cypher box, not over a named query's fields
      await page.fill('#query-params input[name="name"]', '张飞');
      await page.check('#query-as-graph');
      await page.click('#query-run');
      await page.locator('#query-message').filter({ hasText: '2 rows' }).waitFor();
      await page.locator('#query-output').filter({ hasText: 'drawn:' }).waitFor();
    });

    it('draws a named query as a graph: 张飞, both meetings and the relationships between them', async () => {
      await until(page, 'g.store.get().result !== null');
      const visible = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
      expect(visible).to.include.members([ZHANG_FEI, ...MEETINGS]);
      expect(visible.every((k) => /^(Person|Event|Article):/.test(k))).to.equal(true);
      const edges = await hook<[string, string][]>(page, '[...g.renderer.visibility().edges].map((e) => [g.graph.source(e), g.graph.target(e)])');
      for (const m of MEETINGS) expect(edges).to.deep.include([ZHANG_FEI, m]);
      await page.waitForTimeout(900); // the camera framing the result
      await page.screenshot({ path: join(ARTIFACTS, 'a11y-01-named-query-graph.png') });
    });

    it("names the nodes in the named query's table, never by their keys or ids, and opens one on a click", async () => {
      await page.uncheck('#query-as-graph');
      const table = page.locator('#query-output table');
      await table.waitFor();
      expect(await hook<unknown>(page, 'g.store.get().result')).to.equal(null);
      const columns = await table.locator('th').allInnerTexts();
      const cells = (column: string) => table.locator(`tbody tr td:nth-child(${columns.indexOf(column) + 1})`).allInnerTexts();
      expect(await cells('person')).to.deep.equal(['张飞', '张飞']);
      expect(await cells('event_id')).to.have.members(['全市公安工作会议', '市委政法工作会议']);
      for (const headline of await cells('article')) expect(headline).to.match(/会议/);
      const text = await table.locator('tbody').innerText();
      expect(text).to.not.match(/Person:|Event:|Article:|@许昌市|\.html#/);
      await page.screenshot({ path: join(ARTIFACTS, 'a11y-02-named-query-table.png') });
      await table.locator('tbody tr').first().locator('button.node-link', { hasText: '张飞' }).click();
      await page.locator('#panel h2').filter({ hasText: '张飞' }).waitFor();
    });

    it('closes the panel on Escape, then clears the console\'s answer, then closes the console', async () => {
      await page.locator('#panel .close').focus();
      await page.keyboard.press('Escape');
      await until(page, 'g.store.get().selected === null');
      expect(await page.locator('#panel').isHidden()).to.equal(true);
      expect(await page.evaluate(() => document.activeElement?.id)).to.equal('search'); // the focus is not lost
      expect(await page.locator('#query-output table').count()).to.equal(1);
      await page.keyboard.press('Escape');
      expect(await page.locator('#query-output table').count()).to.equal(0);
      expect(await page.locator('#console').getAttribute('open')).to.not.equal(null);
      await page.keyboard.press('Escape');
      expect(await page.locator('#console').getAttribute('open')).to.equal(null);
    });

    it('moves through the suggestions with the arrow keys, as an ARIA combobox, and picks one with Enter', async () => {
      const search = page.locator('#search');
      expect(await search.getAttribute('role')).to.equal('combobox');
      expect(await search.getAttribute('aria-expanded')).to.equal('false');
      const listId = (await search.getAttribute('aria-controls'))!;
      const list = page.locator(`#${listId}`);
      expect(await list.getAttribute('role')).to.equal('listbox');
      await search.fill('');
      await search.pressSequentially('张', { delay: 30 });
      await list.locator(`li[data-key="${ZHANG_FEI}"]`).waitFor();
      expect(await search.getAttribute('aria-expanded')).to.equal('true');
      const options = list.locator('[role=option]');
      const count = await options.count();
      expect(count).to.be.greaterThan(1);
      const ids = await options.evaluateAll((els) => els.map((e) => e.id));
      expect(new Set(ids).size).to.equal(count);
      const active = () => search.getAttribute('aria-activedescendant');
      expect(await active()).to.equal(ids[0]);
      await page.keyboard.press('ArrowDown');
      expect(await active()).to.equal(ids[1]);
      expect(await page.locator(`#${ids[1]}`).getAttribute('aria-selected')).to.equal('true');
      expect(await page.locator(`#${ids[0]}`).getAttribute('aria-selected')).to.equal('false');
      await page.keyboard.press('ArrowUp');
      expect(await active()).to.equal(ids[0]);
      await page.keyboard.press('ArrowUp'); // wraps to the last
      expect(await active()).to.equal(ids[count - 1]);
      // Down to 张飞, then Enter.
      const target = ids[await options.evaluateAll((els, key) => els.findIndex((e) => e.getAttribute('data-key') === key), ZHANG_FEI)];
      for (let i = 0; i < count && (await active()) !== target; i++) await page.keyboard.press('ArrowDown');
      expect(await active()).to.equal(target);
      await page.keyboard.press('Enter');
      await page.locator('#panel h2').filter({ hasText: '张飞' }).waitFor();
      expect(await search.getAttribute('aria-expanded')).to.equal('false');
      expect(await search.getAttribute('aria-activedescendant')).to.equal(null);
      expect(await search.inputValue()).to.equal('张飞');
    });

    it('closes an open suggestion list on Escape before the panel', async () => {
      const search = page.locator('#search');
      await search.fill('');
      await search.pressSequentially('许昌', { delay: 30 });
      await page.locator('#search-suggestions li').first().waitFor();
      await page.keyboard.press('Escape');
      expect(await search.getAttribute('aria-expanded')).to.equal('false');
      expect(await hook<string | null>(page, 'g.store.get().selected')).to.equal(ZHANG_FEI);
      await page.keyboard.press('Escape');
      await until(page, 'g.store.get().selected === null');
    });

    it('labels the page\'s regions for assistive technology', async () => {
      const named = async (selector: string) => (await page.locator(selector).getAttribute('aria-label')) ?? '';
      expect(await named('#filters')).to.not.equal('');
      expect(await named('#panel')).to.not.equal('');
      expect(await page.locator('#console [role=region]').getAttribute('aria-label')).to.equal('Query console');
      expect(await page.locator('main').getAttribute('aria-label')).to.equal('Graph');
      // Every button and form field has a name a screen reader can say.
      const unnamed = await page.evaluate(() =>
        Array.from(document.querySelectorAll('button, input, select, textarea'))
          .filter((el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null)
          .filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim() || (el as HTMLInputElement).labels?.length || el.getAttribute('title')))
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed).to.deep.equal([]);
    });

    describe('exports of a filtered view', () => {
      let visibleNodes: string[];
      before(async () => {
        // Articles hidden, and only what is dated 2023-02-17 and the undated.
        await page.locator('#legend label', { hasText: 'Article' }).locator('input').uncheck();
        await page.fill('#date-from', '2023-02-17');
        await page.fill('#date-to', '2023-02-17');
        await page.locator('#date-to').dispatchEvent('change');
        await until(page, "g.store.get().to === '2023-02-17'");
        visibleNodes = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
        expect(visibleNodes.length).to.be.greaterThan(5);
        expect(visibleNodes.length).to.be.lessThan(await hook<number>(page, 'g.graph.order'));
        await page.click('.menu summary');
      });
      after(async () => {
        await page.click('.menu summary');
        await page.click('#clear-filters');
      });

      it('writes CSV of the visible nodes and edges only', async () => {
        const nodes = csvRows(await download(page, '#export-nodes'));
        expect(nodes.map((r) => r.split(',')[0])).to.have.members(visibleNodes);
        expect(nodes.some((r) => r.includes(',Article,'))).to.equal(false);
        const edges = csvRows(await download(page, '#export-edges'));
        const shown = await hook<number>(page, 'g.graph.filterEdges((e, a, s, t) => { const v = g.renderer.visibility(); return v.nodes.has(s) && v.nodes.has(t) && (v.edges ? v.edges.has(e) : v.edgeInRange(a.date)); }).length');
        expect(edges).to.have.length(shown);
        expect(edges.every((r) => !/20(2[0-2]|23-0[13-9])/.test(r.split(',').at(-1)!))).to.equal(true); // no edge dated outside the range
      });

      it('writes GEXF 1.3 with its namespaces, the kinds, and dynamic dates, that graphology-gexf reads back', async () => {
        const xml = (await download(page, '#export-gexf')).toString('utf8');
        // The browser's XML parser is strict: a malformed namespace or escape is a parsererror.
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const root = doc.documentElement;
          const graph = doc.getElementsByTagNameNS('http://gexf.net/1.3', 'graph')[0];
          const kinds = Array.from(doc.getElementsByTagNameNS('http://gexf.net/1.3', 'attvalue')).filter((a) => a.getAttribute('for') === 'kind').map((a) => a.getAttribute('value'));
          const declared = Array.from(doc.getElementsByTagNameNS('http://gexf.net/1.3', 'attribute')).map((a) => `${a.parentElement!.getAttribute('class')}:${a.getAttribute('id')}`);
          const meeting = Array.from(doc.getElementsByTagNameNS('http://gexf.net/1.3', 'node')).find((n) => n.getAttribute('id') === 'Event:许昌市|2023-02-17|全市公安工作会议');
          return {
            error: doc.getElementsByTagName('parsererror').length,
            root: root.localName,
            ns: root.namespaceURI,
            viz: root.lookupNamespaceURI('viz'),
            vizColors: doc.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'color').length,
            mode: graph?.getAttribute('mode'),
            timeformat: graph?.getAttribute('timeformat'),
            kinds,
            declared,
            meeting: meeting && [meeting.getAttribute('start'), meeting.getAttribute('end')],
            nodes: doc.getElementsByTagNameNS('http://gexf.net/1.3', 'node').length,
          };
        }, xml);
        expect(parsed).to.deep.include({ error: 0, root: 'gexf', ns: 'http://gexf.net/1.3', viz: 'http://gexf.net/1.3/viz', mode: 'dynamic', timeformat: 'date' });
        expect(parsed.nodes).to.equal(visibleNodes.length);
        expect(parsed.vizColors).to.equal(visibleNodes.length);
        expect(parsed.kinds).to.have.length(visibleNodes.length);
        expect(new Set(parsed.kinds)).to.deep.equal(new Set(['Person', 'Organization', 'Event', 'Place'].filter((k) => visibleNodes.some((n) => n.startsWith(`${k}:`)))));
        expect(parsed.declared).to.include.members(['node:kind', 'node:date', 'edge:rel', 'edge:date']);
        expect(parsed.meeting).to.deep.equal(['2023-02-17', '2023-02-17']);
        const back = parseGexf(Graph, xml);
        expect(back.nodes()).to.have.members(visibleNodes);
        expect(back.getNodeAttributes(ZHANG_FEI)).to.deep.include({ label: '张飞', kind: 'Person' });
      });

      it('draws the legend of the kinds shown under the graph in the PNG', async () => {
        const png = await download(page, '#export-png');
        writeFileSync(join(ARTIFACTS, 'a11y-04-export.png'), png);
        expect(png.subarray(1, 4).toString()).to.equal('PNG');
        const stage = await hook<{ width: number; height: number }>(page, '({ width: g.renderer.sigma.getStageCanvas().width, height: g.renderer.sigma.getStageCanvas().height })');
        const size = pngSize(png);
        expect(size.width).to.equal(stage.width);
        expect(size.height).to.be.greaterThan(stage.height);
        // The strip under the graph holds a dot of each kind's colour, and none of the hidden articles'.
        const found = await page.evaluate(
          async ({ data, top }) => {
            const img = new Image();
            img.src = `data:image/png;base64,${data}`;
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = img.width;
            canvas.height = img.height;
            const ctx = canvas.getContext('2d')!;
            ctx.drawImage(img, 0, 0);
            const strip = ctx.getImageData(0, top, img.width, img.height - top).data;
            const colours = { Person: [0xd1, 0x49, 0x5b], Organization: [0x00, 0x79, 0x8c], Event: [0xed, 0xae, 0x49], Place: [0x66, 0xa1, 0x82], Article: [0x8d, 0x6a, 0x9f] };
            const out: Record<string, number> = {};
            for (const [kind, [r, g, b]] of Object.entries(colours)) {
              let n = 0;
              for (let i = 0; i < strip.length; i += 4) if (Math.abs(strip[i] - r) < 4 && Math.abs(strip[i + 1] - g) < 4 && Math.abs(strip[i + 2] - b) < 4) n++;
              out[kind] = n;
            }
            return out;
          },
          { data: png.toString('base64'), top: stage.height },
        );
        for (const kind of ['Person', 'Organization', 'Event', 'Place']) expect(found[kind], kind).to.be.greaterThan(20);
        expect(found.Article).to.equal(0);
      });
    });
  });

  describe('at 800×600', () => {
    let context: BrowserContext;
    let page: Page;
    before(async function () {
      if (!browser) return this.skip();
      context = await browser.newContext({ viewport: { width: 800, height: 600 }, bypassCSP: true });
      page = await context.newPage();
      await openViewer(page, server.url);
    });
    after(async () => context?.close());

    it('leaves the graph, the open panel and the open console each a usable size, side by side', async () => {
      await page.click('#console > summary');
      await page.selectOption('#query-kind', 'events-of-person');
      await page.fill('#query-params input[name="name"]', '张飞');
      await page.uncheck('#query-as-graph');
      await page.click('#query-run');
      await page.locator('#query-output table').waitFor();
      await page.locator('#search').fill('');
      await page.locator('#search').pressSequentially('张飞', { delay: 30 });
      await page.locator(`#search-suggestions li[data-key="${ZHANG_FEI}"]`).waitFor();
      for (let i = 0; i < 10 && (await page.locator('#search-suggestions li.active').getAttribute('data-key')) !== ZHANG_FEI; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.locator('#panel h2').filter({ hasText: '张飞' }).waitFor();
      await page.waitForTimeout(900);
      const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
      const [graph, panel, console_, filters, run] = await Promise.all(['#graph', '#panel', '#console', '#filters', '#query-run'].map(box));
      expect(graph.width).to.be.at.least(550);
      expect(graph.height).to.be.at.least(500);
      expect(console_.height).to.be.at.least(200);
      expect(console_.width).to.be.at.least(550);
      expect(panel.width).to.be.at.least(300);
      expect(panel.height).to.be.at.least(200);
      expect(filters.width).to.be.at.least(180);
      // All on screen, the panel above the console, and the console beside the filters.
      for (const b of [panel, console_, run]) expect(b.y + b.height).to.be.at.most(600);
      expect(panel.y + panel.height).to.be.at.most(console_.y);
      expect(console_.x).to.be.at.least(filters.x + filters.width);
      expect(panel.x + panel.width).to.be.at.most(800);
      // What is in between is the graph's: some of it is neither under the panel nor the console.
      expect(panel.x - (filters.x + filters.width)).to.be.at.least(150);
      await page.screenshot({ path: join(ARTIFACTS, 'a11y-03-800x600.png') });
    });
  });
});
