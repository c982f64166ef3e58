/**
 * Types for scripts/neo4j.mjs, the local Neo4j server for development and tests (see its header).
 *
 * Import it as '#neo4j-server' (package.json "imports"), not by a relative path: tests/x.ts and the
 * compiled dist/tests/x.js sit at different depths, and tsc does not copy .mjs files into dist/, so no
 * single relative path is right for both tsc and Node. The '#' specifier resolves to this file for
 * tsc and to scripts/neo4j.mjs for Node from anywhere in the package.
 */

export interface ServerOptions {
  /** Default: NEO4J_BOLT_PORT, else 7687. Bound to 127.0.0.1. */
  boltPort?: number;
  /** HTTP API port; default: NEO4J_HTTP_PORT, else HTTP is off. */
  httpPort?: number;
  /** Instance folder (conf, data, logs, run); default: GUANXI_NEO4J_HOME, else .cache/neo4j/instance-<boltPort>. Relative to the repository root. */
  home?: string;
  /** Progress messages; default prints `[neo4j] …` to stdout. Pass `() => {}` for silence. */
  log?: (message: string) => void;
}

export interface StartOptions extends ServerOptions {
  /** JVM heap (-Xms/-Xmx), e.g. '1g'; default: NEO4J_HEAP, else '1g'. */
  heap?: string;
  /** server.memory.pagecache.size; default: NEO4J_PAGECACHE, else '512m'. */
  pageCache?: string;
  /** How long to wait for Bolt; default: NEO4J_START_TIMEOUT seconds, else 120 000 ms. */
  timeoutMs?: number;
  /** Extra neo4j.conf settings, applied last (they override the generated ones). */
  config?: Record<string, string>;
}

export interface StartedServer {
  /** bolt://127.0.0.1:<boltPort>; neo4j://127.0.0.1:<boltPort> works too (single-server routing). */
  uri: string;
  /** The server's pid, when it runs from this home (undefined for a foreign server on the port). */
  pid: number | undefined;
  /** False when a server already answered (or was starting): then leave it running afterwards. */
  startedByUs: boolean;
  home: string;
  /** Neo4j's own log (logs/neo4j.log in the home); logs/console.log has the JVM's output. */
  logFile: string;
}

export interface ServerStatus {
  uri: string;
  home: string;
  pid: number | undefined;
  /** A Neo4j answers Bolt on the port (whether or not it is the one from this home). */
  answering: boolean;
}

/** The address ranges LOAD CSV may not reach (internal.dbms.cypher_ip_blocklist; docker-compose.yml sets the same). */
export const IP_BLOCKLIST: string;

/** The pinned Neo4j version (from scripts/neo4j/pom.xml). */
export const NEO4J_VERSION: string;

/** .cache/neo4j/<version>/lib */
export function libDir(version?: string): string;

/** A TCP port free on 127.0.0.1 now, for a throwaway server. */
export function freePort(): Promise<number>;

/** The java executable: $JAVA_HOME/bin/java, else `java` on PATH. */
export function javaCommand(): string;

/** Downloads the server's jars with Maven unless already there; returns the lib folder. Synchronous. */
export function ensureJars(options?: { log?: (message: string) => void }): string;

/** Starts a background server (fetching first if needed) and resolves when `RETURN 1` works over Bolt. */
export function startServer(options?: StartOptions): Promise<StartedServer>;

/** Stops the server of this home (SIGTERM, SIGKILL after timeoutMs, default 60 000). True if one was stopped. */
export function stopServer(options?: ServerOptions & { timeoutMs?: number }): Promise<boolean>;

export function serverStatus(options?: ServerOptions): Promise<ServerStatus>;
