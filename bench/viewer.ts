/**
 * The viewer at scale, in headless Chromium: synthetic graphs of 2,000 / 20,000 / 50,000 nodes
 * (about five edges a node, the kind mix and names of real local news) served by the real server.
 *
 *   npm run bench:viewer                       (all three sizes, both WebGL backends)
 *   node dist/bench/viewer.js 20000 [--frames 120] [--rounds 3] [--webgl swiftshader|llvmpipe] [--baseline DIR] [--out NAME]
 *
 * For each size, in a fresh browser profile: the first readable picture (navigation start → sigma's
 * first frame, drawn with the server's finished layout: src/server/layout.ts), the same on a reload
 * (layout from localStorage), the filters (a kind hidden, a date range, roles, an organization: each
 * state change → two animation frames later, the filtered frame drawn, in brackets the page's own work,
 * then until the GPU has drawn it) and a panel (the largest node selected → its panel filled and the
 * next frame drawn), each from a quiet GPU, each the median of --rounds, and the frame
 * times while panning with the mouse (median, p95; --frames 0 skips the pan). With --baseline DIR
 * (another build's dist/viz, copied aside), that build is served too and measured in the same
 * browser, the two builds' rounds alternating, and the ratios are printed: the machine is shared,
 * and only figures of one run compare. The table goes to bench/results/viewer-<date>.md, with a
 * screenshot of each size on each backend beside it (look at them: a table cannot say the picture
 * is readable).
 * There is no GPU here, so WebGL runs in software, on two backends (tests/e2e/chromium.ts): Chromium's
 * SwiftShader and Mesa's llvmpipe. Before the graphs, a calibration draws 20,000 quads per frame
 * instanced and as plain triangles: SwiftShader pays per instance, and sigma 4 draws every node and
 * edge as an instance. A desktop with a GPU is faster than both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { emptyGraph, graphCounts, type GuanxiGraph, type NodeAttributes } from '../src/graph/assemble.js';
import { nodeKey, type NodeLabel, type RelationshipType } from '../src/graph/model.js';
import { runNamedQuery } from '../src/graph/queries.js';
import { createViewerServer, type ViewerServer } from '../src/server/app.js';
import type { GraphStore } from '../src/store/store.js';
import { launchChromium, WEBGL_BACKENDS, type WebGLBackend } from '../tests/e2e/chromium.js';

const SIZES = [2_000, 20_000, 50_000];

/** Mulberry32: the same graph every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌玉兰海燕鹏飞辉宇晨晓东雪梅宏亮新民春林德成永福'];
const CITIES = ['许昌市', '郑州市', '洛阳市', '开封市', '南阳市', '新乡市', '安阳市', '周口市', '信阳市', '商丘市', '平顶山市', '漯河市'];
const BODIES = ['人民政府', '公安局', '教育局', '财政局', '交通运输局', '卫生健康委员会', '生态环境局', '市场监督管理局', '委宣传部', '委组织部', '委统战部', '中级人民法院', '人民检察院', '发展和改革委员会'];
const EVENTS = ['工作会议', '专题会议', '调研座谈会', '推进会', '动员大会', '考察活动', '观摩活动', '培训班', '表彰大会', '现场会'];
const TOPICS = ['安全生产', '乡村振兴', '营商环境', '生态保护', '招商引资', '城市更新', '政法', '教育', '文化旅游', '疫情防控'];

/** Kind shares, as the sample page has them: many persons and articles, fewer places. */
const MIX: [NodeLabel, number][] = [['Person', 0.35], ['Article', 0.25], ['Event', 0.2], ['Organization', 0.15], ['Place', 0.05]];

