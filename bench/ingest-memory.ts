/**
 * The memory and time of ingesting files, the store left out: the facts go to a store that counts
 * them and keeps nothing, so the peak RSS is the client's own (reading, extraction on the worker
 * threads, facts, the writer's batches), whatever the store would hold.
 *
 *   npm run build && node dist/bench/ingest-memory.js FILE… [--jobs N]
 */
import { ingestFiles } from '../src/store/ingest.js';
import type { DocumentSink } from '../src/store/store.js';
import { defaultJobs } from '../src/extract/parallel.js';

/** A store that takes every write and keeps only counts. */
function countingStore(): DocumentSink & { documents_: number; relationships: number } {
  const store = {
    documents_: 0,
    relationships: 0,
    hasDocument: async () => false,
    write: async (batch: Parameters<DocumentSink['write']>[0]) => {
      for (const facts of batch) {
        store.relationships += facts.relationships.length;
        if (!facts.part || facts.part.last) store.documents_++;
      }
    },
    documents: async () => [],
    remove: async () => {},
  };
  return store;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--jobs');
  const jobs = at >= 0 ? Number(args.splice(at, 2)[1]) : defaultJobs();
  if (!args.length) throw new Error('usage: node dist/bench/ingest-memory.js FILE… [--jobs N]');
  const store = countingStore();
  const start = Date.now();
  const summary = await ingestFiles(args, store, { jobs, onProblem: (m) => console.error(m) });
  const seconds = (Date.now() - start) / 1000;
  const maxRss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${args.join(' ')}: jobs ${jobs}, ${summary.articles} articles, ${store.relationships} relationships, ${store.documents_} documents in ${seconds.toFixed(1)} s; ` +
      `peak RSS ${maxRss.toFixed(0)} MiB`,
  );
}

await main();
