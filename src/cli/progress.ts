/**
 * Progress on stderr: redrawn in place on a terminal, a line every few seconds otherwise (CI logs).
 */
export class Progress {
  private last = 0;
  private drawn = false;
  private shown = false;
  private readonly started = Date.now();
  /** `quietForMs`: nothing is shown for work shorter than this, not even the final state. */
  constructor(
    private readonly render: () => string,
    private readonly everyMs = process.stderr.isTTY ? 100 : 5000,
    private readonly quietForMs = 0,
  ) {}

  update(force = false): void {
    const now = Date.now();
    if (!force && now - this.last < this.everyMs) return;
    if (now - this.started < this.quietForMs) return;
    this.shown = true;
    this.last = now;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[K${this.render()}`);
      this.drawn = true;
    } else process.stderr.write(`${this.render()}\n`);
  }

  /** The final state on its own line. */
  done(): void {
    if (this.quietForMs && !this.shown) return;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[K${this.render()}\n`);
    } else process.stderr.write(`${this.render()}\n`);
    this.drawn = false;
  }

  /** Prints a message above the progress line. */
  log(message: string): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    process.stderr.write(message + '\n');
    this.drawn = false;
  }
}

export const rate = (count: number, ms: number) => (ms > 0 ? Math.round((count * 1000) / ms) : 0).toLocaleString('en-US');
export const int = (n: number) => n.toLocaleString('en-US');
