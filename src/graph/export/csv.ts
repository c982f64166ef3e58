/** Entity tables as RFC 4180 CSV files (UTF-8; a BOM on request, for Excel). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityTable } from './tables.js';

/** A field quoted when it holds a comma, a quote, a CR or an LF, a lone one included (RFC 4180, 2.6). */
function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header and the rows (values by column), every record ended by CRLF. */
export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[], bom = false): string {
  const records = [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((values) => values.map(field).join(',') + '\r\n');
  return (bom ? '\uFEFF' : '') + records.join('');
}

export function tableCsv(table: EntityTable, bom = false): string {
  return csvText(table.columns, table.rows, bom);
}

/** Writes `<name>.csv` for each table into `dir`; returns the paths written. */
export function writeCsvFiles(tables: readonly EntityTable[], dir: string, bom = false): string[] {
  mkdirSync(dir, { recursive: true });
  return tables.map((t) => {
    const path = join(dir, `${t.name}.csv`);
    writeFileSync(path, tableCsv(t, bom));
    return path;
  });
}
