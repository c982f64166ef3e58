/** `guanxi remove PATH…`: documents' facts out of the graph. */
import type { Command } from 'commander';
import { documentsAt } from '../../store/documents.js';
import { openStore } from '../../store/open.js';
import { storeOptions, type StoreFlags } from '../options.js';
import { countsText } from '../table.js';

export function registerRemove(program: Command): void {
  storeOptions(
    program
      .command('remove')
      .description('take documents out of the graph: their facts, and the entities no other document supports')
      .argument('<paths...>', 'files ingested before (whether or not they still exist), folders of them, or source ids'),
  ).action(async (paths: string[], opts: StoreFlags) => {
    const store = await openStore(opts);
    try {
      const stored = await store.documents();
      const ids = new Set<string>();
      for (const path of paths) {
        const found = documentsAt(stored, path);
        if (!found.length) {
          console.error(`guanxi: ${path}: no document in the graph was read from it`);
          process.exitCode = 1;
        }
        for (const d of found) ids.add(d.id);
      }
      await store.remove([...ids]);
      const counts = await store.counts();
      console.log(`removed ${ids.size} document${ids.size === 1 ? '' : 's'}; graph in ${store.kind} ${store.location}: ${countsText(counts) || 'empty'}`);
    } finally {
      await store.close();
    }
  });
}
