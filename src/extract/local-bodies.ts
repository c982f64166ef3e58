/**
 * The bodies an article speaks from below its home division, which its bare posts and level words
 * name: the township of a township's news (镇长, 镇党委 → 戴庙镇人民政府, 戴庙镇党委), the district or
 * county of a city's page that reports on one (区委 → 中共丰南区委), the university or college of
 * a campus site (校长 → 安徽大学, 院长 → 青岛科技大学机电工程学院), and the company of a company's own
 * site (集团公司, 董事长 → 中国建筑集团有限公司). Read from the outlet's name first, then from what the
 * text names.
 */
import { lexicon } from './lexicon/index.js';
import type { Division } from './lexicon/gazetteer.js';
import { findDivisions, findTownships, type PlaceMention } from './recognize/places.js';

export interface LocalBodies {
  /** The township (…镇, …乡) the article speaks from. */
  township: string | null;
  /** The county of that township, when the gazetteer and what the article names make it one. */
  townshipCounty: Division | null;
  /** The county or district of the home city the article speaks from, for 县委, 区长. */
  county: Division | null;
  /** The university (or college, 学院) the article speaks from, for 校长, 我校. */
  institution: string | null;
  /** The school of that university the article speaks from, for 院长, 学院党委. */
  college: string | null;
  /** The company an outlet of its own speaks for (中国建筑集团有限公司), for 集团公司, 董事长. */
  company: string | null;
}



// Words of a township's own voice (镇党委, 乡长, 全镇), of a county's or district's, and of a campus.
const TOWNSHIP_WORDS = /([镇乡])(党委|长|政府|人大|班子|党政|纪委)|全[镇乡]|我[镇乡]|本[镇乡]/;
const COUNTY_WORDS: [RegExp, string][] = [
  [/县委|县长|县政府|县人大|县政协|全县|我县|本县/, '县'],
  [/区委|区长|区政府|区人大|区政协|全区|我区|本区/, '区'],
];
// A township's name in an outlet's name, once the divisions are cut out of it (东平县|戴庙镇).
const TOWNSHIP_NAME = /[\u4e00-\u9fff]{2,4}?[镇乡](?![政府人党])/;
// An institution in an outlet's name: a research institute (中国科学院|化学研究所: the institute, not
// its academy), a hospital (a maternity and child care hospital, 妇幼保健院, or a township's 卫生院), a
// university or college and a school inside it (青岛科技大学|机电工程学院), a court or a procuratorate.
const INSTITUTIONS = [
  /[\u4e00-\u9fff]{2,16}?(?:研究所|研究院)/,
  /[\u4e00-\u9fff]{2,20}?(?:医院|保健院|卫生院)/,
  /[\u4e00-\u9fff]{2,12}?(?:大学|学院)/,
  // A court or procuratorate (鄂州市中级人民法院网站).
  /[\u4e00-\u9fff]{2,12}?(?:人民法院|人民检察院)/,
];
// A company as the whole of an outlet's name (中国建筑集团有限公司, 某某股份有限公司).
const COMPANY = /^[\u4e00-\u9fff]{2,20}?(?:集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|集团)$/;

/** An outlet's own name, without a note in brackets after it (山东某某集团 (某某.com, 集团动态)). */
function outletName(outlet: string): string {
  return outlet.replace(/\s*[（(][^（()）]*[）)]\s*$/, '').trim();
}

/** The township an outlet's name or the text speaks from. */
function township(source: string, text: string): string | null {
  const listed = findTownships(source).find((t) => /[镇乡]$/.test(t.text));
  if (listed) return listed.text;
  const rest = findDivisions(source).reduceRight((s, d) => s.slice(0, d.start) + '|' + s.slice(d.end), source);
  const named = TOWNSHIP_NAME.exec(rest)?.[0];
  if (named) return named;
  if (!TOWNSHIP_WORDS.test(text)) return null;
  // The one township the text names by a name the gazetteer lists, or that opens the story (X镇召开).
  const inText = new Set(findTownships(text).map((t) => t.text).filter((t) => /[镇乡]$/.test(t)));
  if (inText.size === 1) return [...inText][0];
  const opening = /^[^。]*?([\u4e00-\u9fff]{2,3}[镇乡])(召开|举行|举办|开展|组织)/.exec(text)?.[1];
  return opening && !lexicon().gazetteer.byForm.has(opening) ? opening : null;
}

/** The one county or district of the home city the text names, when it speaks of 县委, 区长…. */
function county(text: string, named: Division[], home: Division | null): Division | null {
  if (!home || home.level !== 'city') return null;
  for (const [words, level] of COUNTY_WORDS) {
    if (!words.test(text)) continue;
    const counties = new Set(named.filter((d) => d.level === 'county' && d.city === home.name && d.name.endsWith(level)));
    if (counties.size === 1) return [...counties][0];
  }
  return null;
}

/** The county a township is in: the only one with a township so named, or the one the divisions named point to. */
function countyOf(name: string, named: Division[]): Division | null {
  const { townships, gazetteer } = lexicon();
  const candidates = (townships.get(name) ?? []).flatMap((code) => gazetteer.byCode.get(code) ?? []);
  if (candidates.length <= 1) return candidates[0] ?? null;
  const names = new Set(named.map((d) => d.name));
  const fits = candidates.filter((d) => names.has(d.name) || (d.city && names.has(d.city)) || names.has(d.province));
  return fits.length === 1 ? fits[0] : null;
}

/** `divisions` are the text's gazetteer matches (findDivisions), when the caller has them already. */
export function inferLocalBodies(source: string | undefined, text: string, home: Division | null, divisions: PlaceMention[] = findDivisions(text)): LocalBodies {
  const outlet = source ?? '';
  const institution = INSTITUTIONS.map((re) => re.exec(outlet)?.[0]).find((name) => name !== undefined) ?? null;
  const after = institution ? outlet.slice(outlet.indexOf(institution) + institution.length) : '';
  const school = institution?.endsWith('大学') ? /^[\u4e00-\u9fff]{1,10}?学院/.exec(after)?.[0] : undefined;
  const seat = institution ? null : township(outlet, text);
  const divisionsOf = (ms: PlaceMention[]) => ms.flatMap((m) => (m.division ? [m.division] : []));
  const inText = divisionsOf(divisions);
  return {
    township: seat,
    townshipCounty: seat ? countyOf(seat, [...divisionsOf(findDivisions(outlet)), ...inText]) : null,
    county: county(text, inText, home),
    institution,
    college: school ? institution + school : null,
    company: institution ? null : (COMPANY.exec(outletName(outlet))?.[0] ?? null),
  };
}
