/**
 * The viewer's HTTP server (node:http): the API under /api/, the built viewer (dist/viz) for every
 * other path. Bound to 127.0.0.1 unless told otherwise; no CORS headers, so other origins cannot
 * read anything. On a loopback address, requests must name this server exactly in Host (127.0.0.1,
 * localhost or [::1] with its port: no DNS rebinding); and a request whose Origin is not this
 * server's own is refused, so that no other page can send the console a query.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphStore } from '../store/store.js';
import { handleApi } from './api.js';
import { openGraphView, type GraphView } from './graph-view.js';
import { warmLayout } from './layout-route.js';
import { HttpError, sendError } from './http.js';
import { DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from './query.js';
import { serveStatic } from './static.js';

export interface ViewerServerOptions {
  store: GraphStore;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The built viewer's folder (default dist/viz). */
  staticDir?: string;
  /** Rows, bytes and time a console query may take (default DEFAULT_CONSOLE_LIMITS). */
  consoleLimits?: ConsoleLimits;
  /** Nodes /api/graph sends at most: the most connected ones of a larger graph (default DEFAULT_OVERVIEW_NODES). */
  overviewNodes?: number;
  /** Called with errors that are the server's fault (the client gets a 500). */
  onError?: (err: Error) => void;
}

export interface ViewerServer {
  url: string;
  view: GraphView;
  /** Stops listening and drops open connections; the store is the caller's to close. */
  close(): Promise<void>;
}

const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host) || /^127(\.\d{1,3}){3}$/.test(host);

/** The Host headers that name this server on a loopback address: exactly these, nothing that merely starts like them. */
function loopbackHosts(bound: string, port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', bound];
  return new Set([...names.map((n) => `${n}:${port}`), ...(port === 80 ? names : [])]);
}

export async function createViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const { store, host = '127.0.0.1', port = 0, staticDir, consoleLimits = DEFAULT_CONSOLE_LIMITS, onError = (err) => console.error(`guanxi serve: ${err.stack ?? err.message}`) } = options;
  const view = await openGraphView(store, options.overviewNodes);
  // The full graph's layout is ready for the first visit when that visit opens on it (a graph no
  // larger than the overview); a larger one opens on who met whom, and is laid out when asked for.
  const { nodes, overview } = view.meta();
  if (nodes <= overview) setImmediate(() => warmLayout(view));
  let allowedHosts = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const hostHeader = req.headers.host ?? '';
    if (isLoopback(host) && !allowedHosts.has(hostHeader.toLowerCase())) throw new HttpError(403, `this server only answers requests for ${[...allowedHosts][0]}, localhost or [::1] with its port`);
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `http://${hostHeader}`.toLowerCase()) throw new HttpError(403, 'cross-origin requests are refused');
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'malformed request target');
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url, store, view, consoleLimits);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not allowed`);
    return serveStatic(req, res, url.pathname, staticDir);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) onError(err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused upload may still be arriving: end the connection rather than read it.
      if (status === 413) res.setHeader('connection', 'close');
      sendError(req, res, status, status === 500 ? `internal error: ${err.message}` : err.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  allowedHosts = loopbackHosts(shownHost, address.port);
  return {
    url: `http://${shownHost}:${address.port}/`,
    view,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
