/**
 * The view state as sigma 4 item states: which nodes and edges the filters hide, and which the
 * hovered or selected node dims, lifts or highlights. Sigma re-evaluates the styles (renderer.ts) of
 * the items whose state changed and of no other, in place, without re-indexing the graph: so only
 * what differs from the state sigma already holds is set.
 *
 * Nodes are compared one by one with sigma's state (a map lookup each). Edges are many more: their
 * `isHidden` is recomputed only when the filters change, never for the focus. While a node has the
 * focus, the renderer's veil drops the edges and a layer of its own draws the focus's
 * (focus-edges.ts): no edge state changes.
 */
import type { ViewGraph } from './graph-data.js';
import type { GraphIndex, Visibility } from './visibility.js';

/** The node states the viewer adds to sigma's (isHidden, isHovered, isHighlighted, isDragged, isLabelHovered). */
export interface ViewNodeState {
  /** Another node has the focus and this one is not its neighbour. */
  isDimmed: boolean;
  /** The hovered or selected node. */
  isFocus: boolean;
}

export const VIEW_NODE_STATE: ViewNodeState = { isDimmed: false, isFocus: false };

/** The node with the focus (hovered, else selected) and its neighbours; null when none has it. */
export interface Focus {
  node: string;
  near: ReadonlySet<string>;
}

/** What of sigma the states need: its graph's states, read and set. */
export interface StateTarget {
  getNodeState(key: string): { isHidden: boolean } & ViewNodeState;
  getEdgeState(key: string): { isHidden: boolean };
  setNodeState(key: string, state: Partial<{ isHidden: boolean } & ViewNodeState>): unknown;
  setEdgesState(keys: string[], state: Partial<{ isHidden: boolean }>): unknown;
}

/** How many items a change touched: what sigma has to evaluate again. */
export interface Changed {
  nodes: number;
  edges: number;
}

export interface ItemStates {
  /** The filters changed (or the graph did, with a new index): nodes and edges hidden or shown again. */
  applyVisibility(visibility: Visibility, focus: Focus | null, index: GraphIndex): Changed;
  /** The focus moved: nodes dimmed, lifted or restored (no edge: see above). */
  applyFocus(focus: Focus | null): Changed;
  /** Totals since the start: read by the tests to see that a change touched only what it had to. */
  counts(): Changed;
}

export function createItemStates(graph: ViewGraph, sigma: StateTarget): ItemStates {
  /** The nodes the filters leave (null: all). */
  let visible: Visibility['nodes'] = null;
  const total: Changed = { nodes: 0, edges: 0 };
  /** Each indexed edge's hidden state as last set (sigma's, read once per index). */
  let indexed: GraphIndex | null = null;
  let edgeHidden = new Uint8Array(0);

  /** Sets a node's states where they differ from sigma's; true when they did. */
  const syncNode = (key: string, focus: Focus | null): boolean => {
    const want = {
      isHidden: !!visible && !visible.has(key),
      isDimmed: !!focus && key !== focus.node && !focus.near.has(key),
      isFocus: !!focus && key === focus.node,
    };
    const has = sigma.getNodeState(key);
    if (has.isHidden === want.isHidden && has.isDimmed === want.isDimmed && has.isFocus === want.isFocus) return false;
    sigma.setNodeState(key, want);
    return true;
  };
  const syncNodes = (focus: Focus | null): number => {
    let n = 0;
    graph.forEachNode((key) => {
      if (syncNode(key, focus)) n++;
    });
    return n;
  };
  const count = (c: Changed): Changed => {
    total.nodes += c.nodes;
    total.edges += c.edges;
    return c;
  };

  return {
    applyVisibility(visibility, focus, index) {
      visible = visibility.nodes;
      const nodes = syncNodes(focus);
      if (index !== indexed) {
        // A new graph: what sigma holds is the truth (an added edge starts shown).
        indexed = index;
        edgeHidden = Uint8Array.from(index.edges, (e) => (sigma.getEdgeState(e).isHidden ? 1 : 0));
      }
      const { source, target, edgeDates } = index;
      const shownNode = visible ? Uint8Array.from(index.nodes, (k) => (visible!.has(k) ? 1 : 0)) : null;
      const [hide, show]: string[][] = [[], []];
      for (let j = 0; j < index.edges.length; j++) {
        const key = index.edges[j];
        const shown = (!shownNode || (shownNode[source[j]] && shownNode[target[j]])) && (visibility.edges ? visibility.edges.has(key) : visibility.edgeInRange(edgeDates[j]));
        if (edgeHidden[j] === (shown ? 0 : 1)) continue;
        edgeHidden[j] = shown ? 0 : 1;
        (shown ? show : hide).push(key);
      }
      // One call for each: sigma then schedules its refresh once, not once an edge.
      if (hide.length) sigma.setEdgesState(hide, { isHidden: true });
      if (show.length) sigma.setEdgesState(show, { isHidden: false });
      const edges = hide.length + show.length;
      return count({ nodes, edges });
    },
    applyFocus(focus) {
      return count({ nodes: syncNodes(focus), edges: 0 });
    },
    counts: () => ({ ...total }),
  };
}
