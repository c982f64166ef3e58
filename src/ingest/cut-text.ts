/**
 * Long text cut into consecutive ranges of bounded length at the best breaks near the limit: a line
 * break, else a sentence's end, else a clause's end. Used for a long article's pieces
 * (src/extract/work-units.ts) and a page dump's sections (source-stream.ts). A range's end depends
 * only on the `max` characters after its start, so a text read in chunks is cut as it would be whole.
 */

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
export function cutText(text: string, max: number): Cut[] {
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

