/** The extraction's output, as fixed by shared/contracts/extraction.schema.json (plus a few extra fields). */

export const ROLES = ['led', 'accompanied', 'attended', 'spoke', 'presided', 'organized'] as const;
export type Role = (typeof ROLES)[number];

export type ArticleKind = 'article' | 'photo' | 'sidebar' | 'other';

export interface TitleOut {
  /** The bare post: 部长, 副市长, 常委. */
  title: string;
  /** The organization resolved to its full name, or null when the context does not say. */
  organization: string | null;
}

/** A mention as written: text.slice(start, end) === text, offsets into the article's `text`. */
export interface SpanOut {
  text: string;
  start: number;
  end: number;
}

export interface PersonOut {
  name: string;
  titles: TitleOut[];
  /** Number of mentions in the article. */
  mentions: number;
  /** Every mention, as written (江 for 江泽民 in 江主席). */
  spans: SpanOut[];
  /** For a person the body never names: the mentions in the headline (offsets into `headline`). */
  headlineSpans?: SpanOut[];
  /**
   * Named only by a surname and a form of address (江主席, 王先生, 老张), never in full: `name` is that
   * form, the spans its surname. The graph makes no person of it (who it is, the article does not say).
   */
  addressOnly?: true;
}

export interface NamedOut {
  /** The canonical name (中共许昌市委 for 市委, 北京市 for 北京). */
  name: string;
  /** Every mention, as written. */
  spans: SpanOut[];
  /** For an entity the body never names: the mentions in the headline (offsets into `headline`). */
  headlineSpans?: SpanOut[];
  /**
   * The same headline mentions as written (北京 for 北京市), as the contract's list of surface forms:
   * scorers match a prediction by its name, its spans' text or these.
   */
  mentions?: string[];
}

export interface DateOut {
  text: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY where the text names no day. */
  iso: string;
}

export interface ParticipantOut {
  name: string;
  roles: Role[];
  /**
   * For each of `roles`, the sentence that gave it (汤超…出席会议 for attended, 汤超…提出要求 for
   * spoke), one of the event's `evidence`. Absent from outputs made before it was kept.
   */
  sentences?: Partial<Record<Role, string>>;
}

export interface EventOut {
  name: string;
  /** The kind of event: meeting, inspection, visit, activity, … */
  type: string;
  dates: string[];
  places: string[];
  participants: ParticipantOut[];
  /** The sentences the event and its participants were read from. */
  evidence: string[];
}

export interface ArticleOut {
  id: string;
  kind: ArticleKind;
  /** Publication date (YYYY-MM-DD or a prefix): the record's, else the page's; null when unknown. */
  date: string | null;
  /** The paper's home city or county for this article (full name), or null. */
  home: string | null;
  headline: string | null;
  subtitle: string | null;
  text: string;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  persons: PersonOut[];
  organizations: NamedOut[];
  places: NamedOut[];
  dates: DateOut[];
  events: EventOut[];
}

/** Where a context value came from: given on the command line or by the record, or inferred from the text. */
export type Provenance = 'given' | 'record' | 'inferred' | 'unknown';

export interface DocumentContext {
  /** The paper's home city or county, full name (许昌市). */
  home: string | null;
  homeProvince: string | null;
  /** Publication date, YYYY-MM-DD or a prefix (YYYY). */
  date: string | null;
  provenance: { home: Provenance; date: Provenance };
  /** Human-readable notes on what was inferred and from what. */
  notes: string[];
}

export interface ExtractionOut {
  document: string;
  encoding: string;
  context: DocumentContext;
  articles: ArticleOut[];
}
