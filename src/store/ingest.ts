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
import { documentId, identify } from '../graph/identity.js';
import { extractDocument, type ExtractOptions } from '../extract/pipeline.js';
import { formatProblem, hasErrors, parseSource, readSource } from '../ingest/read.js';
import { DocumentsByContent, isGone } from './documents.js';
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
  /** The document's id instead of its path (one file only). */
  sourceId?: string;
  /** Write when the pending facts hold this many relationships (Neo4j transactions of a useful size). */
  batchRelationships?: number;
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

export async function ingestFiles(files: readonly string[], store: GraphStore, options: IngestOptions = {}): Promise<IngestSummary> {
  if (options.sourceId !== undefined && files.length !== 1) throw new Error('a source id names one document: give one file with it');
  const start = Date.now();
  const p: IngestSummary = { files: 0, totalFiles: files.length, skipped: 0, articles: 0, relationships: 0, elapsed: 0, failed: 0, moved: 0 };
  // Extraction of the next batch goes on while the store writes the last one.
  const writer = new WriteBehind(store, {
    batchRelationships: options.batchRelationships,
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
        const extraction = identify(extractDocument(document, options), document, id);
        p.articles += extraction.articles.length;
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
        await writer.add(documentFacts(extraction, hash, path));
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

/** Removes the stored documents whose files are gone; returns them. */
export async function pruneDocuments(store: GraphStore): Promise<{ id: string; path: string | null }[]> {
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
