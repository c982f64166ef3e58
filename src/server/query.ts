/**
 * POST /api/query: ad-hoc Cypher on Neo4j, always in a read transaction (a write is refused by the
 * server and answered 403), or a named query on either store. The rows' nodes and relationships are
 * also given as graph keys, so that the viewer can draw the result.
 */
import { NODE_LABELS, nodeKey, type NodeLabel } from '../graph/model.js';
import { runNamedQuery } from '../graph/queries.js';
import { bindParams, namedQuery, namedQueryNames } from '../store/named-queries.js';
import { ReadOnlyError } from '../store/neo4j.js';
import { Neo4jStore } from '../store/neo4j-store.js';
import type { GraphStore } from '../store/store.js';
import type { GuanxiGraph } from '../graph/assemble.js';
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

export async function runQuery(store: GraphStore, graph: GuanxiGraph, body: unknown): Promise<QueryResponse> {
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
    const result = store instanceof Neo4jStore ? await store.client.query(q.statement, params) : runNamedQuery(graph, q.name, params);
    return { ...result, graph: resultGraph(result.rows) };
  }
  if (typeof body.cypher !== 'string' || !body.cypher.trim()) throw new HttpError(400, 'expected {"cypher": "…"} or {"name": "…"}');
  if (!(store instanceof Neo4jStore)) {
    throw new HttpError(501, 'Cypher needs Neo4j: start the viewer with --neo4j URI (or NEO4J_URI); on the embedded snapshot only the named queries run');
  }
  if (body.params !== undefined && !isObject(body.params)) throw new HttpError(400, 'params must be an object');
  try {
    const result = await store.client.query(body.cypher, (body.params ?? {}) as Record<string, unknown>);
    return { ...result, graph: resultGraph(result.rows) };
  } catch (err) {
    if (err instanceof ReadOnlyError) throw new HttpError(403, err.message);
    const code = (err as { code?: string }).code ?? '';
    // The statement's own fault (syntax, unknown function, bad parameter): the client's error, with Neo4j's message.
    if (code.startsWith('Neo.ClientError.')) throw new HttpError(400, (err as Error).message);
    throw err;
  }
}
