/**
 * The one place that owns the Neo4j driver, its sessions and transactions. Everything else asks for
 * a read or a write here; every statement comes from cypher/ and takes parameters, never spliced text.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

/** Settings from the environment (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE): credentials are never flags or files. */
export function neo4jSettings(uri: string): Neo4jSettings {
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD,
    database: process.env.NEO4J_DATABASE || undefined,
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

const READ_ONLY_CODES = new Set(['Neo.ClientError.Statement.AccessMode', 'Neo.ClientError.Cluster.NotALeader']);

export class Neo4jClient {
  private constructor(
    readonly driver: Driver,
    readonly settings: Neo4jSettings,
  ) {}

  static async connect(settings: Neo4jSettings): Promise<Neo4jClient> {
    const auth = settings.password !== undefined ? neo4j.auth.basic(settings.user ?? 'neo4j', settings.password) : undefined;
    const driver = neo4j.driver(settings.uri, auth, {
      // Counts and years fit in a double; plain numbers keep JSON and CSV output simple.
      disableLosslessIntegers: true,
      // Transient errors (deadlocks, leader switches, restarts) are retried by executeRead/executeWrite for this long.
      maxTransactionRetryTime: 30_000,
      userAgent: 'guanxi',
    });
    try {
      await driver.getServerInfo({ database: settings.database });
    } catch (err) {
      await driver.close();
      throw new Error(`cannot reach Neo4j at ${displayUri(settings.uri)}: ${(err as Error).message}`);
    }
    return new Neo4jClient(driver, settings);
  }

  /** Runs `fn` in a managed write transaction (retried on transient errors). */
  async write<T>(fn: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(fn);
    } finally {
      await session.close();
    }
  }

  /** Runs `fn` in a managed read transaction: the server refuses any write in it. */
  async read<T>(fn: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(fn);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code && READ_ONLY_CODES.has(code)) throw new ReadOnlyError('this console is read-only: the query writes to the graph (use `guanxi query --write` to change it)');
      throw err;
    } finally {
      await session.close();
    }
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

  /** One statement per call, each in its own auto-commit transaction: the slow way, for the benchmark's baseline. Returns the relationships it created. */
  async runAutoCommit(statement: string, params: Record<string, unknown>): Promise<number> {
    const session = this.driver.session({ database: this.settings.database });
    try {
      return (await session.run(statement, params)).summary.counters.updates().relationshipsCreated;
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
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
