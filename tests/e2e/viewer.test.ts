/**
 * The viewer end to end, in real headless Chromium (Debian's chromium, WebGL through SwiftShader):
 * load the sample page's graph, search 张飞, read his panel, filter by date, follow the URL, export,
 * run Cypher, see a link's Cypher wait for a click, and see a write refused. Each state is kept as a screenshot in tests/artifacts/.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { GraphStore } from '../../src/store/store.js';
import { HOSTILE_KEY, HOSTILE_NAME, sampleEmbedded, sampleNeo4j } from '../viewer-fixtures.js';
import { memoryStore, syntheticGraph } from '../../bench/viewer.js';
import { chromiumFor, hook, inPage, openViewer, shot, until, viewStore, type Viewing } from './viewer-page.js';

const ZHANG_FEI = 'Person:张飞@许昌市';

const MEETINGS = ['全市公安工作会议', '市委政法工作会议'];

async function searchAndPick(page: Page, input: string, text: string, key: string): Promise<void> {
  await page.fill(input, '');
  await page.locator(input).pressSequentially(text, { delay: 30 });
  await page.locator(`${input} + .suggestions li[data-key="${key.replace(/"/g, '\\"')}"]`).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.locator(`${input} + .suggestions li.active[data-key="${key.replace(/"/g, '\\"')}"]`).waitFor();
  await page.keyboard.press('Enter');
}

describe('viewer in headless Chromium', function () {
  this.timeout(240_000);
  let browser: Browser;

  before(async function () {
    browser = await chromiumFor(this);
  });
  after(async () => {
    await browser?.close();
  });

  describe('on the snapshot of the sample page', () => {
    let store: GraphStore;
    let viewing: Viewing;
    let page: Page;

    before(async function () {
      if (!browser) return this.skip();
      store = await sampleEmbedded();
      viewing = await viewStore(browser, store);
      ({ page } = viewing);
    });
    after(async () => {
      await viewing?.close();
      await store?.close();
    });

    it('draws the graph with a legend of the kinds', async () => {
      expect(await hook<number>(page, 'g.graph.order')).to.equal(viewing.server.view.meta().nodes);
      expect(await page.locator('#legend .legend-item').count()).to.equal(5);
      expect(await page.locator('#legend').innerText()).to.match(/Person 人物\s*26/);
      expect(await hook<number>(page, 'g.firstRender')).to.be.greaterThan(0);
      await shot(page, '01-loaded');
    });

    it('suggests 张飞 as one types and flies the camera to him', async () => {
      await page.fill('#search', '');
      await page.locator('#search').pressSequentially('张', { delay: 30 });
      await page.locator(`.search .suggestions li[data-key="${ZHANG_FEI}"]`).waitFor();
      await shot(page, '02-search-suggestions');
      await searchAndPick(page, '#search', '张飞', ZHANG_FEI);
      await page.locator('#panel h2').filter({ hasText: '张飞' }).waitFor();
      await page.waitForTimeout(900); // the camera's flight
      expect(await hook<number>(page, 'g.renderer.sigma.getCamera().getState().ratio')).to.be.lessThan(1);
      expect(await hook<string>(page, 'g.store.get().selected')).to.equal(ZHANG_FEI);
    });

    it("opens 张飞's panel: titles, organizations, both meetings with roles, dates and evidence", async () => {
      const panel = page.locator('#panel');
      const text = await panel.innerText();
      expect(text).to.include('副市长').and.include('许昌市公安局');
      const events = panel.locator('article.event');
      expect(await events.count()).to.equal(2);
      for (const meeting of MEETINGS) {
        const event = events.filter({ hasText: meeting });
        const body = await event.innerText();
        expect(body).to.include('2023-02-17').and.include('attended').and.include('spoke');
        expect(body).to.include(`${meeting}召开`); // the evidence's article headline
        // The first role's evidence first (attended), then the speech's where another sentence gave it.
        expect(await event.locator('blockquote p').first().innerText()).to.include('张飞');
        expect(await event.locator('blockquote p mark').first().innerText()).to.equal('张飞'); // the mention, highlighted
      }
      await shot(page, '03-panel-zhang-fei');
    });

    it('highlights the neighbours of a hovered node', async () => {
      const pos = await hook<{ x: number; y: number }>(page, `g.renderer.sigma.graphToViewport(g.renderer.sigma.getGraph().getNodeAttributes(${JSON.stringify(ZHANG_FEI)}))`);
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.move(box.x + pos.x, box.y + pos.y);
      await until(page, `g.store.get().hovered === ${JSON.stringify(ZHANG_FEI)}`);
      await shot(page, '04-hover-zhang-fei');
      await page.mouse.move(box.x + 5, box.y + 5);
    });

    it('keeps the view in the URL: a reload opens the same panel', async () => {
      await until(page, "location.hash.includes('n=Person')");
      const url = page.url();
      const again = await viewing.context.newPage();
      await openViewer(again, url);
      await again.locator('#panel h2').filter({ hasText: '张飞' }).waitFor();
      // The layout came from localStorage this time.
      expect(await hook<string>(again, 'g.layout')).to.equal('cached');
      await again.close();
    });

    it('filters by date: the meetings of 2023-02-17 leave, the visit of 02-18/19 stays', async () => {
      await page.fill('#date-from', '2023-02-18');
      await page.fill('#date-to', '2023-02-19');
      await page.locator('#date-to').dispatchEvent('change');
      await until(page, "g.store.get().to === '2023-02-19'");
      const visible = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
      expect(visible.some((k) => k.startsWith('Event:') && k.includes('2023-02-17'))).to.equal(false);
      expect(visible).to.include('Event:许昌市|2023-02-18|哈密市考察团来许考察');
      expect(visible).to.not.include(ZHANG_FEI);
      expect(await page.locator('#filter-status').innerText()).to.match(/^\d+ of \d+ nodes/);
      await until(page, "location.hash.includes('from=2023-02-18')");
      await shot(page, '05-date-filter');
      await page.click('#clear-filters');
      expect(await hook<unknown>(page, 'g.renderer.visibility().nodes')).to.equal(null);
    });

    it("shows 张飞's ego network and the shortest path between two people", async () => {
      await page.locator('#panel button.ego').click();
      await until(page, 'g.store.get().ego !== null');
      const ego = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
      expect(ego).to.include.members([ZHANG_FEI, 'Event:许昌市|2023-02-17|全市公安工作会议', 'Organization:许昌市公安局']);
      await shot(page, '06-ego-network');
      await page.click('#clear-filters');
      await searchAndPick(page, '#path-from', '张飞', ZHANG_FEI);
      await searchAndPick(page, '#path-to', '汤超', 'Person:汤超@许昌市');
      await until(page, 'g.store.get().path !== null');
      const path = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
      expect(path[0]).to.equal('Person:汤超@许昌市');
      expect(path.at(-1)).to.equal(ZHANG_FEI);
      expect(path).to.have.length(3); // through the meeting or the article both attended
      await shot(page, '07-shortest-path');
      await page.click('#clear-filters');
    });

    it('exports what is on screen as CSV, GEXF and PNG', async () => {
      await page.click('.menu summary');
      const save = async (button: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
        return readFileSync((await download.path())!);
      };
      const nodes = (await save('#export-nodes')).toString('utf8');
      expect(nodes.startsWith('\ufeffkey,kind,name,date,degree')).to.equal(true);
      expect(nodes).to.include(`${ZHANG_FEI},Person,张飞`);
      expect((await save('#export-edges')).toString('utf8')).to.include('PARTICIPATED_IN');
      expect((await save('#export-gexf')).toString('utf8')).to.include('<gexf').and.include('张飞');
      const png = await save('#export-png');
      expect(png.subarray(1, 4).toString()).to.equal('PNG');
      expect(png.length).to.be.greaterThan(10_000);
      await page.click('.menu summary');
    });

    it('shows a name made of HTML as text, running nothing', async () => {
      await searchAndPick(page, '#search', '<img', HOSTILE_KEY);
      const title = page.locator('#panel h2');
      await title.filter({ hasText: 'onerror' }).waitFor();
      expect(await title.textContent()).to.equal(HOSTILE_NAME);
      expect(await page.locator('#panel img, #panel script, #panel b').count()).to.equal(0);
      expect(await page.locator('#panel').innerText()).to.include('<script>window.__xss=3</script>');
      await page.locator('#panel .evidence footer').first().hover();
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).to.equal(undefined);
      await shot(page, '08-html-as-text');
    });

    it('says in the console that ad-hoc Cypher needs Neo4j, and runs a named query', async () => {
      await page.click('#console > summary');
      await page.fill('#query-text', 'MATCH (n) RETURN n');
      await page.click('#query-run');
      await page.locator('#query-message.error').filter({ hasText: 'Cypher needs Neo4j' }).waitFor();
      await page.selectOption('#query-kind', 'events-of-person');
      await page.fill('#query-params input[name="name"]', '张飞');
      await page.uncheck('#query-as-graph'); // a table (drawn as a graph: viewer-analyst.test.ts)
      await page.click('#query-run');
      await page.locator('#query-output table tbody tr').nth(1).waitFor();
      expect(await page.locator('#query-output table tbody tr').count()).to.equal(2);
      await shot(page, '09-named-query-table');
    });
  });

  describe('on Neo4j with the sample page', () => {
    let store: GraphStore;
    let viewing: Viewing;
    let page: Page;

    before(async function () {
      if (!browser) return this.skip();
      store = await sampleNeo4j();
      viewing = await viewStore(browser, store);
      ({ page } = viewing);
      await page.click('#console > summary');
    });
    after(async () => {
      await viewing?.close();
      await store?.close();
    });

    it('runs a Cypher query and draws its result as the graph', async () => {
      await page.fill('#query-text', "MATCH (p:Person {name: '张飞'})-[r:PARTICIPATED_IN]->(e:Event) RETURN p, r, e");
      await page.click('#query-run');
      await page.locator('#query-message').filter({ hasText: '2 rows' }).waitFor();
      const visible = await hook<string[]>(page, '[...g.renderer.visibility().nodes]');
      expect(visible).to.have.members([ZHANG_FEI, ...MEETINGS.map((m) => `Event:许昌市|2023-02-17|${m}`)]);
      expect(await hook<number>(page, 'g.renderer.visibility().edges.size')).to.equal(2);
      await until(page, "location.hash.includes('q=')");
      await shot(page, '10-cypher-graph');
    });

    it('shows the same result as a table', async () => {
      await page.uncheck('#query-as-graph');
      await page.locator('#query-output table').waitFor();
      expect(await page.locator('#query-output th').allInnerTexts()).to.deep.equal(['p', 'r', 'e']);
      expect(await page.locator('#query-output tbody tr').count()).to.equal(2);
      expect(await page.locator('#query-output tbody').innerText()).to.include('张飞').and.include('PARTICIPATED_IN');
      await shot(page, '11-cypher-table');
    });

    it('opens a link holding Cypher with the query in the console, run only on a click', async () => {
      const cypher = "MATCH (p:Person {name: '张飞'}) RETURN p";
      const linked = await viewing.context.newPage();
      const posted: string[] = [];
      linked.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/query') posted.push(r.postData() ?? '');
      });
      try {
        await openViewer(linked, `${viewing.server.url}#q=${encodeURIComponent(JSON.stringify({ cypher }))}`);
        await linked.locator('#query-message').filter({ hasText: 'press Run' }).waitFor();
        expect(await linked.inputValue('#query-text')).to.equal(cypher);
        await linked.waitForTimeout(500);
        expect(posted, 'queries sent before the click').to.deep.equal([]);
        await linked.click('#query-run');
        await linked.locator('#query-message').filter({ hasText: '1 row' }).waitFor();
        expect(posted).to.have.length(1);
      } finally {
        await linked.close();
      }
    });

    it('refuses a CREATE with a clear message, and the graph is unchanged', async () => {
      await page.fill('#query-text', "CREATE (:Person {id: 'x@?', name: 'x'})");
      await page.click('#query-run');
      const message = page.locator('#query-message.error');
      await message.waitFor();
      expect(await message.innerText()).to.match(/read-only/);
      await shot(page, '12-create-refused');
      const count = await (store as import('../../src/store/neo4j-store.js').Neo4jStore).client.query("MATCH (p:Person {id: 'x@?'}) RETURN count(p) AS n");
      expect(count.rows[0].n).to.equal(0);
    });
  });

  describe('on a synthetic graph of 3,000 nodes', () => {
    let viewing: Viewing;
    let page: Page;

    before(async function () {
      if (!browser) return this.skip();
      viewing = await viewStore(browser, memoryStore(syntheticGraph(3000)));
      ({ page } = viewing);
    });
    after(async () => {
      await viewing?.close();
    });

    it('labels only the largest 24 neighbours of a hovered hub', async () => {
      const hub = await hook<string>(page, 'g.graph.nodes().reduce((a, b) => (g.graph.neighbors(b).length > g.graph.neighbors(a).length ? b : a))');
      const neighbours = await hook<number>(page, `g.graph.neighbors(${JSON.stringify(hub)}).length`);
      expect(neighbours).to.be.greaterThan(100);
      await page.evaluate(inPage(`g.store.set({ hovered: ${JSON.stringify(hub)} })`));
      await page.waitForTimeout(500);
      const labelled = await hook<string[]>(page, '[...g.renderer.displayedLabels()]');
      expect(labelled).to.include(hub);
      expect(labelled.length).to.be.within(2, 25);
      const sizes = await hook<number[]>(page, `g.graph.neighbors(${JSON.stringify(hub)}).map((n) => g.graph.getNodeAttribute(n, 'size')).sort((a, b) => b - a)`);
      const smallest = await hook<number>(page, `Math.min(...[...g.renderer.displayedLabels()].filter((n) => n !== ${JSON.stringify(hub)}).map((n) => g.graph.getNodeAttribute(n, 'size')))`);
      expect(smallest).to.be.at.least(sizes[23]);
      await shot(page, '13-hover-hub');
      await page.evaluate(inPage('g.store.set({ hovered: null })'));
    });

    it('hides a kind and dims around a selection by changing those states only, never re-indexing the graph', async () => {
      const frames = () => page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      // Sigma processes the whole graph (re-indexes it) only in processData, which emits beforeProcess.
      await page.evaluate(inPage("(window.__processes = 0, g.renderer.sigma.on('beforeProcess', () => window.__processes++))"));
      const before = await hook<{ nodes: number; edges: number }>(page, 'g.renderer.stateChanges()');
      await page.evaluate(inPage("g.store.set({ kinds: new Set([...g.store.get().kinds].filter((k) => k !== 'Article')) })"));
      await frames();
      const shown = await hook<{ articles: string[]; others: string[]; articleEdges: string[]; otherEdges: string[] }>(
        page,
        `(() => {
          const s = g.renderer.sigma, article = (k) => g.graph.getNodeAttribute(k, 'kind') === 'Article';
          const edgeOfArticle = (e) => article(g.graph.source(e)) || article(g.graph.target(e));
          return {
            articles: [...new Set(g.graph.filterNodes(article).map((k) => s.getNodeDisplayData(k).visibility))],
            others: [...new Set(g.graph.filterNodes((k) => !article(k)).map((k) => s.getNodeDisplayData(k).visibility))],
            articleEdges: [...new Set(g.graph.filterEdges(edgeOfArticle).map((e) => s.getEdgeDisplayData(e).visibility))],
            otherEdges: [...new Set(g.graph.filterEdges((e) => !edgeOfArticle(e)).map((e) => s.getEdgeDisplayData(e).visibility))],
          };
        })()`,
      );
      expect(shown).to.deep.equal({ articles: ['hidden'], others: ['visible'], articleEdges: ['hidden'], otherEdges: ['visible'] });
      const articles = await hook<number>(page, "g.graph.filterNodes((k, a) => a.kind === 'Article').length");
      const articleEdges = await hook<number>(page, "g.graph.filterEdges((e, a, s, t) => g.graph.getNodeAttribute(s, 'kind') === 'Article' || g.graph.getNodeAttribute(t, 'kind') === 'Article').length");
      const filtered = await hook<{ nodes: number; edges: number }>(page, 'g.renderer.stateChanges()');
      // Exactly the articles and their edges changed state, nothing else.
      expect({ nodes: filtered.nodes - before.nodes, edges: filtered.edges - before.edges }).to.deep.equal({ nodes: articles, edges: articleEdges });
      await page.evaluate(inPage("g.store.set({ kinds: new Set([...g.store.get().kinds, 'Article']) })"));
      await frames();

      // A selection dims every node but the selected one's neighbours; no edge changes state.
      const key = await hook<string>(page, "g.graph.filterNodes((k, a) => a.kind === 'Person' && g.graph.neighbors(k).length >= 5)[0]");
      const near = await hook<number>(page, `g.graph.neighbors(${JSON.stringify(key)}).length`);
      const order = await hook<number>(page, 'g.graph.order');
      const restored = await hook<{ nodes: number; edges: number }>(page, 'g.renderer.stateChanges()');
      await page.evaluate(inPage(`g.store.set({ selected: ${JSON.stringify(key)} })`));
      await frames();
      const selected = await hook<{ nodes: number; edges: number }>(page, 'g.renderer.stateChanges()');
      expect({ nodes: selected.nodes - restored.nodes, edges: selected.edges - restored.edges }).to.deep.equal({ nodes: order - near, edges: 0 });
      const other = await hook<string>(page, `g.graph.filterNodes((k) => k !== ${JSON.stringify(key)} && !g.graph.areNeighbors(k, ${JSON.stringify(key)}))[0]`);
      expect(await hook<string>(page, `g.renderer.sigma.getNodeDisplayData(${JSON.stringify(other)}).color`)).to.equal('#e4e6ea');
      await page.evaluate(inPage('g.store.set({ selected: null })'));
      await frames();
      expect(await page.evaluate('window.__processes')).to.equal(0);
    });
  });
});
