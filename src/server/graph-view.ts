/**
 * What the API reads the graph through. Two forms, one behaviour:
 * - the embedded SQLite store is read through its indexes, request by request (IndexedGraphView):
 *   opening costs nothing whatever its size, and a side panel or a named query loads only the
 *   neighbourhood it shows;
 * - Neo4j and a JSON Lines journal are loaded whole into memory once (WholeGraphView).
 * Both follow the store: when its change marker moves (a `guanxi ingest` beside the server), the
 * next request sees the new graph, without a restart.
 */
import { emptyGraph, graphCounts, type GuanxiGraph } from '../graph/assemble.js';
import type { DateRange } from '../graph/date-range.js';
import { graphParticipations, meetings, newestPeriod, type Participation } from '../graph/meetings.js';
import { RELATIONSHIP_TYPES, type NodeLabel, type Role } from '../graph/model.js';
import { nodeLabel } from '../graph/node-text.js';
import { neighbours, type NeighbourQuery } from '../graph/neighbours.js';
import { graphEventsByDate, timeline, type Timeline } from '../graph/timeline.js';
import { runNamedQuery } from '../graph/queries.js';
import { sqliteNamedQuery } from '../store/sqlite-named-queries.js';
import type { Neighbourhood } from '../store/sqlite-reads.js';
import type { SqliteGraphStore } from '../store/sqlite-store.js';
import type { GraphStore, QueryRows } from '../store/store.js';
import { careerPayload } from './career.js';
import { nodeDetails } from './details.js';
import { PreparedJson } from './http.js';
import { graphPayload } from './payload.js';
import type { CareerPayload, GraphPayload, MeetingsPayload, Meta, NodeDetails, Suggestion, TimelinePayload } from './protocol.js';
import { rankSuggestions, SearchIndex } from './search.js';

export interface GraphView {
  meta(): Meta;
  /** The graph the viewer draws: all of it, or its most connected nodes when it is larger than the overview's limit. */
  payload(): PreparedJson;
  details(key: string): NodeDetails | null;
  /** A person's career and meetings (the timeline of the person panel), null for an unknown person. */
  career(key: string): CareerPayload | null;
  search(query: string, limit: number, kind?: NodeLabel): Suggestion[];
  /** Who met whom in a period (the newest when the range is open and no person is asked for). */
  meetings(query: MeetingsQuery): MeetingsPayload;
  /** Events by day, for the time slider. */
  timeline(): TimelinePayload;
  /** A node's neighbours to add to the view (GraphPayload of the node, them, and what joins them), null for an unknown node. */
  neighbours(key: string, query: NeighbourQuery): GraphPayload | null;
  /** An article's text as read (by the article's id), null when the store keeps none. */
  articleText(article: string): Promise<string | null>;
  /** A named query with its parameters bound; Neo4j's run in Neo4j (api.ts), not here. */
  namedQuery(name: string, params: Record<string, string | null>): QueryRows;
  /** Catches up with the store if it changed since the last look (looked at most once a second). */
  refresh(): Promise<void>;
  /** The labels of those of `keys` the graph holds, and its relationships among them (one pair per linked two): a query result to draw. */
  among(keys: readonly string[]): KeyedNodes;
}

export interface KeyedNodes {
  labels: Record<string, string>;
  edges: [string, string][];
}

/** The labels of the keys' nodes in `graph` and the pairs of them that a relationship links, each pair once. */
function keyedNodes(graph: GuanxiGraph, keys: readonly string[]): KeyedNodes {
  const present = new Set(keys.filter((k) => graph.hasNode(k)));
  const labels: Record<string, string> = {};
  const pairs = new Map<string, [string, string]>();
  for (const key of present) {
    labels[key] = nodeLabel(graph.getNodeAttributes(key));
    graph.forEachOutEdge(key, (_e, _a, source, target) => {
      if (present.has(target)) pairs.set(`${source}\n${target}`, [source, target]);
    });
  }
  return { labels, edges: [...pairs.values()] };
}

/** Nodes the viewer is sent at most: the most connected ones of a larger graph. */
export const DEFAULT_OVERVIEW_NODES = 5_000;

export async function openGraphView(store: GraphStore, overviewNodes = DEFAULT_OVERVIEW_NODES): Promise<GraphView> {
  const view = store.kind === 'sqlite' ? new IndexedGraphView(store as SqliteGraphStore, overviewNodes) : new WholeGraphView(store, overviewNodes);
  await view.refresh();
  return view;
}

const CHECK_EVERY_MS = 1000;

