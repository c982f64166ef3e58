/**
 * The GraphStore over a JSON Lines journal (snapshot.ts). What it reads is read again when another
 * process changed the file since (a `guanxi ingest` beside `guanxi serve`).
 */
import { graphCounts, type GuanxiGraph } from '../graph/assemble.js';
import { statSync } from 'node:fs';
import type { DocumentFacts } from '../graph/model.js';
import { runNamedQuery, type QueryResult } from '../graph/queries.js';
import { SnapshotStore } from './snapshot.js';
import type { GraphStore, StoredDocument } from './store.js';

/** The journal's size and time of change: every write appends to it or rewrites it. */
function fileMarker(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'none';
}

export class SnapshotGraphStore implements GraphStore {
  readonly kind = 'snapshot' as const;
  /** The file as this store last read or wrote it. */
  private known: string;

  private constructor(private snapshot: SnapshotStore) {
    this.known = fileMarker(snapshot.path);
  }

  static open(path: string): SnapshotGraphStore {
    return new SnapshotGraphStore(SnapshotStore.open(path));
  }

  /** The journal, read again if another process changed it. */
  private current(): SnapshotStore {
    const now = fileMarker(this.snapshot.path);
    if (now !== this.known) {
      this.snapshot = SnapshotStore.open(this.snapshot.path);
      this.known = now;
    }
    return this.snapshot;
  }

  get location(): string {
    return this.snapshot.path;
  }

  get warnings(): readonly string[] {
    return this.snapshot.warnings;
  }

  async hasDocument(document: string, hash: string): Promise<boolean> {
    return this.current().has(document, hash);
  }

  async write(batch: readonly DocumentFacts[]): Promise<void> {
    const snapshot = this.current();
    for (const facts of batch) snapshot.put(facts);
    this.known = fileMarker(snapshot.path);
  }

  /** Every document's facts, in the journal's order. */
  facts(): Iterable<DocumentFacts> {
    return this.current().facts();
  }

  async documents(): Promise<StoredDocument[]> {
    return [...this.current().facts()].map((f) => ({ id: f.document, hash: f.hash, path: f.path ?? null }));
  }

  async remove(documents: readonly string[]): Promise<void> {
    const snapshot = this.current();
    snapshot.remove(documents);
    this.known = fileMarker(snapshot.path);
  }

  async namedQuery(name: string, params: Record<string, string | null>): Promise<QueryResult> {
    return runNamedQuery(this.current().graph(), name, params);
  }

  /** Looked up among the documents' facts: the journal holds them in memory anyway. */
  async articleText(article: string): Promise<string | null> {
    for (const facts of this.current().facts()) for (const t of facts.texts ?? []) if (t.article === article) return t.text;
    return null;
  }

  async changes(): Promise<string> {
    return fileMarker(this.snapshot.path);
  }

  async counts(): Promise<Record<string, number>> {
    return graphCounts(this.current().graph());
  }

  async graph(): Promise<GuanxiGraph> {
    return this.current().graph();
  }

  async close(): Promise<void> {}
}
