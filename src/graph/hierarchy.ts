/**
 * Organization and place hierarchies, read off names with language data (data/lang/org-parents.txt)
 * and the gazetteer: 许昌市委宣传部 → 中共许昌市委 → 中共河南省委; 许昌市公安局 → 许昌市人民政府;
 * 哈密市 → 新疆维吾尔自治区.
 */
import type { Division } from '../extract/lexicon/gazetteer.js';
import { lexicon, readTable } from '../extract/lexicon/index.js';
import { divisionByName, enclosingDivisions, leadingDivision } from './divisions.js';

type ParentKind = 'party' | 'government' | 'upper-party' | 'upper-government';

let parentRules: { ending: string; parent: ParentKind }[] | null = null;
function rules() {
  parentRules ??= readTable('org-parents.txt')
    .map(([ending, parent]) => ({ ending, parent: parent as ParentKind }))
    .sort((a, b) => b.ending.length - a.ending.length);
  return parentRules;
}

/** The party committee of a division: 中共许昌市委; autonomous regions are written out (…自治区委员会). */
export function partyCommittee(d: Division): string {
  return d.name.endsWith('自治区') ? `中共${d.name}委员会` : `中共${d.name}委`;
}

export function government(d: Division): string {
  return `${d.name}人民政府`;
}

/** One spelling per body: 许昌市委 and 中共许昌市委 are one organization. */
export function canonicalOrganization(name: string, province?: string | null): string {
  const d = leadingDivision(name, province);
  if (!d) return name;
  const bare = name.replace(/^中共/, '');
  const rest = bare.slice(bare.indexOf(d.name) + d.name.length);
  if (isCommittee(rest, d)) return partyCommittee(d);
  // 房县县政府 is 房县人民政府.
  if (rest === `${d.name.slice(-1)}政府` || rest === '政府') return government(d);
  // 中共房县县委组织部 is 房县委组织部, as 许昌市委宣传部.
  if (rest.startsWith(`${d.name.slice(-1)}委`) && rest.length > 2) return `${d.name}委${rest.slice(2)}`;
  return name;
}

/** What follows a division's name in its party committee's: 委, 委员会, or the level again (房县县委). */
function isCommittee(rest: string, d: Division): boolean {
  return rest === '委' || rest === '委员会' || rest === `${d.name.slice(-1)}委`;
}

export interface Parent {
  name: string;
  rule: string;
}

/** The body an organization belongs to, and the rule that says so; null at the top or when names do not tell. */
export function organizationParent(name: string, province?: string | null): Parent | null {
  const d = leadingDivision(name, province);
  if (!d) return null;
  const bare = name.replace(/^中共/, '');
  const at = bare.indexOf(d.name);
  if (at < 0) return null; // led by a short form (新疆公安厅): leave it unplaced rather than guess
  const rest = bare.slice(at + d.name.length);
  const upper = enclosingDivisions(d)[0];
  if (isCommittee(rest, d)) return upper ? { name: partyCommittee(upper), rule: 'party-committee-hierarchy' } : null;
  if (rest.startsWith('委') && lexicon().orgBodies.get(rest.slice(1)) === 'party') {
    return { name: partyCommittee(d), rule: 'party-department' };
  }
  for (const { ending, parent } of rules()) {
    if (!rest.endsWith(ending) || rest.length < ending.length) continue;
    switch (parent) {
      case 'party':
        return { name: partyCommittee(d), rule: 'party-department' };
      case 'government':
        return rest === '人民政府' ? null : { name: government(d), rule: 'government-department' };
      case 'upper-party':
        return upper ? { name: partyCommittee(upper), rule: 'party-committee-hierarchy' } : null;
      case 'upper-government':
        return upper ? { name: government(upper), rule: 'government-hierarchy' } : null;
    }
  }
  return null;
}

/** The place's enclosing divisions, nearest first; for a place that is no division, none. */
export function placeAncestors(name: string, province?: string | null): Division[] {
  const d = divisionByName(name, province);
  return d ? enclosingDivisions(d) : [];
}
