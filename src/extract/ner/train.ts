/**
 * Averaged structured perceptron (Collins 2002) over the hashed features: decode each sentence with
 * the current weights, and where the best path differs from the gold one, add the gold path's
 * features and subtract the predicted one's. The returned weights are the average over every step,
 * computed lazily (w − u/c). Sentences are visited in a seeded order, so a run is deterministic.
 *
 * Two refinements: the decoding in training is cost-augmented (every wrong tag scores `margin` more,
 * so the gold path must win by a margin per character, not just win), and the language-data marks
 * may be dropped at random (`markDropout`, per word or character, a seeded generator) so that the
 * weights do not lean on the lists alone.
 */
import { featurize, FEATURE_COUNT } from './features.js';
import { computeMarks, type Marks } from './lexicon-marks.js';
import { LABEL_COUNT as L } from './labels.js';
import { emissions, viterbi } from './viterbi.js';
import { mulberry32 } from '../../seeded-random.js';

export interface TrainingSentence {
  text: string;
  tags: Uint8Array;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  seed?: number;
  /** Added to every wrong tag's score when decoding in training (cost-augmented perceptron); 0 is the plain perceptron. */
  margin?: number;
  /** Chance that a mark (a place, organization-ending or common word, a surname, post or name-class mark) is left out in a pass. */
  markDropout?: number;
  /** Called after each epoch with the share of characters tagged right in that pass. */
  onEpoch?: (epoch: number, accuracy: number, seconds: number) => void;
}

export interface TrainedWeights {
  weights: Float64Array;
  /** L*L transitions, then L start scores. */
  transitions: Float64Array;
}


/** The marks with each word (place, organization ending, common word) or character mark dropped with chance p. */
function dropMarks(m: Marks, p: number, random: () => number): Marks {
  const words = (marks: Uint8Array, isEnd: (v: number) => boolean) => {
    const out = Uint8Array.from(marks);
    let inWord = false;
    let drop = false;
    for (let i = 0; i < out.length; i++) {
      const v = out[i];
      if (v === 0) {
        inWord = false;
        continue;
      }
      if (!inWord) {
        drop = random() < p;
        inWord = true;
      }
      if (drop) out[i] = 0;
      if (isEnd(v)) inWord = false;
    }
    return out;
  };
  const chars = (marks: Uint8Array) => marks.map((v) => (v !== 0 && random() < p ? 0 : v));
  return {
    place: words(m.place, (v) => (v & 3) >= 2),
    org: words(m.org, (v) => v === 3),
    word: words(m.word, (v) => (v & 3) >= 2),
    surname: chars(m.surname),
    given: chars(m.given),
    post: chars(m.post),
    follower: chars(m.follower),
  };
}

export function trainPerceptron(sentences: TrainingSentence[], options: TrainOptions): TrainedWeights {
  const size = (1 << options.bits) * L;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const tw = new Float64Array(L * L + L);
  const tu = new Float64Array(L * L + L);
  const margin = options.margin ?? 0;
  const dropout = options.markDropout ?? 0;
  // With dropout the marks are computed once and the features again in every pass.
  const marks = dropout > 0 ? sentences.map((s) => computeMarks(s.text)) : [];
  const features = dropout > 0 ? [] : sentences.map((s) => featurize(s.text, options.bits));
  const random = mulberry32(options.seed ?? 1);
  const dropRandom = mulberry32(((options.seed ?? 1) * 7919 + 17) >>> 0);
  const order = sentences.map((_, i) => i);
  const maxLength = Math.max(0, ...sentences.map((s) => s.text.length));
  const em = new Float64Array(maxLength * L);
  const predicted = new Uint8Array(maxLength);
  let c = 1;

  const update = (row: number, y: number, delta: number) => {
    w[row + y] += delta;
    u[row + y] += c * delta;
  };
  const updateTransition = (index: number, delta: number) => {
    tw[index] += delta;
    tu[index] += c * delta;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let right = 0;
    let total = 0;
    for (const s of order) {
      const gold = sentences[s].tags;
      const f = dropout > 0 ? featurize(sentences[s].text, options.bits, dropMarks(marks[s], dropout, dropRandom)) : features[s];
      const n = gold.length;
      if (n === 0) continue;
      emissions(f, n, w, L, em);
      if (margin > 0) for (let i = 0; i < n; i++) for (let y = 0; y < L; y++) if (y !== gold[i]) em[i * L + y] += margin;
      const pred = viterbi(em, n, tw, predicted.subarray(0, n));
      for (let i = 0; i < n; i++) {
        total++;
        if (pred[i] === gold[i]) right++;
        else {
          for (let k = 0; k < FEATURE_COUNT; k++) {
            const row = f[i * FEATURE_COUNT + k] * L;
            update(row, gold[i], 1);
            update(row, pred[i], -1);
          }
        }
        const goldT = i === 0 ? L * L + gold[0] : gold[i - 1] * L + gold[i];
        const predT = i === 0 ? L * L + pred[0] : pred[i - 1] * L + pred[i];
        if (goldT !== predT) {
          updateTransition(goldT, 1);
          updateTransition(predT, -1);
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, right / Math.max(1, total), (Date.now() - started) / 1000);
  }
  for (let i = 0; i < size; i++) w[i] -= u[i] / c;
  for (let i = 0; i < tw.length; i++) tw[i] -= tu[i] / c;
  return { weights: w, transitions: tw };
}
