/** The side panel: a node's details from GET /api/node, every piece of article text as a text node. */
import type { Evidence, NodeDetails, NodeRef, PersonDetails } from '../../src/server/protocol.js';
import { api } from './api.js';
import { renderCareer } from './career-timeline.js';
import { h, replace, type Child } from './dom.js';
import { ROLES, type NodeLabel, type Role } from '../../src/graph/model.js';
import { KIND_NAMES, KINDS, ROLE_NAMES } from './kinds.js';
import type { MetEdge } from './meetings-view.js';
import type { OpenedEvidence, Store } from './state.js';

export interface PanelActions {
  /** Selects a node and moves the camera to it. */
  open(key: string): void;
  /** Who met whom: the shared events of two persons in the view, or null when they are not in it. */
  pair(a: string, b: string): MetEdge | null;
  /** Who met whom: adds the people this person met to the view. */
  expand(key: string): void;
  /** The full graph: adds the node's neighbours of these kinds (through these roles) to the view. */
  addNeighbours(key: string, kinds: NodeLabel[], roles: Role[]): void;
}

function section(title: string, ...body: Child[]): HTMLElement | null {
  const content = body.filter(Boolean);
  return content.length ? h('section', {}, h('h3', {}, title), ...content) : null;
}

/** Each sentence once: a person who attended and spoke in one sentence shows it once. */
function distinctSentences(list: Evidence[]): Evidence[] {
  return list.filter((e, i) => list.findIndex((x) => x.article === e.article && x.sentence === e.sentence) === i);
}

/** The sentence with its first mention of the subject marked: text nodes only, never HTML. */
function markedSentence(sentence: string, mention: string, tag: 'p' | 'span' = 'p'): HTMLElement {
  const at = mention ? sentence.indexOf(mention) : -1;
  if (at < 0) return h(tag, {}, sentence);
  return h(tag, {}, sentence.slice(0, at), h('mark', { class: 'mention' }, mention), sentence.slice(at + mention.length));
}

/**
 * The article's text, paragraph by paragraph, with the evidence's sentence marked and its mention
 * within it; the marked sentence is scrolled into view once shown.
 */
function articleText(text: string, opened: OpenedEvidence | null): HTMLElement {
  const at = opened?.sentence ? text.indexOf(opened.sentence) : -1;
  let offset = 0;
  let marked: HTMLElement | null = null;
  const paragraphs = text.split('\n').map((line) => {
    const start = offset;
    offset += line.length + 1;
    if (at < 0 || at >= offset || at + opened!.sentence.length <= start) return h('p', {}, line);
    // The sentence lies in this paragraph (a sentence never crosses a line break the extractor kept).
    const [from, to] = [Math.max(at - start, 0), Math.min(at + opened!.sentence.length - start, line.length)];
    marked = h('mark', { class: 'evidence-sentence' }, markedSentence(line.slice(from, to), opened!.mention, 'span'));
    return h('p', {}, line.slice(0, from), marked, line.slice(to));
  });
  const root = h('div', { class: 'article-text' }, ...paragraphs);
  if (marked) requestAnimationFrame(() => (marked as HTMLElement).scrollIntoView({ block: 'center' }));
  return root;
}

