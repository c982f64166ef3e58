/**
 * The tagger's numbers in WebAssembly (tagger.wat, compiled to tagger.wasm): a line's emission sums,
 * with SIMD (a weight row is one 16-byte load, its 13 byte weights added eight at a time, where
 * JavaScript masks and adds them a 32-bit word at a time: four times the work), and its Viterbi
 * decoding (the same sums and comparisons as viterbi(), without a bounds check each: about 2.5 times
 * faster). The packed rows and the transitions live in the kernel's memory, and after them the
 * buffers of one line: its feature rows (which featurize writes there, through take), its emission
 * scores, the decoder's work space and the tags.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { FEATURE_COUNT as F } from './features.js';
import { allowed, LABEL_COUNT as L, O } from './labels.js';

const WASM = join(PACKAGE_ROOT, 'src', 'extract', 'ner', 'tagger.wasm');
if (F !== 21 || L !== 13) throw new Error('tagger.wat is written for 21 features and 13 labels');
const PAGE = 65536;
const TAGS = Array.from({ length: L }, (_, t) => t);
/** Tags an entity may open after (O, E, S) and those that may follow them (O, B, S), in tagger.wat's order. */
const CLOSED = TAGS.filter((t) => allowed(t, O));
const OPENING = TAGS.filter((t) => allowed(O, t));

interface Kernel {
  memory: WebAssembly.Memory;
  emissions(features: number, n: number, out: number, table: number): void;
  viterbi(em: number, n: number, trans: number, open: number, score: number, back: number, tags: number): void;
}

let compiled: WebAssembly.Module | null = null;

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

// Where the model's part of the memory lies: transitions, the closed-to-opening table, the rows.
const TRANS_AT = 0;
const OPEN_AT = align16((L * L + L) * 8);
const TABLE_AT = align16(OPEN_AT + 49 * 8);

export class TaggerKernel {
  private readonly kernel: Kernel;
  private readonly linesAt: number;
  /** Characters the line buffers hold now, and where each lies. */
  private capacity = 0;
  private at = { features: 0, em: 0, score: 0, back: 0, tags: 0 };
  private features = new Uint32Array(0);
  private tags = new Uint8Array(0);

  /**
   * `packed` holds the weight rows as packWeights (viterbi.ts) lays them out, `transitions` the
   * L × L transitions then L start scores, on the packed rows' scale.
   */
  constructor(packed: Uint32Array, transitions: Float64Array) {
    compiled ??= new WebAssembly.Module(readFileSync(WASM));
    this.kernel = new WebAssembly.Instance(compiled).exports as unknown as Kernel;
    this.linesAt = TABLE_AT + align16(packed.byteLength);
    this.reserve(1024);
    const { buffer } = this.kernel.memory;
    new Float64Array(buffer, TRANS_AT, transitions.length).set(transitions);
    const open = new Float64Array(buffer, OPEN_AT, 49);
    for (let o = 0; o < 7; o++) for (let c = 0; c < 7; c++) open[o * 7 + c] = transitions[CLOSED[c] * L + OPENING[o]];
    new Uint32Array(buffer, TABLE_AT, packed.length).set(packed);
  }

  /**
   * A buffer for `length` feature rows (a line's n × FEATURE_COUNT), in the kernel's memory: what
   * featurize writes into before tag(n). Its contents are the caller's until the next take.
   */
  take(length: number): Uint32Array {
    this.reserve(Math.ceil(length / F));
    return this.features.subarray(0, length);
  }

  /** The best tags of the n characters (n ≥ 1) whose feature rows were just taken and written; the caller's until the next take. */
  tag(n: number): Uint8Array {
    if (n < 1 || n > this.capacity) throw new Error(`TaggerKernel: tag(${n}) without its features taken`);
    const { features, em, score, back, tags } = this.at;
    this.kernel.emissions(features, n, em, TABLE_AT);
    this.kernel.viterbi(em, n, TRANS_AT, OPEN_AT, score, back, tags);
    return this.tags.subarray(0, n);
  }

  /** Room for lines of `n` characters: the memory grown and the line buffers laid out anew when it lacks. */
  private reserve(n: number): void {
    if (n <= this.capacity) return;
    const capacity = Math.max(n, this.capacity * 2);
    const features = this.linesAt;
    // The emission kernel writes one double past the last character's scores.
    const em = features + align16(capacity * F * 4);
    const score = em + align16((capacity * L + 1) * 8);
    const back = score + align16(capacity * L * 8);
    const tags = back + align16(capacity * L);
    const end = tags + capacity;
    const { memory } = this.kernel;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    this.capacity = capacity;
    this.at = { features, em, score, back, tags };
    this.features = new Uint32Array(memory.buffer, features, capacity * F);
    this.tags = new Uint8Array(memory.buffer, tags, capacity);
  }
}
