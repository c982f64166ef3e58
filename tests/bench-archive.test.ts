/**
 * bench:archive's parts that decide what it measures: the archive it builds (every copy of the
 * month in a month of its own, ids distinct, years in the text moved along), what it reads from the
 * CLI (options, counts), and how a row is judged. No time is asserted.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { copyMonth, shiftRecord, shiftYearsInText, writeArchive, type ArchiveShape } from '../bench/archive-corpus.js';
import { markdownTable, verdict, type StepRow } from '../bench/archive-report.js';
import { commandOptions, countsFromOutput, nodesIn, relationshipsIn } from '../bench/guanxi-cli.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

/** Three invented PFR articles (days 2 and 21): paragraph lines `date-page-article-paragraph/m  word/tag …`. */
const PFR = [
  '19980102-03-001-001/m  全县/n  冬季/t  农田/n  水利/n  建设/vn  会议/n  召开/v  ',
  '19980102-03-001-002/m  本报讯/n  １９９８年/t  １月/t  １日/t  ，/w  [新安县/ns  人民政府/n]nt  召开/v  会议/n  。/w  ',
  '19980102-03-001-003/m  县长/n  周/nr  明远/nr  主持/v  会议/n  。/w  ',
  '19980121-05-002-001/m  一九九七年/t  回顾/v  ',
  '19980121-05-002-002/m  一九九七年/t  ，/w  全省/n  粮食/n  丰收/v  。/w  ',
  '19980121-05-003-001/m  简讯/n  ',
].join('\n');

const DECADE: ArchiveShape = { copies: 48, years: 10, firstYear: 2015 };

