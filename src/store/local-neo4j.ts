/**
 * The password of the development Neo4j that `npm run neo4j:start` runs (scripts/neo4j.mjs generates
 * it and keeps it in the git-ignored .cache/neo4j/credentials/bolt-<port>): found for a loopback URI
 * on that port, so that the local server needs no NEO4J_PASSWORD.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function localNeo4jPassword(uri: string, credentials = join(PACKAGE_ROOT, '.cache', 'neo4j', 'credentials')): string | undefined {
  const port = loopbackPort(uri);
  if (port === undefined) return undefined;
  try {
    return readFileSync(join(credentials, `bolt-${port}`), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The Bolt port of a URI on this machine's loopback; undefined for any other host. */
export function loopbackPort(uri: string): number | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  return LOOPBACK.has(url.hostname) ? Number(url.port || 7687) : undefined;
}
