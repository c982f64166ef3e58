/**
 * Posts and persons. A name is taken where its context says a person stands there, and the name
 * model decides where it ends:
 *  - after a post (部长王自合, 副市长卢希望, 宣传部部长吾尔叶提·吾守尔);
 *  - before a role word, at the start of a clause (张阳主持, 王皓介绍, 孟宏伟…分别讲述);
 *  - in a list with such a name (赵奇玲、周春涌、范远明陪同; 龚家雄以及黄治冶);
 *  - before a post used as a form of address (习近平总书记);
 *  - again, anywhere in the document, once found (汤超充分肯定…).
 * Names inside organizations (钟繇学堂) and doctrines (…新时代中国特色社会主义思想) are no persons.
 */
import { isHan, NAME_DOTS } from '../chars.js';
import { lexicon } from '../lexicon/index.js';
import { WordScan } from '../lexicon/word-scan.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { givenNameness, nameScore, surnameLength } from './name-model.js';
import { occurrences } from './occurrences.js';

export interface PostMention {
  start: number;
  end: number;
  /** The post with its prefix: 副市长, 常务副市长, 二级巡视员 (without the quotes a post may stand in). */
  title: string;
}

/**
 * What made a person: a rule's anchor, or the learned tagger ('model'); 'surname': a surname alone
 * with a form of address (江主席, 王先生, 老张) for a person the article never names in full.
 */
export type PersonAnchor = 'title' | 'role' | 'list' | 'address' | 'repeat' | 'model' | 'surname';

export interface PersonMention {
  start: number;
  end: number;
  name: string;
  anchor: PersonAnchor;
}

/** A person mention; every one is made here, so that all have one shape (see entitySpan in ../ner/labels.ts). */
export function personMention(start: number, end: number, name: string, anchor: PersonAnchor): PersonMention {
  return { start, end, name, anchor };
}

export interface Span {
  start: number;
  end: number;
}

const PREFIXES = ['常务副', '专职副', '行政副', '第一副', '副', '代理', '代', '名誉'];
const BOUNDARY = /[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]/;
const LIST_SEPARATORS = '、和与及';
// The least name score for a name found by a role word or list; a post before a name needs none.
const MIN_SCORE = 0.02;
// Words that count persons: a name before them is a person even with no role word (岳长平、王代涛两位).
const PERSON_COUNTERS = ['两位', '三位', '四位', '五位', '几位', '等人', '同志', '一行'];

const inside = (spans: Span[], start: number, end: number) => spans.some((s) => start < s.end && s.start < end);

/** Posts, longest first, outside organization names (许昌市长跑运动协会 holds no 市长). */
export function findPosts(text: string, blocked: Span[]): PostMention[] {
  const { postPhrases } = lexicon();
  const { words } = markLexicon();
  const found: PostMention[] = [];
  for (let at = 0; at < text.length; at++) {
    const length = postPhrases.longestAt(text, at);
    if (!length) continue;
    const end = at + length;
    if (inside(blocked, at, end)) continue;
    // A post that a common word runs on from is that word (主席|台, 书记|处: a rostrum, a secretariat),
    // and 主席|团 is a session's presidium.
    if (words.longestAt(text, at) > length || text.startsWith('主席团', end - 2)) continue;
    const start = at - prefixBefore(text, at).length;
    // A post in quotes before a name (驻村“第一书记”张三): the quotes are the post's, the name follows them.
    if (text[start - 1] === '“' && text[end] === '”' && isHan(text[end + 1] ?? '')) {
      found.push({ start: start - 1, end: end + 1, title: text.slice(start, end) });
      at = end;
      continue;
    }
    found.push({ start, end, title: text.slice(start, end) });
    at = end - 1;
  }
  return found;
}

/**
 * The prefix of a post written before `at` (副, 常务副), '' when none. Not a closure in findPosts'
 * loop: one that held the loop's position would cost an object every character.
 */
function prefixBefore(text: string, at: number): string {
  // A post listed with its 副 (副书记) takes the qualifier of a deputy before it (专职|副书记).
  if (text[at] === '副') {
    for (const p of PREFIXES) if (p.length > 1 && p.endsWith('副') && text.startsWith(p.slice(0, -1), at - p.length + 1)) return p.slice(0, -1);
  }
  for (const p of PREFIXES) if (text.startsWith(p, at - p.length)) return p;
  return '';
}

function startsWithAny(text: string, at: number, words: string[]): string | null {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return null;
}

// The role words and counters, looked for in one pass (the lexicon, hence the list, never changes).
let cueScan: WordScan | null = null;

export class PersonFinder {
  private readonly lex = lexicon();
  private readonly cues: string[];
  private readonly postStarts: Set<number>;
  private readonly postEnds: Map<number, PostMention>;

