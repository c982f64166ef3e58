/**
 * Ingesting files into a store: read, extract, turn into facts, write in batches.
 *
 * A document already stored with the same content hash is skipped, so re-running is cheap and
 * changes nothing; a changed document replaces its old facts. A file that cannot be read is reported
 * and the others go on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { documentFacts } from '../graph/facts.js';
import { extractDocumentPausing, unitArticles, type ExtractOptions } from '../extract/pipeline.js';
import type { ArticleOut, DocumentContext } from '../extract/types.js';
import type { SourceDocument } from '../ingest/types.js';
import { formatProblem, parseSource, readSource } from '../ingest/read.js';
import type { GraphStore } from './store.js';
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
  /** Write when the pending facts hold this many relationships (Neo4j transactions of a useful size)… */
  batchRelationships?: number;
  /** …or this many articles, or when the first pending document has waited this long: what is done is soon durable. */
  batchArticles?: number;
  batchAgeMs?: number;
  /** Documents with more characters of text than this are stored in parts of `part` characters (default LARGE_DOCUMENT, PART). */
  largeDocument?: number;
  part?: number;
  onProgress?: (p: IngestProgress) => void;
  onProblem?: (message: string) => void;
}

export interface IngestSummary extends IngestProgress {
  failed: number;
}

/** The content hash of a document: its bytes, the options that change its extraction, and FACTS_VERSION. */
export function documentHash(bytes: Buffer, options: ExtractOptions): string {
  return createHash('sha256')
    .update(bytes)
    .update(JSON.stringify({ v: FACTS_VERSION, date: options.date ?? null, home: options.home ?? null }))
    .digest('hex');
}

export async function ingestFiles(files: readonly string[], store: GraphStore, options: IngestOptions = {}): Promise<IngestSummary> {
  const start = Date.now();
  const p: IngestSummary = { files: 0, totalFiles: files.length, skipped: 0, articles: 0, relationships: 0, elapsed: 0, failed: 0 };
  // Extraction of the next batch goes on while the store writes the last one.
  const writer = new WriteBehind(store, {
    batchRelationships: options.batchRelationships,
    maxArticles: options.batchArticles,
    maxAgeMs: options.batchAgeMs,
    onWritten: (batch) => {
      for (const facts of batch) p.relationships += facts.relationships.length;
    },
  });
  for (const file of files) {
    const bytes = readBytes(file);
    // readSource reads again only to report why the file cannot be read.
    const { document, problems } = bytes ? parseSource(file, bytes) : readSource(file);
    for (const problem of problems) options.onProblem?.(formatProblem(problem));
    if (problems.length) p.failed++;
    if (document) {
      const hash = documentHash(bytes!, options);
      if (await store.hasDocument(document.name, hash)) p.skipped++;
      else {
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
          const extraction = await extractDocumentPausing(document, options, pause);
          p.articles = before + extraction.articles.length;
          await writer.add(documentFacts(extraction, hash));
        } else {
          p.articles = before + (await addInParts(document, hash, options, writer, pause));
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
async function addInParts(document: SourceDocument, hash: string, options: IngestOptions, writer: WriteBehind, pause: (articles: number) => Promise<void>): Promise<number> {
  const size = options.part ?? PART;
  let context: DocumentContext | undefined;
  let articles: ArticleOut[] = [];
  let chars = 0;
  let count = 0;
  let index = 0;
  let last = Date.now();
  const add = async (final: boolean) => {
    const extraction = { document: document.name, encoding: document.encoding, context: context!, articles };
    await writer.add({ ...documentFacts(extraction, hash), part: { index: ++index, last: final } });
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
