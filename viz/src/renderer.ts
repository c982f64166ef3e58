/**
 * Drawing: sigma over the view graph, styled by reducers that read the view state (filters, hover,
 * selection) and nothing else. State changes come in through the store; pointer events go out to it.
 */
import Sigma from 'sigma';
import { layerPlain, pathLine } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph-data.js';
import type { Store, ViewState } from './state.js';
import { computeVisibility, type Visibility } from './visibility.js';

export type ViewSigma = Sigma<NodeAttrs, EdgeAttrs>;

/** Chinese names need a CJK face; Noto is what Debian's fonts-noto-cjk installs. */
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const DIMMED_NODE = '#e4e6ea';
const HIGHLIGHT_EDGE = '#5b6470';

/** At most this many neighbours of a hovered node get a label. */
const HOVER_LABELS = 24;

const FILTER_KEYS: (keyof ViewState)[] = ['kinds', 'roles', 'from', 'to', 'org', 'ego', 'path', 'result', 'expanded'];

export interface Renderer {
  sigma: ViewSigma;
  visibility(): Visibility;
  /** Moves the camera to a node (animated). */
  focus(key: string): void;
  /** Fits the camera to the visible nodes (all of them when nothing is filtered). */
  fit(): void;
}

export function createRenderer(container: HTMLElement, graph: ViewGraph, store: Store): Renderer {
  let visibility = computeVisibility(graph, store.get());
  /** The hovered or selected node and its neighbours; null when nothing is hovered or selected. */
  let focusSet: Set<string> | null = null;
  let focusNode: string | null = null;
  /** The neighbours whose labels hovering shows: the largest few, so that a hub's do not pile up. */
  let focusLabels: Set<string> = new Set();

  // Each drawn item costs the same in every frame, and while the camera moves nobody reads edges.
  const manyEdges = graph.size > 5000;
  const manyNodes = graph.order > 5000;
  const nodeReducer = (key: string, data: NodeDisplayData, attrs: NodeAttrs): Partial<NodeDisplayData> => {
    if (visibility.nodes && !visibility.nodes.has(key)) return { ...data, visibility: 'hidden' };
    const selected = key === store.get().selected;
    if (focusSet && !focusSet.has(key)) return { ...data, color: DIMMED_NODE, label: null, zIndex: 0 };
    // The label must move to the top layer with its node, or the node's backdrop covers it.
    if (selected || key === focusNode) return { ...data, labelVisibility: 'visible', backdropVisibility: 'visible', depth: 'topNodes', labelDepth: 'topNodes', zIndex: 2 };
    if (focusSet) return focusLabels.has(key) ? { ...data, labelVisibility: 'visible', zIndex: 1, color: attrs.color } : { ...data, label: null, zIndex: 1, color: attrs.color };
    return data;
  };
  const edgeReducer = (key: string, data: EdgeDisplayData, attrs: EdgeAttrs): Partial<EdgeDisplayData> => {
    if (visibility.edges ? !visibility.edges.has(key) : !visibility.edgeInRange(attrs.date)) return { ...data, visibility: 'hidden' };
    if (focusNode) {
      const [source, target] = graph.extremities(key);
      if (source !== focusNode && target !== focusNode) return { ...data, visibility: 'hidden' };
      return { ...data, color: HIGHLIGHT_EDGE, size: 1.5, depth: 'topEdges' };
    }
    return data;
  };

  const sigma: ViewSigma = new Sigma(graph, container, {
    primitives: {
      nodes: { label: { font: { family: LABEL_FONT } } },
      // Straight lines only. Sigma's default adds the self-loop path, and a program draws every edge
      // with the most segments any of its paths needs: 66 vertices an edge instead of 4, which made
      // panning 2,000 nodes take 0.7 s a frame in software WebGL. The graph has no self-loops.
      edges: { paths: [pathLine()], layers: [layerPlain()] },
    },
    nodeReducer,
    edgeReducer,
    settings: {
      // Labels only for nodes drawn large enough to matter; on a small graph, all of them.
      labelRenderedSizeThreshold: graph.order < 400 ? 0 : 9,
      labelDensity: 0.6,
      // Moving 100,000 edges every frame is what makes large graphs stutter.
      hideEdgesOnMove: manyEdges,
      hideLabelsOnMove: manyNodes,
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      stagePadding: 24,
      // Hidden behind the who-met-whom tab, the container has no size while the filters still change.
      allowInvalidContainer: true,
    } as Partial<ReturnType<ViewSigma['getSettings']>>,
  });

  const updateFocus = (s: ViewState) => {
    focusNode = s.hovered ?? null;
    const neighbours = s.hovered ? graph.neighbors(s.hovered) : [];
    focusSet = s.hovered ? new Set([s.hovered, ...neighbours]) : null;
    focusLabels = new Set(neighbours.sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size')).slice(0, HOVER_LABELS));
  };

  store.subscribe((s, prev) => {
    const filtersChanged = FILTER_KEYS.some((k) => s[k] !== prev[k]);
    if (filtersChanged) visibility = computeVisibility(graph, s);
    if (filtersChanged || s.hovered !== prev.hovered || s.selected !== prev.selected) {
      updateFocus(s);
      sigma.refresh({ skipIndexation: !filtersChanged });
    }
  });

  sigma.on('enterNode', ({ node }) => store.set({ hovered: node }));
  sigma.on('leaveNode', () => store.set({ hovered: null }));
  sigma.on('clickNode', ({ node }) => store.set({ selected: node }));
  sigma.on('clickStage', () => store.set({ selected: null }));

  return {
    sigma,
    visibility: () => visibility,
    focus(key) {
      const d = sigma.getNodeDisplayData(key);
      if (!d) return;
      const camera = sigma.getCamera();
      camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, graph.order > 2000 ? 0.08 : 0.35) }, { duration: 700 });
    },
    fit() {
      const camera = sigma.getCamera();
      if (!visibility.nodes) return void camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 500 });
      // Display data are in the framed graph's coordinates (the whole graph fits 0…1), as the camera's.
      let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
      for (const key of visibility.nodes) {
        const d = sigma.getNodeDisplayData(key);
        if (!d) continue;
        [x0, x1, y0, y1] = [Math.min(x0, d.x), Math.max(x1, d.x), Math.min(y0, d.y), Math.max(y1, d.y)];
      }
      if (x0 === Infinity) return;
      const ratio = Math.min(Math.max(Math.max(x1 - x0, y1 - y0) * 1.4, 0.08), 1.2);
      camera.animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio, angle: 0 }, { duration: 500 });
    },
  };
}
