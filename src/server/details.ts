/**
 * What the viewer's side panel shows for a node, read from the in-memory graph: a person's titles,
 * organizations, events and evidence; an event's participants by role; an organization's members
 * (its own and those of the bodies under it); a place's events; an article's contents.
 */
import type { EdgeAttributes, GuanxiGraph, NodeAttributes } from '../graph/assemble.js';
import type { Provenance, RelationshipType } from '../graph/model.js';
import { nodeLabel } from '../graph/node-text.js';
import type {
  ArticleDetails,
  EventDetails,
  Evidence,
  Member,
  NodeDetails,
  NodeRef,
  OrganizationDetails,
  Participant,
  PersonDetails,
  TitleHeld,
  PlaceDetails,
} from './protocol.js';
import { roleProvenance, roleProvenances } from './role-evidence.js';

type Edge<T extends RelationshipType> = { attrs: Extract<EdgeAttributes, { rel: T }>; other: string };

function edgesOf<T extends RelationshipType>(g: GuanxiGraph, node: string, dir: 'in' | 'out', rel: T): Edge<T>[] {
  const out: Edge<T>[] = [];
  const visit = (_k: string, attrs: EdgeAttributes, source: string, target: string) => {
    if (attrs.rel === rel) out.push({ attrs: attrs as Edge<T>['attrs'], other: dir === 'in' ? source : target });
  };
  if (dir === 'in') g.forEachInEdge(node, visit);
  else g.forEachOutEdge(node, visit);
  return out;
}

function ref(g: GuanxiGraph, key: string): NodeRef {
  const a = g.getNodeAttributes(key);
  return { key, kind: a.kind, label: nodeLabel(a) };
}

function uniqueRefs(g: GuanxiGraph, keys: Iterable<string>): NodeRef[] {
  return [...new Set(keys)].map((k) => ref(g, k)).sort((a, b) => a.label.localeCompare(b.label, 'zh'));
}

/** The nodes at the other end of a node's `rel` relationships in one direction, each once, sorted. */
function linked(g: GuanxiGraph, key: string, dir: 'in' | 'out', rel: RelationshipType): NodeRef[] {
  return uniqueRefs(g, edgesOf(g, key, dir, rel).map((e) => e.other));
}

/**
 * A fact's evidence. The mention to highlight is the one recorded as written (北京 for 北京市), else
 * the subject's name where the sentence holds it.
 */
function evidence(g: GuanxiGraph, p: Provenance & { mention?: string }, subject: string): Evidence {
  const article = g.hasNode(`Article:${p.article}`) ? g.getNodeAttributes(`Article:${p.article}`) : null;
  const label = g.hasNode(subject) ? ref(g, subject).label : '';
  return {
    article: p.article,
    headline: article?.kind === 'Article' ? article.headline : null,
    date: p.date ?? (article?.kind === 'Article' ? article.date : null),
    sentence: p.sentence,
    mention: p.mention || (label && p.sentence.includes(label) ? label : ''),
  };
}

/** Newest first; undated last. */
const byDateDesc = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);

/** The node and everything below it along PART_OF (sub-organizations, districts). */
function below(g: GuanxiGraph, root: string): string[] {
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length) {
    for (const e of edgesOf(g, queue.pop()!, 'in', 'PART_OF')) {
      if (!seen.has(e.other)) {
        seen.add(e.other);
        queue.push(e.other);
      }
    }
  }
  return [...seen];
}

function base(g: GuanxiGraph, key: string, a: NodeAttributes) {
  const props = Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'kind')) as NodeDetails['props'];
  return { key, label: nodeLabel(a), props, degree: g.degree(key) };
}

