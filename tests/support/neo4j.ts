/**
 * The real Neo4j the database tests use. With NEO4J_URI set, that server (its data is wiped: point
 * it at a scratch database). Otherwise a local Neo4j 5.26 started on first use on Bolt port 7688
 * (GUANXI_TEST_BOLT_PORT), apart from a development server on 7687, and stopped when mocha ends
 * if this run started it (see hooks.ts).
 */
import { startServer, stopServer, type StartedServer } from '#neo4j-server';

let started: Promise<StartedServer> | null = null;

export const TEST_BOLT_PORT = Number(process.env.GUANXI_TEST_BOLT_PORT ?? 7688);
/** Its own instance folder, so that a GUANXI_NEO4J_HOME set for development is never shared. */
const TEST_HOME = '.cache/neo4j/instance-test';

/** The Bolt URI of the test server, starting it if needed (the first call may take a minute). */
export async function testNeo4jUri(): Promise<string> {
  if (process.env.NEO4J_URI) return process.env.NEO4J_URI;
  started ??= startServer({ boltPort: TEST_BOLT_PORT, home: TEST_HOME, log: () => {} });
  return (await started).uri;
}

/** Stops the test server if this run started it. */
export async function stopTestNeo4j(): Promise<void> {
  if (!started) return;
  const server = await started;
  if (server.startedByUs) await stopServer({ boltPort: TEST_BOLT_PORT, home: TEST_HOME, log: () => {} });
  started = null;
}
