/**
 * The embedded store: the graph in one SQLite file (better-sqlite3), written incrementally and read
 * through indexes, so that a decade of articles neither has to fit in memory nor be loaded to open.
 * docs/embedded-store.md gives the layout and the figures that chose it; sqlite-schema.ts the tables;
 * sqlite-reads.ts what the viewer and the named queries read.
 *
 * Each batch is one transaction: a crash leaves the batches before it, and documents are marked
 * complete only with their last part, so a re-run of the ingest completes what was cut short.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { REMERGED_LABELS, remergedProps, type GuanxiGraph, type NodeAttributes } from '../graph/assemble.js';
import { nodeDetail, nodeLabel } from '../graph/node-text.js';
import { nodeKey, relationshipKey, type DocumentFacts, type NodeLabel, type NodeRecord, type RelationshipRecord } from '../graph/model.js';
import { keyHash } from './key-hash.js';
import { SCHEMA, SCHEMA_VERSION } from './sqlite-schema.js';
import type { QueryResult } from '../graph/queries.js';
import { sqliteNamedQuery } from './sqlite-named-queries.js';
import { SqliteReads } from './sqlite-reads.js';
import type { GraphStore, StoredDocument } from './store.js';

export class EmbeddedStoreError extends Error {}

type Props = Record<string, unknown>;

/** What the viewer shows for a node, and its search detail: the columns search reads. */
function display(label: NodeLabel, props: Props): { name: string; detail: string | null } {
  const node = { kind: label, ...props } as NodeAttributes;
  return { name: nodeLabel(node), detail: nodeDetail(node) };
}

/** SQLite files begin with this; anything else at the path is not ours to open. */
const SQLITE_MAGIC = 'SQLite format 3\0';

