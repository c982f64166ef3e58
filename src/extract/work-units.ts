/**
 * Bounded work units for text without breaks. The recognizers compare every mention of an article
 * with every other, so their cost grows with the square of the article's length: harmless for news
 * (a few thousand characters), ruinous for a dump of 1 MB on one line. An article longer than
 * LONG_ARTICLE is therefore no article but a run of them: it is read as consecutive pieces of at
 * most PIECE characters, cut at a paragraph, else at a sentence's end, else at a clause's end.
 * Normal articles are never cut, so their extraction does not change.
 */
import { emptyByline } from './byline.js';
import type { ArticleDraft } from './segment.js';

/** Articles above this many characters are read in pieces (the longest news articles are a few ten thousand). */
export const LONG_ARTICLE = 100_000;
/** The most characters a piece holds. */
export const PIECE = 10_000;

const SENTENCE_ENDS = new Set('。！？!?');
const CLAUSE_ENDS = new Set('；，、;,：:');
const CLOSERS = new Set('”’」』）)》');

export interface Cut {
  start: number;
  end: number;
}

/**
 * Consecutive ranges of `text`, each at most `max` characters, that together hold all of it except
 * the line breaks they are cut at. Each range is found by looking back at most `max` characters from
 * the furthest end, so cutting is linear in the text's length.
 */
export function cutText(text: string, max = PIECE): Cut[] {
  const cuts: Cut[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= max) {
      cuts.push({ start, end: text.length });
      break;
    }
    const limit = start + max;
    const at = lastBreak(text, start, limit);
    if (text[at] === '\n') {
      cuts.push({ start, end: at });
      start = at + 1;
    } else {
      cuts.push({ start, end: at });
      start = at;
    }
  }
  return cuts.filter((c) => c.end > c.start);
}

/**
 * Where to cut before `limit`: a line break in the window's second half, else the last sentence end
 * (with its closing quotes), else the last line break, else the last clause end, else the limit
 * itself (never inside a surrogate pair). Returns the offset of the line break or the piece's end.
 * Looks at the window only (a lastIndexOf from `limit` would scan the whole text before it, and
 * cutting would be quadratic again).
 */
function lastBreak(text: string, start: number, limit: number): number {
  const half = start + ((limit - start) >> 1);
  let newline = -1;
  let sentence = -1;
  let clause = -1;
  for (let i = Math.min(limit, text.length - 1); i > start; i--) {
    const ch = text[i];
    if (ch === '\n') {
      newline = i;
      break;
    }
    if (i < limit && sentence < 0 && SENTENCE_ENDS.has(ch)) {
      sentence = i + 1;
      if (i < half) break;
    }
    if (i < limit && clause < 0 && CLAUSE_ENDS.has(ch)) clause = i + 1;
  }
  if (newline >= half) return newline;
  if (sentence > start) {
    let end = sentence;
    while (end < limit && CLOSERS.has(text[end])) end++;
    return end;
  }
  if (newline > start) return newline;
  if (clause > start) return clause;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * A draft as the drafts of its pieces, or itself when it is short. The first piece keeps the headline
 * and the byline, the last the closing credits; photo credits stay with the piece they are in.
 */
export function pieces(draft: ArticleDraft): ArticleDraft[] {
  const text = draft.paragraphs.join('\n');
  if (text.length <= LONG_ARTICLE) return [draft];
  return cutText(text).map(({ start, end }, i) => {
    const inside = (s: { start: number; end: number }) => s.start >= start && s.end <= end;
    const shift = (s: { start: number; end: number }) => ({ start: s.start - start, end: s.end - start });
    const first = i === 0;
    return {
      kind: draft.kind,
      headline: first ? draft.headline : null,
      subtitle: first ? draft.subtitle : null,
      paragraphs: text.slice(start, end).split('\n'),
      bylineLength: first ? Math.min(draft.bylineLength, end - start) : 0,
      creditsFrom: draft.creditsFrom !== null && draft.creditsFrom >= start && draft.creditsFrom < end ? draft.creditsFrom - start : null,
      creditLines: draft.creditLines.filter(inside).map(shift),
      byline: first ? draft.byline : emptyByline(),
      dateline: first ? draft.dateline : null,
    };
  });
}

/** The id of an article's piece: the article's own for the first, `id~2`, `id~3`… for the others. */
export function pieceId(id: string, index: number): string {
  return index === 0 ? id : `${id}~${index + 1}`;
}
