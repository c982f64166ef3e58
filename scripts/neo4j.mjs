#!/usr/bin/env node
/**
 * A local Neo4j 5.26 Community server for development and tests, without Docker.
 *
 *   node scripts/neo4j.mjs fetch    download the server's jars from Maven Central (once)
 *   node scripts/neo4j.mjs start    fetch if needed, start in the background, wait until Bolt answers
 *   node scripts/neo4j.mjs stop     stop the server started from this instance folder
 *   node scripts/neo4j.mjs status   exit 0 when it runs and answers, 3 when it does not
 *
 * Why this exists: the usual ways to get Neo4j (docker-compose.yml, the tarball from neo4j.com) are not
 * available everywhere (CI has no Docker engine, and the download site may be unreachable), while
 * Maven Central is. The jar org.neo4j:neo4j plus its runtime dependencies are exactly the lib/ folder of
 * the official tarball, so `mvn dependency:copy-dependencies` (scripts/neo4j/pom.xml, which pins the
 * version) and a `java -cp lib/* org.neo4j.server.CommunityEntryPoint` give the same server. The
 * bin/neo4j bootloader is skipped on purpose: it only turns neo4j.conf into JVM flags and forks java
 * again, and starting java ourselves gives one process, a pid we own, and no PATH/JAVA_HOME lookups by
 * shell scripts we do not ship.
 *
 * Environment (the exported functions take the same settings as options, which win over these):
 *   NEO4J_BOLT_PORT     Bolt port, default 7687 (bound to 127.0.0.1 only)
 *   NEO4J_HTTP_PORT     unset: the HTTP API is off (nothing here uses it, the Maven artifact has no
 *                       Neo4j Browser to serve, and one port less to clash when several instances
 *                       run); set it to a port to turn HTTP on, e.g. for curl against /db/neo4j/tx
 *   GUANXI_NEO4J_HOME   instance folder (conf, data, logs, run), default .cache/neo4j/instance-<bolt port>
 *   NEO4J_HEAP          JVM heap, default 1g
 *   NEO4J_PAGECACHE     page cache, default 512m
 *   NEO4J_JVM_ADDITIONAL more JVM flags, space-separated (e.g. -XX:StartFlightRecording=… to profile)
 *   NEO4J_START_TIMEOUT seconds to wait for Bolt, default 120
 *   JAVA_HOME           Java 17 or 21 to use, else `java` on PATH
 *
 * Authentication is ON, with a password generated on the first start (set with neo4j-admin's
 * `dbms set-initial-password` before the server ever runs, or, for a home first started with
 * authentication off, changed from the default at once). It is kept in <home>/password, and at each
 * start in .cache/neo4j/credentials/bolt-<port>, both readable by the owner only and git-ignored;
 * guanxi reads the latter for a loopback URI on that port when NEO4J_PASSWORD is unset. Without a
 * password, any web page could reach the server through the WebSocket on its Bolt port. LOAD CSV may
 * read no files and reach no loopback or private address, and transactions time out (writeConfig).
 *
 * The module is plain ESM JavaScript so that `.ci/run` can call it before the TypeScript build;
 * scripts/neo4j.d.mts types it for the tests, which import it as '#neo4j-server' (see package.json
 * "imports": the same specifier resolves from tests/*.ts for tsc and from dist/tests/*.js for Node).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const POM = join(ROOT, 'scripts', 'neo4j', 'pom.xml');
const CACHE = join(ROOT, '.cache', 'neo4j');
/** Written last into lib/, so that an interrupted download is never taken for a complete one. */
const COMPLETE_MARKER = '.complete';
const HOST = '127.0.0.1';
/** Loopback, private, link-local and carrier-grade NAT ranges, IPv4 and IPv6 (as in docker-compose.yml). */
export const IP_BLOCKLIST = '0.0.0.0/8,10.0.0.0/8,100.64.0.0/10,127.0.0.0/8,169.254.0.0/16,172.16.0.0/12,192.168.0.0/16,::1/128,fc00::/7,fe80::/10';

