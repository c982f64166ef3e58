/**
 * Administrative divisions as the graph needs them: the division a name starts with
 * (许昌市公安局 → 许昌市) and the chain of divisions enclosing one (哈密市 → 新疆维吾尔自治区).
 */
import type { Division } from '../extract/lexicon/gazetteer.js';
import { lexicon } from '../extract/lexicon/index.js';

/** The division with this full name; among namesakes, the one in `province` if given, else the most prominent. */
export function divisionByName(name: string, province?: string | null): Division | null {
  const { byForm, quiet } = lexicon().gazetteer;
  const list = (byForm.get(name) ?? quiet.get(name))?.filter((d) => d.name === name);
  if (!list?.length) return null;
  return list.find((d) => d.province === province) ?? list[0];
}

/**
 * The division a name begins with, longest match first: 中共许昌市委宣传部 → 许昌市,
 * 新疆维吾尔自治区哈密市 → 哈密市 (the most specific division named at the start).
 * Short forms count only for provinces and cities (新疆, 哈密), as in the recognizer.
 */
export function leadingDivision(name: string, province?: string | null): Division | null {
  let rest = name.replace(/^中共/, '');
  let found: Division | null = null;
  // Nested prefixes (省 then 市 then 县) each narrow the division.
  for (;;) {
    const step = divisionAtStart(rest, found, province);
    if (!step) return found;
    found = step.division;
    rest = rest.slice(step.length);
    province = found.province;
  }
}

/** The longest form at the start of `rest` naming a division inside `found` (in `province` if it can); a quiet county (房县) last. */
function divisionAtStart(rest: string, found: Division | null, province?: string | null): { division: Division; length: number } | null {
  const { byForm, quiet, lengthsByFirstChar } = lexicon().gazetteer;
  const pick = (list: Division[] | undefined) => {
    const inside = list?.filter((d) => !found || d.province === found.province) ?? [];
    return inside.find((d) => d.province === province) ?? inside[0] ?? null;
  };
  for (const length of lengthsByFirstChar.get(rest[0]) ?? []) {
    const division = length < rest.length ? pick(byForm.get(rest.slice(0, length))) : null;
    if (division) return { division, length };
  }
  const division = rest.length > 2 ? pick(quiet.get(rest.slice(0, 2))) : null;
  return division ? { division, length: 2 } : null;
}

/** The divisions enclosing `d`, nearest first (a county's city, then its province). */
export function enclosingDivisions(d: Division): Division[] {
  const out: Division[] = [];
  if (d.level === 'county' && d.city && d.city !== d.name && d.city !== d.province) {
    const city = divisionByName(d.city, d.province);
    if (city) out.push(city);
  }
  if (d.level !== 'province' && d.province !== d.name) {
    const province = divisionByName(d.province, d.province);
    if (province) out.push(province);
  }
  return out;
}
