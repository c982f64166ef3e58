/**
 * Scores careers against a hand-made gold (tests/fixtures/careers/README.md gives the format):
 * career rows (person, title, organization) matched by name, bare title and any accepted form of
 * the organization; on matched rows, the rank and the first and last dates; changes matched by
 * person, kind and the new post (or, for a removal, the post left). Namesakes are one name here:
 * the gold is one outlet's officials, and `sharedNodes` reports any gold name split over nodes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { GuanxiGraph } from '../graph/assemble.js';
import { careerOf, holdingsOf, type Career, type CareerChange, type PostRef } from '../graph/careers.js';
import { canonicalOrganization } from '../graph/hierarchy.js';
import { ingestFiles } from '../store/ingest.js';
import { SqliteGraphStore } from '../store/sqlite-store.js';

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
  /** The articles, relative to the gold file. */
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

/** The post a change is about: the new one, or for a removal the one left. */
const changedPost = (c: { kind: string; from: PostRef | null; to: PostRef | null }) => (c.kind === 'removed' ? c.from : c.to);
const describe = (name: string, c: { kind: string; date: string | null; from: PostRef | null; to: PostRef | null }) => {
  const post = changedPost(c);
  return `${name} ${c.kind} ${c.date} ${c.from?.title ?? ''}→${post?.title ?? ''} ${post?.organization ?? ''}`;
};

export function scoreCareers(gold: CareersGold, graph: GuanxiGraph, province: string | null = null): CareersReport {
  const org = (name: string) => canonicalOrganization(name, province);
  /** A post held by `p`: its title, and its organization in any accepted form. */
  const samePost = (p: PostRef, g: { title: string; organization: string[] }) => p.title === g.title && g.organization.some((o) => org(o) === org(p.organization));
  /** A change names its post's canonical form; the gold post lists every accepted one. */
  const sameChange = (c: CareerChange, gc: GoldChange, goldPosts: GoldPost[]) => {
    const [post, gpost] = [changedPost(c), changedPost(gc)];
    if (c.kind !== gc.kind || !post || !gpost) return false;
    const forms = goldPosts.find((gp) => gp.title === gpost.title && gp.organization.includes(gpost.organization))?.organization ?? [gpost.organization];
    return samePost(post, { title: gpost.title, organization: forms });
  };
  const report: CareersReport = { rows: { tp: 0, fp: 0, fn: 0 }, changes: { tp: 0, fp: 0, fn: 0 }, rank: { right: 0, of: 0 }, from: { right: 0, of: 0 }, to: { right: 0, of: 0 }, splitPersons: [], missed: [], spurious: [], missedChanges: [], spuriousChanges: [] };
  const predicted = careersByName(graph);
  const goldByName = new Map(gold.persons.map((p) => [p.name, p]));
  for (const [name, { nodes, careers }] of predicted) {
    const g = goldByName.get(name);
    if (g && nodes.length > 1) report.splitPersons.push(name);
    const goldPosts = g?.posts ?? [];
    const used = new Set<GoldPost>();
    for (const p of careers.flatMap((c) => c.posts)) {
      const match = goldPosts.find((gp) => !used.has(gp) && samePost(p, gp));
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
    const usedChanges = new Set<GoldChange>();
    for (const c of careers.flatMap((career) => career.changes)) {
      const match = (g?.changes ?? []).find((gc) => !usedChanges.has(gc) && sameChange(c, gc, goldPosts));
      if (match) {
        usedChanges.add(match);
        report.changes.tp++;
      } else {
        report.changes.fp++;
        report.spuriousChanges.push(describe(name, c));
      }
    }
  }
  for (const g of gold.persons) {
    const careers = predicted.get(g.name)?.careers ?? [];
    const posts = careers.flatMap((c) => c.posts);
    for (const gp of g.posts) {
      if (posts.some((p) => samePost(p, gp))) continue;
      report.rows.fn++;
      report.missed.push(`${g.name} ${gp.title} ${gp.organization[0]}`);
    }
    const changes = careers.flatMap((c) => c.changes);
    for (const gc of g.changes) {
      if (changes.some((c) => sameChange(c, gc, g.posts))) continue;
      report.changes.fn++;
      report.missedChanges.push(describe(g.name, gc));
    }
  }
  return report;
}

/**
 * Ingests a careers gold's articles (its `fixture`, relative to the gold file) into a scratch store
 * and scores their careers: what `guanxi eval-careers` prints and the careers test holds.
 */
export async function evaluateCareers(goldPath: string, options: { home?: string } = {}): Promise<CareersReport> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as CareersGold;
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-eval-careers-'));
  try {
    // The embedded store, whatever NEO4J_URI says: a scratch graph, not the user's.
    const store = SqliteGraphStore.open(join(dir, 'graph.db'));
    try {
      await ingestFiles([resolve(dirname(goldPath), gold.fixture)], store, { home: options.home });
      return scoreCareers(gold, await store.graph());
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
