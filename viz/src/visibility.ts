/**
 * Which nodes and edges the filters leave on screen. Pure: from the graph and the view state to two
 * sets, recomputed when the filters change (not on hover), so that the renderer only looks up.
 *
 * Kinds, dates and roles are read from a flat index of the graph (`indexGraph`: arrays of the nodes'
 * kinds and dates, the edges' ends, dates and roles, each node's edges), built once per graph and again
 * only when an expansion changed it, and every date is tested once per filter, not once per edge.
 *
 * Order: kinds and dates first; then an organization, an ego network or a path narrows what is left
 * (the path and ego search walk only visible nodes, so hiding articles finds paths through events).
 * A Cypher result, when drawn, replaces all of it.
 */
import { dateWithin, type DateRange } from '../../src/graph/date-range.js';
import type { NodeLabel } from '../../src/graph/model.js';
import { roleBits, type EdgeAttrs, type ViewGraph } from './graph-data.js';
import type { ViewState } from './state.js';

export interface Visibility {
  /** null: every node. */
  nodes: ReadonlySet<string> | null;
  /** null: every edge whose ends are both visible (and whose date is in range). */
  edges: ReadonlySet<string> | null;
  /** Date range test for an edge's provenance date; true when no range is set. */
  edgeInRange: (date: string | null) => boolean;
  /** A message for an empty result (no path, unknown node). */
  note: string | null;
}

/** The graph as arrays: node i and edge j by number, and each node's edges (CSR: `around` from `start[i]` to `start[i + 1]`). */
export interface GraphIndex {
  /** graph.order and graph.size when it was built: a graph of other counts needs a new one. */
  readonly order: number;
  readonly size: number;
  readonly nodes: readonly string[];
  readonly kinds: readonly NodeLabel[];
  readonly dates: readonly (string | null)[];
  readonly edges: readonly string[];
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly edgeDates: readonly (string | null)[];
  /** 1 for a participation (PARTICIPATED_IN), whose roles `roleBits` holds. */
  readonly participation: Uint8Array;
  readonly roleBits: Int32Array;
  readonly start: Int32Array;
  readonly around: Int32Array;
}

export function indexGraph(graph: ViewGraph): GraphIndex {
  const nodes = graph.nodes();
  const number = new Map(nodes.map((k, i) => [k, i]));
  const kinds = nodes.map((k) => graph.getNodeAttribute(k, 'kind'));
  const dates = nodes.map((k) => graph.getNodeAttribute(k, 'date'));
  const edges: string[] = [];
  const edgeDates: (string | null)[] = [];
  const [source, target, roles] = [new Int32Array(graph.size), new Int32Array(graph.size), new Int32Array(graph.size)];
  const participation = new Uint8Array(graph.size);
  const degree = new Int32Array(nodes.length + 1);
  graph.forEachEdge((key, a, s, t) => {
    const j = edges.length;
    edges.push(key);
    edgeDates.push(a.date);
    [source[j], target[j], roles[j], participation[j]] = [number.get(s)!, number.get(t)!, a.roleBits, a.rel === 'PARTICIPATED_IN' ? 1 : 0];
    degree[source[j] + 1]++;
    degree[target[j] + 1]++;
  });
  const start = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) start[i + 1] = start[i] + degree[i + 1];
  const around = new Int32Array(start[nodes.length]);
  const next = start.slice(0, nodes.length);
  for (let j = 0; j < edges.length; j++) {
    around[next[source[j]]++] = j;
    around[next[target[j]]++] = j;
  }
  return { order: graph.order, size: graph.size, nodes, kinds, dates, edges, source, target, edgeDates, participation, roleBits: roles, start, around };
}

/** `test` of each distinct value once: the graph's edges share a few hundred dates. */
function memo(test: (date: string | null) => boolean): (date: string | null) => boolean {
  const seen = new Map<string | null, boolean>();
  return (date) => {
    let r = seen.get(date);
    if (r === undefined) seen.set(date, (r = test(date)));
    return r;
  };
}

function bfs(graph: ViewGraph, start: string, allowed: (n: string) => boolean, maxDepth: number, goal?: string): Map<string, string | null> {
  const parent = new Map<string, string | null>([[start, null]]);
  let frontier = [start];
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const n of graph.neighbors(node)) {
        if (parent.has(n) || !allowed(n)) continue;
        parent.set(n, node);
        if (n === goal) return parent;
        next.push(n);
      }
    }
    frontier = next;
  }
  return parent;
}

