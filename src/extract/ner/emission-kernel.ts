/**
 * The tagger's emission sums in WebAssembly SIMD (emissions.wat, compiled to emissions.wasm): a
 * weight row is one 16-byte load, its 13 byte weights added eight at a time, where JavaScript
 * masks and adds them a 32-bit word at a time — four times the work. The packed rows live in the
 * kernel's memory, and after them the buffers of one line: its feature rows (which featurize
 * writes there, through take) and its emission scores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { FEATURE_COUNT as F } from './features.js';
import { LABEL_COUNT as L } from './labels.js';

const WASM = join(PACKAGE_ROOT, 'src', 'extract', 'ner', 'emissions.wasm');
if (F !== 21 || L !== 13) throw new Error('emissions.wat is written for 21 features and 13 labels');
const PAGE = 65536;

interface Kernel {
  memory: WebAssembly.Memory;
  emissions(features: number, n: number, out: number, table: number): void;
}

let compiled: WebAssembly.Module | null = null;

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

export class EmissionKernel {
  private readonly kernel: Kernel;
  private readonly tableBytes: number;
  /** Characters the line buffers hold now. */
  private capacity = 0;
  private featuresAt = 0;
  private scoresAt = 0;
  private features = new Uint32Array(0);
  private scores = new Float64Array(0);

  /** `packed` holds the weight rows as packWeights (viterbi.ts) lays them out. */
  constructor(packed: Uint32Array) {
    compiled ??= new WebAssembly.Module(readFileSync(WASM));
    this.kernel = new WebAssembly.Instance(compiled).exports as unknown as Kernel;
    this.tableBytes = align16(packed.byteLength);
    this.reserve(1024);
    new Uint32Array(this.kernel.memory.buffer, 0, packed.length).set(packed);
  }

  /**
   * A buffer for `length` feature rows (a line's n × FEATURE_COUNT), in the kernel's memory: what
   * featurize writes into before emit(n). Its contents are the caller's until the next take.
   */
  take(length: number): Uint32Array {
    this.reserve(Math.ceil(length / F));
    return this.features.subarray(0, length);
  }

  /** The emission scores (n × LABEL_COUNT) of the n characters whose feature rows were just taken and written. */
  emit(n: number): Float64Array {
    if (n > this.capacity) throw new Error('EmissionKernel: emit before take');
    this.kernel.emissions(this.featuresAt, n, this.scoresAt, 0);
    return this.scores.subarray(0, n * L);
  }

  /** Room for lines of `n` characters: the memory grown and the buffers laid out anew when it lacks. */
  private reserve(n: number): void {
    if (n <= this.capacity) return;
    const capacity = Math.max(n, this.capacity * 2);
    const featuresAt = this.tableBytes;
    const scoresAt = featuresAt + align16(capacity * F * 4);
    // The kernel writes one double past the last character's scores.
    const end = scoresAt + (capacity * L + 1) * 8;
    const { memory } = this.kernel;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    this.capacity = capacity;
    this.featuresAt = featuresAt;
    this.scoresAt = scoresAt;
    this.features = new Uint32Array(memory.buffer, featuresAt, capacity * F);
    this.scores = new Float64Array(memory.buffer, scoresAt, capacity * L);
  }
}