export function syntheticGraph(nodes: number, seed = 1): GuanxiGraph {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  /** Skewed towards the start of the list: a few hubs, a long tail, as in real news. */
  const skewed = <T>(xs: readonly T[]) => xs[Math.floor(rnd() ** 2.2 * xs.length)];
  const g = emptyGraph();
  const byKind: Record<NodeLabel, string[]> = { Person: [], Organization: [], Place: [], Event: [], Article: [] };
  const add = (label: NodeLabel, id: string, attrs: Omit<NodeAttributes, 'kind' | 'id'>) => {
    const key = nodeKey(label, id);
    if (g.hasNode(key)) return;
    g.addNode(key, { kind: label, id, ...attrs } as NodeAttributes);
    byKind[label].push(key);
  };
  const date = () => `2023-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  for (const [label, share] of MIX) {
    const n = Math.round(nodes * share);
    for (let i = 0; byKind[label].length < n; i++) {
      const city = pick(CITIES);
      const suffix = i >= 5000 ? String(i) : '';
      switch (label) {
        case 'Person': {
          const name = `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.6 ? pick(GIVEN) : ''}`;
          add(label, `${name}${suffix}@${city}`, { name, region: city, resolution: 'org-region' });
          break;
        }
        case 'Organization': {
          const name = `${city}${pick(BODIES)}${suffix}`;
          add(label, name, { name });
          break;
        }
        case 'Place':
          add(label, `${city}${i}`, { name: i < CITIES.length ? CITIES[i] : `${city}第${i}会议中心`, level: i < CITIES.length ? 'city' : 'venue' });
          break;
        case 'Event': {
          const d = date();
          const name = `${pick(TOPICS)}${pick(EVENTS)}`;
          add(label, `${city}|${d}|${name}${i}`, { name, type: 'meeting', date: d, dates: [d], region: city });
          break;
        }
        case 'Article': {
          const id = `synthetic-${i}.txt#1`;
          add(label, id, { document: `synthetic-${i}.txt`, form: 'article', headline: `${pick(TOPICS)}${pick(EVENTS)}召开`, date: date(), home: city });
          break;
        }
      }
    }
  }
  let edges = 0;
  const link = (rel: RelationshipType, from: string, to: string, props: object) => {
    if (from === to) return;
    g.addDirectedEdgeWithKey(`${rel}|${from}|${to}|${edges++}`, from, to, { rel, ...props } as never);
  };
  const provenance = () => ({ article: skewed(byKind.Article).slice('Article:'.length), sentence: '', date: date() });
  // About five edges a node, in the proportions the sample page has.
  const target = nodes * 5;
  while (edges < target) {
    const r = rnd();
    if (r < 0.3) link('MENTIONS', skewed(byKind.Article), skewed(byKind.Person), { ...provenance(), count: 1, titles: [], resolution: 'org-region' });
    else if (r < 0.48) link('PARTICIPATED_IN', skewed(byKind.Person), skewed(byKind.Event), { ...provenance(), roles: ['attended'] });
    else if (r < 0.63) link('HOLDS', skewed(byKind.Person), skewed(byKind.Organization), { ...provenance(), title: '局长' });
    else if (r < 0.73) link('REPORTS', skewed(byKind.Article), skewed(byKind.Event), provenance());
    else if (r < 0.83) link('MENTIONS', skewed(byKind.Article), skewed(byKind.Organization), { ...provenance(), count: 1, titles: [], resolution: null });
    else if (r < 0.9) link('HELD_AT', skewed(byKind.Event), skewed(byKind.Place), provenance());
    else if (r < 0.95) link('PART_OF', skewed(byKind.Organization), skewed(byKind.Organization), { rule: 'synthetic' });
    else link('LOCATED_IN', skewed(byKind.Organization), skewed(byKind.Place), { rule: 'synthetic' });
  }
  return g;
}

