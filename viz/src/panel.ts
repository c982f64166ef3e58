/** The side panel: a node's details from GET /api/node, every piece of article text as a text node. */
import type { Evidence, NodeDetails, NodeRef } from '../../src/server/protocol.js';
import { api } from './api.js';
import { h, replace, type Child } from './dom.js';
import { KIND_NAMES, ROLE_NAMES } from './kinds.js';
import type { Store } from './state.js';

export interface PanelActions {
  /** Selects a node and moves the camera to it. */
  open(key: string): void;
}

function section(title: string, ...body: Child[]): HTMLElement | null {
  const content = body.filter(Boolean);
  return content.length ? h('section', {}, h('h3', {}, title), ...content) : null;
}

/** The sentence with its first mention of the subject marked: text nodes only, never HTML. */
function markedSentence(sentence: string, mention: string): HTMLElement {
  const at = mention ? sentence.indexOf(mention) : -1;
  if (at < 0) return h('p', {}, sentence);
  return h('p', {}, sentence.slice(0, at), h('mark', {}, mention), sentence.slice(at + mention.length));
}

function evidenceBlock(e: Evidence): HTMLElement {
  return h(
    'blockquote',
    { class: 'evidence' },
    e.sentence ? markedSentence(e.sentence, e.mention) : null,
    h('footer', {}, '— ', e.headline ?? e.article, e.date ? `, ${e.date}` : ''),
  );
}

export function createPanel(root: HTMLElement, store: Store, actions: PanelActions): void {
  let ticket = 0;
  const link = (ref: NodeRef) =>
    h('button', { class: `node-link kind-${ref.kind}`, type: 'button', title: ref.key, on: { click: () => actions.open(ref.key) } }, ref.label);
  const links = (refs: NodeRef[]) => (refs.length ? h('ul', { class: 'refs' }, ...refs.map((r) => h('li', {}, link(r)))) : null);
  const roles = (rs: string[]) => h('span', { class: 'roles' }, rs.map((r) => ROLE_NAMES[r] ?? r).join(', '));

  const egoControls = (key: string) => {
    const hops = h('select', { attrs: { 'aria-label': 'hops' } }, ...[1, 2, 3, 4].map((n) => h('option', { value: String(n) }, `${n} hop${n > 1 ? 's' : ''}`)));
    hops.value = String(store.get().ego?.key === key ? store.get().ego!.hops : 1);
    return h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'ego', on: { click: () => store.set({ ego: { key, hops: Number(hops.value) }, result: null }) } }, 'Ego network'),
      hops,
    );
  };

  function body(d: NodeDetails): Child[] {
    switch (d.kind) {
      case 'Person':
        return [
          section(
            'Titles',
            d.titles.length
              ? h('ul', { class: 'titles' }, ...d.titles.map((t) => h('li', {}, h('strong', {}, t.title), t.organization ? h('span', {}, ' · ', link(t.organization)) : null, t.dates.length ? h('span', { class: 'date' }, t.dates.length > 1 ? `${t.dates[0]} – ${t.dates.at(-1)}` : t.dates[0]) : null)))
              : null,
          ),
          section('Organizations', links(d.organizations)),
          section(
            `Events (${d.events.length})`,
            ...d.events.map((e) => h('article', { class: 'event' }, h('div', {}, link(e.event), e.date ? h('span', { class: 'date' }, e.date) : null), roles(e.roles), evidenceBlock(e.evidence))),
          ),
          section(`Evidence (${d.evidence.length})`, ...d.evidence.map(evidenceBlock)),
        ];
      case 'Event':
        return [
          h('p', { class: 'facts' }, d.type, d.dates.length ? ` · ${d.dates.join(', ')}` : ''),
          section(
            'Participants',
            ...Object.entries(d.participants).map(([role, ps]) =>
              h('div', { class: 'role-group' }, h('h4', {}, ROLE_NAMES[role] ?? role), h('ul', { class: 'refs' }, ...ps.map((p) => h('li', {}, link(p.person), h('details', {}, h('summary', {}, 'evidence'), evidenceBlock(p.evidence)))))),
            ),
          ),
          section('Places', links(d.places)),
          section('Reported in', links(d.articles)),
        ];
      case 'Organization':
        return [
          section('Part of', links(d.parents)),
          section('Bodies under it', links(d.children)),
          section(
            `Members (${d.members.length})`,
            d.members.length
              ? h('ul', { class: 'members' }, ...d.members.map((m) => h('li', {}, link(m.person), ' ', h('strong', {}, m.title), m.organization.key !== d.key ? h('span', {}, ' · ', link(m.organization)) : null, m.evidence.date ? h('span', { class: 'date' }, m.evidence.date) : null)))
              : null,
          ),
        ];
      case 'Place':
        return [section('Within', links(d.within)), section('Events here', links(d.events)), section('Organizations here', links(d.organizations))];
      case 'Article':
        return [
          h('p', { class: 'facts' }, d.date ?? '', ' · ', String(d.props.document ?? '')),
          section('Reports', links(d.events)),
          section('Mentions', links(d.mentions)),
          section('By', links(d.authors)),
        ];
    }
  }

  async function show(key: string | null) {
    const mine = ++ticket;
    root.hidden = key === null;
    if (key === null) return;
    replace(root, h('p', { class: 'muted' }, 'Loading…'));
    try {
      const d = await api.node(key);
      if (mine !== ticket) return;
      const subtitle = d.kind === 'Person' ? d.props.region : null;
      replace(
        root,
        h('button', { class: 'close', type: 'button', title: 'Close (Esc)', attrs: { 'aria-label': 'Close the panel' }, on: { click: () => store.set({ selected: null }) } }, '×'),
        h('span', { class: `kind-chip kind-${d.kind}` }, KIND_NAMES[d.kind]),
        h('h2', {}, d.label),
        subtitle ? h('p', { class: 'muted' }, String(subtitle)) : null,
        h('p', { class: 'muted' }, `${d.degree} connections`),
        egoControls(d.key),
        ...body(d),
      );
    } catch (err) {
      if (mine === ticket) replace(root, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  store.subscribe((s, prev) => {
    if (s.selected !== prev.selected) void show(s.selected);
  });
  void show(store.get().selected);
}
