/** Which store a command uses: Neo4j when a URI is given (flag or NEO4J_URI), else the embedded snapshot. */
import { snapshotPath } from './snapshot.js';
import { SnapshotGraphStore } from './snapshot-store.js';
import type { GraphStore } from './store.js';

export interface StoreOptions {
  /** bolt://, neo4j:// (routing) or their +s/+ssc forms. */
  neo4j?: string;
  snapshot?: string;
  /**
   * Told what opening found wrong but worked around, such as the torn last line an interrupted
   * ingest leaves in the snapshot (docs/snapshot.md). Default: `guanxi: FILE:LINE: what` on stderr.
   */
  onWarning?: (message: string) => void;
}

/** `ingest` also prepares Neo4j's schema; reading commands leave it alone (and need no rights to change it). */
export async function openStore(options: StoreOptions, purpose: 'read' | 'ingest' = 'read'): Promise<GraphStore> {
  const uri = options.neo4j ?? process.env.NEO4J_URI;
  if (uri) {
    const { Neo4jStore } = await import('./neo4j-store.js');
    return Neo4jStore.connect(uri, { schema: purpose === 'ingest' });
  }
  const store = SnapshotGraphStore.open(snapshotPath(options.snapshot));
  const warn = options.onWarning ?? ((message: string) => process.stderr.write(`guanxi: ${message}\n`));
  for (const warning of store.warnings) warn(warning);
  return store;
}
