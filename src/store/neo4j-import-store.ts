/**
 * A DocumentSink that is a first load in the making: `ingestFiles` (src/store/ingest.ts) reads,
 * extracts and batches as for any store, and the batches become the importer's CSV files
 * (neo4j-import-csv.ts) instead of transactions. The graph it gives is the incremental writer's
 * (neo4j-store.ts) for the same files in the same order:
 *
 * - article-borne relationships are written as they come: their relationshipKey holds their
 *   article, which is one document's, and a document's facts hold each key once (facts.ts), so
 *   they are unique as they are (writeRows' dedupe within a batch finds nothing to drop either);
 * - articles too (a document's articles are its own);
 * - shared nodes (persons, organizations, places, events) are kept in maps and written at the end,
 *   merged as the incremental MERGE statements merge them (remergedProps: an event's dates are
 *   the union of its reports', a person placed by posts in any document is `org-region`);
 * - structural relationships (PART_OF, LOCATED_IN), one per pair, kept and written at the end;
 * - a Document node per document stored completely, with its hash and path, so that a later
 *   incremental ingest skips an unchanged file and replaces a changed one.
 *
 * Memory: the maps of shared nodes and structural relationships, none of the article-borne facts.
 */
import { remergedProps } from '../graph/assemble.js';
import { relationshipKey, type DocumentFacts, type NodeLabel, type RelationshipRecord } from '../graph/model.js';
import { ImportCsvWriter, type ImportFiles } from './neo4j-import-csv.js';
import type { DocumentSink, StoredDocument } from './store.js';

type Props = Record<string, unknown>;

function withoutNulls(o: object): Props {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

const isStructural = (r: RelationshipRecord) => r.type === 'PART_OF' || r.type === 'LOCATED_IN';

export class Neo4jImportStore implements DocumentSink {
  /** Shared nodes by label and id (articles are written at once). */
  private readonly nodes = new Map<Exclude<NodeLabel, 'Article'>, Map<string, Props>>();
  private readonly structural = new Map<string, RelationshipRecord>();
  /** Documents whose every part is written, with their hash and path. */
  private readonly complete = new Map<string, { hash: string; path: string | null }>();
  /** Documents whose first part (or whole) is written, with its hash. */
  private readonly begun = new Map<string, string>();
  /** Documents given again in this run with the same content: their facts are written already. */
  private readonly repeated = new Set<string>();
  private files: ImportFiles | undefined;
  /** Milliseconds spent writing rows (what a load costs besides extraction). */
  writeMs = 0;

  constructor(
    private readonly csv: ImportCsvWriter,
    readonly location: string,
  ) {}

  async hasDocument(document: string, hash: string): Promise<boolean> {
    return this.complete.get(document)?.hash === hash;
  }

  /** The database is empty (the bulk load checks it before it starts). */
  async documents(): Promise<StoredDocument[]> {
    return [];
  }

  async write(batch: readonly DocumentFacts[]): Promise<void> {
    if (this.files) throw new Error('the import files are closed');
    const start = Date.now();
    // As Neo4jStore.write: the last version of a document named twice in one batch wins.
    const unique = [...new Map(batch.map((f) => [`${f.document}\u0000${f.part?.index ?? 0}`, f])).values()];
    for (const facts of unique) {
      if (this.alreadyWritten(facts)) continue;
      for (const n of facts.nodes) this.node(n.label, n.props);
      for (const r of facts.relationships) {
        if (isStructural(r)) {
          // The first document's rule stays, as in the snapshot (the rule follows from the pair).
          const key = relationshipKey(r);
          if (!this.structural.has(key)) this.structural.set(key, r);
          continue;
        }
        this.csv.relationship(r.type, r.from, r.to, r.props);
      }
      if (!facts.part || facts.part.last) this.complete.set(facts.document, { hash: facts.hash, path: facts.path ?? null });
    }
    this.writeMs += Date.now() - start;
  }

  /**
   * True for the facts of a document this run has written already (the same file named twice: it was
   * not stored yet when ingest asked). The same content adds nothing; other content cannot replace
   * rows already written, so it is an error.
   */
  private alreadyWritten(facts: DocumentFacts): boolean {
    const first = (facts.part?.index ?? 1) === 1;
    if (!first) return this.repeated.has(facts.document);
    const hash = this.begun.get(facts.document);
    if (hash === undefined) {
      this.begun.set(facts.document, facts.hash);
      this.repeated.delete(facts.document);
      return false;
    }
    if (hash !== facts.hash) throw new Error(`${facts.path ?? facts.document}: changed while it was being loaded; run the bulk load again`);
    this.repeated.add(facts.document);
    return true;
  }

  private node(label: NodeLabel, props: object): void {
    if (label === 'Article') {
      this.csv.node('Article', withoutNulls(props));
      return;
    }
    const byId = this.nodes.get(label) ?? new Map<string, Props>();
    this.nodes.set(label, byId);
    const id = (props as { id: string }).id;
    const old = byId.get(id);
    if (!old) byId.set(id, withoutNulls(props));
    else {
      const merged = remergedProps(label, old, withoutNulls(props));
      if (merged) byId.set(id, merged);
    }
  }

  /** Writes the shared nodes, structural relationships and documents, and closes the files. `storedAt`: the documents' time of storing. */
  finish(storedAt = new Date()): ImportFiles {
    if (this.files) return this.files;
    for (const [label, byId] of this.nodes) for (const props of byId.values()) this.csv.node(label, props);
    for (const r of this.structural.values()) this.csv.relationship(r.type, r.from, r.to, r.props);
    for (const [id, d] of this.complete) this.csv.node('Document', withoutNulls({ id, hash: d.hash, path: d.path, storedAt: storedAt.toISOString() }));
    this.nodes.clear();
    this.structural.clear();
    this.files = this.csv.close();
    return this.files;
  }

  /** Documents stored completely so far. */
  get documentCount(): number {
    return this.complete.size;
  }

  async remove(): Promise<void> {
    throw new Error('a bulk load fills an empty database: it has nothing to remove');
  }

  /** Closes the files (finishing them if that was not done). */
  async close(): Promise<void> {
    this.finish();
  }
}
