/**
 * The importer's CSV files (src/store/neo4j-import-csv.ts), read back with a CSV parser: headers,
 * quoting of Chinese text with quotes, commas and line breaks, null against '' against [], lists,
 * rows spanning lines in small files of their own, and the refusals that keep a property from being
 * lost. tests/neo4j-bulk.test.ts shows the real importer reads them as the incremental writer stores.
 */
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ARRAY_DELIMITER, ImportCsvWriter, MULTILINE_FILE_CHARS } from '../src/store/neo4j-import-csv.js';

const rows = (path: string): string[][] => parse(readFileSync(path, 'utf8'), { relax_column_count: false });
/** The fields as written, to tell a quoted '' from an empty unquoted field. */
const raw = (path: string): string[] => readFileSync(path, 'utf8').split('\n');

describe("the importer's CSV files", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'guanxi-import-csv-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a node file per label with typed headers, every string quoted and quotes doubled', () => {
    const csv = new ImportCsvWriter(dir);
    csv.node('Event', { id: '许昌市|2023-02-17|"两会"，开幕', name: '他说："好，很好"', type: 'meeting', date: '2023-02-17', dates: ['2023-02-17', '2023-02-18'], region: null });
    const files = csv.close();
    expect(files.nodes.map((f) => basename(f))).to.deep.equal(['nodes-Event.csv']);
    const [header, row] = rows(files.nodes[0]);
    expect(header).to.deep.equal(['id:ID(Event)', ':LABEL', 'name', 'type', 'date', 'dates:string[]', 'region']);
    expect(row).to.deep.equal(['许昌市|2023-02-17|"两会"，开幕', 'Event', '他说："好，很好"', 'meeting', '2023-02-17', `2023-02-17${ARRAY_DELIMITER}2023-02-18`, '']);
    expect(raw(files.nodes[0])[1]).to.equal(`"许昌市|2023-02-17|""两会""，开幕",Event,"他说：""好，很好""","meeting","2023-02-17","2023-02-17${ARRAY_DELIMITER}2023-02-18",`);
  });

  it("keeps '' as a quoted empty string, null as no value, and counts the empty lists the importer will drop", () => {
    const csv = new ImportCsvWriter(dir);
    const to = { label: 'Person' as const, id: '王明@许昌市' };
    csv.relationship('MENTIONS', { label: 'Article', id: 'a#1' }, to, { article: 'a#1', sentence: '', date: null, count: 2, titles: [], resolution: null, mention: '王明' });
    csv.relationship('MENTIONS', { label: 'Article', id: 'a#2' }, to, { article: 'a#2', sentence: '王明县长说', date: '2023-02-17', count: 1, titles: ['县长'], resolution: 'org-region', mention: '王明' });
    const files = csv.close();
    const path = files.relationships[0];
    expect(basename(path)).to.equal('relationships-MENTIONS-Article-Person.csv');
    expect(raw(path)[0]).to.equal(':START_ID(Article),:END_ID(Person),:TYPE,article,sentence,date,mention,count:double,titles:string[],resolution,basis');
    expect(raw(path)[1]).to.equal('"a#1","王明@许昌市",MENTIONS,"a#1","",,"王明",2,,,');
    expect(files.emptyLists).to.deep.equal({ 'MENTIONS.titles': 1 });
    expect(files.relationshipCount).to.equal(2);
  });

  it('writes the evidence of each role as a list aligned with the roles, and counts empty ones as it counts empty roles', () => {
    const csv = new ImportCsvWriter(dir);
    const person = { label: 'Person' as const, id: '王明@许昌市' };
    const event = { label: 'Event' as const, id: '许昌市|2023-02-17|会议' };
    csv.relationship('PARTICIPATED_IN', person, event, { article: 'a#1', sentence: '王明出席会议。', date: '2023-02-17', roles: ['attended', 'spoke'], evidence: ['王明出席会议。', '王明说："好，很好"。'] });
    csv.relationship('PARTICIPATED_IN', person, { ...event, id: '许昌市|2023-02-18|会议' }, { article: 'a#2', sentence: '', date: null, roles: [], evidence: [] });
    const files = csv.close();
    const [header, row, empty] = rows(files.relationships[0]);
    expect(header).to.deep.equal([':START_ID(Person)', ':END_ID(Event)', ':TYPE', 'article', 'sentence', 'date', 'roles:string[]', 'evidence:string[]']);
    expect(row.slice(6)).to.deep.equal([`attended${ARRAY_DELIMITER}spoke`, `王明出席会议。${ARRAY_DELIMITER}王明说："好，很好"。`]);
    expect(empty.slice(6)).to.deep.equal(['', '']);
    expect(files.emptyLists).to.deep.equal({ 'PARTICIPATED_IN.roles': 1, 'PARTICIPATED_IN.evidence': 1 });
  });

  it('puts the rows with a line break into small files of their own, named as multiline', () => {
    const csv = new ImportCsvWriter(dir);
    const from = { label: 'Article' as const, id: 'a#1' };
    const long = '会'.repeat(300_000);
    for (let i = 0; i < 8; i++) csv.relationship('REPORTS', from, { label: 'Event', id: `e${i}` }, { article: 'a#1', sentence: `${long}\n${i}`, date: null });
    csv.relationship('REPORTS', from, { label: 'Event', id: 'plain' }, { article: 'a#1', sentence: '一行', date: null });
    const files = csv.close();
    expect(files.multiline.map((f) => basename(f))).to.deep.equal([1, 2, 3].map((n) => `relationships-REPORTS-Article-Event.multiline-${n}.csv`));
    expect(files.relationships).to.include.members(files.multiline);
    for (const path of files.multiline) expect(readFileSync(path, 'utf8').length).to.be.at.most(MULTILINE_FILE_CHARS);
    const back = files.multiline.flatMap((path) => rows(path).slice(1).map((r) => r[4]));
    expect(back).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${long}\n${i}`));
    expect(rows(join(dir, 'relationships-REPORTS-Article-Event.csv')).slice(1).map((r) => r[1])).to.deep.equal(['plain']);
  });

  it('refuses a property without a column, and a list element the importer cannot hold', () => {
    const csv = new ImportCsvWriter(dir);
    expect(() => csv.node('Place', { id: '许昌市', name: '许昌市', level: 'city', population: 4 })).to.throw(/Place\.population has no column/);
    const ref = { label: 'Person' as const, id: 'p' };
    const event = { label: 'Event' as const, id: 'e' };
    expect(() => csv.relationship('PARTICIPATED_IN', ref, event, { article: 'a', sentence: 's', date: null, roles: [''] })).to.throw(/PARTICIPATED_IN\.roles: the importer cannot hold/);
    expect(() => csv.relationship('PARTICIPATED_IN', ref, event, { article: 'a', sentence: 's', date: null, roles: [`led${ARRAY_DELIMITER}spoke`] })).to.throw(/cannot hold/);
    csv.close();
  });
});
