/** `guanxi export`: entity lists as CSV, the graph as GEXF. */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { writeCsvFiles } from '../../graph/export/csv.js';
import { graphGexf } from '../../graph/export/gexf.js';
import { entityTables } from '../../graph/export/tables.js';
import { openStore } from '../../store/open.js';
import { storeOptions, type StoreFlags } from '../options.js';

export function registerExport(program: Command): void {
  storeOptions(
    program
      .command('export')
      .description('write persons, organizations, places, events, titles and participation as CSV, and/or the graph as GEXF (Gephi)')
      .option('--csv <dir>', 'write the CSV files into this folder')
      .option('--bom', 'start each CSV with a UTF-8 byte order mark, so that Excel reads Chinese correctly')
      .option('--gexf <file>', 'write the graph as GEXF'),
  ).action(async (opts: StoreFlags & { csv?: string; bom?: boolean; gexf?: string }) => {
    if (!opts.csv && !opts.gexf) throw new Error('nothing to export: give --csv DIR and/or --gexf FILE');
    const store = await openStore(opts);
    try {
      const graph = await store.graph();
      if (graph.order === 0) console.error(`guanxi: the graph in ${store.location} is empty (run guanxi ingest first)`);
      if (opts.csv) {
        const tables = entityTables(graph);
        const paths = writeCsvFiles(tables, opts.csv, !!opts.bom);
        tables.forEach((t, i) => console.log(`${paths[i]}: ${t.rows.length} rows`));
      }
      if (opts.gexf) {
        writeFileSync(opts.gexf, graphGexf(graph));
        console.log(`${opts.gexf}: ${graph.order} nodes, ${graph.size} edges`);
      }
    } finally {
      await store.close();
    }
  });
}
