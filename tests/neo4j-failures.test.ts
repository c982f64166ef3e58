/**
 * Failures that say what to do: a Neo4j that is unreachable, frozen (it accepts connections and
 * never answers, as a stopped process does) or misnamed (NEO4J_DATABASE) fails the command within a
 * bounded time with one `guanxi: …` line and a non-zero exit; an ingest cut off says it is incomplete
 * and that running it again completes it, and the re-run does. Reading commands create no schema.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SAMPLE, PACKAGE_ROOT } from '../src/paths.js';
import { cypherScript } from '../src/store/cypher-files.js';
import { neo4jSettings } from '../src/store/neo4j.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

interface Run {
  status: number | null;
  stderr: string;
  stdout: string;
  ms: number;
}

/** Runs the CLI without blocking this process (a proxy in it must keep serving), killed after `killAfterMs`. */
function cli(args: string[], env: Record<string, string>, killAfterMs = 60_000, onStdout?: (text: string, stop: () => void) => void): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, GUANXI_NEO4J_CONNECT_TIMEOUT: '2', GUANXI_NEO4J_TIMEOUT: '3', ...env } });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    onStdout?.(stdout, () => child.kill('SIGTERM'));
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.once('close', (status) => {
      clearTimeout(killer);
      resolve({ status, stderr, stdout, ms: Date.now() - started });
    }),
  );
}

/** A TCP proxy to Neo4j that can freeze: it then keeps every connection open and passes nothing on. */
async function freezableProxy(targetPort: number): Promise<{ uri: string; freeze(): void; close(): Promise<void> }> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (d) => frozen || upstream.write(d));
    upstream.on('data', (d) => frozen || client.write(d));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => frozen || client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    uri: `bolt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => (frozen = true),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}


describe('Neo4j failures', function () {
  this.timeout(120_000);
  let uri: string;
  let store: Neo4jStore;
  let dir: string;
  let files: string[];

  before(async () => {
    uri = await testNeo4jUri();
    store = await Neo4jStore.connect(uri, { schema: true });
    dir = mkdtempSync(join(tmpdir(), 'guanxi-failures-'));
    mkdirSync(join(dir, 'pages'));
    files = Array.from({ length: 12 }, (_, i) => {
      const f = join(dir, 'pages', `page-${String(i).padStart(2, '0')}.txt`);
      copyFileSync(DEFAULT_SAMPLE, f);
      return f;
    });
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unreachable server: a one-line error, exit 2, and ingest says nothing was ingested', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await cli(['ingest', DEFAULT_SAMPLE], { NEO4J_URI: `bolt://127.0.0.1:${port}` });
    expect(r.status, r.stderr).to.equal(2);
    expect(r.stderr).to.match(/^guanxi: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:\d+: .*nothing was ingested: run the same command again/);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
  });

  it('a frozen server: fails within the connect timeout and exits 2', async () => {
    const proxy = await freezableProxy(Number(new URL(uri).port));
    proxy.freeze();
    try {
      for (const args of [['ingest', DEFAULT_SAMPLE], ['query', '--name', 'events-of-person', '--param', 'name=张飞'], ['export', '--csv', join(dir, 'csv')]]) {
        const r = await cli(args, { NEO4J_URI: proxy.uri }, 30_000);
        expect(r.status, `${args[0]}: ${r.stderr}`).to.equal(2);
        expect(r.stderr, args[0]).to.match(/^guanxi: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ did not answer within 2 s/);
        expect(r.ms, args[0]).to.be.below(15_000);
      }
    } finally {
      await proxy.close();
    }
  });

  it('a misnamed database (NEO4J_DATABASE): says so, closes the driver and exits 2', async () => {
    for (const args of [['ingest', DEFAULT_SAMPLE], ['query', '--name', 'events-of-person', '--param', 'name=张飞'], ['export', '--gexf', join(dir, 'g.gexf')]]) {
      const r = await cli(args, { NEO4J_URI: uri, NEO4J_DATABASE: 'nosuchgraph' }, 30_000);
      expect(r.status, `${args[0]}: ${r.stderr}`).to.equal(2);
      expect(r.stderr, args[0]).to.match(/^guanxi: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ has no database "nosuchgraph" \(NEO4J_DATABASE\)/);
      expect(r.ms, args[0]).to.be.below(15_000);
    }
  });

  it('a server that freezes during ingest: the ingest stops in bounded time, says it is incomplete, and a re-run completes it', async () => {
    await wipeTestDatabase(store.client);
    const proxy = await freezableProxy(Number(new URL(uri).port));
    try {
      // Through the proxy's port, the test server's password is not found by port: given here.
      const password = neo4jSettings(uri).password;
      // A cold server may take seconds for its first writes: a transaction limit that does not cut those short.
      const run = cli(['ingest', '--batch', '1', ...files], { NEO4J_URI: proxy.uri, GUANXI_NEO4J_TIMEOUT: '10', ...(password && { NEO4J_PASSWORD: password }) }, 90_000);
      let exited = false;
      void run.then(() => (exited = true));
      // Freeze once some, but not all, documents are stored.
      for (;;) {
        const n = Number((await store.client.query('MATCH (d:Document) RETURN count(d) AS n')).rows[0].n);
        if (n >= 2 || exited) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      proxy.freeze();
      const r = await run;
      expect(r.status, r.stderr).to.equal(2);
      expect(r.stderr, r.stderr).to.match(/did not answer within \d+ s; the ingest is incomplete .*what was stored is kept, and running the same command again completes it/);
      expect(r.ms).to.be.below(60_000);
      const partial = Number((await store.client.query('MATCH (d:Document) RETURN count(d) AS n')).rows[0].n);
      expect(partial).to.be.below(files.length);
    } finally {
      await proxy.close();
    }
    const rerun = await cli(['ingest', ...files], { NEO4J_URI: uri });
    expect(rerun.status, rerun.stderr).to.equal(0);
    expect(Number((await store.client.query('MATCH (d:Document) RETURN count(d) AS n')).rows[0].n)).to.equal(files.length);
  });

  it('a transaction over GUANXI_NEO4J_TIMEOUT: stopped in Neo4j, and said so', async () => {
    const r = await cli(['query', 'UNWIND range(1, 5000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n'], { NEO4J_URI: uri, GUANXI_NEO4J_TIMEOUT: '1' }, 30_000);
    expect(r.status, r.stderr).to.equal(2);
    expect(r.stderr).to.match(/^guanxi: a transaction ran over 1 s and Neo4j stopped it \(GUANXI_NEO4J_TIMEOUT/);
    expect(r.ms).to.be.below(15_000);
  });

  it('reading commands (query, export, serve) create no constraints or indexes', async () => {
    for (const statement of cypherScript('test/drop-schema')) await store.client.query(statement, {}, true);
    const schema = async () => (await store.client.query('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n')).rows[0].n;
    try {
      expect(await schema()).to.equal(0);
      const env = { NEO4J_URI: uri };
      expect((await cli(['query', '--name', 'events-of-person', '--param', 'name=张飞'], env)).status).to.equal(0);
      expect((await cli(['export', '--gexf', join(dir, 'read.gexf')], env)).status).to.equal(0);
      const serve = await cli(['serve', '--port', '0'], env, 30_000, (out, stop) => out.includes('guanxi viewer:') && stop());
      expect(serve.stdout).to.include('guanxi viewer:');
      expect(await schema()).to.equal(0);
    } finally {
      await store.ensureSchema();
    }
  });
});
