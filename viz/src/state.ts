/**
 * The view's state: what is selected, filtered and queried. Modules change it with `set` and react
 * to it with `subscribe`; the renderer draws from it and nothing else, and the URL mirrors it.
 */
import type { NodeLabel, Role } from '../../src/graph/model.js';
import type { QueryRequest, QueryResponse } from '../../src/server/protocol.js';
import { KINDS } from './kinds.js';

/** Which picture is on screen: who met whom (persons joined by shared events), or the full graph. */
export type ViewName = 'meetings' | 'graph';

export interface OpenedEvidence {
  /** The article's id (its node is `Article:<id>`). */
  article: string;
  sentence: string;
  mention: string;
}

export interface ViewState {
  view: ViewName;
  /** The node whose panel is open. */
  selected: string | null;
  /** Who met whom: the person the view is centred on (null: the most active people of the period). */
  around: string | null;
  /** Who met whom: the two persons whose shared events the panel lists. */
  pair: readonly [string, string] | null;
  /** Nodes added to the full graph by expanding a node (expand.ts), shown in every narrowed view too. */
  expanded: readonly string[];
  /** Evidence opened in its article: the article's panel shows its text with this sentence and mention marked. */
  evidence: OpenedEvidence | null;
  /** The node under the pointer: it and its neighbours are highlighted. Not kept in the URL. */
  hovered: string | null;
  kinds: ReadonlySet<NodeLabel>;
  /** Only participations in these roles (null: all), in every view. */
  roles: ReadonlySet<Role> | null;
  /** Date range, YYYY-MM-DD (or a prefix), both ends inclusive and optional; a fact is in it when all of its date is. */
  from: string | null;
  to: string | null;
  /** An organization's key: only it, the bodies under it, their members and those members' events. */
  org: string | null;
  /** The neighbourhood of a node to `hops` steps. */
  ego: { key: string; hops: number } | null;
  /** The shortest path between two nodes (any kinds; the people search offers persons). */
  path: { from: string; to: string } | null;
  /** The console's last query and, once run, its result drawn as the graph. */
  query: QueryRequest | null;
  result: QueryResponse['graph'] | null;
}

export const initialState = (): ViewState => ({
  view: 'graph',
  selected: null,
  around: null,
  pair: null,
  evidence: null,
  expanded: [],
  hovered: null,
  kinds: new Set(KINDS),
  roles: null,
  from: null,
  to: null,
  org: null,
  ego: null,
  path: null,
  query: null,
  result: null,
});

type Listener = (state: ViewState, previous: ViewState) => void;

export class Store {
  private state: ViewState;
  private readonly listeners = new Set<Listener>();

  constructor(initial: ViewState) {
    this.state = initial;
  }

  get(): ViewState {
    return this.state;
  }

  set(patch: Partial<ViewState>): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.state, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Whether anything but the camera, hover and selection narrows what is shown. */
export function isFiltered(s: ViewState): boolean {
  return s.kinds.size < KINDS.length || !!(s.roles || s.from || s.to || s.org || s.ego || s.path || s.result);
}
