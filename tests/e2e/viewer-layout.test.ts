/**
 * The viewer's layout and labels in headless Chromium, on a synthetic graph of 3,000 nodes:
 * positions cached only once finished, "Lay out again", drag to pin, every node of a small view
 * labelled, a selection highlighting its neighbours and kept clear of the panel.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { memoryStore, syntheticGraph } from '../../bench/viewer.js';
import { emptyGraph, type NodeAttributes } from '../../src/graph/assemble.js';
import { createViewerServer, type ViewerServer } from '../../src/server/app.js';
import { ARTIFACTS, chromiumFor, hook, inPage, PAGE, until } from './viewer-page.js';

const DIMMED = '#e4e6ea';

const layoutKeys = (page: Page) => page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('guanxi:layout'))") as Promise<string[]>;

async function opened(page: Page): Promise<void> {
  await until(page, 'g !== undefined && (g.firstRender !== null || g.error !== null)');
  expect(await hook<string | null>(page, 'g.error')).to.equal(null);
}

/** Positions of all nodes, in graph order. */
const positions = (page: Page) => hook<[number, number][]>(page, "g.graph.mapNodes((k, a) => [a.x, a.y])");

describe('viewer layout and labels in headless Chromium', function () {
  this.timeout(240_000);
  let browser: Browser;
  let server: ViewerServer;
  let context: BrowserContext;
  let page: Page;

  before(async function () {
    browser = await chromiumFor(this);
    server = await createViewerServer({ store: memoryStore(syntheticGraph(3000)), overviewNodes: Number.MAX_SAFE_INTEGER });
    context = await browser.newContext(PAGE);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  });
  after(async () => {
    await context?.close();
    await server?.close();
    await browser?.close();
  });

  it('caches nothing while the layout is unfinished, and only finished positions once it is', async () => {
    // The server's answer is held back: the page waits, and a reload interrupts it.
    const held: Route[] = [];
    await page.route('**/api/layout', (route) => void held.push(route));
    await page.goto(server.url);
    await page.waitForFunction('window.__guanxi !== undefined');
    await page.waitForTimeout(1500);
    expect(held, 'the layout was asked for').to.have.length(1);
    expect(await hook<string>(page, 'g.layout')).to.equal('loading');
    expect(await layoutKeys(page)).to.deep.equal([]);
    await page.reload();
    await page.waitForTimeout(500);
    expect(await layoutKeys(page)).to.deep.equal([]);
    // The reloaded page's request fails: it draws the seed, and still keeps nothing.
    await until(page, 'window.__guanxi.layout === "loading"');
    for (const route of held) await route.abort().catch(() => {});
    await until(page, "g.layout === 'failed'");
    expect(await layoutKeys(page)).to.deep.equal([]);

    // An unfinished layout as the old viewer kept it (positions with no `done`) is not used.
    const hash = server.view.payload().raw.toString('utf8').match(/"hash":"([0-9a-f]+)"/)![1];
    await page.evaluate(`localStorage.setItem('guanxi:layout:${hash}', JSON.stringify(new Array(6000).fill(0)))`);
    await page.evaluate(`localStorage.setItem('guanxi:layout:v2:${hash}', JSON.stringify({ version: 2, xy: new Array(6000).fill(0), pinned: [] }))`);
    await page.unroute('**/api/layout');
    await page.reload();
    await opened(page);
    expect(await hook<string>(page, 'g.layout')).to.equal('done');
    const xy = await positions(page);
    expect(new Set(xy.map(([x, y]) => `${x},${y}`)).size).to.be.greaterThan(2900);
    expect(await layoutKeys(page)).to.deep.equal([`guanxi:layout:v2:${hash}`]);
    const saved = JSON.parse((await page.evaluate(`localStorage.getItem('guanxi:layout:v2:${hash}')`)) as string);
    expect(saved.done).to.equal(true);

    await page.reload();
    await opened(page);
    expect(await hook<string>(page, 'g.layout')).to.equal('cached');
    await page.screenshot({ path: join(ARTIFACTS, 'layout-01-server-layout.png') });
  });

  it('moves a dragged node, pins it, and keeps it there when laid out again', async () => {
    // The largest node (drawn on top of its neighbours, so the press lands on it).
    const key = await hook<string>(page, "g.graph.nodes().sort((a, b) => g.graph.getNodeAttribute(b, 'size') - g.graph.getNodeAttribute(a, 'size'))[0]");
    const before = await hook<{ x: number; y: number }>(page, `g.graph.getNodeAttributes(${JSON.stringify(key)})`);
    const at = await hook<{ x: number; y: number }>(page, `g.renderer.sigma.graphToViewport(g.graph.getNodeAttributes(${JSON.stringify(key)}))`);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await until(page, `g.store.get().hovered === ${JSON.stringify(key)}`);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + at.x + i * 12, box.y + at.y + i * 8);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
    const dropped = await hook<{ x: number; y: number }>(page, `g.graph.getNodeAttributes(${JSON.stringify(key)})`);
    expect(Math.hypot(dropped.x - before.x, dropped.y - before.y)).to.be.greaterThan(1);
    const saved = JSON.parse((await page.evaluate("localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('guanxi:layout:v2:')))")) as string);
    expect(saved.pinned).to.deep.equal([key]);

    const old = await positions(page);
    await page.click('#relayout');
    await until(page, "g.layout === 'done'");
    expect(await page.locator('#relayout').isDisabled()).to.equal(false);
    const now = await positions(page);
    const moved = now.filter(([x, y], i) => Math.hypot(x - old[i][0], y - old[i][1]) > 0.5).length;
    expect(moved, 'nodes moved by laying out again').to.be.greaterThan(100);
    const after = await hook<{ x: number; y: number }>(page, `g.graph.getNodeAttributes(${JSON.stringify(key)})`);
    expect([after.x, after.y]).to.deep.equal([dropped.x, dropped.y]);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-02-again-with-pin.png') });

    // The pin survives a reload, with the positions laid out again.
    await page.reload();
    await opened(page);
    expect(await hook<string>(page, 'g.layout')).to.equal('cached');
    const reloaded = await hook<{ x: number; y: number }>(page, `g.graph.getNodeAttributes(${JSON.stringify(key)})`);
    expect(reloaded.x).to.be.closeTo(dropped.x, 0.01);
    expect(reloaded.y).to.be.closeTo(dropped.y, 0.01);
  });

  /** Waits for the camera to frame the view, then compares the labels drawn with the visible nodes. */
  async function everyVisibleNodeLabelled(name: string): Promise<string[]> {
    await page.waitForTimeout(1200);
    const visible = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
    const labelled = await hook<string[]>(page, '[...g.renderer.displayedLabels()]');
    expect(visible.length).to.be.greaterThan(1);
    expect(labelled).to.have.members(visible);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    return visible;
  }

  it('labels every node of an ego network', async () => {
    const key = await hook<string>(page, "g.graph.filterNodes((k) => g.graph.neighbors(k).length >= 12 && g.graph.neighbors(k).length <= 30)[0]");
    await page.evaluate(inPage(`g.store.set({ ego: { key: ${JSON.stringify(key)}, hops: 1 } })`));
    const visible = await everyVisibleNodeLabelled('layout-03-ego-labels');
    expect(visible).to.include(key);
    await page.evaluate(inPage('g.store.set({ ego: null })'));
  });

  it('labels every node of a shortest path', async () => {
    const [from, to] = await hook<string[]>(page, "[g.graph.filterNodes((k, a) => a.kind === 'Person')[7], g.graph.filterNodes((k, a) => a.kind === 'Person')[900]]");
    await page.evaluate(inPage(`g.store.set({ path: { from: ${JSON.stringify(from)}, to: ${JSON.stringify(to)} } })`));
    await until(page, 'g.renderer.visibility().nodes !== null');
    const visible = await everyVisibleNodeLabelled('layout-04-path-labels');
    expect(visible).to.include.members([from, to]);
    await page.evaluate(inPage('g.store.set({ path: null })'));
  });

  it('highlights the neighbours of the selected node and keeps it clear of the panel', async () => {
    const key = await hook<string>(page, "g.graph.filterNodes((k, a) => a.kind === 'Person' && g.graph.neighbors(k).length >= 5)[3]");
    // As a pick in the search box does: select, and fly to the node.
    await page.evaluate(inPage(`(g.store.set({ selected: ${JSON.stringify(key)} }), g.renderer.focus(${JSON.stringify(key)}))`));
    await page.locator('#panel:not([hidden])').waitFor();
    await page.waitForTimeout(1200); // the camera's move
    const neighbour = await hook<string>(page, `g.graph.neighbors(${JSON.stringify(key)})[0]`);
    const other = await hook<string>(page, `g.graph.filterNodes((k) => k !== ${JSON.stringify(key)} && !g.graph.areNeighbors(k, ${JSON.stringify(key)}))[0]`);
    const color = (k: string) => hook<string>(page, `g.renderer.sigma.getNodeDisplayData(${JSON.stringify(k)}).color`);
    expect(await color(neighbour)).to.not.equal(DIMMED);
    expect(await color(other)).to.equal(DIMMED);
    expect(await hook<string[]>(page, '[...g.renderer.displayedLabels()]')).to.include(key);
    // The panel covers the right of the canvas; the selected node sits left of it.
    const panel = (await page.locator('#panel').boundingBox())!;
    const box = (await page.locator('#graph').boundingBox())!;
    const at = await hook<{ x: number; y: number }>(page, `g.renderer.sigma.graphToViewport(g.graph.getNodeAttributes(${JSON.stringify(key)}))`);
    expect(box.x + at.x).to.be.below(panel.x);
    expect(box.x + at.x).to.be.above(box.x);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-05-selected.png') });
    await page.evaluate(inPage(`g.store.set({ selected: null })`));
  });

  describe('on 300 people whose names hold 3,000 distinct Chinese characters', () => {
    let wide: ViewerServer;
    let widePage: Page;
    before(async function () {
      if (!browser) return this.skip();
      // Ten characters a name, none repeated: 5 atlas pages of sigma's 64-px glyphs.
      const g = emptyGraph();
      for (let i = 0; i < 300; i++) {
        const name = String.fromCodePoint(...Array.from({ length: 10 }, (_, j) => 0x4e00 + i * 10 + j));
        g.addNode(`Person:${name}@?`, { kind: 'Person', id: `${name}@?`, name, region: null, resolution: 'name-only' } as NodeAttributes);
        if (i > 0) g.addDirectedEdgeWithKey(`PART_OF|${i}`, `Person:${name}@?`, g.nodes()[i - 1], { rel: 'PART_OF', rule: 'test' } as never);
      }
      wide = await createViewerServer({ store: memoryStore(g) });
      widePage = await context.newPage();
      await widePage.goto(wide.url);
      await opened(widePage);
    });
    after(async () => {
      await widePage?.close();
      await wide?.close();
    });

    it("draws every label with the browser's CJK font, never through sigma's glyph atlas", async () => {
      // A small view (the people only) labels every node.
      await widePage.evaluate(inPage("g.store.set({ kinds: new Set(['Person']) })"));
      await widePage.waitForTimeout(1200);
      const labels = await hook<string[]>(widePage, '[...g.renderer.displayedLabels()].map((k) => g.graph.getNodeAttribute(k, "label"))');
      expect(labels).to.have.length(300);
      expect(new Set(labels.join('')).size).to.equal(3000);
      // Sigma 4.0.4's WebGL labels read only the first page of their glyph atlas (about 600 of
      // these characters): it is never asked for one.
      expect(await hook<number>(widePage, 'g.renderer.sigma.internals.labelProgram.atlasManager.getGlyphCount()')).to.equal(0);
      await widePage.evaluate(inPage('g.renderer.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.3, angle: 0 })'));
      await widePage.waitForTimeout(800);
      await widePage.screenshot({ path: join(ARTIFACTS, 'layout-06-3000-characters.png') });
    });
  });
});
