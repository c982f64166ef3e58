/**
 * The viewer's JSON API. The graph is read from the store once, when the server starts, and every
 * answer but ad-hoc Cypher comes from that copy; restart `guanxi serve` to see documents ingested since.
 *
 *   GET  /api/meta              store, location, counts
 *   GET  /api/graph             the whole graph (GraphPayload)
 *   GET  /api/node?key=K        the side panel's details of a node
 *   GET  /api/search?q=TEXT     suggestions as one types (&kind=Person: of one kind)
 *   GET  /api/queries           the named queries and their parameters
 *   POST /api/query             {cypher, params} (Neo4j, read-only) or {name, params} (either store)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphCounts, type GuanxiGraph } from '../graph/assemble.js';
import { NODE_LABELS, type NodeLabel } from '../graph/model.js';
import { namedQuery, namedQueryNames } from '../store/named-queries.js';
import type { GraphStore } from '../store/store.js';
import { nodeDetails } from './details.js';
import { HttpError, PreparedJson, readJsonBody, sendJson } from './http.js';
import { graphPayload } from './payload.js';
import type { Meta, NamedQueryInfo } from './protocol.js';
import { runQuery } from './query.js';
import { SearchIndex } from './search.js';

/** The graph as loaded, with what is derived from it once. */
export class LoadedGraph {
  readonly payload: PreparedJson;
  readonly search: SearchIndex;
  readonly meta: Meta;

  constructor(
    readonly graph: GuanxiGraph,
    store: GraphStore,
  ) {
    this.payload = new PreparedJson(graphPayload(graph));
    this.search = new SearchIndex(graph);
    this.meta = { store: store.kind, location: store.location, nodes: graph.order, edges: graph.size, counts: graphCounts(graph), cypher: store.kind === 'neo4j' };
  }

  static async load(store: GraphStore): Promise<LoadedGraph> {
    return new LoadedGraph(await store.graph(), store);
  }
}

const QUERIES: NamedQueryInfo[] = namedQueryNames().map((name) => {
  const { description, params } = namedQuery(name);
  return { name, description, params };
});

function required(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw new HttpError(400, `missing ?${name}=`);
  return value;
}

/** Answers an /api/ request; throws HttpError for the client's mistakes. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, store: GraphStore, loaded: LoadedGraph): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /api/meta':
      return sendJson(req, res, 200, loaded.meta);
    case 'GET /api/graph':
      return sendJson(req, res, 200, loaded.payload);
    case 'GET /api/node': {
      const key = required(url, 'key');
      const details = nodeDetails(loaded.graph, key);
      if (!details) throw new HttpError(404, `no node ${key}`);
      return sendJson(req, res, 200, details);
    }
    case 'GET /api/search': {
      const kind = url.searchParams.get('kind');
      if (kind !== null && !(NODE_LABELS as readonly string[]).includes(kind)) throw new HttpError(400, `kind must be one of ${NODE_LABELS.join(', ')}`);
      const limit = Math.min(Number(url.searchParams.get('limit')) || 12, 50);
      return sendJson(req, res, 200, loaded.search.search(url.searchParams.get('q') ?? '', limit, (kind as NodeLabel | null) ?? undefined));
    }
    case 'GET /api/queries':
      return sendJson(req, res, 200, QUERIES);
    case 'POST /api/query':
      return sendJson(req, res, 200, await runQuery(store, loaded.graph, await readJsonBody(req)));
  }
  const known = ['/api/meta', '/api/graph', '/api/node', '/api/search', '/api/queries', '/api/query'];
  if (known.includes(url.pathname)) throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
  throw new HttpError(404, `no API route ${url.pathname}`);
}
