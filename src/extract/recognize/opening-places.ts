/**
 * Places that open a body's name: 江苏|森工公司, 美国|中部华盛顿大学, 中共|黄梅县|委. In a regional
 * outlet's story such a place is a place of the story as written; a national outlet's 北京军区 is not
 * (the caller decides which outlets read so).
 */
import { lexicon } from '../lexicon/index.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import type { OrgMention } from './organizations.js';
import { placeMention, type Home, type PlaceMention } from './places.js';

// Place-word kinds (src/extract/ner/lexicon-marks.ts) that name one place: a division, its short form,
// a foreign country or city. Regions, rivers and mountains open names as attributes (长江日报, 华中…).
const NAMING_KINDS = new Set([1, 2, 3]);

/**
 * Whether the home opens a society's or association's name (许昌市长跑运动协会): such a body is named
 * for the city it is registered in, which the story does not thereby name as a place of its own.
 */
export function registeredForHome(o: Pick<OrgMention, 'system' | 'text'>, place: string | undefined, home: Home | null): boolean {
  return o.system === 'other' && o.text.endsWith('会') && place === home?.division?.name;
}

/** The place word each body's name opens with, when the name goes on past it. */
export function placesOpeningBodies(text: string, bodies: OrgMention[], home: Home | null): PlaceMention[] {
  const { places } = markLexicon();
  const { byForm } = lexicon().gazetteer;
  const out: PlaceMention[] = [];
  for (const o of bodies) {
    const at = text.startsWith('中共', o.start) ? o.start + 2 : o.start;
    const n = places.longestAt(text, at);
    if (n < 2 || at + n >= o.end) continue;
    const word = text.slice(at, at + n);
    if (!NAMING_KINDS.has(places.get(word) ?? 0)) continue;
    const division = byForm.get(word)?.[0] ?? null;
    if (division && registeredForHome(o, division.name, home)) continue;
    out.push(placeMention(at, at + n, word, division ? 'division' : 'venue', division));
  }
  return out;
}
