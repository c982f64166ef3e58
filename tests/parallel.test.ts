/**
 * Extraction on worker threads in the input's order (src/extract/parallel.ts, extraction-task.ts,
 * in-order.ts): the same articles and the same JSON as on one thread, from the pool and from the
 * command line, with bounded work in flight.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pfrJsonlRecord } from '../bench/whole-process.js';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import { articleJson } from '../src/extract/article-json.js';
import { inOrder } from '../src/extract/in-order.js';
import { ExtractionPool } from '../src/extract/parallel.js';
import { extractDocument } from '../src/extract/pipeline.js';
import { LONG_ARTICLE } from '../src/extract/work-units.js';
import { readSource } from '../src/ingest/read.js';
import type { RecordUnit, SourceDocument } from '../src/ingest/types.js';
import { DEFAULT_SAMPLE, PACKAGE_ROOT } from '../src/paths.js';
import { mulberry32 } from '../src/seeded-random.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const CORPUS = join(PACKAGE_ROOT, '..', 'shared', 'corpora', 'pfr-199801.txt');
const SAMPLE = readFileSync(DEFAULT_SAMPLE, 'utf8');
/** The sample page on one line, repeated: a record read as runs of pieces. */
const LONG = SAMPLE.replace(/\s+/g, '').repeat(25);

/** People's Daily of 1–2 January 1998 (development days) as records, a long one among them. */
function records(): RecordUnit[] {
  const articles = existsSync(CORPUS) ? [...iteratePfrArticles(readFileSync(CORPUS, 'utf8'), { days: [1, 2] })].map(pfrJsonlRecord) : [];
  const lines = [...articles.slice(0, 150), { id: 'long', title: '长文', text: LONG }, ...articles.slice(150), { title: '样张', text: SAMPLE }];
  return lines.map((r, i) => ({ kind: 'record', line: i + 1, ...r }));
}

describe('extraction in order on worker threads', function () {
  this.timeout(180_000);

  describe('inOrder', () => {
    it('gives results in the order of the items, with at most `window` at work', async () => {
      const random = mulberry32(7);
      let atWork = 0;
      let most = 0;
      const work = async (n: number) => {
        most = Math.max(most, ++atWork);
        await new Promise((resolve) => setTimeout(resolve, random() * 5));
        atWork--;
        return n * 2;
      };
      const out: number[] = [];
      for await (const r of inOrder(Array.from({ length: 60 }, (_, i) => i), work, 4)) out.push(r);
      expect(out).to.deep.equal(Array.from({ length: 60 }, (_, i) => i * 2));
      expect(most).to.equal(4);
    });

    it('reads the items only as fast as the results are taken', async () => {
      let read = 0;
      function* items() {
        for (let i = 0; i < 100; i++) {
          read++;
          yield i;
        }
      }
      const results = inOrder(items(), async (n) => n, 3);
      for (let taken = 1; taken <= 10; taken++) {
        await results.next();
        expect(read).to.be.at.most(taken + 3);
      }
    });

    it('throws the failure of an item when its turn comes', async () => {
      const results: number[] = [];
      let error: Error | undefined;
      try {
        for await (const r of inOrder([1, 2, 3, 4], async (n) => (n === 3 ? Promise.reject(new Error('three')) : n), 2)) results.push(r);
      } catch (e) {
        error = e as Error;
      }
      expect({ results, error: error?.message }).to.deep.equal({ results: [1, 2], error: 'three' });
    });
  });

  describe('the pool', () => {
    const units = records();
    const doc: SourceDocument = { path: 'd.jsonl', name: 'd.jsonl', format: 'jsonl', encoding: 'UTF-8', units };
    const alone = extractDocument(doc);
    let pool: ExtractionPool;
    before(() => {
      pool = new ExtractionPool(2);
    });
    after(() => pool.close());

    it('reads a long record as pieces among the others', () => {
      expect(LONG.length).to.be.greaterThan(LONG_ARTICLE);
      expect(alone.articles.filter((a) => a.id.startsWith('long~')).length).to.be.greaterThan(10);
    });

    it('gives the articles of one thread, in order, from records given as a stream', async () => {
      async function* stream() {
        yield* units;
      }
      const articles = [];
      let context;
      for await (const result of pool.extractInOrder(doc.name, stream(), {}, 'object')) {
        context ??= result.context;
        articles.push(...result.articles);
      }
      expect(context).to.deep.equal(alone.context);
      expect(articles.length).to.equal(alone.articles.length);
      expect(JSON.stringify(articles)).to.equal(JSON.stringify(alone.articles));
    });

    for (const pretty of [true, false]) {
      it(`gives each article's JSON as written for ${pretty ? 'one file' : 'several files'}`, async () => {
        const json: string[] = [];
        let chars = 0;
        for await (const result of pool.extractInOrder(doc.name, units, {}, pretty ? 'json-pretty' : 'json')) {
          json.push(...result.articles);
          chars += result.chars;
        }
        expect(json).to.deep.equal(alone.articles.map((a) => articleJson(a, pretty)));
        expect(chars).to.equal(alone.articles.reduce((n, a) => n + a.text.length, 0));
      });
    }
  });

  describe('guanxi extract --jobs', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'guanxi-jobs-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('writes with two jobs byte for byte what one writes and what the whole file read at once gives, telling a bad line the same way', () => {
      const lines = records().map(({ kind, line, ...r }) => JSON.stringify(r));
      lines.splice(5, 0, '{"title": "断行"');
      const file = join(dir, 'crawl.jsonl');
      writeFileSync(file, lines.join('\n') + '\n');
      const run = (jobs: string, ...files: string[]) => spawnSync(process.execPath, [CLI, 'extract', '--jobs', jobs, ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const told = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('guanxi:'));
      for (const files of [[file], [file, DEFAULT_SAMPLE]]) {
        const [one, two] = [run('1', ...files), run('2', ...files)];
        expect(two.stdout, `extract ${files.length} files`).to.equal(one.stdout);
        expect([one.status, two.status]).to.deep.equal([1, 1]);
        expect(told(two.stderr)).to.deep.equal(told(one.stderr));
        expect(told(two.stderr)).to.have.length(1);
        expect(told(two.stderr)[0]).to.match(/crawl\.jsonl:6: invalid JSON: .+ at column \d+$/);
        if (files.length === 1) expect(two.stdout).to.equal(JSON.stringify(extractDocument(readSource(file).document!), null, 2) + '\n');
      }
    });
  });
});
