/**
 * Which store a command uses: Neo4j when a URI is given (flag or NEO4J_URI), else the embedded store
 * at --snapshot, $GUANXI_SNAPSHOT or .guanxi/graph.db: an SQLite file (sqlite-store.ts), or, for a
 * path ending in .jsonl, the JSON Lines journal that earlier versions used (snapshot.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SnapshotGraphStore } from './snapshot-store.js';
import { SqliteGraphStore } from './sqlite-store.js';
import type { GraphStore } from './store.js';

export const DEFAULT_STORE = '.guanxi/graph.db';
/** Where earlier versions kept the graph by default. */
const OLD_DEFAULT = '.guanxi/graph.jsonl';

export interface StoreOptions {
  /** bolt://, neo4j:// (routing) or their +s/+ssc forms. */
  neo4j?: string;
  snapshot?: string;
  /**
   * Told what opening found wrong but worked around, such as the torn last line an interrupted
   * ingest leaves in a journal (docs/snapshot.md). Default: `guanxi: FILE:LINE: what` on stderr.
   */
  onWarning?: (message: string) => void;
}

/** --snapshot, else GUANXI_SNAPSHOT, else .guanxi/graph.db in the working directory. */
export function embeddedStorePath(given?: string): string {
  return resolve(given ?? process.env.GUANXI_SNAPSHOT ?? DEFAULT_STORE);
}

/** True for a path that names a JSON Lines journal rather than an SQLite store. */
const isJournalPath = (path: string) => /\.jsonl$/i.test(path);

/**
 * The identities file an ingest applies (docs/identities.md): the one given, else $GUANXI_IDENTITIES,
 * else identities.txt beside the embedded store when that file exists (Neo4j has no such place); null: none.
 */
export function identitiesPath(options: StoreOptions, given?: string): string | null {
  const named = given ?? process.env.GUANXI_IDENTITIES;
  if (named) return resolve(named);
  if (options.neo4j ?? process.env.NEO4J_URI) return null;
  const beside = join(dirname(embeddedStorePath(options.snapshot)), IDENTITIES_FILE);
  return existsSync(beside) ? beside : null;
}

export const IDENTITIES_FILE = 'identities.txt';

/** `ingest` also prepares Neo4j's schema; reading commands leave it alone (and need no rights to change it). */
export async function openStore(options: StoreOptions, purpose: 'read' | 'ingest' = 'read'): Promise<GraphStore> {
  const uri = options.neo4j ?? process.env.NEO4J_URI;
  if (uri) {
    const { Neo4jStore } = await import('./neo4j-store.js');
    return Neo4jStore.connect(uri, { schema: purpose === 'ingest' });
  }
  const path = embeddedStorePath(options.snapshot);
  const warn = options.onWarning ?? ((message: string) => process.stderr.write(`guanxi: ${message}\n`));
  if (isJournalPath(path)) {
    const store = SnapshotGraphStore.open(path);
    for (const warning of store.warnings) warn(warning);
    return store;
  }
  if (path === resolve(DEFAULT_STORE) && !existsSync(path) && existsSync(resolve(OLD_DEFAULT))) {
    warn(`${resolve(OLD_DEFAULT)}: a graph in the older journal format; bring it into ${DEFAULT_STORE} with: guanxi import ${OLD_DEFAULT}`);
  }
  return SqliteGraphStore.open(path, purpose);
}
