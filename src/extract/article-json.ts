/**
 * An article as `extract --format json` writes it inside the document's `articles` array: what
 * JSON.stringify of the whole extraction writes for it, indented (one file) or not. Made where the
 * article is extracted, so that the thread writing the output only joins strings.
 */
import type { ArticleOut } from './types.js';

/** Indented as the third level of JSON.stringify(extraction, null, 2), or on one line. */
export function articleJson(article: ArticleOut, pretty: boolean): string {
  return pretty ? JSON.stringify(article, null, 2).replace(/\n/g, '\n    ') : JSON.stringify(article);
}
