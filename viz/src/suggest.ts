/**
 * A text input with suggestions from GET /api/search as one types: arrow keys move, Enter or a click
 * picks. Used for the main search, the organization filter and the two ends of a path.
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
  const list = h('ul', { class: 'suggestions', attrs: { role: 'listbox' } });
  input.after(list);
  input.setAttribute('autocomplete', 'off');
  let items: Suggestion[] = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  const close = () => {
    items = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
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
          { class: i === active ? 'active' : '', attrs: { role: 'option', 'data-key': s.key }, on: { mousedown: (e) => (e.preventDefault(), pick(s)) } },
          h('span', { class: `dot kind-${s.kind}` }),
          h('span', { class: 'name' }, s.label),
          s.detail ? h('span', { class: 'detail' }, s.detail) : null,
        ),
      ),
    );
    list.hidden = items.length === 0;
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
    } else if (e.key === 'Escape') close();
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
