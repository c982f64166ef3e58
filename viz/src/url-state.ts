/**
 * The view in the URL's fragment, so that a link reopens it: selection, filters, path, ego network,
 * the console's query and the camera. Written with replaceState (no history entry per click).
 */
import { ROLES, type NodeLabel, type Role } from '../../src/graph/model.js';
import type { QueryRequest } from '../../src/server/protocol.js';
import { KINDS } from './kinds.js';
import { initialState, type Store, type ViewState } from './state.js';
import type { ViewSigma } from './renderer.js';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** The view the URL names, else null (the viewer then picks one for the graph's size). */
export function urlView(hash = location.hash): ViewState['view'] | null {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('v');
  return v === 'meetings' || v === 'graph' ? v : null;
}

export function readUrl(hash = location.hash): { state: ViewState; camera: CameraView | null } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state = initialState();
  const get = (k: string) => p.get(k) || null;
  state.selected = get('n');
  const view = get('v');
  if (view === 'meetings' || view === 'graph') state.view = view;
  state.around = get('around');
  const [qa, qb] = [get('qa'), get('qb')];
  if (qa && qb) state.pair = [qa, qb];
  const kinds = get('k');
  if (kinds) state.kinds = new Set(kinds.split(',').filter((k): k is NodeLabel => (KINDS as readonly string[]).includes(k)));
  const roles = get('roles')?.split(',').filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles?.length) state.roles = new Set(roles);
  state.from = get('from');
  state.to = get('to');
  state.org = get('org');
  const ego = get('ego');
  if (ego) state.ego = { key: ego, hops: Math.min(Math.max(Number(get('hops')) || 1, 1), 6) };
  const [pa, pb] = [get('pa'), get('pb')];
  if (pa && pb) state.path = { from: pa, to: pb };
  try {
    const q = JSON.parse(get('q') ?? 'null') as QueryRequest | null;
    if (q && typeof q === 'object' && (typeof (q as { cypher?: unknown }).cypher === 'string' || typeof (q as { name?: unknown }).name === 'string')) state.query = q;
  } catch {
    // A mangled query in a link is dropped; the rest of the view still opens.
  }
  const cam = get('cam')?.split(',').map(Number);
  const camera = cam && cam.length === 3 && cam.every(Number.isFinite) ? { x: cam[0], y: cam[1], ratio: cam[2] } : null;
  return { state, camera };
}

function writeUrl(s: ViewState, camera: CameraView | null): void {
  const p = new URLSearchParams();
  const set = (k: string, v: string | null | undefined) => v && p.set(k, v);
  set('v', s.view);
  set('n', s.selected);
  set('around', s.around);
  if (s.pair) set('qa', s.pair[0]), set('qb', s.pair[1]);
  if (s.kinds.size < KINDS.length) p.set('k', [...s.kinds].join(','));
  if (s.roles) set('roles', [...s.roles].join(','));
  set('from', s.from);
  set('to', s.to);
  set('org', s.org);
  if (s.ego) set('ego', s.ego.key), set('hops', String(s.ego.hops));
  if (s.path) set('pa', s.path.from), set('pb', s.path.to);
  if (s.query) set('q', JSON.stringify(s.query));
  if (camera) set('cam', [camera.x, camera.y, camera.ratio].map((n) => n.toFixed(4)).join(','));
  const hash = p.toString();
  if (hash !== location.hash.replace(/^#/, '')) history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

/**
 * Keeps the URL in step with the store and, once the full graph is drawn, its camera (at most every
 * 300 ms). The camera belongs to the full graph only: who met whom is framed anew each time.
 */
export function syncUrl(store: Store): { follow(sigma: ViewSigma): void } {
  let sigma: ViewSigma | null = null;
  const camera = () => {
    if (!sigma || store.get().view !== 'graph') return null;
    const c = sigma.getCamera().getState();
    return { x: c.x, y: c.y, ratio: c.ratio };
  };
  let timer = 0;
  const later = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => writeUrl(store.get(), camera()), 300);
  };
  store.subscribe((s, prev) => {
    if (s.hovered === prev.hovered) later();
  });
  return {
    follow(drawn) {
      sigma = drawn;
      drawn.getCamera().on('updated', later);
    },
  };
}
