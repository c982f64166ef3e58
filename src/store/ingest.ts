/**
 * Ingesting files into a store: read, extract, turn into facts, write in batches.
 *
 * A document is its file's absolute path (src/graph/identity.ts). One already stored with the same
 * content hash is skipped, so re-running is cheap and changes nothing; a changed document replaces
 * its old facts; a stored document whose file is gone and whose content turns up under a new path is
 * that file moved: it is reported and its facts move with it. A file that cannot be read is reported
 * and the others go on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { documentFacts } from '../graph/facts.js';
import { articleKeyer, documentId, identify } from '../graph/identity.js';
import { extractDocumentPausing, unitArticles, type ExtractOptions } from '../extract/pipeline.js';
import type { ArticleOut, DocumentContext } from '../extract/types.js';
import type { SourceDocument } from '../ingest/types.js';
import { formatProblem, hasErrors, parseSource, readSource } from '../ingest/read.js';
import { DocumentsByContent, isGone } from './documents.js';
import type { DocumentSink } from './store.js';
import { WriteBehind } from './write-behind.js';

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
  /** The document's id instead of its path (one file only). */
  sourceId?: string;
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

/** The content hash of a document: its bytes, the options that change its extraction, and FACTS_VERSION. */
export function documentHash(bytes: Buffer, options: ExtractOptions): string {
  return createHash('sha256')
    .update(bytes)
    .update(JSON.stringify({ v: FACTS_VERSION, date: options.date ?? null, home: options.home ?? null }))
    .digest('hex');
}

export async function ingestFiles(files: readonly string[], store: DocumentSink, options: IngestOptions = {}): Promise<IngestSummary> {
  if (options.sourceId !== undefined && files.length !== 1) throw new Error('a source id names one document: give one file with it');
  const start = Date.now();
  const p: IngestSummary = { files: 0, totalFiles: files.length, skipped: 0, articles: 0, relationships: 0, elapsed: 0, failed: 0, moved: 0 };
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
  for (const file of files) {
    const bytes = readBytes(file);
    // readSource reads again only to report why the file cannot be read.
    const { document, problems } = bytes ? parseSource(file, bytes) : readSource(file);
    for (const problem of problems) options.onProblem?.(formatProblem(problem));
    if (hasErrors(problems)) p.failed++;
    if (document) {
      const id = documentId(file, options.sourceId);
      const hash = documentHash(bytes!, options);
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
        // Paused now and then: batches due are written and progress shown while a large file is read.
        const pause = async (articles: number) => {
          p.articles = before + articles;
          p.elapsed = Date.now() - start;
          options.onProgress?.(p);
          await writer.tick();
          await new Promise((resume) => setImmediate(resume));
        };
        if (textLength(document) <= (options.largeDocument ?? LARGE_DOCUMENT)) {
          const extraction = identify(await extractDocumentPausing(document, options, pause), document, id);
          p.articles = before + extraction.articles.length;
          await writer.add(documentFacts(extraction, hash, path));
        } else {
          p.articles = before + (await addInParts(document, { id, hash, path }, options, writer, pause));
        }
      }
    }
    p.files++;
    p.elapsed = Date.now() - start;
    options.onProgress?.(p);
  }
  await writer.drain();
  p.elapsed = Date.now() - start;
  options.onProgress?.(p);
  return p;
}

/** Takes out of the store the documents whose files are gone (ingest --prune); returns them. */
export async function pruneDocuments(store: DocumentSink): Promise<{ id: string; path: string | null }[]> {
  const gone = (await store.documents()).filter(isGone);
  await store.remove(gone.map((d) => d.id));
  return gone;
}

/** The file's bytes, read once for both the hash and the extraction; null when unreadable. */
function readBytes(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Documents with more text than this (in characters; about 15 MB of Chinese) are extracted and
 * stored in parts of about PART characters: a document of any size then needs bounded memory (its
 * facts are never all in memory, nor in one snapshot line), and a run killed in the middle of it keeps
 * the parts it finished. Persons are resolved within each part rather than the whole document.
 */
export const LARGE_DOCUMENT = 5_000_000;
export const PART = 1_000_000;

function textLength(document: SourceDocument): number {
  return document.units.reduce((n, unit) => n + unit.text.length, 0);
}

/** Extracts a large document and adds its facts part by part; returns its number of articles. */
async function addInParts(
  document: SourceDocument,
  stored: { id: string; hash: string; path: string },
  options: IngestOptions,
  writer: WriteBehind,
  pause: (articles: number) => Promise<void>,
): Promise<number> {
  const size = options.part ?? PART;
  let context: DocumentContext | undefined;
  let articles: ArticleOut[] = [];
  let chars = 0;
  let count = 0;
  let index = 0;
  let last = Date.now();
  const keys = articleKeyer(document);
  const add = async (final: boolean) => {
    const extraction = identify({ document: document.name, encoding: document.encoding, context: context!, articles }, document, stored.id, keys);
    await writer.add({ ...documentFacts(extraction, stored.hash, stored.path), part: { index: ++index, last: final } });
    articles = [];
    chars = 0;
  };
  for (const unit of document.units) {
    const read = unitArticles(document.name, unit, options);
    context ??= read.context;
    for (const article of read.articles) {
      articles.push(article);
      chars += article.text.length;
      count++;
      if (chars >= size) await add(false);
      if (Date.now() - last >= 100) {
        await pause(count);
        last = Date.now();
      }
    }
  }
  await add(true);
  return count;
}