/** The pinned server version, read from the pom so that there is one place to bump it. */
export const NEO4J_VERSION = (() => {
  const match = /<neo4j\.version>\s*([^<\s]+)\s*<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'));
  if (!match) throw new Error(`No <neo4j.version> property in ${POM}`);
  return match[1];
})();

const defaultLog = (message) => console.log(`[neo4j] ${message}`);

/** Options from the arguments, then the environment, then the defaults. */
function settings(options = {}) {
  const boltPort = Number(options.boltPort ?? process.env.NEO4J_BOLT_PORT ?? 7687);
  const httpPortValue = options.httpPort ?? process.env.NEO4J_HTTP_PORT;
  const httpPort = httpPortValue === undefined || httpPortValue === '' ? undefined : Number(httpPortValue);
  for (const [name, port] of [['boltPort', boltPort], ['httpPort', httpPort]]) {
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw new Error(`${name} must be a TCP port number, got ${port}`);
    }
  }
  const home = resolve(ROOT, options.home ?? process.env.GUANXI_NEO4J_HOME ?? join(CACHE, `instance-${boltPort}`));
  return {
    boltPort,
    httpPort,
    home,
    heap: options.heap ?? process.env.NEO4J_HEAP ?? '1g',
    pageCache: options.pageCache ?? process.env.NEO4J_PAGECACHE ?? '512m',
    timeoutMs: options.timeoutMs ?? Number(process.env.NEO4J_START_TIMEOUT ?? 120) * 1000,
    config: options.config ?? {},
    log: options.log ?? defaultLog,
    uri: `bolt://${HOST}:${boltPort}`,
    pidFile: join(home, 'run', 'neo4j.pid'),
    // Neo4j itself writes logs/neo4j.log and logs/debug.log; this one catches what the JVM prints
    // before Neo4j's logging is up (bad flags, wrong Java version, a crash in class loading).
    consoleLog: join(home, 'logs', 'console.log'),
    neo4jLog: join(home, 'logs', 'neo4j.log'),
  };
}

/** Folder holding the server's jars for a version (complete or not). */
export function libDir(version = NEO4J_VERSION) {
  return join(CACHE, version, 'lib');
}

/**
 * Downloads the jars of the pinned version into .cache/neo4j/<version>/lib unless they are there.
 * Uses the local Maven repository (~/.m2), so a second clone on the same machine copies instead of
 * downloading. Returns the lib folder.
 */
