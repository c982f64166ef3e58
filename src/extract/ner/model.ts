/**
 * The trained tagger as the pipeline uses it: weights as bytes packed four to a word (tagging waits
 * on memory), loaded once from data/models/ner.bin.gz, and `tag(text)` giving the PER / LOC / ORG
 * spans of a text.
 *
 * File format (gzip): "GXNER2", a uint32 header length and a JSON header {bits, labels, features,
 * scale, …}, then (L*L + L) float32 transitions on the header's scale, then the 2^bits rows of the
 * weight table as tagging reads them (PACKED_STRIDE uint32 words a row, packWeights): the file holds
 * what is tagged with, so loading is reading, not requantizing and packing a quarter million rows.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../paths.js';
import { codeClass, codeSet } from '../chars.js';
import { featurize, FEATURE_COUNT } from './features.js';
import { computeMarks, markLexicon } from './lexicon-marks.js';
import { decodeSpans, entitySpan, LABEL_COUNT as L, type EntitySpan } from './labels.js';
import type { TrainedWeights } from './train.js';
import { TaggerKernel } from './tagger-kernel.js';
import { PACKED_MAX, PACKED_STRIDE, packWeights } from './viterbi.js';

/** The bundled model; $GUANXI_NER_MODEL names another (one trained on fewer days, say). */
export const DEFAULT_MODEL = process.env.GUANXI_NER_MODEL || join(PACKAGE_ROOT, 'data', 'models', 'ner.bin.gz');
const MAGIC = 'GXNER2';
/** From the header's scale (weights up to 32767) to bytes (up to PACKED_MAX). */
const REQUANTIZE = PACKED_MAX / 32767;

export interface ModelHeader {
  bits: number;
  labels: number;
  features: number;
  /** Weights were multiplied by this (the largest became 32767) before rounding; bytes are those × PACKED_MAX / 32767, rounded again. */
  scale: number;
  /** Free-form provenance: data, epochs, date. */
  [key: string]: unknown;
}

export class NerModel {
  /** The packed rows and the transitions (on their scale) in the tagging kernel's memory, with its line buffers. */
  private readonly kernel: TaggerKernel;

  /**
   * `packed` holds the 2^bits rows of byte weights (packWeights), `transitions` the L*L + L
   * transition scores on the header's scale.
   */
  private constructor(
    readonly header: ModelHeader,
    private readonly packed: Uint32Array,
    private readonly transitions: Float32Array,
  ) {
    this.kernel = new TaggerKernel(packed, Float64Array.from(transitions, (v) => v * REQUANTIZE));
  }

  /**
   * Quantizes trained weights: scaled so that the largest is 32767 and rounded (as int16), then
   * rounded again to bytes and packed. The two roundings are the ones the bundled model was made with.
   */
  static fromTrained(trained: TrainedWeights, bits: number, info: Record<string, unknown> = {}): NerModel {
    let max = 0;
    for (const v of trained.weights) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? 32767 / max : 1;
    const bytes = Int16Array.from(trained.weights.subarray(0, (1 << bits) * L), (v) => Math.round(Math.round(v * scale) * REQUANTIZE));
    const transitions = Float32Array.from(trained.transitions, (v) => v * scale);
    return new NerModel({ ...info, bits, labels: L, features: FEATURE_COUNT, scale }, packWeights(bytes, 1 << bits, L), transitions);
  }

  static load(path: string = DEFAULT_MODEL): NerModel {
    if (!existsSync(path)) throw new Error(`guanxi: no NER model at ${path} (npm run train:ner makes one)`);
    const buf = gunzipSync(readFileSync(path));
    const magic = buf.toString('latin1', 0, MAGIC.length);
    if (magic !== MAGIC) {
      const old = magic.startsWith('GXNER');
      throw new Error(`guanxi: ${path} is ${old ? 'a Guanxi NER model of an older format (run npm run train:ner)' : 'not a Guanxi NER model'}`);
    }
    let at = MAGIC.length;
    const headerLength = buf.readUInt32LE(at);
    const header = JSON.parse(buf.toString('utf8', at + 4, at + 4 + headerLength)) as ModelHeader;
    at += 4 + headerLength;
    if (header.labels !== L || header.features !== FEATURE_COUNT) {
      throw new Error(`guanxi: ${path} was trained with other features (${header.features}×${header.labels}); run npm run train:ner`);
    }
    const rowBytes = (1 << header.bits) * PACKED_STRIDE * 4;
    if (buf.length !== at + (L * L + L) * 4 + rowBytes) throw new Error(`guanxi: ${path} is cut short or too long for 2^${header.bits} rows`);
    // Copied out of the buffer: a typed array needs its offset aligned to its element size.
    const copy = (bytes: number) => {
      const out = new Uint8Array(bytes);
      out.set(buf.subarray(at, at + bytes));
      at += bytes;
      return out.buffer;
    };
    const transitions = new Float32Array(copy((L * L + L) * 4));
    return new NerModel(header, new Uint32Array(copy(rowBytes)), transitions);
  }

  save(path: string): void {
    const header = Buffer.from(JSON.stringify(this.header), 'utf8');
    const headerLength = Buffer.alloc(4);
    headerLength.writeUInt32LE(header.length);
    const body = Buffer.concat([
      Buffer.from(MAGIC, 'latin1'),
      headerLength,
      header,
      Buffer.from(this.transitions.buffer, this.transitions.byteOffset, this.transitions.byteLength),
      Buffer.from(this.packed.buffer, this.packed.byteOffset, this.packed.byteLength),
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
    featurize(line, this.header.bits, computeMarks(line, markLexicon(), true), this.kernel);
    return decodeSpans(this.kernel.tag(n), offset).flatMap((s) => trimSpan(line, offset, s));
  }
}

// What a name never begins or ends with: punctuation and spaces (a tagger may swallow a bracket).
// Tested by code: every span's characters are (a regex test would make a string of each).
const isEdge = codeClass(/[\s\p{P}\p{S}]/u);
// What no name runs across: the marks between clauses and list items.
const isClauseMark = codeSet('，。；：、！？,;:!?');

/**
 * The span without punctuation at its ends (张辉） → 张辉) and without what stands before a clause
 * mark inside it (华；市委党史研究室 → 市委党史研究室: the name is the part its end belongs to), or
 * nothing if only punctuation is left.
 */
export function trimSpan(line: string, offset: number, s: EntitySpan): EntitySpan[] {
  let start = s.start - offset;
  let end = s.end - offset;
  for (let k = end - 1; k > start; k--) {
    if (isClauseMark(line.charCodeAt(k))) {
      start = k + 1;
      break;
    }
  }
  while (start < end && isEdge(line.charCodeAt(start))) start++;
  while (end > start && isEdge(line.charCodeAt(end - 1))) end--;
  return end > start ? [entitySpan(start + offset, end + offset, s.type)] : [];
}


let loaded: NerModel | null = null;

/** The bundled model, loaded on first use. */
export function nerModel(): NerModel {
  return (loaded ??= NerModel.load());
}
