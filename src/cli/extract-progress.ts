/** `extract`'s progress on stderr, per file. */
import type { Extracted } from '../extract/extraction-task.js';
import { int, Progress, rate } from './progress.js';

/** Progress on stderr when a file takes more than a few seconds; problems with lines are printed above it. */
export class ExtractProgress {
  private readonly start = Date.now();
  private articles = 0;
  private chars = 0;
  private readonly progress: Progress;

  constructor(file: string) {
    this.progress = new Progress(
      () => `extract: ${file}: ${int(this.articles)} articles, ${int(this.chars)} characters (${rate(this.chars, Date.now() - this.start)}/s)`,
      undefined,
      3000,
    );
  }

  /** The results as they go by, counted. */
  async *count<A>(results: AsyncIterable<Extracted<A>>): AsyncGenerator<Extracted<A>> {
    for await (const result of results) {
      this.articles += result.articles.length;
      this.chars += result.chars;
      this.progress.update();
      yield result;
    }
  }

  log(message: string): void {
    this.progress.log(message);
  }

  done(): void {
    this.progress.done();
  }
}
