/**
 * The rank (级别) of a post: from its title and the level and kind of its organization, by the rules
 * of data/lang/ranks.tsv (whose header gives the sources). 副市长 of 许昌市人民政府 → 副厅级; 局长 of
 * 许昌市公安局 → 正处级; 镇长 of a township → 正科级. A post no rule covers (a company's 经理, a
 * committee's 委员) has no rank: null, shown as "unknown", never guessed.
 */
import type { Division } from '../extract/lexicon/gazetteer.js';
import { readTable } from '../extract/lexicon/index.js';
import { isCentralBody } from './central-bodies.js';
import { divisionByName, leadingDivision } from './divisions.js';
import { isRank, RANKS, rankOrder, type Rank } from './rank-order.js';

export { isRank, RANKS, rankOrder, type Rank };

type Level = 'national' | 'province' | 'sub-provincial' | 'city' | 'county' | 'township';
type Body = 'committee' | 'discipline' | 'government' | 'congress' | 'cppcc' | 'court' | 'procuratorate' | 'department' | 'township';

interface RankRules {
  levels: Map<Level, number>;
  bodies: Map<Body, { title: RegExp; steps: number }[]>;
  posts: { organization: (org: string) => boolean; title: RegExp; rank: Rank }[];
  titles: Map<string, Rank>;
  subProvincial: Set<string>;
  universities: Map<string, Rank>;
}

/** `*` in a table's pattern stands for any characters. */
const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

function rank(s: string, line: string[]): Rank {
  if (!isRank(s)) throw new Error(`data/lang/ranks.tsv: "${s}" is not a rank (line: ${line.join(' ')})`);
  return s;
}

let cached: RankRules | null = null;
function rules(): RankRules {
  if (cached) return cached;
  const r: RankRules = { levels: new Map(), bodies: new Map(), posts: [], titles: new Map(), subProvincial: new Set(), universities: new Map() };
  for (const line of readTable('ranks.tsv')) {
    const [kind, a, b, c] = line;
    if (kind === 'level') r.levels.set(a as Level, rankOrder(rank(b, line)));
    else if (kind === 'body') r.bodies.set(a as Body, [...(r.bodies.get(a as Body) ?? []), { title: glob(b), steps: Number(c) }]);
    else if (kind === 'post') {
      const organization = a.endsWith('*') ? (o: string) => o.startsWith(a.slice(0, -1)) : (o: string) => o === a;
      r.posts.push({ organization, title: glob(b), rank: rank(c, line) });
    } else if (kind === 'title') r.titles.set(a, rank(b, line));
    else if (kind === 'sub-provincial') r.subProvincial.add(a);
    else if (kind === 'university') r.universities.set(a, rank(b, line));
    else throw new Error(`data/lang/ranks.tsv: unknown line kind "${kind}"`);
  }
  cached = r;
  return r;
}

/** What kind of body the rest of an organization's name (after its division) makes it. */
function bodyOf(rest: string): Body | null {
  if (rest === '委' || rest === '委员会' || rest === '党委') return 'committee';
  if (/^委?(纪委|纪律检查委员会|纪委监委|监委|监察委员会)$/.test(rest)) return 'discipline';
  if (rest === '' || rest === '人民政府' || rest === '政府') return 'government';
  if (/^(人大常委会|人大|人民代表大会常务委员会|人民代表大会)$/.test(rest)) return 'congress';
  if (/^(政协|政协委员会)$/.test(rest)) return 'cppcc';
  if (/人民法院$/.test(rest)) return 'court';
  if (/人民检察院$/.test(rest)) return 'procuratorate';
  if (/(局|部|厅|委|办|办公室|委员会|署)$/.test(rest)) return 'department';
  // A body's party unit (人民检察院党组, 教育局党组) ranks with the body.
  const unit = /^(.+?)(?:机关)?(?:党组|党委|党工委)$/.exec(rest);
  const body = unit ? bodyOf(unit[1]) : null;
  return body === 'committee' ? null : body;
}

