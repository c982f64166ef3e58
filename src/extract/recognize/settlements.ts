/**
 * Villages, urban communities and roads by their endings (美虹社区, 孟垓村, 乌兰嘎查, 中兴路): local news
 * names them everywhere, and no gazetteer lists them. A name counts only where the context shows one: in a list of
 * such names (孟垓村、前张庄村), right after its township or subdistrict (南大街街道金色新城社区), or after
 * a verb of going (走访了美虹社区, 来到唐屋村). Elsewhere 社区 and 村 are mostly common nouns
 * (一批社区, 推进乡村振兴).
 */
import { isHan } from '../chars.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { placeMention, type PlaceMention } from './places.js';

// The endings, and what after them shows a word of its own (村民, 村委, 社区服务) rather than a name.
// A village's committee or party branch names the village too (唐屋村|委会).
const ENDINGS = /(社区|嘎查|村)(?:(?=委会|党支部|党总支|党委|两委)|(?![民委级干里务两组集落庄部长支主居服工社村]))|(大道|路)(?![线口径上面程费况子段边旁灯网基况街])/g;
// What stands right before a name the context vouches for.
const AFTER_TOWNSHIP = /(街道|[镇乡县])$/;
const AFTER_GOING = /(走访了?|来到|到达|前往|深入|赴|到|在|沿着?|途经|经过|察看了?|调研了?)$/;
// What a name never opens with: numerals, measure words, determiners (一批社区, 各村, 全村).
const NOT_OPENING = /^(一[批个些套]|[几两][个批]|[个批套些全各本该每驻农乡城市县区省])/;

/** Whether what stands right before `at` vouches for a name starting there (the longest cue is 4 characters). */
const vouchedAt = (text: string, at: number) => {
  const before = text.slice(Math.max(0, at - 4), at);
  return AFTER_TOWNSHIP.test(before) || AFTER_GOING.test(before);
};

/** The start moved past a common word opening the stem, then past verbs and other words that open no name. */
function pastWordsBefore(text: string, start: number, at: number): number {
  const { words, notNames } = markLexicon();
  const first = words.longestAt(text, start);
  if (first > 0 && at - (start + first) >= 2) return start + first;
  for (let k = start + 1; k < at - 2; k++) {
    const word = words.longestAt(text, k);
    if (word > 0 && at - (k + word) >= 2 && notNames.valueAt(text, k, word)) return k + word;
  }
  return start;
}

export function findSettlements(text: string): PlaceMention[] {
  const { words } = markLexicon();
  const found: { start: number; end: number; list: boolean; vouched: boolean }[] = [];
  for (const m of text.matchAll(ENDINGS)) {
    const at = m.index!;
    let start = at;
    while (start > 0 && at - start < 5 && isHan(text[start - 1]) && !vouchedAt(text, start)) start--;
    const vouched = vouchedAt(text, start);
    // A word that runs into the first name of a list is no part of it (介绍|孟垓村、…), nor a verb
    // or pronoun before it while two characters stay (他介绍|孟垓村).
    if (!vouched) start = pastWordsBefore(text, start, at);
    const stem = text.slice(start, at);
    // Not a kind of village (贫困|山村, 特困村): a common word before a word for a village.
    const tail = text.slice(at - 1, at + m[0].length);
    // …nor a word for roads in general (公路, 铁路).
    const kind = (words.get(tail) && words.get(stem.slice(0, -1))) || (m[0] !== '村' && m[0] !== '社区' && words.get(tail));
    if (stem.length < 2 || NOT_OPENING.test(stem) || stem.includes('的') || (m[0] === '村' && /村$|嘎查$/.test(stem)) || kind) continue;
    const end = at + m[0].length;
    // A verb or any common word before 村 names nothing (召开村“两委”, 派驻村), but in a list of names;
    // communities are often named with common words (明珠社区, 光明社区).
    const list = text[start - 1] === '、' || text[end] === '、' || (start > 0 && !isHan(text[start - 1]) && text[end] === '等');
    if (m[0] === '村' && words.get(stem) && !list) continue;
    found.push({ start, end, list, vouched });
  }
  // A list item is a name when its neighbour in the list is one too (孟垓村、前张庄村): two or more.
  return found
    .filter((f, i) => f.vouched || (f.list && found.some((g, j) => j !== i && g.list && (g.end + 1 === f.start || f.end + 1 === g.start))))
    .map(({ start, end }) => placeMention(start, end, text.slice(start, end), 'settlement', null));
}
