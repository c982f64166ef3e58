/**
 * Who met whom: persons joined by the events they shared (GET /api/meetings), drawn by a sigma of its
 * own beside the full graph. The view is small by construction — the most active people of a
 * period, or those around one person — so it is laid out at once, every person keeps a label, and
 * it opens readable on any size of graph.
 *
 * State in, pointer events out (state.ts): the period, the person in the centre and the selection
 * come from the store; clicking a person selects it, double-clicking centres the view on it,
 * clicking a line opens the pair's shared events. "Add whom X met" grows the view and Back undoes it.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { MetPair } from '../../src/graph/meetings.js';
import type { MeetingsPayload } from '../../src/server/protocol.js';
import { api } from './api.js';
import { KIND_COLORS } from './kinds.js';
import { LABEL_FONT } from './renderer.js';
import type { Store, ViewState } from './state.js';

export interface MetNode {
  label: string;
  detail: string | null;
  /** Events in the period. */
  events: number;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Added by "add whom X met" rather than by the period's query. */
  added?: boolean;
}

export interface MetEdge {
  weight: number;
  size: number;
  color: string;
  /** The pair's shared events and roles, from the first person's side (`source`). */
  pair: MetPair;
  /** The two persons' keys in the pair's order (the graph is undirected), and their names. */
  ends: [string, string];
  labels: [string, string];
}

export type MetGraph = Graph<MetNode, MetEdge>;

/** What the view has drawn, for the status line and the tests. */
export interface MeetingsStatus {
  period: MeetingsPayload['period'];
  around: string | null;
  persons: number;
  totalPersons: number;
  pairs: number;
  /** The persons expanded into the view, newest last. */
  added: string[];
}

export interface MeetingsView {
  graph: MetGraph;
  sigma: Sigma<MetNode, MetEdge>;
  /** Resolves when the view has drawn what the store asks for. */
  ready(): Promise<void>;
  status(): MeetingsStatus | null;
  /** Adds the people `key` met in the period (and the lines among all shown). */
  expand(key: string): Promise<void>;
  /** Undoes the last expansion; false when there is none. */
  back(): boolean;
  canGoBack(): boolean;
  /** Reframes the camera on the whole view. */
  fit(): void;
}

/** Persons asked for at most: enough to see a city's leadership, few enough to read every label. */
export const MEETINGS_LIMIT = 60;
/** A single shared event is a faint line; repeated meetings stand out. */
const edgeColor = (weight: number) => (weight > 1 ? '#8f99a5' : 'rgba(170, 178, 188, 0.45)');
const DIMMED = '#e4e6ea';
const HIGHLIGHT_EDGE = '#5b6470';

const personSize = (events: number) => Math.min(3 + 1.3 * Math.sqrt(events), 14);
const edgeSize = (weight: number) => Math.min(0.5 + 0.8 * Math.sqrt(weight), 5);

function addPayload(graph: MetGraph, m: MeetingsPayload, added: boolean): void {
  m.persons.forEach((p) => {
    if (graph.hasNode(p.key)) return;
    graph.addNode(p.key, { label: p.label, detail: p.detail, events: p.events, x: 0, y: 0, size: personSize(p.events), color: KIND_COLORS.Person, added });
  });
  for (const pair of m.pairs) {
    const [a, b] = [m.persons[pair.a], m.persons[pair.b]];
    if (graph.hasEdge(a.key, b.key)) continue;
    graph.addUndirectedEdgeWithKey(`${a.key}\n${b.key}`, a.key, b.key, { weight: pair.weight, size: edgeSize(pair.weight), color: edgeColor(pair.weight), pair, ends: [a.key, b.key], labels: [a.label, b.label] });
  }
}

/**
 * Positions: new persons start on a circle (a fixed order, so the same view looks the same), those
 * already placed keep their place; then ForceAtlas2 and noverlap, synchronously — a few hundred
 * nodes take milliseconds.
 */
export function layoutMeetings(graph: MetGraph, fixed: ReadonlySet<string> = new Set()): void {
  const n = graph.order;
  let i = 0;
  graph.forEachNode((key, a) => {
    if (fixed.has(key)) return;
    const t = (2 * Math.PI * i++) / Math.max(n, 1);
    graph.mergeNodeAttributes(key, { x: 100 * Math.cos(t), y: 100 * Math.sin(t) });
  });
  if (n > 1) {
    forceAtlas2.assign(graph, { iterations: n > 300 ? 150 : 300, settings: { ...forceAtlas2.inferSettings(graph), edgeWeightInfluence: 1, gravity: 2, strongGravityMode: true } });
    noverlap.assign(graph, { maxIterations: 120, settings: { margin: 6, ratio: 1.2 } });
  }
}

