/**
 * What every store does: keep documents' facts, tell whether a document is already in, and give the
 * whole graph back for export and the viewer. The embedded snapshot and Neo4j implement it.
 */
import type { GuanxiGraph } from '../graph/assemble.js';
import type { DocumentFacts } from '../graph/model.js';

/** A stored document: its id, content hash, and the file it was read from (null in older stores). */
export interface StoredDocument {
  id: string;
  hash: string;
  path: string | null;
}

/** A query's answer: its columns, and its rows by column. */
export interface QueryRows {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** What an ingest writes documents into: any store, or a first load's import files (neo4j-import-store.ts). */
export type DocumentSink = Pick<GraphStore, 'hasDocument' | 'documents' | 'write' | 'remove'>;

export interface GraphStore {
  /** sqlite: the embedded store; snapshot: a JSON Lines journal (the older embedded format); neo4j. */
  readonly kind: 'sqlite' | 'snapshot' | 'neo4j';
  /** Where the graph lives, for messages: a file path or a URI without credentials. */
  readonly location: string;
  /** True when this document, with this content hash, is already stored completely. */
  hasDocument(document: string, hash: string): Promise<boolean>;
  /** Stores documents' facts, replacing what earlier versions of the same documents contributed. */
  write(batch: readonly DocumentFacts[]): Promise<void>;
  /** Every stored document. */
  documents(): Promise<StoredDocument[]>;
  /** Takes documents' facts out of the graph; entities that no other document supports go with them. */
  remove(documents: readonly string[]): Promise<void>;
  /** A marker that moves whenever the stored graph changes, by this process or another. */
  changes(): Promise<string>;
  /** Nodes by label and relationships by type (as graphCounts gives them), without loading the graph. */
  counts(): Promise<Record<string, number>>;
  /** A named query of cypher/queries/ with its parameters bound (named-queries.ts bindParams). */
  namedQuery(name: string, params: Record<string, string | null>): Promise<QueryRows>;
  /** The whole graph in memory. */
  graph(): Promise<GuanxiGraph>;
  /** An article's text as read (DocumentFacts.texts), or null when the store keeps none (Neo4j) or has no such article. */
  articleText(article: string): Promise<string | null>;
  close(): Promise<void>;
}
