/**
 * The graph as GEXF 1.3 for Gephi (gexf-writer.ts): every property an attribute (lists `; `-joined,
 * as GEXF attributes are scalars), the node's kind among them, and the dates as a dynamic graph.
 */
import type { GuanxiGraph } from '../assemble.js';
import { nodeLabel } from '../node-text.js';
import { coveringSpan, daySpan, writeGexf, type DaySpan, type GexfEdge, type GexfNode } from './gexf-writer.js';

type Scalar = string | number;

function flat(attrs: object): Record<string, Scalar | null> {
  const out: Record<string, Scalar | null> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join('; ') : typeof v === 'boolean' ? String(v) : (v as Scalar);
  }
  return out;
}

/** Each property's GEXF type: integer when every value given is one, else string. */
function declared(values: Iterable<Record<string, Scalar | null>>): Record<string, 'string' | 'integer'> {
  const types: Record<string, 'string' | 'integer'> = {};
  for (const v of values) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) continue;
      types[k] = types[k] === 'string' || typeof x !== 'number' || !Number.isInteger(x) ? 'string' : 'integer';
    }
  }
  return types;
}

export function graphGexf(graph: GuanxiGraph): string {
  const edgeSpan = new Map<string, DaySpan | null>();
  graph.forEachEdge((key, a) => edgeSpan.set(key, daySpan('date' in a ? a.date : null)));
  const nodes: GexfNode[] = graph.mapNodes((key, a) => ({
    id: key,
    label: nodeLabel(a),
    // A node lives as long as its own date and its relationships': none leaves Gephi's timeline before its ends do.
    span: coveringSpan([daySpan('date' in a ? a.date : null), ...graph.mapEdges(key, (e) => edgeSpan.get(e) ?? null)]),
    attributes: flat(a),
  }));
  const edges: GexfEdge[] = graph.mapEdges((key, a, source, target) => ({ id: key, source, target, label: a.rel, span: edgeSpan.get(key) ?? null, attributes: flat(a) }));
  return writeGexf({
    description: 'Guanxi knowledge graph',
    nodeAttributes: declared(nodes.map((n) => n.attributes)),
    edgeAttributes: declared(edges.map((e) => e.attributes)),
    nodes,
    edges,
  });
}
