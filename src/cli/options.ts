/** Options several commands share: where the graph is, and the extraction context. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { lookupHome } from '../extract/context.js';
import { defaultJobs } from '../extract/parallel.js';
import { DATE_FORMS, normaliseDate } from '../ingest/dates.js';

export interface StoreFlags {
  neo4j?: string;
  snapshot?: string;
}

export function storeOptions(command: Command): Command {
  return command
    .option('--neo4j <uri>', 'use Neo4j at this URI (bolt:// or neo4j:// for a cluster or Aura; default: $NEO4J_URI). Credentials come from $NEO4J_USER and $NEO4J_PASSWORD')
    .option('--snapshot <file>', 'the embedded store used when no Neo4j is configured: an SQLite file (default: $GUANXI_SNAPSHOT or .guanxi/graph.db), or a JSON Lines journal for a path ending in .jsonl');
}

/** A plain Error, not commander's InvalidArgumentError: it ends the command with one line, not the help. */
function dateArgument(value: string): string {
  const date = normaliseDate(value);
  if (!date) throw new Error(`--date ${value}: not a date; write ${DATE_FORMS}`);
  return date;
}

function homePlace(value: string): string {
  if (!lookupHome(value)) throw new InvalidArgumentError(`"${value}" is no city or county in the gazetteer (try 许昌 or 许昌市)`);
  return value;
}

export const dateOption = () =>
  new Option('--date <YYYY-MM-DD>', "publication date (also 2023年2月18日, 20230218, 2023/02/18, 2023.02.18): resolves 2月18日 and 24日 (default: a record's date, else inferred)").argParser(dateArgument);
export const homeOption = () =>
  new Option('--home <place>', "the paper's home city or county: resolves 市委, 我市, 来许 (default: inferred)").argParser(homePlace);

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, 1 or more');
  return n;
}

export const jobsOption = () =>
  new Option('--jobs <n>', 'extract on this many threads (default: the cores this process may use)').argParser(positiveInteger).default(defaultJobs());
