/**
 * The named queries of cypher/queries/, answered from the in-memory graph, for the embedded snapshot
 * (which has no Cypher engine). Each function gives the same columns, rows and order as its .cypher
 * file; tests run both on the sample page and compare.
 */
import { ROLES } from '../extract/types.js';
import type { EdgeAttributes, GuanxiGraph, NodeAttributes } from './assemble.js';
import { careerOf, holdingsOf } from './careers.js';
import { nodeLabel } from './node-text.js';

export type Value = string | number | string[] | null;
export type Row = Record<string, Value>;
export interface QueryResult {
  columns: string[];
  rows: Row[];
}
type Params = Record<string, string | null>;

type Edge = { attrs: EdgeAttributes; source: string; target: string };
const edges = (g: GuanxiGraph, node: string, dir: 'in' | 'out', rel: EdgeAttributes['rel']): Edge[] => {
  const out: Edge[] = [];
  const visit = (_k: string, attrs: EdgeAttributes, source: string, target: string) => {
    if (attrs.rel === rel) out.push({ attrs, source, target });
  };
  if (dir === 'in') g.forEachInEdge(node, visit);
  else g.forEachOutEdge(node, visit);
  return out;
};
const attrs = (g: GuanxiGraph, key: string): NodeAttributes => g.getNodeAttributes(key);
const nodesWhere = (g: GuanxiGraph, test: (a: NodeAttributes) => boolean) => g.filterNodes((_k, a) => test(a));

/** Cypher's ascending order: by UTF-16 code units, nulls last. */
function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
function orderBy(rows: Row[], keys: string[]): Row[] {
  return rows.sort((x, y) => {
    for (const k of keys) {
      const c = compare(x[k], y[k]);
      if (c) return c;
    }
    return 0;
  });
}
/** The roles named in any of the lists, in the model's order (as the .cypher file lists them). */
const unionOfRoles = (lists: string[][]) => ROLES.filter((r) => lists.some((l) => l.includes(r)));

/** All nodes reachable from `root` by following `rels` backwards (the `(x)-[:R*0..]->(root)` pattern). */
function below(g: GuanxiGraph, root: string, rels: EdgeAttributes['rel'][]): Set<string> {
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length) {
    const n = queue.pop()!;
    g.forEachInEdge(n, (_k, a, source) => {
      if (rels.includes(a.rel) && !seen.has(source)) {
        seen.add(source);
        queue.push(source);
      }
    });
  }
  return seen;
}

