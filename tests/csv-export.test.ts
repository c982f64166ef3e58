/**
 * CSV that every reader reads: evidence with line feeds, carriage returns, quotes and commas is
 * exported by both stores, read back with a strict parser that, like Excel and pandas, ends a record
 * at any line break outside quotes, and gives exactly the rows and values the graph holds.
 */
import { expect } from 'chai';
import { careerOf, holdingsOf } from '../src/graph/careers.js';
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, type GuanxiGraph } from '../src/graph/assemble.js';
import { entityTables, type EntityTable } from '../src/graph/export/tables.js';
import type { DocumentFacts, RelationshipRecord } from '../src/graph/model.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { Neo4jStore } from '../src/store/neo4j-store.js';
import { SnapshotGraphStore } from '../src/store/snapshot-store.js';
import { testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

/** Sentences as crawled text gives them: a trailing LF, a lone CR, CRLF, quotes and commas. */
const AWKWARD = ['王明出席会议。\n', '李华\r主持会议。', '张强、\r\n赵亮参加。', '他说："要抓落实，抓好,落实"。', '\n', '"', ','];

function awkwardDocument(): DocumentFacts {
  const article = 'awkward.jsonl#1';
  const date = '2023-02-18';
  const persons = ['王明', '李华', '张强', '赵亮', '刘"一",二', '陈\n三', '周\r四'];
  const event = { id: '许昌市|2023-02-18|会议,"一"\n', name: '会议,"一"\n' };
  const relationships: RelationshipRecord[] = [];
  persons.forEach((name, i) => {
    const sentence = AWKWARD[i % AWKWARD.length];
    const person = { label: 'Person' as const, id: `${name}@?` };
    relationships.push(
      { type: 'MENTIONS', from: { label: 'Article', id: article }, to: person, props: { article, sentence, mention: name, date, count: 1, titles: ['主任\n', '"副"主任'], resolution: 'name-only' } },
      { type: 'HOLDS', from: person, to: { label: 'Organization', id: '许昌市,"委"' }, props: { article, sentence, date, title: `书记${i}\r\n`, rank: i % 2 ? null : '正处级', act: null } },
      { type: 'PARTICIPATED_IN', from: person, to: { label: 'Event', id: event.id }, props: { article, sentence, date, roles: ['attended', 'spoke'], evidence: [sentence, AWKWARD[(i + 1) % AWKWARD.length]] } },
    );
  });
  relationships.push(
    { type: 'REPORTS', from: { label: 'Article', id: article }, to: { label: 'Event', id: event.id }, props: { article, sentence: AWKWARD[0], date } },
    { type: 'HELD_AT', from: { label: 'Event', id: event.id }, to: { label: 'Place', id: '许昌市\r' }, props: { article, sentence: AWKWARD[2], date } },
  );
  return {
    document: 'awkward.jsonl',
    hash: 'awkward-v1',
    nodes: [
      { label: 'Article', props: { id: article, document: 'awkward.jsonl', form: 'article', headline: '标题,\n"一"', date, home: null } },
      ...persons.map((name) => ({ label: 'Person' as const, props: { id: `${name}@?`, name, region: null, resolution: 'name-only' as const } })),
      { label: 'Organization', props: { id: '许昌市,"委"', name: '许昌市,"委"' } },
      { label: 'Event', props: { id: event.id, name: event.name, type: 'meeting', date, dates: [date], region: null } },
      { label: 'Place', props: { id: '许昌市\r', name: '许昌市\r', level: 'other' } },
    ],
    relationships,
  };
}

/** Strict: every record has the header's columns, quotes are never relaxed, and any line break outside quotes ends a record. */
function readStrict(text: string): Record<string, string>[] {
  return parse(text, {
    bom: true,
    columns: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: false,
    relax_quotes: false,
    skip_empty_lines: false,
    trim: false,
  }) as Record<string, string>[];
}

const asStrings = (t: EntityTable) => t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c, String(r[c] ?? '')])));

function expectExportOf(graph: GuanxiGraph, out: string): void {
  const count = (kind: string) => graph.filterNodes((_, a) => a.kind === kind).length;
  const edges = (rel: string) => graph.filterEdges((_, a) => a.rel === rel);
  const mentionTitles = edges('MENTIONS').reduce((n, e) => n + (graph.getEdgeAttribute(e, 'titles' as never) as string[]).length, 0);
  const expected: Record<string, number> = {
    persons: count('Person'),
    organizations: count('Organization'),
    places: count('Place'),
    events: count('Event'),
    titles: edges('HOLDS').length + mentionTitles,
    participation: edges('PARTICIPATED_IN').length,
    // One row per post (person, organization, title), however many articles show it.
    careers: new Set(edges('HOLDS').map((e) => `${graph.source(e)}\n${graph.target(e)}\n${graph.getEdgeAttribute(e, 'title' as never)}`)).size,
    'career-changes': graph.filterNodes((_, a) => a.kind === 'Person').reduce((n, p) => n + careerOf(holdingsOf(graph, p)).changes.length, 0),
  };
  for (const table of entityTables(graph)) {
    const rows = readStrict(readFileSync(join(out, `${table.name}.csv`), 'utf8'));
    expect(rows, table.name).to.have.length(expected[table.name]);
    // Rows in any order: compare them as sets of values.
    const key = (r: Record<string, string>) => JSON.stringify(r);
    expect(rows.map(key).sort(), table.name).to.deep.equal(asStrings(table).map(key).sort());
  }
}

describe('CSV export (RFC 4180, read back strictly)', function () {
  this.timeout(180_000);
  let dir: string;
  const graph = buildGraph([awkwardDocument()]);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-csv-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the awkward evidence the test is about', () => {
    const sentences = graph.mapEdges((_, a) => ('sentence' in a ? a.sentence : ''));
    for (const s of AWKWARD) expect(sentences).to.include(s);
  });

  it('exports the snapshot to exactly the rows the graph holds, with or without a BOM', async () => {
    const snapshot = join(dir, 'graph.jsonl');
    const store = SnapshotGraphStore.open(snapshot);
    await store.write([awkwardDocument()]);
    for (const bom of [false, true]) {
      const out = join(dir, `snapshot-csv-${bom}`);
      const r = spawnSync(process.execPath, [CLI, 'export', '--snapshot', snapshot, '--csv', out, ...(bom ? ['--bom'] : [])], { encoding: 'utf8' });
      expect(r.status, r.stderr).to.equal(0);
      expectExportOf(graph, out);
    }
  });

  it('answers a named query as CSV that reads back to its rows', async () => {
    const snapshot = join(dir, 'graph.jsonl');
    const r = spawnSync(process.execPath, [CLI, 'query', '--snapshot', snapshot, '--name', 'participants-of-event', '--param', 'event=会议', '--format', 'csv'], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    const rows = readStrict(r.stdout);
    expect(rows).to.have.length(7);
    expect(rows.map((row) => row.event)).to.deep.equal(Array(7).fill('会议,"一"\n'));
  });

  it('exports Neo4j to exactly the rows the graph holds', async () => {
    const uri = await testNeo4jUri();
    const store = await Neo4jStore.connect(uri, { schema: true });
    try {
      await wipeTestDatabase(store.client);
      await store.write([awkwardDocument()]);
      const out = join(dir, 'neo4j-csv');
      const r = spawnSync(process.execPath, [CLI, 'export', '--neo4j', uri, '--csv', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).to.equal(0);
      expectExportOf(await store.graph(), out);
      expectExportOf(graph, out);
    } finally {
      await store.close();
    }
  });
});
