/**
 * `neo4j-admin database import full` over the files of neo4j-import-csv.ts: its arguments, run on
 * the jars `npm run neo4j:start` uses (org.neo4j.cli.AdminTool is neo4j-admin's main class), or
 * printed as the command to run by hand where the server is not this machine's local one.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensureJars, javaCommand } from '#neo4j-server';
import { ARRAY_DELIMITER_ARGUMENT, type ImportFiles } from './neo4j-import-csv.js';

/** The image of docker-compose.yml. */
export const NEO4J_IMAGE = 'neo4j:5.26-community';

/**
 * The importer's arguments. `place` gives a file's path where the importer reads it (a container's
 * /import folder); `report` is where it writes what it refused.
 */
export function importArguments(files: ImportFiles, database: string, place: (file: string) => string, report: string): string[] {
  const multiline = files.multiline.map(place);
  if (multiline.some((path) => path.includes(','))) throw new Error(`${files.dir}: the importer's list of files cannot name a folder with a comma in it`);
  return [
    'database', 'import', 'full', database,
    // The database exists (Neo4j creates it on first start): it is checked empty before, and replaced.
    '--overwrite-destination=true',
    `--array-delimiter=${ARRAY_DELIMITER_ARGUMENT}`,
    // '' is a string the incremental writer stores, not a missing value.
    '--ignore-empty-strings=false',
    `--report-file=${report}`,
    ...files.nodes.map((f) => `--nodes=${place(f)}`),
    ...files.relationships.map((f) => `--relationships=${place(f)}`),
    // Only the files with values spanning lines are read the slower way that allows them.
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
  ];
}

/** A word as the shell reads it back unchanged. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

const shell = (words: string[]) => words.map(shellWord).join(' ');

/**
 * The commands that import the files by hand, as lines to print: with neo4j-admin where Neo4j is
 * installed (from inside the folder, which can be copied to the server), with the repository's
 * docker-compose.yml, and with the official image and a data volume of your own.
 */
export function printedImportCommands(files: ImportFiles, database: string, uri: string): string[] {
  const here = (f: string) => basename(f);
  const inContainer = (f: string) => `/import/${basename(f)}`;
  const admin = ['neo4j-admin', ...importArguments(files, database, here, 'import.report')];
  const containerArgs = importArguments(files, database, inContainer, '/data/import.report');
  return [
    `The CSV files are in ${files.dir}. With the database ${database} stopped, import them in one of these ways:`,
    '',
    '  # where Neo4j 5.26 is installed (copy the folder to the server first if it is another machine):',
    `  cd ${shellWord(files.dir)} && ${shell(admin)}`,
    '',
    "  # with this repository's docker-compose.yml:",
    `  docker compose stop neo4j && docker compose run --rm --no-deps -v ${shellWord(`${files.dir}:/import`)} neo4j ${shell(['neo4j-admin', ...containerArgs])} && docker compose start neo4j`,
    '',
    '  # with the official image and the data volume of your container (stopped) in place of NEO4J_DATA:',
    `  docker run --rm -v ${shellWord(`${files.dir}:/import`)} -v NEO4J_DATA:/data ${NEO4J_IMAGE} ${shell(['neo4j-admin', ...containerArgs])}`,
    '',
    `Then, with Neo4j running again: guanxi ingest --finish-bulk --neo4j ${shellWord(uri)}`,
    '(puts back the empty lists the importer leaves out, and creates the constraints and indexes).',
  ];
}

/**
 * Runs the importer for the Neo4j instance in `home` (its conf/neo4j.conf names the data folder),
 * its output going to `log`. Rejects with the output's last lines when it fails.
 */
export async function runImport(args: string[], home: string, log: string): Promise<void> {
  const lib = ensureJars({ log: () => {} });
  const out = openSync(log, 'w');
  try {
    const code = await new Promise<number | string>((done, fail) => {
      const child = spawn(javaCommand(), ['-cp', join(lib, '*'), 'org.neo4j.cli.AdminTool', ...args], {
        env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
        stdio: ['ignore', out, out],
      });
      child.once('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? new Error(`${javaCommand()} not found: install Java 17 or 21, or set JAVA_HOME`) : error));
      child.once('exit', (status, signal) => done(status ?? signal ?? 'unknown'));
    });
    if (code !== 0) throw new Error(`neo4j-admin database import failed (${code}); see ${log}:\n${lastLines(log)}`);
  } finally {
    closeSync(out);
  }
}

/** The importer's last lines worth reading (not its progress dots). */
function lastLines(file: string, count = 12): string {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !/^[-.]{5}/.test(line))
    .slice(-count)
    .join('\n');
}
