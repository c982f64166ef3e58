/**
 * Node positions. They are computed on the server, once per graph version (src/server/layout.ts
 * says why), and the page only takes them: the first frame is already the finished picture.
 * Finished positions, and only those, are kept in localStorage under the graph's hash, with the
 * nodes the analyst dragged and pinned; an answer that never came (a reload meanwhile, an error)
 * leaves nothing behind. "Lay out again" asks the server to lay the graph out anew around the
 * pinned nodes.
 */
import type { GraphLayout, LayoutAgainRequest } from '../../src/server/layout-protocol.js';
import { RequestError } from './api.js';
import type { ViewGraph } from './graph-data.js';
import type { ViewSigma } from './renderer.js';

/**
 * - cached: finished positions from localStorage;
 * - running: waiting for the server's positions (at start, or laying out again);
 * - done: the server's finished positions are drawn;
 * - failed: the server gave none; the nodes stay on the seed spiral, and nothing is cached.
 */
export type LayoutState = 'cached' | 'running' | 'done' | 'failed';

/** What localStorage keeps: finished positions only (`done` is checked on reading). */
interface Saved {
  version: 2;
  done: true;
  xy: number[];
  pinned: string[];
}

const PREFIX = 'guanxi:layout:';
const cacheKey = (hash: string) => `${PREFIX}v2:${hash}`;

async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok) throw new RequestError(res.status, body?.error ?? `${res.status} ${res.statusText}`);
  return body as T;
}

/** GET /api/layout: started by main.ts at the same time as the graph's own request. */
export const fetchLayout = (): Promise<GraphLayout> => fetchJson<GraphLayout>('/api/layout');

function readSaved(graph: ViewGraph, hash: string): Saved | null {
  try {
    const saved = JSON.parse(localStorage.getItem(cacheKey(hash)) ?? 'null') as Partial<Saved> | null;
    if (saved?.version !== 2 || saved.done !== true || !Array.isArray(saved.xy) || saved.xy.length !== graph.order * 2 || !Array.isArray(saved.pinned)) return null;
    return saved as Saved;
  } catch {
    return null;
  }
}

/** The seed while nothing better is known: a spiral, so a failed layout is not a heap at 0,0. */
function spiral(graph: ViewGraph): number[] {
  const xy: number[] = [];
  for (let i = 0; i < graph.order; i++) xy.push(Math.sqrt(i + 0.5) * 10 * Math.cos(i * 2.399963), Math.sqrt(i + 0.5) * 10 * Math.sin(i * 2.399963));
  return xy;
}

export class Layout {
  private current: LayoutState = 'running';
  private readonly pins = new Set<string>();
  private readonly listeners = new Set<(state: LayoutState) => void>();

  private constructor(
    private readonly graph: ViewGraph,
    private readonly hash: string,
  ) {}

  /**
   * Places the graph's nodes: from localStorage when this graph's finished layout is there, else
   * from the server's answer. Resolves once the nodes have their places (or the spiral, on failure).
   */
  static async start(graph: ViewGraph, hash: string, server: Promise<GraphLayout>): Promise<Layout> {
    const layout = new Layout(graph, hash);
    const saved = readSaved(graph, hash);
    if (saved) {
      layout.apply(saved.xy);
      for (const key of saved.pinned) if (graph.hasNode(key)) layout.pins.add(key);
      layout.current = 'cached';
      server.catch(() => {}); // not needed this time
      return layout;
    }
    try {
      const answer = await server;
      if (answer.hash !== hash || answer.xy.length !== graph.order * 2) throw new Error('the layout is of another version of the graph');
      layout.apply(answer.xy);
      layout.finish('done');
    } catch (err) {
      console.warn(`layout: ${(err as Error).message}`);
      layout.apply(spiral(graph));
      layout.current = 'failed';
    }
    return layout;
  }

  get state(): LayoutState {
    return this.current;
  }

  pinned(): ReadonlySet<string> {
    return this.pins;
  }

  onState(listener: (state: LayoutState) => void): void {
    this.listeners.add(listener);
  }

  /** A node the analyst dragged keeps its place, now and when laid out again. */
  pin(key: string): void {
    this.pins.add(key);
    if (this.current !== 'running' && this.current !== 'failed') this.save();
  }

  /** Lays the graph out again on the server, the pinned nodes kept where they are. */
  async again(): Promise<void> {
    if (this.current === 'running') return;
    const index = new Map(this.graph.nodes().map((key, i) => [key, i]));
    const body: LayoutAgainRequest = {
      hash: this.hash,
      pinned: [...this.pins].map((key) => [index.get(key)!, this.graph.getNodeAttribute(key, 'x'), this.graph.getNodeAttribute(key, 'y')]),
    };
    const before = this.current;
    this.setState('running');
    try {
      const answer = await fetchJson<GraphLayout>('/api/layout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      // A node dragged while the server was at work keeps where it was dropped.
      this.apply(answer.xy, (key) => this.pins.has(key));
      this.finish('done');
    } catch (err) {
      console.warn(`layout again: ${(err as Error).message}`);
      this.setState(before);
    }
  }

  private apply(xy: readonly number[], keep: (key: string) => boolean = () => false): void {
    let i = 0;
    this.graph.updateEachNodeAttributes((key, a) => {
      const [x, y] = [xy[i++], xy[i++]];
      return keep(key) ? a : { ...a, x, y };
    });
  }

  private finish(state: 'done'): void {
    this.save();
    this.setState(state);
  }

  private setState(state: LayoutState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }

  /** Keeps the positions; called only when they are finished. */
  private save(): void {
    const xy: number[] = [];
    this.graph.forEachNode((_k, a) => xy.push(Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100));
    const saved: Saved = { version: 2, done: true, xy, pinned: [...this.pins] };
    try {
      // One layout is kept: the previous graph's is of no use once the graph changed.
      for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
      localStorage.setItem(cacheKey(this.hash), JSON.stringify(saved));
    } catch {
      // Storage full or disabled: the server's cached layout is fetched again next time.
    }
  }
}

/** Dragging a node moves it and pins it (sigma 4's node drag, enabled in renderer.ts). */
export function pinOnDrag(sigma: ViewSigma, layout: Layout): void {
  sigma.on('nodeDragEnd', ({ node }) => layout.pin(node));
}

/** The "Lay out again" button: disabled while a layout runs. */
export function layoutButton(button: HTMLButtonElement, layout: Layout): void {
  const show = (state: LayoutState) => {
    button.disabled = state === 'running';
    button.textContent = state === 'running' ? 'Laying out…' : 'Lay out again';
  };
  show(layout.state);
  layout.onState(show);
  button.addEventListener('click', () => void layout.again());
}