/** A store that only holds a graph in memory: what the server reads. */
export function memoryStore(graph: GuanxiGraph): GraphStore {
  return {
    kind: 'snapshot',
    location: `synthetic graph (${graph.order} nodes)`,
    hasDocument: async () => false,
    write: async () => {},
    documents: async () => [],
    remove: async () => {},
    changes: async () => 'fixed',
    counts: async () => graphCounts(graph),
    namedQuery: async (name, params) => runNamedQuery(graph, name, params),
    graph: async () => graph,
    articleText: async () => null,
    close: async () => {},
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const hook = <T>(page: Page, expression: string): Promise<T> => page.evaluate(`(() => { const g = window.__guanxi; return ${expression}; })()`) as Promise<T>;

/** Drags the graph across the canvas with the mouse while the page records the time between frames. */
async function panFrames(page: Page, frames: number): Promise<number[]> {
  await page.evaluate(`(() => {
    // Only the frames in which sigma drew count: a tick with nothing to draw is no frame of the pan.
    const times = (window.__frames = []);
    let last = performance.now();
    let drawn = false;
    window.__guanxi.renderer.sigma.on('afterRender', () => (drawn = true));
    const tick = (now) => { if (drawn) times.push(now - last); drawn = false; last = now; if (!window.__stopFrames) requestAnimationFrame(tick); };
    window.__stopFrames = false;
    requestAnimationFrame(tick);
  })()`);
  const box = (await page.locator('#graph').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 0; ((await page.evaluate('window.__frames.length')) as number) < frames && Date.now() - start < 120_000; i++) {
    const t = i / 15;
    await page.mouse.move(cx + Math.sin(t) * box.width * 0.25, cy + Math.cos(t) * box.height * 0.2);
  }
  await page.mouse.up();
  const times = (await page.evaluate('(window.__stopFrames = true, window.__frames)')) as number[];
  return times.slice(1, frames + 1);
}

/**
 * The median frame time of drawing `count` small quads twice a frame (sigma's visual and picking
 * passes), instanced or as plain triangles, and the WebGL renderer's name.
 */
async function calibrate(page: Page, count: number): Promise<{ renderer: string; instanced: number; plain: number }> {
  await page.setContent('<canvas id="c" width="1400" height="850"></canvas>');
  return page.evaluate(`(async (n) => {
    const gl = document.getElementById('c').getContext('webgl2');
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    const program = gl.createProgram();
    const sources = [[gl.VERTEX_SHADER, '#version 300 es\\nin vec2 a_corner; in vec2 a_at; uniform float u_dx; out vec2 v_uv;\\nvoid main() { v_uv = a_corner; gl_Position = vec4(a_corner * 0.01 + a_at + vec2(u_dx, 0.0), 0.0, 1.0); }'],
      [gl.FRAGMENT_SHADER, '#version 300 es\\nprecision highp float; in vec2 v_uv; out vec4 color;\\nvoid main() { float d = length(v_uv) - 0.9; if (d > 0.1) discard; color = vec4(0.3, 0.5, 0.8, 1.0) * smoothstep(0.1, -0.1, d); }']];
    for (const [type, source] of sources) { const s = gl.createShader(type); gl.shaderSource(s, source); gl.compileShader(s); gl.attachShader(program, s); }
    gl.linkProgram(program);
    gl.useProgram(program);
    const corner = gl.getAttribLocation(program, 'a_corner'), at = gl.getAttribLocation(program, 'a_at'), dx = gl.getUniformLocation(program, 'u_dx');
    const points = new Float32Array(n * 2).map((_, i) => ((i * 7919) % 2000) / 1000 - 1);
    const buffer = (data) => { const b = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, b); gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW); };
    const frames = (draw) => new Promise((done) => {
      const times = []; let last = performance.now(); let i = 0;
      const tick = (now) => { times.push(now - last); last = now; i++; gl.clear(gl.COLOR_BUFFER_BIT); gl.uniform1f(dx, Math.sin(i / 10) * 0.05); draw(); draw();
        if (i < 30) requestAnimationFrame(tick); else done(times.slice(2).sort((a, b) => a - b)[14]); };
      requestAnimationFrame(tick);
    });
    gl.enableVertexAttribArray(corner); gl.enableVertexAttribArray(at);
    buffer(new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1])); gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 0, 0);
    buffer(points); gl.vertexAttribPointer(at, 2, gl.FLOAT, false, 0, 0); gl.vertexAttribDivisor(at, 1);
    const instanced = await frames(() => gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, n));
    const corners = [[-1, -1], [1, -1], [-1, 1], [-1, 1], [1, -1], [1, 1]];
    const flat = new Float32Array(n * 24);
    for (let i = 0; i < n; i++) corners.forEach(([x, y], j) => flat.set([x, y, points[2 * i], points[2 * i + 1]], (i * 6 + j) * 4));
    buffer(flat); gl.vertexAttribDivisor(at, 0);
    gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 16, 0); gl.vertexAttribPointer(at, 2, gl.FLOAT, false, 16, 8);
    const plain = await frames(() => gl.drawArrays(gl.TRIANGLES, 0, n * 6));
    return { renderer, instanced, plain };
  })(${count})`) as Promise<{ renderer: string; instanced: number; plain: number }>;
}

/** A time of a filter or a panel (ms): until its frame was drawn, and of that the page's own work. */
export interface Timed {
  /** Until two animation frames later: the main thread has drawn the changed frame and handed it on. */
  total: number;
  /** The state change's handlers and sigma's renders in the meantime (the main thread's work, not the GPU's). */
  work: number;
  /**
   * Until the GPU has executed that frame too (a readPixels after the two frames waits for it). The
   * main thread hands a frame on before the GPU has drawn it: in software WebGL drawing 65,000 edges
   * takes longer than the page's work, and what is not drawn yet delays whatever comes next.
   */
  drawn: number;
}
/** A filter or a panel: each changed and undone `rounds` times, the median of each. */
export interface Interactions {
  kind: Timed;
  dates: Timed;
  roles: Timed;
  org: Timed;
  panel: Timed;
  /** Of the panel's time, the /api/node request's (the server's answer and its transfer). */
  panelFetch: number;
}
const TIMED = ['kind', 'dates', 'roles', 'org', 'panel'] as const;

/**
 * One round of each interaction, in the page: the state changed through the store as the controls
 * change it, timed until two animation frames later (the changed frame drawn) and until the GPU has
 * drawn it, then undone. Each starts once the GPU has drawn everything before it: otherwise a change
 * pays for the frames of the one before (the undo of a date range draws all 65,000 edges again).
 */
async function interactionRound(page: Page): Promise<Interactions> {
  return page.evaluate(`(async () => {
    const g = window.__guanxi; const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // sigma's context (a private field): reading a pixel back waits until the GPU has run every command sent so far.
    const gl = g.renderer.sigma.webGLContext; const pixel = new Uint8Array(4);
    const drawn = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    const settle = async () => { drawn(); await frame(); drawn(); };
    let rendering = 0, renderStart = 0;
    g.renderer.sigma.on('beforeRender', () => (renderStart = performance.now()));
    g.renderer.sigma.on('afterRender', () => (rendering += performance.now() - renderStart));
    // sigma renders inside the store's handlers too: that is in the set's own time, not counted twice.
    const set = (patch) => { const before = rendering; const t = performance.now(); g.store.set(patch); const d = performance.now() - t; rendering = before; return d; };
    const timed = async (patch, undo) => {
      await settle();
      rendering = 0; const t0 = performance.now(); const sync = set(patch); await frame();
      const total = performance.now() - t0; drawn();
      const t = { total, work: sync + rendering, drawn: performance.now() - t0 }; set(undo); await frame(); return t;
    };
    const byDegree = (kind) => g.graph.filterNodes((_k, a) => !kind || a.kind === kind).reduce((a, b) => (g.graph.degree(b) > g.graph.degree(a) ? b : a));
    const kind = await timed({ kinds: new Set([...g.store.get().kinds].filter((k) => k !== 'Article')) }, { kinds: new Set(g.store.get().kinds) });
    const dates = await timed({ from: '2023-04-01', to: '2023-06-30' }, { from: null, to: null });
    const roles = await timed({ roles: new Set(['attended', 'spoke']) }, { roles: null });
    const org = await timed({ org: byDegree('Organization') }, { org: null });
    // A panel: the largest node selected, until its panel is filled and the next frame drawn.
    const key = byDegree(null);
    performance.clearResourceTimings();
    await settle();
    rendering = 0; const t0 = performance.now(); const sync = set({ selected: key });
    while (!document.querySelector('#panel:not([hidden]) h2')) await new Promise((r) => setTimeout(r, 2));
    await frame(); const total = performance.now() - t0; drawn();
    const panel = { total, work: sync + rendering, drawn: performance.now() - t0 };
    const fetched = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/node'));
    set({ selected: null }); await frame();
    return { kind, dates, roles, org, panel, panelFetch: fetched.length ? fetched[0].duration : NaN };
  })()`) as Promise<Interactions>;
}

/** A viewer build to measure: dist/viz, or another build's folder given with --baseline. */
interface Build {
  name: string;
  dir?: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const frames = Number(option('--frames') ?? 120);
  const rounds = Number(option('--rounds') ?? 3);
  const baseline = option('--baseline');
  const backends = (option('--webgl')?.split(',') as WebGLBackend[] | undefined) ?? [...WEBGL_BACKENDS];
  const unknown = backends.filter((b) => !WEBGL_BACKENDS.includes(b));
  if (unknown.length) throw new Error(`unknown --webgl ${unknown.join(', ')}: use ${WEBGL_BACKENDS.join(' or ')}`);
  const valued = new Set(['--frames', '--rounds', '--baseline', '--webgl', '--out'].map((o) => args.indexOf(o) + 1).filter((i) => i > 0));
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && !valued.has(i)).map(Number);
  const builds: Build[] = baseline ? [{ name: 'baseline', dir: baseline }, { name: 'current' }] : [{ name: 'current' }];
  const rows: string[][] = [];
  const calibrations: string[] = [];
  const ratios: string[] = [];
  // --out names the results (default viewer-<date>): a second run of the day keeps the first's.
  const out = option('--out') ?? `viewer-${DAY}`;
  mkdirSync(join(RESULTS, out), { recursive: true });
  for (const backend of backends) {
    const browser = await launchChromium(backend);
    try {
      const calibration = await calibrate(await browser.newPage(), 20_000);
      console.error(`${backend}: ${calibration.renderer}`);
      console.error(`  20,000 quads ×2 a frame: instanced ${calibration.instanced.toFixed(1)} ms, plain triangles ${calibration.plain.toFixed(1)} ms`);
      calibrations.push(`- ${backend}: ${calibration.renderer}; 20,000 quads ×2 a frame: instanced ${calibration.instanced.toFixed(1)} ms, plain triangles ${calibration.plain.toFixed(1)} ms`);
      for (const size of sizes.length ? sizes : SIZES) {
        const measured = await measureSize(browser, backend, size, frames, rounds, builds, out);
        for (const m of measured) rows.push([backend, m.build, ...m.cells]);
        if (measured.length === 2) {
          const [base, now] = measured;
          const ratio = (k: (typeof TIMED)[number], part: keyof Timed) => (base.interactions[k][part] / now.interactions[k][part]).toFixed(1);
          ratios.push(`- ${backend}, ${size.toLocaleString()} nodes: ${TIMED.map((k) => `${k} ${ratio(k, 'total')}× (work ${ratio(k, 'work')}×, drawn ${ratio(k, 'drawn')}×)`).join(', ')}`);
        }
      }
    } finally {
      await browser.close();
    }
  }
  const header = ['webgl', 'build', 'nodes', 'edges', 'payload MB raw/gz', 'server layout s', 'first picture s', 'reload picture s', 'kind ms (work) drawn', 'dates ms (work) drawn', 'roles ms (work) drawn', 'org ms (work) drawn', 'panel ms (work) drawn', 'pan median ms', 'pan p95 ms', 'fps', 'screenshot'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log([line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
  if (ratios.length) console.log(`\nbaseline ÷ current (median of ${rounds} rounds each, the two builds alternating):\n${ratios.join('\n')}`);
  const md = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const file = join(RESULTS, `${out}.md`);
  const ratioText = ratios.length ? `\n\nBaseline ÷ current, median of ${rounds} rounds each, the two builds alternating in one browser:\n\n${ratios.join('\n')}\n` : '\n';
  writeFileSync(file, `# bench:viewer, ${DAY}\n\n\`node dist/bench/viewer.js ${args.join(' ')}\` (load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')})\n\n${calibrations.join('\n')}\n\n${md}\n${ratioText}`);
  console.error(`table written to ${file}`);
}

const RESULTS = join(PACKAGE_ROOT, 'bench', 'results');
const DAY = new Date().toISOString().slice(0, 10);

interface Opened {
  build: Build;
  server: ViewerServer;
  context: BrowserContext;
  page: Page;
  cells: string[];
}

/** One build's viewer on a server of its own, opened, reloaded (layout from its cache) and pictured. */
async function openBuild(browser: Browser, backend: WebGLBackend, graph: GuanxiGraph, size: number, build: Build, out: string): Promise<Opened> {
  const server = await createViewerServer({ store: memoryStore(graph), overviewNodes: Number.MAX_SAFE_INTEGER, staticDir: build.dir });
  const payload = server.view.payload();
  // The layout the server started computing when it opened (layout-route.ts), awaited here: a
  // server that has been up a while has it ready; the page's first picture is measured after it.
  const layoutStart = Date.now();
  await (await fetch(`${server.url}api/layout`)).json();
  const serverLayout = Date.now() - layoutStart;
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 }, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error (${build.name}): ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction('window.__guanxi && (window.__guanxi.firstRender !== null || window.__guanxi.error !== null)', null, { timeout: 120_000 });
  const firstRender = await hook<number>(page, 'g.firstRender');
  const layout = await hook<string>(page, 'g.layout');
  await page.reload();
  await page.waitForFunction('window.__guanxi && window.__guanxi.firstRender !== null', null, { timeout: 120_000 });
  const cachedRender = await hook<number>(page, 'g.firstRender');
  const cached = await hook<string>(page, 'g.layout');
  await page.waitForTimeout(500);
  const shotName = `${out}/${backend}-${size}${build.dir ? `-${build.name}` : ''}.png`;
  await page.screenshot({ path: join(RESULTS, shotName) });
  return {
    build,
    server,
    context,
    page,
    cells: [
      `${(payload.raw.length / 1e6).toFixed(1)} / ${(payload.gzip.length / 1e6).toFixed(1)}`,
      (serverLayout / 1000).toFixed(1),
      `${(firstRender / 1000).toFixed(2)}${layout === 'done' ? '' : ` (layout ${layout}!)`}`,
      `${(cachedRender / 1000).toFixed(2)}${cached === 'cached' ? '' : ' (no cache!)'}`,
      `[${backend}-${size}](${shotName})`,
    ],
  };
}

/**
 * One graph size, each build in a browser context of its own: first picture, cached reload, then
 * the filters and the panel in rounds that alternate the builds (so that a change in the machine's
 * load falls on both), then the frame times of a pan.
 */
async function measureSize(browser: Browser, backend: WebGLBackend, size: number, frames: number, rounds: number, builds: Build[], out: string): Promise<{ build: string; interactions: Interactions; cells: string[] }[]> {
  const t0 = Date.now();
  const graph = syntheticGraph(size);
  const built = Date.now() - t0;
  const opened: Opened[] = [];
  try {
    for (const build of builds) opened.push(await openBuild(browser, backend, graph, size, build, out));
    const samples = opened.map(() => [] as Interactions[]);
    for (let r = 0; r < rounds; r++) for (const [i, o] of opened.entries()) samples[i].push(await interactionRound(o.page));
    const results = [];
    for (const [i, o] of opened.entries()) {
      const m = {
        ...Object.fromEntries(TIMED.map((k) => [k, { total: median(samples[i].map((s) => s[k].total)), work: median(samples[i].map((s) => s[k].work)), drawn: median(samples[i].map((s) => s[k].drawn)) }])),
        panelFetch: median(samples[i].map((s) => s.panelFetch)),
      } as Interactions;
      const cell = (t: Timed) => `${t.total.toFixed(0)} (${t.work.toFixed(0)}) ${t.drawn.toFixed(0)}`;
      const times = frames > 0 ? await panFrames(o.page, frames) : [];
      const [layout, server, first, reload, shot] = o.cells;
      results.push({
        build: o.build.name,
        interactions: m,
        cells: [
          size.toLocaleString(),
          graph.size.toLocaleString(),
          layout,
          server,
          first,
          reload,
          cell(m.kind),
          cell(m.dates),
          cell(m.roles),
          cell(m.org),
          `${cell(m.panel)} fetch ${m.panelFetch.toFixed(0)}`,
          times.length ? median(times).toFixed(1) : 'n/a',
          times.length ? percentile(times, 0.95).toFixed(1) : 'n/a',
          times.length ? `${(1000 / median(times)).toFixed(0)}` : 'n/a',
          shot,
        ],
      });
    }
    console.error(`  ${size} nodes done (graph built in ${built} ms)`);
    return results;
  } finally {
    for (const o of opened) {
      await o.context.close();
      await o.server.close();
    }
  }
}

// Run as a script (not when another module borrows syntheticGraph).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: Error) => {
    console.error(`bench:viewer: ${err.stack ?? err.message}`);
    process.exitCode = 1;
  });
}