/** Reads the store's change marker at most once per interval, and says whether it moved. */
class ChangeWatch {
  private last = 0;
  private marker: string | null = null;
  constructor(private readonly read: () => Promise<string>) {}

  /** The marker as last read. */
  get current(): string {
    return this.marker ?? '';
  }

  /** True the first time and whenever the store's marker moved since. */
  async moved(): Promise<boolean> {
    const now = Date.now();
    if (this.marker !== null && now - this.last < CHECK_EVERY_MS) return false;
    this.last = now;
    const marker = await this.read();
    if (marker === this.marker) return false;
    this.marker = marker;
    return true;
  }
}

function baseMeta(store: GraphStore, counts: Record<string, number>, changes: string, overview: number): Meta {
  const labels = new Set<string>(['Person', 'Organization', 'Place', 'Event', 'Article']);
  const sum = (pick: (name: string) => boolean) => Object.entries(counts).reduce((n, [name, c]) => n + (pick(name) ? c : 0), 0);
  return { store: store.kind, location: store.location, nodes: sum((n) => labels.has(n)), edges: sum((n) => !labels.has(n)), counts, cypher: store.kind === 'neo4j', changes, overview };
}

/**
 * What each kind of side panel reads (details.ts): a city's panel shows its events and bodies, not
 * the tens of thousands of articles that mention it. Organizations' and places' panels include
 * what lies below them along PART_OF.
 */
const PANEL_EDGES: Record<NodeLabel, Neighbourhood> = {
  Person: { edges: { out: ['HOLDS', 'PARTICIPATED_IN', 'WROTE'], in: ['MENTIONS'] } },
  Event: { edges: { out: ['HELD_AT'], in: ['PARTICIPATED_IN', 'REPORTS'] } },
  Organization: { below: ['PART_OF'], edges: { out: ['PART_OF'], in: ['HOLDS'] } },
  Place: { below: ['PART_OF'], edges: { out: ['PART_OF', 'LOCATED_IN'], in: ['HELD_AT', 'LOCATED_IN'] } },
  Article: { edges: { out: ['REPORTS', 'MENTIONS'], in: ['WROTE'] } },
};

/**
 * The who-met-whom view: of the period asked for; with none, of the newest period (or, around a
 * person, of all time, so that a search always finds whom they met).
 */
function meetingsOf(rows: (range: DateRange) => Iterable<Participation>, events: Timeline, { range, limit, around, roles }: MeetingsQuery): MeetingsPayload {
  const open = !range.from && !range.to;
  const period = open && !around ? newestPeriod(events.days) : range;
  return meetings(rows(period), { period, limit, around, roles });
}

/** What GET /api/meetings asks for. */
export interface MeetingsQuery {
  range: DateRange;
  limit: number;
  around: string | null;
  roles: ReadonlySet<Role> | null;
}

/** The graph loaded whole: Neo4j (read once, then again when it changes) and the JSON Lines journal. */
class WholeGraphView implements GraphView {
  private graph!: GuanxiGraph;
  private index!: SearchIndex;
  private prepared!: PreparedJson;
  private info!: Meta;
  private events!: Timeline;
  private readonly watch: ChangeWatch;

  constructor(
    private readonly store: GraphStore,
    private readonly overviewNodes: number,
  ) {
    this.watch = new ChangeWatch(() => store.changes());
  }

  async refresh(): Promise<void> {
    if (!(await this.watch.moved())) return;
    const graph = await this.store.graph();
    this.graph = graph;
    this.index = new SearchIndex(graph);
    this.prepared = new PreparedJson(graphPayload(overview(graph, this.overviewNodes)));
    this.info = baseMeta(this.store, graphCounts(graph), this.watch.current, this.overviewNodes);
    this.events = timeline(graphEventsByDate(graph));
  }

  meta = () => this.info;
  payload = () => this.prepared;
  details = (key: string) => nodeDetails(this.graph, key);
  career = (key: string) => careerPayload(this.graph, key);
  search = (query: string, limit: number, kind?: NodeLabel) => this.index.search(query, limit, kind);
  namedQuery = (name: string, params: Record<string, string | null>) => runNamedQuery(this.graph, name, params);
  meetings = (query: MeetingsQuery) => meetingsOf(() => graphParticipations(this.graph), this.events, query);
  timeline = () => this.events;
  neighbours = (key: string, query: NeighbourQuery) => (this.graph.hasNode(key) ? graphPayload(neighbours(this.graph, key, query)) : null);
  articleText = (article: string) => this.store.articleText(article);
  among = (keys: readonly string[]) => keyedNodes(this.graph, keys);
}