/** True for a missing or empty file or an SQLite database. */
function looksLikeSqlite(path: string): boolean {
  if (!existsSync(path)) return true;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 0 || head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export class SqliteGraphStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  readonly reads: SqliteReads;
  private readonly db: Database.Database;
  private readonly sql;

  private constructor(
    readonly location: string,
    purpose: 'read' | 'ingest',
  ) {
    mkdirSync(dirname(location), { recursive: true });
    if (!looksLikeSqlite(location)) {
      throw new EmbeddedStoreError(`${location}: not a guanxi store (an SQLite file); a JSON Lines snapshot is opened from a path ending in .jsonl`);
    }
    this.db = new Database(location);
    // WAL: readers (guanxi serve) go on while an ingest writes; NORMAL: a process crash loses nothing committed.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // A first load inserts into indexes in random order: a larger page cache for writing.
    this.db.pragma(`cache_size = ${purpose === 'ingest' ? -131072 : -32768}`);
    this.db.pragma('foreign_keys = OFF');
    this.db.exec(SCHEMA);
    const version = (this.db.prepare(`SELECT value FROM info WHERE name = 'version'`).get() as { value: string } | undefined)?.value;
    if (version === undefined) this.db.prepare(`INSERT INTO info (name, value) VALUES ('version', ?)`).run(String(SCHEMA_VERSION));
    else if (Number(version) !== SCHEMA_VERSION) throw new EmbeddedStoreError(`${location}: store version ${version}, this guanxi reads ${SCHEMA_VERSION}`);
    this.sql = this.statements();
    this.reads = new SqliteReads(this.db);
  }

  /** Opens the store at `path`, creating it when missing; `purpose` sizes its page cache (128 MB to ingest, 32 MB to read). */
  static open(path: string, purpose: 'read' | 'ingest' = 'ingest'): SqliteGraphStore {
    try {
      return new SqliteGraphStore(path, purpose);
    } catch (err) {
      if (err instanceof EmbeddedStoreError) throw err;
      throw new EmbeddedStoreError(`${path}: cannot open the store: ${(err as Error).message}`);
    }
  }

  private statements() {
    const db = this.db;
    return {
      document: db.prepare<[string], { seq: number; hash: string; complete: number }>('SELECT seq, hash, complete FROM documents WHERE id = ?'),
      documents: db.prepare<[], { id: string; hash: string; path: string | null }>('SELECT id, hash, path FROM documents WHERE complete = 1 ORDER BY seq'),
      addDocument: db.prepare<[string, string, string | null, number]>('INSERT INTO documents (id, hash, path, complete) VALUES (?, ?, ?, ?)'),
      updateDocument: db.prepare<[string, string | null, number, number]>('UPDATE documents SET hash = ?, path = ?, complete = ? WHERE seq = ?'),
      deleteDocument: db.prepare<[number]>('DELETE FROM documents WHERE seq = ?'),
      node: db.prepare<[string], { seq: number; props: string }>('SELECT seq, props FROM nodes WHERE key = ?'),
      addNode: db.prepare<[string, string, string, string, string | null, string], { seq: number }>(
        'INSERT INTO nodes (key, label, name, folded, detail, props) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING seq',
      ),
      setNodeProps: db.prepare<[string, string, string | null, string, number]>('UPDATE nodes SET name = ?, folded = ?, detail = ?, props = ? WHERE seq = ?'),
      nodeLabel: db.prepare<[number], { label: NodeLabel; props: string }>('SELECT label, props FROM nodes WHERE seq = ?'),
      deleteNode: db.prepare<[number]>('DELETE FROM nodes WHERE seq = ?'),
      addDegree: db.prepare<[number, number]>('INSERT INTO node_degree (node, degree) VALUES (?, ?) ON CONFLICT (node) DO UPDATE SET degree = degree + excluded.degree'),
      dropDegree: db.prepare<[number]>('DELETE FROM node_degree WHERE node = ?'),
      nodeSupport: db.prepare<[number, number], { props: string }>('SELECT props FROM node_support WHERE node = ? AND document = ?'),
      keepNodeSupport: db.prepare<[number, number, string]>('INSERT OR IGNORE INTO node_support (node, document, props) VALUES (?, ?, ?)'),
      setNodeSupport: db.prepare<[number, number, string]>('INSERT OR REPLACE INTO node_support (node, document, props) VALUES (?, ?, ?)'),
      supportsOfNode: db.prepare<[number], { props: string }>('SELECT props FROM node_support WHERE node = ? ORDER BY document'),
      dropNodeSupport: db.prepare<[number], { node: number }>('DELETE FROM node_support WHERE document = ? RETURNING node'),
      edge: db.prepare<[bigint], { seq: number }>('SELECT seq FROM edges WHERE hash = ?'),
      addEdge: db.prepare<[bigint, string, number, number, string], { seq: number }>(
        'INSERT INTO edges (hash, type, source, target, props) VALUES (?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING seq',
      ),
      deleteEdge: db.prepare<[number], { type: string; source: number; target: number }>('DELETE FROM edges WHERE seq = ? RETURNING type, source, target'),
      addEdgeSupport: db.prepare<[number, number]>('INSERT OR IGNORE INTO edge_support (edge, document) VALUES (?, ?)'),
      dropEdgeSupport: db.prepare<[number], { edge: number }>('DELETE FROM edge_support WHERE document = ? RETURNING edge'),
      edgeSupported: db.prepare<[number], { one: number }>('SELECT 1 AS one FROM edge_support WHERE edge = ? LIMIT 1'),
      nodeSupported: db.prepare<[number], { one: number }>('SELECT 1 AS one FROM node_support WHERE node = ? LIMIT 1'),
      putText: db.prepare<[string, number, string]>('INSERT OR REPLACE INTO article_texts (article, document, text) VALUES (?, ?, ?)'),
      dropTexts: db.prepare<[number]>('DELETE FROM article_texts WHERE document = ?'),
      addCount: db.prepare<[string, number]>('INSERT INTO counts (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n'),
      bump: db.prepare(`INSERT INTO info (name, value) VALUES ('changes', '1') ON CONFLICT (name) DO UPDATE SET value = CAST(value AS INTEGER) + 1`),
    };
  }

  async hasDocument(document: string, hash: string): Promise<boolean> {
    const row = this.sql.document.get(document);
    return !!row && row.complete === 1 && row.hash === hash;
  }

  async documents(): Promise<StoredDocument[]> {
    return this.sql.documents.all();
  }

  async write(batch: readonly DocumentFacts[]): Promise<void> {
    this.transaction(() => {
      for (const facts of batch) this.put(facts);
    });
  }

  async remove(documents: readonly string[]): Promise<void> {
    this.transaction(() => {
      for (const id of documents) {
        const row = this.sql.document.get(id);
        if (row) this.takeOut(row.seq, true);
      }
    });
  }

  async graph(): Promise<GuanxiGraph> {
    return this.reads.wholeGraph();
  }

  async namedQuery(name: string, params: Record<string, string | null>): Promise<QueryResult> {
    return sqliteNamedQuery(this.reads, name, params);
  }

  async articleText(article: string): Promise<string | null> {
    return this.reads.articleText(article);
  }

  async changes(): Promise<string> {
    return String(this.reads.changes());
  }

  async counts(): Promise<Record<string, number>> {
    return this.reads.counts();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Degree and count changes of the transaction under way, applied once at its end. */
  private degrees = new Map<number, number>();
  private tallies = new Map<string, number>();

  private transaction(work: () => void): void {
    this.degrees.clear();
    this.tallies.clear();
    this.db.transaction(() => {
      work();
      for (const [seq, delta] of this.degrees) if (delta) this.sql.addDegree.run(seq, delta);
      for (const [name, delta] of this.tallies) if (delta) this.sql.addCount.run(name, delta);
      this.sql.bump.run();
    })();
  }

  private tally(name: string, delta: number): void {
    this.tallies.set(name, (this.tallies.get(name) ?? 0) + delta);
  }

  private degree(seq: number, delta: number): void {
    this.degrees.set(seq, (this.degrees.get(seq) ?? 0) + delta);
  }

  /** One document's facts, or one part of them: the first part replaces what the document held. */
  private put(facts: DocumentFacts): void {
    const complete = !facts.part || facts.part.last ? 1 : 0;
    const old = this.sql.document.get(facts.document);
    let doc: number;
    if (old) {
      // A first part (or a whole document) replaces the old version, which keeps its place in the order.
      if (!facts.part || facts.part.index === 1) this.takeOut(old.seq, false);
      doc = old.seq;
      this.sql.updateDocument.run(facts.hash, facts.path ?? null, complete, doc);
    } else {
      doc = Number(this.sql.addDocument.run(facts.document, facts.hash, facts.path ?? null, complete).lastInsertRowid);
    }
    const seqs = new Map<string, number>();
    for (const n of facts.nodes) seqs.set(nodeKey(n.label, n.props.id), this.putNode(n, doc));
    for (const r of facts.relationships) this.putEdge(r, doc, seqs);
    for (const t of facts.texts ?? []) this.sql.putText.run(t.article, doc, t.text);
  }

  private putNode(n: NodeRecord, doc: number): number {
    const key = nodeKey(n.label, n.props.id);
    const props = n.props as unknown as Props;
    const { name, detail } = display(n.label, props);
    const json = JSON.stringify(props);
    const added = this.sql.addNode.get(key, n.label, name, name.toLowerCase(), detail, json);
    if (added) {
      this.tally(n.label, 1);
      this.sql.setNodeSupport.run(added.seq, doc, json);
      return added.seq;
    }
    const found = this.sql.node.get(key)!;
    const seq = found.seq;
    if (!REMERGED_LABELS.has(n.label)) {
      // Its properties never change: the first document's stand, and so does this document's own view.
      this.sql.keepNodeSupport.run(seq, doc, json);
      return seq;
    }
    const merged = remergedProps(n.label, JSON.parse(found.props) as Props, props);
    if (merged) this.setProps(seq, n.label, merged);
    // The document's own view of the node, merged over its parts, for when other documents go.
    const own = this.sql.nodeSupport.get(seq, doc);
    const mine = own ? (remergedProps(n.label, JSON.parse(own.props) as Props, props) ?? JSON.parse(own.props)) : props;
    this.sql.setNodeSupport.run(seq, doc, JSON.stringify(mine));
    return seq;
  }

  private setProps(seq: number, label: NodeLabel, props: Props): void {
    const { name, detail } = display(label, props);
    this.sql.setNodeProps.run(name, name.toLowerCase(), detail, JSON.stringify(props), seq);
  }

  private putEdge(r: RelationshipRecord, doc: number, seqs: Map<string, number>): void {
    const hash = keyHash(relationshipKey(r));
    const source = this.endpoint(seqs, r.from.label, r.from.id);
    const target = this.endpoint(seqs, r.to.label, r.to.id);
    // Most edges are new: insert first, and look the edge up only when it was there already.
    const added = this.sql.addEdge.get(hash, r.type, source, target, JSON.stringify(r.props));
    if (added) {
      this.degree(source, 1);
      this.degree(target, 1);
      this.tally(r.type, 1);
    }
    this.sql.addEdgeSupport.run(added?.seq ?? this.sql.edge.get(hash)!.seq, doc);
  }

  private endpoint(seqs: Map<string, number>, label: NodeLabel, id: string): number {
    const key = nodeKey(label, id);
    const seq = seqs.get(key) ?? this.sql.node.get(key)?.seq;
    if (seq === undefined) throw new EmbeddedStoreError(`${this.location}: a relationship names ${key}, which no document gives`);
    return seq;
  }

  /**
   * Takes out what a document gave: edges and nodes no other document supports go, and the nodes
   * that stay are merged again from the documents left. `forget`: the document itself goes too.
   */
  private takeOut(doc: number, forget: boolean): void {
    this.sql.dropTexts.run(doc);
    for (const { edge } of this.sql.dropEdgeSupport.all(doc)) {
      if (this.sql.edgeSupported.get(edge)) continue;
      const gone = this.sql.deleteEdge.get(edge);
      if (!gone) continue;
      this.degree(gone.source, -1);
      this.degree(gone.target, -1);
      this.tally(gone.type, -1);
    }
    for (const { node } of this.sql.dropNodeSupport.all(doc)) {
      const row = this.sql.nodeLabel.get(node);
      if (!row) continue;
      if (!this.sql.nodeSupported.get(node)) {
        this.sql.deleteNode.run(node);
        this.sql.dropDegree.run(node);
        this.degrees.delete(node);
        this.tally(row.label, -1);
        continue;
      }
      const supports = this.sql.supportsOfNode.all(node).map((s) => JSON.parse(s.props) as Props);
      const props = supports.slice(1).reduce((acc, next) => remergedProps(row.label, acc, next) ?? acc, supports[0]);
      this.setProps(node, row.label, props);
    }
    if (forget) this.sql.deleteDocument.run(doc);
  }
}
