/**
 * Scores careers against a hand-made gold (tests/fixtures/careers/README.md gives the format):
 * career rows (person, title, organization) matched by name, bare title and any accepted form of
 * the organization; on matched rows, the rank and the first and last dates; changes matched by
 * person, kind and the new post (or, for a removal, the post left). Namesakes are one name here:
 * the gold is one outlet's officials, and `sharedNodes` reports any gold name split over nodes.
 */
import type { GuanxiGraph } from '../graph/assemble.js';
import { careerOf, holdingsOf, type Career } from '../graph/careers.js';
import { canonicalOrganization } from '../graph/hierarchy.js';

export interface GoldPost {
  title: string;
  organization: string[];
  rank: string;
  from: string;
  to: string;
  articles: string[];
}
export interface GoldChange {
  date: string;
  kind: string;
  from: { title: string; organization: string } | null;
  to: { title: string; organization: string } | null;
  articles: string[];
}
export interface CareersGold {
  fixture: string;
  persons: { name: string; posts: GoldPost[]; changes: GoldChange[] }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface CareersReport {
  rows: Counts;
  changes: Counts;
  /** Of the matched rows: rank right, first date right, last date right. */
  rank: { right: number; of: number };
  from: { right: number; of: number };
  to: { right: number; of: number };
  /** Gold persons whose name is on more than one node (a career split in two). */
  splitPersons: string[];
  missed: string[];
  spurious: string[];
  missedChanges: string[];
  spuriousChanges: string[];
}

const f1 = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
export const scores = f1;

/** The careers of every person node, by name (namesakes pooled). */
function careersByName(graph: GuanxiGraph): Map<string, { nodes: string[]; careers: Career[] }> {
  const out = new Map<string, { nodes: string[]; careers: Career[] }>();
  graph.forEachNode((key, a) => {
    if (a.kind !== 'Person') return;
    const career = careerOf(holdingsOf(graph, key));
    if (!career.posts.length) return;
    const entry = out.get(a.name) ?? { nodes: [], careers: [] };
    entry.nodes.push(key);
    entry.careers.push(career);
    out.set(a.name, entry);
  });
  return out;
}

export function scoreCareers(gold: CareersGold, graph: GuanxiGraph, province: string | null = null): CareersReport {
  const org = (name: string) => canonicalOrganization(name, province);
  const report: CareersReport = { rows: { tp: 0, fp: 0, fn: 0 }, changes: { tp: 0, fp: 0, fn: 0 }, rank: { right: 0, of: 0 }, from: { right: 0, of: 0 }, to: { right: 0, of: 0 }, splitPersons: [], missed: [], spurious: [], missedChanges: [], spuriousChanges: [] };
  const predicted = careersByName(graph);
  const goldByName = new Map(gold.persons.map((p) => [p.name, p]));
  for (const [name, { nodes, careers }] of predicted) {
    const g = goldByName.get(name);
    const posts = careers.flatMap((c) => c.posts);
    const changes = careers.flatMap((c) => c.changes);
    if (g && nodes.length > 1) report.splitPersons.push(name);
    const goldPosts = g?.posts ?? [];
    const used = new Set<GoldPost>();
    for (const p of posts) {
      const match = goldPosts.find((gp) => !used.has(gp) && gp.title === p.title && gp.organization.some((o) => org(o) === org(p.organization)));
      if (!match) {
        report.rows.fp++;
        report.spurious.push(`${name} ${p.title} ${p.organization}`);
        continue;
      }
      used.add(match);
      report.rows.tp++;
      report.rank.of++;
      if ((p.rank ?? 'unknown') === match.rank) report.rank.right++;
      report.from.of++;
      if (p.from === match.from) report.from.right++;
      report.to.of++;
      if (p.to === match.to) report.to.right++;
    }
    const goldChanges = g?.changes ?? [];
    // A change names its post's canonical form; the post lists every accepted one.
    const forms = (post: { title: string; organization: string }) =>
      (goldPosts.find((gp) => gp.title === post.title && gp.organization.includes(post.organization))?.organization ?? [post.organization]).map(org);
    const usedChanges = new Set<GoldChange>();
    for (const c of changes) {
      const post = c.kind === 'removed' ? c.from : c.to;
      const match = goldChanges.find((gc) => {
        const gpost = gc.kind === 'removed' ? gc.from : gc.to;
        return !usedChanges.has(gc) && gc.kind === c.kind && !!post && !!gpost && gpost.title === post.title && forms(gpost).includes(org(post.organization));
      });
      if (match) {
        usedChanges.add(match);
        report.changes.tp++;
      } else {
        report.changes.fp++;
        report.spuriousChanges.push(`${name} ${c.kind} ${c.date} ${c.from?.title ?? ''}→${post?.title ?? ''} ${post?.organization ?? ''}`);
      }
    }
  }
  for (const g of gold.persons) {
    const posts = predicted.get(g.name)?.careers.flatMap((c) => c.posts) ?? [];
    for (const gp of g.posts) {
      if (posts.some((p) => p.title === gp.title && gp.organization.some((o) => org(o) === org(p.organization)))) continue;
      report.rows.fn++;
      report.missed.push(`${g.name} ${gp.title} ${gp.organization[0]}`);
    }
    const changes = predicted.get(g.name)?.careers.flatMap((c) => c.changes) ?? [];
    const forms = (post: { title: string; organization: string }) =>
      (g.posts.find((gp) => gp.title === post.title && gp.organization.includes(post.organization))?.organization ?? [post.organization]).map(org);
    for (const gc of g.changes) {
      const gpost = gc.kind === 'removed' ? gc.from : gc.to;
      const found = changes.some((c) => {
        const post = c.kind === 'removed' ? c.from : c.to;
        return c.kind === gc.kind && !!post && !!gpost && post.title === gpost.title && forms(gpost).includes(org(post.organization));
      });
      if (!found) {
        report.changes.fn++;
        report.missedChanges.push(`${g.name} ${gc.kind} ${gc.date} ${gc.from?.title ?? ''}→${gpost?.title ?? ''} ${gpost?.organization ?? ''}`);
      }
    }
  }
  return report;
}
