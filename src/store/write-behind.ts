/**
 * Writes batches in the background while the caller prepares the next ones. Extraction runs in
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

export class WriteBehind {
  private inFlight: Write[] = [];
  /** The first write that failed: later calls throw it rather than write past a gap. */
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly store: GraphStore,
    /** Called when a batch is stored. */
    private readonly onWritten: (batch: readonly DocumentFacts[]) => void = () => {},
    /** Writes in flight at most. */
    private readonly depth = 2,
  ) {}

  /** Waits until a write may start (fewer than `depth` in flight, none with these documents), starts it and returns. */
  async push(batch: readonly DocumentFacts[]): Promise<void> {
    const documents = new Set(batch.map((f) => f.document));
    for (;;) {
      this.throwIfFailed();
      const conflict = this.inFlight.find((w) => [...w.documents].some((d) => documents.has(d)));
      if (!conflict && this.inFlight.length < this.depth) break;
      await (conflict ?? this.inFlight[0]).done;
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

  /** Waits until every batch pushed is stored; throws the error of a write that failed. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight.map((w) => w.done));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
