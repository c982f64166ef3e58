/**
 * One recognizer from two: the learned tagger's spans (src/extract/ner) and the rule recognizers'
 * mentions. The tagger knows what names look like in general news; the rules know officials'
 * posts, title chains and the paper's home. Where they meet:
 *  - a rule's person must also be a plausible name: the tagger calls it a person, or it passes the
 *    name-likelihood test (a surname, name-like given characters, not a common word) and the
 *    tagger does not put it inside a place or an organization (so 表示 or 国家 is never a person);
 *  - a tagger's span that covers a rule's mention wins (it saw the whole name, 北京市人民政府 over
 *    人民政府); otherwise the rule's mention stays, with its resolved name;
 *  - whatever the tagger finds that no rule found is added.
 */
import { codeSet, isHan } from '../chars.js';
import { lexicon, readTable } from '../lexicon/index.js';
import { WordIndex } from '../lexicon/word-index.js';
import { entitySpan, type EntitySpan, type EntityType } from '../ner/labels.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { SpanCover } from '../span-cover.js';
import { isTibetanName, isTibetanNameAt, nameScore, rareSurname, splitNames, surnameLength } from './name-model.js';
import { orgEndingBefore, placeAndCompany, verbAfterBody, type OrgMention } from './organizations.js';
import { personMention, type PersonMention } from './persons.js';
import { abbreviationPairAt, visitAbbreviation } from './place-abbreviations.js';
import type { Division } from '../lexicon/gazetteer.js';
import { homeForms, placeMention, type Home, type PlaceMention } from './places.js';

interface Span {
  start: number;
  end: number;
}

/** Whether two spans share a character. */
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const covers = (a: Span, b: Span) => a.start <= b.start && b.end <= a.end;
// The least name score for a rule's person the tagger did not see.
const MIN_NAME_SCORE = 0.02;
const MIN_TITLED_NAME_SCORE = 0.008;

export function ofType(spans: EntitySpan[], type: EntityType): EntitySpan[] {
  return spans.filter((s) => s.type === type);
}

/**
 * The tagger's persons that are the home's name (宿松 in 宿松's own news), also after a verb of coming
 * the tagger took for a surname (来|宿松调研): each with the place's span.
 */
export function homeNamedAsPersons(text: string, tagged: EntitySpan[], home: Home | null): Map<EntitySpan, EntitySpan> {
  const forms = homeForms(home);
  const out = new Map<EntitySpan, EntitySpan>();
  for (const s of tagged) {
    if (s.type !== 'PER') continue;
    if (forms.has(text.slice(s.start, s.end))) out.set(s, entitySpan(s.start, s.end, 'LOC'));
    else if (COMING.test(text[s.start]) && forms.has(text.slice(s.start + 1, s.end))) out.set(s, entitySpan(s.start + 1, s.end, 'LOC'));
  }
  return out;
}

const COMING = /[来到赴在回抵访]/;

const SETTLEMENT_NAME = /[村镇乡]$/;

/**
 * The tagger's persons that end in a village's or township's ending and stand in a list (介绍孟垓村、
 * 前张庄村…): the name is the settlement's, unless the item next to it is a person of another kind of
 * name (王光德、邓福村、刘彩木: a list of persons).
 */
export function settlementsReadAsPersons(text: string, tagged: EntitySpan[]): Set<EntitySpan> {
  const persons = ofType(tagged, 'PER');
  const settlementLike = (s: Span) => SETTLEMENT_NAME.test(text.slice(s.start, s.end));
  const personNextTo = (s: Span) =>
    persons.some((p) => !settlementLike(p) && ((p.end === s.start - 1 && text[p.end] === '、') || (p.start === s.end + 1 && text[s.end] === '、')));
  return new Set(persons.filter((s) => s.end - s.start >= 3 && settlementLike(s) && (text[s.end] === '、' || text[s.start - 1] === '、') && !personNextTo(s)));
}

/**
 * The tagger's persons run on by 街道 (到董家塅街道调研): the subdistrict's name, a place with its ending.
 * (A post or 同志 after the name would make it a person; 街道 is neither.)
 */
export function subdistrictsReadAsPersons(text: string, tagged: EntitySpan[]): Map<EntitySpan, EntitySpan> {
  const out = new Map<EntitySpan, EntitySpan>();
  for (const s of ofType(tagged, 'PER')) if (text.startsWith('街道', s.end) && !text.startsWith('街道办主任', s.end)) out.set(s, entitySpan(s.start, s.end + 2, 'LOC'));
  return out;
}

/**
 * The county a two-character word names without its 县, 市 or 区 (抚松 for 抚松县), where the text vouches
 * for it: the one county of that name, named in full in the text too (抚松县委), or right before `at`
 * its province or city (吉林抚松), or in the home's city; null otherwise. (Without `at`, its province or
 * city anywhere.)
 */
export function countyNamedShort(text: string, stem: string, at?: number, home: Home | null = null): Division | null {
  if (stem.length !== 2) return null;
  const { byForm } = lexicon().gazetteer;
  if (byForm.has(stem)) return null;
  const counties = ['县', '市', '区'].flatMap((end) => byForm.get(stem + end)?.filter((d) => d.level === 'county') ?? []);
  if (counties.length !== 1) return null;
  const county = counties[0];
  // (…or the county lies in the paper's own city or prefecture: 在泸定、康定 in 甘孜州's news.)
  const homeCity = home?.division ? (home.division.level === 'city' ? home.division.name : home.division.city) : null;
  if (text.includes(county.name) || (homeCity && county.city === homeCity)) return county;
  const enclosing = [county.province, county.city].flatMap((name) => (name ? [name, ...byForm.get(name)!.flatMap((d) => (d.name === name && d.short ? [d.short] : []))] : []));
  const before = at === undefined ? text : text.slice(Math.max(0, at - 4), at);
  return enclosing.some((name) => (at === undefined ? before.includes(name) : before.endsWith(name))) ? county : null;
}

