/**
 * Entity resolution for persons: which node a name in an article stands for.
 *
 * A person is a name in a region. The region is the most specific division that the person's
 * organizations are in (副市长 of 许昌市人民政府 → 许昌市); failing posts, the paper's home; failing
 * that, none. So the same official read in two papers of one city is one node, a namesake whose
 * posts lie in another city is another node, and two mentions that share an organization always
 * meet (their organizations give them the same region). Within one document a name is one person:
 * the posts read anywhere in it place every mention. The rule that decided is kept on each mention.
 *
 * The key depends only on the document itself, never on what was ingested before, so ingesting in
 * any order, or twice, gives the same graph.
 */
import type { Division } from '../extract/lexicon/gazetteer.js';
import type { ArticleOut } from '../extract/types.js';
import type { PersonProps, ResolutionRule } from './model.js';
import { isNationalBody } from './central-bodies.js';
import { leadingDivision } from './divisions.js';

/** The region of persons whose posts are in central bodies. */
export const NATIONAL = '全国';

export interface PersonResolution {
  id: string;
  name: string;
  region: string | null;
  /** The rule that placed this mention. */
  rule: ResolutionRule;
  /** What the rule went by: the post's body, the list of leaders, the paper's home (shown with the rule). */
  basis: string;
  /** What the identities file says of the person it resolves to (src/graph/identities.ts). */
  correction?: Pick<PersonProps, 'merged' | 'evidence'>;
}

const LEVEL_RANK = { county: 2, city: 1, province: 0 } as const;

/** The most specific division among the organizations (first named wins a tie), and that organization; 全国 for central bodies only. */
function regionOf(organizations: string[], province: string | null): { region: string; organization: string } | null {
  let best: { division: Division; organization: string } | null = null;
  for (const org of organizations) {
    const d = leadingDivision(org, province);
    if (d && (!best || LEVEL_RANK[d.level] > LEVEL_RANK[best.division.level])) best = { division: d, organization: org };
  }
  if (best) return { region: best.division.name, organization: best.organization };
  const central = organizations.find(isNationalBody);
  return central ? { region: NATIONAL, organization: central } : null;
}

/**
 * Names whose posts anywhere in the document are in central bodies and nowhere else: in the
 * document's other papers (a JSON Lines file's records from many datelines), a mention of such a
 * name that no post of its own places is the national person, not a namesake in the dateline's city.
 */
export function nationalNames(articles: readonly ArticleOut[], province: string | null): Map<string, string> {
  const organizations = new Map<string, string[]>();
  for (const a of articles) for (const p of a.persons) for (const t of p.titles) if (t.organization) organizations.set(p.name, [...(organizations.get(p.name) ?? []), t.organization]);
  /** Each national name and what made it so. */
  const national = new Map<string, string>();
  for (const [name, orgs] of organizations) {
    const placed = regionOf(orgs, province);
    if (placed?.region === NATIONAL) national.set(name, `a post in ${placed.organization} elsewhere in the document`);
  }
  // A name no post places, listed among national leaders (党和国家领导人江泽民、李鹏、…), is one of them:
  // most of its list-mates across the document are national, and at least two.
  const mates = new Map<string, { national: number; other: number; leaders: Set<string> }>();
  for (const a of articles) {
    for (const [left, right] of listNeighbours(a)) {
      for (const [name, mate] of [[left, right], [right, left]]) {
        if (organizations.has(name)) continue;
        const m = mates.get(name) ?? { national: 0, other: 0, leaders: new Set<string>() };
        if (national.has(mate)) {
          m.national++;
          m.leaders.add(mate);
        } else if (organizations.has(mate)) m.other++;
        mates.set(name, m);
      }
    }
  }
  for (const [name, m] of mates) {
    if (m.national >= 2 && m.national > 2 * m.other) national.set(name, `listed with ${[...m.leaders].slice(0, 3).join('、')}`);
  }
  return national;
}

/** Pairs of persons written next to each other in a list (parted by 、 or by nothing, as in a headline's list). */
function listNeighbours(a: ArticleOut): [string, string][] {
  const spans = a.persons.flatMap((p) => p.spans.map((s) => ({ name: p.name, start: s.start, end: s.end }))).sort((x, y) => x.start - y.start);
  const pairs: [string, string][] = [];
  for (let i = 1; i < spans.length; i++) {
    const between = a.text.slice(spans[i - 1].end, spans[i].start);
    if ((between === '、' || between === '') && spans[i - 1].name !== spans[i].name) pairs.push([spans[i - 1].name, spans[i].name]);
  }
  return pairs;
}

export function personId(name: string, region: string | null): string {
  return `${name}@${region ?? '?'}`;
}

/**
 * Resolves every person named in a document's articles (as persons, participants or bylines).
 * `home` and `province` are the document's context.
 */
export function resolvePersons(
  articles: readonly ArticleOut[],
  home: string | null,
  province: string | null,
  national: ReadonlyMap<string, string> = new Map(),
): Map<string, PersonResolution> {
  const organizationsByName = new Map<string, string[]>();
  const names = new Set<string>();
  for (const a of articles) {
    for (const p of a.persons) {
      names.add(p.name);
      const orgs = organizationsByName.get(p.name) ?? [];
      for (const t of p.titles) if (t.organization) orgs.push(t.organization);
      organizationsByName.set(p.name, orgs);
    }
    for (const e of a.events) for (const p of e.participants) names.add(p.name);
    for (const n of [...a.reporters, ...a.correspondents, ...a.photographers]) names.add(n);
  }
  const out = new Map<string, PersonResolution>();
  for (const name of names) {
    const placed = regionOf(organizationsByName.get(name) ?? [], province);
    const nationally = national.get(name);
    const resolved: Omit<PersonResolution, 'id'> = placed
      ? { name, region: placed.region, rule: 'org-region', basis: `a post in ${placed.organization}` }
      : nationally
        ? { name, region: NATIONAL, rule: 'document-national', basis: nationally }
        : home
        ? { name, region: home, rule: 'document-home', basis: `the paper's home, ${home}` }
        : { name, region: null, rule: 'name-only', basis: 'nothing places the name' };
    out.set(name, { ...resolved, id: personId(name, resolved.region) });
  }
  return out;
}
