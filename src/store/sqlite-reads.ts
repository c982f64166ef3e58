/**
 * What is read from the embedded store without loading it whole: counts, search candidates, and
 * neighbourhoods — the few nodes and edges a side panel, a named query or a page of the CSV export
 * needs, as a small in-memory graph that the same code as the in-memory path then reads
 * (src/server/details.ts, src/graph/queries.ts, src/graph/export/tables.ts).
 */
import type Database from 'better-sqlite3';
import { emptyGraph, type EdgeAttributes, type GuanxiGraph, type NodeAttributes } from '../graph/assemble.js';
import type { Participation } from '../graph/meetings.js';
import { relationshipKey, type DocumentFacts, type NodeLabel, type NodeRecord, type RelationshipRecord, type RelationshipType } from '../graph/model.js';

interface NodeRow {
  seq: number;
  key: string;
  label: NodeLabel;
  props: string;
}
interface EdgeRow {
  /** `props` parsed, once: by whichever reader needs it first (propsOf). */
  parsed?: Record<string, unknown>;
  seq: number;
  type: RelationshipType;
  source: number;
  target: number;
  props: string;
}

interface ParticipationRow extends Omit<Participation, 'roles'> {
  props: string;
}

export interface SearchCandidate {
  key: string;
  kind: NodeLabel;
  label: string;
  detail: string | null;
  degree: number;
}

/** What to load around the seed nodes. */
export interface Neighbourhood {
  /** Also the nodes below the seeds along these relationships, followed backwards (an organization's departments). */
  below?: readonly RelationshipType[];
  /** Also the participants and places of the events one step away (co-participation, an event's size). */
  eventParticipants?: boolean;
  /** Also everyone holding a post in the organizations one step away (a person's colleagues). */
  organizationHolders?: boolean;
  /**
   * Only these relationships of the seeds and what lies below them (default: all, as a side panel
   * needs for the node's degree): a query about a city's events need not load its mentions.
   */
  edges?: { in?: readonly RelationshipType[]; out?: readonly RelationshipType[] };
  /** Also the articles the relationships cite, for their headlines and dates (default: yes; the export needs none). */
  citedArticles?: boolean;
}

