import type { SourceDocument } from '../ingest/types.js';
import type { ExtractionOut } from './types.js';

export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD (or a prefix); resolves dates without a year or month. */
  date?: string;
  /** The paper's home city or county (许昌 or 许昌市); resolves 市委, 我市, 来许. */
  home?: string;
}

/** Runs the whole pipeline on one decoded document. (Being written; signature is fixed.) */
export function extractDocument(doc: SourceDocument, _options: ExtractOptions = {}): ExtractionOut {
  return {
    document: doc.name,
    encoding: doc.encoding,
    context: { home: null, homeProvince: null, date: null, provenance: { home: 'unknown', date: 'unknown' }, notes: [] },
    articles: [],
  };
}
