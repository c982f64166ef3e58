/**
 * The GraphStore over Neo4j. A batch of documents is written in one transaction: old facts of
 * changed documents removed, nodes and relationships upserted with `UNWIND … MERGE` (one statement
 * per label and relationship type), and the documents marked stored. A crash loses at most the batch
 * in flight, which is not marked, so a re-run writes it again; MERGE makes writing twice harmless.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { emptyGraph, remergedProps, type GuanxiGraph, type NodeAttributes, type EdgeAttributes } from '../graph/assemble.js';
import { nodeKey, relationshipKey, NODE_LABELS, RELATIONSHIP_TYPES, type DocumentFacts, type NodeLabel, type RelationshipRecord, type RelationshipType } from '../graph/model.js';
import { cypher, cypherScript } from './cypher-files.js';
import { displayUri, Neo4jClient, neo4jSettings } from './neo4j.js';
import type { GraphStore, QueryRows, StoredDocument } from './store.js';

/**
 * cypher/write/<file> for each relationship type and pair of labels the model has. Article-borne
 * relationships are created (write() first removes what a stored version of their document wrote);
 * structural ones (PART_OF, LOCATED_IN) are merged, as every document repeats them.
 */
function relationshipStatement(r: RelationshipRecord): string {
  const kebab = (s: string) => s.toLowerCase().replace(/_/g, '-');
  switch (r.type) {
    case 'MENTIONS':
      return `write/create-mentions-${r.to.label.toLowerCase()}`;
    case 'PART_OF':
    case 'LOCATED_IN':
      return `write/merge-${kebab(r.type)}-${r.from.label.toLowerCase()}`;
    default:
      return `write/create-${kebab(r.type)}`;
  }
}

/** Articles belong to one document, whose stored version write() deletes first: they are created. Other nodes are shared and merged. */
function nodeStatement(label: NodeLabel): string {
  return label === 'Article' ? 'write/create-article' : `write/merge-${label.toLowerCase()}`;
}

type NodeRow = { id: string; props: Record<string, unknown> };
/** A relationship's endpoints' ids and its properties, flat, as the statements read them. */
type RelationshipRow = { from: string; to: string } & Record<string, unknown>;

/** Rows by the statement (cypher/write/…) that writes them. */
export interface WriteRows {
  nodes: Map<string, NodeRow[]>;
  relationships: Map<string, RelationshipRow[]>;
}

