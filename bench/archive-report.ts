/**
 * The figures of bench/archive.ts as a markdown table: each step's time, rate and peak memory, and
 * whether it meets the target issue 4/6 set for it. Nothing here measures; it only judges and
 * prints what the steps measured.
 */

/** The issue's targets (figures to report, not asserted in tests). */
export const TARGETS = {
  /** JSON Lines to a browsable graph (ingest into the embedded store, then serve answering). */
  endToEndSeconds: 240,
  /** Every client process (not the Neo4j server). */
  clientPeakMiB: 1024,
  /** Extraction with 2 workers against 1. */
  jobsSpeedup: 1.8,
  /** Extraction with 2 workers against jieba's tagging alone. */
  oursOverJieba: 1.5,
  bulkRelationshipsPerSecond: 200_000,
  incrementalRelationshipsPerSecond: 20_000,
  /** serve, query --name and export opening a decade's embedded store. */
  openSeconds: 2,
} as const;

export interface Check {
  /** What was compared, e.g. "1.62× one worker". */
  measured: string;
  target: string;
  pass: boolean;
}

export type Outcome = 'ok' | 'failed' | 'not available' | 'skipped';

export interface StepRow {
  step: string;
  outcome: Outcome;
  command?: string;
  seconds?: number;
  cpuSeconds?: number | null;
  peakRssMiB?: number | null;
  /** Rates as shown, e.g. "412 k chars/s". */
  rates?: string[];
  check?: Check;
  /** Peak memory of a client process is held to TARGETS.clientPeakMiB; the Neo4j server's is not. */
  client: boolean;
  /** Why it failed or is not available, or what else to know about the figure. */
  note?: string;
  /** The machine's 1-minute load average when the step started (2 cores: above 2, others were running). */
  load?: number;
}

export function atLeast(value: number, target: number, measured: string, targetText: string): Check {
  return { measured, target: targetText, pass: value >= target };
}

export function atMost(value: number, target: number, measured: string, targetText: string): Check {
  return { measured, target: targetText, pass: value <= target };
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const secs = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));

/** 1,234,567 → "1.23 M", 412,345 → "412 k". */
export function si(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)} k`;
  return int(n);
}

function memoryOver(row: StepRow): boolean {
  return row.client && row.peakRssMiB != null && row.peakRssMiB > TARGETS.clientPeakMiB;
}

/** pass / FAIL against the row's target and, for a client process, the memory ceiling; else the outcome. */
export function verdict(row: StepRow): string {
  if (row.outcome !== 'ok') return row.outcome;
  const failed = (row.check && !row.check.pass) || memoryOver(row);
  if (failed) return '**FAIL**';
  return row.check || (row.client && row.peakRssMiB != null) ? 'pass' : '—';
}

function rssCell(row: StepRow): string {
  if (row.peakRssMiB == null) return '';
  const mib = `${int(row.peakRssMiB)} MiB`;
  return memoryOver(row) ? `**${mib}** (> 1 GiB)` : mib;
}

export function markdownTable(rows: StepRow[]): string {
  const lines = [
    '| step | time s | CPU s | rate | peak RSS | ratio / target | pass | load |',
    '| --- | ---: | ---: | --- | ---: | --- | --- | ---: |',
  ];
  for (const r of rows) {
    const check = r.check ? `${r.check.measured} (target ${r.check.target})` : '';
    const cells = [
      r.step,
      r.seconds != null ? secs(r.seconds) : '',
      r.cpuSeconds != null ? secs(r.cpuSeconds) : '',
      (r.rates ?? []).join(', '),
      rssCell(r),
      check,
      verdict(r),
      r.load != null ? r.load.toFixed(1) : '',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The notes under the table: each step's command, and why a step failed or is not available. */
export function markdownNotes(rows: StepRow[]): string {
  return rows
    .filter((r) => r.command || r.note)
    .map((r) => `- **${r.step}**${r.note ? `: ${r.note.replace(/\n/g, ' ⏎ ')}` : ''}${r.command ? `\n  \`${r.command}\`` : ''}`)
    .join('\n');
}
