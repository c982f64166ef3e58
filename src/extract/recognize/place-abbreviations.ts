/**
 * One-character place abbreviations (data/lang/place-abbreviations.tsv), read where a reader reads
 * them as places:
 *  - after a verb of coming, going or staying: 来沪, 在京期间, 驻华大使, 访美; after 对 before a word
 *    of policy or relation: 对华政策;
 *  - in a run of two or more before a word of relation (data/lang/place-pair-words.txt): 中美关系,
 *    京津冀协同发展, 中日韩三国, 港澳台同胞;
 *  - before 方, a party to talks: 中方, 美方.
 * Each character becomes a mention of the place it stands for, as written (美 → 美国, 京 → 北京市).
 * Everywhere else the characters are ordinary words (美丽, 日前, 中央), so nothing else is read.
 */
import type { Division } from '../lexicon/gazetteer.js';
import { lexicon, readTable } from '../lexicon/index.js';
import { WordIndex } from '../lexicon/word-index.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { placeMention, type PlaceMention } from './places.js';

const READINGS = ['visit', 'pair', 'side'] as const;
type Reading = (typeof READINGS)[number];
interface Abbreviation {
  full: string;
  readings: ReadonlySet<Reading>;
  /** The division of China it stands for; null for a country or continent. */
  division: Division | null;
}

interface Span {
  start: number;
  end: number;
}

interface AbbreviationData {
  byChar: Map<string, Abbreviation>;
  /** Whether a UTF-16 code is an abbreviation: the scan asks this of every character. */
  isAbbreviation: Uint8Array;
  pairWords: WordIndex;
}

let cached: AbbreviationData | null = null;

function data(): AbbreviationData {
  if (cached) return cached;
  const { gazetteer } = lexicon();
  const byChar = new Map<string, Abbreviation>();
  for (const [abbreviation, full, listed] of readTable('place-abbreviations.tsv')) {
    const readings = (listed ?? '').split(',');
    const unknown = readings.find((r) => !(READINGS as readonly string[]).includes(r));
    if (unknown !== undefined) {
      throw new Error(`data/lang/place-abbreviations.tsv: ${abbreviation}: a reading is one of ${READINGS.join(', ')}, not "${unknown}"`);
    }
    byChar.set(abbreviation, { full, readings: new Set(readings as Reading[]), division: gazetteer.byForm.get(full)?.[0] ?? null });
  }
  const pairWords = new WordIndex();
  for (const [w] of readTable('place-pair-words.txt')) pairWords.add(w, true);
  const isAbbreviation = new Uint8Array(65536);
  for (const c of byChar.keys()) isAbbreviation[c.charCodeAt(0)] = 1;
  return (cached = { byChar, isAbbreviation, pairWords });
}

// What follows an abbreviation after a verb: anything but a Han character, or a word of the visit.
const AFTER_VISIT = /^(?:[^\u4e00-\u9fff]|考察|调研|期间|参观|交流|访问|工作|学习|留学|定居|经商|投资|演出|比赛|大使|使馆|总领|领事|办事处|行程|之行|会见|会谈|会晤|出席|参加|举行|召开|开幕|闭幕|逝世|病逝|宣布|发布|后|时|的)/;
const VISIT_VERB = /[来在赴抵离返驻访进出旅留]/;
// What follows an abbreviation after 对 (对华政策, 对美出口).
const AFTER_TOWARDS = /^(?:政策|关系|方针|态度|外交|战略|贸易|出口|进口|投资|援助|制裁|合作|友好|工作)/;

/** Whether a character abbreviates a place after a verb of going or staying (驻华, 访美, 来沪). */
export function visitAbbreviation(ch: string | undefined): boolean {
  return ch !== undefined && data().byChar.get(ch)?.readings.has('visit') === true;
}

/** The city a one-character name after 驻 stands for, as a mission's name writes it (沪 → 上海, 昆 → 昆明); null if no city. */
export function postedCity(ch: string): string | null {
  const full = data().byChar.get(ch)?.full;
  return full && full.endsWith('市') ? full.slice(0, -1) : null;
}

/** Whether the characters at `at` and `at + 1` are two abbreviations read in pairs (粤港, 沪港, 中美). */
export function abbreviationPairAt(text: string, at: number): boolean {
  const { byChar } = data();
  return [text[at], text[at + 1]].every((c) => c !== undefined && byChar.get(c)?.readings.has('pair') === true);
}

/** The abbreviations in `text` read as places; `taken` spans (dates, persons, bodies) are never read. */
export function findPlaceAbbreviations(text: string, taken: readonly Span[] = []): PlaceMention[] {
  const { byChar, isAbbreviation } = data();
  // What the taken spans cover, marked at the first abbreviation (most texts have one or none).
  let covered: Uint8Array | null = null;
  const free = (i: number) => {
    if (isAbbreviation[text.charCodeAt(i)] !== 1) return false;
    if (!covered) {
      covered = new Uint8Array(text.length);
      for (const s of taken) covered.fill(1, s.start, s.end);
    }
    return covered[i] === 0;
  };
  const out: PlaceMention[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!free(i)) continue;
    const a = byChar.get(text[i])!;
    let end = i + 1;
    while (end < text.length && free(end)) end++;
    const run = pairRun(text, i, end);
    if (run) out.push(...run);
    else if (end === i + 1 && (visited(text, i, a) || side(text, i, a))) out.push(mention(text, i, a));
    i = end - 1;
  }
  return out;
}

/** 来沪, 驻华大使, 在京期间; 对华政策. */
function visited(text: string, at: number, a: Abbreviation): boolean {
  if (!a.readings.has('visit')) return false;
  const before = text[at - 1] ?? '';
  const after = text.slice(at + 1, at + 3);
  // 日 after a word of visiting is a day (走访日, 接访日), not Japan (访日).
  const day = text[at] === '日' && before === '访' && at >= 2 && markLexicon().words.valueAt(text, at - 2, 2) !== undefined;
  return (VISIT_VERB.test(before) && !day && AFTER_VISIT.test(after)) || (before === '对' && AFTER_TOWARDS.test(after));
}

/** 中方, 美方 — but not where the character ends a word (其中|方, 说法|方面, 今日|方才). */
function side(text: string, at: number, a: Abbreviation): boolean {
  if (!a.readings.has('side') || text[at + 1] !== '方') return false;
  const { words } = markLexicon();
  if (words.longestAt(text, at + 1) > 2) return false;
  return !words.endingAt(text, at + 1, 4);
}

/**
 * The places of a run of abbreviations from `start` to `end`, when it is a pair or group: every
 * character read in pairs, all of one realm (中苏 is the Soviet Union, not 江苏), a word of relation
 * after it, and the run neither a place word itself (中亚, 欧亚) nor glued into a word (集中|美, 加以).
 */
function pairRun(text: string, start: number, end: number): PlaceMention[] | null {
  const { byChar, pairWords } = data();
  if (end - start < 2 || pairWords.longestAt(text, end) === 0) return null;
  const members = [...text.slice(start, end)].map((c) => byChar.get(c)!);
  if (members.some((a) => !a.readings.has('pair')) || new Set(members.map((a) => a.division === null)).size > 1) return null;
  const { places, words } = markLexicon();
  const run = text.slice(start, end);
  if (places.get(run) !== undefined || words.get(run) || words.endingAt(text, start + 1, 4)) return null;
  return members.map((a, k) => mention(text, start + k, a));
}

function mention(text: string, at: number, a: Abbreviation): PlaceMention {
  return placeMention(at, at + 1, text[at], 'abbreviation', a.division, a.full);
}
