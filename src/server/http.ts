/** Small node:http helpers: JSON replies (gzipped when the client takes it), bounded JSON bodies, errors with a status. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Larger bodies are refused: the API takes queries, not data. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Replies worth compressing: the graph payload is mostly repeated keys and digits (~10× smaller). */
const GZIP_ABOVE_BYTES = 8 * 1024;

/** A JSON body serialized (and compressed) once, for replies sent many times: the graph payload. */
export class PreparedJson {
  readonly raw: Buffer;
  private gzipped: Buffer | null = null;

  constructor(value: unknown) {
    this.raw = Buffer.from(JSON.stringify(value));
  }

  get gzip(): Buffer {
    return (this.gzipped ??= gzipSync(this.raw));
  }
}

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  const body = value instanceof PreparedJson ? value : new PreparedJson(value);
  const gzip = body.raw.length > GZIP_ABOVE_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  res.end(gzip ? body.gzip : body.raw);
}

export function sendError(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  sendJson(req, res, status, { error: message });
}

/**
 * The request's JSON body. Only `application/json` is taken: a page on another origin cannot send
 * that without a CORS preflight, which this server never answers, so it cannot run queries here.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) throw new HttpError(415, 'send the body as application/json');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `the request body is over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the request body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
}
