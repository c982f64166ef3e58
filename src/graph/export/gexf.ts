/** The graph as GEXF for Gephi: lists become `; `-joined strings, as GEXF attributes are scalars. */
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import type { GuanxiGraph } from '../assemble.js';

type Scalar = string | number | boolean;

function flat(attrs: object): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join('; ') : (v as Scalar);
  }
  return out;
}

export function graphGexf(graph: GuanxiGraph): string {
  const copy = new Graph<Record<string, Scalar>, Record<string, Scalar>>({ multi: true, type: 'directed' });
  graph.forEachNode((key, a) => copy.addNode(key, { ...flat(a), label: a.kind === 'Article' ? (a.headline ?? a.id) : a.name }));
  graph.forEachEdge((key, a, s, t) => copy.addDirectedEdgeWithKey(key, s, t, { ...flat(a), label: a.rel }));
  return write(copy, {
    formatNode: (_key, a) => {
      const { label, ...attributes } = a;
      return { label: String(label), attributes };
    },
    formatEdge: (_key, a) => {
      const { label, ...attributes } = a;
      return { label: String(label), attributes };
    },
  });
}
