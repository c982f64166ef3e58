/**
 * The viewer's HTTP server (node:http): the API under /api/, the built viewer (dist/viz) for every
 * other path. Bound to 127.0.0.1 unless told otherwise; no CORS headers, so other origins cannot
 * read anything; on a loopback address, requests must name a loopback host (no DNS rebinding).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphStore } from '../store/store.js';
import { handleApi, LoadedGraph } from './api.js';
import { HttpError, sendError } from './http.js';
import { serveStatic } from './static.js';

export interface ViewerServerOptions {
  store: GraphStore;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The built viewer's folder (default dist/viz). */
  staticDir?: string;
  /** Called with errors that are the server's fault (the client gets a 500). */
  onError?: (err: Error) => void;
}

export interface ViewerServer {
  url: string;
  loaded: LoadedGraph;
  /** Stops listening and drops open connections; the store is the caller's to close. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

function hostName(header: string | undefined): string {
  if (!header) return '';
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '');
}

export async function createViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const { store, host = '127.0.0.1', port = 0, staticDir, onError = (err) => console.error(`guanxi serve: ${err.stack ?? err.message}`) } = options;
  const loaded = await LoadedGraph.load(store);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (isLoopback(host) && !isLoopback(hostName(req.headers.host))) throw new HttpError(403, 'this server only answers requests for a loopback host');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url, store, loaded);
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
  return {
    url: `http://${shownHost}:${address.port}/`,
    loaded,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
