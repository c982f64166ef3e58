/** The viewer's built files (dist/viz), served read-only; nothing outside that folder can be reached. */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { HttpError } from './http.js';

export const VIZ_DIR = join(PACKAGE_ROOT, 'dist', 'viz');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * No script but the bundle runs, whatever text ends up in the page: a second line of defence behind
 * the viewer never inserting article text as HTML. The viewer runs no workers (the layout is the
 * server's), so none may run.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, dir = VIZ_DIR): Promise<void> {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'malformed percent-encoding in the path');
  }
  const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(dir, relative));
  if (!file.startsWith(dir + sep)) throw new HttpError(404, 'not found');
  const type = TYPES[extname(file)];
  const info = await stat(file).catch(() => null);
  if (!type || !info?.isFile()) {
    if (pathname === '/') throw new HttpError(503, `the viewer is not built (${file} is missing): run npm run build`);
    throw new HttpError(404, 'not found');
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': info.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : await readFile(file));
}
