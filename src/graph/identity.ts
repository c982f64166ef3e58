/**
 * Who is who in the graph: a document is its resolved path (or a source id its user gives), and an
 * article is its document and its place in it (a page's n-th article, a record's line) or a record id
 * used once in the document. Nothing else ties two articles or documents together, so two files named
 * alike in different folders, or crawler dumps whose ids restart at 1, never merge.
 */
import { resolve } from 'node:path';
import type { ExtractionOut } from '../extract/types.js';
import type { InputFormat } from '../ingest/types.js';

/** What article keys depend on: the document's format and its records' ids and lines (a SourceDocument, or a census of one: src/ingest/census.ts). */
export interface KeyedSource {
  format: InputFormat;
  units: readonly ({ kind: 'page' } | { kind: 'record'; id?: string; line: number })[];
}

/** The document a file is: the id its user gives, else the file's absolute path. */
export function documentId(path: string, sourceId?: string): string {
  return sourceId ?? resolve(path);
}

/**
 * The articles' keys within their document, given in the extraction's order: `n` for a page's n-th
 * article; a record's id when no other record of the document has it (or a line's key), else `L` and
 * its line. A long article read in pieces (src/extract/work-units.ts: `…~2`, `…~3`) keeps its
 * article's key with the piece's suffix.
 */
export function articleKeyer(doc: KeyedSource): (articleId: string) => string {
  const records = doc.units.flatMap((u) => (u.kind === 'record' ? [u] : []));
  const lineKeys = new Set(records.map((r) => `L${r.line}`));
  const uses = new Map<string, number>();
  for (const r of records) if (r.id !== undefined) uses.set(r.id, (uses.get(r.id) ?? 0) + 1);
  const recordKeys = records.map((r) => (r.id !== undefined && uses.get(r.id) === 1 && !lineKeys.has(r.id) ? r.id : `L${r.line}`));
  let n = 0;
  let lastId = '';
  let lastKey = '';
  return (articleId) => {
    const piece = /~(\d+)$/.exec(articleId);
    if (piece && articleId.slice(0, piece.index) === lastId) return `${lastKey}~${piece[1]}`;
    lastId = articleId;
    n++;
    lastKey = doc.format === 'page' ? String(n) : (recordKeys[n - 1] ?? `A${n}`);
    return lastKey;
  };
}

/**
 * The extraction with the document's id and its articles' ids `<document>#<key>`, unique in any graph.
 * A document extracted in parts passes one keyer to every part, so that the keys run on.
 */
export function identify(extraction: ExtractionOut, doc: KeyedSource, id: string, key = articleKeyer(doc)): ExtractionOut {
  return { ...extraction, document: id, articles: extraction.articles.map((a) => ({ ...a, id: `${id}#${key(a.id)}` })) };
}
