/**
 * The filter bar of the full graph: the legend (which doubles as the kinds filter), an organization, the
 * shortest path between two people, and what is active now (ego network, query result) with a way out.
 */
import type { NodeLabel } from '../../src/graph/model.js';
import { byId, h, replace } from './dom.js';
import type { ViewGraph } from './graph-data.js';
import { KINDS, KIND_NAMES } from './kinds.js';
import { isFiltered, type Store, type ViewState } from './state.js';
import { suggestInput } from './suggest.js';
import type { Expander } from './expand.js';
import type { Visibility } from './visibility.js';

export function createFilters(graph: ViewGraph, store: Store, visibility: () => Visibility, expander: Expander): void {
  const label = (key: string | null | undefined) => (key && graph.hasNode(key) ? graph.getNodeAttribute(key, 'label') : (key ?? ''));

  // Legend and kinds.
  const counts = new Map<NodeLabel, number>();
  graph.forEachNode((_k, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
  const boxes = new Map<NodeLabel, HTMLInputElement>();
  replace(
    byId('legend'),
    ...KINDS.map((kind) => {
      const box = h('input', { type: 'checkbox', attrs: { 'data-kind': kind } });
      box.addEventListener('change', () => {
        const kinds = new Set(store.get().kinds);
        if (box.checked) kinds.add(kind);
        else kinds.delete(kind);
        store.set({ kinds });
      });
      boxes.set(kind, box);
      return h('label', { class: 'legend-item' }, box, h('span', { class: `dot kind-${kind}` }), KIND_NAMES[kind], h('span', { class: 'count' }, String(counts.get(kind) ?? 0)));
    }),
  );

  const org = suggestInput(byId<HTMLInputElement>('org-filter'), { kind: 'Organization', onPick: (s) => store.set({ org: s.key }) });
  byId<HTMLInputElement>('org-filter').addEventListener('change', (e) => {
    if (!(e.target as HTMLInputElement).value.trim()) store.set({ org: null });
  });

  // The shortest path: set when both ends are picked.
  let ends: { from?: string; to?: string } = {};
  const setPath = () => ends.from && ends.to && store.set({ path: { from: ends.from, to: ends.to }, result: null });
  const pathFrom = suggestInput(byId<HTMLInputElement>('path-from'), { kind: 'Person', onPick: (s) => ((ends.from = s.key), setPath()) });
  const pathTo = suggestInput(byId<HTMLInputElement>('path-to'), { kind: 'Person', onPick: (s) => ((ends.to = s.key), setPath()) });

  // Dates are the timeline's (timeline.ts): every view shares them.
  byId('clear-filters').addEventListener('click', () => {
    ends = {};
    store.set({ kinds: new Set(KINDS), roles: null, from: null, to: null, org: null, ego: null, path: null, result: null });
  });

  const status = byId('filter-status');
  const sync = (s: ViewState) => {
    for (const [kind, box] of boxes) box.checked = s.kinds.has(kind);
    org.show(label(s.org));
    pathFrom.show(label(s.path?.from));
    pathTo.show(label(s.path?.to));
    const v = visibility();
    const shown = v.nodes ? v.nodes.size : graph.order;
    replace(
      status,
      `${shown.toLocaleString()} of ${graph.order.toLocaleString()} nodes`,
      s.ego ? h('span', { class: 'tag' }, `ego network of ${label(s.ego.key)}, ${s.ego.hops} hop${s.ego.hops > 1 ? 's' : ''}`) : null,
      s.path ? h('span', { class: 'tag' }, `path ${label(s.path.from)} → ${label(s.path.to)}`) : null,
      s.result ? h('span', { class: 'tag' }, 'query result') : null,
      s.expanded.length
        ? h('span', { class: 'tag' }, `${s.expanded.length} added `, h('button', { type: 'button', class: 'undo-add', on: { click: () => expander.undo() } }, 'Undo add'))
        : null,
      v.note ? h('span', { class: 'note' }, v.note) : null,
    );
    byId('clear-filters').hidden = !isFiltered(s);
  };
  store.subscribe((s, prev) => {
    if (s.hovered === prev.hovered) sync(s);
  });
  sync(store.get());
}
