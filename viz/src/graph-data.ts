/** The payload of GET /api/graph as a graphology graph with what sigma draws: colour by kind, size by degree. */
import Graph from 'graphology';
import { ROLES, type NodeLabel, type RelationshipType, type Role } from '../../src/graph/model.js';
import type { GraphPayload } from '../../src/server/protocol.js';
import { KIND_COLORS } from './kinds.js';

export interface NodeAttrs {
  kind: NodeLabel;
  label: string;
  date: string | null;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttrs {
  rel: RelationshipType;
  date: string | null;
  /** A participation's roles as bits of ROLES (0 for other relationships). */
  roleBits: number;
  size: number;
  color: string;
}

export type ViewGraph = Graph<NodeAttrs, EdgeAttrs>;

const EDGE_COLOR = '#c8ccd2';

/** Sizes from the square root of the degree: hubs stand out without swallowing the screen. */
export function nodeSize(degree: number): number {
  return Math.min(3 + 1.6 * Math.sqrt(degree), 24);
}

/** The bits of a set of roles (ROLES order). */
export function roleBits(roles: Iterable<Role>): number {
  let bits = 0;
  for (const role of roles) bits |= 1 << ROLES.indexOf(role);
  return bits;
}

export function buildViewGraph(payload: GraphPayload): ViewGraph {
  const graph: ViewGraph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
  const { nodes, edges } = payload;
  for (let i = 0; i < nodes.key.length; i++) {
    const kind = payload.kinds[nodes.kind[i]];
    // Positions come from the layout (layout.ts); 0 until then.
    graph.addNode(nodes.key[i], { kind, label: nodes.label[i], date: nodes.date[i], x: 0, y: 0, size: 0, color: KIND_COLORS[kind] });
  }
  for (let i = 0; i < edges.source.length; i++) {
    graph.addDirectedEdge(nodes.key[edges.source[i]], nodes.key[edges.target[i]], {
      rel: payload.rels[edges.rel[i]],
      date: edges.date[i],
      roleBits: edges.roleBits[i],
      size: 0.6,
      color: EDGE_COLOR,
    });
  }
  graph.updateEachNodeAttributes((key, a) => ({ ...a, size: nodeSize(graph.degree(key)) }));
  return graph;
}