function person(g: GuanxiGraph, key: string, a: NodeAttributes): PersonDetails {
  const holds = edgesOf(g, key, 'out', 'HOLDS');
  const taken = edgesOf(g, key, 'out', 'PARTICIPATED_IN');
  const mentions = edgesOf(g, key, 'in', 'MENTIONS');
  const titles = new Map<string, TitleHeld>();
  const addTitle = (title: string, org: string | null, date: string | null) => {
    const k = `${title}\n${org ?? ''}`;
    const t = titles.get(k) ?? { title, organization: org ? ref(g, org) : null, dates: [] };
    if (date && !t.dates.includes(date)) t.dates = [...t.dates, date].sort();
    titles.set(k, t);
  };
  for (const h of holds) addTitle(h.attrs.title, h.other, h.attrs.date);
  for (const m of mentions) for (const title of m.attrs.titles) addTitle(title, null, m.attrs.date);
  const events = taken
    .map((t) => {
      const e = g.getNodeAttributes(t.other);
      // Each role's own sentence (the speech for spoke); the first role's leads.
      const roleEvidence = roleProvenances(t.attrs).map((p) => evidence(g, p, key));
      return { event: ref(g, t.other), type: e.kind === 'Event' ? e.type : '', date: t.attrs.date, roles: t.attrs.roles, evidence: roleEvidence[0] ?? evidence(g, t.attrs, key), roleEvidence };
    })
    .sort((x, y) => byDateDesc(x.date, y.date));
  const seen = new Set<string>();
  const sentences = [...holds.map((e) => e.attrs), ...taken.flatMap((t) => [t.attrs, ...roleProvenances(t.attrs)]), ...mentions.map((e) => e.attrs)]
    .map((p) => evidence(g, p, key))
    .filter((ev) => {
      const k = `${ev.article}\n${ev.sentence}`;
      if (!ev.sentence || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => byDateDesc(x.date, y.date));
  const placedBy = [...new Set(mentions.flatMap((m) => (m.attrs.resolution ? [m.attrs.basis ? `${m.attrs.resolution}: ${m.attrs.basis}` : m.attrs.resolution] : [])))].sort();
  return { ...base(g, key, a), kind: 'Person', titles: [...titles.values()], organizations: uniqueRefs(g, holds.map((h) => h.other)), events, evidence: sentences, wrote: linked(g, key, 'out', 'WROTE'), placedBy };
}

function event(g: GuanxiGraph, key: string, a: Extract<NodeAttributes, { kind: 'Event' }>): EventDetails {
  const participants: Record<string, Participant[]> = {};
  for (const p of edgesOf(g, key, 'in', 'PARTICIPATED_IN')) {
    // Under each role, the sentence that gave that role (the speech under spoke).
    p.attrs.roles.forEach((role, i) => (participants[role] ??= []).push({ person: ref(g, p.other), roles: p.attrs.roles, evidence: evidence(g, roleProvenance(p.attrs, i), p.other) }));
  }
  return {
    ...base(g, key, a),
    kind: 'Event',
    type: a.type,
    dates: a.dates,
    places: linked(g, key, 'out', 'HELD_AT'),
    participants,
    articles: linked(g, key, 'in', 'REPORTS'),
  };
}

function organization(g: GuanxiGraph, key: string, a: NodeAttributes): OrganizationDetails {
  const members: Member[] = [];
  for (const org of below(g, key)) {
    if (g.getNodeAttribute(org, 'kind') !== 'Organization') continue;
    for (const h of edgesOf(g, org, 'in', 'HOLDS')) {
      members.push({ person: ref(g, h.other), title: h.attrs.title, organization: ref(g, org), evidence: evidence(g, h.attrs, h.other) });
    }
  }
  members.sort((x, y) => x.organization.label.localeCompare(y.organization.label, 'zh') || x.person.label.localeCompare(y.person.label, 'zh'));
  return {
    ...base(g, key, a),
    kind: 'Organization',
    parents: linked(g, key, 'out', 'PART_OF'),
    children: linked(g, key, 'in', 'PART_OF'),
    members,
  };
}

function place(g: GuanxiGraph, key: string, a: NodeAttributes): PlaceDetails {
  const inside = below(g, key);
  const events = inside.flatMap((p) => edgesOf(g, p, 'in', 'HELD_AT').map((e) => e.other));
  const organizations = inside.flatMap((p) => edgesOf(g, p, 'in', 'LOCATED_IN').map((e) => e.other)).filter((k) => g.getNodeAttribute(k, 'kind') === 'Organization');
  return {
    ...base(g, key, a),
    kind: 'Place',
    within: uniqueRefs(g, [...edgesOf(g, key, 'out', 'PART_OF'), ...edgesOf(g, key, 'out', 'LOCATED_IN')].map((e) => e.other)),
    events: uniqueRefs(g, events),
    organizations: uniqueRefs(g, organizations),
  };
}

function article(g: GuanxiGraph, key: string, a: Extract<NodeAttributes, { kind: 'Article' }>): ArticleDetails {
  return {
    ...base(g, key, a),
    kind: 'Article',
    headline: a.headline,
    date: a.date,
    events: linked(g, key, 'out', 'REPORTS'),
    mentions: linked(g, key, 'out', 'MENTIONS'),
    authors: linked(g, key, 'in', 'WROTE'),
  };
}

/** The panel's details of a node, or null when the graph has no such node. */
export function nodeDetails(g: GuanxiGraph, key: string): NodeDetails | null {
  if (!g.hasNode(key)) return null;
  const a = g.getNodeAttributes(key);
  switch (a.kind) {
    case 'Person':
      return person(g, key, a);
    case 'Event':
      return event(g, key, a);
    case 'Organization':
      return organization(g, key, a);
    case 'Place':
      return place(g, key, a);
    case 'Article':
      return article(g, key, a);
  }
}
