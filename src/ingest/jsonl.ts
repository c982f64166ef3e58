/** JSON Lines of crawled articles: one record per line; a bad line is reported and skipped, not fatal. */

import { DATE_FORMS, normaliseDate } from './dates.js';
import type { InputProblem, RecordUnit } from './types.js';

export interface JsonlResult {
  units: RecordUnit[];
  problems: InputProblem[];
}

export function parseJsonl(text: string, path: string): JsonlResult {
  const units: RecordUnit[] = [];
  const problems: InputProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const { record, problem } = parseJsonlLine(raw, index + 1, path);
    if (record) units.push(record);
    if (problem) problems.push(problem);
  });
  return { units, problems };
}

/**
 * One line of a JSON Lines file (without its line feed; a carriage return before it is dropped): its
 * record, or none for a blank line or a bad one, and the problem with it (a warning when the record
 * is still read).
 */
export function parseJsonlLine(raw: string, line: number, path: string): { record: RecordUnit | null; problem: InputProblem | null } {
  const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (source.trim() === '') return { record: null, problem: null };
  const result = parseLine(source, line);
  if (typeof result === 'string') return { record: null, problem: { path, line, message: result } };
  return { record: result.record, problem: result.warning ? { path, line, message: result.warning, warning: true } : null };
}

/** One line to a record (with a warning about a date it could not read), or the message saying what is wrong with it. */
function parseLine(source: string, line: number): { record: RecordUnit; warning?: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    return jsonError(source, err as SyntaxError);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `expected a JSON object, got ${kindOf(value)}`;
  }
  const fields = value as Record<string, unknown>;
  const issues: string[] = [];
  const record: RecordUnit = { kind: 'record', line, text: '' };

  const text = fields.text;
  if (text === undefined) issues.push('missing "text"');
  else if (typeof text !== 'string') issues.push(`"text" must be a string, got ${kindOf(text)}`);
  else if (text.trim() === '') issues.push('"text" is empty');
  else record.text = text;

  // Crawlers often emit numeric ids; they are still ids.
  const id = typeof fields.id === 'number' && Number.isFinite(fields.id) ? String(fields.id) : fields.id;
  for (const [key, raw] of [['id', id], ['title', fields.title], ['source', fields.source], ['home', fields.home]] as const) {
    // null and "" are how crawlers say "unknown"; treat them as absent rather than as errors.
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') issues.push(`"${key}" must be a string, got ${kindOf(raw)}`);
    else if (raw.trim() !== '') record[key] = raw.trim();
  }

  // A date that cannot be read loses the date, never the article: the record is read without it.
  let warning: string | undefined;
  const date = typeof fields.date === 'number' ? String(fields.date) : fields.date;
  if (typeof date === 'string') {
    const normal = normaliseDate(date);
    if (normal) record.date = normal;
    else if (date.trim() !== '') warning = `"date" ${JSON.stringify(date)} is not a date (${DATE_FORMS}); the record is read with its date unknown`;
  } else if (date !== undefined && date !== null) {
    warning = `"date" must be a string, got ${kindOf(date)}; the record is read with its date unknown`;
  }

  return issues.length > 0 ? issues.join('; ') : { record, warning };
}

/** V8's message without the echoed input, with a 1-based column instead of a 0-based position. */
function jsonError(source: string, err: SyntaxError): string {
  const what = err.message
    .replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '')
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .replace(/ of JSON input$/, ' of line');
  return `invalid JSON: ${what} at column ${errorPosition(source, err.message) + 1}`;
}

/** Where JSON.parse gave up: from its message when it says, else the shortest prefix that already fails. */
function errorPosition(source: string, message: string): number {
  const stated = errorOffset(message, source.length);
  if (stated !== null) return stated;
  // A prefix of the line either is the start of valid JSON (fails only at its end) or already holds the error.
  let good = 0;
  let bad = source.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (failsBefore(source.slice(0, mid))) bad = mid;
    else good = mid;
  }
  return bad - 1;
}

function failsBefore(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (err) {
    const offset = errorOffset((err as Error).message, prefix.length);
    return offset === null || offset < prefix.length;
  }
}

/** The offset a JSON.parse message names: its stated position, the end for "unexpected end", else null. */
function errorOffset(message: string, length: number): number | null {
  const at = / at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  return message.startsWith('Unexpected end') ? length : null;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
