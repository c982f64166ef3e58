/** The GraphStore over the embedded snapshot file. */
import type { GuanxiGraph } from '../graph/assemble.js';
import type { DocumentFacts } from '../graph/model.js';
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

  async documents(): Promise<StoredDocument[]> {
    return [...this.snapshot.facts()].map((f) => ({ id: f.document, hash: f.hash, path: f.path ?? null }));
  }

  async remove(documents: readonly string[]): Promise<void> {
    this.snapshot.remove(documents);
  }

  async graph(): Promise<GuanxiGraph> {
    return this.snapshot.graph();
  }

  async close(): Promise<void> {}
}