/**
 * The tagger's persons that are a county named short (赴吉林抚松, 抚松生态优美: countyNamedShort), or two run
 * together (安吉抚松合作), each with the places' spans.
 */
export function countiesNamedShortAsPersons(text: string, tagged: EntitySpan[], home: Home | null = null): Map<EntitySpan, EntitySpan[]> {
  const out = new Map<EntitySpan, EntitySpan[]>();
  for (const s of ofType(tagged, 'PER')) {
    if (countyNamedShort(text, text.slice(s.start, s.end), s.start, home)) out.set(s, [entitySpan(s.start, s.end, 'LOC')]);
    else if (s.end - s.start === 4 && countyNamedShort(text, text.slice(s.start, s.start + 2), undefined, home) && countyNamedShort(text, text.slice(s.start + 2, s.end), undefined, home)) {
      out.set(s, [entitySpan(s.start, s.start + 2, 'LOC'), entitySpan(s.start + 2, s.end, 'LOC')]);
    }
  }
  return out;
}

/**
 * A preposition before a place (领导|在西安会见), or a verb of coming before a province's one-character name
 * (大使|来川访问): no name, whatever the tagger read.
 */
function goingToPlace(name: string): boolean {
  if (/^[在到赴于从向]/.test(name) && markLexicon().places.get(name.slice(1)) !== undefined) return true;
  return name.length === 2 && /^[来赴抵访]/.test(name) && visitAbbreviation(name[1]);
}

/**
 * Whether a rule's person is a name to the tagger or to the name-likelihood test; for the test alone,
 * not a word, nor cut out of words around it (关|于授权, 清小|说).
 */
export function plausiblePerson(text: string, m: PersonMention, tagged: EntitySpan[]): boolean {
  if (goingToPlace(m.name)) return false;
  if (tagged.some((s) => s.type === 'PER' && overlaps(s, m))) return true;
  if (tagged.some((s) => s.type !== 'PER' && covers(s, m))) return false;
  if (m.name.includes('·')) return true;
  const { words, posts } = markLexicon();
  // A post right before the name parts it from what precedes (会长|孙前进, though 长孙 is a word).
  const cutFromWords = (m.start > 0 && m.anchor !== 'title' && words.longestAt(text, m.start - 1) > 1) || words.valueAt(text, m.end - 1, 2);
  if (words.get(m.name) || cutFromWords) return false;
  const score = nameScore(m.name);
  if (score >= MIN_NAME_SCORE) return true;
  // Right after a post, a name whose given name is a word (会长孙前进, 卢希望) is still likely, unless
  // it opens with a word or holds a post (同志|有, 任|组长).
  if (m.anchor !== 'title' || words.longestAt(text, m.start) >= 2 || posts.longestAt(text, m.start) || posts.longestAt(text, m.start + 1)) return false;
  // …and between a post and a separator (党组书记、副院长税成疆，), a name of a rare surname too, unless its
  // given name is a word (主席|国期间，, 代表|时指出，); between a post and a role verb (副县长X带领), a
  // name whose surname is a character the corpus hardly knows otherwise (郜, 亓), whatever its given name's.
  const given = m.start + surnameLength(m.name, 0);
  if (score >= MIN_TITLED_NAME_SCORE) return true;
  if (words.valueAt(text, given, m.end - given)) return false;
  return (score >= MIN_TITLED_NAME_SCORE / 4 && /^[、，,；]/.test(text[m.end] ?? '')) || (rareSurname(m.name.slice(0, given - m.start)) && lexicon().afterName.longestAt(text, m.end) > 0);
}

/**
 * A listed name that is also a word (江山, 夏天 in 常胜利、江山、夏天、向东等同志): it stands between
 * two names of the list, parted from each by 、 alone, and is a name to the name model.
 */
function insideList(text: string, m: PersonMention, rules: PersonMention[]): boolean {
  if (m.anchor !== 'list' || text[m.start - 1] !== '、' || nameScore(m.name) < MIN_NAME_SCORE) return false;
  const before = rules.some((r) => r !== m && r.end === m.start - 1);
  const after = rules.some((r) => r !== m && r.start === m.end + 1 && text[m.end] === '、');
  return before && after;
}

/**
 * Persons: the rules' plausible mentions, then the tagger's persons that no rule mention overlaps
 * and that lie outside the `blocked` spans (organizations, venues, dates: 曹魏 in 曹魏古城).
 * A lone surname (江 in 江主席) joins the one person of the article with that surname, or is dropped.
 */
