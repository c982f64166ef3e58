/**
 * The in-memory graph: documents' facts merged into one graphology multigraph. Node attributes are
 * `{ kind, ...props }` and edge attributes `{ rel, ...props }` (not `label`/`type`, which sigma reads
 * as display label and edge program).
 */
import Graph from 'graphology';
import {
  nodeKey,
  relationshipKey,
  type DocumentFacts,
  type NodeLabel,
  type NodePropsByLabel,
  type RelationshipType,
  type RelPropsByType,
} from './model.js';

export type NodeAttributes = { [L in NodeLabel]: { kind: L } & NodePropsByLabel[L] }[NodeLabel];
export type EdgeAttributes = { [T in RelationshipType]: { rel: T } & RelPropsByType[T] }[RelationshipType];
export type GuanxiGraph = Graph<NodeAttributes, EdgeAttributes>;

export function emptyGraph(): GuanxiGraph {
  return new Graph<NodeAttributes, EdgeAttributes>({ multi: true, type: 'directed', allowSelfLoops: false });
}

/** Adds one document's facts; nodes already present keep their attributes (events gain dates). */
export function addFacts(graph: GuanxiGraph, facts: DocumentFacts): void {
  for (const n of facts.nodes) {
    const key = nodeKey(n.label, n.props.id);
    if (!graph.hasNode(key)) {
      graph.addNode(key, { kind: n.label, ...n.props } as NodeAttributes);
    } else if (n.label === 'Event') {
      graph.updateNodeAttribute(key, 'dates' as never, (old: unknown) =>
        [...new Set([...((old as string[]) ?? []), ...n.props.dates])].sort() as never,
      );
    }
  }
  for (const r of facts.relationships) {
    const key = relationshipKey(r);
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, nodeKey(r.from.label, r.from.id), nodeKey(r.to.label, r.to.id), {
      rel: r.type,
      ...r.props,
    } as EdgeAttributes);
  }
}

export function buildGraph(documents: Iterable<DocumentFacts>): GuanxiGraph {
  const graph = emptyGraph();
  for (const facts of documents) addFacts(graph, facts);
  return graph;
}

/** Node and relationship counts by label and type: what tests and the CLI compare. */
export function graphCounts(graph: GuanxiGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  graph.forEachNode((_, a) => (counts[a.kind] = (counts[a.kind] ?? 0) + 1));
  graph.forEachEdge((_, a) => (counts[a.rel] = (counts[a.rel] ?? 0) + 1));
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
