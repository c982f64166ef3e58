/**
 * Organizations, found three ways and merged:
 *  - bodies of party and state named without a place (宣传部, 公安局, 人民检察院), with whatever place or
 *    level stands before them (省委宣传部, 市公安局, 许昌市人民检察院);
 *  - party committees and governments (市委, 哈密市委, 中共许昌市委, 市政府, 省人民政府);
 *  - phrases ending in an organization word (协会, 中心, 高中, 学堂) whose name starts at a place or level
 *    (许昌市长跑运动协会, 长葛市社区事务服务中心), or, for strong endings, at the phrase's start.
 * Each is resolved against the paper's home: 市委 → 中共许昌市委, 市公安局 → 许昌市公安局.
 */
import { isHan } from '../chars.js';
import { lexicon, readTable, type BodyKind } from '../lexicon/index.js';
import { WordIndex } from '../lexicon/word-index.js';
import { WordScan } from '../lexicon/word-scan.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { SpanCover } from '../span-cover.js';
import { countryEndingAt } from './foreign-seats.js';
import { canonicalPlace, type Home, type PlaceMention } from './places.js';

export interface OrgMention {
  start: number;
  end: number;
  text: string;
  /** The full name in the context of the paper's home. */
  resolved: string;
  /**
   * Which rule found it: a body of party, state or mass organization, a central body by name, another
   * body known by name (联合国, 欧盟, 白宫: data/lang/named-bodies.txt), or an ending.
   */
  system: 'party' | 'state' | 'mass' | 'central' | 'named' | 'other';
  /** Written run into its post (教育部长 for 教育部部长): it names the post's body, not an organization mention of its own. */
  contracted: boolean;
  /** Its extent is certain (a listed central body; a village's branch named from a separator): no tagged span replaces it. */
  whole: boolean;
  /** A news outlet (src/extract/recognize/media.ts), found only in a regional outlet's story. */
  media: boolean;
  /** Its stem is one verb (走访|商会, 联想|集团): a name only where the tagger saw an organization. */
  doubtful: boolean;
}

type OrgMark = 'contracted' | 'whole' | 'media' | 'doubtful';

/** What makes an organization mention: its marks are false unless given. */
export type OrgFields = Omit<OrgMention, OrgMark> & Partial<Pick<OrgMention, OrgMark>>;

/**
 * An organization mention. Every one is made here, with all its fields in one order, so that all have
 * one shape (see entitySpan in ../ner/labels.ts).
 */
export function orgMention(o: OrgFields): OrgMention {
  const { start, end, text, resolved, system } = o;
  return { start, end, text, resolved, system, contracted: o.contracted ?? false, whole: o.whole ?? false, media: o.media ?? false, doubtful: o.doubtful ?? false };
}

/** An organization mention with the canonical name the article reports it by (the pipeline's). */
export interface NamedOrg extends OrgMention {
  name: string;
}

/** A named organization mention, of one shape as orgMention's are. */
export function namedOrg(o: OrgFields, name: string): NamedOrg {
  const { start, end, text, resolved, system } = o;
  return { start, end, text, resolved, system, contracted: o.contracted ?? false, whole: o.whole ?? false, media: o.media ?? false, doubtful: o.doubtful ?? false, name };
}

const LEVEL = '市省县区州镇乡';

// An autonomous region's own word for its level (自治区政府, 自治区党委, 自治区主席), as 省 is a province's.
const REGION_WORD = '自治区';

/** 3 when the level word ending at `end` is 自治区 (its 区 at end - 1), else 0. */
function regionWordBefore(text: string, end: number): number {
  return text.startsWith(REGION_WORD, end - REGION_WORD.length) ? REGION_WORD.length : 0;
}
/** A place alone before 公司, which says where a company is from, not which (一家美国公司). */
export function placeAndCompany(name: string): boolean {
  return name.endsWith('公司') && markLexicon().places.get(name.slice(0, -2)) !== undefined;
}

/** Whether a zone named by its ending alone opens at `at` and ends by `end` (经|开区管委会: 经 is no preposition there). */
function opensZone(text: string, at: number, end: number): boolean {
  for (const zone of lexicon().venuesAlone) if (at + zone.length <= end && text.startsWith(zone, at)) return true;
  return false;
}

/** Whether a zone named by its ending alone (开发区, 高新区: venue-suffixes.txt) ends at `at`. */
function endsZone(text: string, at: number): boolean {
  return zoneEndingAt(text, at) > 0;
}

/** The length of the longest zone named by its ending alone (经济开发区, 开发区) that ends at `at`, else 0. */
function zoneEndingAt(text: string, at: number): number {
  let longest = 0;
  for (const zone of lexicon().venuesAlone) if (zone.length > longest && text.startsWith(zone, at - zone.length)) longest = zone.length;
  return longest;
}

// Characters that make a level word the tail of another word (城市, 全省, 社区, 景区): no body follows.
const WORD_BEFORE_LEVEL = '城都全超上门地社园景小山湾郊市矿';
// Characters that end an organization's name on the left: prepositions, verbs of reference, particles,
// and the ends of datelines (…日讯, …日电).
export const STEM_STOP = new Set([...'讯电在由对向和与及或的是把被从到赴往于为将等了并以据经同跟给让使、，。：；“”‘’《》（）()【】 \n']);
// Verbs that end in an organization's ending (主办, 举办, 创办): the ending is no body's there.
const VERB_ENDING = /^(主|举|承|协|创|开|兴|合|督|代|包|筹|联)办$/;
// Posts whose first character is an organization ending (部长, 局长, 委员) must not end an organization.
function postCovers(text: string, at: number): boolean {
  const { postPhrases } = lexicon();
  for (let o = 0; o < 4 && o <= at; o++) {
    if (postPhrases.longestAt(text, at - o) > o) return true;
  }
  return false;
}
// Verbs and particles that a name never holds: a stem containing one ran past the name's start.
// (Words first, so that a run of them is taken whole: 提高, not 提|高.)
const STEM_VERBS = /提高|提升|成立|组建|创建|出席|参加|举行|召开|表示|宣布|批准|决定|联合|日前|近日|汇报|介绍|听取|调研|考察|视察|参观|走访|检查|慰问|带队|率队|带领|率领|陪同|深入|来到|前往|走进|同志|辞去|担任|免去|任命|当选|[要进做提督促指导让走使对被把就也还都将能会可应该给任]/;
const STEM_VERB_RUNS = new RegExp(STEM_VERBS.source, 'g');
// Verbs of an event or a statement (出席, 推举): a stem holding one ran from a person's sentence into the
// name, which can then only open at a place after the verb (…出席|许昌市…协会).
const EVENT_VERBS = /出席|参加|表示|宣布|推举|会见|主持|召开|举行|陪同|率领|带领|来到|前往|听取/g;
// Determiners, pronouns and counts: 这个公司, 我们公司, 某集团, 本公司, 一家公司 name no particular body.
const DETERMINER = /这|那|我们|你们|他们|本|该|此|某|每|各|[一两几多数]家|一个/;

