/**
 * The CSV files `neo4j-admin database import full` reads: one file per node label and one per
 * relationship type and pair of labels, each with its header (`id:ID(Person)`, `:LABEL`,
 * `:START_ID(Person)`, `:END_ID(Organization)`, `:TYPE`, typed columns like `dates:string[]`).
 * Rows are appended as they come and flushed in blocks, so that a load of any size needs little memory;
 * the few rows with a value spanning lines go to small files of their own (MULTILINE_FILE_CHARS).
 *
 * The columns say which type each property gets, chosen so that the imported graph holds exactly
 * what the incremental writer (src/store/neo4j-store.ts) stores: strings, lists of strings, and
 * MENTIONS.count as a float (the driver sends a JavaScript number as one). A null property is an
 * empty unquoted field (no property); every string is quoted, so '' stays an empty string. The
 * importer drops an empty list (a field it reads as no value), so empty lists are counted here and
 * put back after the import (cypher/write/bulk-empty-*.cypher).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeLabel, RelationshipType } from '../graph/model.js';

type ColumnType = 'string' | 'string[]' | 'double' | 'datetime';

interface Column {
  name: string;
  type: ColumnType;
}

const text = (name: string): Column => ({ name, type: 'string' });
const list = (name: string): Column => ({ name, type: 'string[]' });

/** The graph's labels and the bookkeeping one: which documents are stored, with their hash (cypher/write/mark-documents.cypher). */
export type ImportLabel = NodeLabel | 'Document';

/** Every property but `id` (the ID column) of each label, in column order. */
const NODE_COLUMNS: Record<ImportLabel, readonly Column[]> = {
  Person: [text('name'), text('region'), text('resolution'), list('merged'), list('evidence')],
  Organization: [text('name')],
  Place: [text('name'), text('level')],
  Event: [text('name'), text('type'), text('date'), list('dates'), text('region')],
  Article: [text('document'), text('form'), text('headline'), text('date'), text('home')],
  Document: [text('hash'), text('path'), { name: 'storedAt', type: 'datetime' }],
};

const PROVENANCE = [text('article'), text('sentence'), text('date')];

const RELATIONSHIP_COLUMNS: Record<RelationshipType, readonly Column[]> = {
  HOLDS: [...PROVENANCE, text('title'), text('rank'), text('act')],
  PARTICIPATED_IN: [...PROVENANCE, list('roles'), list('evidence')],
  HELD_AT: PROVENANCE,
  REPORTS: PROVENANCE,
  MENTIONS: [...PROVENANCE, text('mention'), { name: 'count', type: 'double' }, list('titles'), text('resolution'), text('basis')],
  WROTE: [...PROVENANCE, text('role')],
  PART_OF: [text('rule')],
  LOCATED_IN: [text('rule')],
};

/**
 * Between the elements of a list: a control character no text holds, where the default `;` may well
 * be in a title. The importer is told with --array-delimiter.
 */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_ARGUMENT = 'U+001F';

/** A string as a quoted CSV field: quotes doubled, commas and newlines kept inside the quotes. */
export function quoted(value: string): string {
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}

/** What the writer wrote, for the importer's command line and what follows the import. */
export interface ImportFiles {
  dir: string;
  /** Absolute paths of the node files and of the relationship files. */
  nodes: string[];
  relationships: string[];
  /** Those of the files above that hold values spanning lines (the importer must be told, and reads them more slowly). */
  multiline: string[];
  /** Empty lists the importer will drop, by `Label.property` or `TYPE.property`: to be put back after it. */
  emptyLists: Record<string, number>;
  nodeCount: number;
  relationshipCount: number;
}

/** Rows are gathered up to this many characters and written in one call. */
const FLUSH_CHARS = 1 << 16;

/**
 * Rows with a value spanning lines go to files of their own of at most this many characters. The
 * importer reads such files (--multiline-fields) in buffers of 4,194,304 characters, and when one
 * fills a buffer it looks back for the last row's end by guessing where quoted values begin, which
 * fails on our rows ("found CR outside a text cell"); a file shorter than a buffer is read whole and
 * needs no guess. The other files, nearly all rows, are read the fast way.
 */
export const MULTILINE_FILE_CHARS = 1_000_000;

