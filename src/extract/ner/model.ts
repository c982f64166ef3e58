/**
 * The trained tagger as the pipeline uses it: weights quantized to 16 bits, loaded once from
 * data/models/ner.bin.gz, and `tag(text)` giving the PER / LOC / ORG spans of a text.
 *
 * File format (gzip): "GXNER1", a uint32 header length and a JSON header {bits, labels, features,
 * scale, …}, then (L*L + L) float32 transitions, a uint32 row count, the row indices (uint32, rising)
 * and their weights (int16, L a row). Rows never touched in training are left out.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../paths.js';
import { featurize, FEATURE_COUNT } from './features.js';
import { decodeSpans, LABEL_COUNT as L, type EntitySpan } from './labels.js';
import type { TrainedWeights } from './train.js';
import { emissions, viterbi } from './viterbi.js';

/** The bundled model; $GUANXI_NER_MODEL names another (one trained on fewer days, say). */
export const DEFAULT_MODEL = process.env.GUANXI_NER_MODEL || join(PACKAGE_ROOT, 'data', 'models', 'ner.bin.gz');
const MAGIC = 'GXNER1';
// Rows are kept 16 weights apart in memory (32 bytes, aligned), so that a row never spans two cache
// lines: tagging spends most of its time fetching rows.
const STRIDE = 16;

export interface ModelHeader {
  bits: number;
  labels: number;
  features: number;
  /** Weights were multiplied by this before rounding to int16. */
  scale: number;
  /** Free-form provenance: data, epochs, date. */
  [key: string]: unknown;
}

export class NerModel {
  private constructor(
    readonly header: ModelHeader,
    private readonly weights: Int16Array,
    private readonly transitions: Float32Array,
  ) {}

  /** Quantizes trained weights. */
  static fromTrained(trained: TrainedWeights, bits: number, info: Record<string, unknown> = {}): NerModel {
    let max = 0;
    for (const v of trained.weights) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? 32767 / max : 1;
    const weights = new Int16Array((1 << bits) * STRIDE);
    for (let r = 0; r < 1 << bits; r++) for (let y = 0; y < L; y++) weights[r * STRIDE + y] = Math.round(trained.weights[r * L + y] * scale);
    const transitions = Float32Array.from(trained.transitions, (v) => v * scale);
    return new NerModel({ ...info, bits, labels: L, features: FEATURE_COUNT, scale }, weights, transitions);
  }

  static load(path: string = DEFAULT_MODEL): NerModel {
    if (!existsSync(path)) throw new Error(`guanxi: no NER model at ${path} (npm run train:ner makes one)`);
    const buf = gunzipSync(readFileSync(path));
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`guanxi: ${path} is not a Guanxi NER model`);
    let at = MAGIC.length;
    const headerLength = buf.readUInt32LE(at);
    const header = JSON.parse(buf.toString('utf8', at + 4, at + 4 + headerLength)) as ModelHeader;
    at += 4 + headerLength;
    if (header.labels !== L || header.features !== FEATURE_COUNT) {
      throw new Error(`guanxi: ${path} was trained with other features (${header.features}×${header.labels}); run npm run train:ner`);
    }
    const copy = (bytes: number) => {
      const out = new Uint8Array(bytes);
      out.set(buf.subarray(at, at + bytes));
      at += bytes;
      return out.buffer;
    };
    const transitions = new Float32Array(copy((L * L + L) * 4));
    const rowCount = buf.readUInt32LE(at);
    at += 4;
    const rows = new Uint32Array(copy(rowCount * 4));
    const packed = new Int16Array(copy(rowCount * L * 2));
    const weights = new Int16Array((1 << header.bits) * STRIDE);
    for (let r = 0; r < rowCount; r++) weights.set(packed.subarray(r * L, r * L + L), rows[r] * STRIDE);
    return new NerModel(header, weights, transitions);
  }

  save(path: string): void {
    const rows: number[] = [];
    for (let r = 0; r < this.weights.length / STRIDE; r++) {
      for (let y = 0; y < L; y++) {
        if (this.weights[r * STRIDE + y] !== 0) {
          rows.push(r);
          break;
        }
      }
    }
    const packed = new Int16Array(rows.length * L);
    rows.forEach((r, i) => packed.set(this.weights.subarray(r * STRIDE, r * STRIDE + L), i * L));
    const header = Buffer.from(JSON.stringify(this.header), 'utf8');
    const count = Buffer.alloc(4);
    count.writeUInt32LE(rows.length);
    const headerLength = Buffer.alloc(4);
    headerLength.writeUInt32LE(header.length);
    const body = Buffer.concat([
      Buffer.from(MAGIC, 'latin1'),
      headerLength,
      header,
      Buffer.from(this.transitions.buffer),
      count,
      Buffer.from(Uint32Array.from(rows).buffer),
      Buffer.from(packed.buffer),
    ]);
    writeFileSync(path, gzipSync(body, { level: 9 }));
  }

  /** Entity spans of a text, decoded line by line (a line break never falls inside an entity). */
  tag(text: string): EntitySpan[] {
    const out: EntitySpan[] = [];
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) out.push(...this.tagLine(text.slice(start, end), start));
      start = end + 1;
    }
    return out;
  }

  private tagLine(line: string, offset: number): EntitySpan[] {
    const n = line.length;
    const em = emissions(featurize(line, this.header.bits), n, this.weights, STRIDE);
    return decodeSpans(viterbi(em, n, this.transitions), offset).flatMap((s) => trimSpan(line, offset, s));
  }
}

// What a name never begins or ends with: punctuation and spaces (a tagger may swallow a bracket).
const EDGE = /[\s\p{P}\p{S}]/u;

/** The span without punctuation at its ends (张辉） → 张辉), or nothing if only that is left. */
function trimSpan(line: string, offset: number, s: EntitySpan): EntitySpan[] {
  let start = s.start - offset;
  let end = s.end - offset;
  while (start < end && EDGE.test(line[start])) start++;
  while (end > start && EDGE.test(line[end - 1])) end--;
  return end > start ? [{ ...s, start: start + offset, end: end + offset }] : [];
}

let loaded: NerModel | null = null;

/** The bundled model, loaded on first use. */
export function nerModel(): NerModel {
  return (loaded ??= NerModel.load());
}