export function mergePersons(text: string, rules: PersonMention[], taggedSpans: EntitySpan[], blocked: Span[] = []): PersonMention[] {
  const tagged = taggedSpans.map((s) => (s.type === 'PER' ? withoutPreposition(text, s) : s));
  const plausible = rules.filter((m) => plausiblePerson(text, m, tagged) || insideList(text, m, rules)).map((m, _, all) => taggerBoundaries(text, dottedBoundaries(text, m, tagged), tagged, all));
  // A surname alone, the rules' or the tagger's, is read once the full names are known.
  const kept = plausible.filter((m) => m.end - m.start > 1);
  const lone: Span[] = plausible.filter((m) => m.end - m.start === 1);
  const added: PersonMention[] = [];
  for (const s of ofType(tagged, 'PER')) {
    if (plausible.some((m) => overlaps(m, s)) || blocked.some((b) => overlaps(b, s)) || unitsStaff(text, s)) continue;
    const name = text.slice(s.start, s.end).replace(/[•・‧]/g, '·');
    if (goingToPlace(name)) continue;
    if (![...name].some(isHan) && !/[A-Za-z]/.test(name)) continue;
    if (s.end - s.start === 1) lone.push(s);
    else for (const part of namesOfRun(name, s.start)) added.push(personMention(part.start, part.end, part.name, 'model'));
  }
  const found = wholeTibetanNames(text, [...kept, ...added], blocked);
  // A surname addressed (老张, 江主席) is the article's one person of that surname named in full, when
  // there is one; else a person named by the form of address, whom the graph does not tell apart.
  const fullNames = found.filter((m) => !familiar(m.name));
  const all: PersonMention[] = [
    ...found.map((m): PersonMention => {
      if (!familiar(m.name)) return m;
      const full = namesWithSurname(fullNames, m.name[1]);
      return full.length === 1 ? personMention(m.start, m.end, full[0], 'model') : personMention(m.start, m.end, m.name, 'surname');
    }),
    ...lone.flatMap((s): PersonMention[] => {
      const full = namesWithSurname(fullNames, text[s.start]);
      if (full.length === 1) return [personMention(s.start, s.end, full[0], 'model')];
      const form = full.length === 0 ? formOfAddress(text, s.start) : null;
      return form ? [personMention(s.start, s.end, form, 'surname')] : [];
    }),
  ];
  const whole = shortForeignNames(namesCutAtTitled(text, all.map((m) => withNameEndingHe(text, m))));
  const named = whole.filter((m) => m.anchor !== 'surname');
  return [...whole, ...repeats(text, named, [...blocked, ...tagged.filter((s) => s.type !== 'PER')])].sort((a, b) => a.start - b.start);
}

/**
 * A name read one character too long or too short where the article names, by a post, a person whose
 * name it differs from by that character (院长周胜…周胜|简要介绍; 副秘书长李桂发…李桂|发表示): that
 * person. Too long only where the name runs on into the sentence (周胜简要, not 周胜简、), too short
 * only where the text there holds the whole name. (A name in a list stands as listed.)
 */
function namesCutAtTitled(text: string, mentions: PersonMention[]): PersonMention[] {
  const titled = [...new Set(mentions.filter((m) => m.anchor === 'title' && m.name.length >= 2).map((m) => m.name))];
  if (titled.length === 0) return mentions;
  return mentions.map((m) => {
    if (m.anchor === 'title' || m.anchor === 'surname' || m.anchor === 'list' || titled.includes(m.name)) return m;
    const shorter = isHan(text[m.end] ?? '') ? titled.find((k) => k.length === m.name.length - 1 && m.name.startsWith(k)) : undefined;
    const longer = titled.find((k) => k.length === m.name.length + 1 && k.startsWith(m.name) && text.startsWith(k, m.start));
    const name = shorter ?? longer;
    return name ? personMention(m.start, m.start + name.length, name, m.anchor) : m;
  });
}

/**
 * Whether text[from, to) holds no verb, post or particle a name would not (霍山特色, not 县长陈华一同调研 or
 * 就像一座): how far a venue's long name may run back (findVenues).
 */
export function nounsOnly(text: string, from: number, to: number): boolean {
  if (/[的是了着就像个座]/.test(text.slice(from, to))) return false;
  const { words, verbs } = markLexicon();
  const { postPhrases } = lexicon();
  for (let k = from; k < to; k++) {
    const length = words.longestAt(text, k);
    if ((length >= 2 && verbs.valueAt(text, k, length)) || postPhrases.longestAt(text, k) > 0) return false;
  }
  return true;
}

/**
 * A unit's staff the tagger read as a person (亚非处同志参加, 办公室负责人): a name that ends as units end,
 * followed by the words for its people.
 */
function unitsStaff(text: string, s: Span): boolean {
  return /[处科室局厅部办委队所站]/.test(text[s.end - 1]) && /^(同志|负责人|工作人员|干部|全体)/.test(text.slice(s.end, s.end + 4));
}

/**
 * A foreign name written in full once (施特凡·魏尔) and later by one of its parts (魏尔表示): the part is a
 * mention of that person, when one full name of the article has it.
 */
function shortForeignNames(mentions: PersonMention[]): PersonMention[] {
  const full = [...new Set(mentions.filter((m) => m.name.includes('·')).map((m) => m.name))];
  if (full.length === 0) return mentions;
  return mentions.map((m) => {
    if (m.name.includes('·') || m.name.length < 2) return m;
    const named = full.filter((f) => {
      const parts = f.split('·');
      return parts[0] === m.name || parts.at(-1) === m.name;
    });
    return named.length === 1 ? personMention(m.start, m.end, named[0], m.anchor) : m;
  });
}

/**
 * A two-character name cut before a 和 that cannot be the conjunction, since a conjunction or a stop
 * follows it (寿清|和与院办…, 李清|和，): the 和 ends the name (寿清和).
 */
function withNameEndingHe(text: string, m: PersonMention): PersonMention {
  if (m.end - m.start !== 2 || m.anchor === 'surname' || text[m.end] !== '和' || !/[与及同、，。；,;]/.test(text[m.end + 1] ?? '')) return m;
  return personMention(m.start, m.end + 1, m.name + '和', m.anchor);
}

function namesWithSurname(mentions: readonly PersonMention[], surname: string): string[] {
  return [...new Set(mentions.filter((m) => m.name.length > 1 && surnameLength(m.name, 0) === 1 && m.name[0] === surname).map((m) => m.name))];
}

/** 老张, 小李: a surname with 老 or 小, a familiar form of address rather than a name. */
const familiar = (name: string) => name.length === 2 && /^[老小]/.test(name) && surnameLength(name, 1) === 1;

// The words that address a person after a surname: posts and data/lang/honorifics.txt (built once).
let wordsOfAddress: WordIndex | null = null;