describe('bench:archive', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-bench-archive-'));
    writeFileSync(join(dir, 'pfr.txt'), PFR + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('the archive', () => {
    it('puts each of 48 copies in a month of its own, over all ten years', () => {
      const months = Array.from({ length: 48 }, (_, i) => copyMonth(i, DECADE));
      expect(new Set(months.map((m) => `${m.year}-${m.month}`)).size).to.equal(48);
      expect(months[0]).to.deep.equal({ year: 2015, month: 1 });
      expect(new Set(months.map((m) => m.year))).to.deep.equal(new Set([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]));
      expect(() => copyMonth(0, { copies: 13, years: 1, firstYear: 2015 })).to.throw(/13 copies do not fit in 1 years/);
    });

    it('moves years written in ASCII, full-width and Chinese digits, and nothing else', () => {
      expect(shiftYearsInText('１９９８年１月１日，1997年底，一九九七年，二〇〇〇年', 20)).to.equal('２０１８年１月１日，2017年底，二〇一七年，二〇二〇年');
      expect(shiftYearsInText('一九九八年', 2)).to.equal('二〇〇〇年');
      // Not years of 1900–2099, or not before 年: left as they are.
      expect(shiftYearsInText('三四五六年，12345元，1998，一二三四年', 20)).to.equal('三四五六年，12345元，1998，一二三四年');
    });

    it('gives a copy its month: date, id and the years of its text', () => {
      const record = { id: '19980131-04-002', title: '一九九八年新春', date: '1998-01-31', source: '人民日报', text: '１９９８年１月３１日电' };
      // Twelve copies in one year: copy 1 is February.
      const shape = { copies: 12, years: 1, firstYear: 2015 };
      expect(shiftRecord(record, 1, shape)).to.deep.equal({
        // February has no 31st: the day runs into March.
        id: 'c1:20150303-04-002',
        title: '二〇一五年新春',
        date: '2015-03-03',
        source: '人民日报',
        text: '２０１５年１月３１日电',
      });
    });

    it('is written once as JSON Lines, every article distinct, and its first copies as a file of their own', () => {
      const corpus = join(dir, 'pfr.txt');
      const shape = { copies: 4, years: 1, firstYear: 2015 };
      const full = writeArchive(corpus, join(dir, 'cache'), shape);
      expect(full.built).to.equal(true);
      const lines = readFileSync(full.path, 'utf8').trimEnd().split('\n');
      const records = lines.map((l) => JSON.parse(l) as { id: string; date: string; text: string; title: string });
      expect(records).to.have.length(12);
      expect(new Set(records.map((r) => r.id)).size).to.equal(12);
      expect(new Set(records.map((r) => r.date.slice(0, 7)))).to.deep.equal(new Set(['2015-01', '2015-04', '2015-07', '2015-10']));
      expect(records[1]).to.include({ date: '2015-01-21', title: '二〇一四年回顾', text: '二〇一四年，全省粮食丰收。' });
      expect(full.manifest).to.include({ records: 12, written: 4, bytes: statSync(full.path).size });
      expect(full.manifest.chars).to.equal(records.reduce((n, r) => n + r.text.length, 0));

      expect(writeArchive(corpus, join(dir, 'cache'), shape).built).to.equal(false);
      const first = writeArchive(corpus, join(dir, 'cache'), shape, 2);
      expect(first.path).to.not.equal(full.path);
      expect(readFileSync(first.path, 'utf8')).to.equal(lines.slice(0, 6).join('\n') + '\n');
    });
  });

  describe('the CLI', () => {
    it('lists the options of a command from its --help', () => {
      const ingest = commandOptions(CLI, 'ingest');
      expect(ingest.has('--snapshot')).to.equal(true);
      expect(ingest.has('--batch')).to.equal(true);
      expect(ingest.has('--help')).to.equal(true);
      expect(ingest.has('--jobs')).to.equal(true);
      expect(ingest.has('--no-such-option')).to.equal(false);
      expect(commandOptions(CLI, 'extract').has('--jobs')).to.equal(true);
    });

    it('reads the counts an ingest prints', () => {
      const archive = writeArchive(join(dir, 'pfr.txt'), join(dir, 'cache'), { copies: 2, years: 1, firstYear: 2015 });
      const db = join(dir, 'graph.db');
      const r = spawnSync(process.execPath, [CLI, 'ingest', archive.path, '--snapshot', db], { encoding: 'utf8' });
      expect(r.status, r.stderr).to.equal(0);
      const counts = countsFromOutput(r.stdout);
      expect(counts.Article).to.equal(6);
      expect(counts.Person).to.be.greaterThan(0);
      expect(relationshipsIn(counts)).to.equal(Object.entries(counts).filter(([k]) => k === k.toUpperCase()).reduce((n, [, v]) => n + v, 0));
      expect(relationshipsIn(counts)).to.be.greaterThan(0);
      expect(nodesIn(counts) + relationshipsIn(counts)).to.equal(Object.values(counts).reduce((n, v) => n + v, 0));
    });
  });

  describe('the report', () => {
    const row = (over: Partial<StepRow>): StepRow => ({ step: 'ingest', outcome: 'ok', seconds: 10, peakRssMiB: 500, client: true, ...over });

    it('fails a step over its target, and a client process over 1 GiB, but not the Neo4j server', () => {
      expect(verdict(row({ check: { measured: '1.9×', target: '≥ 1.8×', pass: true } }))).to.equal('pass');
      expect(verdict(row({ check: { measured: '1.2×', target: '≥ 1.8×', pass: false } }))).to.equal('**FAIL**');
      expect(verdict(row({ peakRssMiB: 1500 }))).to.equal('**FAIL**');
      expect(verdict(row({ peakRssMiB: 2100, client: false }))).to.equal('—');
      expect(verdict(row({ outcome: 'not available' }))).to.equal('not available');
    });

    it('gives each step a row', () => {
      const table = markdownTable([row({ step: 'extract --jobs 1' }), row({ step: 'serve', peakRssMiB: 1200 })]);
      const lines = table.split('\n');
      expect(lines).to.have.length(4);
      expect(lines[3]).to.match(/^\| serve \| 10\.0 \|.*\*\*1,200 MiB\*\* \(> 1 GiB\)/);
    });
  });
});
