/**
 * The viewer's entry point: loads the graph, lays it out, and wires the modules together through
 * the view state (state.ts). `window.__guanxi` exposes timings and handles for the tests and the bench.
 */
import type { Meta } from '../../src/server/protocol.js';
import { api } from './api.js';
import { createConsole } from './console.js';
import { byId, h, replace } from './dom.js';
import { createExport } from './export.js';
import { createFilters } from './filters.js';
import { buildViewGraph, type ViewGraph } from './graph-data.js';
import { KIND_COLORS, KINDS } from './kinds.js';
import { fetchLayout, Layout, layoutButton, pinOnDrag, type LayoutState } from './layout.js';
import { createPanel } from './panel.js';
import { createRenderer, type Renderer } from './renderer.js';
import { Store } from './state.js';
import { watchStoreChanges } from './store-changes.js';
import { suggestInput } from './suggest.js';
import { readUrl, syncUrl } from './url-state.js';

export interface TestHook {
  /** ms since navigation start when sigma's first frame of the graph was on screen. */
  firstRender: number | null;
  layout: LayoutState | 'loading';
  error: string | null;
  renderer: Renderer | null;
  graph: ViewGraph | null;
  store: Store | null;
}

declare global {
  interface Window {
    __guanxi: TestHook;
  }
}

const hook: TestHook = (window.__guanxi = { firstRender: null, layout: 'loading', error: null, renderer: null, graph: null, store: null });

const STORE_NAMES: Record<Meta['store'], string> = { sqlite: 'embedded store', snapshot: 'journal', neo4j: 'Neo4j' };

function describeStore(meta: Meta): string {
  const part = meta.overview < meta.nodes ? ` (showing the ${meta.overview.toLocaleString()} most connected)` : '';
  return `${STORE_NAMES[meta.store]} ${meta.location} · ${meta.nodes.toLocaleString()} nodes${part} · ${meta.edges.toLocaleString()} edges`;
}

async function main(): Promise<void> {
  // The kind colours live in kinds.ts (sigma needs them); CSS gets them as custom properties.
  for (const kind of KINDS) document.documentElement.style.setProperty(`--kind-${kind}`, KIND_COLORS[kind]);

  const { state, camera } = readUrl();
  const store = new Store(state);
  // The layout's request goes with the graph's: the server computes it meanwhile (or has it).
  const serverLayout = fetchLayout();
  const [meta, payload, queries] = await Promise.all([api.meta(), api.graph(), api.queries()]);
  replace(byId('store-info'), describeStore(meta));
  watchStoreChanges(meta.changes, () => {
    const reload = h('button', { type: 'button', class: 'ego', on: { click: () => location.reload() } }, 'Reload');
    replace(byId('store-info'), describeStore(meta), ' · the graph has changed since: ', reload);
  });
  if (meta.nodes === 0) replace(byId('empty'), 'The graph is empty: run `guanxi ingest` (it ingests the bundled sample page) and reload this page.');

  const graph = buildViewGraph(payload);
  // Positions first (finished ones, from the cache or the server), so the first frame is the picture.
  const layout = await Layout.start(graph, payload.hash, serverLayout);
  hook.layout = layout.state;
  layout.onState((state) => (hook.layout = state));
  const renderer: Renderer = createRenderer(byId('graph'), graph, store, [byId('panel')]);
  pinOnDrag(renderer.sigma, layout);
  layoutButton(byId<HTMLButtonElement>('relayout'), layout);
  const { sigma } = renderer;
  Object.assign(hook, { renderer, graph, store });
  // Sigma draws its first frame inside its constructor; the next animation frame is when it is on screen.
  requestAnimationFrame(() => (hook.firstRender = performance.now()));

  const open = (key: string) => {
    store.set({ selected: key });
    renderer!.focus(key);
  };
  createPanel(byId('panel'), store, { open });
  createFilters(graph, store, renderer.visibility);
  suggestInput(byId<HTMLInputElement>('search'), { onPick: (s) => open(s.key) });
  createConsole(store, queries, meta.cypher);
  createExport(graph, renderer);
  byId('fit').addEventListener('click', () => renderer!.fit());

  // A narrowed view (ego network, path, organization, query result) is framed when it changes.
  store.subscribe((s, prev) => {
    if (s.ego !== prev.ego || s.path !== prev.path || s.org !== prev.org || s.result !== prev.result) renderer!.fit();
  });
  if (camera) sigma.getCamera().setState(camera);
  // A shared link's selection is framed (its node has its final place already).
  else if (state.selected) renderer.focus(state.selected);
  syncUrl(store, sigma);
}

main().catch((err: Error) => {
  hook.error = err.message;
  replace(byId('empty'), `The viewer could not start: ${err.message}`);
});