export function ensureJars({ log = defaultLog } = {}) {
  const lib = libDir();
  if (existsSync(join(lib, COMPLETE_MARKER))) return lib;

  const started = Date.now();
  log(`Fetching Neo4j ${NEO4J_VERSION} (about 125 MB of jars) from Maven Central into ${lib} ...`);
  // Download next to the final folder and rename at the end: a Ctrl-C or a second process doing the
  // same thing at once then never leaves a half-filled lib/ behind.
  const staging = `${lib}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const mvn = spawnSync(
    process.platform === 'win32' ? 'mvn.cmd' : 'mvn',
    ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`],
    // Maven prints its errors to stdout, and with -q nothing else but colour-reset codes: keep the
    // output for the error case only.
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', shell: process.platform === 'win32' },
  );
  if (mvn.error || mvn.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    if (mvn.stdout) process.stderr.write(mvn.stdout.replace(/\x1b\[[0-9;]*m/g, ''));
    const why = mvn.error?.code === 'ENOENT' ? 'mvn is not on PATH (install Maven 3.6+)' : `mvn exited with ${mvn.status}`;
    throw new Error(`Could not fetch Neo4j ${NEO4J_VERSION}: ${why}`);
  }
  const jars = readdirSync(staging).filter((name) => name.endsWith('.jar')).length;
  writeFileSync(join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  try {
    rmSync(lib, { recursive: true, force: true });
    renameSync(staging, lib);
  } catch (error) {
    // Another process finished first; its copy is as good as ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(lib, COMPLETE_MARKER))) throw error;
  }
  log(`Fetched ${jars} jars in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return lib;
}

/** Neo4j's config syntax treats backslashes as escapes; forward slashes work on every OS. */
const confPath = (path) => path.replaceAll('\\', '/');

function writeConfig(s, lib) {
  const lines = {
    // Every folder inside the instance home, so that instances on different ports share nothing
    // but the read-only jars.
    'server.directories.data': confPath(join(s.home, 'data')),
    'server.directories.logs': confPath(join(s.home, 'logs')),
    'server.directories.run': confPath(join(s.home, 'run')),
    'server.directories.import': confPath(join(s.home, 'import')),
    'server.directories.plugins': confPath(join(s.home, 'plugins')),
    'server.directories.lib': confPath(lib),
    // Loopback only, and advertise the same address: a neo4j:// (routing) driver takes the Bolt
    // address from the routing table the server sends, and 'localhost' could resolve to ::1.
    'server.default_listen_address': HOST,
    'server.default_advertised_address': HOST,
    'server.bolt.listen_address': `${HOST}:${s.boltPort}`,
    'server.bolt.advertised_address': `${HOST}:${s.boltPort}`,
    'server.http.enabled': String(s.httpPort !== undefined),
    ...(s.httpPort !== undefined && { 'server.http.listen_address': `${HOST}:${s.httpPort}` }),
    'server.https.enabled': 'false',
    // See the header: a password generated on the first start.
    'dbms.security.auth_enabled': 'true',
    // LOAD CSV must not reach files or this machine's and the local network's services (no fetching
    // for whoever gets a query in); the viewer's console refuses LOAD CSV before this, too.
    'dbms.security.allow_csv_import_from_file_urls': 'false',
    'internal.dbms.cypher_ip_blocklist': IP_BLOCKLIST,
    // No transaction runs away for ever (guanxi's own are bounded by GUANXI_NEO4J_TIMEOUT, 120 s).
    'db.transaction.timeout': '10m',
    'server.memory.pagecache.size': s.pageCache,
    // No phoning home from developer machines and CI (and no waiting on it where there is no network).
    'dbms.usage_report.enabled': 'false',
    // Neo4j waits 5 s twice for Bolt connections and worker threads on shutdown, which made `stop`
    // take 12 s for an idle server. These are internal settings of the pinned 5.26: if an upgrade
    // drops them, Neo4j refuses to start and names them in logs/neo4j.log, and then they can go.
    'internal.server.bolt.connection_shutdown_wait_time': '1s',
    'internal.server.bolt.thread_pool_shutdown_wait_time': '1s',
    ...s.config,
  };
  const text = [
    '# Written by scripts/neo4j.mjs on every start; edits here are lost (pass `config` to startServer',
    '# or change the script instead).',
    ...Object.entries(lines).map(([key, value]) => `${key}=${value}`),
    '',
  ].join('\n');
  mkdirSync(join(s.home, 'conf'), { recursive: true });
  writeFileSync(join(s.home, 'conf', 'neo4j.conf'), text);
}

/** Java from JAVA_HOME, else `java` on PATH (the server and neo4j-admin's tools run on it). */
export function javaCommand() {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', exe) : exe;
}

/**
 * The JVM flags the official neo4j.conf passes through server.jvm.additional (5.26), minus those
 * about production tuning (-XX:+AlwaysPreTouch makes start-up slower with nothing to gain here),
 * plus NEO4J_JVM_ADDITIONAL (space-separated). Neo4j 5 runs on Java 17 and 21 and needs the
 * --add-opens for its off-heap page cache and Netty.
 *
 * The collector is Parallel, not the official G1: this server's work is ingest, large write
 * transactions on a heap of a few GB where pause times do not matter, and there the throughput
 * collector let `npm run bench:ingest` write about 20 % more relationships a second on 2 cores.
 */
function jvmArgs(s) {
  return [
    `-Xms${s.heap}`,
    `-Xmx${s.heap}`,
    '-XX:+UseParallelGC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-XX:+UnlockDiagnosticVMOptions',
    '-XX:+DebugNonSafepoints',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
    ...(process.env.NEO4J_JVM_ADDITIONAL ?? '').split(/\s+/).filter(Boolean),
  ];
}

function readPid(pidFile) {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether pid is a live Neo4j started from this home. A pid file can outlive its server (kill -9,
 * reboot) and the number be reused, so on Linux the command line is checked before anything is
 * signalled; elsewhere a live pid is trusted.
 */
function isOurServer(pid, home) {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone; EPERM: alive but someone else's, so not ours either.
    return false;
  }
  const proc = `/proc/${pid}`;
  if (!existsSync(proc)) return true;
  try {
    // A zombie (exited, not yet reaped by its parent) still answers kill(pid, 0).
    if (/^\d+ \(.*\) Z/.test(readFileSync(join(proc, 'stat'), 'utf8'))) return false;
    const cmdline = readFileSync(join(proc, 'cmdline'), 'utf8').split('\0');
    return cmdline.includes('org.neo4j.server.CommunityEntryPoint') && cmdline.includes(`--home-dir=${home}`);
  } catch {
    return false; // exited between the checks
  }
}

/** Resolves true when something accepts TCP connections on the port. */
function portOpen(port, timeoutMs = 1000) {
  return new Promise((done) => {
    const socket = connect({ host: HOST, port });
    const finish = (open) => {
      socket.destroy();
      done(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/**
 * Asks the server on the port for `RETURN 1` with neo4j-driver: 'ready', 'auth' (a Neo4j that wants
 * other credentials, e.g. the docker-compose one), 'closed' (nothing listens) or 'other' (something
 * listens but does not answer as Neo4j yet, or is not Neo4j) with the error.
 * The driver is imported here, not at the top, so that `fetch` and `stop` work before `npm ci`.
 */
async function probeBolt(port, password) {
  if (!(await portOpen(port))) return { state: 'closed' };
  const { default: neo4j } = await import('neo4j-driver');
  // The home's password, else the environment's (a server with auth disabled accepts any).
  const auth = password
    ? neo4j.auth.basic('neo4j', password)
    : process.env.NEO4J_PASSWORD
      ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD)
      : undefined;
  const driver = neo4j.driver(`bolt://${HOST}:${port}`, auth, {
    connectionTimeout: 3000,
    maxConnectionPoolSize: 1,
    connectionAcquisitionTimeout: 5000,
  });
  try {
    await driver.verifyConnectivity();
    const { records } = await driver.executeQuery('RETURN 1 AS one');
    return records[0]?.get('one')?.toNumber?.() === 1 ? { state: 'ready' } : { state: 'other' };
  } catch (error) {
    if (error?.code === 'Neo.ClientError.Security.Unauthorized' || error?.code === 'Neo.ClientError.Security.CredentialsExpired') return { state: 'auth', error };
    return { state: 'other', error };
  } finally {
    await driver.close();
  }
}

