/**
 * Central bodies of party and state, by name: the full names of data/lang/central-bodies.txt (外交部,
 * 中共中央组织部) and the patterns of data/lang/national-bodies.txt (中共中央*, 国务院*). Resolution
 * places their officials in the country (resolve.ts); ranks count a listed body as a national
 * department (ranks.ts).
 */
import { readTable } from '../extract/lexicon/index.js';

let fullNames: ReadonlySet<string> | null = null;
let patterns: ((org: string) => boolean)[] | null = null;

/** A full name listed in central-bodies.txt. */
export function isCentralBody(org: string): boolean {
  fullNames ??= new Set(readTable('central-bodies.txt').map(([name, full]) => full || name));
  return fullNames.has(org);
}

/** A body of the central party and state: listed, or matching a pattern of national-bodies.txt. */
export function isNationalBody(org: string): boolean {
  patterns ??= readTable('national-bodies.txt').map(([p]) => (p.endsWith('*') ? (o: string) => o.startsWith(p.slice(0, -1)) : (o: string) => o === p));
  return isCentralBody(org) || patterns.some((test) => test(org));
}
