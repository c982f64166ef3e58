import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { evaluate, MEASURES, norm, type Gold } from '../src/eval/compare.js';
import { extractDocument } from '../src/extract/pipeline.js';
import type { ExtractionOut } from '../src/extract/types.js';
import { readSource } from '../src/ingest/read.js';

/** The project root, from dist/tests/eval.test.js. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SAMPLE = join(ROOT, 'data', 'samples', '000_3676fee7047f7844.txt');
const GOLD = join(SHARED, 'gold', '000_3676fee7047f7844.gold.json');
const SCHEMA = join(SHARED, 'contracts', 'extraction.schema.json');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

const GOOD_PAGE = '本报讯（记者 周明）3月6日，市委常委、副市长孙立新带队到城东新区调研春季植树工作。\n';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('eval and CLI', function () {
  this.timeout(20000);

  describe('evaluate on the bundled sample', function () {
    let report: ReturnType<typeof evaluate>;
    before(function () {
      if (!existsSync(GOLD)) this.skip();
      const { document, problems } = readSource(SAMPLE);
      expect(problems).to.deep.equal([]);
      expect(document).to.not.equal(null);
      const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Gold;
      report = evaluate(gold, extractDocument(document!));
    });

    it('scores every measure at F1 ≥ 0.98', () => {
      const scored = MEASURES.filter((m) => report.scores[m]);
      expect(scored.length).to.be.greaterThan(0);
      for (const m of scored) {
        const s = report.scores[m]!;
        expect(s.f1, `${m}: misses ${s.misses.join('、')}; false hits ${s.falseHits.join('、')}`).to.be.at.least(0.98);
      }
    });

    it('finds all 9 articles and 8 headlines', () => {
      expect(report.articles).to.deep.include({ found: 9, total: 9 });
      expect(report.articles.missing).to.deep.equal([]);
      expect(report.headlines.total).to.equal(8);
      expect(report.headlines.right, JSON.stringify(report.headlines.wrong)).to.equal(8);
    });

    it('resolves at least 14 titles to their organizations', () => {
      expect(report.scores.titlesResolved).to.not.equal(undefined);
      expect(report.scores.titlesResolved!.tp).to.be.at.least(14);
    });

    it('violates no must-not', () => {
      expect(report.mustNot).to.deep.equal([]);
    });
  });

  it('compares names with full-width and ASCII brackets alike (中国通用技术（集团）控股有限责任公司)', () => {
    expect(norm('某某技术（集团）有限公司')).to.equal(norm('某某技术(集团)有限公司'));
    expect(norm('某某集团')).to.not.equal(norm('某某(集团)'));
  });

  it('scores a post held in two bodies (书记 of a county and of a town) as two titles, each prediction taking its own', () => {
    const text = '东山县委书记王东出席。城关镇党委书记王东陪同。';
    const doc = { path: 'w.jsonl', name: 'w.jsonl', format: 'jsonl' as const, encoding: 'UTF-8', units: [{ kind: 'record' as const, line: 1, text, title: '标题', source: '某某网' }] };
    const extraction = extractDocument(doc);
    expect(extraction.articles[0].persons[0].titles.map((t) => t.title)).to.deep.equal(['书记', '书记']);
    const gold: Gold = {
      document: 'w.jsonl',
      articles: [
        {
          key: 'w',
          snippet: '城关镇党委书记',
          headline: null,
          headlineOptional: true,
          persons: [{ name: '王东', titles: [{ title: '书记', org: ['中共东山县委'] }, { title: '书记', org: ['城关镇党委'] }] }],
        },
      ],
    };
    const titles = evaluate(gold, extraction).scores.titles!;
    expect([titles.tp, titles.fp, titles.fn]).to.deep.equal([2, 0, 0]);
  });

  describe('the extract command', () => {
    let dir: string;
    before(function () {
      if (!existsSync(CLI)) this.skip();
      dir = mkdtempSync(join(tmpdir(), 'guanxi-cli-'));
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('reports a binary file, exits 1, and still extracts the good file', () => {
      const binary = join(dir, 'photo.bin');
      const bytes = Buffer.alloc(512);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37) % 256;
      writeFileSync(binary, bytes);
      const good = join(dir, 'good.txt');
      writeFileSync(good, GOOD_PAGE);
      const r = cli(['extract', binary, good]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain(binary);
      expect(r.stderr).to.contain('binary');
      const lines = r.stdout.trim().split('\n');
      expect(lines).to.have.length(1);
      const out = JSON.parse(lines[0]) as ExtractionOut;
      expect(out.document).to.equal('good.txt');
      expect(out.articles).to.have.length(1);
      expect(out.articles[0].persons.map((p) => p.name)).to.include('孙立新');
    });

    it('names the broken line of a JSONL file and extracts the other records', () => {
      const jsonl = join(dir, 'news.jsonl');
      writeFileSync(
        jsonl,
        [
          JSON.stringify({ id: 'a1', title: '孙立新调研植树工作', date: '2023-03-06', text: '3月6日，副市长孙立新带队到城东新区调研春季植树工作。' }),
          '{"id": "a2", "title": "坏行", "text": "没有结束',
          JSON.stringify({ id: 'a3', title: '志愿者走进敬老院', date: '2023-03-05', text: '3月5日，市民政局局长何静带领志愿者走进敬老院看望老人。' }),
        ].join('\n') + '\n',
      );
      const r = cli(['extract', jsonl]);
      expect(r.status).to.equal(1);
      expect(r.stderr).to.contain(`${jsonl}:2:`);
      expect(r.stderr).to.not.contain(`${jsonl}:1:`);
      expect(r.stderr).to.not.contain(`${jsonl}:3:`);
      const out = JSON.parse(r.stdout) as ExtractionOut;
      expect(out.articles.map((a) => a.id)).to.deep.equal(['a1', 'a3']);
      expect(out.articles.map((a) => a.headline)).to.deep.equal(['孙立新调研植树工作', '志愿者走进敬老院']);
    });

    it('prints JSON that satisfies the shared extraction schema', function () {
      if (!existsSync(SCHEMA)) this.skip();
      const r = cli(['extract', '--format', 'json', SAMPLE]);
      expect(r.status, r.stderr).to.equal(0);
      const out = JSON.parse(r.stdout) as ExtractionOut;
      expect(out.articles.length).to.be.at.least(9);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
      const ok = validate(out);
      expect(ok, ajv.errorsText(validate.errors)).to.equal(true);
    });

    it('the schema check can fail: an article without its text is rejected', function () {
      if (!existsSync(SCHEMA)) this.skip();
      const { document } = readSource(SAMPLE);
      const out = extractDocument(document!) as unknown as { articles: Record<string, unknown>[] };
      delete out.articles[0].text;
      delete out.articles[0].persons;
      const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
      expect(validate(out)).to.equal(false);
    });
  });
});
