/**
 * The real Neo4j the database tests use, never a user's: a local Neo4j 5.26 started on first use on
 * Bolt port 7688 (GUANXI_TEST_BOLT_PORT), apart from a development server on 7687, and stopped when
 * mocha ends if this run started it (see hooks.ts); or the server of GUANXI_TEST_NEO4J_URI (with
 * GUANXI_TEST_NEO4J_USER, _PASSWORD, _DATABASE). NEO4J_URI and the other variables guanxi reads are
 * cleared when this module loads, so no test, nor any CLI a test spawns, reaches the user's database.
 * The tests wipe their database only when it is empty or holds their marker node.
 */
import { startServer, stopServer, type StartedServer } from '#neo4j-server';
import { cypher } from '../../src/store/cypher-files.js';
import { displayUri, Neo4jClient, neo4jSettings } from '../../src/store/neo4j.js';

const USER_VARIABLES = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;

/** Where the tests' Neo4j comes from, given the environment: a URI of their own, or a server they start. */
export function testNeo4jTarget(env: NodeJS.ProcessEnv): { uri: string } | { boltPort: number } {
  if (env.GUANXI_TEST_NEO4J_URI) return { uri: env.GUANXI_TEST_NEO4J_URI };
  return { boltPort: Number(env.GUANXI_TEST_BOLT_PORT ?? 7688) };
}

const target = testNeo4jTarget(process.env);
for (const name of USER_VARIABLES) delete process.env[name];
for (const name of ['USER', 'PASSWORD', 'DATABASE'] as const) {
  const value = process.env[`GUANXI_TEST_NEO4J_${name}`];
  if (value) process.env[`NEO4J_${name}`] = value;
}

let started: Promise<StartedServer> | null = null;

export const TEST_BOLT_PORT = 'boltPort' in target ? target.boltPort : undefined;
/** Its own instance folder, so that a GUANXI_NEO4J_HOME set for development is never shared. */
const TEST_HOME = '.cache/neo4j/instance-test';

/**
 * The Bolt URI of the test server, starting it if needed (the first call may take a minute). A server
 * running from the tests' own instance folder holds nothing but what tests wrote: it is marked theirs.
 */
export async function testNeo4jUri(): Promise<string> {
  if ('uri' in target) return target.uri;
  started ??= startServer({ boltPort: target.boltPort, home: TEST_HOME, log: () => {} }).then(async (server) => {
    if (server.pid !== undefined) {
      const client = await Neo4jClient.connect(neo4jSettings(server.uri));
      await client.query(cypher('test/mark-test-database'), {}, true).finally(() => client.close());
    }
    return server;
  });
  return (await started).uri;
}

/** Stops the test server if this run started it. */
export async function stopTestNeo4j(): Promise<void> {
  if (!started || TEST_BOLT_PORT === undefined) return;
  const server = await started;
  if (server.startedByUs) await stopServer({ boltPort: TEST_BOLT_PORT, home: TEST_HOME, log: () => {} });
  started = null;
}

/**
 * Empties the tests' database and marks it as theirs. Refuses, changing nothing, when it holds nodes
 * but not the marker: that data is someone else's.
 */
export async function wipeTestDatabase(client: Neo4jClient): Promise<void> {
  const { rows } = await client.query(cypher('test/test-database-state'));
  const { markers, others } = rows[0] as { markers: number; others: number };
  if (markers === 0 && others > 0) {
    throw new Error(
      `refusing to wipe ${displayUri(client.settings.uri)}: it holds ${others} nodes the tests did not write (no :GuanxiTestDatabase marker); ` +
        'point GUANXI_TEST_NEO4J_URI at a scratch database, or leave it unset for the tests\' own server',
    );
  }
  await client.query(cypher('test/mark-test-database'), {}, true);
  await client.runAutoCommit(cypher('test/wipe-test-database'), {});
}
