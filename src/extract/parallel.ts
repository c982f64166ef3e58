/**
 * Extraction on every core: a document's units (pages, records) go in batches to a pool of worker
 * threads, each running the pipeline (parallel-worker.ts), and come back in the document's order.
 * The pool lives as long as the command; one job (or one unit) runs on this thread instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SourceDocument, SourceUnit } from '../ingest/types.js';
import { assembleDocument, extractDocument, type ExtractOptions, type UnitExtraction } from './pipeline.js';
import type { ExtractionOut } from './types.js';

export interface BatchRequest {
  id: number;
  document: string;
  units: SourceUnit[];
  options: ExtractOptions;
}

export type BatchReply = { id: number; results: UnitExtraction[] } | { id: number; error: string };

/** The default number of jobs: the cores this process may use. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

// Small enough to keep every worker busy to the end, large enough that messages cost little.
const MAX_BATCH = 32;

export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 0;

  constructor(readonly jobs: number = defaultJobs()) {}

  /** Extracts a document, in parallel when it has several units and the pool has several jobs. */
  async extract(doc: SourceDocument, options: ExtractOptions = {}): Promise<ExtractionOut> {
    if (this.jobs <= 1 || doc.units.length < 2) return extractDocument(doc, options);
    const size = Math.min(MAX_BATCH, Math.ceil(doc.units.length / (this.jobs * 4)));
    const batches: SourceUnit[][] = [];
    for (let i = 0; i < doc.units.length; i += size) batches.push(doc.units.slice(i, i + size));
    const results = await Promise.all(batches.map((units) => this.run({ id: this.nextId++, document: doc.name, units, options })));
    return assembleDocument(doc, results.flat());
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private async run(request: BatchRequest): Promise<UnitExtraction[]> {
    const worker = await this.acquire();
    let crashed = false;
    try {
      return await new Promise<UnitExtraction[]>((resolve, reject) => {
        const onError = (e: Error) => {
          crashed = true;
          reject(e);
        };
        const onMessage = (reply: BatchReply) => {
          if (reply.id !== request.id) return;
          worker.off('message', onMessage);
          worker.off('error', onError);
          if ('error' in reply) reject(new Error(reply.error));
          else resolve(reply.results);
        };
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(request);
      });
    } finally {
      // A crashed worker is replaced by a new one when next needed.
      if (crashed) this.workers.splice(this.workers.indexOf(worker), 1);
      else this.release(worker);
    }
  }

  private async acquire(): Promise<Worker> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.workers.length < this.jobs) {
      const worker = new Worker(new URL('./parallel-worker.js', import.meta.url));
      this.workers.push(worker);
      return worker;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.acquire();
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}
