/**
 * Gathers documents' facts into batches and writes them in the background while the caller
 * prepares the next ones. Extraction runs in
 * this process and a Neo4j write in the server, so on two cores they overlap instead of taking
 * turns; two writes at once keep the server busy while this process packs the next batch.
 *
 * Two batches that share a document never run at once (the later version must win, as in a serial
 * ingest). A crash loses at most the batches in flight, which are not marked stored, so a re-run
 * writes them again.
 */
import type { DocumentFacts } from '../graph/model.js';
import type { GraphStore } from './store.js';

interface Write {
  documents: ReadonlySet<string>;
  done: Promise<void>;
}

export interface WriteBehindOptions {
  /** A batch is written once its facts hold this many relationships (Neo4j transactions of a useful size). */
  batchRelationships?: number;
  /** Writes in flight at most. */
  depth?: number;
  /** Called when a batch is stored. */
  onWritten?: (batch: readonly DocumentFacts[]) => void;
}

export class WriteBehind {
  private inFlight: Write[] = [];
  private pending: DocumentFacts[] = [];
  private pendingRelationships = 0;
  /** The first write that failed: later calls throw it rather than write past a gap. */
  private failure: { error: unknown } | undefined;
  private readonly batchRelationships: number;
  private readonly depth: number;
  private readonly onWritten: (batch: readonly DocumentFacts[]) => void;

  constructor(
    private readonly store: GraphStore,
    options: WriteBehindOptions = {},
  ) {
    this.batchRelationships = options.batchRelationships ?? 20_000;
    this.depth = options.depth ?? 2;
    this.onWritten = options.onWritten ?? (() => {});
  }

  /** Adds one document's facts; writes the batch gathered so far once it is large enough. */
  async add(facts: DocumentFacts): Promise<void> {
    this.pending.push(facts);
    this.pendingRelationships += facts.relationships.length;
    if (this.pendingRelationships >= this.batchRelationships) await this.pushPending();
  }

  private async pushPending(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingRelationships = 0;
    await this.push(batch);
  }

  /** Waits until a write may start (fewer than `depth` in flight, none with these documents), starts it and returns. */
  async push(batch: readonly DocumentFacts[]): Promise<void> {
    const documents = new Set(batch.map((f) => f.document));
    for (;;) {
      this.throwIfFailed();
      const conflict = this.inFlight.find((w) => [...w.documents].some((d) => documents.has(d)));
      if (!conflict && this.inFlight.length < this.depth) break;
      await (conflict ? conflict.done : Promise.race(this.inFlight.map((w) => w.done)));
    }
    const write: Write = {
      documents,
      // The rejection is kept (not left unhandled) and thrown by the next push or drain.
      done: this.store.write(batch).then(
        () => this.onWritten(batch),
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    };
    this.inFlight.push(write);
    void write.done.then(() => (this.inFlight = this.inFlight.filter((w) => w !== write)));
  }

  /** Writes what add() gathered and waits until every batch is stored; throws the error of a write that failed. */
  async drain(): Promise<void> {
    await this.pushPending();
    await Promise.all(this.inFlight.map((w) => w.done));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
