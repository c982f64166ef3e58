/**
 * Drawing: sigma over the view graph, styled by sigma 4 styles over item states that mirror the view
 * state (filters, hover, selection: item-states.ts) and nothing else. State changes come in through
 * the store and change only the states that differ, so sigma neither re-indexes the graph nor
 * evaluates the items that did not change; pointer events go out to the store.
 */
import Sigma from 'sigma';
import { layerPlain, pathLine } from 'sigma/rendering';
import type { EdgeAttrs, NodeAttrs, ViewGraph } from './graph-data.js';
import { createLabelLayer, type LabelTone } from './labels.js';
import type { Store, ViewState } from './state.js';
import { createFocusEdges } from './focus-edges.js';
import { createItemStates, VIEW_NODE_STATE, type Changed, type Focus, type StateTarget } from './item-states.js';
import { computeVisibility, indexGraph, type Visibility } from './visibility.js';

export type ViewSigma = Sigma<NodeAttrs, EdgeAttrs>;

/** Chinese names need a CJK face; Noto is what Debian's fonts-noto-cjk installs. */
export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const DIMMED_NODE = '#e4e6ea';
const HIGHLIGHT_EDGE = '#5b6470';

/** At most this many neighbours of a hovered node get a label. */
const HOVER_LABELS = 24;
/** A view narrowed to at most this many nodes (a path, an ego network, a result) labels every one. */
const SMALL_VIEW = 300;

const FILTER_KEYS: (keyof ViewState)[] = ['kinds', 'roles', 'from', 'to', 'org', 'ego', 'path', 'result', 'expanded'];

export interface Renderer {
  sigma: ViewSigma;
  visibility(): Visibility;
  /** Moves the camera to a node (animated). */
  focus(key: string): void;
  /** Fits the camera to the visible nodes (all of them when nothing is filtered). */
  fit(): void;
  /** The nodes whose label is on screen (labels.ts). */
  displayedLabels(): ReadonlySet<string>;
  /** How many node and edge states the filters and the focus have changed so far (item-states.ts). */
  stateChanges(): Changed;
}

/**
 * The part of the container that floating elements (the side panel) leave free, as an offset of its
 * centre from the container's centre: the camera puts a focused node there, not under the panel.
 */
function freeCentre(container: HTMLElement, covers: readonly HTMLElement[]): { dx: number; dy: number } {
  const c = container.getBoundingClientRect();
  let [left, right] = [c.left, c.right];
  for (const cover of covers) {
    if (cover.hidden || !cover.offsetParent) continue;
    const r = cover.getBoundingClientRect();
    if (r.bottom <= c.top || r.top >= c.bottom || r.right <= c.left || r.left >= c.right) continue;
    if (r.left > (c.left + c.right) / 2) right = Math.min(right, r.left);
    else left = Math.max(left, r.right);
  }
  return right - left < 80 ? { dx: 0, dy: 0 } : { dx: (left + right) / 2 - (c.left + c.right) / 2, dy: 0 };
}

/**
 * The drawing order: edges, the veil (while a node has the focus, the edges before it are not drawn),
 * nodes, the focus's edges (focus-edges.ts), the focus.
 */
const DEPTH_LAYERS = ['edges', 'veil', 'nodes', 'topEdges', 'topNodes'] as const;

