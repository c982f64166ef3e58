/**
 * A corpus's facts repeated as later years of the same paper (bench/ingest.ts, bench/bulk.ts): persons
 * and organizations recur, as in a real archive, while articles, documents and events are new.
 */
import type { DocumentFacts } from '../src/graph/model.js';

/** The facts as if printed `years` later: new article ids and documents, dates (and event keys) shifted. */
export function shifted(facts: DocumentFacts, years: number): DocumentFacts {
  if (years === 0) return facts;
  const year = (s: string | null) => (s && /^\d{4}/.test(s) ? String(Number(s.slice(0, 4)) + years) + s.slice(4) : s);
  const article = (id: string) => `${id}+${years}y`;
  const event = (id: string) => id.replace(/\|(\d{4})/, (_m, y: string) => `|${Number(y) + years}`);
  const ref = (r: { label: string; id: string }) =>
    r.label === 'Article' ? { ...r, id: article(r.id) } : r.label === 'Event' ? { ...r, id: event(r.id) } : r;
  return {
    document: `${facts.document}+${years}y`,
    hash: `${facts.hash}+${years}`,
    nodes: facts.nodes.map((n) => {
      if (n.label === 'Article') return { label: 'Article', props: { ...n.props, id: article(n.props.id), date: year(n.props.date) } };
      if (n.label === 'Event') return { label: 'Event', props: { ...n.props, id: event(n.props.id), date: year(n.props.date), dates: n.props.dates.map((d) => year(d)!) } };
      return n;
    }),
    relationships: facts.relationships.map((r) => {
      const props = r.props as unknown as Record<string, unknown>;
      const moved = 'article' in props ? { ...props, article: article(String(props.article)), date: year(props.date as string | null) } : props;
      return { ...r, from: ref(r.from), to: ref(r.to), props: moved } as typeof r;
    }),
  };
}