/** A TCP port free on the loopback now, for a throwaway server (a test's or a benchmark's). */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const fileSize = (file) => (existsSync(file) ? statSync(file).size : 0);

/** The last lines written to file after byte offset `from` (logs/neo4j.log keeps earlier runs). */
function tail(file, from = 0, lines = 15) {
  try {
    return readFileSync(file).subarray(from).toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const sleep = (ms) => new Promise((wake) => setTimeout(wake, ms));

async function waitForExit(pid, home, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isOurServer(pid, home)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

const CREDENTIALS = join(CACHE, 'credentials');
const passwordFile = (s) => join(s.home, 'password');

function readPassword(s) {
  try {
    return readFileSync(passwordFile(s), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Where guanxi finds the password of the server on a port (src/store/local-neo4j.ts reads it). */
function publishPassword(s, password) {
  mkdirSync(CREDENTIALS, { recursive: true, mode: 0o700 });
  writeFileSync(join(CREDENTIALS, `bolt-${s.boltPort}`), `${password}\n`, { mode: 0o600 });
}

/** Sets the password of a home whose server never ran (neo4j-admin writes data/dbms/auth.ini, read on first start). */
function setInitialPassword(s, lib, password) {
  const admin = spawnSync(javaCommand(), ['-cp', join(lib, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password], {
    env: { ...process.env, NEO4J_HOME: s.home, NEO4J_CONF: join(s.home, 'conf') },
    encoding: 'utf8',
  });
  if (admin.status !== 0) throw new Error(`Could not set the initial password of ${s.home}: ${(admin.stderr || admin.stdout || String(admin.error)).trim()}`);
}

/** For a home first started with authentication off: the user neo4j still has the default password, changed here. */
async function replaceDefaultPassword(s, password) {
  const { default: neo4j } = await import('neo4j-driver');
  const driver = neo4j.driver(s.uri, neo4j.auth.basic('neo4j', 'neo4j'), { connectionTimeout: 5000 });
  const statement = readFileSync(join(ROOT, 'cypher', 'admin', 'set-initial-password.cypher'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('//'))
    .join('\n');
  try {
    await driver.executeQuery(statement, { old: 'neo4j', new: password }, { database: 'system' });
  } catch (error) {
    throw new Error(
      `The server of ${s.home} has a password this script does not know (${error.message}): ` +
        `write it into ${passwordFile(s)}, or delete ${s.home} to start afresh.`,
    );
  } finally {
    await driver.close();
  }
}

/**
 * Starts a server in the background (it outlives this process) and resolves once it answers
 * `RETURN 1` over Bolt. When a Neo4j already answers on the port, or a server from this home is still
 * starting, resolves with startedByUs false, so callers (a mocha root hook, say) know not to stop it.
 */
export async function startServer(options = {}) {
  const s = settings(options);
  let password = readPassword(s);
  const existing = await probeBolt(s.boltPort, password);
  if (existing.state === 'ready' || existing.state === 'auth') {
    const pid = readPid(s.pidFile);
    if (password && isOurServer(pid, s.home)) publishPassword(s, password);
    s.log(`A Neo4j server already answers on ${s.uri}${existing.state === 'auth' ? ' (with authentication on)' : ''}; not starting another.`);
    return { uri: s.uri, pid: isOurServer(pid, s.home) ? pid : undefined, startedByUs: false, home: s.home, logFile: s.neo4jLog };
  }

  let pid = readPid(s.pidFile);
  let child;
  // A home first started with authentication off: its default password is replaced once Bolt answers.
  let replacePassword = false;
  let exitCode = null;
  // Where this run's part of neo4j.log starts, to quote only that when start-up fails.
  const neo4jLogStart = fileSize(s.neo4jLog);
  const logTail = () =>
    [tail(s.consoleLog), tail(s.neo4jLog, neo4jLogStart)].filter(Boolean).join('\n') || '(both logs are empty)';
  if (isOurServer(pid, s.home)) {
    s.log(`The server of ${s.home} (pid ${pid}) is still starting; waiting for it.`);
  } else {
    if (existing.state === 'other') {
      throw new Error(
        `Port ${s.boltPort} on ${HOST} is taken by something that does not answer as Neo4j ` +
          `(${existing.error?.message ?? 'unexpected reply'}). Pick another with NEO4J_BOLT_PORT.`,
      );
    }
    const lib = ensureJars({ log: s.log });
    const firstStart = !existsSync(join(s.home, 'data', 'databases', 'system'));
    for (const folder of ['logs', 'run', 'data', 'import', 'plugins']) mkdirSync(join(s.home, folder), { recursive: true });
    writeConfig(s, lib);
    if (!password) {
      // Hex, not base64url: a password starting with '-' reads as an option to neo4j-admin (one start in 64 failed).
      password = randomBytes(18).toString('hex');
      if (firstStart) {
        setInitialPassword(s, lib, password);
        writeFileSync(passwordFile(s), `${password}\n`, { mode: 0o600 });
      } else replacePassword = true;
    }

    const out = openSync(s.consoleLog, 'w'); // one run per file: it only matters when a start fails
    try {
      child = spawn(
        javaCommand(),
        [
          ...jvmArgs(s),
          '-cp', join(lib, '*'), // expanded by java itself, not a shell
          'org.neo4j.server.CommunityEntryPoint',
          `--home-dir=${s.home}`,
          `--config-dir=${join(s.home, 'conf')}`,
        ],
        { cwd: s.home, detached: true, stdio: ['ignore', out, out], windowsHide: true },
      );
    } finally {
      closeSync(out); // the child has its own copy
    }
    child.once('exit', (code, signal) => (exitCode = code ?? signal));
    await new Promise((ok, fail) => {
      child.once('spawn', ok);
      child.once('error', (error) =>
        fail(error.code === 'ENOENT' ? new Error(`${javaCommand()} not found: install Java 17 or 21, or set JAVA_HOME`) : error));
    });
    child.unref();
    pid = child.pid;
    writeFileSync(s.pidFile, `${pid}\n`);
    s.log(`Started Neo4j ${NEO4J_VERSION} (pid ${pid}) in ${s.home}; waiting for Bolt on ${s.uri} ...`);
  }

  const started = Date.now();
  let last;
  while (Date.now() - started < s.timeoutMs) {
    if (exitCode !== null || (!child && !isOurServer(pid, s.home))) {
      rmSync(s.pidFile, { force: true });
      throw new Error(
        `Neo4j exited during start-up${exitCode !== null ? ` (${exitCode})` : ''}. See ${s.neo4jLog} and ${s.consoleLog}:\n` +
          logTail(),
      );
    }
    last = await probeBolt(s.boltPort, password);
    if (last.state === 'auth' && replacePassword) {
      await replaceDefaultPassword(s, password);
      writeFileSync(passwordFile(s), `${password}\n`, { mode: 0o600 });
      replacePassword = false;
      continue;
    }
    if (last.state === 'ready') {
      if (password) publishPassword(s, password);
      s.log(`Bolt answers on ${s.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return { uri: s.uri, pid, startedByUs: Boolean(child), home: s.home, logFile: s.neo4jLog };
    }
    await sleep(500);
  }
  // Do not leave a half-started server holding the port and the store lock for the next attempt.
  if (child) await stopServer({ home: s.home, log: () => {} });
  throw new Error(
    `Neo4j did not answer on ${s.uri} within ${s.timeoutMs / 1000} s` +
      `${last?.error ? ` (last error: ${last.error.message})` : ''}; it was stopped. ` +
      `See ${s.neo4jLog} and ${s.consoleLog}:\n${logTail()}`,
  );
}

/**
 * Stops the server started from this home (SIGTERM: Neo4j checkpoints and shuts down cleanly; SIGKILL
 * after timeoutMs). Resolves true when one was stopped, false when none ran.
 */
export async function stopServer(options = {}) {
  const s = settings(options);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pid = readPid(s.pidFile);
  if (!isOurServer(pid, s.home)) {
    rmSync(s.pidFile, { force: true });
    s.log(`No server of ${s.home} is running.`);
    return false;
  }
  const started = Date.now();
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, s.home, timeoutMs))) {
    s.log(`Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000} s; killing it.`);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, s.home, 10_000);
  }
  rmSync(s.pidFile, { force: true });
  rmSync(join(CREDENTIALS, `bolt-${s.boltPort}`), { force: true });
  s.log(`Stopped Neo4j (pid ${pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

/** What runs: the pid from this home's pid file (if alive) and whether Bolt answers on the port. */
export async function serverStatus(options = {}) {
  const s = settings(options);
  const pid = readPid(s.pidFile);
  const bolt = await probeBolt(s.boltPort, readPassword(s));
  return {
    uri: s.uri,
    home: s.home,
    pid: isOurServer(pid, s.home) ? pid : undefined,
    answering: bolt.state === 'ready' || bolt.state === 'auth',
  };
}

async function main(command) {
  switch (command) {
    case 'fetch': {
      const already = existsSync(join(libDir(), COMPLETE_MARKER));
      ensureJars();
      if (already) defaultLog(`Neo4j ${NEO4J_VERSION} is already fetched: ${libDir()}`);
      return 0;
    }
    case 'start':
      await startServer();
      return 0;
    case 'stop':
      await stopServer();
      return 0;
    case 'status': {
      const { uri, home, pid, answering } = await serverStatus();
      const who = pid ? `pid ${pid} from ${home}` : `no server of ${home} runs`;
      defaultLog(`${answering ? 'Bolt answers' : 'Nothing answers'} on ${uri}; ${who}.`);
      return answering ? 0 : 3; // 3: "not running", as in LSB init scripts and `neo4j status`
    }
    default:
      console.error('Usage: node scripts/neo4j.mjs fetch|start|stop|status (settings: see the top of this file)');
      return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[neo4j] ${error.message}`);
      process.exit(1);
    },
  );
}
