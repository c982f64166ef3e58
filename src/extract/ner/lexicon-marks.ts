/**
 * What the language data says about each character of a text, as small integers the tagger's
 * features combine: inside which place word it stands (gazetteer and world places), whether a
 * surname starts there, whether an organization ending or a post begins or ends there. The model
 * learns how much each mark is worth; the marks themselves are pure look-ups.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LANG_DIR } from '../../paths.js';
import { lexicon, readTable } from '../lexicon/index.js';
import { givenNameness } from '../recognize/name-model.js';
import { findTownships } from '../recognize/places.js';
import { WordIndex } from '../lexicon/word-index.js';
import { WordSets } from '../lexicon/word-sets.js';
import { Scratch } from './scratch.js';


/** Kinds of place word, by how reliably the word names a place. */
const PLACE_KIND = { division: 1, short: 2, world: 3, region: 4, risky: 5, township: 6 } as const;
const WORLD_KIND: Record<string, number> = {
  country: PLACE_KIND.world,
  city: PLACE_KIND.world,
  region: PLACE_KIND.region,
  water: PLACE_KIND.region,
  mountain: PLACE_KIND.region,
};

/** Written by `npm run train:ner` from the training days: words of two or more characters, no names, with their tags. */
export const COMMON_WORDS = 'common-words.txt';
// Tags of words that begin no proper name: verbs (v, vn, vd), adverbs, prepositions, conjunctions, pronouns,
// particles, numerals and measure words (大部分).
const NOT_IN_NAMES = /^(v|vn|vd|d|p|c|r|u|m|q)$/;
// The tag of verbs proper (走访, 签订): not verbal nouns (管理, 发展), which name bodies' tasks.
const VERBS = /^v$/;
// The tags of adverbs (首先, 进一步) and of adjectives used as adverbs (积极, 认真).
const ADVERBS = /^(d|ad)$/;
// Tags of attributes: distinguishing words and localities (高档, 大型, 内部), which describe a venue, never name it.
const ATTRIBUTES = /^(b|f)$/;
// Tags of nouns (a noun before a short body name makes it some other body's department).
const NOUNS = /^(n|an)$/;

/** Forgets the loaded lexicon (the trainer rewrites the common words before it trains). */
export function resetMarkLexicon(): void {
  cached = null;
}

export interface MarkLexicon {
  places: WordIndex<number>;
  orgEndings: WordIndex;
  /** The lexicon's posts and the words that may follow a name (its postPhrases and afterName). */
  posts: WordIndex;
  followers: WordIndex;
  /** Common words learned from the training corpus (data/lang/common-words.txt), when present. */
  words: WordIndex;
  /**
   * The common words mostly used as verbs, adverbs, prepositions, conjunctions, pronouns or particles
   * (表示, 突破, 已经, 关于): words that begin no proper name, unlike nouns and adjectives (智能, 现代).
   */
  notNames: WordIndex;
  /** Common words that describe what they stand before (高档, 大型: tags b; 内部: f). */
  attributes: WordIndex;
  /** Common words mostly used as verbs proper (走访, 签订: tag v). */
  verbs: WordIndex;
  /** Common words mostly used as adverbs (首先, 进一步: tag d). */
  adverbs: WordIndex;
  /** The common words mostly used as nouns (安全, 质量, 生态): not times (上午), verbs or attributes (新任). */
  nouns: WordIndex;
  /** Surname → frequency class: 1 listed only, 2 seen, 3 common (4 for compound surnames). */
  surnames: WordIndex<number>;
  /** The class of each one-character surname, by UTF-16 code (0 for none). */
  surnameClass: Uint8Array;
  /** How name-like a character is as a given name, by UTF-16 code: 0 (unknown) … 4, from data/lang/name-stats.json. */
  givenClass: Uint8Array;
  /** The six lists above in one trie, numbered as LIST says: computeMarks walks it once a character. */
  all: WordSets;
}

/** The lists' numbers in MarkLexicon.all. */
const LIST = { places: 0, orgEndings: 1, words: 2, posts: 3, followers: 4, surnames: 5 } as const;
const LISTS = 6;

let cached: MarkLexicon | null = null;

export function markLexicon(): MarkLexicon {
  if (cached) return cached;
  const lex = lexicon();
  const places = new WordIndex<number>();
  for (const [form, divisions] of lex.gazetteer.byForm) {
    places.add(form, divisions.some((d) => d.name === form) ? PLACE_KIND.division : PLACE_KIND.short);
  }
  if (existsSync(join(LANG_DIR, 'world-places.txt'))) {
    for (const [name, kind] of readTable('world-places.txt')) places.add(name, WORLD_KIND[kind] ?? PLACE_KIND.risky);
  }
  const orgEndings = new WordIndex();
  for (const { suffix } of lex.orgSuffixes) orgEndings.add(suffix, true);
  for (const body of lex.orgBodies.keys()) orgEndings.add(body, true);
  const surnames = new WordIndex<number>();
  const surnameClass = new Uint8Array(65536);
  for (const [s, n] of lex.surnames) {
    surnames.add(s, s.length > 1 ? 4 : n >= 20 ? 3 : n > 0 ? 2 : 1);
    if (s.length === 1) surnameClass[s.charCodeAt(0)] = surnames.get(s)!;
  }
  const words = new WordIndex();
  const notNames = new WordIndex();
  const nouns = new WordIndex();
  const attributes = new WordIndex();
  const verbs = new WordIndex();
  const adverbs = new WordIndex();
  if (existsSync(join(LANG_DIR, COMMON_WORDS))) {
    for (const [w, tag] of readTable(COMMON_WORDS)) {
      words.add(w, true);
      if (NOT_IN_NAMES.test(tag ?? '')) notNames.add(w, true);
      if (NOUNS.test(tag ?? '')) nouns.add(w, true);
      if (ATTRIBUTES.test(tag ?? '')) attributes.add(w, true);
      if (VERBS.test(tag ?? '')) verbs.add(w, true);
      if (ADVERBS.test(tag ?? '')) adverbs.add(w, true);
    }
  }
  const givenClass = new Uint8Array(65536);
  for (const ch of Object.keys(lex.names.total)) {
    const g = givenNameness(ch);
    givenClass[ch.charCodeAt(0)] = g > 0.5 ? 4 : g > 0.2 ? 3 : g > 0.05 ? 2 : 1;
  }
  const posts = lex.postPhrases;
  const followers = lex.afterName;
  const all = new WordSets([places, orgEndings, words, posts, followers, surnames]);
  cached = { places, orgEndings, posts, followers, words, notNames, nouns, attributes, verbs, adverbs, surnames, surnameClass, givenClass, all };
  return cached;
}

