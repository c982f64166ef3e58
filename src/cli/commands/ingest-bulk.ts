/** `guanxi ingest --bulk` and `--finish-bulk`: a first load with Neo4j's importer (src/store/neo4j-bulk.ts). */
import type { Identities } from '../../graph/identities.js';
import { bulkIngest, finishBulk } from '../../store/neo4j-bulk.js';
import { displayUri } from '../../store/neo4j.js';
import { int, Progress, rate } from '../progress.js';
import { countsText } from '../table.js';

export interface BulkFlags {
  neo4j?: string;
  date?: string;
  home?: string;
  sourceId?: string;
  identities?: Identities;
  jobs: number;
  batch: number;
  printCommand?: boolean;
  csvDir?: string;
}

/** The Neo4j URI a bulk load needs: the flag's or $NEO4J_URI. */
function neo4jUri(flags: { neo4j?: string }, flag: string): string {
  const uri = flags.neo4j ?? process.env.NEO4J_URI;
  if (!uri) throw new Error(`${flag} loads Neo4j: give --neo4j <uri> or set NEO4J_URI`);
  return uri;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runBulkIngest(inputs: string[], flags: BulkFlags): Promise<void> {
  const uri = neo4jUri(flags, '--bulk');
  let last = { files: 0, totalFiles: inputs.length, articles: 0, relationships: 0, elapsed: 0 };
  const progress = new Progress(
    () => `ingest --bulk: ${int(last.files)}/${int(last.totalFiles)} files, ${int(last.articles)} articles, ${int(last.relationships)} relationships written to CSV (${rate(last.articles, last.elapsed)} articles/s)`,
  );
  // The progress of reading ends where the steps after it begin.
  let reading = true;
  const endReading = () => {
    if (reading) progress.done();
    reading = false;
  };
  const result = await bulkIngest(inputs, {
    uri,
    printCommand: flags.printCommand,
    csvDir: flags.csvDir,
    date: flags.date,
    home: flags.home,
    sourceId: flags.sourceId,
    identities: flags.identities,
    jobs: flags.jobs,
    batchRelationships: flags.batch,
    onProgress: (p) => {
      last = p;
      progress.update();
    },
    onProblem: (m) => progress.log(m),
    onStep: (m) => {
      endReading();
      console.error(`ingest --bulk: ${m}`);
    },
  });
  endReading();
  if (result.ingest.failed) process.exitCode = 1;
  if (result.printed) {
    for (const line of result.printed) console.log(line);
    return;
  }
  const { ms, files } = result;
  const load = ms.csv + ms.stop + ms.import + ms.start + ms.finish;
  console.log(`graph in neo4j ${displayUri(uri)}: ${countsText(result.counts!)}`);
  console.log(
    `bulk load: ${int(files.relationshipCount)} relationships in ${seconds(load)}, ${rate(files.relationshipCount, load)}/s ` +
      `(CSV ${seconds(ms.csv)}, server stopped ${seconds(ms.stop)}, import ${seconds(ms.import)}, started ${seconds(ms.start)}, ` +
      `empty lists and schema ${seconds(ms.finish)}; reading and extraction's ${seconds(ms.extract)} not counted)`,
  );
}

export async function runFinishBulk(flags: { neo4j?: string }): Promise<void> {
  const uri = neo4jUri(flags, '--finish-bulk');
  const counts = await finishBulk(uri);
  console.log(`graph in neo4j ${displayUri(uri)}: ${countsText(counts)}`);
}