  constructor(
    private readonly text: string,
    private readonly posts: PostMention[],
    private readonly blocked: Span[],
  ) {
    this.cues = this.lex.roleCues.filter((c) => c.anchorsName).map((c) => c.cue);
    this.postStarts = new Set(posts.map((p) => p.start));
    this.postEnds = new Map(posts.map((p) => [p.end, p]));
  }

  /** How clearly a name may end at j: 2 at punctuation or a role or follower word, 1 before a post. */
  private boundaryAt(j: number): number {
    const t = this.text;
    if (j >= t.length || BOUNDARY.test(t[j])) return 2;
    if (this.lex.afterName.longestAt(t, j)) return 2;
    if (this.postStarts.has(j)) return 1;
    return 0;
  }

  /** A boundary on the left of a name: punctuation, text start, a post, or a list separator. */
  private openAt(i: number): boolean {
    const t = this.text;
    return i === 0 || BOUNDARY.test(t[i - 1]) || this.postEnds.has(i) || LIST_SEPARATORS.includes(t[i - 1]) || t[i - 1] === '由';
  }

  /** The name starting at i, if one plausibly does: its end, choosing between two and three characters. */
  nameAt(i: number): PersonMention | null {
    const t = this.text;
    const dotted = this.dottedAt(i);
    if (dotted) return dotted;
    const sl = surnameLength(t, i);
    if (sl === 0) return null;
    let best: { end: number; score: number } | null = null;
    for (const len of [sl + 1, sl + 2]) {
      const end = i + len;
      if (end > t.length || ![...t.slice(i + sl, end)].every(isHan)) continue;
      if (inside(this.blocked, i, end)) continue;
      const s = nameScore(t.slice(i, end));
      const score = this.boundaryAt(end) + s + (len === sl + 2 ? Math.min(0.3, givenNameness(t[end - 1]) * 3) : 0);
      if (!best || score > best.score) best = { end, score };
    }
    if (!best || this.boundaryAt(best.end) === 0) return null;
    return personMention(i, best.end, t.slice(i, best.end), 'title');
  }

  /** A minority or foreign name with a middle dot (吾尔叶提·吾守尔), cut before a role word. */
  private dottedAt(i: number): PersonMention | null {
    const t = this.text;
    let j = i;
    let dots = 0;
    let lastDot = -1;
    const { notNames } = markLexicon();
    while (j < t.length && (isHan(t[j]) || (NAME_DOTS.includes(t[j]) && isHan(t[j + 1]) && j > i))) {
      if (NAME_DOTS.includes(t[j])) {
        dots++;
        lastDot = j;
      } else if (dots > 0 && this.boundaryAt(j) === 2 && j > i) break;
      // …or before a verb or another word no name holds, two letters into the last part (史密斯|来访).
      else if (dots > 0 && j - lastDot > 2 && notNames.longestAt(t, j) >= 2) break;
      j++;
      if (j - i > 16) return null;
    }
    if (dots === 0 || !NAME_DOTS.includes(t[i + 1] ?? '') && t.slice(i, j).split(/[·•・‧.]/)[0].length < 1) return null;
    const name = t.slice(i, j).replace(/[•・‧.]/g, '·');
    if (name.split('·').some((part) => part.length === 0)) return null;
    return personMention(i, j, name, 'title');
  }

  /** The name ending at `end`, beginning at a left boundary. */
  nameEndingAt(end: number): PersonMention | null {
    const t = this.text;
    // Dotted names: scan back over the dot.
    for (let start = end - 3; start >= Math.max(0, end - 16); start--) {
      if (!this.openAt(start)) continue;
      const seg = t.slice(start, end);
      if (/^[\u4e00-\u9fff]+[·•・][\u4e00-\u9fff]+$/.test(seg)) return personMention(start, end, seg.replace(/[•・]/g, '·'), 'role');
    }
    for (const len of [3, 2, 4]) {
      const start = end - len;
      if (start < 0 || !this.openAt(start)) continue;
      const name = t.slice(start, end);
      if (![...name].every(isHan) || inside(this.blocked, start, end)) continue;
      const sl = surnameLength(t, start);
      if (sl === 0 || len - sl < 1 || len - sl > 2) continue;
      if (nameScore(name) < MIN_SCORE) continue;
      if (this.lex.postSet.has(name) || startsWithAny(name, 0, this.cues)) continue;
      return personMention(start, end, name, 'role');
    }
    return null;
  }

