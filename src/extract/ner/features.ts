/**
 * Features of the tagger, hashed: each character gets FEATURE_COUNT feature indices into a weight
 * table of 2^bits rows (one row of LABEL_COUNT weights a feature). Templates: the characters in a
 * window of ±2 and their bigrams, character classes, and the language-data marks around the
 * character. Training and tagging call the same function, so the two can never disagree.
 */
import { computeMarks, type Marks } from './lexicon-marks.js';
import { Scratch } from './scratch.js';

export const FEATURE_COUNT = 21;

// Character classes: Han, digit, Latin, Chinese numeral, name dot, punctuation, space, other.
const enum Cls { Han = 1, Digit, Latin, Numeral, Dot, Punct, Space, Other }
const NUMERALS = new Set([...'〇零一二两三四五六七八九十百千万亿']);
const DOTS = new Set([...'·•・‧']);
const BOS = 1;
const EOS = 2;

/** A character's code after folding what should not matter: full-width forms, digits, Latin case. */
export function foldChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code === 0x3000) return 32;
  if (code >= 48 && code <= 57) return 48;
  if (code >= 65 && code <= 90) return code + 32;
  return code;
}

function classOf(folded: number, ch: string): Cls {
  if ((folded >= 0x4e00 && folded <= 0x9fff) || (folded >= 0x3400 && folded <= 0x4dbf)) return NUMERALS.has(ch) ? Cls.Numeral : Cls.Han;
  if (folded === 48) return Cls.Digit;
  if (folded >= 97 && folded <= 122) return Cls.Latin;
  if (DOTS.has(ch)) return Cls.Dot;
  if (folded === 32 || folded === 9) return Cls.Space;
  if ((folded >= 33 && folded <= 47) || (folded >= 0x3000 && folded <= 0x303f) || (folded >= 0x2000 && folded <= 0x206f) || (folded >= 58 && folded <= 64)) return Cls.Punct;
  return Cls.Other;
}

// Folded code and class of every UTF-16 unit, computed once: the per-character work is two reads.
const FOLDED = new Uint16Array(65536);
const CLASS = new Uint8Array(65536);
for (let code = 0; code < 65536; code++) {
  FOLDED[code] = foldChar(code);
  CLASS[code] = classOf(FOLDED[code], String.fromCharCode(code));
}

/** A 32-bit hash of a template number and up to three values: multiply, xor, one final mix. */
function hash(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(a ^ (t << 23), 0x9e3779b1) ^ Math.imul(b + 0x632be5ab, 0x85ebca77) ^ Math.imul(c + 0x1b873593, 0xc2b2ae3d);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

const PADDED_CODES = new Scratch((n) => new Int32Array(n));
const PADDED_CLASSES = new Scratch((n) => new Uint8Array(n));
const PADDED_PLACES = new Scratch((n) => new Uint8Array(n));
const PADDED_ORGS = new Scratch((n) => new Uint8Array(n));
const PADDED_WORDS = new Scratch((n) => new Uint8Array(n));

/** The padded inputs of one text the template groups read: code, class and marks at i + 2. */
interface Window {
  n: number;
  shift: number;
  c: Int32Array;
  k: Uint8Array;
  place: Uint8Array;
  org: Uint8Array;
  word: Uint8Array;
  marks: Marks;
}

/**
 * Feature rows for every character of `text`: out[i * FEATURE_COUNT + k] is the weight-table row of
 * template k at character i. Written `into` a scratch buffer when given (tagging), else into a new
 * array (training keeps every sentence's).
 */
export function featurize(text: string, bits: number, marks: Marks = computeMarks(text), into?: { take(length: number): Uint32Array }): Uint32Array {
  const n = text.length;
  // Padded copies so that the window never needs a bounds test.
  const c = PADDED_CODES.take(n + 4);
  const k = PADDED_CLASSES.take(n + 4);
  const place = PADDED_PLACES.take(n + 4);
  const org = PADDED_ORGS.take(n + 4);
  const word = PADDED_WORDS.take(n + 4);
  c[0] = c[1] = BOS;
  c[n + 2] = c[n + 3] = EOS;
  for (const pad of [k, place, org, word]) pad[0] = pad[1] = pad[n + 2] = pad[n + 3] = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    c[i + 2] = FOLDED[code];
    k[i + 2] = CLASS[code];
    place[i + 2] = marks.place[i];
    org[i + 2] = marks.org[i];
    word[i + 2] = marks.word[i];
  }
  // The hash's high bits are its best mixed: a row is hash >>> (32 - bits).
  const w: Window = { n, shift: 32 - bits, c, k, place, org, word, marks };
  const out = into ? into.take(n * FEATURE_COUNT) : new Uint32Array(n * FEATURE_COUNT);
  // The templates in groups of at most five, one function each: V8 inlines only so much into one
  // function, and a hash call it does not inline costs more than the hash.
  characterUnigrams(w, out);
  characterBigrams(w, out);
  longerCharacterRuns(w, out);
  placeOrgAndWordMarks(w, out);
  nameMarks(w, out);
  return out;
}

