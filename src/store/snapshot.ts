/**
 * The embedded store: a JSON Lines journal of documents' facts (docs/snapshot.md).
 *
 * Line 1 is a header `{"guanxi":"snapshot","version":1}`; every further line is one document's
 * DocumentFacts. Ingesting appends a line per document, so the file grows incrementally and a crash
 * can at worst leave a torn last line: reading skips it (and says so), and re-running the ingest
 * appends that document again. A later line for the same document replaces the earlier one; when
 * replaced lines make up half the file, `compact()` rewrites it (to a temporary file, then renamed).
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildGraph, type GuanxiGraph } from '../graph/assemble.js';
import type { DocumentFacts } from '../graph/model.js';

const HEADER = { guanxi: 'snapshot', version: 1 } as const;

export class SnapshotError extends Error {}

export class SnapshotStore {
  /** Each document's facts: one entry, or its parts in order (DocumentFacts.part). */
  private documents = new Map<string, DocumentFacts[]>();
  /** Entries in `documents`, all parts counted. */
  private entries = 0;
  private lines = 0;
  /** A torn last line was read: the next write first rewrites the file without it. */
  private torn = false;
  /** What reading found wrong (a torn last line), for the CLI to report. */
  readonly warnings: string[] = [];

  private constructor(readonly path: string) {}

  /** Opens the snapshot at `path`; a missing file is an empty snapshot (created on first write). */
  static open(path: string): SnapshotStore {
    const store = new SnapshotStore(path);
    if (existsSync(path)) store.load();
    return store;
  }

  private load(): void {
    // Line by line: the whole file as one string would outgrow a JavaScript string (about 500 M
    // characters) long before the snapshot outgrows memory.
    const rows = fileLines(this.path)[Symbol.iterator]();
    let next = rows.next();
    for (let i = 0; !next.done; i++) {
      const row = next.value;
      next = rows.next();
      const last = next.done === true;
      let value: unknown;
      try {
        value = JSON.parse(row);
      } catch {
        // Only the last line can be torn by a crash; anything else is damage we must not hide.
        if (last) {
          this.warnings.push(`${this.path}:${i + 1}: torn last line ignored (an interrupted ingest); re-run the ingest to complete it`);
          this.torn = true;
          continue;
        }
        throw new SnapshotError(`${this.path}:${i + 1}: not JSON: the snapshot is damaged (delete it and ingest again)`);
      }
      if (i === 0) {
        const h = value as typeof HEADER;
        if (h?.guanxi !== 'snapshot') throw new SnapshotError(`${this.path}: not a guanxi snapshot (no header line)`);
        if (h.version !== HEADER.version) throw new SnapshotError(`${this.path}: snapshot version ${h.version}, this guanxi reads ${HEADER.version}`);
        continue;
      }
      const facts = value as DocumentFacts;
      if (typeof facts?.document !== 'string' || !Array.isArray(facts.nodes)) {
        throw new SnapshotError(`${this.path}:${i + 1}: not a document's facts`);
      }
      this.keep(facts);
      this.lines++;
    }
  }

  /** True when this exact content of the document is already in the snapshot. */
  has(document: string, hash: string): boolean {
    const last = this.documents.get(document)?.at(-1);
    return last?.hash === hash && (!last.part || last.part.last);
  }

  get documentCount(): number {
    return this.documents.size;
  }

  facts(): Iterable<DocumentFacts> {
    return [...this.documents.values()].flat();
  }

  /** Writes one document's facts durably (appended and fsynced) before returning. */
  put(facts: DocumentFacts): void {
    const line = factsLine(this.path, facts);
    if (this.torn) this.compact();
    mkdirSync(dirname(this.path), { recursive: true });
    const fresh = !existsSync(this.path);
    const fd = openSync(this.path, 'a');
    try {
      if (fresh) appendFileSync(fd, JSON.stringify(HEADER) + '\n');
      appendFileSync(fd, line);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.keep(facts);
    this.lines++;
    if (this.lines > 16 && this.lines > 2 * this.entries) this.compact();
  }

  /**
   * Takes documents out by rewriting the journal without them (atomically, as compact() does); the
   * graph is built from the documents left, so what only they gave is gone with them.
   */
  remove(documents: readonly string[]): void {
    let removed = 0;
    for (const d of documents) {
      const held = this.documents.get(d);
      if (!held) continue;
      this.entries -= held.length;
      this.documents.delete(d);
      removed++;
    }
    if (removed) this.compact();
  }

  /** A document's facts, or its first part, replace what it held; a later part adds to them. */
  private keep(facts: DocumentFacts): void {
    const held = this.documents.get(facts.document);
    if (held && facts.part && facts.part.index > 1) held.push(facts);
    else {
      this.entries -= held?.length ?? 0;
      this.documents.set(facts.document, [facts]);
    }
    this.entries++;
  }

  /**
   * Rewrites the journal with one line per document: line by line (the whole as one string would
   * outgrow a JavaScript string for a large snapshot) to a temporary file, synced, then renamed.
   */
  compact(): void {
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      appendFileSync(fd, JSON.stringify(HEADER) + '\n');
      for (const facts of this.facts()) appendFileSync(fd, factsLine(this.path, facts));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
    this.lines = this.entries;
    this.torn = false;
  }

  graph(): GuanxiGraph {
    return buildGraph(this.facts());
  }
}

/**
 * Writes a journal of these documents' facts (`guanxi export --journal`): to a temporary file,
 * synced, then renamed, so that the path holds a whole journal or what it held before.
 */
export function writeJournal(path: string, documents: Iterable<DocumentFacts>): number {
  const tmp = `${path}.tmp`;
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const fd = openSync(tmp, 'w');
  let lines = 0;
  try {
    appendFileSync(fd, JSON.stringify(HEADER) + '\n');
    for (const facts of documents) {
      appendFileSync(fd, factsLine(path, facts));
      lines++;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return lines;
}

/** One document's line; a document whose facts outgrow a JavaScript string (about 500 M characters) is refused plainly. */
function factsLine(path: string, facts: DocumentFacts): string {
  try {
    return JSON.stringify(facts) + '\n';
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new SnapshotError(
      `${path}: the facts of ${facts.document} (${facts.relationships.length} relationships) are too large for one snapshot line; split the file or ingest it into Neo4j`,
    );
  }
}

/** The lines of a UTF-8 file without their line feeds, read in chunks (a final empty line is no line). */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    const decoder = new TextDecoder('utf-8');
    // The pieces of a line longer than a chunk, joined once at its end (not concatenated chunk by chunk).
    let pieces: string[] = [];
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const text = n > 0 ? decoder.decode(chunk.subarray(0, n), { stream: true }) : decoder.decode();
      let from = 0;
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
        pieces.push(text.slice(from, at));
        yield pieces.join('');
        pieces = [];
        from = at + 1;
      }
      if (from < text.length) pieces.push(text.slice(from));
      if (n === 0) break;
    }
    const last = pieces.join('');
    if (last !== '') yield last;
  } finally {
    closeSync(fd);
  }
}
