/**
 * Read one input file whole into a SourceDocument, or say plainly why it cannot be read: for files
 * known to be small (a gold file's document, tests). Files of any size are read by source-stream.ts,
 * which gives the same units in chunks (but for a page dump longer than PAGE_SECTION, which it reads
 * in sections).
 */

import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { decodeBuffer } from './decode.js';
import { parseJsonl } from './jsonl.js';
import type { InputFormat, InputProblem, ReadResult } from './types.js';

export function readSource(path: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    return failed(path, readError(err as NodeJS.ErrnoException));
  }
  const decoded = decodeBuffer(buf);
  if ('error' in decoded) return failed(path, decoded.error);

  const { text, encoding } = decoded;
  const name = basename(path);
  const format = detectFormat(path, text);
  if (format === 'page') {
    return { document: { path, name, format, encoding, units: [{ kind: 'page', text }] }, problems: [] };
  }
  const { units, problems } = parseJsonl(text, path);
  // With no good line at all there is nothing to extract; the line problems say why.
  const document = units.length > 0 ? { path, name, format, encoding, units } : null;
  return { document, problems };
}

/** The extension decides; otherwise a first line that opens an object means JSON Lines. */
function detectFormat(path: string, text: string): InputFormat {
  // The first character that is not white space: splitting the whole text into lines to find it
  // would copy a large file for one character.
  return formatFor(path, /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[0] ?? /\S/.exec(text)?.[0]);
}

/** The format of a file by its extension, else by the first character of its text that is not white space. */
export function formatFor(path: string, firstPrinted: string | undefined): InputFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return firstPrinted === '{' ? 'jsonl' : 'page';
}

/** One terminal line: `guanxi: file:line: message`, without the line when the whole file is at fault. */
export function formatProblem(p: InputProblem): string {
  const where = p.line === undefined ? p.path : `${p.path}:${p.line}`;
  return `guanxi: ${where}: ${p.warning ? 'warning: ' : ''}${p.message}`;
}

/** True when a file lost something: a warning alone (a record read without its date) is no failure. */
export function hasErrors(problems: readonly InputProblem[]): boolean {
  return problems.some((p) => !p.warning);
}

function failed(path: string, message: string): ReadResult {
  return { document: null, problems: [{ path, message }] };
}

export function readError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
    case 'ENOTDIR': return 'no such file';
    case 'EISDIR': return 'is a directory';
    case 'EACCES': return 'permission denied';
    default: return `cannot read: ${err.message}`;
  }
}
