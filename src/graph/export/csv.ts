/** Entity tables as RFC 4180 CSV files (UTF-8; a BOM on request, for Excel). */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityTable } from './tables.js';

/** A field quoted when it holds a comma, a quote, a CR or an LF, a lone one included (RFC 4180, 2.6). */
function field(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records, each ended by CRLF. */
function records(rows: readonly (readonly unknown[])[]): string {
  return rows.map((values) => values.map(field).join(',') + '\r\n').join('');
}

/** A header and the rows (values by column), every record ended by CRLF. */
export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[], bom = false): string {
  return (bom ? '\uFEFF' : '') + records([columns, ...rows.map((r) => columns.map((c) => r[c]))]);
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

/**
 * The same files written a page of rows at a time (a large store's export): `add` appends each
 * table's rows to its file, whose header was written on the first page.
 */
export class CsvFilesWriter {
  private files: { path: string; fd: number; rows: number }[] = [];

  constructor(
    private readonly dir: string,
    private readonly bom = false,
  ) {}

  add(tables: readonly EntityTable[]): void {
    if (!this.files.length) {
      mkdirSync(this.dir, { recursive: true });
      this.files = tables.map((t) => {
        const path = join(this.dir, `${t.name}.csv`);
        const fd = openSync(path, 'w');
        writeSync(fd, (this.bom ? '\uFEFF' : '') + records([t.columns]));
        return { path, fd, rows: 0 };
      });
    }
    tables.forEach((t, i) => {
      if (!t.rows.length) return;
      writeSync(this.files[i].fd, records(t.rows.map((r) => t.columns.map((c) => r[c]))));
      this.files[i].rows += t.rows.length;
    });
  }

  /** Closes the files; returns each one's path and rows. */
  close(): { path: string; rows: number }[] {
    for (const f of this.files) closeSync(f.fd);
    return this.files.map(({ path, rows }) => ({ path, rows }));
  }
}
