/**
 * The page's Escape key: it closes the innermost thing open, one per press — the side panel, then
 * the console's answer (and its drawing), then the console itself. A suggestion list closes first:
 * suggest.ts handles that Escape and keeps it from reaching here.
 */
import { byId } from './dom.js';
import type { QueryConsole } from './console.js';
import type { Store } from './state.js';

export function closeOnEscape(store: Store, queryConsole: QueryConsole): void {
  const panel = byId('panel');
  const consoleBox = byId<HTMLDetailsElement>('console');
  const steps: (() => boolean)[] = [
    () => {
      if (store.get().selected === null && store.get().pair === null) return false;
      // The focus would be lost with the panel: it goes back to the search box.
      const hadFocus = panel.contains(document.activeElement);
      store.set({ selected: null, pair: null });
      if (hadFocus) byId('search').focus();
      return true;
    },
    () => queryConsole.clear(),
    () => {
      if (!consoleBox.open) return false;
      consoleBox.open = false;
      consoleBox.querySelector('summary')?.focus();
      return true;
    },
  ];
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (steps.some((step) => step())) e.preventDefault();
  });
}