/** A value made on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const ids = (values: Iterable<number | string>) => JSON.stringify([...values]);

export class SqliteReads {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      counts: db.prepare<[], { name: string; n: number }>('SELECT name, n FROM counts WHERE n > 0'),
      changes: db.prepare<[], { value: string }>(`SELECT value FROM info WHERE name = 'changes'`),
      nodesBySeq: db.prepare<[string], NodeRow>('SELECT seq, key, label, props FROM nodes WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq'),
      nodesByKey: db.prepare<[string], NodeRow>('SELECT seq, key, label, props FROM nodes WHERE key IN (SELECT value FROM json_each(?)) ORDER BY seq'),
      seqOfKey: db.prepare<[string], { seq: number }>('SELECT seq FROM nodes WHERE key = ?'),
      named: db.prepare<[string, string], { seq: number }>('SELECT seq FROM nodes WHERE name = ? AND label = ?'),
      eventsNaming: db.prepare<[string], { seq: number }>(`SELECT seq FROM nodes WHERE label = 'Event' AND instr(name, ?) > 0`),
      // Prepared when first used: they need the temporary table overview() makes.
      chooseOverview: once(() => db.prepare<[number]>('INSERT INTO overview_nodes SELECT node FROM node_degree ORDER BY degree DESC, node LIMIT ?')),
      overviewNodes: once(() => db.prepare<[], NodeRow>('SELECT seq, key, label, props FROM overview_nodes JOIN nodes ON nodes.seq = overview_nodes.n')),
      overviewEdges: once(() =>
        db.prepare<[], { seq: number }>(
          `SELECT min(e.seq) AS seq FROM overview_nodes o JOIN edges e ON e.target = o.n
           WHERE e.source IN overview_nodes GROUP BY e.source, e.target, e.type`,
        ),
      ),
      edgesBySeq: db.prepare<[string], EdgeRow>('SELECT seq, type, source, target, props FROM edges WHERE seq IN (SELECT value FROM json_each(?))'),
      degree: db.prepare<[number], { degree: number }>('SELECT degree FROM node_degree WHERE node = ?'),
      degreesOfKeys: db.prepare<[string], { key: string; degree: number }>(
        'SELECT n.key, coalesce(d.degree, 0) AS degree FROM nodes n LEFT JOIN node_degree d ON d.node = n.seq WHERE n.key IN (SELECT value FROM json_each(?))',
      ),
      edgesOut: db.prepare<[string], EdgeRow>('SELECT seq, type, source, target, props FROM edges WHERE source IN (SELECT value FROM json_each(?))'),
      edgesIn: db.prepare<[string], EdgeRow>('SELECT seq, type, source, target, props FROM edges WHERE target IN (SELECT value FROM json_each(?))'),
      edgesOutOfType: db.prepare<[string, string], EdgeRow>('SELECT seq, type, source, target, props FROM edges WHERE source IN (SELECT value FROM json_each(?)) AND type = ?'),
      edgesInOfType: db.prepare<[string, string], EdgeRow>('SELECT seq, type, source, target, props FROM edges WHERE target IN (SELECT value FROM json_each(?)) AND type = ?'),
      below: db.prepare<[string, string], { n: number }>(
        `WITH RECURSIVE below(n) AS (
           SELECT value FROM json_each(?)
           UNION SELECT e.source FROM edges e JOIN below b ON e.target = b.n WHERE e.type IN (SELECT value FROM json_each(?))
         ) SELECT n FROM below`,
      ),
      search: db.prepare<[{ q: string; kind: string | null; limit: number }], SearchCandidate>(
        `SELECT key, label AS kind, name AS label, detail, coalesce(d.degree, 0) AS degree
         FROM nodes LEFT JOIN node_degree d ON d.node = nodes.seq
         WHERE instr(folded, @q) > 0 AND (@kind IS NULL OR label = @kind)
         ORDER BY (folded = @q) DESC, (substr(folded, 1, length(@q)) = @q) DESC,
                  CASE label WHEN 'Person' THEN 0 WHEN 'Organization' THEN 1 WHEN 'Event' THEN 2 WHEN 'Place' THEN 3 ELSE 4 END,
                  degree DESC
         LIMIT @limit`,
      ),
      nodeCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM nodes'),
      allDocuments: db.prepare<[], { seq: number; id: string; hash: string; path: string | null; complete: number }>('SELECT seq, id, hash, path, complete FROM documents ORDER BY seq'),
      nodesOfDocument: db.prepare<[number], { key: string; label: NodeLabel; props: string }>(
        'SELECT n.key, n.label, s.props FROM node_support s JOIN nodes n ON n.seq = s.node WHERE s.document = ? ORDER BY n.seq',
      ),
      edgesOfDocument: db.prepare<[number], { type: RelationshipType; source: string; target: string; props: string }>(
        `SELECT e.type, a.key AS source, b.key AS target, e.props FROM edge_support s JOIN edges e ON e.seq = s.edge
         JOIN nodes a ON a.seq = e.source JOIN nodes b ON b.seq = e.target WHERE s.document = ? ORDER BY e.seq`,
      ),
      allNodes: db.prepare<[], NodeRow>('SELECT seq, key, label, props FROM nodes ORDER BY seq'),
      allEdges: db.prepare<[], EdgeRow>('SELECT seq, type, source, target, props FROM edges ORDER BY seq'),
      participations: db.prepare<[{ from: string | null; to: string | null }], ParticipationRow>(
        `SELECT p.key AS person, p.name AS personLabel, p.detail AS personDetail, ev.key AS event, ev.name AS eventLabel, ev.detail AS eventDate, e.props
         FROM nodes ev JOIN edges e ON e.target = ev.seq AND e.type = 'PARTICIPATED_IN' JOIN nodes p ON p.seq = e.source
         WHERE ev.label = 'Event' AND (@from IS NULL OR ev.detail >= substr(@from, 1, 4)) AND (@to IS NULL OR ev.detail <= @to || char(65535))
         ORDER BY ev.seq, e.seq`,
      ),
      participationsAround: db.prepare<[{ person: string; from: string | null; to: string | null }], ParticipationRow>(
        `WITH mine AS (SELECT e.target AS seq FROM nodes me JOIN edges e ON e.source = me.seq AND e.type = 'PARTICIPATED_IN' WHERE me.key = @person)
         SELECT p.key AS person, p.name AS personLabel, p.detail AS personDetail, ev.key AS event, ev.name AS eventLabel, ev.detail AS eventDate, e.props
         FROM mine JOIN nodes ev ON ev.seq = mine.seq JOIN edges e ON e.target = ev.seq AND e.type = 'PARTICIPATED_IN' JOIN nodes p ON p.seq = e.source
         WHERE (@from IS NULL OR ev.detail >= substr(@from, 1, 4)) AND (@to IS NULL OR ev.detail <= @to || char(65535))
         ORDER BY ev.seq, e.seq`,
      ),
      articleText: db.prepare<[string], { text: string }>('SELECT text FROM article_texts WHERE article = ?'),
      textsOfDocument: db.prepare<[number], { article: string; text: string }>('SELECT article, text FROM article_texts WHERE document = ? ORDER BY article'),
      eventsByDate: db.prepare<[], { date: string | null; n: number }>(`SELECT detail AS date, count(*) AS n FROM nodes WHERE label = 'Event' GROUP BY detail`),
      entities: db.prepare<[number, number], { seq: number; key: string; degree: number }>(
        `SELECT seq, key, coalesce(d.degree, 0) AS degree FROM nodes LEFT JOIN node_degree d ON d.node = nodes.seq
         WHERE seq > ? AND label != 'Article' ORDER BY seq LIMIT ?`,
      ),
    };
  }

  /** Nodes by label and relationships by type, as graphCounts gives them. */
  counts(): Record<string, number> {
    // In graphCounts' order, so that the two compare equal as text too.
    return Object.fromEntries(this.sql.counts.all().map((r) => [r.name, r.n] as const).sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * A number that changes whenever the graph does, whoever wrote it (a `guanxi ingest` running beside
   * `guanxi serve`): the store's count of committed writes.
   */
  changes(): number {
    return Number(this.sql.changes.get()?.value ?? 0);
  }

  nodeCount(): number {
    return this.sql.nodeCount.get()!.n;
  }

  /** The node numbers of these keys (unknown keys are left out). */
  seqsOfKeys(keys: readonly string[]): number[] {
    return keys.flatMap((k) => {
      const row = this.sql.seqOfKey.get(k);
      return row ? [row.seq] : [];
    });
  }

  /** The node's relationships, in and out. */
  degree(seq: number): number {
    return this.sql.degree.get(seq)?.degree ?? 0;
  }

  /** The degrees of these keys' nodes, in one read (unknown keys are left out). */
  degreesOfKeys(keys: readonly string[]): Map<string, number> {
    return new Map(this.sql.degreesOfKeys.all(ids(keys)).map((r) => [r.key, r.degree]));
  }

  /** Persons, organizations or places of exactly this name. */
  named(label: NodeLabel, name: string): number[] {
    return this.sql.named.all(name, label).map((r) => r.seq);
  }

  /** Events whose name contains `text`. */
  eventsNaming(text: string): number[] {
    return this.sql.eventsNaming.all(text).map((r) => r.seq);
  }

  /**
   * Nodes whose name contains `folded` (lower case), best first: exact, then prefix, then anywhere;
   * persons, organizations, events, places, articles; most connected first. At most `limit`.
   */
  searchCandidates(folded: string, kind: NodeLabel | null, limit: number): SearchCandidate[] {
    return this.sql.search.all({ q: folded, kind, limit });
  }

  /** Who took part in the events of the period (of the person's events, around one), by the events' dates as an index range (meetings() checks their precision). */
  *participations(from: string | null, to: string | null, around: string | null = null): Generator<Participation> {
    const rows = around ? this.sql.participationsAround.iterate({ person: around, from, to }) : this.sql.participations.iterate({ from, to });
    for (const { props, ...row } of rows) yield { ...row, roles: (JSON.parse(props) as { roles: Participation['roles'] }).roles };
  }

  /** An article's text as read, or null. */
  articleText(article: string): string | null {
    return this.sql.articleText.get(article)?.text ?? null;
  }

  /** How many events each date (or date prefix) has. */
  eventsByDate(): Map<string | null, number> {
    return new Map(this.sql.eventsByDate.all().map((r) => [r.date, r.n]));
  }

  /** The seeds, what lies below them, every edge touching those, and the nodes at the edges' ends and the articles the edges cite. */
  neighbourhood(seeds: readonly number[], how: Neighbourhood = {}): GuanxiGraph {
    let core = [...new Set(seeds)];
    if (how.below?.length && core.length) core = this.sql.below.all(ids(core), JSON.stringify(how.below)).map((r) => r.n);
    const edges = new Map<number, EdgeRow>();
    const take = (rows: EdgeRow[]) => rows.forEach((e) => edges.set(e.seq, e));
    const coreIds = ids(core);
    if (how.edges) {
      for (const type of how.edges.out ?? []) take(this.sql.edgesOutOfType.all(coreIds, type));
      // The relationships that lead below are followed again in the small graph: they come too.
      for (const type of new Set([...(how.edges.in ?? []), ...(how.below ?? [])])) take(this.sql.edgesInOfType.all(coreIds, type));
    } else {
      take(this.sql.edgesOut.all(coreIds));
      take(this.sql.edgesIn.all(coreIds));
    }
    const nodes = this.loadEnds(core, edges, how.citedArticles ?? true);
    // One step further from the nodes of a label loaded so far, and the ends of what that adds.
    const further = (label: NodeLabel, steps: [RelationshipType, 'in' | 'out'][]) => {
      const reached = ids([...nodes.values()].filter((n) => n.label === label).map((n) => n.seq));
      for (const [type, dir] of steps) take((dir === 'in' ? this.sql.edgesInOfType : this.sql.edgesOutOfType).all(reached, type));
      for (const [seq, row] of this.loadEnds([], edges, how.citedArticles ?? true, nodes)) nodes.set(seq, row);
    };
    if (how.eventParticipants) further('Event', [['PARTICIPATED_IN', 'in'], ['HELD_AT', 'out']]);
    if (how.organizationHolders) further('Organization', [['HOLDS', 'in']]);
    return buildGraph([...nodes.values()], [...edges.values()]);
  }

  /**
   * The `max` most connected nodes and, among them, the first edge of each pair and type (a title
   * seen in 500 articles is one edge); everything, when the graph is that small.
   */
  overview(max: number): GuanxiGraph {
    if (this.nodeCount() <= max) return this.wholeGraph();
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS overview_nodes (n INTEGER PRIMARY KEY); DELETE FROM overview_nodes;');
    this.sql.chooseOverview().run(max);
    // The first edge of each pair, then those edges' rows: one query doing both reads every row of every pair.
    const first = ids(this.sql.overviewEdges().all().map((r) => r.seq));
    return buildGraph(this.sql.overviewNodes().all(), this.sql.edgesBySeq.all(first));
  }

  /**
   * The entities (all but articles) a page at a time, for an export of any size: nodes in the order
   * they were stored (`keys`), in a graph with every relationship they have. A page ends when its
   * nodes' relationships reach `edges`, so a person named in ten thousand articles makes a page
   * of its own and memory stays bounded.
   */
  *pages(edges: number, nodes = 5_000): Generator<{ keys: string[]; graph: GuanxiGraph }> {
    let page: { seq: number; key: string }[] = [];
    let size = 0;
    const flush = () => {
      const out = { keys: page.map((r) => r.key), graph: this.neighbourhood(page.map((r) => r.seq), { citedArticles: false }) };
      page = [];
      size = 0;
      return out;
    };
    for (let after = 0; ; ) {
      const rows = this.sql.entities.all(after, 1_000);
      if (!rows.length) break;
      for (const row of rows) {
        if (page.length && (size + row.degree > edges || page.length >= nodes)) yield flush();
        page.push(row);
        size += row.degree;
      }
      after = rows.at(-1)!.seq;
    }
    if (page.length) yield flush();
  }

  /**
   * Each stored document's facts, as it gave them (its own view of each node): what the JSON Lines
   * journal holds, for `guanxi export --journal`. A document with many relationships comes in parts
   * of at most `partSize`: the first carries all its nodes and its articles' texts, the others only
   * relationships (a store creates an article once: Neo4j refuses it twice).
   */
  *documentFacts(partSize = 50_000): Generator<DocumentFacts> {
    for (const doc of this.sql.allDocuments.all()) {
      const nodes = new Map<string, NodeRecord>();
      for (const n of this.sql.nodesOfDocument.all(doc.seq)) nodes.set(n.key, { label: n.label, props: JSON.parse(n.props) } as NodeRecord);
      const relationships: RelationshipRecord[] = this.sql.edgesOfDocument.all(doc.seq).map((e) => ({ type: e.type, from: endOf(e.source), to: endOf(e.target), props: JSON.parse(e.props) }) as RelationshipRecord);
      const parts = Math.max(1, Math.ceil(relationships.length / partSize));
      for (let i = 0; i < parts; i++) {
        const rels = relationships.slice(i * partSize, (i + 1) * partSize);
        const needed = i === 0 ? [...nodes.values()] : [];
        const complete = doc.complete === 1;
        yield {
          document: doc.id,
          hash: doc.hash,
          ...(doc.path ? { path: doc.path } : {}),
          nodes: needed,
          relationships: rels,
          ...(i === 0 ? { texts: this.sql.textsOfDocument.all(doc.seq) } : {}),
          ...(parts > 1 || !complete ? { part: { index: i + 1, last: complete && i === parts - 1 } } : {}),
        };
      }
    }
  }

  /** Everything, as the in-memory graph (for small stores, GEXF, and tests). */
  wholeGraph(): GuanxiGraph {
    return buildGraph(this.sql.allNodes.all(), this.sql.allEdges.all());
  }

  /** The nodes the edges reach, plus the articles whose ids the edges cite, beside those already `have`. */
  private loadEnds(core: readonly number[], edges: Map<number, EdgeRow>, cited: boolean, have = new Map<number, NodeRow>()): Map<number, NodeRow> {
    const wanted = new Set<number>(core);
    const articles = new Set<string>();
    for (const e of edges.values()) {
      wanted.add(e.source);
      wanted.add(e.target);
      const article = cited ? (propsOf(e) as { article?: string }).article : undefined;
      if (article) articles.add(`Article:${article}`);
    }
    const out = new Map<number, NodeRow>();
    const missing = [...wanted].filter((s) => !have.has(s));
    for (const row of this.sql.nodesBySeq.all(ids(missing))) out.set(row.seq, row);
    for (const row of this.sql.nodesByKey.all(JSON.stringify([...articles]))) if (!have.has(row.seq)) out.set(row.seq, row);
    for (const [seq, row] of have) out.set(seq, row);
    return out;
  }
}

/** An edge's properties, parsed once however many readers need them. */
function propsOf(e: EdgeRow): Record<string, unknown> {
  return (e.parsed ??= JSON.parse(e.props) as Record<string, unknown>);
}

/** A node key's label and id (`Person:王自合@许昌市`). */
function endOf(key: string): { label: NodeLabel; id: string } {
  const colon = key.indexOf(':');
  return { label: key.slice(0, colon) as NodeLabel, id: key.slice(colon + 1) };
}

/** Rows into a graphology graph, nodes and edges each in the order they were first stored. */
function buildGraph(nodeRows: NodeRow[], edgeRows: EdgeRow[]): GuanxiGraph {
  const graph = emptyGraph();
  const keys = new Map<number, string>();
  for (const n of [...nodeRows].sort((a, b) => a.seq - b.seq)) {
    keys.set(n.seq, n.key);
    graph.addNode(n.key, { kind: n.label, ...JSON.parse(n.props) } as NodeAttributes);
  }
  for (const e of [...edgeRows].sort((a, b) => a.seq - b.seq)) {
    const source = keys.get(e.source);
    const target = keys.get(e.target);
    if (source === undefined || target === undefined) continue;
    const props = propsOf(e);
    // Keyed as the in-memory graph keys it, so that graphs from any store compare line by line.
    const key = relationshipKey({ type: e.type, from: endOf(source), to: endOf(target), props } as RelationshipRecord);
    graph.addDirectedEdgeWithKey(key, source, target, { rel: e.type, ...props } as EdgeAttributes);
  }
  return graph;
}