/** `first`: the answer for the store's state, already asked for (main.ts), used by the first load. */
export function createMeetingsView(container: HTMLElement, store: Store, first?: Promise<MeetingsPayload>): MeetingsView {
  const graph: MetGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let status: MeetingsStatus | null = null;
  /** Earlier views, for Back: the graph as exported and its status. */
  const history: { graph: ReturnType<MetGraph['export']>; status: MeetingsStatus }[] = [];
  let loading: Promise<void> = Promise.resolve();
  let ticket = 0;

  /** The hovered (else selected) person and the people they met; the selected pair's two ends. */
  let focus: { node: string | null; near: Set<string> } | null = null;
  const updateFocus = (s: ViewState) => {
    const node = [s.hovered, s.selected].find((k) => k && graph.hasNode(k)) ?? null;
    if (node) focus = { node, near: new Set([node, ...graph.neighbors(node)]) };
    else if (s.pair && graph.hasNode(s.pair[0]) && graph.hasNode(s.pair[1])) focus = { node: null, near: new Set(s.pair) };
    else focus = null;
  };

  const nodeReducer = (key: string, data: NodeDisplayData): Partial<NodeDisplayData> => {
    const res: Partial<NodeDisplayData> = { ...data, labelVisibility: 'visible' };
    if (focus && !focus.near.has(key)) return { ...res, color: DIMMED, labelVisibility: 'hidden', zIndex: 0 };
    if (key === store.get().selected || key === focus?.node) return { ...res, highlighted: true, zIndex: 2 };
    return { ...res, zIndex: 1 };
  };
  const edgeReducer = (key: string, data: EdgeDisplayData): Partial<EdgeDisplayData> => {
    const s = store.get();
    const [a, b] = graph.extremities(key);
    if (s.pair && ((s.pair[0] === a && s.pair[1] === b) || (s.pair[0] === b && s.pair[1] === a))) return { ...data, color: '#0969da', zIndex: 2 };
    if (focus?.node) return a === focus.node || b === focus.node ? { ...data, color: HIGHLIGHT_EDGE, zIndex: 1 } : { ...data, visibility: 'hidden' };
    return data;
  };

  const sigma = new Sigma<MetNode, MetEdge>(graph, container, {
    nodeReducer,
    edgeReducer,
    primitives: { nodes: { label: { font: { family: LABEL_FONT } } } },
    settings: {
      // Every person is labelled: the view is kept small enough for that.
      labelRenderedSizeThreshold: 0,
      labelDensity: 1,
      enableEdgeEvents: true,
      zIndex: true,
      stagePadding: 40,
      // Drawn while hidden behind the full graph's tab: sigma would refuse a container of no size.
      allowInvalidContainer: true,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
    } as Partial<ReturnType<Sigma<MetNode, MetEdge>['getSettings']>>,
  });

  sigma.on('enterNode', ({ node }) => store.set({ hovered: node }));
  sigma.on('leaveNode', () => store.set({ hovered: null }));
  sigma.on('clickNode', ({ node }) => store.set({ selected: node, pair: null }));
  sigma.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
    preventSigmaDefault();
    store.set({ around: node, selected: node, pair: null });
  });
  sigma.on('clickEdge', ({ edge }) => store.set({ pair: graph.getEdgeAttribute(edge, 'ends'), selected: null }));
  sigma.on('clickStage', () => store.set({ selected: null, pair: null }));

  const fit = () => sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  // The container narrows when the side panel opens: the picture is drawn again to fit what is left.
  new ResizeObserver(() => {
    sigma.resize();
    sigma.refresh({ skipIndexation: true });
  }).observe(container);

  /** Draws who met whom for the state; `asked`: its answer, when already asked for. */
  async function load(s: ViewState, asked?: Promise<MeetingsPayload>): Promise<void> {
    const mine = ++ticket;
    const m = await (asked ?? api.meetings({ from: s.from, to: s.to, person: s.around, roles: s.roles, limit: MEETINGS_LIMIT }));
    if (mine !== ticket) return;
    history.length = 0;
    graph.clear();
    addPayload(graph, m, false);
    layoutMeetings(graph);
    status = { period: m.period, around: m.around, persons: m.persons.length, totalPersons: m.totalPersons, pairs: m.pairs.length, added: [] };
    updateFocus(store.get());
    sigma.refresh();
    fit();
  }

  store.subscribe((s, prev) => {
    const query = s.from !== prev.from || s.to !== prev.to || s.around !== prev.around || s.roles !== prev.roles;
    if (s.view === 'meetings' && (query || s.view !== prev.view) && (query || !status)) loading = load(s);
    else if (s.hovered !== prev.hovered || s.selected !== prev.selected || s.pair !== prev.pair) {
      updateFocus(s);
      sigma.refresh({ skipIndexation: true });
    }
  });
  // The answer asked for early is for the state the page opened with: of use only now.
  if (store.get().view === 'meetings') loading = load(store.get(), first);

  return {
    graph,
    sigma,
    ready: () => loading,
    status: () => status,
    fit,
    canGoBack: () => history.length > 0,
    async expand(key) {
      const s = store.get();
      const m = await api.meetings({ from: s.from, to: s.to, person: key, roles: s.roles, limit: MEETINGS_LIMIT });
      if (!status) return;
      history.push({ graph: graph.export(), status });
      const placed = new Set(graph.nodes());
      addPayload(graph, m, true);
      // Lines among everyone now shown that neither query drew: each expansion's own pairs come with it.
      layoutMeetings(graph, placed);
      status = { ...status, persons: graph.order, pairs: graph.size, added: [...status.added, key] };
      sigma.refresh();
      fit();
      store.set({ selected: key });
    },
    back() {
      const last = history.pop();
      if (!last) return false;
      graph.clear();
      graph.import(last.graph);
      status = last.status;
      updateFocus(store.get());
      sigma.refresh();
      fit();
      return true;
    },
  };
}
