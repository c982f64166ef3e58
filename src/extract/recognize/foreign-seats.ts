/**
 * Foreign cities, prefectures and states named with their level (日本大分市, 美国新泽西州, 旧金山市):
 * places of the story, and the seats whose governments their mayors and governors head — never the
 * paper's home's (大分市市长 is no 市长 of 武汉).
 *
 * A seat is a name of two to five characters between a country and a level character (日本|大分|市),
 * or a foreign city or region the world list knows, with its level character (旧金山|市); every later
 * mention of the same seat (大分市) counts too.
 */
import { lexicon, readTable } from '../lexicon/index.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { placeMention, type PlaceMention } from './places.js';

let world: { countries: Set<string>; seats: Set<string> } | null = null;

/** The world list's countries (but China's own names) and its cities and regions, read once. */
function worldLists(): { countries: Set<string>; seats: Set<string> } {
  if (!world) {
    const rows = readTable('world-places.txt');
    const named = (kinds: string[]) => new Set(rows.filter(([, kind]) => kinds.includes(kind)).map(([name]) => name));
    const countries = named(['country']);
    for (const china of ['中国', '中华人民共和国']) countries.delete(china);
    world = { countries, seats: named(['city', 'region']) };
  }
  return world;
}

// The level characters a foreign seat is written with (市 of a city, 县 of a Japanese prefecture, 州 of a state).
const isLevel = (ch: string) => ch === '市' || ch === '县' || ch === '州';

/** Where a country's name (the world list's, but China's own) ending at `end` starts; -1 when none. */
export function countryEndingAt(text: string, end: number): number {
  const { countries } = worldLists();
  for (let length = 6; length >= 2; length--) if (end - length >= 0 && countries.has(text.slice(end - length, end))) return end - length;
  return -1;
}

/** The foreign seats of a text, in order. */
export function findForeignSeats(text: string): PlaceMention[] {
  const names = new Set<string>();
  for (let at = 0; at < text.length; at++) {
    if (!isLevel(text[at])) continue;
    const name = seatEndingAt(text, at + 1);
    if (name) names.add(name);
  }
  if (names.size === 0) return [];
  const out: PlaceMention[] = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      out.push(placeMention(at, at + name.length, name, 'division', null, name));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// What after a level character makes it a word of its own (市场, 市民, 市区, 市政 but not 市政府).
const NOT_A_SEAT_AFTER = /^([场民区内郊面值价况井容镇]|政(?!府))/;

/** Whether a known place of two or more characters starts in text[from, to) (a gazetteer or world list form; not 俄 of 俄亥俄). */
function placeInside(text: string, from: number, to: number): boolean {
  const { places } = markLexicon();
  for (let k = from; k < to; k++) if (places.longestAt(text, k) > 1) return true;
  return false;
}

const STOP = /[^\u4e00-\u9fff]|[在和与及的是了对向从把被为等到]/;

/** Whether a common word of two or more characters lies wholly in text[from, to). */
function wordInside(text: string, from: number, to: number): boolean {
  const { words } = markLexicon();
  for (let k = from; k < to - 1; k++) {
    const word = words.longestAt(text, k);
    if (word >= 2 && k + word <= to) return true;
  }
  return false;
}

/** The seat whose level character ends at `end` (…日本大分市|), or null. */
function seatEndingAt(text: string, end: number): string | null {
  const { seats } = worldLists();
  const { gazetteer } = lexicon();
  const { words, places } = markLexicon();
  const levelAt = end - 1;
  // The 市 of 市长 after a seat's own (大分市|市长) is no second seat; a market (股市, 汇市, 市场) or a
  // word (城市, 市民) is none.
  if (isLevel(text[levelAt - 1] ?? '') || NOT_A_SEAT_AFTER.test(text.slice(end, end + 2))) return null;
  if (words.valueAt(text, levelAt - 1, 2) !== undefined) return null;
  for (let length = 2; length <= 5 && levelAt - length >= 0; length++) {
    const stemStart = levelAt - length;
    const name = text.slice(stemStart, end);
    // Not a division of China (the gazetteer's), nor a common word (城市, 都市).
    if (gazetteer.byForm.has(name) || gazetteer.byForm.has(name.slice(0, -1)) || words.valueAt(text, stemStart, length + 1) !== undefined) return null;
    // A name, not a phrase: no stop and no common word inside (日本|企业在本|市).
    if (STOP.test(name.slice(0, -1)) || wordInside(text, stemStart, levelAt)) return null;
    if (seats.has(name.slice(0, -1))) return name;
    // A stem holding a known place is a phrase about it (兰州|伯塞达市), not a seat's name.
    if (placeInside(text, stemStart, levelAt)) continue;
    // …after a whole country, not the end of a longer name (印度|尼西亚).
    const country = countryEndingAt(text, stemStart);
    if (country >= 0 && places.longestAt(text, country) === stemStart - country) return name;
  }
  return null;
}