/** Per-character marks of a text. */
export interface Marks {
  /** Place word: kind * 4 + position (0 begin, 1 inside, 2 end, 3 single); 0 when none. */
  place: Uint8Array;
  /** Organization ending: 1 begins one, 2 inside, 3 ends one. */
  org: Uint8Array;
  /** 1 a post begins here, 2 a post ends here, 3 both. */
  post: Uint8Array;
  /** 1 a role or follower word begins here. */
  follower: Uint8Array;
  /** Common word: length class (2, 3, 4+) * 4 + position, as for places. */
  word: Uint8Array;
  /** Given-name class of the character (see MarkLexicon.givenClass). */
  given: Uint8Array;
  /** Surname class of the character (compound surnames: 4 on their first character). */
  surname: Uint8Array;
}

/**
 * Marks the longest word of list `list` starting at each position, left to right without overlap;
 * longest[i * LISTS + list] is that word's length at i (WordSets.longestEach). A word's characters get
 * kind * 4 + their part: begin 0, inside 1, end 2, alone 3 (`ORG_PARTS`: begin 1, inside 2, end 3).
 */
function markWords(longest: Uint8Array, list: number, out: Uint8Array, kindOf: (len: number, at: number) => number, orgParts = false): void {
  for (let i = 0; i < out.length; ) {
    const len = longest[i * LISTS + list];
    if (len === 0) {
      i++;
      continue;
    }
    const c = kindOf(len, i) * 4;
    if (orgParts) for (let k = 0; k < len; k++) out[i + k] = c + (k === len - 1 ? 3 : k === 0 ? 1 : 2);
    else for (let k = 0; k < len; k++) out[i + k] = c + position(k, len);
    i += len;
  }
}

/** Townships (findTownships) where no other place word stands but a one-character abbreviation. */
function markTownships(text: string, place: Uint8Array): void {
  for (const t of findTownships(text)) {
    // A longer place word already there wins; a one-character abbreviation (西 for Spain) does not.
    if (place.subarray(t.start, t.end).some((m) => m !== 0 && m >> 2 !== PLACE_KIND.risky)) continue;
    const len = t.end - t.start;
    for (let k = 0; k < len; k++) place[t.start + k] = PLACE_KIND.township * 4 + position(k, len);
  }
}

const position = (k: number, len: number) => (len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1);

// Each list's longest word at each position of the text being marked, and the marks of a text
// marked to be featurized at once (computeMarks with `reuse`): reused from text to text.
const LONGEST = new Scratch((n) => new Uint8Array(n));
const REUSED = Array.from({ length: 7 }, () => new Scratch((n) => new Uint8Array(n)));
const NEW_MARKS = [0, 1, 2, 3, 4, 5, 6];

/**
 * The marks of a text. With `reuse`, they live in buffers that the next such call overwrites (tagging
 * featurizes a line's marks at once: a text's seven arrays are not allocated anew each line).
 */
export function computeMarks(text: string, lex: MarkLexicon = markLexicon(), reuse = false): Marks {
  const n = text.length;
  const longest = LONGEST.take(n * LISTS);
  lex.all.longestEach(text, longest);
  const [place, org, word, given, post, follower, surname] = reuse ? REUSED.map((buffer) => buffer.take(n).fill(0)) : NEW_MARKS.map(() => new Uint8Array(n));
  markWords(longest, LIST.places, place, (len, at) => lex.places.valueAt(text, at, len) ?? 0);
  markWords(longest, LIST.orgEndings, org, () => 0, true);
  markTownships(text, place);
  markWords(longest, LIST.words, word, (len) => Math.min(len, 4) - 1);
  for (let i = 0, at = 0; i < n; i++, at += LISTS) {
    const p = longest[at + LIST.posts];
    if (p) {
      post[i] |= 1;
      post[i + p - 1] |= 2;
    }
    if (longest[at + LIST.followers]) follower[i] = 1;
    const code = text.charCodeAt(i);
    given[i] = lex.givenClass[code];
    const s = longest[at + LIST.surnames];
    if (s) surname[i] = s > 1 ? 4 : lex.surnameClass[code];
  }
  return { place, org, post, follower, word, given, surname };
}
