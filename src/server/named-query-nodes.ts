/**
 * Which columns of each named query (cypher/queries/*.cypher) hold a node's id, and of what kind.
 * Named queries return plain values, not nodes, so this is what lets the viewer draw their answer as
 * a graph and show a name, not an id, in their table: the ids become graph keys (`Person:张飞@许昌市`),
 * whose labels and the relationships among them the server reads from its view of the graph.
 */
import { nodeKey, type NodeLabel } from '../graph/model.js';

export type KeyColumns = Record<string, NodeLabel>;

const NAMED_QUERY_NODES: Record<string, KeyColumns> = {
  'events-of-person': { person: 'Person', event_id: 'Event', article: 'Article' },
  'participants-of-event': { person_id: 'Person', event_id: 'Event', article: 'Article' },
  'co-participation': { a_id: 'Person', b_id: 'Person', event_id: 'Event' },
  'officials-of-organization': { person_id: 'Person', organization_id: 'Organization' },
  'titles-of-person': { person: 'Person', organization_id: 'Organization', article: 'Article' },
  'events-at-place': { event_id: 'Event', place_id: 'Place' },
  'career-of-person': { person_id: 'Person', organization_id: 'Organization' },
  'holders-of-post': { person_id: 'Person', organization_id: 'Organization' },
  'colleagues-of-person': { person_id: 'Person', colleague_id: 'Person', organization_id: 'Organization' },
};

/** The id columns of a named query; none for a query this file does not know (its table shows the ids as they are). */
export function keyColumns(name: string): KeyColumns {
  return NAMED_QUERY_NODES[name] ?? {};
}

/** Every node the rows name through their id columns, as graph keys, once each, in the order met. */
export function rowKeys(columns: KeyColumns, rows: Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) {
    for (const [column, kind] of Object.entries(columns)) {
      const id = row[column];
      if (typeof id === 'string' && id) keys.add(nodeKey(kind, id));
    }
  }
  return [...keys];
}