const QUERIES: Record<string, (g: GuanxiGraph, p: Params) => QueryResult> = {
  'events-of-person'(g, p) {
    const rows: Row[] = [];
    for (const person of nodesWhere(g, (a) => a.kind === 'Person' && a.name === p.name)) {
      for (const e of edges(g, person, 'out', 'PARTICIPATED_IN')) {
        if (e.attrs.rel !== 'PARTICIPATED_IN') continue;
        const event = attrs(g, e.target);
        if (event.kind !== 'Event') continue;
        const places = [...new Set(edges(g, e.target, 'out', 'HELD_AT').map((h) => nodeLabel(attrs(g, h.target))))].sort((x, y) => compare(x, y));
        const article = g.hasNode(`Article:${e.attrs.article}`) ? attrs(g, `Article:${e.attrs.article}`) : null;
        rows.push({
          person: attrs(g, person).id,
          event: event.name,
          type: event.type,
          date: e.attrs.date,
          roles: e.attrs.roles,
          places,
          headline: article?.kind === 'Article' ? article.headline : null,
          article: e.attrs.article,
          evidence: e.attrs.sentence,
          event_id: event.id,
        });
      }
    }
    return { columns: ['person', 'event', 'type', 'date', 'roles', 'places', 'headline', 'article', 'evidence', 'event_id'], rows: orderBy(rows, ['date', 'event', 'article']) };
  },

  'participants-of-event'(g, p) {
    const rows: Row[] = [];
    for (const ev of nodesWhere(g, (a) => a.kind === 'Event' && a.name.includes(p.event ?? '') && (p.date === null || a.date === p.date))) {
      const event = attrs(g, ev);
      if (event.kind !== 'Event') continue;
      for (const e of edges(g, ev, 'in', 'PARTICIPATED_IN')) {
        if (e.attrs.rel !== 'PARTICIPATED_IN') continue;
        const person = attrs(g, e.source);
        rows.push({ event: event.name, date: event.date, person: nodeLabel(person), person_id: person.id, roles: e.attrs.roles, article: e.attrs.article, evidence: e.attrs.sentence, event_id: event.id });
      }
    }
    return { columns: ['event', 'date', 'person', 'person_id', 'roles', 'article', 'evidence', 'event_id'], rows: orderBy(rows, ['date', 'event', 'person', 'article']) };
  },

  'co-participation'(g, p) {
    const groups = new Map<string, { a: string; b: string; aId: string; bId: string; event: NodeAttributes; rolesA: string[][]; rolesB: string[][] }>();
    for (const p1 of nodesWhere(g, (a) => a.kind === 'Person' && a.name === p.a)) {
      for (const r1 of edges(g, p1, 'out', 'PARTICIPATED_IN')) {
        for (const r2 of edges(g, r1.target, 'in', 'PARTICIPATED_IN')) {
          if (r2.source === p1) continue;
          const other = attrs(g, r2.source);
          if (p.b !== null && nodeLabel(other) !== p.b) continue;
          if (r1.attrs.rel !== 'PARTICIPATED_IN' || r2.attrs.rel !== 'PARTICIPATED_IN') continue;
          const key = `${p1}\n${r2.source}\n${r1.target}`;
          const group = groups.get(key) ?? { a: nodeLabel(attrs(g, p1)), b: nodeLabel(other), aId: attrs(g, p1).id, bId: other.id, event: attrs(g, r1.target), rolesA: [], rolesB: [] };
          // Cypher's collect() runs over every (r1, r2) pair, so each list gains one entry per pair.
          group.rolesA.push(r1.attrs.roles);
          group.rolesB.push(r2.attrs.roles);
          groups.set(key, group);
        }
      }
    }
    const rows = [...groups.values()].map((x) => ({
      a: x.a,
      b: x.b,
      event: nodeLabel(x.event),
      date: x.event.kind === 'Event' ? x.event.date : null,
      roles_a: unionOfRoles(x.rolesA),
      roles_b: unionOfRoles(x.rolesB),
      a_id: x.aId,
      b_id: x.bId,
      event_id: x.event.id,
    }));
    return { columns: ['a', 'b', 'event', 'date', 'roles_a', 'roles_b', 'a_id', 'b_id', 'event_id'], rows: orderBy(rows, ['b', 'date', 'event']) };
  },

  'officials-of-organization'(g, p) {
    const groups = new Map<string, { organization: string; organization_id: string; person: string; person_id: string; title: string; dates: (string | null)[]; articles: Set<string> }>();
    for (const root of nodesWhere(g, (a) => a.kind === 'Organization' && a.name === p.org)) {
      for (const org of below(g, root, ['PART_OF'])) {
        if (attrs(g, org).kind !== 'Organization') continue;
        for (const h of edges(g, org, 'in', 'HOLDS')) {
          if (h.attrs.rel !== 'HOLDS') continue;
          const person = attrs(g, h.source);
          const key = `${org}\n${h.source}\n${h.attrs.title}`;
          const group = groups.get(key) ?? { organization: nodeLabel(attrs(g, org)), organization_id: attrs(g, org).id, person: nodeLabel(person), person_id: person.id, title: h.attrs.title, dates: [], articles: new Set() };
          group.dates.push(h.attrs.date);
          group.articles.add(h.attrs.article);
          groups.set(key, group);
        }
      }
    }
    const rows = [...groups.values()].map((x) => {
      const dates = x.dates.filter((d): d is string => d !== null).sort((a, b) => compare(a, b));
      return { organization: x.organization, person: x.person, person_id: x.person_id, title: x.title, first_seen: dates[0] ?? null, last_seen: dates.at(-1) ?? null, articles: x.articles.size, organization_id: x.organization_id };
    });
    return { columns: ['organization', 'person', 'person_id', 'title', 'first_seen', 'last_seen', 'articles', 'organization_id'], rows: orderBy(rows, ['organization', 'person', 'title']) };
  },

  'titles-of-person'(g, p) {
    const rows: Row[] = [];
    for (const person of nodesWhere(g, (a) => a.kind === 'Person' && a.name === p.name)) {
      const id = attrs(g, person).id;
      for (const h of edges(g, person, 'out', 'HOLDS')) {
        if (h.attrs.rel !== 'HOLDS') continue;
        rows.push({ person: id, title: h.attrs.title, organization: nodeLabel(attrs(g, h.target)), date: h.attrs.date, article: h.attrs.article, evidence: h.attrs.sentence, organization_id: attrs(g, h.target).id });
      }
      for (const m of edges(g, person, 'in', 'MENTIONS')) {
        if (m.attrs.rel !== 'MENTIONS') continue;
        for (const t of m.attrs.titles) rows.push({ person: id, title: t, organization: null, date: m.attrs.date, article: m.attrs.article, evidence: m.attrs.sentence, organization_id: null });
      }
    }
    return { columns: ['person', 'title', 'organization', 'date', 'article', 'evidence', 'organization_id'], rows: orderBy(rows, ['date', 'person', 'organization', 'title']) };
  },

  'career-of-person'(g, p) {
    const rows: Row[] = [];
    for (const person of nodesWhere(g, (a) => a.kind === 'Person' && a.name === p.name)) {
      const who = attrs(g, person);
      for (const post of careerOf(holdingsOf(g, person)).posts) {
        rows.push({
          person: nodeLabel(who),
          title: post.title,
          organization: post.organization,
          rank: post.rank,
          from: post.from,
          to: post.to,
          began: post.began,
          previous_title: post.previous?.title ?? null,
          previous_organization: post.previous?.organization ?? null,
          removed: post.removed,
          articles: post.articles,
          evidence: post.evidence,
          person_id: who.id,
          organization_id: post.organizationId,
        });
      }
    }
    const columns = ['person', 'title', 'organization', 'rank', 'from', 'to', 'began', 'previous_title', 'previous_organization', 'removed', 'articles', 'evidence', 'person_id', 'organization_id'];
    // careerOf's order within each person (posts first seen together as written), as the .cypher file's.
    return { columns, rows: rows.sort((a, b) => compare(a.person_id, b.person_id)) };
  },

  'holders-of-post'(g, p) {
    const rows: Row[] = [];
    for (const org of nodesWhere(g, (a) => a.kind === 'Organization' && a.name === p.org)) {
      const holders = new Map<string, { dates: string[]; articles: Set<string>; rank: Value }>();
      for (const h of edges(g, org, 'in', 'HOLDS')) {
        if (h.attrs.rel !== 'HOLDS' || h.attrs.title !== p.title) continue;
        const x = holders.get(h.source) ?? { dates: [], articles: new Set<string>(), rank: h.attrs.rank ?? null };
        if (h.attrs.date !== null) x.dates.push(h.attrs.date);
        x.articles.add(h.attrs.article);
        holders.set(h.source, x);
      }
      for (const [person, x] of holders) {
        const dates = x.dates.sort((a, b) => compare(a, b));
        const from = dates[0] ?? null;
        const to = dates.at(-1) ?? null;
        const relation = p.date === null || from === null || to === null ? null : to < p.date ? 'predecessor' : from > p.date ? 'successor' : 'holder';
        const who = attrs(g, person);
        rows.push({ person: nodeLabel(who), title: p.title, organization: nodeLabel(attrs(g, org)), rank: x.rank, from, to, relation, articles: x.articles.size, person_id: who.id, organization_id: attrs(g, org).id });
      }
    }
    return { columns: ['person', 'title', 'organization', 'rank', 'from', 'to', 'relation', 'articles', 'person_id', 'organization_id'], rows: orderBy(rows, ['from', 'person', 'person_id']) };
  },

  'colleagues-of-person'(g, p) {
    const rows: Row[] = [];
    for (const person of nodesWhere(g, (a) => a.kind === 'Person' && a.name === p.name)) {
      const mine = new Map<string, string[]>();
      for (const h of edges(g, person, 'out', 'HOLDS')) {
        if (h.attrs.rel !== 'HOLDS') continue;
        const own = mine.get(h.target) ?? [];
        if (h.attrs.date !== null) own.push(h.attrs.date);
        mine.set(h.target, own);
      }
      for (const [org, own] of mine) {
        const theirs = new Map<string, { dates: string[]; titles: Set<string> }>();
        for (const k of edges(g, org, 'in', 'HOLDS')) {
          if (k.source === person || k.attrs.rel !== 'HOLDS') continue;
          const x = theirs.get(k.source) ?? { dates: [], titles: new Set<string>() };
          if (k.attrs.date !== null) x.dates.push(k.attrs.date);
          x.titles.add(k.attrs.title);
          theirs.set(k.source, x);
        }
        if (!own.length) continue;
        const pf = own.reduce((a, b) => (b < a ? b : a));
        const pt = own.reduce((a, b) => (b > a ? b : a));
        for (const [colleague, x] of theirs) {
          if (!x.dates.length) continue;
          const cf = x.dates.reduce((a, b) => (b < a ? b : a));
          const ct = x.dates.reduce((a, b) => (b > a ? b : a));
          if (!(pf <= ct && cf <= pt)) continue;
          const from = pf > cf ? pf : cf;
          const to = pt < ct ? pt : ct;
          if (p.date !== null && !(from <= p.date && p.date <= to)) continue;
          const who = attrs(g, person);
          const other = attrs(g, colleague);
          rows.push({
            person: nodeLabel(who),
            colleague: nodeLabel(other),
            organization: nodeLabel(attrs(g, org)),
            titles: [...x.titles].sort((a, b) => compare(a, b)),
            from,
            to,
            person_id: who.id,
            colleague_id: other.id,
            organization_id: attrs(g, org).id,
          });
        }
      }
    }
    return { columns: ['person', 'colleague', 'organization', 'titles', 'from', 'to', 'person_id', 'colleague_id', 'organization_id'], rows: orderBy(rows, ['person_id', 'organization', 'from', 'colleague', 'colleague_id']) };
  },

  'events-at-place'(g, p) {
    const seen = new Set<string>();
    const rows: Row[] = [];
    for (const root of nodesWhere(g, (a) => a.kind === 'Place' && a.name === p.place)) {
      for (const place of below(g, root, ['PART_OF', 'LOCATED_IN'])) {
        if (attrs(g, place).kind !== 'Place') continue;
        for (const h of edges(g, place, 'in', 'HELD_AT')) {
          const event = attrs(g, h.source);
          if (event.kind !== 'Event') continue;
          if (p.from !== null && !(event.date !== null && event.date >= p.from)) continue;
          if (p.to !== null && !(event.date !== null && event.date <= p.to)) continue;
          const key = `${h.source}\n${place}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const participants = new Set(edges(g, h.source, 'in', 'PARTICIPATED_IN').map((e) => e.source)).size;
          rows.push({ event: event.name, type: event.type, date: event.date, place: nodeLabel(attrs(g, place)), participants, event_id: event.id, place_id: attrs(g, place).id });
        }
      }
    }
    return { columns: ['event', 'type', 'date', 'place', 'participants', 'event_id', 'place_id'], rows: orderBy(rows, ['date', 'event', 'place']) };
  },
};

/** Answers a named query from the graph; `params` are already bound (see bindParams). */
export function runNamedQuery(graph: GuanxiGraph, name: string, params: Params): QueryResult {
  const run = QUERIES[name];
  if (!run) throw new Error(`the named query "${name}" has no in-memory form; run it against Neo4j (--neo4j URI)`);
  return run(graph, params);
}
