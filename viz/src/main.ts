/**
 * The viewer's entry point: loads the graph, lays it out, and wires the modules together through
 * the view state (state.ts). `window.__guanxi` exposes timings and handles for the tests and the bench.
 */
import type { Meta } from '../../src/server/protocol.js';
import { api } from './api.js';
import { createConsole } from './console.js';
import { byId, h, replace } from './dom.js';
import { closeOnEscape } from './escape.js';
import { createExpander, type Expander } from './expand.js';
import { createExport } from './export.js';
import { createFilters } from './filters.js';
import { buildViewGraph, type ViewGraph } from './graph-data.js';
import { KIND_COLORS, KINDS } from './kinds.js';
import { fetchLayout, Layout, layoutButton, pinOnDrag, type LayoutState } from './layout.js';
import { createPanel } from './panel.js';
import { createRenderer, type Renderer } from './renderer.js';
import { Store, type ViewName, type ViewState } from './state.js';
import { watchStoreChanges } from './store-changes.js';
import { suggestInput } from './suggest.js';
import { readUrl, syncUrl, urlView, type CameraView } from './url-state.js';
import { createMeetingsView, MEETINGS_LIMIT, type MeetingsStatus, type MeetingsView } from './meetings-view.js';
import { createRolesFilter } from './roles-filter.js';
import { createTimeline, type TimelineControl } from './timeline.js';

export interface TestHook {
  /** ms since navigation start when the first view's first frame was on screen. */
  firstRender: number | null;
  /** The full graph's layout; 'done' while only who met whom is shown. */
  layout: LayoutState | 'loading';
  error: string | null;
  /** The full graph's renderer and graph, once its tab has been opened. */
  renderer: Renderer | null;
  graph: ViewGraph | null;
  store: Store | null;
  meetings: MeetingsView | null;
  timeline: TimelineControl | null;
  /** The full graph's expansions, once it is open. */
  expander: Expander | null;
}

declare global {
  interface Window {
    __guanxi: TestHook;
  }
}

const hook: TestHook = (window.__guanxi = { firstRender: null, layout: 'loading', error: null, renderer: null, graph: null, store: null, meetings: null, timeline: null, expander: null });

const STORE_NAMES: Record<Meta['store'], string> = { sqlite: 'embedded store', snapshot: 'journal', neo4j: 'Neo4j' };

/**
 * The view a graph opens on when the link names none: the full graph when it is small enough to
 * draw whole, else who met whom (a picture of the whole of a large graph is a grey disc).
 */
function defaultView(meta: Meta): ViewName {
  return meta.nodes > meta.overview && (meta.counts.PARTICIPATED_IN ?? 0) > 0 ? 'meetings' : 'graph';
}

function describeStore(meta: Meta): string {
  const part = meta.overview < meta.nodes ? ` (the full graph shows the ${meta.overview.toLocaleString()} most connected)` : '';
  return `${STORE_NAMES[meta.store]} ${meta.location} · ${meta.nodes.toLocaleString()} nodes${part} · ${meta.edges.toLocaleString()} edges`;
}

function describeMeetings(status: MeetingsStatus | null, around: string | null, meetings: MeetingsView): string {
  if (!status) return 'Loading who met whom…';
  const { from, to } = status.period;
  const period = from || to ? `${from ?? '…'} – ${to ?? '…'}` : 'all time';
  const centre = around && meetings.graph.hasNode(around) ? `around ${meetings.graph.getNodeAttribute(around, 'label')}` : 'the most active people';
  if (!status.persons) return `Who met whom, ${period}: nobody took part in an event with someone else in this period.`;
  const added = status.added.length ? ` · ${status.added.length} added` : '';
  return `Who met whom, ${period}: ${centre} · ${status.persons.toLocaleString()} of ${status.totalPersons.toLocaleString()} people · ${status.pairs.toLocaleString()} pairs${added}`;
}

