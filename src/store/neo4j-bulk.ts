/**
 * `guanxi ingest --bulk`: the first load of an empty Neo4j database with Neo4j's offline importer,
 * which writes the store files directly and is many times faster than transactions. Later files go
 * in incrementally (`guanxi ingest`), which finds the documents loaded here stored and unchanged.
 *
 * 1. The database must answer and be empty (a bulk load replaces the database's files).
 * 2. The files are read and extracted as by any ingest, into CSV files (neo4j-import-store.ts).
 * 3. For the local server that `npm run neo4j:start` runs (a loopback URI and a server running from
 *    its instance folder): it is stopped, `neo4j-admin database import full` runs on the same jars,
 *    and the server is started again. For any other server, or with --print-command, the command
 *    is printed instead, for its owner to run with the database stopped.
 * 4. finishBulk: the empty lists the importer leaves out are put back, and the constraints and
 *    indexes of cypher/schema.cypher created (`guanxi ingest --finish-bulk` after a printed command).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serverStatus, startServer, stopServer } from '#neo4j-server';
import { cypher } from './cypher-files.js';
import { ingestFiles, type IngestOptions, type IngestSummary } from './ingest.js';
import { loopbackPort } from './local-neo4j.js';
import { displayUri, Neo4jClient, neo4jSettings } from './neo4j.js';
import { importArguments, printedImportCommands, runImport } from './neo4j-admin-import.js';
import { ImportCsvWriter, type ImportFiles } from './neo4j-import-csv.js';
import { Neo4jImportStore } from './neo4j-import-store.js';
import { Neo4jStore } from './neo4j-store.js';

export interface BulkOptions extends IngestOptions {
  uri: string;
  /** Write the files and print the importer's command instead of running it. */
  printCommand?: boolean;
  /** Where the CSV files go: a new or empty folder. Default: a temporary one (removed after a successful import), or ./guanxi-bulk-import when the command is printed. */
  csvDir?: string;
  /** The local server's instance folder (default as scripts/neo4j.mjs: $GUANXI_NEO4J_HOME, else .cache/neo4j/instance-<port>). */
  neo4jHome?: string;
  /** A line for the user at each step. */
  onStep?: (line: string) => void;
}

export interface BulkResult {
  ingest: IngestSummary;
  files: ImportFiles;
  /** The lines to print when the import is left to the user. */
  printed?: string[];
  /** Node and relationship counts after the import (when it ran here). */
  counts?: Record<string, number>;
  /** Milliseconds of each step: reading and extracting, writing the CSV files, stopping the server, importing, starting it, finishing. */
  ms: { extract: number; csv: number; stop: number; import: number; start: number; finish: number };
}

/** Empty lists the importer leaves out (`Label.property` or `TYPE.property`), and the statement that puts them back. */
const EMPTY_LISTS: Record<string, string> = {
  'MENTIONS.titles': 'write/bulk-empty-titles',
  'PARTICIPATED_IN.roles': 'write/bulk-empty-roles',
  'PARTICIPATED_IN.evidence': 'write/bulk-empty-evidence',
  'Event.dates': 'write/bulk-empty-dates',
};

/** The printed command's default folder, in the working directory. */
export const PRINTED_CSV_DIR = 'guanxi-bulk-import';

/** Fails, with what to do instead, unless the database holds no node. */
async function assertEmpty(client: Neo4jClient): Promise<void> {
  const { rows } = await client.query(cypher('read/node-count'));
  const nodes = Number(rows[0].nodes);
  if (nodes > 0) {
    throw new Error(
      `Neo4j at ${displayUri(client.settings.uri)} holds ${nodes.toLocaleString('en-US')} nodes: --bulk loads an empty database only; ingest without --bulk to add to it`,
    );
  }
}

/** The local development server behind the URI, when one runs from its instance folder: it may be stopped and started. */
async function localServer(uri: string, home: string | undefined): Promise<LocalServer | null> {
  const boltPort = loopbackPort(uri);
  if (boltPort === undefined) return null;
  const status = await serverStatus({ boltPort, home, log: () => {} });
  return status.pid !== undefined ? { boltPort, home: status.home } : null;
}

