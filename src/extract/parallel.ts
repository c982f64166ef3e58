/**
 * Extraction on every core. The thread that reads a document cuts its units into tasks as it reads
 * them (extraction-task.ts) and hands them to a pool of worker threads (parallel-worker.ts), a few
 * per worker in flight; the results come back in the document's order. With one job, or one core,
 * the tasks run on the reading thread instead. The pool lives as long as the command.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SourceDocument, SourceUnit } from '../ingest/types.js';
import { extractionTasks, runTask, type ArticleForm, type Extracted, type ExtractionTask } from './extraction-task.js';
import { inOrder } from './in-order.js';
import { assembleDocument, type ExtractOptions } from './pipeline.js';
import type { ArticleOut, ExtractionOut } from './types.js';

export type TaskRequest = { id: number; task: ExtractionTask };
export type TaskReply = { id: number; result: Extracted } | { id: number; error: string };

/** The default number of jobs: the cores this process may use. */
export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Tasks in flight per worker: one at work, the next ones waiting, so that no worker idles between two. */
const TASKS_PER_WORKER = 3;

export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 0;

  constructor(readonly jobs: number = defaultJobs()) {}

  /** A document's units extracted, as they are read, into its articles in order (or their JSON); each result is one task's. */
  extractInOrder(document: string, units: AsyncIterable<SourceUnit> | Iterable<SourceUnit>, options: ExtractOptions, form: 'object'): AsyncGenerator<Extracted<ArticleOut>>;
  extractInOrder(document: string, units: AsyncIterable<SourceUnit> | Iterable<SourceUnit>, options: ExtractOptions, form: 'json' | 'json-pretty'): AsyncGenerator<Extracted<string>>;
  extractInOrder(document: string, units: AsyncIterable<SourceUnit> | Iterable<SourceUnit>, options: ExtractOptions, form: ArticleForm): AsyncGenerator<Extracted> {
    const tasks = extractionTasks(document, units, options, form);
    if (this.jobs <= 1) return inOrder(tasks, async (task) => runTask(task), 1);
    return inOrder(tasks, (task) => this.run(task), this.jobs * TASKS_PER_WORKER);
  }

  /** A whole document in memory, extracted as extractDocument extracts it. */
  async extract(doc: SourceDocument, options: ExtractOptions = {}): Promise<ExtractionOut> {
    const results: Extracted<ArticleOut>[] = [];
    for await (const result of this.extractInOrder(doc.name, doc.units, options, 'object')) results.push(result);
    return assembleDocument(doc, results);
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
    this.idle.length = 0;
  }

  private async run(task: ExtractionTask): Promise<Extracted> {
    const worker = await this.acquire();
    const request: TaskRequest = { id: this.nextId++, task };
    let crashed = false;
    try {
      return await new Promise<Extracted>((resolve, reject) => {
        const onError = (e: Error) => {
          crashed = true;
          reject(e);
        };
        const onMessage = (reply: TaskReply) => {
          if (reply.id !== request.id) return;
          worker.off('message', onMessage);
          worker.off('error', onError);
          if ('error' in reply) reject(new Error(reply.error));
          else resolve(reply.result);
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
