/**
 * The query console: Cypher (read-only; the server refuses writes) or a named query, answered as a
 * table or drawn as the graph (the rows' nodes and the relationships between them). On the embedded
 * store it says in one line how to get Cypher. A named query's id columns show the node's name, as a
 * link that opens its panel.
 */
import { nodeKey } from '../../src/graph/model.js';
import { CYPHER_HINT } from '../../src/server/cypher-hint.js';
import type { NamedQueryInfo, QueryRequest, QueryResponse } from '../../src/server/protocol.js';
import { api } from './api.js';
import { byId, h, replace, type Child } from './dom.js';
import type { Store } from './state.js';

export interface QueryConsole {
  /** Clears the console's answer and its drawing, if there is one; says whether there was. */
  clear(): boolean;
}

/** The hint with its `commands` as code elements (text nodes only). */
function hintLine(text: string): HTMLElement {
  return h('p', { class: 'cypher-hint', attrs: { id: 'cypher-hint' } }, ...text.split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part)));
}

const CYPHER = '';

/** A cell as text: nodes by their name, relationships by their type, the rest as JSON. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  const o = v as { labels?: string[]; type?: string; properties?: Record<string, unknown>; path?: unknown[] };
  if (o.labels && o.properties) return `(${o.labels.join(':')} ${String(o.properties.name ?? o.properties.headline ?? o.properties.id ?? '')})`;
  if (o.type && o.properties) return `[${o.type}]`;
  if (o.path) return o.path.map(cellText).join(' ');
  return JSON.stringify(v);
}

export function createConsole(store: Store, named: NamedQueryInfo[], cypherAvailable: boolean): QueryConsole {
  const select = byId<HTMLSelectElement>('query-kind');
  const text = byId<HTMLTextAreaElement>('query-text');
  const params = byId('query-params');
  const message = byId('query-message');
  const output = byId('query-output');
  const asGraph = byId<HTMLInputElement>('query-as-graph');
  let last: QueryResponse | null = null;

  replace(
    select,
    h('option', { value: CYPHER }, cypherAvailable ? 'Cypher (read-only)' : 'Cypher (needs Neo4j)'),
    ...named.map((q) => h('option', { value: q.name, title: q.description }, `named: ${q.name}`)),
  );
  text.placeholder = cypherAvailable
    ? 'MATCH (p:Person {name: "张飞"})-[r:PARTICIPATED_IN]->(e:Event) RETURN p, r, e'
    : 'Ad-hoc Cypher needs Neo4j (see above); pick a named query in the list.';
  // Said where Cypher is asked for: with the Cypher box, not over a named query's fields.
  const hint = cypherAvailable ? null : hintLine(CYPHER_HINT);
  if (hint) byId('console').querySelector('.console-input')!.prepend(hint);

  const paramInputs = () => [...params.querySelectorAll<HTMLInputElement>('input')];
  const drawParams = (values: Record<string, unknown> = {}) => {
    const q = named.find((n) => n.name === select.value);
    text.hidden = !!q;
    if (hint) hint.hidden = !!q;
    replace(
      params,
      ...(q?.params ?? []).map((p) =>
        h('label', {}, p.name + (p.optional ? ' (optional)' : ''), h('input', { attrs: { name: p.name }, value: String(values[p.name] ?? '') })),
      ),
      q ? h('p', { class: 'muted' }, q.description) : null,
    );
  };
  select.addEventListener('change', () => drawParams());

  const request = (): QueryRequest => {
    if (select.value === CYPHER) return { cypher: text.value };
    const values = Object.fromEntries(paramInputs().filter((i) => i.value.trim()).map((i) => [i.name, i.value.trim()]));
    return { name: select.value, params: values };
  };

  /** A cell: an id column's node by its name, as a link to its panel; anything else as text. */
  const cell = (r: QueryResponse, column: string, v: unknown): Child => {
    const kind = r.keyColumns[column];
    if (!kind || typeof v !== 'string' || !v) return cellText(v);
    const key = nodeKey(kind, v);
    return h('button', { type: 'button', class: `node-link kind-${kind}`, title: key, on: { click: () => store.set({ selected: key }) } }, r.labels[key] ?? v);
  };

  const show = () => {
    if (!last) return replace(output);
    // Rows of plain values have nothing to draw: those are shown as a table whatever the toggle says.
    if (asGraph.checked && last.graph.nodes.length) {
      store.set({ result: last.graph, selected: null, ego: null, path: null });
      replace(output, h('p', { class: 'muted' }, `${last.rows.length} rows; drawn: ${last.graph.nodes.length} nodes, ${last.graph.edges.length} relationships`));
      return;
    }
    if (store.get().result) store.set({ result: null });
    replace(
      output,
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...last.columns.map((c) => h('th', {}, c)))),
        h('tbody', {}, ...last.rows.map((r) => h('tr', {}, ...last!.columns.map((c) => h('td', {}, cell(last!, c, r[c])))))),
      ),
    );
  };
  asGraph.addEventListener('change', show);

  const run = async (q: QueryRequest) => {
    replace(message, 'Running…');
    message.className = 'muted';
    try {
      last = await api.query(q);
      store.set({ query: q });
      const count = `${last.rows.length} row${last.rows.length === 1 ? '' : 's'}`;
      replace(message, last.truncated ? `the first ${count} (the server sends no more)` : count);
      show();
    } catch (err) {
      last = null;
      message.className = 'error';
      replace(message, (err as Error).message);
      replace(output);
    }
  };
  byId('query-run').addEventListener('click', () => void run(request()));
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run(request());
  });

  // A shared link's named query runs again on arrival; its Cypher waits for a click on Run, as a link
  // can come from anyone and the statement is theirs.
  const initial = store.get().query;
  if (initial) {
    if ('cypher' in initial) text.value = initial.cypher;
    else select.value = initial.name;
    drawParams('name' in initial ? initial.params : {});
    byId<HTMLDetailsElement>('console').open = true;
    if ('cypher' in initial) replace(message, 'The link holds this query: read it, then press Run to run it.');
    else void run(initial);
  } else drawParams();

  return {
    clear() {
      if (!last && !store.get().result) return false;
      last = null;
      replace(output);
      replace(message);
      if (store.get().result) store.set({ result: null });
      return true;
    },
  };
}