/**
 * How a lone surname read as a person is addressed: 老张 or 小李 before it, a post or a
 * word of address after it (江主席, 王书记, 李老师); null when neither (姓王, 王姓 name nobody).
 */
function formOfAddress(text: string, at: number): string | null {
  wordsOfAddress ??= WordIndex.of([...readTable('honorifics.txt').map(([w]) => w), ...lexicon().posts]);
  const surname = text[at];
  if (surnameLength(text, at) !== 1) return null;
  // 老张, but not where 老 or 小 ends a word (敬老|张, 从小|李).
  if (/[老小]/.test(text[at - 1] ?? '') && !markLexicon().words.get(text.slice(at - 2, at))) return text[at - 1] + surname;
  const after = wordsOfAddress.longestAt(text, at + 1);
  return after ? surname + text.slice(at + 1, at + 1 + after) : null;
}

/**
 * A Tibetan name cut short (普布顿|珠, 旺堆平|措: the Han name model expects a surname and at most
 * two given characters) takes its whole extent, where that is free of other mentions.
 */
function wholeTibetanNames(text: string, mentions: PersonMention[], blocked: Span[]): PersonMention[] {
  return mentions.map((m) => {
    for (let length = 7; length >= Math.max(4, m.end - m.start + 1); length--) {
      for (let start = Math.max(0, m.end - length); start <= m.start && start + length <= text.length; start++) {
        if (!isTibetanNameAt(text, start, start + length)) continue;
        const span = { start, end: start + length };
        if ([...mentions, ...blocked].some((o) => o !== m && overlaps(o, span))) continue;
        return personMention(span.start, span.end, text.slice(span.start, span.end), m.anchor);
      }
    }
    return m;
  });
}

/**
 * Every other mention of a name the article gives (the tagger may read only the first: 史墨客…。史墨客对…):
 * a name of three or more characters wherever it stands outside other entities; a two-character one
 * only where it is not glued to Han text on both sides, unless a role word follows it (一是葛冰传达).
 */
function repeats(text: string, mentions: PersonMention[], blocked: Span[]): PersonMention[] {
  const { cuesAfter } = lexicon();
  const out: PersonMention[] = [];
  // What the mentions, the blocked spans and the repeats found so far cover.
  const taken = new SpanCover(text.length, [...mentions, ...blocked]);
  for (const name of new Set(mentions.map((m) => m.name))) {
    if (name.length < 2) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const span = { start: at, end: at + name.length };
      if (taken.overlaps(span)) continue;
      const glued = isHan(text[at - 1] ?? '') && isHan(text[span.end] ?? '');
      if (name.length === 2 && glued && cuesAfter.longestAt(text, span.end) === 0) continue;
      out.push(personMention(span.start, span.end, name, 'repeat'));
      taken.add(span);
    }
  }
  return out;
}

/** Whether a post ends at `to` after starting at or after `from` (镇长|孙建业: no part of the name). */
function postBetween(text: string, from: number, to: number): boolean {
  const { posts } = markLexicon();
  for (let k = from; k < to; k++) if (posts.longestAt(text, k) === to - k) return true;
  return false;
}

// Prepositions and conjunctions the tagger may take in front of a name (向|刘立新).
const FUNCTION_CHAR = /[向和与及同对在把被给让跟为从由以将]/;

/**
 * A four-character name that opens with a preposition which is also a surname, before a three-character
 * name of a common surname (向|王建军): the tagger read the preposition as a double surname.
 */
function withoutPreposition(text: string, s: EntitySpan): EntitySpan {
  // (Before a two-character name, only words that are no surnames: 执行主席是|林健, 由|王明.)
  if (s.end - s.start === 3 && /[是为由在对把被给让跟将以与及]/.test(text[s.start])) {
    const rest = text.slice(s.start + 1, s.end);
    return surnameLength(rest, 0) === 1 && nameScore(rest) >= MIN_NAME_SCORE ? entitySpan(s.start + 1, s.end, s.type) : s;
  }
  if (s.end - s.start !== 4 || !FUNCTION_CHAR.test(text[s.start])) return s;
  const rest = text.slice(s.start + 1, s.end);
  return surnameLength(rest, 0) === 1 && nameScore(rest) >= MIN_NAME_SCORE ? entitySpan(s.start + 1, s.end, s.type) : s;
}

/**
 * A rule's name that takes in a character the tagger left out (向|李鹏, 和|江) takes the tagger's
 * boundaries: the rules scan back from a post or role word and may overshoot by a word.
 */
function taggerBoundaries(text: string, m: PersonMention, tagged: EntitySpan[], rules: PersonMention[]): PersonMention {
  // …but not to the surname alone where the tagger cut the given name off (局长李|华明), unless what
  // follows it is a form of address (王|先生).
  const cutOff = (s: EntitySpan) => s.end - s.start === 1 && s.start === m.start && formOfAddress(text, s.start) === null;
  const inner = tagged.find((s) => s.type === 'PER' && covers(m, s) && s.end - s.start < m.end - m.start && !cutOff(s));
  if (inner) return personMention(inner.start, inner.end, text.slice(inner.start, inner.end), m.anchor);
  // …and one that stops short of a longer name the tagger saw whole (梅尔金 in 切尔诺梅尔金), when no
  // other rule name shares that span (江泽民李鹏 stays two).
  const outer = tagged.find(
    (s) =>
      s.type === 'PER' &&
      covers(s, m) &&
      s.end - s.start > m.end - m.start &&
      !FUNCTION_CHAR.test(text[s.start]) &&
      !rules.some((r) => r !== m && overlaps(r, s)) &&
      !postBetween(text, s.start, m.start),
  );
  return outer ? personMention(outer.start, outer.end, text.slice(outer.start, outer.end).replace(/[•・‧]/g, '·'), m.anchor) : m;
}