/** Coordinating bodies (领导小组, 指挥部) take their heads from standing posts: theirs carry no rank of their own. */
const AD_HOC = /(小组|指挥部|组委会|筹委会|筹备委员会|建设委员会)$/;

/** Military bodies rank by the army's own scale, which the table does not hold. */
const MILITARY = /(人民武装部|人武部|军分区|警备区|武警|部队)/;

/** A township, town or subdistrict named after the county: its level and body. */
const TOWNSHIP = /^[^市县区省]{1,8}?(乡|镇|街道)(人民政府|政府|党委|委员会|党工委|办事处|人大主席团)?$/;

interface Placed {
  level: Level;
  body: Body;
  /** Steps above its level: a district of a sub-provincial city is a step above other counties (区委书记 of 南京市 is 副厅级). */
  lift: number;
}

/** The organization's level and kind of body, when its name says them. */
function place(organization: string, province: string | null): Placed | null {
  // A listed central body (外交部) is a national department.
  if (isCentralBody(organization)) return { level: 'national', body: 'department', lift: 0 };
  // 政协许昌市委员会: the division comes after 政协.
  const cppcc = /^(政协|中国人民政治协商会议)(.+?)(委员会)?$/.exec(organization);
  const name = cppcc ? cppcc[2] : organization;
  if (MILITARY.test(name)) return null;
  const d = (cppcc ? divisionByName(name, province) : null) ?? leadingDivision(name, province);
  if (!d) return null;
  const bare = name.replace(/^中共/, '');
  const at = bare.indexOf(d.name);
  if (at < 0) return null; // led by a short form: leave it unranked rather than guess
  const rest = bare.slice(at + d.name.length);
  const lift = d.level === 'county' && d.name.endsWith('区') && d.city && rules().subProvincial.has(d.city) ? 1 : 0;
  if (cppcc) return rest === '' ? { level: levelOf(d), body: 'cppcc', lift } : null;
  if (d.level === 'county' && TOWNSHIP.test(rest)) return { level: 'township', body: 'township', lift };
  const body = bodyOf(rest);
  return body ? { level: levelOf(d), body, lift } : null;
}

const MUNICIPALITY = /^(北京|天津|上海|重庆)市$/;

function levelOf(d: Division): Level {
  const { subProvincial } = rules();
  if (d.level === 'province') return 'province';
  if (d.level === 'city') return subProvincial.has(d.name) ? 'sub-provincial' : 'city';
  // The districts of 北京, 天津, 上海 and 重庆 are prefecture-level (房山区委书记 is 正厅级).
  if (d.name.endsWith('区') && d.city && MUNICIPALITY.test(d.city)) return 'city';
  return 'county';
}


/** 代市长, 代理县长 (acting) hold the rank of 市长, 县长. */
const normaliseTitle = (title: string) => title.replace(/^代理?(?=.+长$)/, '');

/** The rank of a post, or null when no rule of data/lang/ranks.tsv covers it. */
export function rankOf(title: string, organization: string, province: string | null = null): Rank | null {
  const r = rules();
  const t = normaliseTitle(title);
  if (AD_HOC.test(organization)) return null;
  const byTitle = r.titles.get(t);
  if (byTitle) return byTitle;
  for (const post of r.posts) if (post.organization(organization) && post.title.test(t)) return post.rank;
  for (const [university, top] of r.universities) {
    if (!organization.startsWith(university)) continue;
    if (/^(党委)?书记$|^校长$/.test(t)) return top;
    if (/^(党委)?副书记$|^副校长$|^常务副校长$/.test(t)) return RANKS[rankOrder(top) - 2] ?? null;
    return null;
  }
  const placed = place(organization, province);
  if (!placed) return null;
  const top = r.levels.get(placed.level);
  if (top === undefined) return null;
  const rule = r.bodies.get(placed.body)?.find((b) => b.title.test(t));
  if (!rule) return null;
  const order = top - rule.steps + placed.lift;
  return order >= 1 && order <= RANKS.length ? RANKS[order - 1] : null;
}
