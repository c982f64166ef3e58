/**
 * One document from its file to the store: its units read as a stream, extracted in order on the
 * pool's threads, gathered into parts, each part identified (src/graph/identity.ts), turned into
 * facts and handed to the writer, which holds the reading back while its writes are behind. A
 * document of up to `largeDocument` characters is one part (its persons resolved across all of it);
 * a larger one is stored in parts of about `part` characters, so that its facts are never all in
 * memory and a run killed in the middle keeps the parts it finished (the document counts as stored
 * only once its last part is: src/graph/model.ts).
 */
import { documentFacts } from '../graph/facts.js';
import type { Identities } from '../graph/identities.js';
import { articleKeyer, identify } from '../graph/identity.js';
import type { ExtractionPool } from '../extract/parallel.js';
import type { ExtractOptions } from '../extract/pipeline.js';
import type { ArticleOut, DocumentContext } from '../extract/types.js';
import type { SourceCensus } from '../ingest/census.js';
import type { SourceStream } from '../ingest/source-stream.js';
import type { WriteBehind } from './write-behind.js';

/**
 * Documents with more text than this (in characters; about 15 MB of Chinese) are extracted and
 * stored in parts of about PART characters. Persons are resolved within each part rather than the
 * whole document.
 */
export const LARGE_DOCUMENT = 5_000_000;
export const PART = 1_000_000;

/** How often at most the reading pauses to show progress and let due writes start. */
const PAUSE_EVERY_MS = 100;

export interface StoredAs {
  /** The document's id (src/graph/identity.ts documentId), content hash and resolved path. */
  id: string;
  hash: string;
  path: string;
}

export interface StoreDocumentOptions extends ExtractOptions {
  /** The user's corrections to who is who (src/graph/identities.ts). */
  identities?: Identities;
  largeDocument?: number;
  part?: number;
  /** Told the articles read so far, now and then while the document is read. */
  onArticles?: (articles: number) => void;
}

/** Extracts the document and hands its facts to the writer, part by part; returns its number of articles. */
export async function storeDocument(
  source: SourceStream,
  census: SourceCensus,
  stored: StoredAs,
  pool: ExtractionPool,
  writer: WriteBehind,
  options: StoreDocumentOptions,
): Promise<number> {
  const inParts = census.chars > (options.largeDocument ?? LARGE_DOCUMENT);
  const partChars = inParts ? (options.part ?? PART) : Infinity;
  const keys = articleKeyer(census);
  let context: DocumentContext | undefined;
  let articles: ArticleOut[] = [];
  let chars = 0;
  let count = 0;
  let parts = 0;
  const addPart = async (last: boolean) => {
    const extraction = identify({ document: source.name, encoding: source.encoding, context: context!, articles }, census, stored.id, keys);
    const facts = documentFacts(extraction, stored.hash, stored.path, options.identities);
    await writer.add(inParts ? { ...facts, part: { index: ++parts, last } } : facts);
    articles = [];
    chars = 0;
  };
  let paused = Date.now();
  // Bad lines were told when the census read them.
  const results = pool.extractInOrder(source.name, source.units(), { date: options.date, home: options.home }, 'object');
  for await (const result of results) {
    context ??= result.context;
    for (const article of result.articles) {
      articles.push(article);
      chars += article.text.length;
      count++;
      if (chars >= partChars) await addPart(false);
    }
    if (Date.now() - paused >= PAUSE_EVERY_MS) {
      options.onArticles?.(count);
      await writer.tick();
      // With one job the extraction runs on this thread: the writes started need it now and then.
      await new Promise((resume) => setImmediate(resume));
      paused = Date.now();
    }
  }
  await addPart(true);
  return count;
}
