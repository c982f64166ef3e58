/**
 * The one place that owns the Neo4j driver, its sessions and transactions. Everything else asks for
 * a read or a write here; every statement comes from cypher/ and takes parameters, never spliced text.
 * Every call ends within a bounded time, whether the server is gone, frozen or misnamed: the driver's
 * connection timeout, a server-side transaction timeout, and a deadline of our own behind both (a
 * frozen server enforces nothing).
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { cypher } from './cypher-files.js';
import { localNeo4jPassword } from './local-neo4j.js';

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** How long connecting may take (ms). */
  connectTimeoutMs: number;
  /** How long one transaction may take (ms): the server's transaction timeout, and our deadline. */
  transactionTimeoutMs: number;
}

/** Seconds from an environment variable, or the default; a bad value is an error, not a silent default. */
function seconds(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback * 1000;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} must be a number of seconds above 0, not "${value}"`);
  return n * 1000;
}

/**
 * Settings from the environment (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE; GUANXI_NEO4J_CONNECT_TIMEOUT
 * and GUANXI_NEO4J_TIMEOUT in seconds): credentials are never flags. Without NEO4J_PASSWORD, the
 * development server's generated password is used for its loopback URI.
 */
export function neo4jSettings(uri: string): Neo4jSettings {
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? localNeo4jPassword(uri),
    database: process.env.NEO4J_DATABASE || undefined,
    connectTimeoutMs: seconds('GUANXI_NEO4J_CONNECT_TIMEOUT', 15),
    transactionTimeoutMs: seconds('GUANXI_NEO4J_TIMEOUT', 120),
  };
}

/** The URI as it may be shown: without any user:password@ part. */
export function displayUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

export type Row = Record<string, unknown>;
export interface QueryResult {
  columns: string[];
  rows: Row[];
}

/** A write Neo4j refused in a read-only transaction (the query console's guard). */
export class ReadOnlyError extends Error {}

/** Neo4j did not answer in time, or a query ran over its time. */
export class Neo4jTimeoutError extends Error {}

/** The query was cancelled by its caller (the console's client went away). */
export class QueryCancelledError extends Error {}

const READ_ONLY_CODES = new Set(['Neo.ClientError.Statement.AccessMode', 'Neo.ClientError.Cluster.NotALeader']);

/** Limits of a console query: rows and bytes kept, time on the server; `signal` cancels it in Neo4j. */
export interface QueryLimits {
  maxRows: number;
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface LimitedResult extends QueryResult {
  /** More rows (or bytes) were there than the limits keep. */
  truncated: boolean;
}

/** How long transient errors are retried: a server that is gone is then reported instead of retried for minutes. */
const retryTime = (settings: Neo4jSettings) => Math.min(15_000, settings.transactionTimeoutMs);

/** The promise, or a Neo4jTimeoutError after ms (the work itself is the caller's to stop). */
async function within<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Neo4jTimeoutError(message())), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closing a session sends RESET, which stops its running query in Neo4j; a frozen server is not waited for. */
async function closeSession(session: Session): Promise<void> {
  await within(session.close(), 2_000, () => '').catch(() => {});
}

function readOnlyOr(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code && READ_ONLY_CODES.has(code)) return new ReadOnlyError('this console is read-only: the query writes to the graph (use `guanxi query --write` to change it)');
  return err;
}

export class Neo4jClient {
  private constructor(
    readonly driver: Driver,
    readonly settings: Neo4jSettings,
  ) {}

  /** Connects and checks that the database answers; fails within the connect timeout, closing the driver. */
  static async connect(settings: Neo4jSettings): Promise<Neo4jClient> {
    const auth = settings.password !== undefined ? neo4j.auth.basic(settings.user ?? 'neo4j', settings.password) : undefined;
    const driver = neo4j.driver(settings.uri, auth, {
      // Counts and years fit in a double; plain numbers keep JSON and CSV output simple.
      disableLosslessIntegers: true,
      connectionTimeout: settings.connectTimeoutMs,
      connectionAcquisitionTimeout: settings.connectTimeoutMs,
      // Transient errors (deadlocks, leader switches, restarts) are retried by executeRead/executeWrite.
      maxTransactionRetryTime: retryTime(settings),
      userAgent: 'guanxi',
    });
    const client = new Neo4jClient(driver, settings);
    const where = displayUri(settings.uri);
    // Auto-commit, so not retried: a server that refuses connections is reported at once.
    const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      await within(session.run(cypher('read/ping')), settings.connectTimeoutMs, () => `Neo4j at ${where} did not answer within ${settings.connectTimeoutMs / 1000} s`);
    } catch (err) {
      await client.close();
      const code = (err as { code?: string }).code ?? '';
      if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
        throw new Error(`Neo4j at ${where} has no database "${settings.database}" (NEO4J_DATABASE); SHOW DATABASES lists those it has`);
      }
      if (code === 'Neo.ClientError.Security.Unauthorized') throw new Error(`Neo4j at ${where} refused the credentials (NEO4J_USER, NEO4J_PASSWORD)`);
      if (err instanceof Neo4jTimeoutError) throw err;
      throw new Error(`cannot reach Neo4j at ${where}: ${(err as Error).message}`);
    } finally {
      await closeSession(session);
    }
    return client;
  }

  /** `fn` in a managed transaction with the server's timeout, under our own deadline. */
  private async transaction<T>(mode: 'READ' | 'WRITE', fn: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = { timeout: this.settings.transactionTimeoutMs };
    const work = mode === 'READ' ? session.executeRead(fn, config) : session.executeWrite(fn, config);
    // The retries of transient errors may come on top of one transaction's time.
    const deadline = this.settings.transactionTimeoutMs + retryTime(this.settings) + 2_000;
    try {
      return await within(work, deadline, () => `Neo4j at ${displayUri(this.settings.uri)} did not answer within ${Math.round(deadline / 1000)} s`);
    } catch (err) {
      if (((err as { code?: string }).code ?? '').includes('TransactionTimedOut')) {
        throw new Neo4jTimeoutError(`a transaction ran over ${this.settings.transactionTimeoutMs / 1000} s and Neo4j stopped it (GUANXI_NEO4J_TIMEOUT sets the limit in seconds)`);
      }
      // No connection came free in time: the server holds the ones there are and answers on none.
      if (/Connection acquisition timed out/.test((err as Error).message ?? '')) {
        throw new Neo4jTimeoutError(`Neo4j at ${displayUri(this.settings.uri)} did not answer within ${this.settings.connectTimeoutMs / 1000} s`);
      }
      throw readOnlyOr(err);
    } finally {
      await closeSession(session);
    }
  }

  /** Runs `fn` in a managed write transaction (retried on transient errors). */
  write<T>(fn: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', fn);
  }

  /** Runs `fn` in a managed read transaction: the server refuses any write in it. */
  read<T>(fn: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', fn);
  }

  /** Runs one statement, read-only unless `write`, and returns plain rows. */
  async query(statement: string, params: Record<string, unknown> = {}, write = false): Promise<QueryResult> {
    const run = async (tx: ManagedTransaction) => {
      const result = tx.run(statement, params);
      const columns = await result.keys();
      const { records } = await result;
      return { columns: columns.map(String), rows: records.map(plainRecord) };
    };
    return write ? this.write(run) : this.read(run);
  }

  /**
   * Runs one read statement, streaming its rows and keeping at most the limits' rows and bytes: the
   * rest is never fetched. The server stops the query at the timeout, and when `signal` aborts.
   */
  async queryLimited(statement: string, params: Record<string, unknown>, limits: QueryLimits): Promise<LimitedResult> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ, fetchSize: 200 });
    let timedOut = false;
    const stop = () => void closeSession(session);
    limits.signal?.addEventListener('abort', stop, { once: true });
    // Behind the server's timeout: a frozen server enforces nothing.
    const backstop = setTimeout(() => {
      timedOut = true;
      stop();
    }, limits.timeoutMs + 5_000);
    try {
      if (limits.signal?.aborted) throw new QueryCancelledError('the query was cancelled');
      const tx = await session.beginTransaction({ timeout: limits.timeoutMs });
      const result = tx.run(statement, params);
      const columns = (await result.keys()).map(String);
      const rows: Row[] = [];
      let bytes = 0;
      let truncated = false;
      for await (const record of result) {
        if (rows.length >= limits.maxRows || bytes > limits.maxBytes) {
          truncated = true;
          break;
        }
        const row = plainRecord(record);
        bytes += JSON.stringify(row).length;
        rows.push(row);
      }
      return { columns, rows, truncated };
    } catch (err) {
      if (limits.signal?.aborted) throw new QueryCancelledError('the query was cancelled');
      const code = (err as { code?: string }).code ?? '';
      if (timedOut || code.includes('TransactionTimedOut')) throw new Neo4jTimeoutError(`the query ran over ${limits.timeoutMs / 1000} s and was stopped`);
      throw readOnlyOr(err);
    } finally {
      clearTimeout(backstop);
      limits.signal?.removeEventListener('abort', stop);
      await closeSession(session);
    }
  }

  /** One statement per call, each in its own auto-commit transaction: the slow way, for the benchmark's baseline. Returns the relationships it created. */
  async runAutoCommit(statement: string, params: Record<string, unknown>): Promise<number> {
    const session = this.driver.session({ database: this.settings.database });
    try {
      return (await session.run(statement, params)).summary.counters.updates().relationshipsCreated;
    } finally {
      await session.close();
    }
  }

  /** Closes the driver; a server that does not answer is not waited for. */
  async close(): Promise<void> {
    await within(this.driver.close(), 3_000, () => '').catch(() => {});
  }
}

/** Driver values to plain JSON: nodes and relationships become their properties with identity. */
export function plainValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plainValue);
  if (neo4j.isNode(v as never)) {
    const n = v as unknown as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { elementId: n.elementId, labels: n.labels, properties: plainValue(n.properties) };
  }
  if (neo4j.isRelationship(v as never)) {
    const r = v as unknown as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return { elementId: r.elementId, type: r.type, start: r.startNodeElementId, end: r.endNodeElementId, properties: plainValue(r.properties) };
  }
  if (neo4j.isPath(v as never)) {
    const p = v as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[]; start: unknown };
    return { path: [plainValue(p.start), ...p.segments.flatMap((s) => [plainValue(s.relationship), plainValue(s.end)])] };
  }
  if (typeof (v as { toString?: unknown }).toString === 'function' && (neo4j.isDate(v as never) || neo4j.isDateTime(v as never) || neo4j.isLocalDateTime(v as never))) {
    return String(v);
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
}

export function plainRecord(r: Neo4jRecord): Row {
  const out: Row = {};
  for (const key of r.keys) out[String(key)] = plainValue(r.get(key));
  return out;
}
