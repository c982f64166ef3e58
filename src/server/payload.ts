/** The graph as the viewer loads it (see GraphPayload): parallel arrays, edges by node index, and a content hash. */
import { createHash } from 'node:crypto';
import type { GuanxiGraph, NodeAttributes } from '../graph/assemble.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, ROLES } from '../graph/model.js';
import { nodeLabel } from '../graph/node-text.js';
import type { GraphPayload } from './protocol.js';

export function nodeDate(a: NodeAttributes): string | null {
  return a.kind === 'Event' || a.kind === 'Article' ? a.date : null;
}

export function graphPayload(graph: GuanxiGraph): GraphPayload {
  const kinds = [...NODE_LABELS];
  const rels = [...RELATIONSHIP_TYPES];
  const index = new Map<string, number>();
  const nodes: GraphPayload['nodes'] = { key: [], kind: [], label: [], date: [] };
  const edges: GraphPayload['edges'] = { source: [], target: [], rel: [], date: [], roleBits: [] };
  const hash = createHash('sha256');
  graph.forEachNode((key, a) => {
    index.set(key, nodes.key.length);
    nodes.key.push(key);
    nodes.kind.push(kinds.indexOf(a.kind));
    nodes.label.push(nodeLabel(a));
    nodes.date.push(nodeDate(a));
    hash.update(key).update('\n');
  });
  graph.forEachEdge((key, a, source, target) => {
    edges.source.push(index.get(source)!);
    edges.target.push(index.get(target)!);
    edges.rel.push(rels.indexOf(a.rel));
    edges.date.push('date' in a ? a.date : null);
    edges.roleBits.push(a.rel === 'PARTICIPATED_IN' ? a.roles.reduce((bits, role) => bits | (1 << ROLES.indexOf(role)), 0) : 0);
    hash.update(key).update('\n');
  });
  return { hash: hash.digest('hex').slice(0, 16), kinds, rels, nodes, edges };
}