/** Groups a batch's facts by the statement that writes them, each node and relationship once. */
export function writeRows(batch: readonly DocumentFacts[]): WriteRows {
  const nodes = new Map<string, Map<string, NodeRow>>();
  const relationships = new Map<string, Map<string, RelationshipRow>>();
  for (const facts of batch) {
    for (const n of facts.nodes) {
      const statement = nodeStatement(n.label);
      const byId = nodes.get(statement) ?? new Map<string, NodeRow>();
      const row = byId.get(n.props.id);
      if (!row) byId.set(n.props.id, { id: n.props.id, props: withoutNulls(n.props) });
      else row.props = remergedProps(n.label, row.props, withoutNulls(n.props)) ?? row.props;
      nodes.set(statement, byId);
    }
    for (const r of facts.relationships) {
      const statement = relationshipStatement(r);
      const byKey = relationships.get(statement) ?? new Map<string, RelationshipRow>();
      const key = relationshipKey(r);
      if (!byKey.has(key)) byKey.set(key, { ...withoutNulls(r.props), from: r.from.id, to: r.to.id });
      relationships.set(statement, byKey);
    }
  }
  // Statements in a fixed order and rows sorted by key: two transactions at once then take their
  // locks on shared nodes in the same order, which keeps deadlocks (and their retries) rare.
  const inKeyOrder = <T>(byKey: Map<string, T>): [string, T][] => [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lists = <T>(byStatement: Map<string, Map<string, T>>) =>
    new Map(inKeyOrder(byStatement).map(([statement, byKey]) => [statement, inKeyOrder(byKey).map(([, row]) => row)]));
  return { nodes: lists(nodes), relationships: lists(relationships) };
}

function withoutNulls(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** Rows per UNWIND statement: large enough to amortize a round trip, small enough for steady memory. */
const CHUNK = 10_000;

/** The statement over the rows, in chunks: one `{ statement, params }` per chunk. */
function chunked(statement: string, rows: unknown[]): { statement: string; params: { rows: unknown[] } }[] {
  const out = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push({ statement: cypher(statement), params: { rows: rows.slice(i, i + CHUNK) } });
  return out;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /** Relationships created in the database by this store's writes, as the server counts them. */
  relationshipsCreated = 0;

  private constructor(readonly client: Neo4jClient) {}

  /**
   * Connects; with `schema`, also creates the constraints and indexes ingest relies on. Reading
   * needs neither them nor the rights to create them.
   */
  static async connect(uri: string, { schema = false } = {}): Promise<Neo4jStore> {
    const client = await Neo4jClient.connect(neo4jSettings(uri));
    const store = new Neo4jStore(client);
    try {
      if (schema) await store.ensureSchema();
    } catch (err) {
      await client.close();
      throw err;
    }
    return store;
  }

  get location(): string {
    return displayUri(this.client.settings.uri);
  }

  async ensureSchema(): Promise<void> {
    for (const statement of cypherScript('schema')) await this.client.write((tx) => tx.run(statement));
  }

  async hasDocument(document: string, hash: string): Promise<boolean> {
    const stored = await this.client.read(async (tx) => (await tx.run(cypher('read/document-hash'), { id: document })).records[0]?.get('hash'));
    return stored === hash;
  }

  /** The documents of the batch stored before (under any hash): their old facts go first. */
  private async storedDocuments(tx: ManagedTransaction, batch: readonly DocumentFacts[]): Promise<string[]> {
    const r = await tx.run(cypher('read/stored-documents'), { ids: batch.map((f) => f.document) });
    return r.records.map((rec) => rec.get('id') as string);
  }

  async write(batch: readonly DocumentFacts[]): Promise<void> {
    // The last version of a document named twice in one batch wins, as in the snapshot; the parts of
    // a large document are all kept.
    const unique = [...new Map(batch.map((f) => [`${f.document}\u0000${f.part?.index ?? 0}`, f])).values()];
    const rows = writeRows(unique);
    const created = await this.client.write(async (tx) => {
      // Asked inside the transaction: when a commit's outcome was lost and the driver retries, the
      // retry sees the documents stored and replaces them instead of creating their articles twice.
      // A later part of a large document adds to its first, which replaced the document's old facts.
      const stored = await this.storedDocuments(tx, unique.filter((f) => (f.part?.index ?? 1) === 1));
      const statements = [
        ...(stored.length ? [{ statement: cypher('write/delete-document-facts'), params: { documents: stored } }] : []),
        ...[...rows.nodes, ...rows.relationships].flatMap(([statement, list]) => chunked(statement, list)),
        ...(stored.length ? [{ statement: cypher('write/delete-orphans'), params: {} }] : []),
        // A document is marked stored (its hash set) with its last part only, so a run killed between parts does it again.
        { statement: cypher('write/mark-documents'), params: { documents: unique.map((f) => ({ id: f.document, hash: !f.part || f.part.last ? f.hash : null, path: f.path ?? null })) } },
      ];
      // Sent all at once: Bolt runs them in order, and the server does not wait for this process
      // between two of them (it may be busy extracting the next batch).
      const summaries = await Promise.all(statements.map(({ statement, params }) => tx.run(statement, params).summary()));
      return summaries.reduce((n, summary) => n + summary.counters.updates().relationshipsCreated, 0);
    });
    this.relationshipsCreated += created;
  }

  async documents(): Promise<StoredDocument[]> {
    const r = await this.client.read((tx) => tx.run(cypher('read/documents')));
    return r.records.map((rec) => ({ id: rec.get('id') as string, hash: rec.get('hash') as string, path: (rec.get('path') as string | null) ?? null }));
  }

  /** In one transaction: the documents' facts, what no other document supports, and the documents' marks. */
  async remove(documents: readonly string[]): Promise<void> {
    if (!documents.length) return;
    await this.client.write(async (tx) => {
      await tx.run(cypher('write/delete-document-facts'), { documents });
      await tx.run(cypher('write/delete-unsupported'));
      await tx.run(cypher('write/delete-documents'), { documents });
    });
  }

  async namedQuery(name: string, params: Record<string, string | null>): Promise<QueryRows> {
    return this.client.query(cypher(`queries/${name}`), params);
  }

  /** The stored documents' count and latest time of storing: every write marks its documents, every removal takes them out. */
  /** Not kept in Neo4j: article texts stay with the embedded store (docs/embedded-store.md). */
  async articleText(): Promise<string | null> {
    return null;
  }

  async changes(): Promise<string> {
    const r = await this.client.read((tx) => tx.run(cypher('read/change-marker')));
    return String(r.records[0]?.get('marker') ?? 'none');
  }

  async counts(): Promise<Record<string, number>> {
    const r = await this.client.read((tx) => tx.run(cypher('read/graph-counts'), { labels: [...NODE_LABELS], types: [...RELATIONSHIP_TYPES] }));
    return Object.fromEntries(r.records.map((rec) => [rec.get('name') as string, Number(rec.get('count'))]));
  }

  async graph(): Promise<GuanxiGraph> {
    const graph = emptyGraph();
    await this.client.read(async (tx) => {
      for (const r of (await tx.run(cypher('read/all-nodes'))).records) {
        const label = r.get('label') as NodeLabel;
        const props = r.get('props') as { id: string };
        graph.mergeNode(nodeKey(label, props.id), { kind: label, ...nullDefaults(label), ...props } as NodeAttributes);
      }
      for (const r of (await tx.run(cypher('read/all-relationships'))).records) {
        const type = r.get('type') as RelationshipType;
        const props = r.get('props') as Record<string, unknown>;
        const from = { label: r.get('fromLabel') as NodeLabel, id: r.get('fromId') as string };
        const to = { label: r.get('toLabel') as NodeLabel, id: r.get('toId') as string };
        const record = { type, from, to, props: { ...relationshipDefaults(type), ...props } } as RelationshipRecord;
        const key = relationshipKey(record);
        const [source, target] = [nodeKey(from.label, from.id), nodeKey(to.label, to.id)];
        // Neo4j reads committed data statement by statement: a write that committed between the two
        // reads (an ingest running, or a killed one whose last transaction the server completes) can
        // give a relationship whose node was not read yet. It belongs to the next read, not this one.
        if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
        if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, source, target, { rel: type, ...record.props } as EdgeAttributes);
      }
    });
    return graph;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** Neo4j drops null properties; put the model's nulls back so both stores give identical graphs. */
function nullDefaults(label: NodeLabel): object {
  switch (label) {
    case 'Person':
      return { region: null };
    case 'Event':
      return { date: null, region: null };
    case 'Article':
      return { headline: null, date: null, home: null };
    default:
      return {};
  }
}

function relationshipDefaults(type: RelationshipType): object {
  if (type === 'PART_OF' || type === 'LOCATED_IN') return {};
  if (type === 'HOLDS') return { date: null, rank: null, act: null };
  return type === 'MENTIONS' ? { date: null, resolution: null } : { date: null };
}
