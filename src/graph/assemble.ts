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

/** The labels whose nodes' properties a later document can change (remergedProps). */
export const REMERGED_LABELS: ReadonlySet<NodeLabel> = new Set(['Event', 'Person']);

/**
 * What a node already present becomes when another document gives it again: an event gains the
 * dates of every report, a person placed by posts in any document says so (`org-region` over
 * `document-home`, which give the same key), and one the identities file makes or keeps says that
 * (`identities-file`, its directives: they depend only on the file, so every document gives them
 * alike); everything else stays as the first document gave it (so only the labels in
 * REMERGED_LABELS ever change).
 * Both are the same in whatever order documents are written, as a re-run after a crash needs
 * (cypher/write/merge-event.cypher and merge-person.cypher do the same in Neo4j). Null: unchanged.
 */
export function remergedProps(label: NodeLabel, old: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> | null {
  if (label === 'Event') return { ...old, dates: [...new Set([...((old.dates as string[]) ?? []), ...((next.dates as string[]) ?? [])])].sort() };
  if (label === 'Person' && next.resolution === 'identities-file') return old.resolution === 'identities-file' ? null : next;
  if (label === 'Person' && old.resolution === 'identities-file') return null;
  if (label === 'Person' && next.resolution === 'org-region' && old.resolution !== 'org-region') return { ...old, resolution: 'org-region' };
  return null;
}

/** Adds one document's facts; nodes already present change only as remergedProps says. */
export function addFacts(graph: GuanxiGraph, facts: DocumentFacts): void {
  for (const n of facts.nodes) {
    const key = nodeKey(n.label, n.props.id);
    if (!graph.hasNode(key)) {
      graph.addNode(key, { kind: n.label, ...n.props } as NodeAttributes);
      continue;
    }
    const merged = remergedProps(n.label, graph.getNodeAttributes(key) as unknown as Record<string, unknown>, n.props as unknown as Record<string, unknown>);
    if (merged) graph.replaceNodeAttributes(key, merged as unknown as NodeAttributes);
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