async function main(): Promise<void> {
  // The kind colours live in kinds.ts (sigma needs them); CSS gets them as custom properties.
  for (const kind of KINDS) document.documentElement.style.setProperty(`--kind-${kind}`, KIND_COLORS[kind]);

  const { state, camera } = readUrl();
  // Who met whom is asked for with the rest unless the link names the full graph: on a large graph
  // it is the first picture, and its answer need not wait for the graph's counts.
  const firstMeetings = urlView() === 'graph' ? undefined : api.meetings({ from: state.from, to: state.to, person: state.around, roles: state.roles, limit: MEETINGS_LIMIT });
  firstMeetings?.catch(() => {});
  const [meta, queries, events] = await Promise.all([api.meta(), api.queries(), api.timeline()]);
  state.view = urlView() ?? defaultView(meta);
  const store = new Store(state);
  hook.store = store;
  replace(byId('store-info'), describeStore(meta));
  watchStoreChanges(meta.changes, () => {
    const reload = h('button', { type: 'button', class: 'ego', on: { click: () => location.reload() } }, 'Reload');
    replace(byId('store-info'), describeStore(meta), ' · the graph has changed since: ', reload);
  });
  if (meta.nodes === 0) replace(byId('empty'), 'The graph is empty: run `guanxi ingest` (it ingests the bundled sample page) and reload this page.');
  const url = syncUrl(store);

  // Who met whom: drawn at once when it is the opening view, else when its tab is first chosen.
  const meetings = createMeetingsView(byId('meetings'), store, firstMeetings);
  hook.meetings = meetings;
  hook.timeline = createTimeline(events, store);
  createRolesFilter(store);

  // The full graph: loaded, laid out and wired the first time its tab is open.
  let full: Promise<Renderer> | null = null;
  const fullGraph = () => (full ??= openFullGraph(store, camera, url.follow));

  const open = (key: string) => {
    store.set({ selected: key, pair: null });
    if (store.get().view === 'graph') void fullGraph().then((r) => r.focus(key));
  };
  createPanel(byId('panel'), store, {
    open,
    pair: (a, b) => (meetings.graph.hasEdge(a, b) ? meetings.graph.getEdgeAttributes(meetings.graph.edge(a, b)!) : null),
    expand: (key) => void meetings.expand(key).then(showMeetingsBar),
    addNeighbours: (key, kinds, roles) => void fullGraph().then(() => hook.expander?.expand(key, kinds, roles)),
  });
  suggestInput(byId<HTMLInputElement>('search'), {
    onPick: (s) => (store.get().view === 'meetings' && s.kind === 'Person' ? store.set({ around: s.key, selected: s.key, pair: null }) : (store.set({ view: 'graph' }), open(s.key))),
  });
  closeOnEscape(store, createConsole(store, queries, meta.cypher));
  byId('fit').addEventListener('click', () => (store.get().view === 'meetings' ? meetings.fit() : void fullGraph().then((r) => r.fit())));

  const bar = byId('meetings-bar');
  const back = byId<HTMLButtonElement>('meetings-back');
  const clear = byId<HTMLButtonElement>('meetings-clear');
  function showMeetingsBar(): void {
    const s = store.get();
    replace(byId('meetings-status'), describeMeetings(meetings.status(), s.around, meetings));
    back.hidden = !meetings.canGoBack();
    clear.hidden = !s.around;
  }
  back.addEventListener('click', () => meetings.back() && showMeetingsBar());
  clear.addEventListener('click', () => store.set({ around: null, pair: null }));

  const tabs = { meetings: byId('view-meetings'), graph: byId('view-graph') };
  for (const [name, tab] of Object.entries(tabs)) tab.addEventListener('click', () => store.set({ view: name as ViewName }));
  const showView = (s: ViewState) => {
    for (const [name, tab] of Object.entries(tabs)) tab.setAttribute('aria-selected', String(name === s.view));
    byId('meetings').hidden = bar.hidden = s.view !== 'meetings';
    byId('graph').hidden = byId('relayout').hidden = s.view !== 'graph';
    byId('filters').classList.toggle('meetings-view', s.view === 'meetings');
    if (s.view === 'graph') void fullGraph();
    else meetings.sigma.resize(), meetings.sigma.refresh();
  };
  store.subscribe((s, prev) => {
    // A query drawn as a graph is drawn on the full graph.
    if (s.result && s.result !== prev.result && s.view !== 'graph') return store.set({ view: 'graph' });
    if (s.view !== prev.view) showView(s);
    if (s.view === 'meetings' && (s.view !== prev.view || s.from !== prev.from || s.to !== prev.to || s.around !== prev.around || s.roles !== prev.roles)) void meetings.ready().then(showMeetingsBar);
  });
  showView(store.get());

  if (store.get().view === 'meetings') {
    await meetings.ready();
    showMeetingsBar();
    hook.layout = 'done';
    requestAnimationFrame(() => (hook.firstRender ??= performance.now()));
  } else await fullGraph();
}

/** The full graph's picture: the graph, its layout, the renderer, its filters and exports. */
async function openFullGraph(store: Store, camera: CameraView | null, follow: (sigma: Renderer['sigma']) => void): Promise<Renderer> {
  hook.layout = 'loading';
  // The layout's request goes with the graph's: the server computes it meanwhile (or has it).
  const serverLayout = fetchLayout();
  const payload = await api.graph();
  const graph = buildViewGraph(payload);
  // Positions first (finished ones, from the cache or the server), so the first frame is the picture.
  const layout = await Layout.start(graph, payload.hash, serverLayout);
  hook.layout = layout.state;
  layout.onState((state) => (hook.layout = state));
  const renderer: Renderer = createRenderer(byId('graph'), graph, store, [byId('panel')]);
  pinOnDrag(renderer.sigma, layout);
  layoutButton(byId<HTMLButtonElement>('relayout'), layout);
  const { sigma } = renderer;
  Object.assign(hook, { renderer, graph });
  // Sigma draws its first frame inside its constructor; the next animation frame is when it is on screen.
  requestAnimationFrame(() => (hook.firstRender ??= performance.now()));

  hook.expander = createExpander(graph, store);
  createFilters(graph, store, renderer.visibility, hook.expander);
  createExport(graph, renderer);

  // A narrowed view (ego network, path, organization, query result) is framed when it changes.
  store.subscribe((s, prev) => {
    if (s.ego !== prev.ego || s.path !== prev.path || s.org !== prev.org || s.result !== prev.result) renderer!.fit();
  });
  const opened = store.get();
  if (camera) sigma.getCamera().setState(camera);
  // A shared link's selection is framed (its node has its final place already), or its narrowed view.
  else if (opened.selected) renderer.focus(opened.selected);
  else if (opened.ego || opened.path || opened.org || opened.result) renderer.fit();
  follow(sigma);
  return renderer;
}

main().catch((err: Error) => {
  hook.error = err.message;
  replace(byId('empty'), `The viewer could not start: ${err.message}`);
});