export function createPanel(root: HTMLElement, store: Store, actions: PanelActions): void {
  let ticket = 0;
  /** A fact's sentence, with a way to read it in its article. */
  const evidenceBlock = (e: Evidence) =>
    h(
      'blockquote',
      { class: 'evidence' },
      e.sentence ? markedSentence(e.sentence, e.mention) : null,
      h(
        'footer',
        {},
        '— ',
        h(
          'button',
          {
            class: 'node-link kind-Article',
            type: 'button',
            title: 'Read it in the article',
            on: { click: () => store.set({ selected: `Article:${e.article}`, pair: null, evidence: { article: e.article, sentence: e.sentence, mention: e.mention } }) },
          },
          e.headline ?? e.article,
        ),
        e.date ? `, ${e.date}` : '',
      ),
    );
  const link = (ref: NodeRef) =>
    h('button', { class: `node-link kind-${ref.kind}`, type: 'button', title: ref.key, on: { click: () => actions.open(ref.key) } }, ref.label);
  const links = (refs: NodeRef[]) => (refs.length ? h('ul', { class: 'refs' }, ...refs.map((r) => h('li', {}, link(r)))) : null);
  const roles = (rs: string[]) => h('span', { class: 'roles' }, rs.map((r) => ROLE_NAMES[r] ?? r).join(', '));

  /** A person in who met whom: centre the view on them, or add whom they met. */
  const meetingControls = (key: string) =>
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', on: { click: () => store.set({ around: key, pair: null }) } }, 'Whom they met'),
      h('button', { type: 'button', on: { click: () => actions.expand(key) } }, 'Add whom they met'),
    );

  /** Two persons' shared events, each with both sides' roles; an event opens with its evidence. */
  function showPair(a: string, b: string): void {
    ticket++;
    const edge = actions.pair(a, b);
    root.hidden = !edge;
    if (!edge) return;
    const [first, second] = edge.ends;
    const [firstName, secondName] = edge.labels;
    replace(
      root,
      h('button', { class: 'close', type: 'button', title: 'Close', attrs: { 'aria-label': 'Close' }, on: { click: () => store.set({ pair: null }) } }, '×'),
      h('span', { class: 'kind-chip kind-Person' }, 'Met 见面'),
      h('h2', {}, link({ key: first, kind: 'Person', label: firstName }), ' ↔ ', link({ key: second, kind: 'Person', label: secondName })),
      h('p', { class: 'muted' }, `${edge.weight} shared event${edge.weight > 1 ? 's' : ''}${edge.pair.events.length < edge.weight ? ` (the newest ${edge.pair.events.length} listed)` : ''}`),
      section(
        'Events',
        ...edge.pair.events.map((e) =>
          h(
            'article',
            { class: 'event' },
            h('div', {}, link({ key: e.key, kind: 'Event', label: e.label }), e.date ? h('span', { class: 'date' }, e.date) : null),
            h('p', { class: 'pair-roles' }, firstName, ' ', roles(e.roles[0]), ' ↔ ', secondName, ' ', roles(e.roles[1])),
          ),
        ),
      ),
    );
  }

  /** Add the node's neighbours to the view: of one kind or all, through one role or any. */
  const expandControls = (key: string) => {
    const kind = h('select', { attrs: { 'aria-label': 'neighbours of kind' } }, h('option', { value: '' }, 'all kinds'), ...KINDS.map((k) => h('option', { value: k }, KIND_NAMES[k])));
    const role = h('select', { attrs: { 'aria-label': 'through role' } }, h('option', { value: '' }, 'any role'), ...ROLES.map((r) => h('option', { value: r }, ROLE_NAMES[r] ?? r)));
    const add = () => actions.addNeighbours(key, kind.value ? [kind.value as NodeLabel] : [], role.value ? [role.value as Role] : []);
    return h('span', { class: 'expand' }, h('button', { type: 'button', class: 'add-neighbours', on: { click: add } }, 'Add neighbours'), kind, role);
  };

  const egoControls = (key: string) => {
    const hops = h('select', { attrs: { 'aria-label': 'hops' } }, ...[1, 2, 3, 4].map((n) => h('option', { value: String(n) }, `${n} hop${n > 1 ? 's' : ''}`)));
    hops.value = String(store.get().ego?.key === key ? store.get().ego!.hops : 1);
    return h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'ego', on: { click: () => store.set({ ego: { key, hops: Number(hops.value) }, result: null }) } }, 'Ego network'),
      hops,
      expandControls(key),
    );
  };

  function body(d: NodeDetails): Child[] {
    switch (d.kind) {
      case 'Person':
        return [
          h('section', { class: 'career-slot' }, h('h3', {}, 'Career 履历'), h('p', { class: 'muted' }, 'Loading the career…')),
          section(
            'Titles',
            d.titles.length
              ? h('ul', { class: 'titles' }, ...d.titles.map((t) => h('li', {}, h('strong', {}, t.title), t.organization ? h('span', {}, ' · ', link(t.organization)) : null, t.dates.length ? h('span', { class: 'date' }, t.dates.length > 1 ? `${t.dates[0]} – ${t.dates.at(-1)}` : t.dates[0]) : null)))
              : null,
          ),
          section('Organizations', links(d.organizations)),
          section(
            `Events (${d.events.length})`,
            ...d.events.map((e) => h('article', { class: 'event' }, h('div', {}, link(e.event), e.date ? h('span', { class: 'date' }, e.date) : null), roles(e.roles), ...distinctSentences(e.roleEvidence ?? [e.evidence]).map(evidenceBlock))),
          ),
          section(`Evidence (${d.evidence.length})`, ...d.evidence.map(evidenceBlock)),
          section(`Wrote (${d.wrote.length})`, links(d.wrote)),
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
          section('Text', h('div', { class: 'article-text-slot', attrs: { 'data-article': d.key.slice('Article:'.length) } }, h('p', { class: 'muted' }, 'Loading the text…'))),
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
      if (d.kind === 'Article') void showText(d.key.slice('Article:'.length), mine);
      if (d.kind === 'Person') void showCareer(d, mine);
      const subtitle = d.kind === 'Person' ? d.props.region : null;
      replace(
        root,
        h('button', { class: 'close', type: 'button', title: 'Close (Esc)', attrs: { 'aria-label': 'Close the panel' }, on: { click: () => store.set({ selected: null }) } }, '×'),
        h('span', { class: `kind-chip kind-${d.kind}` }, KIND_NAMES[d.kind]),
        h('h2', {}, d.label),
        subtitle ? h('p', { class: 'muted' }, String(subtitle)) : null,
        // What the user's identities file did to this person (docs/identities.md): its directives are the evidence.
        d.kind === 'Person' && Array.isArray(d.props.evidence) ? h('p', { class: 'muted' }, `identities file: ${d.props.evidence.join('; ')}`) : null,
        // Why these mentions are this person: each rule with what it went by (docs/graph-model.md, entity resolution).
        d.kind === 'Person' && d.placedBy?.length ? h('p', { class: 'muted placed-by' }, `placed by ${d.placedBy.join('; ')}`) : null,
        h('p', { class: 'muted' }, `${d.degree} connections`),
        store.get().view === 'meetings' && d.kind === 'Person' ? meetingControls(d.key) : egoControls(d.key),
        ...body(d),
      );
    } catch (err) {
      if (mine === ticket) replace(root, h('p', { class: 'error' }, (err as Error).message));
    }
  }

  /**
   * The person's career timeline in its slot, once fetched; no section for a person with neither a
   * post nor a meeting. Sentences open their article as the panel's other evidence does, under the
   * headline the person's own evidence gives it.
   */
  async function showCareer(d: PersonDetails, mine: number): Promise<void> {
    const career = await api.career(d.key).catch(() => null);
    const slot = root.querySelector<HTMLElement>('.career-slot');
    if (mine !== ticket || !slot) return;
    if (!career || (!career.posts.length && !career.meetings.length)) return slot.remove();
    const headlines = new Map([...d.evidence, ...d.events.flatMap((e) => e.roleEvidence ?? [e.evidence])].map((e) => [e.article, e.headline]));
    replace(
      slot,
      h('h3', {}, 'Career 履历'),
      renderCareer(
        career,
        (e) => evidenceBlock({ ...e, headline: headlines.get(e.article) ?? null }),
        (key, label) => link({ key, kind: 'Event', label }),
      ),
    );
  }

  /** The article's text in its panel's slot, once fetched (the panel may have moved on meanwhile). */
  async function showText(article: string, mine: number): Promise<void> {
    const { text } = await api.article(article).catch(() => ({ text: null }));
    const slot = root.querySelector<HTMLElement>('.article-text-slot');
    if (mine !== ticket || !slot) return;
    const opened = store.get().evidence?.article === article ? store.get().evidence : null;
    if (text === null) replace(slot, h('p', { class: 'muted' }, 'No text is kept for this article (Neo4j keeps none; the embedded store keeps what it ingested since texts were kept): the evidence gives its sentences.'));
    else replace(slot, articleText(text, opened));
  }

  store.subscribe((s, prev) => {
    if (s.selected !== prev.selected && (s.selected || !s.pair)) void show(s.selected);
    else if (s.pair !== prev.pair && !s.selected) s.pair ? showPair(...s.pair) : void show(null);
  });
  void show(store.get().selected);
}
