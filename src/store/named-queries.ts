/**
 * The named queries of cypher/queries/*.cypher. Each file starts with comment lines: a description,
 * then `// params: a, b?` (a `?` marks a parameter that may be left out; it is passed as null).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATE_FORMS, normaliseDate } from '../ingest/dates.js';
import { cypher, CYPHER_DIR } from './cypher-files.js';

/** Parameters with these names are dates: checked, and compared as YYYY-MM-DD whatever form they came in. */
const DATE_PARAMS = new Set(['date', 'from', 'to']);

export interface NamedQuery {
  name: string;
  description: string;
  params: { name: string; optional: boolean }[];
  statement: string;
}

export function namedQueryNames(): string[] {
  return readdirSync(join(CYPHER_DIR, 'queries'))
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();
}

export function namedQuery(name: string): NamedQuery {
  const names = namedQueryNames();
  if (!names.includes(name)) throw new Error(`no named query "${name}"; the named queries are: ${names.join(', ')}`);
  const comments = readFileSync(join(CYPHER_DIR, 'queries', `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('//'))
    .map((l) => l.replace(/^\/\/\s?/, ''));
  const paramLine = comments.find((l) => l.startsWith('params:'));
  const params = (paramLine?.slice('params:'.length).split(',') ?? [])
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ name: p.replace(/\?$/, ''), optional: p.endsWith('?') }));
  const description = comments.filter((l) => !l.startsWith('params:')).join(' ');
  return { name, description, params, statement: cypher(`queries/${name}`) };
}

/** The parameters a named query runs with: required ones checked, optional ones defaulting to null. */
export function bindParams(q: NamedQuery, given: Record<string, string>): Record<string, string | null> {
  const unknown = Object.keys(given).filter((k) => !q.params.some((p) => p.name === k));
  if (unknown.length) throw new Error(`${q.name} takes ${describeParams(q)}; not ${unknown.join(', ')}`);
  const missing = q.params.filter((p) => !p.optional && !(p.name in given)).map((p) => p.name);
  if (missing.length) throw new Error(`${q.name} needs --param ${missing.map((m) => `${m}=…`).join(' --param ')} (it takes ${describeParams(q)})`);
  return Object.fromEntries(q.params.map((p) => [p.name, given[p.name] === undefined ? null : paramValue(q, p.name, given[p.name])]));
}

function paramValue(q: NamedQuery, name: string, value: string): string {
  if (!DATE_PARAMS.has(name)) return value;
  const date = normaliseDate(value);
  if (!date) throw new Error(`${q.name}: ${name}=${value} is not a date; write ${DATE_FORMS}`);
  return date;
}

export function describeParams(q: NamedQuery): string {
  return q.params.length ? q.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ') : 'no parameters';
}
