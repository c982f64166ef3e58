/**
 * A node's neighbours, to add to a view ("expand"): of some kinds, through participations in some
 * roles, the most connected first and at most `limit` of them, with the relationships that join
 * them to the node. Read from any graph that holds the node's relationships (the whole graph, or
 * the embedded store's neighbourhood of the node).
 */
import { emptyGraph, type GuanxiGraph } from './assemble.js';
import type { NodeLabel, Role } from './model.js';

export interface NeighbourQuery {
  /** Only neighbours of these kinds (null: any). */
  kinds: ReadonlySet<NodeLabel> | null;
  /** Only participations in one of these roles lead to a neighbour (null: any relationship). */
  roles: ReadonlySet<Role> | null;
  limit: number;
}

export const DEFAULT_NEIGHBOURS = 100;

export function neighbours(graph: GuanxiGraph, key: string, q: NeighbourQuery, degree: (key: string) => number = (k) => graph.degree(k)): GuanxiGraph {
  const out = emptyGraph();
  if (!graph.hasNode(key)) return out;
  const edges = new Map<string, string[]>();
  graph.forEachEdge(key, (edge, a, source, target) => {
    const other = source === key ? target : source;
    if (other === key) return;
    if (q.kinds && !q.kinds.has(graph.getNodeAttribute(other, 'kind'))) return;
    if (q.roles && (a.rel !== 'PARTICIPATED_IN' || !a.roles.some((r) => q.roles!.has(r)))) return;
    const list = edges.get(other);
    if (list) list.push(edge);
    else edges.set(other, [edge]);
  });
  // Code-point order among equals: the same neighbours on every machine.
  const chosen = [...edges.keys()].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, q.limit);
  out.addNode(key, graph.getNodeAttributes(key));
  for (const n of chosen) out.addNode(n, graph.getNodeAttributes(n));
  for (const n of chosen) for (const e of edges.get(n)!) out.addDirectedEdgeWithKey(e, graph.source(e), graph.target(e), graph.getEdgeAttributes(e));
  return out;
}