/** Where a place or level prefix stands right before `start`: returns the new start. */
function attachPrefix(text: string, start: number, divisions: PlaceMention[]): number {
  let s = start;
  for (let guard = 0; guard < 3; guard++) {
    // A level's committee or government before a body (省委宣传部, 哈密市委…, 省政府办公厅): the body is theirs.
    const unit = text.startsWith('政府', s - 2) ? 2 : text[s - 1] === '委' ? 1 : 0;
    if (unit > 0 && LEVEL.includes(text[s - unit - 1] ?? '')) {
      s -= unit + 1;
      const d = divisions.find((x) => x.end === s + 1 && x.kind === 'division');
      if (d) s = d.start;
      else if (regionWordBefore(text, s + 1)) s -= REGION_WORD.length - 1;
      continue;
    }
    const d = divisions.find((x) => x.end === s && x.kind === 'division');
    if (d) {
      s = d.start;
      continue;
    }
    // A township the data knows, by its name (临江镇|人大).
    if (text[s - 1] === '镇' || text[s - 1] === '乡') {
      const township = townshipEndingAt(text, s);
      if (township < s - 1) {
        s = township;
        continue;
      }
    }
    // 市公安局, 聚焦市发改委: a level word before a body names the home's body.
    if (s > 0 && LEVEL.includes(text[s - 1]) && (s < 2 || !WORD_BEFORE_LEVEL.includes(text[s - 2]))) {
      s -= regionWordBefore(text, s) || 1;
      continue;
    }
    break;
  }
  if (text.startsWith('中共', s - 2)) s -= 2;
  return s;
}

/**
 * Where a township name the data knows, ending with its level word at `end` (临江镇, 仓前街道), starts: two
 * to four characters before the level word; `end - level` when none.
 */
export function townshipEndingAt(text: string, end: number, level = 1): number {
  const { townships } = lexicon();
  for (let length = level + 4; length >= level + 2; length--) if (end - length >= 0 && townships.has(text.slice(end - length, end))) return end - length;
  return end - level;
}

/**
 * Whether a body ending at `end` in 部 or 局 runs into its post (教育部长, 统战部长: 部 + 部长; 民宗局长),
 * not into a word that opens with 长 (公安局|长期).
 */
const runsIntoPost = (text: string, end: number) =>
  text[end] === '长' && (text[end - 1] === '部' || (text[end - 1] === '局' && markLexicon().words.longestAt(text, end) < 2));

// The bodies and the organization endings, each list looked for in one pass (the lexicon never changes).
let bodyScan: { scan: WordScan; kinds: BodyKind[] } | null = null;
let suffixScan: WordScan | null = null;

