/**
 * Extraction on every core: a document's units (pages, records) go in batches to a pool of worker
 * threads, each running the pipeline (parallel-worker.ts), and come back in the document's order.
 * The pool lives as long as the command; one job (or one unit) runs on this thread instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SourceDocument, SourceUnit } from '../ingest/types.js';
import { assembleDocument, extractDocument, extractPieceRun, unitSteps, type ExtractOptions, type PieceRun, type UnitExtraction } from './pipeline.js';
import type { ArticleOut, DocumentContext, ExtractionOut } from './types.js';

/** Units of a document to extract, or a run of a long article's pieces. */
export type BatchRequest = { id: number; document: string; units: SourceUnit[]; options: ExtractOptions } | { id: number; run: PieceRun };

export type BatchReply = { id: number; results: UnitExtraction[] } | { id: number; articles: ArticleOut[] } | { id: number; error: string };

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
    const results = await Promise.all(batches.map((units) => this.run({ id: this.nextId++, document: doc.name, units, options }) as Promise<UnitExtraction[]>));
    return assembleDocument(doc, results.flat());
  }

  /**
   * A document's context and its articles in order, as they are ready: the long articles' runs of
   * pieces go to the workers, at most two per job at once, and everything else is read here. So a
   * long line is read on every core, and in memory only the runs in flight.
   */
  stream(doc: SourceDocument, options: ExtractOptions = {}): { context: DocumentContext; articles: AsyncIterable<ArticleOut> } {
    const [first, ...rest] = doc.units;
    const firstSteps = unitSteps(doc.name, first, options);
    const window = Math.max(1, this.jobs) * 2;
    const run = (request: PieceRun) => (this.jobs <= 1 ? Promise.resolve(extractPieceRun(request).articles) : (this.run({ id: this.nextId++, run: request }) as Promise<ArticleOut[]>));
    async function* articles() {
      const queue: (ArticleOut[] | Promise<ArticleOut[]>)[] = [];
      for (const steps of [firstSteps.steps, ...rest.map((unit) => unitSteps(doc.name, unit, options).steps)]) {
        for (const step of steps) {
          queue.push('article' in step ? [step.article()] : run(step.run));
          while (queue.length > window) yield* await queue.shift()!;
        }
      }
      while (queue.length) yield* await queue.shift()!;
    }
    return { context: firstSteps.context, articles: articles() };
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private async run(request: BatchRequest): Promise<UnitExtraction[] | ArticleOut[]> {
    const worker = await this.acquire();
    let crashed = false;
    try {
      return await new Promise<UnitExtraction[] | ArticleOut[]>((resolve, reject) => {
        const onError = (e: Error) => {
          crashed = true;
          reject(e);
        };
        const onMessage = (reply: BatchReply) => {
          if (reply.id !== request.id) return;
          worker.off('message', onMessage);
          worker.off('error', onError);
          if ('error' in reply) reject(new Error(reply.error));
          else resolve('articles' in reply ? reply.articles : reply.results);
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
