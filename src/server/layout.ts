/**
 * Node positions, computed once per graph version on the server (layout-route.ts runs this in a
 * worker thread and caches the answer by the payload's hash).
 *
 * Why on the server and not in the page: the page shares the machine's cores with its own drawing
 * (WebGL in software here), and a layout that runs against a time budget there ends wherever the
 * budget runs out, unfinished on a busy machine. Here the layout runs a fixed number of
 * iterations, scaled to the graph's size, so it always ends, in the same place: ForceAtlas2 from a
 * deterministic start (a golden-angle spiral in the payload's node order), then a bounded overlap
 * pass. Same graph, same positions; what is cached is always finished.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** A graph as the layout needs it: nodes by index, edges as index pairs (GraphPayload's shape). */
export interface LayoutInput {
  nodes: number;
  source: ArrayLike<number>;
  target: ArrayLike<number>;
}

export interface LayoutOptions {
  /** Where to start (x0, y0, x1, y1, …); the spiral when absent. */
  start?: ArrayLike<number>;
  /** Nodes that keep their place: a node the analyst dragged (index → [x, y]). */
  pinned?: ReadonlyMap<number, readonly [number, number]>;
  /** ForceAtlas2 iterations; layoutIterations(input) when absent. */
  iterations?: number;
}

export interface LayoutResult {
  /** x0, y0, x1, y1, … in the input's node order, rounded to 2 decimals. */
  xy: number[];
  iterations: number;
}

/**
 * The iterations a graph gets: enough to untangle a few thousand nodes (400), fewer as it grows,
 * so that the work (about nodes·log(nodes) + edges an iteration with Barnes-Hut) stays near a
 * couple of seconds of one core. Never fewer than 30: below that a large graph is still a disc.
 * Measured on a loaded 2-core machine: 13,000 nodes / 30,000 edges take about 80 ms an iteration.
 */
export function layoutIterations(input: Pick<LayoutInput, 'nodes' | 'source'>): number {
  const work = input.nodes * Math.log2(input.nodes + 2) + input.source.length;
  return Math.max(30, Math.min(400, Math.round(4e6 / Math.max(work, 1))));
}

/** The deterministic start: a golden-angle spiral filling a disc, node 0 at the centre. */
export function spiral(nodes: number): number[] {
  const xy: number[] = [];
  for (let i = 0; i < nodes; i++) {
    const r = Math.sqrt(i + 0.5) * 10;
    const t = i * 2.399963;
    xy.push(r * Math.cos(t), r * Math.sin(t));
  }
  return xy;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Lays the graph out: ForceAtlas2 for a bounded number of iterations, then a bounded overlap pass. */
export function layoutGraph(input: LayoutInput, options: LayoutOptions = {}): LayoutResult {
  const { nodes } = input;
  const start = options.start ?? spiral(nodes);
  if (start.length !== nodes * 2) throw new Error(`the start has ${start.length / 2} positions for ${nodes} nodes`);
  const pinned = options.pinned ?? new Map<number, readonly [number, number]>();
  // One simple undirected edge a pair: repeated mentions would pull a pair together many times over.
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < nodes; i++) {
    const pin = pinned.get(i);
    graph.addNode(i, { x: pin ? pin[0] : start[2 * i], y: pin ? pin[1] : start[2 * i + 1], fixed: !!pin, size: 1 });
  }
  for (let e = 0; e < input.source.length; e++) {
    const [s, t] = [input.source[e], input.target[e]];
    if (s !== t) graph.mergeEdge(s, t);
  }
  graph.forEachNode((key) => graph.setNodeAttribute(key, 'size', 1 + Math.sqrt(graph.degree(key))));

  const iterations = options.iterations ?? layoutIterations(input);
  if (nodes > 1 && iterations > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: nodes > 1000, barnesHutTheta: nodes > 5000 ? 1.2 : 1, adjustSizes: false };
    forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
    separate(graph);
  }
  const xy: number[] = [];
  for (let i = 0; i < nodes; i++) {
    const pin = pinned.get(i);
    // The overlap pass has no notion of a fixed node: a pinned node is put back where it was pinned.
    xy.push(pin ? pin[0] : round(graph.getNodeAttribute(i, 'x')), pin ? pin[1] : round(graph.getNodeAttribute(i, 'y')));
  }
  return { xy, iterations };
}

/**
 * Pushes apart nodes that sit on one another, for a few rounds (graphology-layout-noverlap took
 * over a second a round at 13,000 nodes). Sizes are scaled so that the nodes would cover a tenth
 * of the layout's area: each node gets its room once the analyst zooms in, without the graph
 * being blown up to make room for every node at full view. Pairs are found through a grid of
 * cells as wide as the largest node, so a round costs about one look at each node's neighbours.
 */
function separate(graph: Graph, rounds = 8): void {
  const n = graph.order;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const r = new Float64Array(n);
  const fixed = new Uint8Array(n);
  let [x0, x1, y0, y1, area, rMax] = [Infinity, -Infinity, Infinity, -Infinity, 0, 0];
  graph.forEachNode((key, a) => {
    const i = Number(key);
    [x[i], y[i], r[i], fixed[i]] = [a.x, a.y, a.size, a.fixed ? 1 : 0];
    [x0, x1, y0, y1] = [Math.min(x0, a.x), Math.max(x1, a.x), Math.min(y0, a.y), Math.max(y1, a.y)];
    area += Math.PI * a.size * a.size;
  });
  const scale = Math.sqrt(((x1 - x0) * (y1 - y0) * 0.1) / Math.max(area, 1e-9));
  if (!Number.isFinite(scale) || scale <= 0) return;
  for (let i = 0; i < n; i++) rMax = Math.max(rMax, (r[i] *= scale));
  const cell = 2 * rMax;
  for (let round = 0; round < rounds; round++) {
    const cells = new Map<number, number[]>();
    const at = (cx: number, cy: number) => cx * 73856093 + cy * 19349663;
    for (let i = 0; i < n; i++) {
      const key = at(Math.floor(x[i] / cell), Math.floor(y[i] / cell));
      const list = cells.get(key);
      if (list) list.push(i);
      else cells.set(key, [i]);
    }
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const [cx, cy] = [Math.floor(x[i] / cell), Math.floor(y[i] / cell)];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const j of cells.get(at(cx + dx, cy + dy)) ?? []) {
            if (j <= i) continue;
            const [ex, ey] = [x[j] - x[i], y[j] - y[i]];
            const d = Math.hypot(ex, ey);
            const overlap = r[i] + r[j] - d;
            if (overlap <= 0) continue;
            // Coincident nodes part along a direction fixed by their indices: deterministic.
            const [ux, uy] = d > 1e-9 ? [ex / d, ey / d] : [Math.cos(i + j), Math.sin(i + j)];
            const share = fixed[i] || fixed[j] ? (fixed[i] && fixed[j] ? 0 : 1) : 0.5;
            if (!fixed[i]) [x[i], y[i]] = [x[i] - ux * overlap * share, y[i] - uy * overlap * share];
            if (!fixed[j]) [x[j], y[j]] = [x[j] + ux * overlap * share, y[j] + uy * overlap * share];
            moved++;
          }
    }
    if (moved === 0) break;
  }
  graph.forEachNode((key) => graph.mergeNodeAttributes(key, { x: x[Number(key)], y: y[Number(key)] }));
}
