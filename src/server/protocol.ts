/**
 * The JSON the viewer's API answers with: the server (src/server) and the browser app (viz/src) both
 * import these types, so the two cannot drift apart. Types only: nothing here runs.
 */
import type { CareerChange, Post } from '../graph/careers.js';
import type { NodeLabel, RelationshipType, Role } from '../graph/model.js';
import type { Meetings } from '../graph/meetings.js';
import type { Timeline } from '../graph/timeline.js';

/** GET /api/meetings: who met whom in a period (src/graph/meetings.ts). */
export type MeetingsPayload = Meetings;
/** GET /api/timeline: events by day, for the time slider. */
export type TimelinePayload = Timeline;

/**
 * The whole graph, compact: 100,000 edges as objects with string keys would be megabytes of repeated
 * property names, so nodes and edges are parallel arrays, and edges point at nodes by index.
 */
export interface GraphPayload {
  /** Changes whenever a node or edge does: the viewer keys its cached layout by it. */
  hash: string;
  kinds: NodeLabel[];
  rels: RelationshipType[];
  nodes: {
    key: string[];
    /** Index into `kinds`. */
    kind: number[];
    label: string[];
    /** An event's or article's date (YYYY-MM-DD or a prefix), else null. */
    date: (string | null)[];
  };
  edges: {
    source: number[];
    target: number[];
    /** Index into `rels`. */
    rel: number[];
    /** The fact's date (provenance), null for structural edges. */
    date: (string | null)[];
    /** A participation's roles as bits (bit i: ROLES[i] of src/graph/model.ts); 0 for other relationships. */
    roleBits: number[];
  };
}

export interface Meta {
  store: 'sqlite' | 'snapshot' | 'neo4j';
  location: string;
  nodes: number;
  edges: number;
  counts: Record<string, number>;
  /** Whether POST /api/query accepts ad-hoc Cypher (Neo4j only). */
  cypher: boolean;
  /** Moves whenever the stored graph changes (another process's ingest): the viewer may load it again. */
  changes: string;
  /**
   * Nodes GET /api/graph sends at most: a graph with more sends its most connected nodes, and one
   * edge for each pair and type among them (a person's title in 500 articles is one line).
   */
  overview: number;
}

export interface Suggestion {
  key: string;
  kind: NodeLabel;
  label: string;
  /** What tells namesakes apart: a person's region, an event's date. */
  detail: string | null;
}

/** Where a fact was read: the sentence, and the article's headline and date. */
export interface Evidence {
  article: string;
  headline: string | null;
  date: string | null;
  sentence: string;
  /** The mention of the fact's subject in `sentence`, as written, to highlight ('' when none). */
  mention: string;
}

export interface NodeRef {
  key: string;
  kind: NodeLabel;
  label: string;
}

/** A title (with its organization when the text names one), once however many articles give it. */
export interface TitleHeld {
  title: string;
  organization: NodeRef | null;
  /** The dates of the articles that give it, oldest first. */
  dates: string[];
}

export interface EventTaken {
  event: NodeRef;
  type: string;
  date: string | null;
  roles: string[];
  /** The evidence of the first role. */
  evidence: Evidence;
  /** Aligned with `roles`: the sentence that gave each role. */
  roleEvidence?: Evidence[];
}

export interface Participant {
  person: NodeRef;
  roles: string[];
  /** The sentence that gave the role this participant is listed under. */
  evidence: Evidence;
}

export interface Member {
  person: NodeRef;
  title: string;
  organization: NodeRef;
  evidence: Evidence;
}

interface DetailsBase {
  key: string;
  kind: NodeLabel;
  label: string;
  /** Every property of the node, for a plain key/value list. */
  props: Record<string, string | number | string[] | null>;
  degree: number;
}

export interface PersonDetails extends DetailsBase {
  kind: 'Person';
  titles: TitleHeld[];
  organizations: NodeRef[];
  events: EventTaken[];
  /** Every sentence the person was read from, once each, newest first. */
  evidence: Evidence[];
  /** The articles the person wrote, photographed or reported (a journalist's byline). */
  wrote: NodeRef[];
  /** Why the mentions are this person: each resolution rule with what it went by, once each (`org-region: a post in 许昌市人民政府`). */
  placedBy: string[];
}

export interface EventDetails extends DetailsBase {
  kind: 'Event';
  type: string;
  dates: string[];
  places: NodeRef[];
  /** Role → the people who had it (one person may appear under several roles). */
  participants: Record<string, Participant[]>;
  articles: NodeRef[];
}

export interface OrganizationDetails extends DetailsBase {
  kind: 'Organization';
  parents: NodeRef[];
  children: NodeRef[];
  /** Title holders of the organization and of the bodies under it. */
  members: Member[];
}

export interface PlaceDetails extends DetailsBase {
  kind: 'Place';
  within: NodeRef[];
  events: NodeRef[];
  organizations: NodeRef[];
}

export interface ArticleDetails extends DetailsBase {
  kind: 'Article';
  headline: string | null;
  date: string | null;
  events: NodeRef[];
  mentions: NodeRef[];
  authors: NodeRef[];
}

export type NodeDetails = PersonDetails | EventDetails | OrganizationDetails | PlaceDetails | ArticleDetails;

/** GET /api/article: an article's text as read, for evidence opened in place. */
export interface ArticleText {
  /** The article's id (Evidence.article). */
  article: string;
  /** null when the store keeps no texts (Neo4j: the embedded store keeps them). */
  text: string | null;
}

export interface NamedQueryInfo {
  name: string;
  description: string;
  params: { name: string; optional: boolean }[];
}

export type QueryRequest = { cypher: string; params?: Record<string, unknown> } | { name: string; params?: Record<string, string> };

export interface QueryResponse {
  columns: string[];
  rows: Record<string, unknown>[];
  /** More rows were there than the server sends (its row limit): the rows are the first ones. */
  truncated: boolean;
  /** The graph keys of the nodes and relationships the rows return (Cypher results with nodes, relationships or paths). */
  graph: { nodes: string[]; edges: [string, string][] };
  /** The columns holding a node's id (a named query's `person_id`), and the kind of that node: its key is `Kind:id`. */
  keyColumns: Record<string, NodeLabel>;
  /** The name to show for each node key of `graph.nodes`, drawn or not. */
  labels: Record<string, string>;
}

export interface ApiError {
  error: string;
}

/** GET /api/career?key=Person:…: a person's posts and changes, and their meetings, on one time axis. */
export interface CareerPayload {
  key: string;
  name: string;
  posts: Post[];
  changes: CareerChange[];
  /** The events the person took part in, oldest first. */
  meetings: { key: string; name: string; date: string | null; roles: Role[]; article: string; evidence: string }[];
  /** The resolution rule that made the person (model.ts ResolutionRule). */
  resolution: string;
}
