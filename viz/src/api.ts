/** The server's JSON API (src/server/api.ts), typed by the shared protocol. */
import type { NodeLabel, Role } from '../../src/graph/model.js';
import type { ApiError, ArticleText, CareerPayload, GraphPayload, MeetingsPayload, Meta, NamedQueryInfo, NodeDetails, QueryRequest, QueryResponse, Suggestion, TimelinePayload } from '../../src/server/protocol.js';

/** An answer other than 2xx, with the server's message. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => null)) as T | ApiError | null;
  if (!res.ok) throw new RequestError(res.status, (body as ApiError | null)?.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export const api = {
  meta: () => request<Meta>('/api/meta'),
  graph: () => request<GraphPayload>('/api/graph'),
  node: (key: string) => request<NodeDetails>(`/api/node?key=${encodeURIComponent(key)}`),
  career: (key: string) => request<CareerPayload>(`/api/career?key=${encodeURIComponent(key)}`),
  search: (q: string, kind?: NodeLabel) => request<Suggestion[]>(`/api/search?q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ''}`),
  meetings: (q: { from: string | null; to: string | null; person: string | null; roles: ReadonlySet<Role> | null; limit: number }) => {
    const params = new URLSearchParams({ limit: String(q.limit) });
    if (q.roles) params.set('roles', [...q.roles].join(','));
    if (q.from) params.set('from', q.from);
    if (q.to) params.set('to', q.to);
    if (q.person) params.set('person', q.person);
    return request<MeetingsPayload>(`/api/meetings?${params}`);
  },
  neighbours: (key: string, kinds: readonly NodeLabel[], roles: readonly Role[]) => {
    const params = new URLSearchParams({ key });
    if (kinds.length) params.set('kinds', kinds.join(','));
    if (roles.length) params.set('roles', roles.join(','));
    return request<GraphPayload>(`/api/neighbours?${params}`);
  },
  article: (id: string) => request<ArticleText>(`/api/article?id=${encodeURIComponent(id)}`),
  timeline: () => request<TimelinePayload>('/api/timeline'),
  queries: () => request<NamedQueryInfo[]>('/api/queries'),
  query: (body: QueryRequest) => request<QueryResponse>('/api/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
};
