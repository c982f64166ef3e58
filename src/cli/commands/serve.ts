/** `guanxi serve`: the graph viewer and its JSON API, until Ctrl-C. */
import { spawn } from 'node:child_process';
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_OVERVIEW_NODES } from '../../server/graph-view.js';
import { openStore } from '../../store/open.js';
import { storeOptions, type StoreFlags } from '../options.js';

const DEFAULT_PORT = 7478;

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0 for any free port)');
  return n;
}

function overviewSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of nodes, 1 or more');
  return n;
}

/** Opens the address in the desktop's browser; failing quietly, as the address is printed anyway. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  spawn(command, args, { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}

export function registerServe(program: Command): void {
  storeOptions(
    program
      .command('serve')
      .description('show the graph in the browser (Sigma.js viewer) with a JSON API; reads Neo4j when configured, else the embedded store; shows what later ingests add without a restart')
      .option('--port <n>', `port to listen on (0: any free port)`, portNumber, DEFAULT_PORT)
      .option('--host <host>', 'address to bind; other than 127.0.0.1, anyone who can reach it can read the graph', '127.0.0.1')
      .option('--open', 'open the viewer in the default browser')
      .option('--overview <nodes>', 'nodes the viewer is sent at most: the most connected ones of a larger graph', overviewSize, DEFAULT_OVERVIEW_NODES),
  ).action(async (opts: StoreFlags & { port: number; host: string; open?: boolean; overview: number }) => {
    const store = await openStore(opts);
    let server;
    try {
      // The server (and neo4j-driver with it) loads only for serve: every other command starts faster.
      const { createViewerServer } = await import('../../server/app.js');
      server = await createViewerServer({ store, host: opts.host, port: opts.port, overviewNodes: opts.overview });
    } catch (err) {
      await store.close();
      const code = (err as { code?: string }).code;
      if (code === 'EADDRINUSE') throw new Error(`port ${opts.port} is in use: give another with --port N (0 picks a free one)`);
      throw err;
    }
    const { nodes, edges, overview } = server.view.meta();
    const part = overview < nodes ? `; the viewer is sent the ${overview} most connected` : '';
    console.log(`guanxi viewer: ${server.url}  (${store.kind} ${store.location}: ${nodes} nodes, ${edges} edges${part}; Ctrl-C stops it)`);
    if (nodes === 0) console.error(`guanxi: the graph is empty; run guanxi ingest first (with no file, it ingests the bundled sample page)`);
    if (opts.open) openBrowser(server.url);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Killing what started it (npx, a shell script) sends no signal here: stop when it is gone.
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) stop();
      }, 1000).unref();
    });
    await server.close();
    await store.close();
  });
}
