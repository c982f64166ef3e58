/** The GraphStore over the embedded snapshot file. */
import { graphCounts, type GuanxiGraph } from '../graph/assemble.js';
import { statSync } from 'node:fs';
import type { DocumentFacts } from '../graph/model.js';
import { runNamedQuery, type QueryResult } from '../graph/queries.js';
import { SnapshotStore } from './snapshot.js';
import type { GraphStore, StoredDocument } from './store.js';

export class SnapshotGraphStore implements GraphStore {
  readonly kind = 'snapshot' as const;
  private constructor(private readonly snapshot: SnapshotStore) {}

  static open(path: string): SnapshotGraphStore {
    return new SnapshotGraphStore(SnapshotStore.open(path));
  }

  get location(): string {
    return this.snapshot.path;
  }

  get warnings(): readonly string[] {
    return this.snapshot.warnings;
  }

  async hasDocument(document: string, hash: string): Promise<boolean> {
    return this.snapshot.has(document, hash);
  }

  async write(batch: readonly DocumentFacts[]): Promise<void> {
    for (const facts of batch) this.snapshot.put(facts);
  }

  /** Every document's facts, in the journal's order. */
  facts(): Iterable<DocumentFacts> {
    return this.snapshot.facts();
  }

  async documents(): Promise<StoredDocument[]> {
    return [...this.snapshot.facts()].map((f) => ({ id: f.document, hash: f.hash, path: f.path ?? null }));
  }

  async remove(documents: readonly string[]): Promise<void> {
    this.snapshot.remove(documents);
  }

  async namedQuery(name: string, params: Record<string, string | null>): Promise<QueryResult> {
    return runNamedQuery(this.snapshot.graph(), name, params);
  }

  /** The journal's size and time of change: every write appends or rewrites it. */
  async changes(): Promise<string> {
    const stat = statSync(this.snapshot.path, { throwIfNoEntry: false });
    return stat ? `${stat.size}:${stat.mtimeMs}` : 'none';
  }

  async counts(): Promise<Record<string, number>> {
    return graphCounts(this.snapshot.graph());
  }

  async graph(): Promise<GuanxiGraph> {
    return this.snapshot.graph();
  }

  async close(): Promise<void> {}
}
