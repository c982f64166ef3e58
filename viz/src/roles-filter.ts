/**
 * The roles filter: which parts in events count (led, accompanied, attended, spoke, presided,
 * organized), in every view. All ticked is no filter; the URL keeps it (url-state.ts).
 */
import { ROLES, type Role } from '../../src/graph/model.js';
import { byId, h, replace } from './dom.js';
import { ROLE_NAMES } from './kinds.js';
import type { Store, ViewState } from './state.js';

export function createRolesFilter(store: Store): void {
  const boxes = new Map<Role, HTMLInputElement>();
  replace(
    byId('roles'),
    ...ROLES.map((role) => {
      const box = h('input', { type: 'checkbox', attrs: { 'data-role': role } });
      box.addEventListener('change', () => {
        const ticked = ROLES.filter((r) => boxes.get(r)!.checked);
        // None ticked would show nothing; read it as "all".
        store.set({ roles: ticked.length === ROLES.length || ticked.length === 0 ? null : new Set(ticked) });
      });
      boxes.set(role, box);
      return h('label', { class: 'legend-item' }, box, ROLE_NAMES[role] ?? role);
    }),
  );
  const sync = (s: ViewState) => {
    for (const [role, box] of boxes) box.checked = !s.roles || s.roles.has(role);
  };
  store.subscribe((s, prev) => {
    if (s.roles !== prev.roles) sync(s);
  });
  sync(store.get());
}