function bodies(text: string, divisions: PlaceMention[], home: Home | null): OrgMention[] {
  const { orgBodies } = lexicon();
  bodyScan ??= { scan: new WordScan([...orgBodies.keys()]), kinds: [...orgBodies.values()] };
  const { scan, kinds } = bodyScan;
  const out: OrgMention[] = [];
  for (const { word, at } of scan.occurrences(text)) {
    const body = scan.words[word];
    const kind = kinds[word];
    // A university's offices named bare (教务处) are bodies only in its own news.
    if (kind === 'campus' && !home?.local?.institution) continue;
    // An office written short (新闻办) is no body where its full name runs on (新闻办|公室).
    if (body.endsWith('办') && /^公[室厅]/.test(text.slice(at + body.length, at + body.length + 2))) continue;
    const system = kind === 'campus' ? 'other' : kind;
    const start = attachPrefix(text, at, divisions);
    // A bare body whose last character opens a word with what follows (组织|部分委员) is no body there.
    if (start === at && markLexicon().words.longestAt(text, at + body.length - 1) >= 2 && !runsIntoPost(text, at + body.length) && !lexicon().postPhrases.longestAt(text, at + body.length)) continue;
    // The bodies of several places counted (四镇人大主席) are no one body.
    if (LEVEL.includes(text[start]) && /[两二三四五六七八九十]个?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    // A body known by name and written alone (对外友协) is the national one namedBodies reads.
    if (start === at && namesOfBodies().valueAt(text, at, body.length)) continue;
    const contracted = runsIntoPost(text, at + body.length);
    out.push(orgMention({ start, end: at + body.length, text: text.slice(start, at + body.length), resolved: '', system, contracted }));
  }
  return out;
}

/** 市委, 省委, 哈密市委, 中共许昌市委; 市政府, 河南省人民政府. */
function committees(text: string, divisions: PlaceMention[]): OrgMention[] {
  const out: OrgMention[] = [];
  // 区委办 is the committee's office (办 not opening a verb: 办理, 办好).
  for (const m of text.matchAll(/(?:中共)?([市省县区州])委(?:办(?![理好事法成学]))?(?!员|托|屈|婉)|([市省县区州镇乡])(?:人民)?政府/g)) {
    const at = m.index!;
    let start = at;
    const d = divisions.find((x) => x.end === at + 1 && x.kind === 'division');
    if (d) {
      start = d.start;
      // The divisions it is in, written before it (北京市|房山区委).
      const endingAt = (end: number) => divisions.find((x) => x.end === end && x.kind === 'division');
      for (let outer = endingAt(start); outer; outer = endingAt(start)) start = outer.start;
    } else if (at > 0 && WORD_BEFORE_LEVEL.includes(text[at - 1]) && !/^[我本]市$/.test(text.slice(at - 2, at))) continue; // …but 我市|市委
    if (text.startsWith('中共', start - 2)) start -= 2;
    // 团市委, 共青团X区委: the Youth League's committee, not the party's (集团 is no 团).
    else if (m[1] && !m[0].startsWith('中共') && text[start - 1] === '团' && text[start - 2] !== '集') {
      start -= text.startsWith('共青团', start - 3) ? 3 : 1;
      out.push(orgMention({ start, end: at + m[0].length, text: text.slice(start, at + m[0].length), resolved: '', system: 'mass', whole: true }));
      continue;
    }
    out.push(orgMention({ start, end: at + m[0].length, text: text.slice(start, at + m[0].length), resolved: '', system: m[1] ? 'party' : 'state' }));
  }
  // A congress's or CPPCC's special committee written short after it (县人大财经工委, 市政协提案委), or a standing
  // committee's in full (市人大常委会代表资格审查委员会; not 各工作委员会): the body's.
  for (const m of text.matchAll(/(人大(?:常委会)?|政协)((?![常党])[\u4e00-\u9fff]{1,5}?(?:工委|委)(?![员会托屈婉]))|(?:[一二三四五六七八九十]{1,3}届)?人大常委会((?![党各第有])[\u4e00-\u9fff]{4,10}?委员会)/g)) {
    const start = attachPrefix(text, m.index!, divisions);
    const end = m.index! + m[0].length;
    out.push(orgMention({ start, end, text: text.slice(start, end), resolved: '', system: 'state', whole: true }));
  }
  // A division's CPPCC committee by its full name (政协第十一届定远县委员会, 中国人民政治协商会议X市第十二届委员会):
  // the division's 政协, as 市政协 is the home's.
  for (const m of text.matchAll(/(?:中国人民政治协商会议|政协)(?:第[一二三四五六七八九十]+届)?/g)) {
    const after = m.index! + m[0].length;
    let division = divisions.find((x) => x.start === after && x.kind === 'division');
    for (let inner = division; inner; inner = divisions.find((x) => x.start === inner!.end && x.kind === 'division')) division = inner;
    // …the session's number before the division or after it (政协X市第十二届委员会).
    const session = division ? (/^第[一二三四五六七八九十]+届/.exec(text.slice(division.end, division.end + 6))?.[0] ?? '') : '';
    if (!division || !text.startsWith('委员会', division.end + session.length)) continue;
    const end = division.end + session.length + 3;
    out.push(orgMention({ start: m.index!, end, text: text.slice(m.index!, end), resolved: `${division.division?.name ?? division.text}政协`, system: 'named', whole: true }));
  }
  // A village's or community's party branch or committee with its name (金色新城社区党委, 石桥村党支部,
  // written short 石桥村支部): the name runs back to a separator.
  for (const m of text.matchAll(/(社区|村)(?:党(?:委|总支|支部)|支部)(?!员)/g)) {
    const at = m.index!;
    let start = at;
    while (start > 0 && at - start < 6 && isHan(text[start - 1]) && !STEM_STOP.has(text[start - 1])) start--;
    if (at - start < 2 || STEM_VERBS.test(text.slice(start, at))) continue;
    out.push(orgMention({ start, end: at + m[0].length, text: text.slice(start, at + m[0].length), resolved: '', system: 'party', whole: true }));
  }
  // A township's or a campus's party committee (镇党委, 戴庙镇党委, 街道党工委, 校党委).
  for (const m of text.matchAll(/([镇乡校]|街道)党(?:工)?委(?!员)/g)) {
    const at = m.index!;
    const level = at + m[1].length;
    // A campus has no name in the township data (校党委 stays as written).
    const start = m[1] === '校' ? at : Math.min(at, townshipEndingAt(text, level, m[1].length));
    out.push(orgMention({ start, end: at + m[0].length, text: text.slice(start, at + m[0].length), resolved: '', system: 'party' }));
  }
  return out;
}

// Words that open a national body's name in its stem (中共…, 国家…局).
const NATIONAL_WORDS = ['中共', '中央', '国家', '全国'];

/** Where the last match of `pattern` (global) inside text[from, before) ends; -1 when none. */
function lastMatchEnd(pattern: RegExp, text: string, from: number, before: number): number {
  let end = -1;
  for (const m of text.slice(from, before).matchAll(pattern)) end = from + m.index! + m[0].length;
  return end;
}

/**
 * The first verb that follows a body's ending of two characters or more inside text[from, before)
 * (沈阳商会|签订|友好商会), with where it starts and ends; null when none.
 */
export function verbAfterBody(text: string, from: number, before: number): { at: number; end: number } | null {
  const { words, verbs } = markLexicon();
  for (let k = from + 2; k < before; k++) {
    const verb = words.longestAt(text, k);
    if (verb >= 2 && verbs.valueAt(text, k, verb) && orgEndingBefore(text, k, from, 2) > 0) return { at: k, end: k + verb };
  }
  return null;
}

/** The length of the longest organization ending (of `shortest` to 6 characters) that ends at `end` after `from`; 0 when none. */
export function orgEndingBefore(text: string, end: number, from: number, shortest = 1): number {
  const { orgEndings } = markLexicon();
  for (let length = Math.min(6, end - from); length >= shortest; length--) if (orgEndings.valueAt(text, end - length, length)) return length;
  return 0;
}

/** Whether an organization ending at `end` closes its phrase: a separator, a post or a conjunction follows. */
function closesAt(text: string, end: number): boolean {
  return end >= text.length || !isHan(text[end]) || '和与及的等'.includes(text[end]) || lexicon().postPhrases.longestAt(text, end) > 0;
}

/** Where `word` first begins in text[from, before), -1 when nowhere: an indexOf that does not run on to the text's end. */
function indexWithin(text: string, word: string, from: number, before: number): number {
  for (let i = from; i < before; i++) if (text.startsWith(word, i)) return i;
  return -1;
}

function bySuffix(text: string, divisions: PlaceMention[]): OrgMention[] {
  const { orgSuffixes } = lexicon();
  suffixScan ??= new WordScan(orgSuffixes.map((s) => s.suffix));
  const out: OrgMention[] = [];
  const taken = new Set<number>();
  for (const { word, at } of suffixScan.occurrences(text, true)) {
    const { suffix, free, closing, notBefore, notAfter } = orgSuffixes[word];
    const end = at + suffix.length;
    if (taken.has(end)) continue;
    if (notBefore.some((w) => text.startsWith(w, end)) || notAfter.some((w) => text.startsWith(w, at - w.length))) continue;
    if (VERB_ENDING.test(text.slice(at - 1, end))) continue;
    if (closing && !closesAt(text, end)) continue;
    // 常委, 部长, 局长: the ending is part of a post, not of a name (short endings only).
    if (suffix.length <= 2 && postCovers(text, at)) continue;
    const name = nameBeforeEnding(text, at, end, suffix, free, divisions);
    if (!name) continue;
    taken.add(end);
    // A bank's branch named after its bank (农业银行|浙江省分行) is one body with it, whole (the longer
    // mention wins over the bank's own in findOrganizations).
    const bank = /^(分行|支行)$/.test(suffix) ? bankBefore(text, name.start, out) : null;
    const start = bank ?? name.start;
    out.push(orgMention({ start, end, text: text.slice(start, end), resolved: '', system: 'other', doubtful: name.doubtful, whole: bank !== null || name.whole }));
  }
  // Schools known by number: 许昌二高, 郑州一中.
  for (const m of text.matchAll(/[一二三四五六七八九十]{1,2}[高中小](?![中学级速度等])/g)) {
    const d = divisions.find((x) => x.kind === 'division' && x.end === m.index!);
    if (d) out.push(orgMention({ start: d.start, end: m.index! + m[0].length, text: text.slice(d.start, m.index! + m[0].length), resolved: '', system: 'other' }));
  }
  return out;
}

/** Where the bank named right before `at` begins (农业银行|浙江省分行): as read already, else back to a stop; null when none. */
function bankBefore(text: string, at: number, read: OrgMention[]): number | null {
  if (!text.startsWith('银行', at - 2)) return null;
  const named = read.find((o) => o.end === at && o.text.endsWith('银行'));
  if (named) return named.start;
  let start = at - 2;
  while (start > 0 && at - start < 10 && isHan(text[start - 1]) && !STEM_STOP.has(text[start - 1])) start--;
  return start;
}

// A level's congress or CPPCC at the end of a stem (…市人大|常委会; not 自治区人大, which opens the name).
const LEVEL_CONGRESS = /(?<!自治)[省市县区州镇乡](人大|政协)$/;

/**
 * Where the name of an organization ending at text[at, end) begins, and whether its stem is one verb
 * (a name only where the tagger saw an organization); null when no name stands there. Apart from
 * bySuffix, so that the optimizer recompiles this (the rarely taken branches) on its own.
 */
function nameBeforeEnding(text: string, at: number, end: number, suffix: string, free: boolean, divisions: PlaceMention[]): { start: number; doubtful: boolean; whole: boolean } | null {
  // A committee and its level's government written as a pair (明溪县委|县政府, 市委市政府): two bodies, which
  // committees() reads each.
  if (/政府$/.test(suffix) && /[省市县区州镇乡]委[省市县区州镇乡]?$/.test(text.slice(Math.max(0, at - 3), at))) return null;
  // A foreign ministry's name, which may join its fields by 和, 及 or 、 (马来西亚妇女、家庭及社区发展部).
  const ministry = suffix === '部' ? foreignMinistryStart(text, at) : -1;
  if (ministry >= 0) return { start: ministry, doubtful: false, whole: true };
  let start = at;
  // A committee's name joining two nouns by 和 is read whole (社会和法治委员会): the tagger sees only its tail.
  let joined = false;
  for (; start > 0 && at - start < 12 && isHan(text[start - 1]); start--) {
    if (!STEM_STOP.has(text[start - 1]) || opensNoun(text, start - 1, at) || opensZone(text, start - 1, at)) continue;
    if (!joinsNouns(text, start - 1, suffix)) break;
    joined = true;
  }
  const afterVerb = Math.max(lastMatchEnd(EVENT_VERBS, text, start, at), verbAfterBody(text, start, at)?.end ?? -1, clauseWordEnd(text, start, at));
  if (afterVerb >= 0) start = afterVerb;
  // The name begins at the first place or level word in the stem, if any.
  const lead = divisions.find((d) => d.kind === 'division' && d.start >= start && d.end <= at);
  const national = NATIONAL_WORDS.map((w) => indexWithin(text, w, start, at)).find((i) => i >= 0);
  if (lead) {
    start = lead.start;
    if (!free && at - lead.end > 6) return null;
  } else if (afterVerb >= 0) return null;
  else if (national !== undefined) start = national;
  // A level's congress or CPPCC right before the ending owns it (报送|市人大常委会, 通过|县政协常委会).
  else if (LEVEL_CONGRESS.test(text.slice(start, at))) start = at - 3;
  // A level's committee right before the ending owns it (王五同志任|县委办公室).
  else if (/[省市县区镇乡]委$/.test(text.slice(start, at))) start = at - 2;
  // A level word right before the ending is the body's whole stem (同志代表|镇人民政府).
  // Not the 区 of a zone (开发区|管委会): the zone's name is the stem.
  else if (LEVEL.includes(text[at - 1]) && !LEVEL.includes(text[at - 2] ?? '') && text[at - 2] !== '委' && !endsZone(text, at)) start = at - (regionWordBefore(text, at) || 1);
  else if (LEVEL.includes(text[start]) && at - start <= 7 && !STEM_VERBS.test(text.slice(start, at)) && !/[部委局厅办院所处]/.test(text.slice(start + 1, at))) {
    // 市档案局: a level word opening the stem names the home's body.
  } else if (!free && zoneEndingAt(text, at) > 0) {
    // A zone named by its ending alone right before the ending is the body's stem: the home's zone (开发区|党工委).
    start = at - zoneEndingAt(text, at);
  } else if (!free) return null; // known bodies are found by bodies()
  else {
    // A start cut at six characters moves past a word it splits (表|示时代华纳公司).
    // (A session's number, 第一届, is not counted: 黄泥塘镇第一届|人民代表大会.)
    const session = /第[一二三四五六七八九十]+届$/.exec(text.slice(start, at))?.[0].length ?? 0;
    if (at - start > 6 + session && !joined) start = markLexicon().words.pastWordAcross(text, at - 6 - session, at);
    // Past the last verb in the stem, whole (全面提高|中国银行: not 高中国银行).
    const verbs = [...text.slice(start, at).matchAll(STEM_VERB_RUNS)];
    if (verbs.length) start += verbs.at(-1)!.index! + verbs.at(-1)![0].length;
    // A level word after a noun inside the stem opens the name (存在的问题|州工投集团), unless it opens a word (农贸|市场管理处).
    const { nouns, words } = markLexicon();
    for (let k = start + 2; k <= at - 2; k++) {
      if (LEVEL.includes(text[k]) && !LEVEL.includes(text[k - 1]) && nouns.endingAt(text, k, 3) && words.longestAt(text, k) < 2) {
        start = k;
        break;
      }
    }
    if (at - start < 2) return null;
  }
  if (DETERMINER.test(text.slice(start, at))) return null;
  if (placeAndCompany(text.slice(start, end))) return null;
  // The last character of a word before the name (召|开市委常委会, 表|示市政集团, 召|开第十届…) is no part of it.
  if ((LEVEL.includes(text[start + 1]) || text[start + 1] === '第') && markLexicon().words.longestAt(text, start - 1) === 2) start += 1;
  // A committee before the name owns it (市委|台湾工作办公室, 省委|党史研究室).
  if (text[start - 1] === '委') start = attachPrefix(text, start, divisions);
  // Verbs opening a stem with no place are no part of the name (签订|友好商会); a stem that is one
  // verb (丹东市|走访|商会, 希望|商会) may still be a name (联想集团), but only the tagger can say so.
  // (So are adverbs before such a verb: 积极|配合|巡察组.)
  const { words, verbs, adverbs } = markLexicon();
  for (let verb = words.longestAt(text, start); !lead && verb > 0 && verb <= at - start - 2 && (verbs.valueAt(text, start, verb) || adverbs.valueAt(text, start, verb)); verb = words.longestAt(text, start)) start += verb;
  const stemFrom = lead ? lead.end : start;
  const doubtful = at > stemFrom && words.longestAt(text, stemFrom) === at - stemFrom && verbs.valueAt(text, stemFrom, at - stemFrom) === true;
  // (A zone's body read from the zone's first character (经开区管委会) is whole: the tagger cuts the zone's word.)
  return { start, doubtful, whole: (joined && start < at - 1 && text.slice(start, at).includes('和')) || opensZone(text, start, at) };
}

/**
 * Where the last adverb inside a stem ends, past its first character (院长首先|代表学院): what follows it
 * is the clause's object, a name only if a place opens it; -1 when none. (Verbs and posts are left in:
 * names hold them, 开发银行, 审查委员会, 怀柔区长哨营满族乡.)
 */
function clauseWordEnd(text: string, start: number, at: number): number {
  const { words, adverbs } = markLexicon();
  let end = -1;
  for (let k = start + 1; k < at - 1; k++) {
    const word = words.longestAt(text, k);
    if (word > 1 && k + word <= at && adverbs.valueAt(text, k, word)) end = Math.max(end, k + word);
  }
  return end;
}

/** The home's division at a level word: 市 → the home city; 省 → its province; 县/区 → a home county. */
export function homeAt(level: string, home: Home | null): string | null {
  if (!home) return null;
  if (level === '镇' || level === '乡') return home.local?.township?.endsWith(level) ? home.local.township : null;
  const d = home.division;
  if (!d) return null;
  if (level === '省') return d.province;
  if (level === '市') {
    if (d.level === 'province') return /^(北京|天津|上海|重庆)市$/.test(d.name) ? d.name : null;
    return d.level === 'city' ? d.name : d.level === 'county' && d.name.endsWith('市') ? d.name : d.city;
  }
  // An autonomous prefecture's own bodies (州委, 州政府), in its paper or a county's in it.
  if (level === '州') {
    const prefecture = d.level === 'city' ? d.name : d.level === 'county' ? d.city : null;
    return prefecture?.endsWith('自治州') ? prefecture : null;
  }
  // A banner, Inner Mongolia's county (旗委, 旗政府 in a banner's news).
  if (level === '旗') return d.level === 'county' && d.name.endsWith('旗') ? d.name : home.local?.county?.name.endsWith('旗') ? home.local.county.name : null;
  if (level === '县' || level === '区') {
    if (d.level === 'county') return d.name.endsWith(level) ? d.name : null;
    // A city's page on one of its counties or districts (区委 in a report on 丰南区).
    return home.local?.county?.name.endsWith(level) ? home.local.county.name : null;
  }
  return null;
}

// Offices of a university named without it in its own news (教务处, 宣传部, 国际合作与交流处).
const CAMPUS_OFFICE = /^[\u4e00-\u9fff]{2,10}(处|部|办公室|学院)$/;

/** The full name of an organization as written in a paper from `home`. */
export function resolveOrg(surface: string, home: Home | null): string {
  // A company's own words in its news: 集团公司, 本公司, 集团 (before its posts), its 党组.
  const company = home?.local?.company;
  if (company && COMPANY_SELF.includes(surface)) return company;
  if (company && COMPANY_PARTY_UNITS.includes(surface)) return company + surface;
  // A campus's own bodies in its news: 我校, 校党委, 校学位委员会, and its offices named bare (教务处).
  const institution = home?.local?.institution;
  if (institution) {
    // The campus named in full (文华学院 in 文华学院's news) is itself, not one of its colleges.
    if (/^(我校|本校)$/.test(surface) || surface === institution) return institution;
    // A campus of the university and its bodies (威海校区, 威海校区党委, 青岛校区建设指挥部).
    const campus = /^([\u4e00-\u9fff]{2,4}校区)(党委|党工委)?(.*)$/.exec(surface);
    if (campus && /大学$/.test(institution) && !surface.startsWith(institution)) {
      const [, name, unit, rest] = campus;
      if (unit && !rest) return `中共${institution}${name}${unit === '党委' ? '委员会' : '工作委员会'}`;
      // (Its party committee may be written bare: 大东关校区委员会.)
      if (!unit && rest === '委员会') return `中共${institution}${surface}`;
      return institution + surface;
    }
    const affiliated = /^(?:([一二三四五六七八九])附院|附([一二三四五六七八九])院)$/.exec(surface);
    if (affiliated && /(大学|学院)$/.test(institution)) return `${institution}第${affiliated[1] ?? affiliated[2]}附属医院`;
    if (home.local?.college && /^(我院|本院|学院)$/.test(surface)) return home.local.college;
    if (surface.startsWith(institution)) return surface;
    if (/^校党委$/.test(surface)) return `中共${institution}委员会`;
    // A court's, procuratorate's or hospital's own party unit (院党组, 院党委), and what it calls its own (我院党总支).
    if (/^院(党组|党委)?$/.test(surface) && /院$/.test(institution)) return institution + surface.slice(1);
    const ours = /^(?:我院|本院)(.*)$/.exec(surface)?.[1];
    if (ours !== undefined && /院$/.test(institution) && !home.local?.college) return institution + ours;
    // A court's tribunal (官庄法庭, 火焰山人民法庭): the court's, a people's tribunal.
    const tribunal = /^([\u4e00-\u9fff]{2,6}?)(?:人民)?法庭$/.exec(surface)?.[1];
    if (tribunal && /人民法院$/.test(institution)) return `${institution}${tribunal}人民法庭`;
    const own = /^(?:我校|本校|校)(.+)$/.exec(surface)?.[1];
    if (own) return institution + own;
    // …not a body of the state it deals with (中关村街道办事处), nor one a place names.
    // (…nor a level's body: 市委组织部 is the city's.)
    if (CAMPUS_OFFICE.test(surface) && !/街道|办事处|社区|[镇乡村]/.test(surface) && !LEVEL.includes(surface[0]) && !markLexicon().places.longestAt(surface, 0)) return institution + surface;
  }
  // The Youth League's committee (团市委, 共青团北京市房山区委): 共青团 X 委员会.
  const league = /^(?:共青)?团(.+委)$/.exec(surface)?.[1];
  if (league) {
    const committee = resolveOrg(league, home).replace(/^中共/, '');
    return /^[市省县区州]委$/.test(committee) ? surface : `共青团${committee}员会`;
  }
  // A part of a body known by name (全国人大常委会|办公厅, 全国对外友协|国际部): the body's full name.
  const named = withBodyNamed(surface);
  if (named) return named;
  let name = surface.replace(/^中共/, '');
  if (name.startsWith(REGION_WORD)) return regionBody(name.slice(REGION_WORD.length), home) ?? surface;
  const level = name[0];
  if (LEVEL.includes(level) || (level === '旗' && homeAt('旗', home))) {
    const full = homeAt(level, home);
    // Without a home (a national outlet), 市委 names no particular committee: it stays as written.
    if (!full) return surface;
    name = full + name.slice(1);
  }
  // A city's intermediate court and a province's high court written short (鄂州中院, 北京市高院).
  const court = /^([\u4e00-\u9fff]{2,5}?)(中院|高院)(党组|党委)?$/.exec(name);
  if (court) {
    const place = canonicalPlace(court[1]);
    if (place !== court[1] || /[省市]$/.test(court[1])) name = `${place}${court[2] === '中院' ? '中级' : '高级'}人民法院${court[3] ?? ''}`;
  }
  // A place's court or procuratorate is its people's (区检察院 → X区人民检察院, 市中级法院 → …中级人民法院).
  name = name.replace(/([市县区州旗]|中级|高级)(检察院|法院)(?=$|党组)/, '$1人民$2');
  // A place's government is its people's government (市政府 → 许昌市人民政府, 省政府办公厅 → …人民政府办公厅).
  // (Not a special administrative region's: 香港特别行政区政府, 香港特区政府.)
  name = name.replace(/(?<!特别行政|特)([市省县区州镇乡旗])政府(?=$|办公厅|办公室|研究室|参事室|督查室)/, '$1人民政府');
  // A standing committee is its congress's whatever the term (市十六届人大常委会 → X市人大常委会).
  name = name.replace(/^(.+?[省市县区州旗])第?[一二三四五六七八九十]+届(人大常委会|人民代表大会常务委员会)/, '$1$2');
  name = name.replace(/委办$/, '委办公室').replace(/([市省县区州])政府办$/, '$1人民政府办公室');
  // A division's committee written with its level twice (衡阳县县委, X市市委) is the division's committee
  // (衡阳县委); not where the level is the name's own (西藏自治区|区委, 晋城市城区|区委), nor where the name is
  // one character (邱县县委).
  name = name.replace(/^([\u4e00-\u9fff]{2,8}(?<!自治|[城郊矿]|[省市州区县][\u4e00-\u9fff])([市县区州]))\2委/, '$1委');
  // A party committee is 中共 X 委; its departments are named without 中共 (许昌市委宣传部).
  if (/[市省县区州旗]委$/.test(name) || /^中共/.test(surface) && /委$/.test(name)) name = '中共' + name;
  return name;
}

/**
 * A body of the home's autonomous region written with its level word alone (自治区政府, 自治区党委,
 * 自治区人大常委会; 自治区 before its chairman's post is its government); null when the home is no region.
 */
function regionBody(rest: string, home: Home | null): string | null {
  const region = homeAt('省', home);
  if (!region?.endsWith(REGION_WORD)) return null;
  if (rest === '' || rest === '政府' || rest === '人民政府') return `${region}人民政府`;
  if (rest === '党委') return `中共${region}委员会`;
  return resolveOrg(region + rest, home);
}

/** A name that opens with a body known by name (全国对外友协|国际部): that body's full name with the rest; null if none. */
function withBodyNamed(surface: string): string | null {
  const names = namesOfBodies();
  const length = names.longestAt(surface, 0);
  if (length === 0 || length >= surface.length) return null;
  const body = names.valueAt(surface, 0, length);
  return body ? body.full + surface.slice(length) : null;
}

// Bodies by name: data/lang/central-bodies.txt (central) then named-bodies.txt (named), built once.
let bodyNames: WordIndex<{ full: string; system: 'central' | 'named' }> | null = null;

function namesOfBodies(): WordIndex<{ full: string; system: 'central' | 'named' }> {
  if (!bodyNames) {
    bodyNames = new WordIndex();
    for (const [file, system] of [['central-bodies.txt', 'central'], ['named-bodies.txt', 'named']] as const) {
      for (const [name, full] of readTable(file)) bodyNames.add(name, { full: full || name, system });
    }
  }
  return bodyNames;
}

/**
 * Bodies by name: central bodies (data/lang/central-bodies.txt: 外交部, 人社部 for
 * 人力资源和社会保障部, 全国政协) and others known by name (data/lang/named-bodies.txt: 联合国, 欧盟,
 * 白宫). Not where the name runs on into a generic word or a post (教育部门, 外交部长), nor into a
 * longer place (北大|荒).
 */
function namedBodies(text: string): OrgMention[] {
  const names = namesOfBodies();
  const { places } = markLexicon();
  const out: OrgMention[] = [];
  for (let i = 0; i < text.length; i++) {
    const len = names.longestAt(text, i);
    // Not where the name runs on into a generic word (教育部门); but 外交部长 is 外交部's 部长.
    if (!len || text[i + len] === '门' || (text[i + len] === '长' && !runsIntoPost(text, i + len)) || places.longestAt(text, i) > len) continue;
    const name = text.slice(i, i + len);
    const { full, system } = names.get(name)!;
    // A short form after a noun is a department of something else (安全|环保部 of a company; but
    // 召开|…, 上午|央行: no nouns).
    if (full !== name && markLexicon().nouns.endingAt(text, i, 3)) continue;
    // …and after a level word, a local body of the same kind (市对外友协 is the city's, not the national one).
    if (full !== name && /[省市县区州]/.test(text[i - 1] ?? '') && !/^(全国|中国|中华|中共|中央|国家)/.test(name)) continue;
    const contracted = runsIntoPost(text, i + len);
    out.push(orgMention({ start: i, end: i + len, text: name, resolved: full, system, whole: true, contracted }));
    i += len - 1;
  }
  return out;
}

/**
 * Whether the 和 at `at` joins two nouns in a committee's name (社会和法治委员会, 教育和文化委员会), not
 * two bodies (市委和市纪律检查委员会): a common word on each side that is no verb proper, the one
 * before it no body.
 */
function joinsNouns(text: string, at: number, suffix: string): boolean {
  if (text[at] !== '和' || !suffix.endsWith('委员会') || /[委府局部厅办院]/.test(text[at - 1] ?? '')) return false;
  return joinsTwoNouns(text, at);
}

/** Whether the 与 or 和 at `at` stands between two common words that are no verbs proper (规划与信息化). */
export function joinsTwoNouns(text: string, at: number): boolean {
  const { words, verbs } = markLexicon();
  const noun = (from: number, length: number) => words.valueAt(text, from, length) !== undefined && !verbs.valueAt(text, from, length);
  return [2, 3, 4].some((l) => at - l >= 0 && noun(at - l, l)) && [2, 3, 4].some((l) => noun(at + 1, l));
}

/**
 * Where a foreign ministry's name ending at `at` (before 部) starts: at a country right before its fields,
 * which may be joined by 和, 及 or 、 (印度尼西亚|妇女赋权和儿童保护|部); -1 when no country opens it.
 */
function foreignMinistryStart(text: string, at: number): number {
  let joined = false;
  for (let k = at - 2; k >= 0 && at - k <= 16; k--) {
    const ch = text[k];
    if (ch === '和' || ch === '及' || ch === '、') joined = true;
    // …not a list of bodies (奥地利司法部、外交部): no body's ending among its fields.
    else if (!isHan(ch) || STEM_STOP.has(ch) || /[部局委厅署院司]/.test(ch)) return -1;
    // Only a name with a joint needs this (a plain one is read as any other).
    const country = joined ? countryEndingAt(text, k) : -1;
    if (country >= 0 && (country === 0 || !isHan(text[country - 1]) || STEM_STOP.has(text[country - 1]))) return country;
  }
  return -1;
}

/** Whether a common noun starts at `at` and ends before `end` (经济|学院: 经 is no stop there, as it is in 经|批准). */
function opensNoun(text: string, at: number, end: number): boolean {
  const { nouns } = markLexicon();
  for (let length = Math.min(4, end - at); length >= 2; length--) if (nouns.valueAt(text, at, length)) return true;
  return false;
}

// What a company calls itself and its party unit in its own news (longest first, for the pattern).
const COMPANY_SELF = ['集团公司', '本集团', '本公司', '我公司', '集团', '公司'];
const COMPANY_PARTY_UNITS = ['党组', '党委'];
const COMPANY_WORDS = new RegExp([...COMPANY_SELF, ...COMPANY_PARTY_UNITS].join('|'), 'g');

/** 集团公司, 本公司, and 集团, 公司, 党组 or 党委 before a post, in a company's own news: the company itself (or its party unit). */
function companyWords(text: string, home: Home | null): OrgMention[] {
  if (!home?.local?.company) return [];
  const { postPhrases } = lexicon();
  const unitAt = (at: number) => COMPANY_PARTY_UNITS.some((u) => text.startsWith(u, at));
  return [...text.matchAll(COMPANY_WORDS)]
    .filter((m) => m[0].length > 2 || postPhrases.longestAt(text, m.index! + m[0].length) > 0 || unitAt(m.index! + m[0].length))
    .filter((m) => !isHan(text[m.index! - 1] ?? '') || /[，、。：；和与及的在由是]/.test(text[m.index! - 1]))
    .map((m) => orgMention({ start: m.index!, end: m.index! + m[0].length, text: m[0], resolved: '', system: 'other' }));
}

// What an institution's news calls it: a university 我校, 本校; a college also 我院, 本院, or 学院 before its
// own bodies and posts (学院党委书记X); a court, procuratorate or hospital its party unit 院党组, 院党委.
const CAMPUS_OWN = /我校|本校/g;
const COLLEGE_OWN = /我校|本校|我院|本院|(?<![\u4e00-\u9fff])学院(?=党委|党总支|院长|副院长|办公室)/g;
// …and a court's tribunal before its head's post (在官庄法庭|庭长), named after its place.
const COURT_OWN =
  /我校|本校|(?<![\u4e00-\u9fff])院(?:(?:党组|党委)(?!委员|成员)|(?=党组成员|党委委员))|(?:(?<![\u4e00-\u9fff])|(?<=[在到赴从由对和与及、]))(?![在到赴从由对和与及])[\u4e00-\u9fff]{2,4}?(?:人民)?法庭(?=(?:副)?庭长)/g;

function ownWords(local: NonNullable<Home['local']>): RegExp {
  if (local.college) return COLLEGE_OWN;
  return local.institution?.endsWith('院') ? COURT_OWN : CAMPUS_OWN;
}

// A campus of the university before its heads' posts (威海校区|常务副校长): a body of its own, the university's.
const CAMPUS_BEFORE_HEAD = /[\u4e00-\u9fff]{2}校区(?=(?:常务)?副?校长)/g;
// A university's affiliated hospitals as its news writes them (一附院, 附二院): its Nth affiliated hospital.
const AFFILIATED_HOSPITAL = /(?:([一二三四五六七八九])附院|附([一二三四五六七八九])院)/g;

/** 我校 and 本校 in a campus's news: the university itself (a college's and a court's words too, ownWords); its affiliated hospitals and campuses. */
function campusWords(text: string, home: Home | null): OrgMention[] {
  if (!home?.local?.institution) return [];
  const hospitals = /(大学|学院)$/.test(home.local.institution) ? [...text.matchAll(AFFILIATED_HOSPITAL)] : [];
  const campuses = /大学$/.test(home.local.institution) ? [...text.matchAll(CAMPUS_BEFORE_HEAD)] : [];
  // Whole: the tagger's cut of one (焰山人民法庭 for 火焰山人民法庭) does not win over it.
  return [...text.matchAll(ownWords(home.local)), ...hospitals, ...campuses].map((m) => orgMention({ start: m.index!, end: m.index! + m[0].length, text: m[0], resolved: '', system: 'other', whole: true }));
}

// 自治区 right before its chairman's post (自治区主席, 自治区常务副主席): the region's government, as 省 in 省长.
const REGION_CHAIR = /(?:(?<![\u4e00-\u9fff])|(?<=[，、。：；和与及的在由是]))自治区(?=(?:常务)?副?主席)/g;

/** 自治区 before 主席 in an autonomous region's news: its government. */
function regionWords(text: string, home: Home | null): OrgMention[] {
  if (!homeAt('省', home)?.endsWith(REGION_WORD)) return [];
  return [...text.matchAll(REGION_CHAIR)].map((m) => orgMention({ start: m.index!, end: m.index! + m[0].length, text: m[0], resolved: '', system: 'other', whole: true }));
}

/** All organizations in a text, the longest where they overlap, resolved against the home. */
export function findOrganizations(original: string, divisions: PlaceMention[], home: Home | null): OrgMention[] {
  // A banner's bodies are read as a county's (旗委 as 县委), then named as written.
  const text = bannerShadow(original, home);
  // (The outlet's own words before the endings': of two the same, theirs is kept, whole.)
  const all = [...namedBodies(text), ...campusWords(text, home), ...bodies(text, divisions, home), ...committees(text, divisions), ...bySuffix(text, divisions), ...companyWords(text, home), ...regionWords(text, home)];
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: OrgMention[] = [];
  // The characters kept mentions cover: a test costs a mention's length, not the mentions kept so far.
  const taken = new SpanCover(text.length);
  // A name read by its ending that cuts into a body known by name (人民法院|最高人民检察院 across 最高人民法院)
  // ran over where that body ends.
  const known = all.filter((m) => m.system === 'central' || m.system === 'named');
  const cutsKnown = (m: OrgMention) => m.system === 'other' && known.some((k) => m.start > k.start && m.start < k.end && m.end > k.end);
  for (const m of all) {
    const overlapsKept = m.start < m.end ? taken.overlaps(m) : kept.some((k) => m.start < k.end && k.start < m.end);
    if (overlapsKept || cutsKnown(m)) continue;
    kept.push(m);
    taken.add(m);
  }
  kept.sort((a, b) => a.start - b.start);
  if (text !== original) for (const m of kept) m.text = original.slice(m.start, m.end);
  for (const m of kept) if (m.system !== 'central' && m.system !== 'named') m.resolved = resolveOrg(m.text, home);
  return kept;
}

// 旗 as a level word before a level's bodies (旗委, 旗政府, 旗政协), not in a flag's name (红旗, 国旗, 党旗).
const BANNER_LEVEL = /(?<![红国党团彩锦军队升战会校])旗(?=委|纪委|政府|人民政府|人大|政协|长|直)/g;

/** The text with 旗 as a level word written 县, in a banner's own news (the same length: offsets hold). */
function bannerShadow(text: string, home: Home | null): string {
  return homeAt('旗', home) && text.includes('旗') ? text.replace(BANNER_LEVEL, '县') : text;
}
