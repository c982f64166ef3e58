/**
 * What the benchmarks read from the guanxi CLI: the options a command offers (from its `--help`),
 * so that a step whose option has not landed yet is reported as not available instead of failing;
 * and the graph's counts that ingest and import print last.
 */
import { spawnSync } from 'node:child_process';

/** The long options `guanxi <command> --help` lists (`--jobs`, `--bulk`, …). */
export function commandOptions(cli: string, command: string): Set<string> {
  const r = spawnSync(process.execPath, [cli, command, '--help'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${cli} ${command} --help failed (${r.status ?? r.signal}): ${r.stderr.trim()}`);
  // Options are listed at the start of a line: "  --jobs <n>   …" or "  -h, --help".
  return new Set(r.stdout.split('\n').flatMap((line) => /^\s+(?:-\w, )?(--[\w-]+)/.exec(line)?.[1] ?? []));
}

/** `graph in sqlite PATH: Article 300, Event 105, HELD_AT 26, …`: the last such line of the output. */
export function countsFromOutput(stdout: string): Record<string, number> {
  const line = stdout.split('\n').findLast((l) => l.startsWith('graph in '));
  const counts: Record<string, number> = {};
  for (const pair of line?.slice(line.indexOf(': ') + 2).split(', ') ?? []) {
    const m = /^(\w+) (\d+)$/.exec(pair);
    if (m) counts[m[1]] = Number(m[2]);
  }
  return counts;
}

/** Relationship types are upper case (MENTIONS), node labels are not (Person). */
const isRelationshipType = (key: string) => /^[A-Z_]+$/.test(key);

export function relationshipsIn(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((n, [k, v]) => (isRelationshipType(k) ? n + v : n), 0);
}

export function nodesIn(counts: Record<string, number>): number {
  return Object.entries(counts).reduce((n, [k, v]) => (isRelationshipType(k) ? n : n + v), 0);
}
