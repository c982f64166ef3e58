/**
 * Typed buffers reused from one call to the next on a thread, grown as needed: tagging a long text
 * line by line would otherwise allocate (and collect) several arrays a line. A buffer's contents
 * are the caller's only until its next call.
 */
type Typed = Uint8Array | Int32Array | Uint32Array | Float64Array;

export class Scratch<T extends Typed> {
  private buffer: T;
  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(1024);
  }

  /** A view of `length` elements; they hold whatever the last use left. */
  take(length: number): T {
    if (this.buffer.length < length) this.buffer = this.make(Math.max(length, this.buffer.length * 2));
    return this.buffer.subarray(0, length) as T;
  }
}
