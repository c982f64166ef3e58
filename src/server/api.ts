/**
 * The viewer's JSON API, answered through a GraphView (graph-view.ts): the embedded store read by
 * index, or Neo4j's graph loaded whole; either way, what an ingest adds meanwhile shows without a restart.
 *
 *   GET  /api/meta              store, location, counts, change marker
 *   GET  /api/graph             the graph (GraphPayload): all of it, or its most connected nodes
 *   GET  /api/node?key=K        the side panel's details of a node
 *   GET  /api/career?key=K      a person's posts, ranks, changes and meetings (the panel's career timeline)
 *   GET  /api/search?q=TEXT     suggestions as one types (&kind=Person: of one kind)
 *   GET  /api/meetings          who met whom (&from=&to= a period, default the newest; &person=K around one; &roles=led,…; &limit=N)
 *   GET  /api/timeline          events by day, for the time slider
 *   GET  /api/article?id=A      an article's text as read (its evidence opens in it)
 *   GET  /api/neighbours?key=K  a node's neighbours to add to the view (&kinds=Person,…&roles=led,…&limit=N)
 *   GET  /api/queries           the named queries and their parameters
 *   POST /api/query             {cypher, params} (Neo4j, read-only, allow-listed) or {name, params} (either store)
 *   GET|POST /api/layout        the graph's finished positions; lay out again (layout-route.ts)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DateRangeError, parseDateRange, type DateRange } from '../graph/date-range.js';
import { DEFAULT_MEETING_PERSONS } from '../graph/meetings.js';
import { DEFAULT_NEIGHBOURS } from '../graph/neighbours.js';
import { NODE_LABELS, ROLES, type NodeLabel, type Role } from '../graph/model.js';
import { namedQuery, namedQueryNames } from '../store/named-queries.js';
import type { GraphStore } from '../store/store.js';
import { HttpError, readJsonBody, sendJson } from './http.js';
import type { GraphView } from './graph-view.js';
import { handleLayout } from './layout-route.js';
import type { ArticleText, NamedQueryInfo } from './protocol.js';
import { runQuery, type ConsoleLimits } from './query.js';

const QUERIES: NamedQueryInfo[] = namedQueryNames().map((name) => {
  const { description, params } = namedQuery(name);
  return { name, description, params };
});

/**
 * The query parameters of a request, each given at most once and only those the route takes: a
 * repeated (?q=a&q=b) or unknown (?q[a]=b) parameter is the client's mistake, answered 400.
 */
function queryParams(url: URL, names: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (!names.includes(name)) throw new HttpError(400, `${url.pathname} takes ${names.map((n) => `?${n}=`).join(', ') || 'no parameters'}, not ?${name}=`);
    if (params.has(name)) throw new HttpError(400, `give ?${name}= once`);
    params.set(name, value);
  }
  return params;
}

function required(params: Map<string, string>, name: string): string {
  const value = params.get(name);
  if (!value) throw new HttpError(400, `missing ?${name}=`);
  return value;
}

const MAX_SUGGESTIONS = 50;
const MAX_MEETING_PERSONS = 500;
const MAX_NEIGHBOURS = 1000;

/** ?limit=: a whole number from 1 to `max`, `fallback` when absent. */
function countParam(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new HttpError(400, `limit must be a whole number from 1 to ${max}`);
  return n;
}

/** ?roles=led,spoke: some of the roles (absent or empty: all). */
function rolesParam(value: string | undefined): ReadonlySet<Role> | null {
  if (!value) return null;
  const roles = value.split(',');
  const unknown = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown !== undefined) throw new HttpError(400, `roles are some of ${ROLES.join(', ')}, not ${JSON.stringify(unknown)}`);
  return new Set(roles as Role[]);
}

/** ?from=&to=: a valid range (an impossible date or an inverted range is the client's mistake). */
function dateRangeParam(params: Map<string, string>): DateRange {
  try {
    return parseDateRange(params.get('from'), params.get('to'));
  } catch (err) {
    if (err instanceof DateRangeError) throw new HttpError(400, err.message);
    throw err;
  }
}