// The least name score of each name a run is split into.
const MIN_RUN_NAME_SCORE = 0.1;

/**
 * The names in a tagged person of four or more characters printed without separators (孙南陈莹莹:
 * the training corpus joins adjacent names into one), where every piece is a likely name; else the
 * person as it is.
 */
export function namesOfRun(name: string, start: number): { start: number; end: number; name: string }[] {
  const whole = [{ start, end: start + name.length, name }];
  if (name.length < 4 || name.includes('·') || isTibetanName(name)) return whole;
  const names = splitNames(name);
  if (!names || names.length < 2 || names.some((n) => nameScore(n) < MIN_RUN_NAME_SCORE)) return whole;
  let at = start;
  return names.map((n) => ({ start: at, end: (at += n.length), name: n }));
}

/**
 * A dotted name whose start the rule guessed by scanning back (团长马克·贝尔纳 after 代表团) takes the
 * tagger's boundaries when the tagger saw a shorter name inside it.
 */
function dottedBoundaries(text: string, m: PersonMention, tagged: EntitySpan[]): PersonMention {
  if (!m.name.includes('·')) return m;
  const inner = tagged.find((s) => s.type === 'PER' && covers(m, s) && s.end - s.start < m.end - m.start && text.slice(s.start, s.end).includes('·'));
  return inner ? personMention(inner.start, inner.end, m.name.slice(inner.start - m.start, inner.end - m.start), m.anchor) : m;
}

/** Whether a common word runs across `at` (科|学技术研究院: the tagger's span starts inside 科学). */
function cutsWord(text: string, at: number): boolean {
  const { words } = markLexicon();
  for (let k = 1; k <= 3 && k <= at; k++) if (words.longestAt(text, at - k) > k) return true;
  return false;
}

/** Whether the rule's mention opens with a township the data knows that the tagger's span cuts (临|江镇人大). */
function townshipCut(text: string, r: Span, s: Span): boolean {
  const { townships } = lexicon();
  for (let length = 3; length <= 5; length++) if (r.start + length > s.start && townships.has(text.slice(r.start, r.start + length))) return true;
  return false;
}

/** A place or level prefix a rule attaches to a body: 市, 省委, 中共, 许昌市, 市人民代表. */
function attachedPrefix(prefix: string): boolean {
  // A level word opening it (市|人民代表大会常务委员会 where the tagger saw only 大会常务委员会) is the body's.
  return /^(中共)?[市省县区州镇乡]/.test(prefix) || /^中共$/.test(prefix) || markLexicon().places.longestAt(prefix, prefix.startsWith('中共') ? 2 : 0) > 1;
}

/** Whether `r` is `s` plus one level character that the next character makes a word of (北京 + 市民). */
function levelCharAdded(text: string, r: Span, s: Span): boolean {
  return r.start === s.start && r.end === s.end + 1 && /[市省县区]/.test(text[s.end]) && markLexicon().words.longestAt(text, s.end) > 1;
}

/** A mention as the merge sees it: where, what was written, and the canonical name. */
export interface NamedMention extends Span {
  text: string;
  name: string;
}

/**
 * Organizations or places: the rules' mentions, with a tagger's span replacing those it covers, and
 * the tagger's other spans added. `canonical` names a tagger's span (北京 → 北京市); `whole` tells
 * the rule mentions that are complete names from a list, which no tagger span replaces.
 */
