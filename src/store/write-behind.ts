/**
 * Keeps one store write in flight while the caller prepares the next batch. Extraction runs in this
 * process and a Neo4j write in the server, so on a machine with two cores they overlap instead of
 * taking turns. Writes stay in order and one at a time: a crash loses at most the batch in flight,
 * which is not marked stored, so a re-run writes it again.
 */
import type { DocumentFacts } from '../graph/model.js';
import type { GraphStore } from './store.js';

export class WriteBehind {
  private inFlight: Promise<void> = Promise.resolve();
  /** The first write that failed: later calls throw it rather than write past a gap. */
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly store: GraphStore,
    /** Called when a batch is stored (in order). */
    private readonly onWritten: (batch: readonly DocumentFacts[]) => void = () => {},
  ) {}

  /** Waits until the previous batch is stored, then starts writing this one and returns. */
  async push(batch: readonly DocumentFacts[]): Promise<void> {
    await this.drain();
    // The rejection is kept (not left unhandled) and thrown by the next push or drain.
    this.inFlight = this.store.write(batch).then(
      () => this.onWritten(batch),
      (error: unknown) => {
        this.failure = { error };
      },
    );
  }

  /** Waits until every batch pushed is stored; throws the error of a write that failed. */
  async drain(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure.error;
  }
}
