/** `guanxi export`: entity lists as CSV, the graph as GEXF. */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { CsvFilesWriter } from '../../graph/export/csv.js';
import { graphGexf } from '../../graph/export/gexf.js';
import { entityTables } from '../../graph/export/tables.js';
import { emptyGraph, type GuanxiGraph } from '../../graph/assemble.js';
import { openStore } from '../../store/open.js';
import { SnapshotGraphStore } from '../../store/snapshot-store.js';
import { writeJournal } from '../../store/snapshot.js';
import { SqliteGraphStore } from '../../store/sqlite-store.js';
import type { DocumentFacts } from '../../graph/model.js';
import type { GraphStore } from '../../store/store.js';
import { storeOptions, type StoreFlags } from '../options.js';

/** Relationships a page of the embedded store's export holds (more only for one node that has more): its memory. */
const PAGE_EDGES = 25_000;

/** The graph in pages: the embedded store's a page at a time, another store's whole. */
async function* graphPages(store: GraphStore): AsyncGenerator<{ keys?: string[]; graph: GuanxiGraph }> {
  if (store instanceof SqliteGraphStore) yield* store.reads.pages(PAGE_EDGES);
  else yield { graph: await store.graph() };
}

/** Every document's facts, as a journal holds them. */
async function journalOf(store: GraphStore): Promise<Iterable<DocumentFacts>> {
  if (store instanceof SqliteGraphStore) return store.reads.documentFacts();
  if (store instanceof SnapshotGraphStore) return store.facts();
  throw new Error('--journal exports the embedded store; Neo4j has its own dumps (neo4j-admin database dump)');
}

export function registerExport(program: Command): void {
  storeOptions(
    program
      .command('export')
      .description('write persons, organizations, places, events, titles and participation as CSV, and/or the graph as GEXF (Gephi)')
      .option('--csv <dir>', 'write the CSV files into this folder')
      .option('--bom', 'start each CSV with a UTF-8 byte order mark, so that Excel reads Chinese correctly')
      .option('--gexf <file>', 'write the graph as GEXF (the whole graph in memory: for a large graph, prefer the CSV files)')
      .option('--journal <file>', "write every document's facts as a JSON Lines journal (guanxi import reads it into any store)"),
  ).action(async (opts: StoreFlags & { csv?: string; bom?: boolean; gexf?: string; journal?: string }) => {
    if (!opts.csv && !opts.gexf && !opts.journal) throw new Error('nothing to export: give --csv DIR, --gexf FILE and/or --journal FILE');
    const store = await openStore(opts);
    try {
      const counts = await store.counts();
      if (!Object.keys(counts).length) console.error(`guanxi: the graph in ${store.location} is empty (run guanxi ingest first)`);
      if (opts.csv) {
        const writer = new CsvFilesWriter(opts.csv, !!opts.bom);
        writer.add(entityTables(emptyGraph())); // the headers, even of an empty graph
        for await (const page of graphPages(store)) writer.add(entityTables(page.graph, page.keys));
        for (const { path, rows } of writer.close()) console.log(`${path}: ${rows} rows`);
      }
      if (opts.journal) {
        const lines = writeJournal(opts.journal, await journalOf(store));
        console.log(`${opts.journal}: ${lines} lines of documents' facts`);
      }
      if (opts.gexf) {
        const graph = await store.graph();
        writeFileSync(opts.gexf, graphGexf(graph));
        console.log(`${opts.gexf}: ${graph.order} nodes, ${graph.size} edges`);
      }
    } finally {
      await store.close();
    }
  });
}
