/**
 * Scoring and best-path decoding shared by training and tagging. Emission scores are sums of
 * weight-table rows; transitions are a LABEL_COUNT × LABEL_COUNT matrix plus start and end scores,
 * and moves the BIOES grammar forbids are never taken.
 */
import { FEATURE_COUNT } from './features.js';
import { allowed, canEnd, canStart, LABEL_COUNT as L } from './labels.js';

type Weights = Float64Array | Float32Array | Int16Array;

/** Allowed predecessors of each tag, computed once. */
const PREDECESSORS: Uint8Array[] = Array.from({ length: L }, (_, b) => Uint8Array.from(Array.from({ length: L }, (_, a) => a).filter((a) => allowed(a, b))));
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

/**
 * The best tag sequence for emissions of n characters. `trans` holds L*L transition scores
 * (from a to b at a*L+b), then L start scores.
 */
export function viterbi(em: Float64Array, n: number, trans: Float64Array | Float32Array, tags = new Uint8Array(n)): Uint8Array {
  if (n === 0) return tags;
  const score = new Float64Array(n * L).fill(-Infinity);
  const back = new Uint8Array(n * L);
  for (const t of STARTS) score[t] = em[t] + trans[L * L + t];
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L;
    const cur = i * L;
    for (let b = 0; b < L; b++) {
      let best = -Infinity;
      let arg = 0;
      const preds = PREDECESSORS[b];
      for (let j = 0; j < preds.length; j++) {
        const a = preds[j];
        const s = score[prev + a] + trans[a * L + b];
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      score[cur + b] = best + em[cur + b];
      back[cur + b] = arg;
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
