/**
 * /api/layout: the graph's finished positions, computed once per payload hash in a worker thread
 * (layout.ts says why on the server) and kept in memory with that version of the graph.
 *
 *   GET  /api/layout[?hash=H]   the positions of the current payload (409 when H is another version)
 *   POST /api/layout            {hash, pinned: [[index, x, y]…]}: lay out again from those
 *                               positions, the pinned nodes kept where the analyst put them
 *
 * The viewer asks for the layout at the same time as for the graph (GET /api/graph), so the
 * computation starts with the page's first request; the server also starts it when it opens
 * (warmLayout), so that on a graph that does not change, the first visit finds it ready.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import type { GraphView } from './graph-view.js';
import { HttpError, readJsonBody, sendJson, type PreparedJson } from './http.js';
import type { LayoutInput, LayoutResult } from './layout.js';
import type { GraphLayout, LayoutAgainRequest } from './layout-protocol.js';
import type { LayoutJob } from './layout-worker.js';
import type { GraphPayload } from './protocol.js';

function inWorker(job: LayoutJob): Promise<LayoutResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout-worker.js', import.meta.url), { workerData: job });
    worker.unref(); // a server closing meanwhile does not wait for it
    worker.once('message', (result: LayoutResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the layout worker exited with code ${code}`)));
  });
}

interface Version {
  hash: string;
  input: LayoutInput;
}

/** The layouts of one GraphView: the current payload's, and the last "lay out again". */
class LayoutCache {
  private version: { prepared: PreparedJson; version: Version } | null = null;
  private base: { hash: string; layout: Promise<GraphLayout> } | null = null;

  constructor(private readonly view: GraphView) {}

  /** The current payload's hash and edges (parsed once per payload). */
  current(): Version {
    const prepared = this.view.payload();
    if (this.version?.prepared !== prepared) {
      const payload = JSON.parse(prepared.raw.toString('utf8')) as GraphPayload;
      this.version = { prepared, version: { hash: payload.hash, input: { nodes: payload.nodes.key.length, source: payload.edges.source, target: payload.edges.target } } };
    }
    return this.version.version;
  }

  layout(): Promise<GraphLayout> {
    const { hash, input } = this.current();
    if (this.base?.hash !== hash) {
      const started = Date.now();
      const layout = inWorker({ input }).then((r) => ({ hash, xy: r.xy, iterations: r.iterations, ms: Date.now() - started }));
      // A failed computation is not kept: the next request tries again.
      layout.catch(() => this.base?.layout === layout && (this.base = null));
      this.base = { hash, layout };
    }
    return this.base.layout;
  }

  async again(request: LayoutAgainRequest): Promise<GraphLayout> {
    const { hash, input } = this.current();
    if (request.hash !== hash) throw new HttpError(409, 'the graph has changed since: reload the page');
    for (const [i] of request.pinned) if (i >= input.nodes) throw new HttpError(400, `no node ${i}: the graph has ${input.nodes}`);
    const base = await this.layout();
    const started = Date.now();
    const r = await inWorker({ input, start: base.xy, pinned: request.pinned });
    return { hash, xy: r.xy, iterations: r.iterations, ms: Date.now() - started };
  }
}

const caches = new WeakMap<GraphView, LayoutCache>();
const cacheOf = (view: GraphView) => caches.get(view) ?? caches.set(view, new LayoutCache(view)).get(view)!;

/** Starts computing the current payload's layout, so that the first visit finds it ready. */
export function warmLayout(view: GraphView): void {
  cacheOf(view).layout().catch(() => {});
}

function againRequest(body: unknown): LayoutAgainRequest {
  const b = body as Partial<LayoutAgainRequest> | null;
  const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (!b || typeof b.hash !== 'string' || !Array.isArray(b.pinned) || b.pinned.length > 10_000) throw new HttpError(400, 'send {hash, pinned: [[index, x, y], …]}');
  for (const p of b.pinned as unknown[]) {
    if (!Array.isArray(p) || p.length !== 3 || !isIndex(p[0]) || !p.slice(1).every((v) => typeof v === 'number' && Number.isFinite(v))) throw new HttpError(400, 'each pinned node is [index, x, y]');
  }
  return { hash: b.hash, pinned: b.pinned };
}

export async function handleLayout(req: IncomingMessage, res: ServerResponse, url: URL, view: GraphView): Promise<void> {
  for (const name of url.searchParams.keys()) if (name !== 'hash' || req.method !== 'GET') throw new HttpError(400, `/api/layout takes ${req.method === 'GET' ? '?hash=' : 'no parameters'}, not ?${name}=`);
  const cache = cacheOf(view);
  if (req.method === 'POST') return sendJson(req, res, 200, await cache.again(againRequest(await readJsonBody(req))));
  const wanted = url.searchParams.get('hash');
  if (wanted !== null && wanted !== cache.current().hash) throw new HttpError(409, 'the graph has changed since: reload the page');
  const started = Date.now();
  const layout = await cache.layout();
  // ms says what this request waited for, 0 when the layout was ready.
  sendJson(req, res, 200, { ...layout, ms: Math.min(layout.ms, Date.now() - started) } satisfies GraphLayout);
}
