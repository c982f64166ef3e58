/**
 * The document's context: the paper's home (for 市委, 我市, 来许) and the publication date (for dates
 * without a year). Given on the command line or by a record, or inferred from the text and said so.
 */
import { lexicon } from './lexicon/index.js';
import type { Division } from './lexicon/gazetteer.js';
import { inferLocalBodies } from './local-bodies.js';
import { inferYear } from './recognize/dates.js';
import { findDivisions, type Home, type PlaceMention } from './recognize/places.js';
import type { DocumentContext, Provenance } from './types.js';

/** A division named by a user (许昌, 许昌市, 长葛市, 湖北); cities before counties, a province when that is all. */
export function lookupHome(name: string): Home | null {
  const { byForm, quiet } = lexicon().gazetteer;
  const divisions = byForm.get(name.trim()) ?? quiet.get(name.trim());
  const d = divisions?.find((x) => x.level !== 'province') ?? divisions?.[0] ?? null;
  return d ? toHome(d) : null;
}

function toHome(d: Division): Home {
  return { division: d, abbreviation: (d.short ?? d.name)[0] };
}

// Municipalities are provinces in the gazetteer and cities to their papers (上海市委, 市委宣传部).
const MUNICIPALITY = /^(北京|天津|上海|重庆)市$/;

/**
 * The city or county a text names most often (at least twice): a local paper names its home
 * everywhere. Failing that, the one county, district or city it names while it speaks of 县委, 区长,
 * 全市…; failing that, the province it names most often (a provincial paper: 省委 is its province's).
 */
export function inferHome(divisions: PlaceMention[], text?: string): { home: Home; count: number } | null {
  const counts = new Map<Division, number>();
  for (const m of divisions) if (m.division) counts.set(m.division, (counts.get(m.division) ?? 0) + 1);
  const local = (d: Division) => d.level !== 'province' || MUNICIPALITY.test(d.name);
  let best: Division | null = null;
  let bestCount = 1;
  for (const [d, n] of counts) {
    if (!local(d)) continue;
    if (n > bestCount || (n === bestCount && best && d.level === 'city' && best.level === 'county')) [best, bestCount] = [d, n];
  }
  if (!best && text) best = onlyOneAtItsLevel(counts, text);
  if (best) return { home: toHome(best), count: counts.get(best)! };
  for (const [d, n] of counts) if (!local(d) && n > bestCount) [best, bestCount] = [d, n];
  return best ? { home: toHome(best), count: bestCount } : null;
}

// Words that show a paper speaks from a county, a district or a city.
const LEVEL_WORDS: [RegExp, (d: Division) => boolean][] = [
  [/县委|县长|县政府|县人大|县政协|全县|我县|本县/, (d) => d.level === 'county' && d.name.endsWith('县')],
  [/区委|区长|区政府|区人大|区政协|全区|我区|本区/, (d) => d.level === 'county' && d.name.endsWith('区')],
  [/市委|市长|市政府|市人大|市政协|全市|我市|本市/, (d) => d.level === 'city' || (d.level === 'county' && d.name.endsWith('市'))],
];

/** The one county (district, city) a text names once while it speaks of 县委, 区长, 全市…: its home. */
function onlyOneAtItsLevel(counts: Map<Division, number>, text: string): Division | null {
  for (const [words, fits] of LEVEL_WORDS) {
    if (!words.test(text)) continue;
    const named = [...counts.keys()].filter(fits);
    if (named.length === 1) return named[0];
  }
  return null;
}

export interface ContextInput {
  home?: string;
  /** The outlet's name (许昌日报, 东平县戴庙镇, 安徽大学新闻网): it may say which township or campus speaks. */
  source?: string;
  /** A national outlet (人民日报): an article of it never reads as its home's own paper. */
  national?: boolean;
  date?: string;
  homeFrom?: Provenance;
  dateFrom?: Provenance;
}

export interface ResolvedContext {
  out: DocumentContext;
  home: Home | null;
  /**
   * Whether the text reads as its home's own paper: the home was given (or came with the record), or
   * the text speaks of 我市, 全市, 本县… A national outlet's text does not.
   */
  local: boolean;
  /** The record comes from a national outlet (data/lang/national-outlets.txt). */
  national: boolean;
  /**
   * Whether the text comes from a named outlet below the national level (a city paper, a township's,
   * a university's or a company's site) or reads as its home's paper: there a place that opens a
   * body's name (江苏森工公司, 中共黄梅县委) is a place of the story.
   */
  regional: boolean;
  year: number | null;
  month: number | null;
  day: number | null;
}

/** The context of a text; `divisions` are its gazetteer matches when the caller has them already. */
export function resolveContext(text: string, input: ContextInput, divisions?: PlaceMention[]): ResolvedContext {
  const named = divisions ?? findDivisions(text);
  const notes: string[] = [];
  let home: Home | null = null;
  let homeFrom: Provenance = 'unknown';
  if (input.home) {
    home = lookupHome(input.home);
    if (home) homeFrom = input.homeFrom ?? 'given';
    else notes.push(`home "${input.home}" is no city or county in the gazetteer; inferring it instead`);
  }
  if (!home) {
    const inferred = inferHome(named, text);
    if (inferred) {
      home = inferred.home;
      homeFrom = 'inferred';
      notes.push(`home inferred as ${inferred.home.division!.name}: named ${inferred.count} time(s), the most of its level or the one its level words (县委, 全市…) point to`);
    } else notes.push('home unknown: no city or county is named twice; 市委, 我市 stay unresolved');
  }
  const localBodies = inferLocalBodies(input.source, text, home?.division ?? null, named);
  // A township's news with no city or county named: the township's county is the home.
  if (!home && localBodies.townshipCounty) {
    home = toHome(localBodies.townshipCounty);
    homeFrom = 'inferred';
    notes.push(`home inferred as ${localBodies.townshipCounty.name}: the county of ${localBodies.township}`);
  }
  if (home) home = { ...home, local: localBodies };
  else if (localBodies.township || localBodies.institution || localBodies.company) {
    // A township's or campus's site in no county the data makes one: its own bodies still resolve.
    home = { division: null, abbreviation: '', local: localBodies };
    notes.push(`home division unknown; speaks from ${localBodies.township ?? localBodies.institution ?? localBodies.company}`);
  }
  let date: string | null = null;
  let dateFrom: Provenance = 'unknown';
  if (input.date) {
    date = input.date;
    dateFrom = input.dateFrom ?? 'given';
  } else {
    const year = inferYear(text);
    if (year) {
      date = String(year);
      dateFrom = 'inferred';
      notes.push(`publication year inferred as ${year}: the latest year the text names`);
    } else notes.push('publication date unknown: dates without a year are left as XXXX-MM-DD');
  }
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const local = !input.national && home !== null && (homeFrom !== 'inferred' || [...lexicon().homeWords.keys()].some((w) => text.includes(w)));
  return {
    out: {
      home: home?.division?.name ?? null,
      homeProvince: home?.division?.province ?? null,
      date,
      provenance: { home: homeFrom, date: dateFrom },
      notes,
    },
    home,
    // A national outlet's article about a city resolves its 市委 there, but does not speak from it.
    local,
    national: !!input.national,
    regional: local || (!input.national && !!input.source),
    year: y || null,
    month: m || null,
    day: d || null,
  };
}
