/**
 * The knowledge graph's vocabulary: node labels, relationship types and their properties.
 * docs/graph-model.md explains the choices; the Neo4j schema (cypher/schema.cypher), the snapshot
 * and the viewer all use these names.
 *
 * Every fact read from an article (a title held, a part taken, a mention, a byline) is a relationship
 * that carries its provenance: the article's id, the sentence it was read from, and the date.
 * Structural facts (an organization is part of another, a place lies in a province) come from
 * language data, not from an article, and carry the rule that made them instead.
 */

import type { PostAct } from './post-act-kinds.js';
import type { Rank } from './rank-order.js';

export const NODE_LABELS = ['Person', 'Organization', 'Place', 'Event', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'HOLDS',
  'PARTICIPATED_IN',
  'HELD_AT',
  'REPORTS',
  'MENTIONS',
  'WROTE',
  'PART_OF',
  'LOCATED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** How a person mention was tied to a person node (see src/graph/resolve.ts). */
export type ResolutionRule =
  /** The person's posts name organizations in one region: the person is the namesake there. */
  | 'org-region'
  /**
   * No post places the person in this article's paper, but the same document gives the name posts in
   * central bodies only (a national leader in a dispatch from 拉萨): the person is the national one.
   */
  | 'document-national'
  /** No post places the person; the paper's home region does. */
  | 'document-home'
  /** Neither posts nor the paper place the person: all such namesakes share one node. */
  | 'name-only'
  /**
   * The user's identities file (src/graph/identities.ts) moved the mention to this person (merge,
   * split, alias); on a person node: the file made or kept the node, its directives in `evidence`.
   */
  | 'identities-file';

export interface PersonProps {
  /** `name@region`, or `name@?` when nothing places the person. */
  id: string;
  name: string;
  /** The administrative division (full name) the person is placed in; null for name-only. */
  region: string | null;
  resolution: ResolutionRule;
  /** The person ids the identities file merged into this one (resolution `identities-file`). */
  merged?: string[];
  /** The identities file's directives that made or kept this node, as written. */
  evidence?: string[];
}

export interface OrganizationProps {
  /** The canonical full name: 中共许昌市委, 许昌市公安局. */
  id: string;
  name: string;
}

export type PlaceLevel = 'province' | 'city' | 'county' | 'venue' | 'other';

export interface PlaceProps {
  id: string;
  name: string;
  level: PlaceLevel;
}

export interface EventProps {
  /** `region|date|name`: the same meeting reported twice by one paper is one node. */
  id: string;
  name: string;
  /** meeting, inspection, visit, activity, … */
  type: string;
  /** The first day of the event (YYYY-MM-DD or a prefix), or null when no date is known. */
  date: string | null;
  dates: string[];
  region: string | null;
}

export type ArticleKind = 'article' | 'photo' | 'sidebar' | 'other';

export interface ArticleProps {
  /** `<document>#n` for a page's n-th article, `<document>#<record id>` or `<document>#L<line>` for a record (src/graph/identity.ts). */
  id: string;
  document: string;
  /** What the piece is on the page (named `form`, as `kind` is the node's label in the in-memory graph). */
  form: ArticleKind;
  headline: string | null;
  /** Publication date (YYYY-MM-DD or a prefix) or null. */
  date: string | null;
  home: string | null;
}

export interface NodePropsByLabel {
  Person: PersonProps;
  Organization: OrganizationProps;
  Place: PlaceProps;
  Event: EventProps;
  Article: ArticleProps;
}

/** Where an article-borne fact was read. */
export interface Provenance {
  article: string;
  /** The sentence the fact was read from ('' when the fact has no single sentence, as for a headline-only photo). */
  sentence: string;
  /** The event's date if the fact concerns an event, else the article's publication date. */
  date: string | null;
}

export const ROLES = ['led', 'accompanied', 'attended', 'spoke', 'presided', 'organized'] as const;
export type Role = (typeof ROLES)[number];
export type BylineRole = 'reporter' | 'correspondent' | 'photographer';

export interface RelPropsByType {
  /** Person → Organization. */
  HOLDS: Provenance & {
    title: string;
    /** The post's rank (级别) by data/lang/ranks.tsv, null when no rule covers it (src/graph/ranks.ts). */
    rank: Rank | null;
    /** What the sentence did to the post (任命, 当选, 兼任, 免去), null when it only names it (src/graph/post-acts.ts). */
    act: PostAct | null;
  };
  /** Person → Event. */
  PARTICIPATED_IN: Provenance & {
    roles: Role[];
    /**
     * Aligned with `roles`: evidence[i] is the sentence that gave roles[i] (parallel lists, as a
     * Neo4j property cannot be a map). `sentence` stays the first sentence naming the person.
     */
    evidence: string[];
  };
  /** Event → Place. */
  HELD_AT: Provenance;
  /** Article → Event. */
  REPORTS: Provenance;
  /** Article → Person | Organization | Place. For persons: the posts written without an organization, and the resolution rule. */
  MENTIONS: Provenance & {
    count: number;
    titles: string[];
    resolution: ResolutionRule | null;
    /** The first mention as written in `sentence` (北京 for 北京市, 江 for 江泽民), '' when unknown. */
    mention: string;
    /** For persons: what the resolution rule went by (a post in 许昌市人民政府, listed with 江泽民、李鹏, the paper's home, a directive). */
    basis?: string;
  };
  /** Person → Article. */
  WROTE: Provenance & { role: BylineRole };
  /** Organization → Organization, Place → Place: the hierarchy, from language data. */
  PART_OF: { rule: string };
  /** Organization → Place (the division its name starts with); Place (venue) → Place. */
  LOCATED_IN: { rule: string };
}

export type NodeRecord = { [L in NodeLabel]: { label: L; props: NodePropsByLabel[L] } }[NodeLabel];

export type RelationshipRecord = {
  [T in RelationshipType]: {
    type: T;
    from: { label: NodeLabel; id: string };
    to: { label: NodeLabel; id: string };
    props: RelPropsByType[T];
  };
}[RelationshipType];

/** Everything one document contributes to the graph, with every entity already resolved to its key. */
export interface DocumentFacts {
  /** The document's id: its file's absolute path, or a source id its user gave (src/graph/identity.ts). */
  document: string;
  /** sha256 of the file's bytes: a document read again unchanged is skipped, a changed one replaces its facts. */
  hash: string;
  /** The absolute path it was read from, to tell a moved or deleted file (absent in older snapshots). */
  path?: string;
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  /**
   * Each article's text as read, which its facts' sentences and mentions point into: the viewer opens
   * evidence in it. Kept beside the graph, not in it (a decade's text would weigh on every read).
   */
  texts?: ArticleText[];
  /**
   * A large document is stored in parts (src/store/ingest.ts), `index` from 1 and `last` on the final
   * one: the first part replaces what the document held before, the others add to it, and the
   * document counts as stored only once its last part is. Absent: the whole document at once.
   */
  part?: { index: number; last: boolean };
}

export interface ArticleText {
  /** The article's id (ArticleProps.id). */
  article: string;
  text: string;
}

/** The graphology key of a node: labels keep a person and a place of the same name apart. */
export function nodeKey(label: NodeLabel, id: string): string {
  return `${label}:${id}`;
}

/**
 * The graphology key of a relationship. Article-borne facts are keyed by their article (and the title
 * or byline role), so a re-read article overwrites rather than duplicates them.
 */
export function relationshipKey(r: RelationshipRecord): string {
  const base = `${r.type}|${nodeKey(r.from.label, r.from.id)}|${nodeKey(r.to.label, r.to.id)}`;
  switch (r.type) {
    case 'HOLDS':
      return `${base}|${r.props.article}|${r.props.title}`;
    case 'WROTE':
      return `${base}|${r.props.article}|${r.props.role}`;
    case 'PART_OF':
    case 'LOCATED_IN':
      return base;
    default:
      return `${base}|${r.props.article}`;
  }
}
