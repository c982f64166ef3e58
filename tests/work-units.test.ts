/**
 * Long text in bounded pieces (src/extract/work-units.ts), extraction written one article at a time
 * (src/cli/extraction-json.ts).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { streamSink, writeExtractionJson, type ExtractionHead } from '../src/cli/extraction-json.js';
import { articleJson } from '../src/extract/article-json.js';
import { ExtractionPool } from '../src/extract/parallel.js';
import type { ArticleOut } from '../src/extract/types.js';
import { extractDocument, unitArticles } from '../src/extract/pipeline.js';
import { LONG_ARTICLE, PIECE } from '../src/extract/work-units.js';
import { cutText } from '../src/ingest/cut-text.js';
import { readSource } from '../src/ingest/read.js';
import type { SourceDocument } from '../src/ingest/types.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';
import { PassThrough } from 'node:stream';

const SAMPLE_TEXT = readFileSync(DEFAULT_SAMPLE, 'utf8');
/** The sample page's text with every line break taken out, repeated: one line of about 400,000 characters. */
const ONE_LINE = SAMPLE_TEXT.replace(/\s+/g, '').repeat(60);

describe('work units: long text in bounded pieces', () => {
  it('cuts at line breaks, else after a sentence and its closing quote, never over the limit', () => {
    const text = '第一句。第二句说：“好。”第三句，没有完';
    expect(cutText(text, 13).map(({ start, end }) => text.slice(start, end))).to.deep.equal(['第一句。第二句说：“好。”', '第三句，没有完']);
    const lines = 'aaaa\nbbbb\ncccc';
    expect(cutText(lines, 10).map(({ start, end }) => lines.slice(start, end))).to.deep.equal(['aaaa\nbbbb', 'cccc']);
    expect(cutText('x'.repeat(25), 10).map((c) => c.end - c.start)).to.deep.equal([10, 10, 5]);
  });

  it('covers the whole text in pieces of at most PIECE characters', () => {
    const cuts = cutText(ONE_LINE, PIECE);
    expect(cuts.every((c) => c.end - c.start <= PIECE && c.end > c.start)).to.equal(true);
    expect(cuts.map(({ start, end }) => ONE_LINE.slice(start, end)).join('')).to.equal(ONE_LINE);
  });

  it('reads a page of one long line as consecutive articles of bounded length (so work is linear)', () => {
    expect(ONE_LINE.length).to.be.greaterThan(LONG_ARTICLE);
    const { articles } = unitArticles('long.txt', { kind: 'page', text: ONE_LINE });
    const read = [...articles];
    expect(read.length).to.be.at.least(Math.ceil(ONE_LINE.length / PIECE));
    // No recognizer ever sees more than PIECE characters at once: its cost per piece is bounded.
    expect(Math.max(...read.map((a) => a.text.length))).to.be.at.most(PIECE);
    expect(read.map((a) => a.id).slice(0, 3)).to.deep.equal(['long.txt#1', 'long.txt#1~2', 'long.txt#1~3']);
    expect(read.filter((a) => a.headline !== null).length, 'only the first piece has the headline').to.be.at.most(1);
    expect(read.some((a) => a.persons.length > 0)).to.equal(true);
  });

  it('reads a record of one long line the same way', () => {
    const { articles } = unitArticles('long.jsonl', { kind: 'record', line: 1, title: '长文', text: ONE_LINE });
    const read = [...articles];
    expect(read[0].id).to.equal('long.jsonl#L1');
    expect(read[0].headline).to.equal('长文');
    expect(read[1].id).to.equal('long.jsonl#L1~2');
    expect(Math.max(...read.map((a) => a.text.length))).to.be.at.most(PIECE);
  });

  it('gives the same articles on worker threads as on one thread', async () => {
    const doc: SourceDocument = { path: 'long.txt', name: 'long.txt', format: 'page', encoding: 'UTF-8', units: [{ kind: 'page', text: ONE_LINE }] };
    const pool = new ExtractionPool(2);
    try {
      const streamed: ArticleOut[] = [];
      for await (const { articles } of pool.extractInOrder(doc.name, doc.units, {}, 'object')) streamed.push(...articles);
      expect(JSON.stringify(streamed)).to.equal(JSON.stringify([...unitArticles('long.txt', doc.units[0]).articles]));
    } finally {
      await pool.close();
    }
  });

  it('leaves an article under LONG_ARTICLE whole', () => {
    const doc = readSource(DEFAULT_SAMPLE).document!;
    expect(extractDocument(doc).articles.every((a) => !a.id.includes('~'))).to.equal(true);
  });
});

describe('extract --format json one article at a time', () => {
  const write = async (doc: SourceDocument, pretty: boolean) => {
    const { articles, ...head } = extractDocument(doc);
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await writeExtractionJson(streamSink(stream), head, articles.map((a) => articleJson(a, pretty)), pretty);
    return Buffer.concat(chunks).toString('utf8');
  };

  it('writes byte for byte what JSON.stringify writes, indented and on one line', async () => {
    const doc = readSource(DEFAULT_SAMPLE).document!;
    const out = extractDocument(doc);
    expect(await write(doc, true)).to.equal(JSON.stringify(out, null, 2) + '\n');
    expect(await write(doc, false)).to.equal(JSON.stringify(out) + '\n');
  });

  it('writes an empty article list as JSON.stringify does', async () => {
    const head: ExtractionHead = { document: 'x', encoding: 'UTF-8', context: { home: null, homeProvince: null, date: null, provenance: { home: 'unknown', date: 'unknown' }, notes: [] } };
    for (const pretty of [true, false]) {
      let text = '';
      await writeExtractionJson(async (c) => void (text += c), head, [], pretty);
      expect(text).to.equal(JSON.stringify({ ...head, articles: [] }, null, pretty ? 2 : undefined) + '\n');
    }
  });
});
