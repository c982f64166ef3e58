/**
 * Places: administrative divisions from the gazetteer (新疆维吾尔自治区, 哈密, 东城区), venues by their
 * endings (曹魏古城, 鹿鸣湖体育公园, 市规划展览馆), and the words that stand for the paper's home
 * (我市, 全市, 来许).
 */
import { isHan } from '../chars.js';
import { lexicon } from '../lexicon/index.js';
import { WordScan } from '../lexicon/word-scan.js';
import type { Division } from '../lexicon/gazetteer.js';
import type { LocalBodies } from '../local-bodies.js';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  kind: PlaceKind;
  /** The division named (for divisions and home words), most prominent reading first. */
  division: Division | null;
  /** What a one-character abbreviation stands for (美 → 美国), divisions or not; null for other places. */
  full: string | null;
}

export type PlaceKind = 'division' | 'township' | 'venue' | 'settlement' | 'home' | 'abbreviation';

/**
 * A place mention. Every one is made here, with all its fields in one order, so that all have one
 * shape (see entitySpan in ../ner/labels.ts).
 */
export function placeMention(start: number, end: number, text: string, kind: PlaceKind, division: Division | null, full: string | null = null): PlaceMention {
  return { start, end, text, kind, division, full };
}

/** A place mention with the canonical name the article reports it by (the pipeline's). */
export interface NamedPlace extends PlaceMention {
  name: string;
}

/** A named place mention, of one shape as placeMention's are. */
export function namedPlace(p: PlaceMention, name: string): NamedPlace {
  const { start, end, text, kind, division, full } = p;
  return { start, end, text, kind, division, full, name };
}

/** The paper's home, when known: a city or county division, and its province. */
export interface Home {
  /** Null for a township's or a campus's site whose county no data makes one (its local bodies still resolve 镇党委, 校长). */
  division: Division | null;
  /** One-character abbreviation used in 来许, 在许, 赴许. */
  abbreviation: string;
  /** The township, county, university or college the article speaks from (src/extract/local-bodies.ts). */
  local?: LocalBodies;
}

// The last character of a verb of going or being before a zone named alone (到, 在, 赴, 来到, 深入, 走进).
const ZONE_VERB = /[到在赴至于进入驻]/;

// Characters that never begin a venue's proper name: verbs of motion, prepositions, particles.
const VENUE_STOP = new Set([...'在到往赴于从由向对把和与及的是了为等去来至以将被让使给率、，。：；“”（）《》 ']);

/** Gazetteer matches: longest form at each position, skipping forms glued inside a longer Han word. */
// What makes the place before it a road's name: a road word, after a direction or not.
const ROAD_AFTER = /^[东西南北中]?(路|大街|大道)/;

export function findDivisions(text: string): PlaceMention[] {
  const { forms, lengthsByFirstChar } = lexicon().gazetteer;
  const out: PlaceMention[] = [];
  // Every form has two characters or more.
  for (let i = 0; i < text.length - 1; i++) {
    let length = forms.longestAt(text, i);
    if (length === 0) {
      const county = quietCountyAt(text, i);
      if (county) {
        out.push(placeMention(i, i + 2, county.name, 'division', county));
        i += 1;
      }
      continue;
    }
    const form = text.slice(i, i + length);
    // A form that ends the text is given the length of the longest form with its first character
    // (北京 at the end, where 北京市 is a form, ends past the text): the scan by lengths this replaced
    // did so, and the output stays the same.
    if (i + length === text.length) length = lengthsByFirstChar.get(text[i])![0];
    // A place's name opening a road's (南京东路, 北京路, 长安大街) names the road, not the place.
    if (!ROAD_AFTER.test(text.slice(i + length, i + length + 3))) out.push(placeMention(i, i + length, form, 'division', forms.get(form)![0]));
    i += length - 1;
  }
  return out;
}

// What after a county's name makes it one: its own bodies (莘县委, 莘县人民政府, 莘县县委).
const COUNTY_BODY_AFTER = /^县?(委|人民政府|政府|人大|政协|纪委)/;

/**
 * A two-character county the gazetteer keeps quiet (莘县, 沛县: often inside other words) where the text
 * shows it is one: before one of its townships (莘县|王奉镇) or its own bodies (莘县|委).
 */
function quietCountyAt(text: string, at: number): Division | null {
  // Not a conjunction or preposition before a level's body (县政协和|县政协, 在|县委).
  if (text[at + 1] !== '县' || (/[和与及在对向从为于把被同]/.test(text[at]) && isHan(text[at - 1]))) return null;
  const { gazetteer, townships } = lexicon();
  const counties = gazetteer.quiet.get(text.slice(at, at + 2));
  if (!counties) return null;
  if (COUNTY_BODY_AFTER.test(text.slice(at + 2, at + 6))) return counties.length === 1 ? counties[0] : null;
  for (const ending of ['镇', '乡', '街道']) {
    const end = text.indexOf(ending, at + 3);
    if (end < 0 || end > at + 8) continue;
    const codes = townships.get(text.slice(at + 2, end + ending.length));
    const county = codes && counties.find((c) => codes.includes(c.code));
    if (county) return county;
  }
  return null;
}

