/**
 * Expand, not only filter: a node's neighbours (GET /api/neighbours, by kind and by role) added to
 * the full graph around it, and taken out again in reverse order (undo). What was added is kept in
 * the view state (`expanded`), so that a narrowed view (an ego network, a path, an organization)
 * shows it too.
 */
import type { NodeLabel, Role } from '../../src/graph/model.js';
import { api } from './api.js';
import { nodeSize, type ViewGraph } from './graph-data.js';
import { KIND_COLORS } from './kinds.js';
import type { Store } from './state.js';

const EDGE_COLOR = '#c8ccd2';

export interface Expander {
  /** Adds the node's neighbours of these kinds (and through these roles); how many nodes were new. */
  expand(key: string, kinds: readonly NodeLabel[], roles: readonly Role[]): Promise<number>;
  /** Takes out the last expansion; false when there is none. */
  undo(): boolean;
}

export function createExpander(graph: ViewGraph, store: Store): Expander {
  /** Each expansion's new nodes and edges, oldest first. */
  const stack: { nodes: string[]; edges: string[] }[] = [];

  return {
    async expand(key, kinds, roles) {
      const payload = await api.neighbours(key, kinds, roles);
      if (!graph.hasNode(key)) return 0;
      const centre = graph.getNodeAttributes(key);
      const { nodes, edges } = payload;
      const fresh = nodes.key.filter((k) => !graph.hasNode(k));
      // New nodes on a ring around the node, at a distance that grows with their number.
      const radius = 20 + 4 * Math.sqrt(fresh.length);
      const added = { nodes: [] as string[], edges: [] as string[] };
      nodes.key.forEach((k, i) => {
        if (graph.hasNode(k)) return;
        const t = (2 * Math.PI * added.nodes.length) / Math.max(fresh.length, 1);
        const kind = payload.kinds[nodes.kind[i]];
        graph.addNode(k, { kind, label: nodes.label[i], date: nodes.date[i], x: centre.x + radius * Math.cos(t), y: centre.y + radius * Math.sin(t), size: nodeSize(1), color: KIND_COLORS[kind] });
        added.nodes.push(k);
      });
      for (let i = 0; i < edges.source.length; i++) {
        const [s, t] = [nodes.key[edges.source[i]], nodes.key[edges.target[i]]];
        const rel = payload.rels[edges.rel[i]];
        if (graph.someEdge(s, t, (_e, a) => a.rel === rel && a.date === edges.date[i])) continue;
        added.edges.push(graph.addDirectedEdge(s, t, { rel, date: edges.date[i], roleBits: edges.roleBits[i] ?? 0, size: 0.6, color: EDGE_COLOR }));
      }
      stack.push(added);
      store.set({ expanded: [...store.get().expanded, ...added.nodes] });
      return added.nodes.length;
    },
    undo() {
      const last = stack.pop();
      if (!last) return false;
      for (const e of last.edges) if (graph.hasEdge(e)) graph.dropEdge(e);
      for (const n of last.nodes) if (graph.hasNode(n)) graph.dropNode(n);
      const gone = new Set(last.nodes);
      store.set({ expanded: store.get().expanded.filter((k) => !gone.has(k)), selected: gone.has(store.get().selected ?? '') ? null : store.get().selected });
      return true;
    },
  };
}