/** The embedded store, read through its indexes. */
class IndexedGraphView implements GraphView {
  private prepared: PreparedJson | null = null;
  private info: Meta | null = null;
  private events: Timeline | null = null;
  private readonly watch: ChangeWatch;

  constructor(
    private readonly store: SqliteGraphStore,
    private readonly overviewNodes: number,
  ) {
    this.watch = new ChangeWatch(() => store.changes());
  }

  async refresh(): Promise<void> {
    if (!(await this.watch.moved())) return;
    this.prepared = null;
    this.info = null;
    this.events = null;
  }

  async articleText(article: string): Promise<string | null> {
    return this.store.reads.articleText(article);
  }

  neighbours(key: string, query: NeighbourQuery): GraphPayload | null {
    const seeds = this.store.reads.seqsOfKeys([key]);
    if (!seeds.length) return null;
    // The node's own relationships and their ends; the store knows every end's degree.
    const around = this.store.reads.neighbourhood(seeds, { citedArticles: false });
    const degrees = this.store.reads.degreesOfKeys(around.nodes());
    return graphPayload(neighbours(around, key, query, (k) => degrees.get(k) ?? 0));
  }

  timeline(): Timeline {
    return (this.events ??= timeline(this.store.reads.eventsByDate()));
  }

  meetings(query: MeetingsQuery): MeetingsPayload {
    return meetingsOf((period) => this.store.reads.participations(period.from, period.to, query.around), this.timeline(), query);
  }

  meta(): Meta {
    return (this.info ??= baseMeta(this.store, this.store.reads.counts(), this.watch.current, this.overviewNodes));
  }

  /** Built on the first request for it, not when the server opens. */
  payload(): PreparedJson {
    return (this.prepared ??= new PreparedJson(graphPayload(this.store.reads.overview(this.overviewNodes))));
  }

  career(key: string): CareerPayload | null {
    const seeds = this.store.reads.seqsOfKeys([key]);
    if (!seeds.length || !key.startsWith('Person:')) return null;
    return careerPayload(this.store.reads.neighbourhood(seeds, { edges: { out: ['HOLDS', 'PARTICIPATED_IN'] } }), key);
  }

  details(key: string): NodeDetails | null {
    const seeds = this.store.reads.seqsOfKeys([key]);
    const plan = PANEL_EDGES[key.slice(0, key.indexOf(':')) as NodeLabel];
    if (!seeds.length || !plan) return null;
    const details = nodeDetails(this.store.reads.neighbourhood(seeds, plan), key);
    // The small graph holds only the relationships the panel shows; the store counts them all.
    return details && { ...details, degree: this.store.reads.degree(seeds[0]) };
  }

  search(query: string, limit: number, kind?: NodeLabel): Suggestion[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    // The store orders by everything but the name; candidates enough that the name's order decides among equals.
    return rankSuggestions(this.store.reads.searchCandidates(q, kind ?? null, Math.max(500, limit * 20)), q, limit);
  }

  namedQuery(name: string, params: Record<string, string | null>): QueryRows {
    return sqliteNamedQuery(this.store.reads, name, params);
  }

  /** The keys' nodes and their outgoing relationships only: a relationship among them leaves one of them. */
  among(keys: readonly string[]): KeyedNodes {
    const seeds = this.store.reads.seqsOfKeys(keys);
    if (!seeds.length) return { labels: {}, edges: [] };
    return keyedNodes(this.store.reads.neighbourhood(seeds, { edges: { out: RELATIONSHIP_TYPES }, citedArticles: false }), keys);
  }
}

/**
 * The `max` most connected nodes of a graph and, among them, the first edge of each pair and type;
 * the graph itself when it is no larger (as SqliteReads.overview).
 */
function overview(graph: GuanxiGraph, max: number): GuanxiGraph {
  if (graph.order <= max) return graph;
  const keep = new Set(
    graph
      .nodes()
      .map((key, i) => ({ key, i, degree: graph.degree(key) }))
      .sort((a, b) => b.degree - a.degree || a.i - b.i)
      .slice(0, max)
      .map((n) => n.key),
  );
  const copy = emptyGraph();
  graph.forEachNode((key, a) => {
    if (keep.has(key)) copy.addNode(key, a);
  });
  const pairs = new Set<string>();
  graph.forEachEdge((key, a, s, t) => {
    const pair = `${s}\n${t}\n${a.rel}`;
    if (!keep.has(s) || !keep.has(t) || pairs.has(pair)) return;
    pairs.add(pair);
    copy.addDirectedEdgeWithKey(key, s, t, a);
  });
  return copy;
}