export function createRenderer(container: HTMLElement, graph: ViewGraph, store: Store, covers: readonly HTMLElement[] = []): Renderer {
  /** The graph as arrays for the filters, built again when an expansion adds or drops nodes or edges. */
  let index = indexGraph(graph);
  let stale = false;
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const) graph.on(event, () => (stale = true));
  const currentIndex = () => {
    if (stale) [index, stale] = [indexGraph(graph), false];
    return index;
  };
  let visibility = computeVisibility(graph, store.get(), index);
  /** The hovered or selected node and its neighbours; null when nothing is hovered or selected. */
  let focus: Focus | null = null;
  /** The neighbours whose labels hovering shows: the largest few, so that a hub's do not pile up. */
  let focusLabels: Set<string> = new Set();

  // Each drawn item costs the same in every frame, and while the camera moves nobody reads edges.
  const manyEdges = graph.size > 5000;
  const manyNodes = graph.order > 5000;

  const sigma = new Sigma(graph, container, {
    primitives: {
      nodes: { label: { font: { family: LABEL_FONT } } },
      // Straight lines only. Sigma's default adds the self-loop path, and a program draws every edge
      // with the most segments any of its paths needs: 66 vertices an edge instead of 4, which made
      // panning 2,000 nodes take 0.7 s a frame in software WebGL. The graph has no self-loops.
      edges: { paths: [pathLine()], layers: [layerPlain()] },
      depthLayers: [...DEPTH_LAYERS],
    },
    // Styles from attributes and item states only (item-states.ts): sigma then evaluates again just the
    // items whose state changed. A reducer, or a style that is a function, would make sigma evaluate
    // every node and edge on every change of state, its own included (a pan's start and end, a hover).
    // Sigma never gets a label: its glyph atlas garbles Chinese (labels.ts draws them instead).
    styles: {
      nodes: [
        { x: { attribute: 'x' }, y: { attribute: 'y' }, size: { attribute: 'size' }, color: { attribute: 'color' }, depth: 'nodes' },
        { whenState: 'isHidden', then: { visibility: 'hidden' }, else: { visibility: 'visible' } },
        { whenState: 'isDimmed', then: { color: DIMMED_NODE } },
        { whenState: 'isFocus', then: { depth: 'topNodes', backdropVisibility: 'visible' } },
      ],
      edges: [
        { size: { attribute: 'size' }, color: { attribute: 'color' }, depth: 'edges' },
        { whenState: 'isHidden', then: { visibility: 'hidden' }, else: { visibility: 'visible' } },
      ],
    },
    customNodeState: VIEW_NODE_STATE,
    settings: {
      // Labels only for nodes drawn large enough to matter; on a small graph, all of them.
      renderLabels: false,
      // Moving 100,000 edges every frame is what makes large graphs stutter.
      hideEdgesOnMove: manyEdges,
      // Dragging a node moves and pins it (layout.ts).
      enableNodeDrag: true,
      dragPositionToAttributes: (position: { x: number; y: number }) => ({ x: position.x, y: position.y }),
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      stagePadding: 24,
      // Hidden behind the who-met-whom tab, the container has no size while the filters still change.
      allowInvalidContainer: true,
    } as Partial<ReturnType<ViewSigma['getSettings']>>,
  }) as unknown as ViewSigma;

  // The veil: while a node has the focus, the GPU drops every edge before rasterizing it, from the
  // start of the edges' layer (sigma runs a layer's custom programs before its edges) to the veil.
  // Drawn and then cleared, the 65,000 edges of a month cost the same as shown: about 0.4 s a frame
  // in software WebGL (llvmpipe), on every hover and selection. Sigma still runs their vertex shader.
  sigma.addCustomLayerProgram('guanxi-edges-off', 'edges' as never, (gl) => ({
    render() {
      if (focus) gl.enable(gl.RASTERIZER_DISCARD);
    },
    kill() {},
  }));
  sigma.addCustomLayerProgram('guanxi-veil', 'veil' as never, (gl) => ({
    render() {
      gl.disable(gl.RASTERIZER_DISCARD);
    },
    kill() {},
  }));

  const states = createItemStates(graph, sigma as unknown as StateTarget);
  const focusEdges = createFocusEdges(sigma, 'topEdges', HIGHLIGHT_EDGE, 1.5);
  /** The focus's edges that the filters leave. */
  const drawFocusEdges = () => {
    const pairs: [string, string][] = [];
    if (focus) graph.forEachEdge(focus.node, (edge, _a, source, target) => {
      if (!sigma.getEdgeState(edge).isHidden) pairs.push([source, target]);
    });
    focusEdges.set(pairs);
  };

  /** The hovered node, else the selected one: either highlights its neighbours. */
  const focusOf = (s: ViewState): Focus | null => {
    const node = s.hovered ?? (s.selected && graph.hasNode(s.selected) ? s.selected : null);
    if (!node || !graph.hasNode(node)) return null;
    const neighbours = graph.neighbors(node);
    focusLabels = new Set(neighbours.sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size')).slice(0, HOVER_LABELS));
    return { node, near: new Set(neighbours) };
  };

  focus = focusOf(store.get());
  states.applyVisibility(visibility, focus, index);
  drawFocusEdges();
  const focusNode = () => focus?.node ?? null;

  /** A small view labels all its nodes; otherwise the focused node and its largest neighbours. */
  const smallView = () => !!visibility.nodes && visibility.nodes.size <= SMALL_VIEW;
  let sorted: string[] = [];
  const bySize = (keys: Iterable<string>) => [...keys].sort((a, b) => graph.getNodeAttribute(b, 'size') - graph.getNodeAttribute(a, 'size'));
  const labels = createLabelLayer(
    sigma,
    graph,
    {
      style(key): LabelTone | null {
        if (visibility.nodes && !visibility.nodes.has(key)) return null;
        if (key === focusNode() || key === store.get().selected) return 'focus';
        if (focus && !focus.near.has(key)) return smallView() ? 'muted' : null;
        if (focus && !focusLabels.has(key) && !smallView()) return null;
        return 'plain';
      },
      forced() {
        const selected = store.get().selected;
        const first = [focusNode(), selected].filter((k): k is string => !!k && graph.hasNode(k));
        return smallView() ? [...first, ...visibility.nodes!] : [...first, ...focusLabels];
      },
      candidates: () => {
        // Sorted once per graph (an expansion adds nodes), then filtered: a filter costs no sort.
        if (sorted.length !== graph.order) sorted = bySize(graph.nodes());
        const shown = visibility.nodes;
        return shown ? sorted.filter((k) => shown.has(k)) : sorted;
      },
    },
    // Rendered radii in px: at full view the largest nodes of a big graph are drawn 4–5 px wide.
    { font: LABEL_FONT, threshold: graph.order < 400 ? 0 : 3.5, hideOnMove: manyNodes },
  );

  /** Pans (at the same zoom) so that the selected node is not under the panel. */
  const keepSelectedClear = () => {
    const key = store.get().selected;
    const d = key ? sigma.getNodeDisplayData(key) : undefined;
    if (!d || !covers.some((c) => !c.hidden)) return;
    const p = sigma.framedGraphToViewport(d);
    const box = container.getBoundingClientRect();
    const under = covers.some((c) => {
      if (c.hidden) return false;
      const r = c.getBoundingClientRect();
      const [x, y] = [box.left + p.x, box.top + p.y];
      return x > r.left - 20 && x < r.right + 20 && y > r.top && y < r.bottom;
    });
    if (under) centre(d, sigma.getCamera().getState().ratio);
  };
  /** Moves the camera so that a point of the framed graph sits in the middle of the free part of the canvas. */
  const centre = (d: { x: number; y: number }, ratio: number) => {
    const camera = sigma.getCamera();
    const target = { x: d.x, y: d.y, ratio, angle: camera.getState().angle };
    const { dx, dy } = freeCentre(container, covers);
    if (dx || dy) {
      const { width, height } = sigma.getDimensions();
      const p = sigma.viewportToFramedGraph({ x: width / 2 + dx, y: height / 2 + dy }, { cameraState: target });
      [target.x, target.y] = [2 * d.x - p.x, 2 * d.y - p.y];
    }
    camera.animate(target, { duration: 600 });
  };
  const watchCovers = new MutationObserver(() => keepSelectedClear());
  for (const cover of covers) watchCovers.observe(cover, { attributes: true, attributeFilter: ['hidden'] });

  store.subscribe((s, prev) => {
    const filtersChanged = FILTER_KEYS.some((k) => s[k] !== prev[k]);
    if (filtersChanged || s.hovered !== prev.hovered || s.selected !== prev.selected) {
      focus = focusOf(s);
      if (filtersChanged) {
        visibility = computeVisibility(graph, s, currentIndex());
        states.applyVisibility(visibility, focus, currentIndex());
        labels.reindex();
      } else states.applyFocus(focus);
      drawFocusEdges();
      // Positions and sizes are unchanged: sigma redraws at the next frame what the states changed.
      sigma.scheduleRender();
    }
    if (s.selected !== prev.selected && s.selected) requestAnimationFrame(keepSelectedClear);
  });

  sigma.on('enterNode', ({ node }) => store.set({ hovered: node }));
  sigma.on('leaveNode', () => store.set({ hovered: null }));
  sigma.on('clickNode', ({ node }) => store.set({ selected: node }));
  sigma.on('clickStage', () => store.set({ selected: null }));

  return {
    sigma,
    visibility: () => visibility,
    displayedLabels: () => labels.displayed(),
    stateChanges: () => states.counts(),
    focus(key) {
      const d = sigma.getNodeDisplayData(key);
      if (!d) return;
      centre(d, Math.min(sigma.getCamera().getState().ratio, graph.order > 2000 ? 0.08 : 0.35));
    },
    fit() {
      const camera = sigma.getCamera();
      if (!visibility.nodes) return void camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 500 });
      // The box of the graph's own coordinates, framed (the whole graph fits 0…1, as the camera's):
      // sigma's display data would be copied node by node.
      let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
      for (const key of visibility.nodes) {
        if (!graph.hasNode(key)) continue;
        const { x, y } = graph.getNodeAttributes(key);
        [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
      }
      if (x0 !== Infinity) {
        const [a, b] = [sigma.graphToFramedGraph({ x: x0, y: y0 }), sigma.graphToFramedGraph({ x: x1, y: y1 })];
        [x0, x1, y0, y1] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
      }
      if (x0 === Infinity) return;
      const ratio = Math.min(Math.max(Math.max(x1 - x0, y1 - y0) * 1.4, 0.08), 1.2);
      camera.animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio, angle: 0 }, { duration: 500 });
    },
  };
}
