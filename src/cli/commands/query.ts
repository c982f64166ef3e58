/** `guanxi query`: Cypher against Neo4j (read-only unless --write), or a named query against either store. */
import { Option, type Command } from 'commander';
import { csvText } from '../../graph/export/csv.js';
import type { QueryRows } from '../../store/store.js';
import { bindParams, describeParams, namedQuery, namedQueryNames } from '../../store/named-queries.js';
import type { Neo4jStore } from '../../store/neo4j-store.js';
import { openStore } from '../../store/open.js';
import { storeOptions, type StoreFlags } from '../options.js';
import { table } from '../table.js';

function collectParam(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0) throw new Error(`--param ${value}: expected key=value`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cell).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

const clip = (s: string, max = 48) => ([...s].length > max ? [...s].slice(0, max - 1).join('') + '…' : s);

export function formatResult(result: QueryRows, format: 'table' | 'json' | 'csv'): string {
  if (format === 'json') return JSON.stringify(result.rows, null, 2);
  if (format === 'csv') return csvText(result.columns, result.rows.map((r) => Object.fromEntries(result.columns.map((c) => [c, cell(r[c])]))));
  const rows = result.rows.map((r) => result.columns.map((c) => cell(r[c])));
  return `${table(result.columns, rows.map((r) => r.map((v) => clip(v))))}\n(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`;
}

function listQueries(): string {
  return namedQueryNames()
    .map((n) => {
      const q = namedQuery(n);
      return `  ${n} (${describeParams(q)})\n      ${q.description}`;
    })
    .join('\n');
}

export function registerQuery(program: Command): void {
  storeOptions(
    program
      .command('query')
      .description('run Cypher (Neo4j; read-only unless --write) or a named query from cypher/queries (Neo4j or the embedded store)')
      .argument('[cypher]', 'a Cypher statement; use $names for parameters')
      .option('--name <query>', 'run a named query (see --list)')
      .option('--param <key=value>', 'a query parameter (repeatable)', collectParam, {})
      .option('--list', 'list the named queries and their parameters')
      .option('--write', 'allow the statement to change the graph')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table')),
  ).action(async (statement: string | undefined, opts: StoreFlags & { name?: string; param: Record<string, string>; list?: boolean; write?: boolean; format: 'table' | 'json' | 'csv' }) => {
    if (opts.list) {
      console.log(`named queries (cypher/queries/*.cypher):\n${listQueries()}`);
      return;
    }
    if (!statement === !opts.name) throw new Error('give either a Cypher statement or --name QUERY (guanxi query --list shows the named queries)');
    const store = await openStore(opts);
    try {
      let result;
      if (opts.name) {
        const q = namedQuery(opts.name);
        const params = bindParams(q, opts.param);
        result = await store.namedQuery(q.name, params);
      } else {
        if (store.kind !== 'neo4j') {
          throw new Error('Cypher needs Neo4j: give --neo4j URI or set NEO4J_URI (npm run neo4j:start runs one here); named queries also work on the embedded store: guanxi query --name …');
        }
        result = await (store as Neo4jStore).client.query(statement!, opts.param, !!opts.write);
      }
      // CSV ends its records itself (CRLF); the other formats end with their last line.
      process.stdout.write(opts.format === 'csv' ? formatResult(result, 'csv') : `${formatResult(result, opts.format)}\n`);
    } finally {
      await store.close();
    }
  });
}