export function mergeNamed<M extends NamedMention>(
  text: string,
  rules: M[],
  tagged: EntitySpan[],
  canonical: (surface: string) => string,
  make: (span: NamedMention) => M,
  whole: (m: M) => boolean = () => false,
): M[] {
  const out: M[] = [];
  const taken: EntitySpan[] = [];
  for (const s of tagged) {
    const inside = rules.filter((r) => overlaps(r, s));
    // A rule's mention wins when it is a whole name covering the span (住房和城乡建设部), when the tagger
    // only took a preposition before it (由|镇党委), when it is the same span (keeping its resolved
    // name), or when they overlap partly. A rule's mention that runs further left wins only by a place
    // or level it attached (市|人民检察院), not by a verb it swallowed (组建|本钢板材股份有限公司); a
    // division that only adds its level character to the tagger's place loses (北京|市民).
    // (…and a body the lists know by that very name: 两新党工委 over the tagger's 新党工委.)
    const ruleWins = (r: M) =>
      (whole(r) && covers(r, s)) ||
      (covers(r, s) && lexicon().orgBodies.has(text.slice(r.start, r.end))) ||
      (r.start === s.start + 1 && r.end === s.end && FUNCTION_CHAR.test(text[s.start])) ||
      (r.start === s.start && r.end === s.end) ||
      !(covers(s, r) || (covers(r, s) && r.end === s.end && !attachedPrefix(text.slice(r.start, s.start)) && !cutsWord(text, s.start) && !townshipCut(text, r, s)) || levelCharAdded(text, r, s));
    if (tiledByWholes(s, inside, whole) || inside.some(ruleWins)) continue;
    const surface = text.slice(s.start, s.end);
    out.push(make({ start: s.start, end: s.end, text: surface, name: canonical(surface) }));
    taken.push(s);
  }
  for (const r of rules) if (!taken.some((s) => overlaps(s, r))) out.push(r);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether whole rule mentions, one right after the other, make up the tagged span exactly: bodies
 * printed with no separator (最高人民法院最高人民检察院公安部), each their own though the tagger read one.
 */
function tiledByWholes<M extends Span>(s: Span, inside: M[], whole: (m: M) => boolean): boolean {
  if (inside.length < 2 || !inside.every(whole)) return false;
  return inside.every((r, k) => r.start === (k === 0 ? s.start : inside[k - 1].end)) && inside.at(-1)!.end === s.end;
}

let notPlaces: string[] | null = null;
/** Phrases whose place word is an attribute (data/lang/not-places.txt). */
const notPlacePhrases = () => (notPlaces ??= readTable('not-places.txt').map(([p]) => p));

// Endings of villages and communities a place name runs into (汉嘉 + 社区, 土山 + 村), not the
// words that begin with them (村民, 村委, 社区服务).
const SETTLEMENT_ENDING = /^(社区|新村|村|嘎查)(?![民委级干里务党两])/;

// The venue endings as a WordIndex (the longest that starts at a position: what a search of the
// list, longest first, finds), and the characters they begin with (built once: the lexicon never changes).
let venueEndings: { index: WordIndex; firsts: (code: number) => boolean; longest: number } | null = null;

function venueEndingIndex(): { index: WordIndex; firsts: (code: number) => boolean; longest: number } {
  const { venueSuffixes } = lexicon();
  venueEndings ??= {
    index: WordIndex.of(venueSuffixes),
    firsts: codeSet(venueSuffixes.map((v) => v[0]).join('')),
    longest: Math.max(0, ...venueSuffixes.map((v) => v.length)),
  };
  return venueEndings;
}

/** The venue ending that starts inside a span and runs past its end (许昌高中八一路校|区), if any. */
function brokenVenueEnding(text: string, s: EntitySpan): string | null {
  // Most spans end where no ending begins in their last characters: no need to try each ending there.
  const { firsts, longest } = venueEndingIndex();
  let anyFirst = false;
  for (let k = 1; k < longest && !anyFirst; k++) anyFirst = firsts(text.charCodeAt(Math.max(0, s.end - k)));
  if (!anyFirst) return null;
  for (const v of lexicon().venueSuffixes) {
    for (let k = 1; k < v.length; k++) if (text.startsWith(v, s.end - k)) return v.slice(k);
  }
  return null;
}

/** A span with a venue ending cut in two made whole. */
function withWholeVenueEnding(text: string, s: EntitySpan): EntitySpan {
  const rest = brokenVenueEnding(text, s);
  return rest ? entitySpan(s.start, s.end + rest.length, s.type) : s;
}

/**
 * The tagger's places, adjusted as places are written: a venue or settlement ending right after one
 * belongs to it (八一路 + 校区, 汉嘉 + 社区), and a place word used as an attribute (中国特色) is no place.
 */
export function taggedPlaces(text: string, tagged: EntitySpan[], listed: Span[] = []): EntitySpan[] {
  const endings = venueEndingIndex().index;
  const out: EntitySpan[] = [];
  const venueNamed = (s: EntitySpan) => s.type === 'ORG' && endings.longestAt(text, s.end) > 0;
  // The places a list item may follow, gathered once for all the tagger's places.
  const places: Span[] = [...tagged, ...listed];
  for (const t of [...ofType(tagged, 'LOC'), ...tagged.filter(venueNamed).map((s) => entitySpan(s.start, s.end, 'LOC'))]) {
    const s = withWholeVenueEnding(text, withoutLeadingPreposition(text, t));
    if (notPlacePhrases().some((p) => text.startsWith(p, s.start) && p.length > s.end - s.start)) continue;
    const ending = endings.longestAt(text, s.end);
    const suffix = ending ? text.slice(s.end, s.end + ending) : SETTLEMENT_ENDING.exec(text.slice(s.end, s.end + 3))?.[0];
    out.push(suffix ? entitySpan(s.start, s.end + suffix.length, s.type) : listItem(text, s, places));
  }
  return out;
}

/**
 * A tagged place that took the preposition before it (同|东盟, 与|欧洲): what follows it alone, unless
 * a place word or a common word begins with the preposition (和田, 同江, 向阳).
 */
function withoutLeadingPreposition(text: string, s: EntitySpan): EntitySpan {
  if (!FUNCTION_CHAR.test(text[s.start]) || s.end - s.start < 3) return s;
  const { places, words } = markLexicon();
  return places.longestAt(text, s.start) < 2 && words.longestAt(text, s.start) < 2 ? entitySpan(s.start + 1, s.end, s.type) : s;
}

// The rest of a list item: one to four Han characters up to the next 、 or the closing 等.
const LIST_ITEM_REST = /^[\u4e00-\u9fff]{1,4}(?=[、等])/;
const DIVISION_ENDING = /(?:[省市县区镇乡村州]|街道|社区)$/;
// What shows the rest is no part of a name: a conjunction or particle first.
const NOT_NAME_PART = /^[和与及以的等之]/;

/**
 * A place in a list of places, stretched to the end of its item where the tagger stopped short
 * (曹魏古城、中央公园、莲城智能体等处): only when the item before it is a place, and the rest is no
 * word of its own (a common word, or opens with a place or a post: 四川|东部, 法国|总统, 安徽|滁州市 stay apart).
 */
function listItem(text: string, s: EntitySpan, places: Span[]): EntitySpan {
  if (text[s.start - 1] !== '、' || !places.some((p) => p.end === s.start - 1)) return s;
  // A division's or settlement's ending closes the name (三江村、杨开村|驻村干部).
  if (DIVISION_ENDING.test(text.slice(s.start, s.end))) return s;
  const rest = LIST_ITEM_REST.exec(text.slice(s.end, s.end + 5))?.[0];
  if (!rest || NOT_NAME_PART.test(rest)) return s;
  const marks = markLexicon();
  if (marks.words.get(rest) || marks.places.longestAt(text, s.end) > 1 || marks.posts.longestAt(text, s.end)) return s;
  return entitySpan(s.start, s.end + rest.length, s.type);
}

/**
 * A venue the ending rule found, with its name cut to where a name can begin: past common words that
 * open it (没有|南京长江大桥, 我们|…) while two characters stay before the ending; null when the ending
 * only closes a place word (香港 is no venue in 港).
 */
export function trimmedVenue(text: string, v: PlaceMention): PlaceMention | null {
  const { venueSuffixes, venuesAlone } = lexicon();
  const marks = markLexicon();
  const suffix = venueSuffixes.find((x) => text.startsWith(x, v.end - x.length)) ?? '';
  const stem = v.end - suffix.length;
  // Not where a place word closes the venue or runs across its ending (香|港, 同香港特别行政区).
  for (let k = v.start; k < stem; k++) if (k + marks.places.longestAt(text, k) > stem) return null;
  // 访港, 抵港, 在港: after a verb of coming or staying, a one-character ending is the place it abbreviates;
  // and after another abbreviation that no place word takes in (离不开粤港, but 天津港).
  if (suffix.length === 1 && /[来在赴抵离返驻访进出旅留到]$/.test(text.slice(v.start, stem))) return null;
  if (suffix.length === 1 && abbreviationPairAt(text, stem - 1) && !marks.places.endingAt(text, stem, 8)) return null;
  // 我校磬苑校区: the campus word before a venue is no part of its name.
  let start = /^(我|本)[校市县区镇乡村院]/.test(text.slice(v.start, stem)) && stem - v.start > 3 ? v.start + 2 : v.start;
  // A describing word right before the ending makes it a kind of venue (入住高档|宾馆, 三星级|宾馆).
  if (marks.attributes.endingAt(text, stem, 3)) return null;
  // A determiner inside the stem ends what comes before it (陈志良表示该|服务区).
  const determiner = /[该这此那各]/.exec(text.slice(start, stem));
  if (determiner) start += determiner.index + 1;
  // A count's measure word opens no name (5000亩|高新区).
  if (/[0-9０-９]/.test(text[start - 1] ?? '') && start === v.start) start += 1;
  // A verb proper inside the stem, with a name of two or more characters after it, ends what comes before
  // it (汉寿投资|西洞庭湿地); one right before the ending is the venue's own (游泳|馆).
  for (let k = start + 1; k < stem - 2; k++) {
    const word = marks.words.longestAt(text, k);
    if (word > 1 && k + word <= stem - 2 && marks.verbs.valueAt(text, k, word)) start = k + word;
  }
  // A verb, adverb or count before the name is no part of it (突破|园区, 表示|…); a noun is (智能制造产业园).
  // A stem of such words and attributes alone names no venue (大部分|体育场, 高档|宾馆, 内部|宾馆).
  for (;;) {
    const word = marks.words.longestAt(text, start);
    const opener = word > 0 && (marks.notNames.valueAt(text, start, word) || marks.attributes.valueAt(text, start, word));
    if (!opener || marks.places.longestAt(text, start) >= word) break;
    if (start + word === stem) return null;
    if (stem - (start + word) < 2 || !marks.notNames.valueAt(text, start, word)) break;
    start += word;
  }
  if (stem - start < 2 && !/[市县区]/.test(text[start]) && !(stem === start && venuesAlone.has(suffix))) return null;
  return start === v.start ? v : placeMention(start, v.end, text.slice(start, v.end), v.kind, v.division, v.full);
}

/**
 * The tagger's organizations, less those that are a rule's organization and a venue of it (许昌二高 +
 * 图书馆, 许昌高中 + 八一路校区): the organization is the rule's, the venue no organization; and less
 * those a venue ending follows (许昌高中八一路 + 校区), which name a place (taggedPlaces takes them).
 */
export function taggedOrganizations(text: string, tagged: EntitySpan[], rules: Span[]): EntitySpan[] {
  const { venueSuffixes } = lexicon();
  return ofType(tagged, 'ORG')
    .flatMap((t) => withoutVerbs(text, t) ?? [])
    .map((t) => withoutPostTail(text, withWholeVenueEnding(text, t)))
    .filter((s) => !(venueSuffixes.some((v) => text.startsWith(v, s.end - v.length)) && rules.some((r) => covers(s, r) && r.end < s.end)))
    .filter((s) => !venueSuffixes.some((v) => text.startsWith(v, s.end)))
    .filter((s) => !placeAndCompany(text.slice(s.start, s.end)))
    // A body of several townships counted (汉王四镇人大) is none of them.
    .filter((s) => !/[两二三四五六七八九十]个?[镇乡]/.test(text.slice(s.start, s.end)))
    // 中央 and a bare body (中央政协工作会议): no central body is so named; those that are come from the list.
    .filter((s) => !(text.startsWith('中央', s.start) && lexicon().orgBodies.has(text.slice(s.start + 2, s.end))));
}

// The endings of task groups and teams (督导组, 巡察组, 工作队).
const TASK_GROUP = /[组队]$/;

/**
 * A tagged organization read through a verb: cut where a body's ending is followed by a verb
 * (沈阳商会|签订友好商会 → 沈阳商会), and none where a place and one verb stand before the ending
 * (丹东市|走访|商会: a visit to chambers of commerce, no chamber).
 */
function withoutVerbs(text: string, s: EntitySpan): EntitySpan | null {
  const { words, verbs, places } = markLexicon();
  const verb = verbAfterBody(text, s.start, s.end - 1);
  if (verb && verb.end < s.end) return entitySpan(s.start, verb.at, s.type);
  const place = places.longestAt(text, s.start);
  const ending = orgEndingBefore(text, s.end, s.start + place);
  const stem = s.end - ending;
  if (place > 0 && ending > 0 && stem > s.start + place && words.longestAt(text, s.start + place) === stem - s.start - place && verbs.valueAt(text, s.start + place, stem - s.start - place)) return null;
  // …and none where one verb alone names a task group (宣布|巡察组: a group is named by its level or task).
  if (place === 0 && ending > 0 && TASK_GROUP.test(text.slice(stem, s.end)) && onlyVerbs(text, s.start, stem)) return null;
  return s;
}

/** Whether text[start, end) is one or more verbs or adverbs, word by word (积极|配合). */
function onlyVerbs(text: string, start: number, end: number): boolean {
  const { words, verbs, adverbs } = markLexicon();
  let at = start;
  while (at < end) {
    const word = words.longestAt(text, at);
    if (!word || at + word > end || !(verbs.valueAt(text, at, word) || adverbs.valueAt(text, at, word))) return false;
    at += word;
  }
  return at > start;
}

/**
 * An organization the tagger let run into a post that starts inside it (镇党委组织|委员): it ends
 * where the post begins.
 */
function withoutPostTail(text: string, s: EntitySpan): EntitySpan {
  const { posts } = markLexicon();
  for (let k = s.start + 2; k < s.end; k++) {
    // Not a party committee whose post is written with it (机电学院党委|书记 as 党委书记), nor a last
    // character that starts a post only by chance (新华社|长沙: 社长).
    if (k + posts.longestAt(text, k) > s.end && k <= s.end - 2 && !text.startsWith('党', k)) return entitySpan(s.start, k, s.type);
  }
  return s;
}

/**
 * Whether a gazetteer match is a place mention: the tagger saw something there, or the text names the
 * division in full (许昌市, 河南省). A short form the tagger passed over is a word of its own more often
 * than a place (合肥 in 复合肥, 来宾 for guests, 山南 in 天山南北).
 */
export function seenOrNamedInFull(d: PlaceMention, tagged: EntitySpan[]): boolean {
  // Seen: the tagger's span holds the match or lies inside it; one that crosses its edge read the
  // characters otherwise (天山|南北 is no 山南).
  return tagged.some((s) => covers(s, d) || covers(d, s)) || (d.division !== null && d.text === d.division.name);
}

/** Whether a place word at `start` opens a phrase that uses it as an attribute (中国特色). */
export function attributivePlace(text: string, start: number): boolean {
  return notPlacePhrases().some((p) => text.startsWith(p, start));
}

const NATIONAL = ['中共', '中央', '国家', '全国', '中国'];
const LEVEL_WORD = /^(中共)?[市省县区]/;

/**
 * An organization read by its ending over a name the tagger took for a person and no organization,
 * with words between the name and the ending (院长|张明代表医院|发言: 代表 is the verb): the name is the
 * person, and there is no body. A name right before the ending may name the body (杨行支行, 李宁公司).
 */
export function readOverName(text: string, o: OrgMention, tagged: EntitySpan[]): boolean {
  if (o.system !== 'other' || o.whole || o.media || tagged.some((s) => s.type === 'ORG' && overlaps(s, o))) return false;
  const name = tagged.find((s) => s.type === 'PER' && s.start === o.start && s.end < o.end);
  return name !== undefined && name.end < o.end - orgEndingBefore(text, o.end, name.end);
}

/**
 * Whether a span is the kind of body a regulation's title is about (《上海市街道办事处条例》, 《X组织法》):
 * it names no particular body. A body that issued a document stays (《中共中央关于…的决定》).
 */
function partOfTitle(text: string, s: Span): boolean {
  // The title's ending first: it is read right after the span, where a search back for 《 reads the text.
  if (!/^(工作|组织)?(条例|办法|规定|细则|章程|法)》/.test(text.slice(s.end, s.end + 8))) return false;
  const open = text.lastIndexOf('《', s.start);
  return open >= 0 && text.lastIndexOf('》', s.start) < open;
}

/**
 * Whether an organization is named, not just referred to: the tagger saw it, a title chain resolved
 * it, it begins with a place or a national word (许昌市公安局, 中共中央宣传部), it begins with a
 * level word in a local paper (市委 in a paper that says 我市), or, in a local paper, its ending follows
 * a name of its own (石桥村党支部). A bare body (宣传部, 办公室) outside a chain, or 省人大常委会 in a
 * national paper, names no one body.
 */
export function reportable(o: OrgMention, text: string, divisions: Span[], tagged: EntitySpan[], inChain: boolean, local: boolean, national = false, regional = local): boolean {
  // A body named inside the title of a law or a document (《上海市街道办事处条例》) is no mention of it.
  if (!inChain && partOfTitle(text, o)) return false;
  // A body run into its post (统战部长) names the body in a regional outlet's story; PFR marks none.
  if (o.contracted) return regional && inChain;
  if (o.doubtful && !tagged.some((s) => s.type === 'ORG' && overlaps(s, o) && withoutVerbs(text, s) === s)) return false;
  // A bare level body no home resolves (省人大常委会 in a national paper) names no one body.
  if (national && /^[市省县区镇乡]/.test(o.text) && o.resolved === o.text) return false;
  if (o.system === 'central' || o.system === 'named' || o.media || inChain || tagged.some((s) => s.type === 'ORG' && overlaps(s, o))) return true;
  // A bare body the article's own campus or township owns (宣传部 in a university's news).
  if (local && o.resolved.length > o.text.length && o.resolved.endsWith(o.text)) return true;
  const at = text.startsWith('中共', o.start) ? o.start + 2 : o.start;
  if (local && (divisions.some((d) => d.start === at) || NATIONAL.some((w) => text.startsWith(w, o.start)))) return true;
  // In a local paper, also what its ending names after a stem of its own (石桥村党支部, 乡村振兴工作队):
  // local news names village and task bodies the tagger never saw in national news.
  return local && (LEVEL_WORD.test(o.text) || o.system === 'other');
}
