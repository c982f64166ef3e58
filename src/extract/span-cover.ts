/**
 * Which characters of a text some span covers, so that "does this span overlap any of those?" costs
 * the span's length, not the number of spans: a rule that tests every repeat of every name against
 * every entity of a long article would otherwise be quadratic.
 *
 * Overlap is merge.ts's: a.start < b.end && b.start < a.end. An empty span (p, p) covers no
 * character yet overlaps a span that runs across p; those few are kept and tested one by one.
 */
interface Span {
  start: number;
  end: number;
}

export class SpanCover {
  private readonly covered: Uint8Array;
  private readonly empty: number[] = [];

  constructor(length: number, spans: Iterable<Span> = []) {
    this.covered = new Uint8Array(length + 1);
    for (const s of spans) this.add(s);
  }

  add(s: Span): void {
    if (s.start >= s.end) this.empty.push(s.start);
    else this.covered.fill(1, Math.max(0, s.start), s.end);
  }

  /** Whether `s` (not empty) overlaps a span added. */
  overlaps(s: Span): boolean {
    for (let k = Math.max(0, s.start); k < s.end && k < this.covered.length; k++) if (this.covered[k]) return true;
    return this.empty.length > 0 && this.empty.some((p) => s.start < p && p < s.end);
  }
}