export function computeVisibility(graph: ViewGraph, s: ViewState, index: GraphIndex = indexGraph(graph)): Visibility {
  const ranged = s.from !== null || s.to !== null;
  // A fact is in the range when all of its date is: a year-only article is not on every day of its year.
  const range: DateRange = { from: s.from, to: s.to };
  const edgeInRange = memo((date) => !ranged || date === null || dateWithin(date, range));
  const dayInRange = memo((date) => date !== null && dateWithin(date, range));

  if (s.result) {
    const nodes = new Set(s.result.nodes.filter((k) => graph.hasNode(k)));
    const pairs = new Set(s.result.edges.map(([a, b]) => `${a}\n${b}`));
    const edges = new Set<string>();
    // With relationships in the result, draw those; with only nodes, the edges among them.
    graph.forEachEdge((e, _a, source, target) => {
      if (pairs.size ? pairs.has(`${source}\n${target}`) : nodes.has(source) && nodes.has(target)) edges.add(e);
    });
    return { nodes, edges, edgeInRange: () => true, note: nodes.size ? null : 'the query returned no nodes of this graph' };
  }

  if (!ranged && !s.roles && !s.org && !s.ego && !s.path && s.kinds.size === 5) return { nodes: null, edges: null, edgeInRange, note: null };
  // Roles: a participation counts when it had one of them; persons and events need one that does.
  const roleMask = s.roles ? roleBits(s.roles) : 0;
  const edgeShown = (a: EdgeAttrs) => edgeInRange(a.date) && (!roleMask || a.rel !== 'PARTICIPATED_IN' || (a.roleBits & roleMask) !== 0);

  // Kinds and dates. A node with its own date (event, article) must be in range; a person,
  // organization or place must have a dated fact in range, unless it has no dated fact at all.
  const { edgeDates, participation, start, around } = index;
  const shownEdge = new Uint8Array(index.edges.length);
  for (let j = 0; j < shownEdge.length; j++) {
    shownEdge[j] = edgeInRange(edgeDates[j]) && (!roleMask || !participation[j] || (index.roleBits[j] & roleMask) !== 0) ? 1 : 0;
  }
  const base = new Set<string>();
  for (let i = 0; i < index.nodes.length; i++) {
    const kind = index.kinds[i];
    if (!s.kinds.has(kind)) continue;
    if (roleMask && (kind === 'Person' || kind === 'Event')) {
      let took = false;
      for (let k = start[i]; k < start[i + 1] && !took; k++) took = participation[around[k]] === 1 && shownEdge[around[k]] === 1;
      if (!took) continue;
    }
    if (ranged) {
      const date = index.dates[i];
      if (date !== null) {
        if (!dayInRange(date)) continue;
      } else {
        let dated = false;
        let inRange = false;
        for (let k = start[i]; k < start[i + 1] && !inRange; k++) {
          const d = edgeDates[around[k]];
          if (d === null) continue;
          dated = true;
          inRange = dayInRange(d);
        }
        if (dated && !inRange) continue;
      }
    }
    base.add(index.nodes[i]);
  }
  let nodes: Set<string> = base;

  if (s.org && graph.hasNode(s.org)) {
    // The organization, the bodies under it, their title holders, and the events those took part in.
    const keep = new Set([s.org]);
    const queue = [s.org];
    while (queue.length) {
      graph.forEachInEdge(queue.pop()!, (_e, a, source) => {
        if (a.rel === 'PART_OF' && !keep.has(source)) {
          keep.add(source);
          queue.push(source);
        }
      });
    }
    // Each title holder's events once, however many posts they hold in it.
    const holders = new Set<string>();
    for (const org of [...keep]) {
      graph.forEachInEdge(org, (_e, a, person) => {
        if (a.rel === 'HOLDS' && edgeInRange(a.date)) holders.add(person);
      });
    }
    for (const person of holders) {
      keep.add(person);
      graph.forEachOutEdge(person, (_e, b, _person, event) => {
        if (b.rel === 'PARTICIPATED_IN' && edgeInRange(b.date)) keep.add(event);
      });
    }
    nodes = new Set([...nodes].filter((n) => keep.has(n)));
  }

  let note: string | null = null;
  let edges: Set<string> | null = null;
  if (s.ego && graph.hasNode(s.ego.key)) {
    const around = bfs(graph, s.ego.key, (n) => nodes.has(n), s.ego.hops);
    nodes = new Set(around.keys());
  }
  if (s.path && graph.hasNode(s.path.from) && graph.hasNode(s.path.to)) {
    const allowed = new Set(nodes).add(s.path.from).add(s.path.to);
    const parent = bfs(graph, s.path.from, (n) => allowed.has(n), Infinity, s.path.to);
    if (parent.has(s.path.to)) {
      const onPath: string[] = [];
      for (let n: string | null = s.path.to; n !== null; n = parent.get(n) ?? null) onPath.push(n);
      nodes = new Set(onPath);
      // Only the edges along the path, not every edge among its nodes.
      edges = new Set();
      for (let i = 0; i + 1 < onPath.length; i++) {
        const [a, b] = [onPath[i], onPath[i + 1]];
        for (const e of [...graph.edges(a, b), ...graph.edges(b, a)]) if (edgeInRange(graph.getEdgeAttribute(e, 'date'))) edges.add(e);
      }
    } else {
      nodes = new Set([s.path.from, s.path.to]);
      edges = new Set();
      note = 'no path between these two among the nodes shown (try showing more kinds or a wider date range)';
    }
  }
  // What an expansion added stays in view, with what joins it to the nodes shown.
  if (s.expanded.length && (s.ego || s.path || s.org)) {
    nodes = new Set(nodes);
    for (const k of s.expanded) if (graph.hasNode(k) && base.has(k)) nodes.add(k);
    if (edges) graph.forEachEdge((e, a, source, target) => {
      if ((s.expanded.includes(source) || s.expanded.includes(target)) && nodes.has(source) && nodes.has(target) && edgeShown(a)) edges!.add(e);
    });
  }
  // With roles, the participations in other roles go too (the renderer otherwise tests dates only).
  if (roleMask && !edges) {
    edges = new Set();
    for (let j = 0; j < shownEdge.length; j++) {
      if (shownEdge[j] && nodes.has(index.nodes[index.source[j]]) && nodes.has(index.nodes[index.target[j]])) edges.add(index.edges[j]);
    }
  }
  return { nodes, edges, edgeInRange, note };
}
