/**
 * Which nodes and edges the filters leave on screen. Pure: from the graph and the view state to two
 * sets, recomputed when the filters change (not on hover), so that sigma's reducers only look up.
 *
 * Order: kinds and dates first; then an organization, an ego network or a path narrows what is left
 * (the path and ego search walk only visible nodes, so hiding articles finds paths through events).
 * A Cypher result, when drawn, replaces all of it.
 */
import { dateWithin, type DateRange } from '../../src/graph/date-range.js';
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

export function computeVisibility(graph: ViewGraph, s: ViewState): Visibility {
  const ranged = s.from !== null || s.to !== null;
  // A fact is in the range when all of its date is: a year-only article is not on every day of its year.
  const range: DateRange = { from: s.from, to: s.to };
  const edgeInRange = (date: string | null) => !ranged || date === null || dateWithin(date, range);

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
  const base = new Set<string>();
  graph.forEachNode((key, a) => {
    if (!s.kinds.has(a.kind)) return;
    if (roleMask && (a.kind === 'Person' || a.kind === 'Event')) {
      let took = false;
      graph.forEachEdge(key, (_e, ea) => {
        if (ea.rel === 'PARTICIPATED_IN' && edgeShown(ea)) took = true;
      });
      if (!took) return;
    }
    if (ranged) {
      if (a.date !== null) {
        if (!dateWithin(a.date, range)) return;
      } else {
        let dated = false;
        let inRange = false;
        graph.forEachEdge(key, (_e, ea) => {
          if (ea.date === null) return;
          dated = true;
          if (dateWithin(ea.date, range)) inRange = true;
        });
        if (dated && !inRange) return;
      }
    }
    base.add(key);
  });
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
    for (const org of [...keep]) {
      graph.forEachInEdge(org, (_e, a, person) => {
        if (a.rel !== 'HOLDS' || !edgeInRange(a.date)) return;
        keep.add(person);
        graph.forEachOutEdge(person, (_e2, b, _person, event) => {
          if (b.rel === 'PARTICIPATED_IN' && edgeInRange(b.date)) keep.add(event);
        });
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
    graph.forEachEdge((e, a, source, target) => {
      if (nodes.has(source) && nodes.has(target) && edgeShown(a)) edges!.add(e);
    });
  }
  return { nodes, edges, edgeInRange, note };
}
