/** Search suggestions: names matching what was typed, exact before prefix before substring, persons first. */
import type { GuanxiGraph } from '../graph/assemble.js';
import type { NodeLabel } from '../graph/model.js';
import { nodeDetail, nodeLabel } from '../graph/node-text.js';
import type { Suggestion } from './protocol.js';

const KIND_ORDER: Record<NodeLabel, number> = { Person: 0, Organization: 1, Event: 2, Place: 3, Article: 4 };

/** A node that matches, with what ranks it. */
export interface Candidate extends Suggestion {
  degree: number;
}

/** The best `limit` of candidates whose lower-cased label contains `q` (already trimmed and lower-cased). */
export function rankSuggestions(candidates: readonly Candidate[], q: string, limit: number): Suggestion[] {
  const folded = (c: Candidate) => c.label.toLowerCase();
  const tier = (c: Candidate) => (folded(c) === q ? 0 : folded(c).startsWith(q) ? 1 : 2);
  return [...candidates]
    .sort((a, b) => tier(a) - tier(b) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.degree - a.degree || a.label.localeCompare(b.label, 'zh'))
    .slice(0, limit)
    .map(({ key, kind, label, detail }) => ({ key, kind, label, detail }));
}

/** Every node of an in-memory graph, searched in memory. */
export class SearchIndex {
  private readonly entries: (Candidate & { folded: string })[] = [];

  constructor(graph: GuanxiGraph) {
    graph.forEachNode((key, a) => {
      const label = nodeLabel(a);
      this.entries.push({ key, kind: a.kind, label, detail: nodeDetail(a), folded: label.toLowerCase(), degree: graph.degree(key) });
    });
  }

  /** The best matches of `query`, of one kind if `kind` is given. */
  search(query: string, limit = 12, kind?: NodeLabel): Suggestion[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return rankSuggestions(
      this.entries.filter((e) => e.folded.includes(q) && (!kind || e.kind === kind)),
      q,
      limit,
    );
  }
}