/** A signal that aborts when the client goes away before its answer is sent (its query is then cancelled). */
function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Answers an /api/ request; throws HttpError for the client's mistakes. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, store: GraphStore, view: GraphView, limits: ConsoleLimits): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  await view.refresh();
  switch (route) {
    case 'GET /api/meta':
      queryParams(url, []);
      return sendJson(req, res, 200, view.meta());
    case 'GET /api/graph':
      queryParams(url, []);
      return sendJson(req, res, 200, view.payload());
    case 'GET /api/node': {
      const key = required(queryParams(url, ['key']), 'key');
      const details = view.details(key);
      if (!details) throw new HttpError(404, `no node ${key}`);
      return sendJson(req, res, 200, details);
    }
    case 'GET /api/career': {
      const key = required(queryParams(url, ['key']), 'key');
      const career = view.career(key);
      if (!career) throw new HttpError(404, `no person ${key}`);
      return sendJson(req, res, 200, career);
    }
    case 'GET /api/search': {
      const params = queryParams(url, ['q', 'kind', 'limit']);
      const kind = params.get('kind') ?? null;
      if (kind !== null && !(NODE_LABELS as readonly string[]).includes(kind)) throw new HttpError(400, `kind must be one of ${NODE_LABELS.join(', ')}`);
      const limit = countParam(params.get('limit'), 12, MAX_SUGGESTIONS);
      return sendJson(req, res, 200, view.search(params.get('q') ?? '', limit, (kind as NodeLabel | null) ?? undefined));
    }
    case 'GET /api/meetings': {
      const params = queryParams(url, ['from', 'to', 'person', 'limit', 'roles']);
      const range = dateRangeParam(params);
      const limit = countParam(params.get('limit'), DEFAULT_MEETING_PERSONS, MAX_MEETING_PERSONS);
      return sendJson(req, res, 200, view.meetings({ range, limit, around: params.get('person') || null, roles: rolesParam(params.get('roles')) }));
    }
    case 'GET /api/neighbours': {
      const params = queryParams(url, ['key', 'kinds', 'roles', 'limit']);
      const kinds = params.get('kinds')?.split(',').filter(Boolean) ?? [];
      const unknown = kinds.find((k) => !(NODE_LABELS as readonly string[]).includes(k));
      if (unknown !== undefined) throw new HttpError(400, `kinds are some of ${NODE_LABELS.join(', ')}, not ${JSON.stringify(unknown)}`);
      const found = view.neighbours(required(params, 'key'), {
        kinds: kinds.length ? new Set(kinds as NodeLabel[]) : null,
        roles: rolesParam(params.get('roles')),
        limit: countParam(params.get('limit'), DEFAULT_NEIGHBOURS, MAX_NEIGHBOURS),
      });
      if (!found) throw new HttpError(404, `no node ${params.get('key')}`);
      return sendJson(req, res, 200, found);
    }
    case 'GET /api/article': {
      const article = required(queryParams(url, ['id']), 'id');
      return sendJson(req, res, 200, { article, text: await view.articleText(article) } satisfies ArticleText);
    }
    case 'GET /api/timeline':
      queryParams(url, []);
      return sendJson(req, res, 200, view.timeline());
    case 'GET /api/queries':
      queryParams(url, []);
      return sendJson(req, res, 200, QUERIES);
    case 'POST /api/query': {
      queryParams(url, []);
      const signal = clientGone(res);
      return sendJson(req, res, 200, await runQuery(store, view, await readJsonBody(req), limits, signal));
    }
    case 'GET /api/layout':
    case 'POST /api/layout':
      return handleLayout(req, res, url, view);
  }
  const known = ['/api/meta', '/api/graph', '/api/node', '/api/career', '/api/search', '/api/meetings', '/api/timeline', '/api/article', '/api/neighbours', '/api/queries', '/api/query', '/api/layout'];
  if (known.includes(url.pathname)) throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
  throw new HttpError(404, `no API route ${url.pathname}`);
}
