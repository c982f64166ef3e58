/** Entity tables as RFC 4180 CSV files (UTF-8; a BOM on request, for Excel). */
import { stringify } from 'csv-stringify/sync';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityTable } from './tables.js';

export function tableCsv(table: EntityTable, bom = false): string {
  return stringify(table.rows, { header: true, columns: table.columns, bom, record_delimiter: '\r\n' });
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
