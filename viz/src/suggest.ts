/**
 * A text input with suggestions from GET /api/search as one types: arrow keys move, Enter or a click
 * picks, Escape closes the list. An ARIA combobox (the input) owning a listbox: a screen reader hears
 * the active option through aria-activedescendant while the focus stays in the input. Used for the
 * main search, the organization filter and the two ends of a path.
 */
import type { NodeLabel } from '../../src/graph/model.js';
import type { Suggestion } from '../../src/server/protocol.js';
import { api } from './api.js';
import { h, replace } from './dom.js';

export interface SuggestOptions {
  kind?: NodeLabel;
  onPick: (s: Suggestion) => void;
}

export interface SuggestInput {
  input: HTMLInputElement;
  /** Shows a node's name in the input without searching (not while the user is typing in it). */
  show(label: string): void;
}

export function suggestInput(input: HTMLInputElement, options: SuggestOptions): SuggestInput {
  const listId = `${input.id}-suggestions`;
  const optionId = (i: number) => `${listId}-${i}`;
  const list = h('ul', { class: 'suggestions', attrs: { role: 'listbox', id: listId, 'aria-label': `${input.getAttribute('aria-label') ?? input.placeholder}: suggestions` } });
  input.after(list);
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  let items: Suggestion[] = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  const close = () => {
    items = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (s: Suggestion) => {
    // Answers still on their way are for what was typed before the pick.
    window.clearTimeout(timer);
    asked++;
    input.value = s.label;
    close();
    options.onPick(s);
  };
  const draw = () => {
    replace(
      list,
      ...items.map((s, i) =>
        h(
          'li',
          {
            class: i === active ? 'active' : '',
            attrs: { role: 'option', id: optionId(i), 'aria-selected': String(i === active), 'data-key': s.key },
            on: { mousedown: (e) => (e.preventDefault(), pick(s)) },
          },
          h('span', { class: `dot kind-${s.kind}` }),
          h('span', { class: 'name' }, s.label),
          s.detail ? h('span', { class: 'detail' }, s.detail) : null,
        ),
      ),
    );
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    if (items[active]) {
      input.setAttribute('aria-activedescendant', optionId(active));
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const lookup = async () => {
    const q = input.value.trim();
    const ticket = ++asked;
    const found = q ? await api.search(q, options.kind).catch(() => []) : [];
    // An older answer arriving after a newer one must not replace it.
    if (ticket !== asked) return;
    items = found;
    active = items.length ? 0 : -1;
    draw();
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookup, 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!items.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      draw();
    } else if (e.key === 'Enter' && items[active]) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && items.length) {
      // The list's Escape: the page's (escape.ts: close the panel) waits for the next one.
      e.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
  close();
  return {
    input,
    show(label) {
      if (document.activeElement === input) return;
      input.value = label;
      close();
    },
  };
}
