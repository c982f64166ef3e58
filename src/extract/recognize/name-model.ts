/**
 * A statistical model of Chinese personal names, learned from the tagged People's Daily corpus
 * (scripts/learn-name-stats.ts → data/lang/name-stats.json): how often a character is a surname, and
 * how often it is a given-name character compared with how often it appears at all. 希 in 卢希望 is
 * a plausible given-name character; 就 in 张飞就 is not.
 */
import { isHan } from '../chars.js';
import { lexicon, readTable } from '../lexicon/index.js';
import { WordIndex } from '../lexicon/word-index.js';

/** Length (0, 1 or 2) of the surname that starts at `i`, compound surnames first. */
export function surnameLength(text: string, i: number): 0 | 1 | 2 {
  const { surnames } = lexicon();
  if (surnames.has(text.slice(i, i + 2)) && isHan(text[i + 2])) return 2;
  if (surnames.has(text[i])) return 1;
  return 0;
}

/** Share of a character's occurrences that are as a given-name character (0 … 1, smoothed). */
export function givenNameness(ch: string): number {
  if (ch.length !== 1) return givenNamenessOf(ch);
  givenByCode ??= givenNamenessByCode();
  return givenByCode[ch.charCodeAt(0)];
}

function givenNamenessOf(ch: string): number {
  const { names } = lexicon();
  const given = (names.given1[ch] ?? 0) + (names.given2[ch] ?? 0) + (names.single[ch] ?? 0);
  const total = names.total[ch] ?? 0;
  return (given + 0.5) / (total + 2);
}

// givenNameness of every UTF-16 unit, worked out once: the name tests ask it of most characters of a text.
let givenByCode: Float64Array | null = null;

function givenNamenessByCode(): Float64Array {
  const { names } = lexicon();
  const out = new Float64Array(65536).fill(givenNamenessOf('\u0000'));
  for (const table of [names.given1, names.given2, names.single, names.total]) {
    for (const ch of Object.keys(table)) if (ch.length === 1) out[ch.charCodeAt(0)] = givenNamenessOf(ch);
  }
  return out;
}

/** How common a surname is, 0 … 1 (log-scaled frequency; listed but unseen surnames get a little). */
export function surnameWeight(surname: string): number {
  const n = lexicon().surnames.get(surname);
  if (n === undefined) return 0;
  return Math.min(1, (Math.log(n + 1) + 1) / 8);
}

// A character seen fewer times than this in the corpus is rare there, whatever it was.
const RARE_CHARACTER = 5;

/** A listed surname whose character the corpus hardly has at all (郜, 亓): where it stands, it is a surname. */
export function rareSurname(surname: string): boolean {
  const { surnames, names } = lexicon();
  return surname.length === 1 && surnames.has(surname) && (names.total[surname] ?? 0) < RARE_CHARACTER;
}

/**
 * Plausibility of a string as a Han name, 0 … 1: a known surname, one or two given-name characters,
 * each weighed by how name-like it is. Not a decision by itself: recognizers combine it with context.
 */
export function nameScore(name: string): number {
  const sl = surnameLength(name, 0);
  if (sl === 0) return 0;
  const given = name.slice(sl);
  if (given.length < 1 || given.length > 2 || ![...given].every(isHan)) return 0;
  const g = [...given].map(givenNameness);
  const givenPart = g.length === 1 ? g[0] : Math.sqrt(g[0] * g[1]);
  return surnameWeight(name.slice(0, sl)) * Math.min(1, givenPart * 4);
}

/**
 * Splits a run of names printed without separators (王德颖戴鹏 in a byline) into names of two or three
 * characters (four with a compound surname), or null when no split makes every piece a name.
 */
export function splitNames(run: string): string[] | null {
  const memo = new Map<number, { score: number; names: string[] } | null>();
  const best = (i: number): { score: number; names: string[] } | null => {
    if (i === run.length) return { score: 0, names: [] };
    if (memo.has(i)) return memo.get(i)!;
    let result: { score: number; names: string[] } | null = null;
    const sl = surnameLength(run, i);
    if (sl > 0) {
      for (const len of [sl + 2, sl + 1]) {
        if (i + len > run.length) continue;
        const name = run.slice(i, i + len);
        const s = nameScore(name);
        if (s <= 0) continue;
        const rest = best(i + len);
        if (!rest) continue;
        const score = s + rest.score + (len === sl + 2 ? 0.05 : 0);
        if (!result || score > result.score) result = { score, names: [name, ...rest.names] };
      }
    }
    memo.set(i, result);
    return result;
  };
  return best(0)?.names ?? null;
}

let tibetanParts: WordIndex | null = null;

/**
 * Whether a string is a Tibetan name as Chinese writes it: two or three parts of
 * data/lang/minority-name-parts.txt (扎西次仁, 普布顿珠), which no surname begins.
 */
export function isTibetanName(s: string): boolean {
  return isTibetanNameAt(s, 0, s.length);
}

/** isTibetanName of text[start, end), read in place (merge.ts asks it of many spans around each name). */
export function isTibetanNameAt(text: string, start: number, end: number): boolean {
  tibetanParts ??= WordIndex.of(readTable('minority-name-parts.txt').map(([p]) => p));
  return end - start >= 4 && end - start <= 7 && partsOf(tibetanParts, text, start, end) >= 2;
}

/** The most parts text[i, end) splits into, -1 when it splits into none. */
function partsOf(parts: WordIndex, text: string, i: number, end: number): number {
  if (i === end) return 0;
  let best = -1;
  for (let len = 2; len <= 3; len++) {
    if (i + len > end || !parts.valueAt(text, i, len)) continue;
    const rest = partsOf(parts, text, i + len, end);
    if (rest >= 0) best = Math.max(best, rest + 1);
  }
  return best;
}
