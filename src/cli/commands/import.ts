/** `guanxi import`: a JSON Lines journal (the embedded format of earlier versions, or `export --journal`) into the store. */
import type { Command } from 'commander';
import type { DocumentFacts } from '../../graph/model.js';
import { openStore } from '../../store/open.js';
import { SnapshotStore } from '../../store/snapshot.js';
import { int, Progress } from '../progress.js';
import { storeOptions, type StoreFlags } from '../options.js';
import { countsText } from '../table.js';

/** Relationships a write carries at most: a transaction of a useful size. */
const BATCH_RELATIONSHIPS = 20_000;

export function registerImport(program: Command): void {
  storeOptions(
    program
      .command('import')
      .description('add the documents of a JSON Lines journal (.guanxi/graph.jsonl of earlier versions, or guanxi export --journal) to the graph; documents already stored with the same content are skipped')
      .argument('<journal>', 'the journal file'),
  ).action(async (journal: string, opts: StoreFlags) => {
    const source = SnapshotStore.open(journal);
    for (const warning of source.warnings) console.error(`guanxi: ${warning}`);
    const store = await openStore(opts, 'ingest');
    let documents = 0;
    let skipped = 0;
    const progress = new Progress(() => `import: ${int(documents)} documents (${int(skipped)} already stored)`);
    try {
      let batch: DocumentFacts[] = [];
      let size = 0;
      const flush = async () => {
        if (batch.length) await store.write(batch);
        batch = [];
        size = 0;
      };
      // A document stored with the same content is skipped, all its parts.
      let skipping = false;
      for (const facts of source.facts()) {
        const last = !facts.part || facts.part.last;
        if (!facts.part || facts.part.index === 1) skipping = await store.hasDocument(facts.document, facts.hash);
        if (!skipping) {
          batch.push(facts);
          size += facts.relationships.length;
          if (size >= BATCH_RELATIONSHIPS) await flush();
        } else if (last) skipped++;
        if (last) documents++;
        progress.update();
      }
      await flush();
      progress.done();
      const counts = await store.counts();
      console.log(`graph in ${store.kind} ${store.location}: ${countsText(counts) || 'empty'}`);
    } finally {
      await store.close();
    }
  });
}
