/**
 * Bounded work units for text without breaks. The recognizers compare every mention of an article
 * with every other, so their cost grows with the square of the article's length: harmless for news
 * (a few thousand characters), ruinous for a dump of 1 MB on one line. An article longer than
 * LONG_ARTICLE is therefore no article but a run of them: it is read as consecutive pieces of at
 * most PIECE characters, cut at a paragraph, else at a sentence's end, else at a clause's end.
 * Normal articles are never cut, so their extraction does not change.
 */
import { cutText } from '../ingest/cut-text.js';
import { emptyByline } from './byline.js';
import type { ArticleDraft } from './segment.js';

/** Articles above this many characters are read in pieces (the longest news articles are a few ten thousand). */
export const LONG_ARTICLE = 100_000;
/** The most characters a piece holds. */
export const PIECE = 10_000;

/**
 * A draft as the drafts of its pieces, or itself when it is short. The first piece keeps the headline
 * and the byline, the last the closing credits; photo credits stay with the piece they are in.
 */
export function pieces(draft: ArticleDraft): ArticleDraft[] {
  const text = draft.paragraphs.join('\n');
  if (text.length <= LONG_ARTICLE) return [draft];
  return cutText(text, PIECE).map(({ start, end }, i) => {
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
