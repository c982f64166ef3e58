/**
 * POST /api/query: ad-hoc Cypher on Neo4j, or a named query on either store. Ad-hoc Cypher must pass
 * the console's allow-list (cypher-guard.ts) and runs in a read transaction (a write is refused by
 * the server too: 403), with a time limit in Neo4j and a row limit, and is cancelled in Neo4j when
 * its client goes away. The rows' nodes and relationships are also given as graph keys, so that the
 * viewer can draw the result. A named query's rows give ids, not nodes: its graph is the nodes of
 * its id columns (named-query-nodes.ts) and the relationships among them, on either store.
 */
import { NODE_LABELS, nodeKey, type NodeLabel } from '../graph/model.js';
import { bindParams, namedQuery, namedQueryNames } from '../store/named-queries.js';
import { Neo4jTimeoutError, QueryCancelledError, ReadOnlyError } from '../store/neo4j.js';
import { Neo4jStore } from '../store/neo4j-store.js';
import type { GraphStore } from '../store/store.js';
import type { GraphView } from './graph-view.js';
import { checkConsoleCypher, CypherRefused } from './cypher-guard.js';
import { CYPHER_HINT } from './cypher-hint.js';
import { keyColumns, rowKeys } from './named-query-nodes.js';
import { HttpError } from './http.js';
import type { QueryResponse } from './protocol.js';

type PlainNode = { elementId: string; labels: string[]; properties: { id?: unknown } };
type PlainRelationship = { elementId: string; type: string; start: string; end: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isNode = (v: Record<string, unknown>): v is PlainNode & Record<string, unknown> => typeof v.elementId === 'string' && Array.isArray(v.labels) && isObject(v.properties);
const isRelationship = (v: Record<string, unknown>): v is PlainRelationship & Record<string, unknown> =>
  typeof v.elementId === 'string' && typeof v.type === 'string' && typeof v.start === 'string' && typeof v.end === 'string';

/** The graph keys of the nodes the rows hold (at any depth: lists, maps, paths) and of the relationships between them. */
export function resultGraph(rows: Record<string, unknown>[]): QueryResponse['graph'] {
  const keys = new Map<string, string>();
  const relationships: PlainRelationship[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObject(v)) return;
    if (isNode(v)) {
      const label = v.labels.find((l): l is NodeLabel => (NODE_LABELS as readonly string[]).includes(l));
      if (label && typeof v.properties.id === 'string') keys.set(v.elementId, nodeKey(label, v.properties.id));
      return;
    }
    if (isRelationship(v)) {
      relationships.push(v);
      return;
    }
    Object.values(v).forEach(walk);
  };
  rows.forEach(walk);
  const edges = relationships.flatMap((r): [string, string][] => (keys.has(r.start) && keys.has(r.end) ? [[keys.get(r.start)!, keys.get(r.end)!]] : []));
  return { nodes: [...new Set(keys.values())], edges };
}

function stringParams(params: unknown): Record<string, string> {
  if (params === undefined) return {};
  if (!isObject(params) || Object.values(params).some((v) => typeof v !== 'string')) throw new HttpError(400, 'a named query\'s params must be an object of strings');
  return params as Record<string, string>;
}

/** What one console query may take: rows and bytes sent back, and time in Neo4j. */
export interface ConsoleLimits {
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { maxRows: 1000, maxBytes: 16 * 1024 * 1024, timeoutMs: 30_000 };

type Rows = Pick<QueryResponse, 'columns' | 'rows' | 'truncated'>;

/** A statement on Neo4j within the limits; `signal` (the client went away) cancels it in Neo4j. */
async function onNeo4j(store: Neo4jStore, statement: string, params: Record<string, unknown>, limits: ConsoleLimits, signal: AbortSignal): Promise<Rows> {
  try {
    return await store.client.queryLimited(statement, params, { ...limits, signal });
  } catch (err) {
    if (err instanceof ReadOnlyError) throw new HttpError(403, err.message);
    if (err instanceof Neo4jTimeoutError) throw new HttpError(504, err.message);
    // Nobody is left to answer; not the server's fault either (499: the client closed the request).
    if (err instanceof QueryCancelledError) throw new HttpError(499, err.message);
    const code = (err as { code?: string }).code ?? '';
    // The statement's own fault (syntax, unknown function, bad parameter): the client's error, with Neo4j's message.
    if (code.startsWith('Neo.ClientError.')) throw new HttpError(400, (err as Error).message);
    throw err;
  }
}

export async function runQuery(store: GraphStore, view: GraphView, body: unknown, limits: ConsoleLimits, signal: AbortSignal): Promise<QueryResponse> {
  if (!isObject(body)) throw new HttpError(400, 'expected {"cypher": "…", "params"?: {…}} or {"name": "…", "params"?: {…}}');
  if (typeof body.name === 'string') {
    if (!namedQueryNames().includes(body.name)) throw new HttpError(404, `no named query "${body.name}"; the named queries are: ${namedQueryNames().join(', ')}`);
    const q = namedQuery(body.name);
    let params;
    try {
      params = bindParams(q, stringParams(body.params));
    } catch (err) {
      throw err instanceof HttpError ? err : new HttpError(400, (err as Error).message);
    }
    const result = store instanceof Neo4jStore ? await onNeo4j(store, q.statement, params, limits, signal) : { ...view.namedQuery(q.name, params), truncated: false };
    const columns = keyColumns(q.name);
    const keys = rowKeys(columns, result.rows);
    const { labels, edges } = view.among(keys);
    // Only the nodes the view knows are drawn (an id of a node deleted since is left out).
    return { ...result, graph: { nodes: keys.filter((k) => Object.hasOwn(labels, k)), edges }, keyColumns: columns, labels };
  }
  if (typeof body.cypher !== 'string' || !body.cypher.trim()) throw new HttpError(400, 'expected {"cypher": "…"} or {"name": "…"}');
  if (!(store instanceof Neo4jStore)) {
    throw new HttpError(501, CYPHER_HINT);
  }
  if (body.params !== undefined && !isObject(body.params)) throw new HttpError(400, 'params must be an object');
  try {
    checkConsoleCypher(body.cypher);
  } catch (err) {
    if (err instanceof CypherRefused) throw new HttpError(403, err.message);
    throw err;
  }
  const result = await onNeo4j(store, body.cypher, (body.params ?? {}) as Record<string, unknown>, limits, signal);
  const graph = resultGraph(result.rows);
  return { ...result, graph, keyColumns: {}, labels: view.among(graph.nodes).labels };
}
