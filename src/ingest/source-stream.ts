/**
 * An input file read as a stream, in memory bounded by a chunk and the unit being read, whatever
 * its size. openSource reads the file once to judge it as readSource would (decode.ts's
 * EncodingSurvey: the same encodings, the same errors) and to count its characters; units() then
 * decodes it again chunk by chunk and gives its units one at a time: JSON Lines records with their
 * line numbers (bad lines told as readSource tells them), or a page dump's text, in sections when it
 * is too long to read as one page.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { cutText } from './cut-text.js';
import { EncodingSurvey, TextTally, textDecoder } from './decode.js';
import { parseJsonlLine } from './jsonl.js';
import { formatFor, readError } from './read.js';
import type { InputFormat, InputProblem, PageUnit, RecordUnit, SourceUnit } from './types.js';

/** Bytes read at a time. */
export const CHUNK_BYTES = 1 << 20;
/**
 * A page dump of up to this many characters is one page (its articles share what the page says);
 * a longer one is read in sections of at most this many, each a page of its own, cut at a line
 * break, else after a sentence, else after a clause.
 */
export const PAGE_SECTION = 1_000_000;

export interface SourceStream {
  path: string;
  /** The file name, as the extraction's `document`. */
  name: string;
  format: InputFormat;
  encoding: string;
  /** Characters of decoded text. */
  chars: number;
  /** The units in the file's order, read as they are asked for; each bad or doubtful line is told to `onProblem` when it is met. */
  units(onProblem?: (problem: InputProblem) => void): AsyncGenerator<SourceUnit>;
}

export interface OpenOptions {
  /** Given every chunk of the file's bytes on the first reading (to hash the file on the way). */
  onBytes?: (chunk: Buffer) => void;
  /** Bytes read at a time (tests give small ones). */
  chunkBytes?: number;
  /** The characters of a page section (default PAGE_SECTION). */
  pageSection?: number;
}

/** The file judged and ready to be read, or the one problem that makes it unreadable. */
export async function openSource(path: string, options: OpenOptions = {}): Promise<{ source: SourceStream } | { problem: InputProblem }> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const survey = new EncodingSurvey();
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
      survey.add(chunk);
      options.onBytes?.(chunk);
    }
  } catch (err) {
    return { problem: { path, message: readError(err as NodeJS.ErrnoException) } };
  }
  const verdict = survey.finish();
  if ('error' in verdict) return { problem: { path, message: verdict.error } };
  const { encoding } = verdict;
  let text = verdict.text;
  if (!text) {
    // A legacy encoding is known only once every byte is in: its text is checked on a reading of its own.
    text = new TextTally();
    for await (const piece of decodedText(path, encoding, chunkBytes)) text.add(piece);
    const error = text.problem(encoding);
    if (error) return { problem: { path, message: error } };
  }
  const format = formatFor(path, text.firstPrinted);
  const chars = text.chars;
  const section = options.pageSection ?? PAGE_SECTION;
  return {
    source: {
      path,
      name: basename(path),
      format,
      encoding,
      chars,
      units: (onProblem = () => {}) =>
        format === 'page' ? pageUnits(decodedText(path, encoding, chunkBytes), chars, section) : recordUnits(decodedText(path, encoding, chunkBytes), path, onProblem),
    },
  };
}

/** The file's text, decoded a chunk at a time. */
async function* decodedText(path: string, encoding: string, chunkBytes: number): AsyncGenerator<string> {
  const decoder = textDecoder(encoding);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      if (text) yield text;
    }
  } catch (err) {
    throw new Error(`${path}: ${readError(err as NodeJS.ErrnoException)}`);
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The lines of a text given in pieces, without their line feeds, as text.split('\n') gives them. */
export async function* lines(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let partial: string[] = [];
  for await (const text of texts) {
    let from = 0;
    for (let feed = text.indexOf('\n'); feed !== -1; feed = text.indexOf('\n', from)) {
      partial.push(text.slice(from, feed));
      yield partial.join('');
      partial = [];
      from = feed + 1;
    }
    if (from < text.length) partial.push(text.slice(from));
  }
  yield partial.join('');
}

async function* recordUnits(texts: AsyncIterable<string>, path: string, onProblem: (problem: InputProblem) => void): AsyncGenerator<RecordUnit> {
  let line = 0;
  for await (const raw of lines(texts)) {
    const { record, problem } = parseJsonlLine(raw, ++line, path);
    if (problem) onProblem(problem);
    if (record) yield record;
  }
}

/** The page, whole when it is no longer than a section, else in sections. */
async function* pageUnits(texts: AsyncIterable<string>, chars: number, size: number): AsyncGenerator<PageUnit> {
  if (chars <= size) {
    const whole: string[] = [];
    for await (const text of texts) whole.push(text);
    yield { kind: 'page', text: whole.join('') };
    return;
  }
  let section = 0;
  let buffer = '';
  for await (const text of texts) {
    buffer += text;
    // Cut only where the text ahead is longer than a section: there the cut is the one the whole text gets.
    if (buffer.length < 2 * size) continue;
    const cuts = cutText(buffer, size);
    for (const { start, end } of cuts.slice(0, -1)) yield { kind: 'page', section: ++section, text: buffer.slice(start, end) };
    buffer = buffer.slice(cuts.at(-1)!.start);
  }
  for (const { start, end } of cutText(buffer, size)) yield { kind: 'page', section: ++section, text: buffer.slice(start, end) };
}
