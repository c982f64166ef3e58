/**
 * An article as `extract --format json` writes it inside the document's `articles` array: what
 * JSON.stringify of the whole extraction writes for it, indented (one file) or not. Made where the
 * article is extracted, so that the thread writing the output only joins strings.
 */
import type { ArticleOut } from './types.js';

/** Indented as the third level of JSON.stringify(extraction, null, 2), or on one line. */
export function articleJson(article: ArticleOut, pretty: boolean): string {
  if (!pretty) return JSON.stringify(article);
  // Written two levels deep, the article is indented as it stands in the document, in one pass
  // (rather than indenting each of its lines again afterwards); the wrapper is cut off.
  const wrapped = JSON.stringify({ a: { b: article } }, null, 2);
  return wrapped.slice(WRAPPER_OPENING.length, wrapped.length - WRAPPER_CLOSING.length);
}

// What JSON.stringify({ a: { b: … } }, null, 2) writes before and after the article.
const WRAPPER_OPENING = '{\n  "a": {\n    "b": ';
const WRAPPER_CLOSING = '\n  }\n}';