// Towns, townships and subdistricts end so (青山镇, 城西乡, 仓前街道).
const TOWNSHIP_ENDINGS = ['街道', '镇', '乡'];

/** Towns, townships and subdistricts the gazetteer lists, by their full names: the longest ending at each 镇, 乡, 街道. */
export function findTownships(text: string): PlaceMention[] {
  const { townships } = lexicon();
  const out: PlaceMention[] = [];
  for (const ending of TOWNSHIP_ENDINGS) {
    for (let at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + 1)) {
      const end = at + ending.length;
      for (let len = Math.min(8, end); len >= ending.length + 2; len--) {
        const name = text.slice(end - len, end);
        if (!townships.has(name)) continue;
        out.push(placeMention(end - len, end, name, 'township', null));
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// Townships listed by their names alone before their number and level (向阳、洄水、瓦庙、汉王四镇).
const LISTED_TOWNSHIPS = /((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})([两二三四五六七八九十])个?(镇|乡)/g;
const COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Each township of such a list, where as many are listed as counted and every one is a township by that name. */
export function listedTownships(text: string): PlaceMention[] {
  const { townships } = lexicon();
  const out: PlaceMention[] = [];
  for (const m of text.matchAll(LISTED_TOWNSHIPS)) {
    const names = m[1].split('、');
    const level = m[3];
    if (names.length !== COUNT[m[2]] || !names.every((n) => townships.has(n + level))) continue;
    let at = m.index!;
    for (const n of names) {
      out.push(placeMention(at, at + n.length, n + level, 'township', null));
      at += n.length + 1;
    }
  }
  return out;
}

// The venue endings, looked for in one pass (the lexicon never changes).
let venueScan: WordScan | null = null;

/** Venues: a proper name of one to six characters before a venue ending (曹魏古城, 中央公园). */
export function findVenues(text: string, home: Home | null, nounsOnly: (from: number, to: number) => boolean = () => false): PlaceMention[] {
  venueScan ??= new WordScan(lexicon().venueSuffixes);
  const out: PlaceMention[] = [];
  // In reading order (a zone listed after another follows it), the longer ending first where two start together.
  const words = venueScan.words;
  const found = [...venueScan.occurrences(text)].sort((a, b) => a.at - b.at || words[b.word].length - words[a.word].length);
  for (const { word, at } of found) {
    const suffix = words[word];
    if (out.some((v) => at >= v.start && at < v.end)) continue;
    let start = at;
    while (start > 0 && at - start < 6 && isHan(text[start - 1]) && !VENUE_STOP.has(text[start - 1])) start--;
    // A longer name (马踏溪中药材特色产业园) runs back to a stop within ten characters; without one, six are kept.
    if (at - start === 6) {
      let far = start;
      while (far > 0 && at - far < 10 && isHan(text[far - 1]) && !VENUE_STOP.has(text[far - 1])) far--;
      if ((far === 0 || !isHan(text[far - 1]) || VENUE_STOP.has(text[far - 1])) && nounsOnly(far, start)) start = far;
    }
    if (start === at) {
      // 到高新区调研, 在经开区、高新区: a zone named by its ending alone, after a verb of going or
      // being, or listed after such a zone.
      const previous = out[out.length - 1];
      const listed = text[at - 1] === '、' && previous?.end === at - 1 && lexicon().venuesAlone.has(previous.text);
      if (lexicon().venuesAlone.has(suffix) && (ZONE_VERB.test(text[at - 1] ?? '') || listed)) {
        out.push(placeMention(start, at + suffix.length, suffix, 'venue', null));
      }
      continue;
    }
    // A division at the front is a place of its own (东城区 | 鹿鸣湖体育公园); 市 alone means the home city.
    let name = text.slice(start, at + suffix.length);
    const divisions = findDivisions(name);
    const lead = divisions.find((d) => d.start === 0);
    if (lead && lead.end < name.length - suffix.length && /[区县市省]$/.test(lead.text)) {
      start += lead.end;
      name = text.slice(start, at + suffix.length);
    } else if (!lead) {
      // A division inside the stem after a dateline's end or a level word opens the venue's name (…日讯|北京工人体育场,
      // 省|五台县战斗遗址); elsewhere a division inside a name is the name's (孙中山故居).
      const inner = divisions.find((d) => d.kind === 'division' && d.start > 0 && d.end <= name.length - suffix.length && /[讯电省市县区]/.test(name[d.start - 1]));
      if (inner) {
        start += inner.start;
        name = text.slice(start, at + suffix.length);
      }
    }
    // A level word alone before the ending (市体育馆, 县宾馆) is the home's own venue.
    if (name.length - suffix.length < 2 && !(/^[市县区]/.test(name) && home) && !lexicon().venuesAlone.has(suffix)) continue;
    out.push(placeMention(start, at + suffix.length, name, 'venue', null));
  }
  return out;
}

const comingToHome = new Map<string, RegExp>();

/** 来许, 在许考察…: a verb of coming or staying before the home's one-character abbreviation (made once an abbreviation). */
function comingTo(abbreviation: string): RegExp {
  let re = comingToHome.get(abbreviation);
  if (!re) comingToHome.set(abbreviation, (re = new RegExp(`[来在赴抵离返回]${abbreviation}(?=[^\\u4e00-\\u9fff]|考察|调研|期间|参观|交流|访问|工作|后|时)`, 'g')));
  return re;
}

// The home words, looked for in one pass (the lexicon never changes).
let homeWordScan: { scan: WordScan; levels: string[] } | null = null;

/**
 * 我市, 全市, 来许, 在许, and a county's stem (宿松): the paper's home; 我省, and 全省 naming a meeting: its
 * province. `isWord` says which stems are common words (通道), which are not looked for.
 */
export function findHomeWords(text: string, home: Home | null, isWord: (w: string) => boolean): PlaceMention[] {
  if (!home?.division) return [];
  const { homeWords } = lexicon();
  homeWordScan ??= { scan: new WordScan([...homeWords.keys()]), levels: [...homeWords.values()] };
  const { scan, levels } = homeWordScan;
  const out: PlaceMention[] = [];
  const province = provinceOf(home.division);
  for (const { word, at } of scan.occurrences(text)) {
    const form = scan.words[word];
    // (我市, 全市 in a county-level city's paper, 定州市's, name it too.)
    const level = levels[word] === 'city' && home.division.level === 'county' && home.division.name.endsWith('市') ? 'county' : levels[word];
    if (level === home.division.level) out.push(placeMention(at, at + form.length, form, 'home', home.division));
    // A city's or county's paper writes its own province 我省; 全省 names it in a meeting's or a body's name
    // (全省农业工作会议), and is a scope elsewhere (在全省排名).
    else if (levels[word] === 'province' && province && (form !== '全省' || PROVINCE_MEETING.test(text.slice(at + 2, at + 20)))) {
      out.push(placeMention(at, at + form.length, form, 'home', province));
    }
  }
  // A county's own news names it by its stem (宿松 for 宿松县), which the gazetteer leaves out; not where the
  // stem is a common word (通道: `isWord`).
  const stem = home.division.level === 'county' ? stemOf(home.division.name) : '';
  if (stem.length >= 2 && !lexicon().gazetteer.byForm.has(stem) && !isWord(stem)) {
    for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + stem.length)) {
      if (!text.startsWith(home.division.name, at)) out.push(placeMention(at, at + stem.length, stem, 'home', home.division));
    }
  }
  // Most texts never write the abbreviation: no need to run the pattern over them.
  const written = text.includes(home.abbreviation);
  for (const m of written ? text.matchAll(comingTo(home.abbreviation)) : []) {
    out.push(placeMention(m.index! + 1, m.index! + 2, home.abbreviation, 'home', home.division));
  }
  return out;
}

/** The province a city or county lies in (a municipality's districts: the municipality); null for a province. */
function provinceOf(d: Division): Division | null {
  if (d.level === 'province') return null;
  return lexicon().gazetteer.byForm.get(d.province)?.find((p) => p.level === 'province') ?? null;
}

// What 全省 opens when it names the province: a meeting of it (全省教育工作视频会议精神).
const PROVINCE_MEETING = /^[^，。；、！？\n]{0,14}?(会议|大会|工作会|座谈会|推进会|现场会)/;

/** A division's name without its level (黄梅县 → 黄梅, 长葛市 → 长葛). */
const stemOf = (name: string): string => name.replace(/[县市区旗]$/, '');

/**
 * The forms a home's own paper writes it in: its name, its short form, and for a county the stem
 * without 县, 市 or 区 (黄梅 for 黄梅县), which the gazetteer leaves out because many are words.
 */
export function homeForms(home: Home | null): Set<string> {
  if (!home?.division) return new Set();
  const { name, short } = home.division;
  const stem = stemOf(name);
  return new Set([name, ...(short ? [short] : []), ...(stem.length >= 2 ? [stem] : [])]);
}

/** The canonical name of a place as written, the home's forms included. */
export function canonicalPlaceAt(home: Home | null): (surface: string) => string {
  const forms = homeForms(home);
  return (surface) => (forms.has(surface) ? home!.division!.name : canonicalPlace(surface));
}

/** A place word's canonical name: the division a gazetteer form names (北京 → 北京市), else itself. */
export function canonicalPlace(surface: string): string {
  const { byForm } = lexicon().gazetteer;
  const named = byForm.get(surface)?.[0].name;
  if (named) return named;
  // An autonomous prefecture written short with its 州 (甘孜州 for 甘孜藏族自治州).
  const prefecture = surface.endsWith('州') ? byForm.get(surface.slice(0, -1))?.find((d) => d.name.endsWith('自治州')) : undefined;
  return prefecture?.name ?? surface;
}