/** One CSV file being appended to. */
class CsvFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private pending = 0;
  /** Characters written and pending, header included. */
  chars = 0;

  constructor(readonly path: string, header: string) {
    this.fd = openSync(path, 'w');
    this.append(header);
  }

  append(line: string): void {
    this.chunks.push(line, '\n');
    this.pending += line.length + 1;
    this.chars += line.length + 1;
    if (this.pending >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.chunks.length) writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The files of one label, or of one relationship type between two labels: the main one, and those of rows spanning lines. */
class CsvGroup {
  private readonly main: CsvFile;
  readonly multiline: CsvFile[] = [];

  constructor(
    private readonly base: string,
    private readonly header: string,
  ) {
    this.main = new CsvFile(`${base}.csv`, header);
  }

  append(line: string): void {
    if (!line.includes('\n') && !line.includes('\r')) {
      this.main.append(line);
      return;
    }
    let file = this.multiline.at(-1);
    if (!file || file.chars + line.length + 1 > MULTILINE_FILE_CHARS) {
      if (this.header.length + line.length + 2 > MULTILINE_FILE_CHARS) throw new Error(`a row of ${line.length} characters is too long for the importer's files (${this.base})`);
      file = new CsvFile(`${this.base}.multiline-${this.multiline.length + 1}.csv`, this.header);
      this.multiline.push(file);
    }
    file.append(line);
  }

  close(): { all: string[]; multiline: string[] } {
    for (const file of [this.main, ...this.multiline]) file.close();
    return { all: [this.main.path, ...this.multiline.map((f) => f.path)], multiline: this.multiline.map((f) => f.path) };
  }
}

/** Writes nodes and relationships into the importer's CSV files in `dir`. */
export class ImportCsvWriter {
  private readonly groups = new Map<string, { group: CsvGroup; kind: 'nodes' | 'relationships' }>();
  private readonly emptyLists: Record<string, number> = {};
  private nodeCount = 0;
  private relationshipCount = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** One node; `props` holds `id` and the label's columns (null or absent: no property). */
  node(label: ImportLabel, props: Record<string, unknown>): void {
    const columns = NODE_COLUMNS[label];
    const group = this.group(`nodes-${label}`, 'nodes', () => [`id:ID(${label})`, ':LABEL', ...columns.map(header)]);
    const id = props.id;
    if (typeof id !== 'string') throw new Error(`a ${label} node without an id: ${JSON.stringify(props)}`);
    checkColumns(label, props, columns, ['id']);
    let line = `${quoted(id)},${label}`;
    for (const c of columns) line += `,${this.cell(label, c, props[c.name])}`;
    group.append(line);
    this.nodeCount++;
  }

  /** One relationship between nodes of the given labels and ids. */
  relationship(type: RelationshipType, from: { label: NodeLabel; id: string }, to: { label: NodeLabel; id: string }, props: object): void {
    const columns = RELATIONSHIP_COLUMNS[type];
    const group = this.group(`relationships-${type}-${from.label}-${to.label}`, 'relationships', () => [
      `:START_ID(${from.label})`,
      `:END_ID(${to.label})`,
      ':TYPE',
      ...columns.map(header),
    ]);
    const values = props as Record<string, unknown>;
    checkColumns(type, values, columns, []);
    let line = `${quoted(from.id)},${quoted(to.id)},${type}`;
    for (const c of columns) line += `,${this.cell(type, c, values[c.name])}`;
    group.append(line);
    this.relationshipCount++;
  }

  /** Closes every file; what was written. */
  close(): ImportFiles {
    const out: ImportFiles = { dir: this.dir, nodes: [], relationships: [], multiline: [], emptyLists: { ...this.emptyLists }, nodeCount: this.nodeCount, relationshipCount: this.relationshipCount };
    for (const { group, kind } of this.groups.values()) {
      const { all, multiline } = group.close();
      out[kind].push(...all);
      out.multiline.push(...multiline);
    }
    return out;
  }

  private group(name: string, kind: 'nodes' | 'relationships', header: () => string[]): CsvGroup {
    let entry = this.groups.get(name);
    if (!entry) {
      entry = { group: new CsvGroup(join(this.dir, name), header().join(',')), kind };
      this.groups.set(name, entry);
    }
    return entry.group;
  }

  /** A value as its column's field; `owner` is the label or type, for messages. */
  private cell(owner: string, column: Column, value: unknown): string {
    if (value === null || value === undefined) return '';
    const property = () => `${owner}.${column.name}`;
    switch (column.type) {
      case 'string':
      case 'datetime':
        if (typeof value !== 'string') throw new Error(`${property()}: expected a string, got ${JSON.stringify(value)}`);
        return quoted(value);
      case 'double':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${property()}: expected a number, got ${JSON.stringify(value)}`);
        return String(value);
      case 'string[]': {
        if (!Array.isArray(value)) throw new Error(`${property()}: expected a list, got ${JSON.stringify(value)}`);
        if (!value.length) {
          this.emptyLists[property()] = (this.emptyLists[property()] ?? 0) + 1;
          return '';
        }
        // The importer cannot tell [''] from [] nor an element holding the delimiter from two.
        for (const element of value) {
          if (typeof element !== 'string' || element === '' || element.includes(ARRAY_DELIMITER)) {
            throw new Error(`${property()}: the importer cannot hold the list element ${JSON.stringify(element)}`);
          }
        }
        return quoted(value.join(ARRAY_DELIMITER));
      }
    }
  }
}

function header(c: Column): string {
  return c.type === 'string' ? c.name : `${c.name}:${c.type}`;
}

const columnNames = new Map<readonly Column[], Set<string>>();

/** A property without a column would be lost without a word: the columns above must follow the model. */
function checkColumns(owner: string, props: Record<string, unknown>, columns: readonly Column[], also: string[]): void {
  let names = columnNames.get(columns);
  if (!names) columnNames.set(columns, (names = new Set(columns.map((c) => c.name))));
  for (const key in props) {
    if (!names.has(key) && !also.includes(key)) {
      throw new Error(`${owner}.${key} has no column in the importer's files (src/store/neo4j-import-csv.ts lists them)`);
    }
  }
}