/** A folder for the CSV files: the one given (new or empty), else a default. */
function csvFolder(given: string | undefined, printed: boolean): { dir: string; temporary: boolean } {
  if (given === undefined && !printed) return { dir: mkdtempSync(join(tmpdir(), 'guanxi-bulk-')), temporary: true };
  const dir = resolve(given ?? PRINTED_CSV_DIR);
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${dir} is not empty: give --csv-dir a new or empty folder`);
  return { dir, temporary: false };
}

const since = (t: number) => Date.now() - t;

export async function bulkIngest(files: readonly string[], options: BulkOptions): Promise<BulkResult> {
  const step = options.onStep ?? (() => {});
  const local = options.printCommand ? null : await localServer(options.uri, options.neo4jHome);
  const client = await Neo4jClient.connect(neo4jSettings(options.uri));
  let database: string;
  let folder: { dir: string; temporary: boolean };
  try {
    await assertEmpty(client);
    database = String((await client.query(cypher('read/database-name'))).rows[0].name);
    folder = csvFolder(options.csvDir, !local);
  } catch (err) {
    await client.close();
    throw err;
  }
  const ms = { extract: 0, csv: 0 };
  let written: ImportFiles;
  let ingest: IngestSummary;
  try {
    const store = new Neo4jImportStore(new ImportCsvWriter(folder.dir), displayUri(options.uri));
    ingest = await ingestFiles(files, store, options);
    const t = Date.now();
    written = store.finish();
    ms.csv = store.writeMs + since(t);
    ms.extract = ingest.elapsed - store.writeMs;
    if (!store.documentCount) throw new Error('no file could be read: there is nothing to import');
    step(`wrote ${written.nodeCount.toLocaleString('en-US')} nodes and ${written.relationshipCount.toLocaleString('en-US')} relationships of ${store.documentCount} documents to ${folder.dir}`);
    // Someone may have written to the database while the files were read.
    if (local) await assertEmpty(client);
  } catch (err) {
    if (folder.temporary) rmSync(folder.dir, { recursive: true, force: true });
    throw err;
  } finally {
    await client.close();
  }
  if (!local) {
    const printed = printedImportCommands(written, database, displayUri(options.uri));
    return { ingest, files: written, printed, ms: { ...ms, stop: 0, import: 0, start: 0, finish: 0 } };
  }

  const loaded = await importOnLocalServer(written, local, database, options.uri, step);
  if (folder.temporary) rmSync(folder.dir, { recursive: true, force: true });
  return { ingest, files: written, counts: loaded.counts, ms: { ...ms, ...loaded.ms } };
}

/** A server `npm run neo4j:start` (scripts/neo4j.mjs) runs: its Bolt port and instance folder. */
export interface LocalServer {
  boltPort: number;
  home: string;
}

/**
 * Imports the files into the database of a local server: stops it, runs the importer, starts it
 * again (also when the import fails), and finishes the load. The import's log and report go next to
 * the files. Returns the counts and the milliseconds of each step.
 */
export async function importOnLocalServer(
  written: ImportFiles,
  server: LocalServer,
  database: string,
  uri: string,
  step: (line: string) => void = () => {},
): Promise<{ counts: Record<string, number>; ms: { stop: number; import: number; start: number; finish: number } }> {
  const ms = { stop: 0, import: 0, start: 0, finish: 0 };
  let t = Date.now();
  step(`stopping the local Neo4j of ${server.home} (the importer needs the database stopped) …`);
  await stopServer({ ...server, log: () => {} });
  ms.stop = since(t);
  t = Date.now();
  let failed: unknown;
  try {
    step('importing with neo4j-admin database import full …');
    const args = importArguments(written, database, (f) => f, join(written.dir, 'import.report'));
    await runImport(args, server.home, join(written.dir, 'import.log'));
    ms.import = since(t);
  } catch (err) {
    // A failed import leaves store files the server cannot open; the database was empty, so it is
    // removed, and the server creates it empty again on start.
    failed = err;
    for (const folder of ['databases', 'transactions']) rmSync(join(server.home, 'data', folder, database), { recursive: true, force: true });
  }
  t = Date.now();
  step(`starting the local Neo4j of ${server.home} again …`);
  try {
    await startServer({ ...server, log: () => {} });
  } catch (err) {
    throw failed ?? err;
  }
  ms.start = since(t);
  if (failed) throw new Error(`${(failed as Error).message}\nthe database is empty again, as before; the CSV files are kept in ${written.dir}`);
  t = Date.now();
  const counts = await finishBulk(uri, written.emptyLists);
  ms.finish = since(t);
  return { counts, ms };
}

/**
 * What follows the importer, with the server running: the empty lists it left out put back (those
 * counted when the files were written; all kinds when not known), the schema created and its indexes
 * populated. Returns the node and relationship counts.
 */
export async function finishBulk(uri: string, emptyLists?: Record<string, number>): Promise<Record<string, number>> {
  const store = await Neo4jStore.connect(uri);
  try {
    for (const property of Object.keys(emptyLists ?? {})) {
      if (!EMPTY_LISTS[property]) throw new Error(`no statement puts back the empty lists of ${property} (EMPTY_LISTS in src/store/neo4j-bulk.ts)`);
    }
    for (const [property, statement] of Object.entries(EMPTY_LISTS)) {
      if (!emptyLists || emptyLists[property]) await store.client.runAutoCommit(cypher(statement), {});
    }
    await store.ensureSchema();
    await store.client.query(cypher('read/await-indexes'), { seconds: 600 });
    const { rows } = await store.client.query(cypher('read/counts'));
    return Object.fromEntries(rows.map((r) => [String(r.name), Number(r.count)]));
  } finally {
    await store.close();
  }
}
