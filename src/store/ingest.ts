/**
 * Ingesting files into a store: read, extract, turn into facts, write in batches.
 *
 * A document is its file's absolute path (src/graph/identity.ts). One already stored with the same
 * content hash is skipped, so re-running is cheap and changes nothing; a changed document replaces
 * its old facts; a stored document whose file is gone and whose content turns up under a new path is
 * that file moved: it is reported and its facts move with it. A file that cannot be read is reported
 * and the others go on. With an identities file (src/graph/identities.ts), a document's hash also
 * covers the directives whose names its text holds: a changed file re-reads the documents it concerns.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Identities } from '../graph/identities.js';
import { documentId } from '../graph/identity.js';
import { ExtractionPool } from '../extract/parallel.js';
import type { ExtractOptions } from '../extract/pipeline.js';
import { takeCensus, type SourceCensus } from '../ingest/census.js';
import { formatProblem } from '../ingest/read.js';
import { openSource, type SourceStream } from '../ingest/source-stream.js';
import { DocumentsByContent, isGone } from './documents.js';
import type { DocumentSink } from './store.js';
import { storeDocument } from './store-document.js';
import { WriteBehind } from './write-behind.js';

export { LARGE_DOCUMENT, PART } from './store-document.js';

/** Bumped when the facts a document gives change, so that stored documents are read again. */
export const FACTS_VERSION = 1;

export interface IngestProgress {
  files: number;
  totalFiles: number;
  skipped: number;
  articles: number;
  relationships: number;
  /** Milliseconds since the start. */
  elapsed: number;
}

export interface IngestOptions extends ExtractOptions {
  /** The user's corrections to who is who, applied to every document read (src/graph/identities.ts). */
  identities?: Identities;
  /** The document's id instead of its path (one file only). */
  sourceId?: string;
  /** Threads extracting (default: the cores this process may use). */
  jobs?: number;
  /** Write when the pending facts hold this many relationships (Neo4j transactions of a useful size)… */
  batchRelationships?: number;
  /** …or this many articles, or when the first pending document has waited this long: what is done is soon durable. */
  batchArticles?: number;
  batchAgeMs?: number;
  /** Documents with more characters of text than this are stored in parts of `part` characters (default LARGE_DOCUMENT, PART). */
  largeDocument?: number;
  part?: number;
  onProgress?: (p: IngestProgress) => void;
  /** A line for the user: a file that cannot be read, a bad record, a moved or copied file. */
  onProblem?: (message: string) => void;
}

export interface IngestSummary extends IngestProgress {
  failed: number;
  /** Stored documents found under a new path. */
  moved: number;
}

/**
 * The content hash of a document: its bytes, the options that change its extraction, FACTS_VERSION,
 * and the digest of the identities directives that concern it ('' for none: then as without a file).
 */
export function documentHash(bytes: Buffer, options: ExtractOptions, identities = ''): string {
  const hash = contentHash();
  hash.update(bytes);
  return hash.digest(options, identities);
}

/** documentHash over bytes given in chunks. */
function contentHash(): { update(chunk: Buffer): void; digest(options: ExtractOptions, identities: string): string } {
  const sha = createHash('sha256');
  return {
    update: (chunk) => sha.update(chunk),
    digest: (options, identities) =>
      sha.update(JSON.stringify({ v: FACTS_VERSION, date: options.date ?? null, home: options.home ?? null, ...(identities ? { identities } : {}) })).digest('hex'),
  };
}

export async function ingestFiles(files: readonly string[], store: DocumentSink, options: IngestOptions = {}): Promise<IngestSummary> {
  if (options.sourceId !== undefined && files.length !== 1) throw new Error('a source id names one document: give one file with it');
  const start = Date.now();
  const p: IngestSummary = { files: 0, totalFiles: files.length, skipped: 0, articles: 0, relationships: 0, elapsed: 0, failed: 0, moved: 0 };
  const progress = () => {
    p.elapsed = Date.now() - start;
    options.onProgress?.(p);
  };
  // Extraction of the next batch goes on while the store writes the last one.
  const writer = new WriteBehind(store, {
    batchRelationships: options.batchRelationships,
    maxArticles: options.batchArticles,
    maxAgeMs: options.batchAgeMs,
    onWritten: (batch) => {
      for (const facts of batch) p.relationships += facts.relationships.length;
    },
  });
  const byContent = new DocumentsByContent(await store.documents());
  const pool = new ExtractionPool(options.jobs);
  try {
    for (const file of files) {
      const read = await readForIngest(file, options);
      if (read.lost) p.failed++;
      if (read.document) {
        const { source, census, hash } = read.document;
        const id = documentId(file, options.sourceId);
        if (await store.hasDocument(id, hash)) p.skipped++;
        else {
          const moved = byContent.claimMoved(hash, id);
          const copied = moved ? undefined : byContent.copyOf(hash, id);
          if (moved) {
            options.onProblem?.(`guanxi: ${file}: moved from ${moved.path ?? moved.id}; its facts move with it`);
            // Nothing of it is in flight (it was stored before this run); the removal waits for what is,
            // so that no write links to an entity the removal finds unsupported.
            await writer.drain();
            await store.remove([moved.id]);
            p.moved++;
          } else if (copied) {
            options.onProblem?.(`guanxi: ${file}: same content as ${copied.path ?? copied.id}, which is still there; both are kept`);
          }
          const path = resolve(file);
          byContent.add({ id, hash, path });
          const before = p.articles;
          const onArticles = (articles: number) => {
            p.articles = before + articles;
            progress();
          };
          p.articles = before + (await storeDocument(source, census, { id, hash, path }, pool, writer, { ...options, onArticles }));
        }
      }
      p.files++;
      progress();
    }
    await writer.drain();
  } finally {
    await pool.close();
  }
  progress();
  return p;
}

/** Takes out of the store the documents whose files are gone (ingest --prune); returns them. */
export async function pruneDocuments(store: DocumentSink): Promise<{ id: string; path: string | null }[]> {
  const gone = (await store.documents()).filter(isGone);
  await store.remove(gone.map((d) => d.id));
  return gone;
}

/**
 * A file opened (its bytes hashed on the first reading) and its records counted, with its problems
 * told; no document when nothing in it can be extracted. `lost`: something of it was (a bad line).
 */
async function readForIngest(file: string, options: IngestOptions): Promise<{ document: { source: SourceStream; census: SourceCensus; hash: string } | null; lost: boolean }> {
  const hash = contentHash();
  const opened = await openSource(file, { onBytes: (chunk) => hash.update(chunk) });
  if ('problem' in opened) {
    options.onProblem?.(formatProblem(opened.problem));
    return { document: null, lost: true };
  }
  let lost = false;
  const concerns = options.identities?.scanner();
  const census = await takeCensus(
    opened.source,
    (problem) => {
      options.onProblem?.(formatProblem(problem));
      lost ||= !problem.warning;
    },
    concerns?.see,
  );
  // With no good line at all there is nothing to extract; the line problems said why.
  const document = census.units.length ? { source: opened.source, census, hash: hash.digest(options, concerns?.digest() ?? '') } : null;
  return { document, lost };
}
