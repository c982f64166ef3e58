/**
 * Expand, not only filter, end to end in headless Chromium: the full graph opens on the most
 * connected nodes of the sample page (an overview of 30), a node's neighbours are added by kind
 * and by role, they stay in an ego network, and undo takes them out again; plus the API's answers.
 */
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import type { GraphPayload } from '../../src/server/protocol.js';
import type { GraphStore } from '../../src/store/store.js';
import { sampleEmbedded } from '../viewer-fixtures.js';
import { chromiumFor, hook, shot, until, viewStore, type Viewing } from './viewer-page.js';

const ZHANG_FEI = 'Person:张飞@许昌市';

describe('expanding the full graph in headless Chromium', function () {
  this.timeout(240_000);
  let browser: Browser;
  let store: GraphStore;
  let viewing: Viewing;
  let page: Page;

  before(async function () {
    browser = await chromiumFor(this);
    store = await sampleEmbedded();
    viewing = await viewStore(browser, store, '#v=graph', { overviewNodes: 30 });
    ({ page } = viewing);
  });
  after(async () => {
    await viewing?.close();
    await browser?.close();
    await store?.close();
  });

  const api = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(new URL(path, viewing.server.url));
    return { status: res.status, body: (await res.json()) as T };
  };

  it('answers a node’s neighbours by kind and by role', async () => {
    const all = await api<GraphPayload>(`/api/neighbours?key=${encodeURIComponent(ZHANG_FEI)}`);
    expect(all.body.nodes.key[0]).to.equal(ZHANG_FEI);
    const kinds = new Set(all.body.nodes.kind.slice(1).map((k) => all.body.kinds[k]));
    expect([...kinds]).to.include.members(['Organization', 'Event', 'Article']);
    const events = await api<GraphPayload>(`/api/neighbours?key=${encodeURIComponent(ZHANG_FEI)}&kinds=Event&roles=spoke`);
    expect(events.body.nodes.label.slice(1).sort()).to.deep.equal(['全市公安工作会议', '市委政法工作会议']);
    expect(events.body.edges.roleBits.every((b) => b !== 0)).to.equal(true);
    expect((await api(`/api/neighbours?key=${encodeURIComponent(ZHANG_FEI)}&kinds=Nobody`)).status).to.equal(400);
    expect((await api('/api/neighbours?key=Person:nobody')).status).to.equal(404);
  });

  it("filters by an organization with its members' events, composed with roles and kept in the URL", async () => {
    const org = 'Organization:许昌市公安局';
    // 张飞's meetings are not among the overview's 30 nodes: add them first.
    expect(await hook<boolean>(page, `g.graph.hasNode(${JSON.stringify(ZHANG_FEI)})`)).to.equal(true);
    await page.evaluate(`window.__guanxi.expander.expand(${JSON.stringify(ZHANG_FEI)}, ['Event'], [])`);
    await hook(page, `g.store.set({ org: ${JSON.stringify(org)} })`);
    const shown = () => hook<string[]>(page, '[...g.renderer.visibility().nodes].map((k) => g.graph.getNodeAttribute(k, "label"))');
    await until(page, `g.renderer.visibility().nodes !== null`);
    expect(await shown()).to.include.members(['许昌市公安局', '张飞', '全市公安工作会议', '市委政法工作会议']);
    await hook(page, `g.store.set({ roles: new Set(['led']) })`);
    await until(page, `location.href.includes('roles=led') && location.href.includes('org=')`);
    // 张飞 led nothing: with roles narrowed to 'led', his meetings go, and so does he.
    expect(await shown()).to.not.include.members(['张飞', '全市公安工作会议']);
    await hook(page, `g.store.set({ roles: null, org: null })`);
    await hook(page, 'g.expander.undo()');
    await until(page, 'g.store.get().expanded.length === 0');
  });

  it('adds a node’s neighbours around it, keeps them in its ego network, and undoes it', async () => {
    const order = await hook<number>(page, 'g.graph.order');
    expect(order).to.equal(30);
    // A node of the overview with people outside it.
    let key = '';
    for (const k of await hook<string[]>(page, `g.graph.nodes()`)) {
      const { body } = await api<GraphPayload>(`/api/neighbours?key=${encodeURIComponent(k)}&kinds=Person`);
      if (await hook<boolean>(page, `${JSON.stringify(body.nodes.key)}.some((n) => !g.graph.hasNode(n))`)) key = k;
    }
    expect(key, 'a node with people outside the overview').to.not.equal('');
    await hook(page, `g.store.set({ selected: ${JSON.stringify(key)} })`);
    const panel = page.locator('#panel');
    await panel.locator('button.add-neighbours').waitFor();
    await panel.locator('select[aria-label="neighbours of kind"]').selectOption('Person');
    await panel.locator('button.add-neighbours').click();
    await until(page, 'g.store.get().expanded.length > 0');
    const added = await hook<string[]>(page, 'g.store.get().expanded');
    expect(added.every((k) => k.startsWith('Person:'))).to.equal(true);
    expect(await hook<number>(page, 'g.graph.order')).to.equal(order + added.length);
    await hook(page, `g.store.set({ ego: { key: ${JSON.stringify(key)}, hops: 1 } })`);
    const visible = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
    expect(visible).to.include.members(added);
    await shot(page, 'expand-added');
    await page.locator('#filter-status button.undo-add').click();
    await until(page, 'g.store.get().expanded.length === 0');
    expect(await hook<number>(page, 'g.graph.order')).to.equal(order);
    expect(viewing.errors).to.deep.equal([]);
  });
});
