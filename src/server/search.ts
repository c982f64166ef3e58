/** Search suggestions: names matching what was typed, exact before prefix before substring, persons first. */
import type { GuanxiGraph } from '../graph/assemble.js';
import type { NodeLabel } from '../graph/model.js';
import { nodeLabel } from './payload.js';
import type { Suggestion } from './protocol.js';

const KIND_ORDER: Record<NodeLabel, number> = { Person: 0, Organization: 1, Event: 2, Place: 3, Article: 4 };

interface Entry extends Suggestion {
  folded: string;
  degree: number;
}

export class SearchIndex {
  private readonly entries: Entry[] = [];

  constructor(graph: GuanxiGraph) {
    graph.forEachNode((key, a) => {
      const label = nodeLabel(a);
      const detail = a.kind === 'Person' ? a.region : a.kind === 'Event' || a.kind === 'Article' ? a.date : null;
      this.entries.push({ key, kind: a.kind, label, detail, folded: label.toLowerCase(), degree: graph.degree(key) });
    });
  }

  /** The best matches of `query`, of one kind if `kind` is given. */
  search(query: string, limit = 12, kind?: NodeLabel): Suggestion[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const tier = (e: Entry) => (e.folded === q ? 0 : e.folded.startsWith(q) ? 1 : 2);
    return this.entries
      .filter((e) => e.folded.includes(q) && (!kind || e.kind === kind))
      .sort((a, b) => tier(a) - tier(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.degree - a.degree || a.label.localeCompare(b.label, 'zh'))
      .slice(0, limit)
      .map(({ key, kind, label, detail }) => ({ key, kind, label, detail }));
  }
}
