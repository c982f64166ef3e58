/**
 * Scoring and best-path decoding shared by training and tagging. Emission scores are sums of
 * weight-table rows; transitions are a LABEL_COUNT × LABEL_COUNT matrix plus start and end scores,
 * and moves the BIOES grammar forbids are never taken.
 */
import { FEATURE_COUNT } from './features.js';
import { Scratch } from './scratch.js';
import { allowed, canEnd, canStart, LABEL_COUNT as L, O } from './labels.js';

type Weights = Float64Array | Float32Array | Int16Array;

/** Tags after which an entity may open or the text stay outside (O, E, S), and the tags that may follow them (O, B, S). */
const CLOSED = Uint8Array.from(Array.from({ length: L }, (_, t) => t).filter((t) => allowed(t, O)));
const OPENING = Uint8Array.from(Array.from({ length: L }, (_, t) => t).filter((t) => allowed(O, t)));
const [C0, C1, C2, C3, C4, C5, C6] = CLOSED;
const STARTS = Array.from({ length: L }, (_, t) => t).filter(canStart);
const ENDS = new Set(Array.from({ length: L }, (_, t) => t).filter(canEnd));

/**
 * emissions[i * L + y] = Σ_k weights[features[i * F + k] * stride + y]. The hot loop of tagging: the
 * thirteen sums are kept in locals (written out, not looped), which runs several times faster than
 * adding into the output array. A stride of 16 keeps every row inside one cache line.
 */
export function emissions(features: Uint32Array, n: number, weights: Weights, stride = L, out = new Float64Array(n * L)): Float64Array {
  if (L !== 13) throw new Error('emissions: written out for 13 labels');
  for (let i = 0; i < n; i++) {
    let s0 = 0; let s1 = 0; let s2 = 0; let s3 = 0; let s4 = 0; let s5 = 0; let s6 = 0; let s7 = 0; let s8 = 0; let s9 = 0; let s10 = 0; let s11 = 0; let s12 = 0;
    const f = i * FEATURE_COUNT;
    for (let k = 0; k < FEATURE_COUNT; k++) {
      const r = features[f + k] * stride;
      s0 += weights[r + 0];
      s1 += weights[r + 1];
      s2 += weights[r + 2];
      s3 += weights[r + 3];
      s4 += weights[r + 4];
      s5 += weights[r + 5];
      s6 += weights[r + 6];
      s7 += weights[r + 7];
      s8 += weights[r + 8];
      s9 += weights[r + 9];
      s10 += weights[r + 10];
      s11 += weights[r + 11];
      s12 += weights[r + 12];
    }
    const o = i * 13;
    out[o + 0] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
    out[o + 3] = s3;
    out[o + 4] = s4;
    out[o + 5] = s5;
    out[o + 6] = s6;
    out[o + 7] = s7;
    out[o + 8] = s8;
    out[o + 9] = s9;
    out[o + 10] = s10;
    out[o + 11] = s11;
    out[o + 12] = s12;
  }
  return out;
}

/** The most a packed weight may be, in absolute value: a byte (finer steps measure no better). */
export const PACKED_MAX = 127;
const BIAS = PACKED_MAX + 1;
/** 32-bit words a packed row takes: four labels a word, 13 labels in 16 bytes. */
export const PACKED_STRIDE = 4;
// The tagging kernel (tagger.wat) sums a row's biased bytes in 16-bit lanes.
if ((2 * BIAS - 1) * FEATURE_COUNT >= 65536) throw new Error('packed emissions: too many features for 16-bit lanes');

/**
 * Packs rows of small integer weights (|w| ≤ PACKED_MAX) four to a 32-bit word, each byte biased to
 * be non-negative (1 … 255), for the tagging kernel (tagger-kernel.ts).
 */
export function packWeights(weights: ArrayLike<number>, rows: number, stride: number): Uint32Array {
  const packed = new Uint32Array(rows * PACKED_STRIDE);
  for (let r = 0; r < rows; r++) {
    for (let y = 0; y < PACKED_STRIDE * 4; y++) {
      const byte = y < L ? weights[r * stride + y] + BIAS : BIAS;
      packed[r * PACKED_STRIDE + (y >> 2)] |= byte << ((y & 3) * 8);
    }
  }
  return packed;
}

const SCORES = new Scratch((n) => new Float64Array(n));
const BACKPOINTERS = new Scratch((n) => new Uint8Array(n));

/**
 * The best tag sequence for emissions of n characters. `trans` holds L*L transition scores
 * (from a to b at a*L+b), then L start scores.
 *
 * Written for the BIOES grammar of three types: O, B and S of any type follow only a closed tag
 * (O, E, S), and I or E of a type only its own B or I. So each character costs 7×7 + 6×2 sums instead
 * of 13×13, with the transitions each needs copied into a small table once per sentence.
 */
export function viterbi(em: Float64Array, n: number, trans: Float64Array | Float32Array, tags = new Uint8Array(n)): Uint8Array {
  if (L !== 13) throw new Error('viterbi: written for 13 labels');
  if (n === 0) return tags;
  const score = SCORES.take(n * L);
  const back = BACKPOINTERS.take(n * L);
  // open[o * 7 + c]: from closed tag CLOSED[c] to opening tag OPENING[o].
  const open = new Float64Array(49);
  for (let o = 0; o < 7; o++) for (let c = 0; c < 7; c++) open[o * 7 + c] = trans[CLOSED[c] * L + OPENING[o]];
  for (let t = 0; t < L; t++) score[t] = STARTS.includes(t) ? em[t] + trans[L * L + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    const c0 = score[prev + C0];
    const c1 = score[prev + C1];
    const c2 = score[prev + C2];
    const c3 = score[prev + C3];
    const c4 = score[prev + C4];
    const c5 = score[prev + C5];
    const c6 = score[prev + C6];
    for (let o = 0; o < 7; o++) {
      const b = OPENING[o];
      const k = o * 7;
      let best = c0 + open[k];
      let arg = C0;
      let s = c1 + open[k + 1];
      if (s > best) { best = s; arg = C1; }
      s = c2 + open[k + 2];
      if (s > best) { best = s; arg = C2; }
      s = c3 + open[k + 3];
      if (s > best) { best = s; arg = C3; }
      s = c4 + open[k + 4];
      if (s > best) { best = s; arg = C4; }
      s = c5 + open[k + 5];
      if (s > best) { best = s; arg = C5; }
      s = c6 + open[k + 6];
      if (s > best) { best = s; arg = C6; }
      score[cur + b] = best + em[cur + b];
      back[cur + b] = arg;
    }
    for (let b0 = 1; b0 < L; b0 += 4) {
      // B, I, E of one type: b0, b0 + 1, b0 + 2.
      const fromB = score[prev + b0];
      const fromI = score[prev + b0 + 1];
      for (let b = b0 + 1; b <= b0 + 2; b++) {
        const viaB = fromB + trans[b0 * L + b];
        const viaI = fromI + trans[(b0 + 1) * L + b];
        if (viaB >= viaI) {
          score[cur + b] = viaB + em[cur + b];
          back[cur + b] = b0;
        } else {
          score[cur + b] = viaI + em[cur + b];
          back[cur + b] = b0 + 1;
        }
      }
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let t = 0; t < L; t++) {
    const s = score[(n - 1) * L + t];
    if (ENDS.has(t) && s > best) {
      best = s;
      last = t;
    }
  }
  tags[n - 1] = last;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * L + tags[i]];
  return tags;
}
