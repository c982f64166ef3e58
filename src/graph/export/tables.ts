/**
 * The graph as entity tables (persons, organizations, places, events, titles, participation): the
 * rows that `guanxi export --csv` writes, computed from the in-memory graph so all stores agree. A
 * large store is exported a page at a time: the rows of some nodes, from a graph that holds those
 * nodes with everything around them.
 */
import type { EdgeAttributes, GuanxiGraph, NodeAttributes } from '../assemble.js';
import { careerOf, holdingsOf } from '../careers.js';

export type Row = Record<string, string | number>;
export interface EntityTable {
  name: string;
  columns: string[];
  rows: Row[];
}

const join = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).join('; ');
const dateSpan = (dates: (string | null)[]) => {
  const known = dates.filter((d): d is string => !!d).sort();
  return { first_seen: known[0] ?? '', last_seen: known.at(-1) ?? '' };
};
type Edge = { key: string; attrs: EdgeAttributes; source: string; target: string };

function edgesOf(graph: GuanxiGraph, node: string, dir: 'in' | 'out'): Edge[] {
  const out: Edge[] = [];
  const visit = (key: string, attrs: EdgeAttributes, source: string, target: string) => out.push({ key, attrs, source, target });
  if (dir === 'in') graph.forEachInEdge(node, visit);
  else graph.forEachOutEdge(node, visit);
  return out;
}

const name = (graph: GuanxiGraph, key: string) => {
  const a: NodeAttributes = graph.getNodeAttributes(key);
  return a.kind === 'Article' ? (a.headline ?? a.id) : a.name;
};
const idOf = (graph: GuanxiGraph, key: string) => graph.getNodeAttributes(key).id;
const articleIds = (edges: Edge[]) => join(edges.flatMap((e) => ('article' in e.attrs ? [e.attrs.article] : [])));

/** The tables of the whole graph, or only the rows of the nodes in `only`. */
export function entityTables(graph: GuanxiGraph, only?: Iterable<string>): EntityTable[] {
  const persons: Row[] = [];
  const organizations: Row[] = [];
  const places: Row[] = [];
  const events: Row[] = [];
  const titles: Row[] = [];
  const participation: Row[] = [];
  const careers: Row[] = [];
  const changes: Row[] = [];

  const keys = only ? [...only] : graph.nodes();
  for (const key of keys) {
    const a = graph.getNodeAttributes(key);
    const inE = edgesOf(graph, key, 'in');
    const outE = edgesOf(graph, key, 'out');
    const all = [...inE, ...outE];
    switch (a.kind) {
      case 'Person': {
        const holds = outE.filter((e) => e.attrs.rel === 'HOLDS');
        const mentions = inE.filter((e) => e.attrs.rel === 'MENTIONS');
        const titleRows: Row[] = [];
        for (const e of holds) {
          if (e.attrs.rel !== 'HOLDS') continue;
          titleRows.push({ person_id: a.id, person: a.name, title: e.attrs.title, organization: name(graph, e.target), date: e.attrs.date ?? '', article: e.attrs.article, sentence: e.attrs.sentence });
        }
        for (const e of mentions) {
          if (e.attrs.rel !== 'MENTIONS') continue;
          for (const t of e.attrs.titles) titleRows.push({ person_id: a.id, person: a.name, title: t, organization: '', date: e.attrs.date ?? '', article: e.attrs.article, sentence: e.attrs.sentence });
        }
        titles.push(...titleRows);
        const career = careerOf(holdingsOf(graph, key));
        for (const p of career.posts) {
          careers.push({ person_id: a.id, person: a.name, title: p.title, organization: p.organization, rank: p.rank ?? 'unknown', from: p.from ?? '', to: p.to ?? '', began: p.began ?? '', removed: p.removed ?? '', articles: p.articles.join('; ') });
        }
        for (const c of career.changes) {
          changes.push({
            person_id: a.id,
            person: a.name,
            kind: c.kind,
            date: c.date ?? '',
            from_title: c.from?.title ?? '',
            from_organization: c.from?.organization ?? '',
            to_title: c.to?.title ?? '',
            to_organization: c.to?.organization ?? '',
            articles: c.articles.join('; '),
            evidence: c.evidence.join(' / '),
          });
        }
        for (const e of outE) {
          if (e.attrs.rel !== 'PARTICIPATED_IN') continue;
          participation.push({ person_id: a.id, person: a.name, event_id: idOf(graph, e.target), event: name(graph, e.target), roles: e.attrs.roles.join('; '), date: e.attrs.date ?? '', article: e.attrs.article, sentence: e.attrs.sentence });
        }
        persons.push({
          id: a.id,
          name: a.name,
          region: a.region ?? '',
          resolution: a.resolution,
          titles: join(titleRows.map((t) => (t.organization ? `${t.title} (${t.organization})` : String(t.title)))),
          organizations: join(holds.map((e) => name(graph, e.target))),
          ...dateSpan(all.map((e) => ('date' in e.attrs ? e.attrs.date : null))),
          articles: articleIds(all),
        });
        break;
      }
      case 'Organization': {
        const parent = outE.find((e) => e.attrs.rel === 'PART_OF');
        const place = outE.find((e) => e.attrs.rel === 'LOCATED_IN');
        const members = new Set(inE.filter((e) => e.attrs.rel === 'HOLDS').map((e) => e.source));
        organizations.push({ id: a.id, name: a.name, part_of: parent ? name(graph, parent.target) : '', place: place ? name(graph, place.target) : '', members: members.size, articles: articleIds(inE) });
        break;
      }
      case 'Place': {
        const parent = outE.find((e) => e.attrs.rel === 'PART_OF' || e.attrs.rel === 'LOCATED_IN');
        places.push({ id: a.id, name: a.name, level: a.level, part_of: parent ? name(graph, parent.target) : '', articles: articleIds(inE) });
        break;
      }
      case 'Event': {
        const participants = new Set(inE.filter((e) => e.attrs.rel === 'PARTICIPATED_IN').map((e) => e.source));
        events.push({
          id: a.id,
          name: a.name,
          type: a.type,
          date: a.date ?? '',
          dates: a.dates.join('; '),
          places: join(outE.filter((e) => e.attrs.rel === 'HELD_AT').map((e) => name(graph, e.target))),
          participants: participants.size,
          articles: articleIds(inE),
        });
        break;
      }
      case 'Article':
        break;
    }
  }

  const table = (tableName: string, rows: Row[], columns: string[]): EntityTable => ({ name: tableName, columns, rows });
  return [
    table('persons', persons, ['id', 'name', 'region', 'resolution', 'titles', 'organizations', 'first_seen', 'last_seen', 'articles']),
    table('organizations', organizations, ['id', 'name', 'part_of', 'place', 'members', 'articles']),
    table('places', places, ['id', 'name', 'level', 'part_of', 'articles']),
    table('events', events, ['id', 'name', 'type', 'date', 'dates', 'places', 'participants', 'articles']),
    table('titles', titles, ['person_id', 'person', 'title', 'organization', 'date', 'article', 'sentence']),
    table('participation', participation, ['person_id', 'person', 'event_id', 'event', 'roles', 'date', 'article', 'sentence']),
    table('careers', careers, ['person_id', 'person', 'title', 'organization', 'rank', 'from', 'to', 'began', 'removed', 'articles']),
    table('career-changes', changes, ['person_id', 'person', 'kind', 'date', 'from_title', 'from_organization', 'to_title', 'to_organization', 'articles', 'evidence']),
  ];
}
