/**
 * A named query's Cypher on a real Neo4j and its in-memory twin (src/graph/queries.ts) over the same
 * store's graph: both answers, for a test to compare (in order, or as sets where Neo4j may return
 * equal rows in any order).
 */
import { runNamedQuery, type QueryResult } from '../../src/graph/queries.js';
import { bindParams, namedQuery } from '../../src/store/named-queries.js';
import type { Neo4jStore } from '../../src/store/neo4j-store.js';

export async function bothAnswers(store: Neo4jStore, name: string, params: Record<string, string>): Promise<{ neo: QueryResult; mem: QueryResult }> {
  const q = namedQuery(name);
  const bound = bindParams(q, params);
  const neo = await store.client.query(q.statement, bound);
  return { neo: { columns: neo.columns, rows: neo.rows as QueryResult['rows'] }, mem: runNamedQuery(await store.graph(), name, bound) };
}
