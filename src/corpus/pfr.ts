/**
 * Reader for the People's Daily January 1998 corpus (PFR, 人民日报 1998-01).
 *
 * One paragraph per line: `19980101-01-001-002/m  word/tag  word/tag  …`, where the id is
 * date-page-article-paragraph. Bracketed compounds (`[中央/n  人民/n  广播/vn  电台/n]nt`) are
 * flattened into their tokens, each of which keeps a reference to the compound it belongs to.
 * Days 1–24 are the development split, days 25–31 the test split.
 */
import { readFileSync } from 'node:fs';
import type { EntitySpan, EntityType } from '../extract/ner/labels.js';

/** A bracketed compound, shared (same object) by all the tokens in it. */
export interface PfrCompound {
  /** The compound's tag: nt, ns, nz, i, l. */
  tag: string;
  /** The compound's words joined: 中央人民广播电台. */
  text: string;
  /** Index of its first token in the paragraph. */
  start: number;
  /** Number of tokens in it. */
  length: number;
}

export interface PfrToken {
  word: string;
  tag: string;
  compound?: PfrCompound;
}

export interface PfrArticle {
  /** date-page-article: 19980101-01-001. */
  id: string;
  /** Day of the month, 1–31. */
  day: number;
  /** ISO date: 1998-01-01. */
  date: string;
  paragraphs: PfrToken[][];
}

export interface PfrReadOptions {
  /** Inclusive range of days of the month to keep, e.g. [1, 24] for the development split. */
  days?: [number, number];
}

export const PFR_DEV_DAYS: [number, number] = [1, 24];
export const PFR_TEST_DAYS: [number, number] = [25, 31];

/** Parses the tokens of one line (without its id). */
export function parsePfrTokens(fields: string[], from = 0): PfrToken[] {
  const tokens: PfrToken[] = [];
  let open: PfrCompound | null = null;
  for (let i = from; i < fields.length; i++) {
    let field = fields[i];
    if (field.length === 0) continue;
    let opens = false;
    if (field.charCodeAt(0) === 91 /* [ */ && field.length > 1 && field.indexOf('/') > 1) {
      opens = true;
      field = field.slice(1);
    }
    let closeTag: string | null = null;
    const close = field.lastIndexOf(']');
    if (close > 0 && close > field.lastIndexOf('/')) {
      closeTag = field.slice(close + 1);
      field = field.slice(0, close);
    }
    const slash = field.lastIndexOf('/');
    const token: PfrToken =
      slash > 0 ? { word: field.slice(0, slash), tag: field.slice(slash + 1) } : { word: field, tag: '' };
    if (opens) open = { tag: '', text: '', start: tokens.length, length: 0 };
    if (open) {
      token.compound = open;
      open.text += token.word;
      open.length++;
    }
    tokens.push(token);
    if (closeTag !== null && open) {
      open.tag = closeTag;
      open = null;
    }
  }
  return tokens;
}

/** Day of the month from a line or article id (19980105-… → 5), or 0 when it is not an id. */
function dayOf(line: string): number {
  const d1 = line.charCodeAt(6) - 48;
  const d2 = line.charCodeAt(7) - 48;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return 0;
  return d1 * 10 + d2;
}

/** Iterates the articles of the corpus text (paragraph lines of one article are contiguous). */
export function* iteratePfrArticles(text: string, options: PfrReadOptions = {}): Generator<PfrArticle> {
  const [from, to] = options.days ?? [1, 31];
  let current: PfrArticle | null = null;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (line.length < 19) continue;
    const day = dayOf(line);
    if (day === 0 || day < from || day > to) continue;
    const fields = line.trim().split(/\s+/);
    const lineId = fields[0].replace(/\/m$/, '');
    const articleId = lineId.slice(0, lineId.lastIndexOf('-'));
    if (!current || current.id !== articleId) {
      if (current) yield current;
      const dd = String(day).padStart(2, '0');
      current = { id: articleId, day, date: `${lineId.slice(0, 4)}-${lineId.slice(4, 6)}-${dd}`, paragraphs: [] };
    }
    current.paragraphs.push(parsePfrTokens(fields, 1));
  }
  if (current) yield current;
}

/** Reads the corpus file into articles, optionally only those of a range of days. */
export function readPfrArticles(path: string, options: PfrReadOptions = {}): PfrArticle[] {
  return [...iteratePfrArticles(readFileSync(path, 'utf8'), options)];
}

/** The paragraph's words joined. */
export function paragraphText(paragraph: PfrToken[]): string {
  let s = '';
  for (const t of paragraph) s += t.word;
  return s;
}

/** The article's text: paragraphs' words joined, paragraphs joined by '\n'. */
export function plainText(article: PfrArticle): string {
  return article.paragraphs.map(paragraphText).join('\n');
}

/** The compounds of a paragraph, in order. */
export function compoundsOf(paragraph: PfrToken[]): PfrCompound[] {
  const out: PfrCompound[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i].compound;
    if (c && c.start === i) out.push(c);
  }
  return out;
}

const TYPE_OF_TAG: Record<string, EntityType> = { nr: 'PER', ns: 'LOC', nt: 'ORG' };

/**
 * One paragraph as text and its entities as the official scorer (shared/tools/pfr_score.py) reads
 * them: consecutive nr tokens are one person; [..]ns and [..]nt compounds one place or organization,
 * nothing inside any other compound; plain ns and nt tokens places and organizations.
 */
export function paragraphSpans(tokens: PfrToken[]): { text: string; spans: EntitySpan[] } {
  let text = '';
  const spans: EntitySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.compound) {
      const c = t.compound;
      const start = text.length;
      for (let k = 0; k < c.length; k++) text += tokens[i + k].word;
      const type = c.tag === 'nt' || c.tag === 'ns' ? TYPE_OF_TAG[c.tag] : null;
      if (type) spans.push({ start, end: text.length, type });
      i += c.length - 1;
      continue;
    }
    const start = text.length;
    text += t.word;
    if (t.tag === 'nr') {
      while (i + 1 < tokens.length && tokens[i + 1].tag === 'nr' && !tokens[i + 1].compound) text += tokens[++i].word;
    }
    const type = TYPE_OF_TAG[t.tag];
    if (type && text.length > start) spans.push({ start, end: text.length, type });
  }
  return { text, spans };
}