/** Templates 0–3: the characters at −2, −1, +1, +2. */
function characterUnigrams({ n, shift, c }: Window, out: Uint32Array): void {
  for (let i = 0, p = 2, o = 0; i < n; i++, p++, o += FEATURE_COUNT) {
    out[o] = hash(1, c[p - 2], 0, 0) >>> shift;
    out[o + 1] = hash(2, c[p - 1], 0, 0) >>> shift;
    out[o + 2] = hash(4, c[p + 1], 0, 0) >>> shift;
    out[o + 3] = hash(5, c[p + 2], 0, 0) >>> shift;
  }
}

/** Templates 4–7: the bigrams (−2,−1), (−1,0), (0,+1), (+1,+2). */
function characterBigrams({ n, shift, c }: Window, out: Uint32Array): void {
  for (let i = 0, p = 2, o = 0; i < n; i++, p++, o += FEATURE_COUNT) {
    out[o + 4] = hash(6, c[p - 2], c[p - 1], 0) >>> shift;
    out[o + 5] = hash(7, c[p - 1], c[p], 0) >>> shift;
    out[o + 6] = hash(8, c[p], c[p + 1], 0) >>> shift;
    out[o + 7] = hash(9, c[p + 1], c[p + 2], 0) >>> shift;
  }
}

/** Templates 8 and 15–17: the classes from −2 to +2, the trigram (0…+2), the 4-grams (−2…+1) and (−1…+2). */
function longerCharacterRuns({ n, shift, c, k }: Window, out: Uint32Array): void {
  for (let i = 0, p = 2, o = 0; i < n; i++, p++, o += FEATURE_COUNT) {
    out[o + 8] = hash(11, (k[p - 2] << 8) | (k[p - 1] << 4) | k[p], (k[p + 1] << 4) | k[p + 2], 0) >>> shift;
    out[o + 15] = hash(20, c[p], c[p + 1], c[p + 2]) >>> shift;
    out[o + 16] = hash(21, c[p - 2], c[p - 1], (c[p] << 16) | c[p + 1]) >>> shift;
    out[o + 17] = hash(22, c[p - 1], c[p], (c[p + 1] << 16) | c[p + 2]) >>> shift;
  }
}

/** Templates 9–11, 14, 18: place words, organization endings and common words around the character. */
function placeOrgAndWordMarks({ n, shift, c, place, org, word }: Window, out: Uint32Array): void {
  for (let i = 0, p = 2, o = 0; i < n; i++, p++, o += FEATURE_COUNT) {
    out[o + 9] = hash(12, place[p - 1], place[p], place[p + 1]) >>> shift;
    out[o + 10] = hash(13, place[p], c[p], 0) >>> shift;
    out[o + 11] = hash(14, org[p - 1], org[p], org[p + 1]) >>> shift;
    out[o + 14] = hash(18, word[p - 1], word[p], word[p + 1]) >>> shift;
    out[o + 18] = hash(23, word[p], c[p], org[p]) >>> shift;
  }
}

/** Templates 12, 13, 19, 20: surnames, posts and followers around the character, given-name classes. */
function nameMarks({ n, shift, c, place, word, marks }: Window, out: Uint32Array): void {
  const { post, follower, surname, given } = marks;
  for (let i = 0, p = 2, o = 0; i < n; i++, p++, o += FEATURE_COUNT) {
    const around = ((i + 1 < n ? post[i + 1] & 1 : 0) << 2) | (i > 0 ? post[i - 1] & 2 : 0) | (i + 1 < n ? follower[i + 1] : 0);
    out[o + 12] = hash(15, surname[i], i > 0 ? surname[i - 1] : 0, around) >>> shift;
    out[o + 13] = hash(16, around, c[p], 0) >>> shift;
    out[o + 19] = hash(24, c[p - 1], c[p], place[p] | (word[p] << 8)) >>> shift;
    out[o + 20] = hash(25, (i > 0 ? surname[i - 1] : 0) | (i > 1 ? surname[i - 2] << 4 : 0), given[i], i + 1 < n ? given[i + 1] : 5) >>> shift;
  }
}
