/**
 * Careers: from the titles a person was read with (HOLDS, one per article) to the posts they held,
 * each from the first to the last day an article shows it, and the changes between posts.
 *
 *   const career = careerOf(holdingsOf(graph, 'Person:王小明@许昌市'));
 *   career.posts   // [{ title: '副市长', organization: '许昌市人民政府', rank: '副厅级', from, to, articles, … }]
 *   career.changes // [{ kind: 'promoted', date, from: {title, organization}, to: {…}, articles }]
 *
 * Posts are ordered by the day first seen; posts first seen in one article, as written there.
 * How a post began, against the post held before it (the earlier post seen last; among equals the
 * higher rank): added to it (兼任) → concurrent; what a sentence says (appointed, elected); still seen
 * on or after the new post's first day → concurrent; a higher rank → promoted, the same →
 * transferred, a lower → concurrent (held beside the higher one: real demotions are rare, a
 * lesser post beside a high one common); ranks unknown → appointed. A first post is what its sentence says,
 * or nothing; so is the post an acting holder (代理县长) goes on to hold in the same body. A post taken away (免去, 不再担任) ends with a removed change.
 * cypher/queries/career-of-person.cypher computes the same; tests hold the two together.
 */
import type { GuanxiGraph } from './assemble.js';
import { nodeLabel } from './node-text.js';
import type { PostAct } from './post-act-kinds.js';
import { rankOrder, type Rank } from './rank-order.js';

/** One article's reading of a post (a HOLDS relationship). */
export interface Holding {
  title: string;
  organization: string;
  organizationId: string;
  rank: Rank | null;
  act: PostAct | null;
  date: string | null;
  article: string;
  sentence: string;
}

export const CHANGE_KINDS = ['appointed', 'elected', 'promoted', 'transferred', 'concurrent', 'removed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface PostRef {
  title: string;
  organization: string;
}

export interface Post extends PostRef {
  organizationId: string;
  rank: Rank | null;
  /** First and last day an article shows the post; null when no article giving it has a date. */
  from: string | null;
  to: string | null;
  /** Articles showing it, in date order, and the sentence of the first. */
  articles: string[];
  evidence: string;
  /** How the post began; null for a first post nothing says more of. */
  began: ChangeKind | null;
  /** The post held before it, against which `began` was judged. */
  previous: PostRef | null;
  /** The day the post was taken away (免去, 不再担任), if an article says so. */
  removed: string | null;
}

export interface CareerChange {
  kind: ChangeKind;
  date: string | null;
  from: PostRef | null;
  to: PostRef | null;
  /** The articles that show it: the new post's first, and the earlier post's last (or the removal's). */
  articles: string[];
  evidence: string[];
}

export interface Career {
  posts: Post[];
  changes: CareerChange[];
}

/** Cypher's order: by code units, nulls last. */
const byText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const order = (r: Rank | null) => (r ? rankOrder(r) : 0);
const ref = (p: PostRef | null): PostRef | null => (p ? { title: p.title, organization: p.organization } : null);

/** The HOLDS of a person node in the in-memory graph. */
export function holdingsOf(graph: GuanxiGraph, person: string): Holding[] {
  const out: Holding[] = [];
  graph.forEachOutEdge(person, (_k, a, _s, target) => {
    if (a.rel !== 'HOLDS') return;
    const org = graph.getNodeAttributes(target);
    out.push({ title: a.title, organization: nodeLabel(org), organizationId: org.id, rank: a.rank ?? null, act: a.act ?? null, date: a.date, article: a.article, sentence: a.sentence });
  });
  return out;
}

/** The posts a person's holdings make, oldest first. */
function postsOf(holdings: readonly Holding[]) {
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) {
    const key = `${h.organizationId}\n${h.title}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  const posts = [...groups.values()].map((hs) => {
    const sorted = [...hs].sort((a, b) => byText(a.date, b.date) || byText(a.article, b.article));
    const dates = sorted.map((h) => h.date).filter((d): d is string => d !== null);
    const removal = sorted.find((h) => h.act === 'removed') ?? null;
    return {
      title: hs[0].title,
      organization: hs[0].organization,
      organizationId: hs[0].organizationId,
      rank: hs[0].rank,
      from: dates[0] ?? null,
      to: dates.at(-1) ?? null,
      articles: [...new Set(sorted.map((h) => h.article))],
      evidence: sorted[0].sentence,
      acts: new Set(sorted.map((h) => h.act)),
      removal,
    };
  });
  // Posts first seen together keep the order they were written in (县委常委、宣传部部长: 常委 first).
  const at = (p: (typeof posts)[number]) => {
    const i = p.evidence.indexOf(p.title);
    return i < 0 ? p.evidence.length : i;
  };
  return posts.sort(
    (a, b) => byText(a.from, b.from) || byText(a.articles[0], b.articles[0]) || at(a) - at(b) || byText(a.title, b.title) || byText(a.organization, b.organization),
  );
}

/** A person's career: posts oldest first, and the changes between them in date order. */
export function careerOf(holdings: readonly Holding[]): Career {
  const posts: Post[] = [];
  const changes: CareerChange[] = [];
  for (const post of postsOf(holdings)) {
    const { acts, removal, ...rest } = post;
    // The post held before: the earlier post seen last, among equals the higher rank.
    let previous: Post | null = null;
    if (post.from !== null) {
      for (const q of posts) {
        if (q.to !== null && (!previous || q.to > previous.to! || (q.to === previous.to && order(q.rank) >= order(previous.rank)))) previous = q;
      }
    }
    const said = acts.has('elected') ? 'elected' : acts.has('appointed') ? 'appointed' : null;
    let began: ChangeKind | null;
    if (!previous) began = said;
    // 代理县长 then 县长 of one government is one tenure.
    else if (posts.some((q) => q.organizationId === post.organizationId && (q.title === `代${post.title}` || q.title === `代理${post.title}`))) began = null;
    else if (acts.has('concurrent')) began = 'concurrent';
    else if (said) began = said;
    else if (previous.to! >= post.from!) began = 'concurrent';
    // A lower post after a higher one is, in the news, nearly always held beside it (中央党校校长 after 政治局常委).
    else if (post.rank && previous.rank) began = order(post.rank) > order(previous.rank) ? 'promoted' : order(post.rank) === order(previous.rank) ? 'transferred' : 'concurrent';
    else began = 'appointed';
    const full: Post = { ...rest, removed: removal?.date ?? null, began, previous: ref(previous) };
    posts.push(full);
    if (began) {
      changes.push({
        kind: began,
        date: post.from,
        from: ref(previous),
        to: ref(full),
        articles: [...new Set([post.articles[0], ...(previous ? [previous.articles.at(-1)!] : [])])],
        evidence: [post.evidence],
      });
    }
    if (removal) changes.push({ kind: 'removed', date: removal.date, from: ref(full), to: null, articles: [removal.article], evidence: [removal.sentence] });
  }
  changes.sort((a, b) => byText(a.date, b.date));
  return { posts, changes };
}
