/** `guanxi ingest`: files into the graph (the embedded store, or Neo4j when configured). */
import { InvalidArgumentError, type Command } from 'commander';
import { DETECTED_ENCODINGS } from '../../ingest/decode.js';
import { Identities } from '../../graph/identities.js';
import { identitiesPath, IDENTITIES_FILE, openStore } from '../../store/open.js';
import { ingestFiles, pruneDocuments } from '../../store/ingest.js';
import { DEFAULT_SAMPLE } from '../../paths.js';
import { int, Progress, rate } from '../progress.js';
// Bulk loading (and neo4j-driver with it) is imported when asked for: every other command starts faster.
import type { BulkFlags } from './ingest-bulk.js';
import { storeOptions, type StoreFlags, dateOption, homeOption, jobsOption } from '../options.js';
import { countsText } from '../table.js';

export function registerIngest(program: Command): void {
  storeOptions(
    program
      .command('ingest')
      .description(`read page dumps or JSON Lines, extract, and add them to the graph; unchanged files already in are skipped; ${DETECTED_ENCODINGS} are detected`)
      .argument('[files...]', 'input files (default: the bundled sample page, unless --prune is given)'),
  )
    .addOption(dateOption())
    .addOption(homeOption())
    .addOption(jobsOption())
    .option('--prune', 'then remove the documents whose files no longer exist')
    .option('--identities <file>', `corrections to who is who: merge, split, not-a-person, alias (docs/identities.md); default: $GUANXI_IDENTITIES, else ${IDENTITIES_FILE} beside the embedded store if there is one`)
    .option('--source-id <id>', "the document's id in the graph instead of the file's path (one file)")
    .option('--batch <relationships>', 'relationships per Neo4j transaction (a smaller batch loses less to a crash, a larger one writes faster)', positiveInt, 20_000)
    .option('--bulk', "first load of an empty Neo4j database with neo4j-admin's importer: stops and restarts the local server of `npm run neo4j:start`, prints the command for any other")
    .option('--print-command', 'with --bulk: write the CSV files and print the import command instead of running it')
    .option('--csv-dir <folder>', `with --bulk: a new or empty folder for the CSV files (default: a temporary one; ./guanxi-bulk-import with --print-command)`)
    .option('--finish-bulk', 'after a printed bulk import, with Neo4j running: put back the empty lists the importer leaves out, create the schema')
    .action(async (files: string[], opts: StoreFlags & BulkFlags & { date?: string; home?: string; jobs: number; batch: number; prune?: boolean; sourceId?: string; identities?: string; bulk?: boolean; finishBulk?: boolean }) => {
      const inputs = files.length || opts.prune ? files : [DEFAULT_SAMPLE];
      if (opts.sourceId !== undefined && inputs.length !== 1) throw new Error(`--source-id ${opts.sourceId}: names one document; give exactly one file with it`);
      if (opts.finishBulk) {
        if (files.length || opts.bulk || opts.prune) throw new Error('--finish-bulk takes no files and goes alone: it finishes an import already done');
        return (await import('./ingest-bulk.js')).runFinishBulk(opts);
      }
      // Read before anything is opened: a mistake in it stops the ingest with its file and line.
      const identitiesFile = identitiesPath(opts, opts.identities);
      const identities = identitiesFile ? Identities.read(identitiesFile) : undefined;
      if (identities) console.error(`guanxi: identities: ${identitiesFile} (${identities.directives.length} directive${identities.directives.length === 1 ? '' : 's'})`);
      if (opts.bulk) {
        if (opts.prune) throw new Error('--bulk loads an empty database: there is nothing to --prune');
        return (await import('./ingest-bulk.js')).runBulkIngest(inputs, { ...opts, identities });
      }
      if (opts.printCommand || opts.csvDir) throw new Error('--print-command and --csv-dir go with --bulk');
      const store = await openStore(opts, 'ingest').catch((err: Error) => {
        throw new Error(`${err.message}; nothing was ingested: run the same command again once that is fixed`);
      });
      let last = { files: 0, totalFiles: inputs.length, skipped: 0, articles: 0, relationships: 0, elapsed: 0 };
      try {
        const progress = new Progress(
          () =>
            `ingest: ${int(last.files)}/${int(last.totalFiles)} files (${int(last.skipped)} unchanged), ${int(last.articles)} articles, ` +
            `${int(last.relationships)} relationships written (${rate(last.relationships, last.elapsed)}/s, ${rate(last.articles, last.elapsed)} articles/s)`,
        );
        const summary = await ingestFiles(inputs, store, {
          date: opts.date,
          home: opts.home,
          sourceId: opts.sourceId,
          identities,
          jobs: opts.jobs,
          batchRelationships: opts.batch,
          onProgress: (p) => {
            last = p;
            if (inputs.length) progress.update();
          },
          onProblem: (m) => progress.log(m),
        });
        if (inputs.length) progress.done();
        // After the ingest, so that a file moved since the last one is found moved, not gone.
        if (opts.prune) for (const d of await pruneDocuments(store)) console.error(`guanxi: ${d.path ?? d.id}: file gone; removed from the graph`);
        const counts = await store.counts();
        console.log(`graph in ${store.kind} ${store.location}: ${countsText(counts)}`);
        if (summary.failed) process.exitCode = 1;
      } catch (err) {
        // What is stored stays (documents are marked stored only with all their facts), so a re-run finishes the rest.
        throw new Error(`${(err as Error).message}; the ingest is incomplete (${int(last.files)} of ${int(last.totalFiles)} files read): what was stored is kept, and running the same command again completes it`);
      } finally {
        await store.close();
      }
    });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}
