/**
 * Gathers documents' facts into batches and writes them in the background while the caller
 * prepares the next ones. Extraction runs in
 * this process and a Neo4j write in the server, so on two cores they overlap instead of taking
 * turns; two writes at once keep the server busy while this process packs the next batch.
 *
 * Two batches that share a document never run at once (the later version must win, as in a serial
 * ingest). A batch goes out when it is large enough for a useful transaction, or holds `maxArticles`
 * articles, or its first document has waited `maxAgeMs`, whichever comes first: so what an ingest
 * finished is durable within seconds even when documents are small or slow to come. A crash loses
 * at most the batches pending and in flight, which are not marked stored, so a re-run writes them again.
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
  /** …or once it holds this many articles. */
  maxArticles?: number;
  /** …or once its first document has waited this long (checked by add() and tick()). */
  maxAgeMs?: number;
  /** The clock for maxAgeMs (tests give their own). */
  now?: () => number;
  /** Writes in flight at most. */
  depth?: number;
  /** Called when a batch is stored. */
  onWritten?: (batch: readonly DocumentFacts[]) => void;
}

/** Articles a batch holds at most before it is written. */
export const DEFAULT_MAX_ARTICLES = 500;
/** How long a finished document waits at most before its batch is written. */
export const DEFAULT_MAX_AGE_MS = 2_000;

export class WriteBehind {
  private inFlight: Write[] = [];
  private pending: DocumentFacts[] = [];
  private pendingRelationships = 0;
  private pendingArticles = 0;
  /** When the first pending document was added. */
  private pendingSince = 0;
  /** The first write that failed: later calls throw it rather than write past a gap. */
  private failure: { error: unknown } | undefined;
  private readonly batchRelationships: number;
  private readonly maxArticles: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly depth: number;
  private readonly onWritten: (batch: readonly DocumentFacts[]) => void;

  constructor(
    private readonly store: Pick<GraphStore, 'write'>,
    options: WriteBehindOptions = {},
  ) {
    this.batchRelationships = options.batchRelationships ?? 20_000;
    this.maxArticles = options.maxArticles ?? DEFAULT_MAX_ARTICLES;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.depth = options.depth ?? 2;
    this.onWritten = options.onWritten ?? (() => {});
  }

  /** Adds one document's facts; writes the batch gathered so far once it is due. */
  async add(facts: DocumentFacts): Promise<void> {
    if (!this.pending.length) this.pendingSince = this.now();
    this.pending.push(facts);
    this.pendingRelationships += facts.relationships.length;
    this.pendingArticles += facts.nodes.reduce((n, node) => n + (node.label === 'Article' ? 1 : 0), 0);
    if (this.pendingRelationships >= this.batchRelationships || this.pendingArticles >= this.maxArticles) await this.pushPending();
    else await this.tick();
  }

  /** Writes the pending batch if its first document has waited long enough: call it during long work. */
  async tick(): Promise<void> {
    if (this.pending.length && this.now() - this.pendingSince >= this.maxAgeMs) await this.pushPending();
  }

  private async pushPending(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingRelationships = 0;
    this.pendingArticles = 0;
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