  find(known: Set<string>): PersonMention[] {
    const t = this.text;
    const found = new Map<number, PersonMention>();
    const add = (m: PersonMention | null): m is PersonMention => {
      if (!m || isDoctrine(t, m.end) || [...found.values()].some((f) => m.start < f.end && f.start < m.end)) return false;
      found.set(m.start, m);
      return true;
    };
    // After a post.
    for (const post of this.posts) {
      if (LIST_SEPARATORS.includes(t[post.end] ?? '') || t[post.end] === '、') continue;
      // A post said to be held by a list of names (执行主席由A、B担任, 执行主席是A、B): the names start after 由 or 是.
      const heldBy = t[post.end] === '由' || t[post.end] === '是' ? this.nameAt(post.end + 1) : null;
      add(heldBy && /^[、，,]|^担任/.test(t.slice(heldBy.end, heldBy.end + 2)) ? heldBy : this.nameAt(post.end));
    }
    // Before a role word, perhaps across a bridge (分别, 等, 两位), or before a word that counts persons.
    cueScan ??= new WordScan([...this.cues, ...PERSON_COUNTERS]);
    for (const { at } of cueScan.occurrences(t, true)) {
      let end = at;
      for (let k = 0; k < 2; k++) {
        const bridge = this.lex.nameBridges.find((b) => t.startsWith(b, end - b.length));
        if (bridge) end -= bridge.length;
      }
      if ([...found.values()].some((f) => f.end === end)) continue;
      add(this.nameEndingAt(end));
    }
    // Before a post used as a form of address (习近平总书记).
    // A deputy's post so used (省政协X副主席) needs a name where one may start: a boundary, or right
    // after a body (blocked spans end there).
    const blockedEnds = new Set(this.blocked.map((b) => b.end));
    for (const post of this.posts) {
      const deputy = /^(常务)?副/.test(post.title) ? post.title.replace(/^(常务)?副/, '') : null;
      const open = this.lex.addressOpenPosts.has(post.title) || (deputy !== null && (this.lex.addressPosts.has(deputy) || this.lex.addressOpenPosts.has(deputy)));
      if (!open && !this.lex.addressPosts.has(post.title)) continue;
      for (const len of [3, 2]) {
        const start = post.start - len;
        const name = t.slice(start, post.start);
        // …or right after the body the post heads (宣传部|黄某|部长, 办公室|X|主任 is not: 室 heads no 主任).
        const headsBody = blockedEnds.has(start) && t[start - 1] === (deputy ?? post.title)[0];
        const openHere = this.openAt(start) || (deputy !== null && blockedEnds.has(start)) || headsBody;
        if (start < 0 || ![...name].every(isHan) || surnameLength(name, 0) === 0 || (open && (!openHere || placeBefore(t, start, len)))) continue;
        if (nameScore(name) < MIN_SCORE / 2 || this.postEnds.has(post.start)) continue;
        if (add(personMention(start, post.start, name, 'address'))) break;
      }
    }
    // Lists: names joined by 、和与及 to a name already found.
    for (let changed = true; changed; ) {
      changed = false;
      for (const m of [...found.values()]) {
        const joiner = t.startsWith('以及', m.end) ? 2 : LIST_SEPARATORS.includes(t[m.end] ?? '') ? 1 : 0;
        if (joiner) {
          const next = this.nameAt(m.end + joiner);
          if (next && add(personMention(next.start, next.end, next.name, 'list'))) changed = true;
        }
        if (LIST_SEPARATORS.includes(t[m.start - 1] ?? '')) {
          const prev = this.nameEndingAt(m.start - 1);
          if (prev && add(personMention(prev.start, prev.end, prev.name, 'list'))) changed = true;
        }
      }
    }
    for (const m of found.values()) known.add(m.name);
    // Every other mention of a name found in this document.
    for (const name of known) {
      for (const at of occurrences(t, name)) {
        if (found.has(at) || inside(this.blocked, at, at + name.length)) continue;
        // Glued to Han text on both sides (…王东方红…): not this name.
        if (this.boundaryAt(at + name.length) === 0 && !this.postStarts.has(at + name.length) && !this.openAt(at)) continue;
        add(personMention(at, at + name.length, name, 'repeat'));
      }
    }
    return [...found.values()].sort((a, b) => a.start - b.start);
  }
}

/** Whether a place word covers text[start, start + length) (怀柔|书记: the post's place, no name). */
function placeBefore(text: string, start: number, length: number): boolean {
  return markLexicon().places.longestAt(text, start) >= length;
}

/** 习近平新时代中国特色社会主义思想, 邓小平理论: a name that opens the title of a doctrine. */
function isDoctrine(text: string, end: number): boolean {
  return /^(新时代[^，。、]{0,16}思想|[^，。、]{0,4}(思想|理论|精神)(?!文明))/.test(text.slice(end, end + 24));
}
