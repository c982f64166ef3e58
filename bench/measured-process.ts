/**
 * One step of a benchmark as a child process, measured from outside: wall time from spawn to exit,
 * and, through GNU time, its CPU time and peak resident memory (worker threads share the process,
 * so they are in it). stdout and stderr go to files, so that a step writing gigabytes costs no
 * memory here and a failed step leaves its log.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';

const GNU_TIME = '/usr/bin/time';

export interface MeasuredRun {
  command: string;
  status: number | null;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMiB: number | null;
  /** When `firstSign` first held, from spawn (null: it never did). */
  firstSignSeconds: number | null;
  /** The stdout file's text (empty when it went to /dev/null). */
  stdout: string;
  /** The last lines of stderr, for a step that failed. */
  stderrTail: string;
}

export interface RunOptions {
  /** Where stdout goes: a file, or /dev/null. */
  stdoutPath: string;
  stderrPath: string;
  /** Polled every 20 ms while the process runs: the moment it first holds is reported (e.g. a first output file). */
  firstSign?: () => boolean;
}

/** Runs `argv` to its end and measures it. */
export async function runMeasured(argv: string[], options: RunOptions): Promise<MeasuredRun> {
  const timeFile = `${options.stderrPath}.time`;
  rmSync(timeFile, { force: true });
  const timed = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, ...argv] : argv;
  const out = openSync(options.stdoutPath, 'w');
  const err = openSync(options.stderrPath, 'w');
  const t0 = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - t0) / 1e9;
  let firstSignSeconds: number | null = null;
  let status: number | null;
  try {
    const child = spawn(timed[0], timed.slice(1), { stdio: ['ignore', out, err] });
    const poll = setInterval(() => {
      if (firstSignSeconds === null && options.firstSign?.()) firstSignSeconds = since();
    }, 20);
    status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    }).finally(() => clearInterval(poll));
  } finally {
    closeSync(out);
    closeSync(err);
  }
  const seconds = since();
  return {
    command: argv.join(' '),
    status,
    seconds,
    ...readTimeFile(timeFile),
    firstSignSeconds,
    stdout: options.stdoutPath === '/dev/null' ? '' : readFileSync(options.stdoutPath, 'utf8'),
    stderrTail: tail(readFileSync(options.stderrPath, 'utf8')),
  };
}

/** GNU time's last line (`%M %U %S`; a line before it says when the child was killed by a signal). */
function readTimeFile(path: string): { cpuSeconds: number | null; peakRssMiB: number | null } {
  if (!existsSync(path)) return { cpuSeconds: null, peakRssMiB: null };
  const last = readFileSync(path, 'utf8').trim().split('\n').pop() ?? '';
  const [kib, user, sys] = last.split(' ').map(Number);
  if (![kib, user, sys].every(Number.isFinite)) return { cpuSeconds: null, peakRssMiB: null };
  return { cpuSeconds: user + sys, peakRssMiB: kib / 1024 };
}

function tail(text: string, lines = 8): string {
  // Progress lines end in \r or are repeated: keep what is left on the last lines.
  return text.split(/\r?\n|\r/).filter((l) => l.trim()).slice(-lines).join('\n');
}

export interface ServerOpen {
  command: string;
  /** From spawn until GET /api/meta answered 200. */
  openSeconds: number;
  /** GET /api/graph after that: the overview the viewer asks for first. */
  overviewSeconds: number;
  overviewBytes: number;
  meta: Record<string, unknown>;
  /** The server's VmHWM just before it was stopped. */
  peakRssMiB: number | null;
}

/**
 * Starts `argv` (a `guanxi serve … --port 0`), waits for the address it prints, polls `/api/meta`
 * until it answers 200, fetches `/api/graph`, reads the process's peak memory and stops it.
 */
export async function measureServerOpen(argv: string[], timeoutMs = 600_000): Promise<ServerOpen> {
  const t0 = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const since = () => Number(process.hrtime.bigint() - t0) / 1e9;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await until(() => /http:\/\/[\d.]+:\d+/.exec(output)?.[0], exited, timeoutMs, () => output);
    let meta: { status: number; body: string } | undefined;
    await until(async () => {
      meta = await httpGet(`${url}/api/meta`).catch(() => undefined);
      return meta?.status === 200 ? true : undefined;
    }, exited, timeoutMs, () => output);
    const openSeconds = since();
    const t1 = process.hrtime.bigint();
    const overview = await httpGet(`${url}/api/graph`);
    if (overview.status !== 200) throw new Error(`GET ${url}/api/graph answered ${overview.status}: ${overview.body.slice(0, 300)}`);
    const overviewSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    return {
      command: argv.join(' '),
      openSeconds,
      overviewSeconds,
      overviewBytes: Buffer.byteLength(overview.body),
      meta: JSON.parse(meta!.body) as Record<string, unknown>,
      peakRssMiB: peakRssOf(child.pid!),
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** VmHWM of a running process, from /proc (Linux); null elsewhere. */
export function peakRssOf(pid: number): number | null {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/** Polls `probe` every 20 ms until it gives a value; fails when the process exits first or time runs out. */
async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  exited: Promise<number | null>,
  timeoutMs: number,
  output: () => string,
): Promise<T> {
  let exit: number | null | undefined;
  void exited.then((code) => (exit = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (exit !== undefined) throw new Error(`the server exited (${exit}) before it answered: ${tail(output())}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer within ${timeoutMs / 1000} s: ${tail(output())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    }).on('error', reject);
  });
}
