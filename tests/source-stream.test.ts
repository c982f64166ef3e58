/**
 * Files read as a stream (src/ingest/source-stream.ts) give what reading them whole gives
 * (src/ingest/read.ts readSource): the same encoding, units, line numbers and problems, however the
 * bytes fall into chunks; a page dump too long for one page comes in sections cut as the whole text
 * would be cut.
 */
import { expect } from 'chai';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takeCensus } from '../src/ingest/census.js';
import { cutText } from '../src/ingest/cut-text.js';
import { readSource } from '../src/ingest/read.js';
import { openSource, type OpenOptions } from '../src/ingest/source-stream.js';
import type { InputProblem, ReadResult, SourceUnit } from '../src/ingest/types.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';

const SAMPLE = readFileSync(DEFAULT_SAMPLE, 'utf8');
const NEWS = SAMPLE.slice(0, 400);
const record = (fields: Record<string, unknown>) => JSON.stringify(fields);

/** What readSource gives, read as a stream. */
async function streamed(path: string, options: OpenOptions = {}): Promise<ReadResult> {
  const opened = await openSource(path, options);
  if ('problem' in opened) return { document: null, problems: [opened.problem] };
  const { source } = opened;
  const problems: InputProblem[] = [];
  const units: SourceUnit[] = [];
  for await (const unit of source.units((p) => problems.push(p))) units.push(unit);
  const document = units.length ? { path, name: source.name, format: source.format, encoding: source.encoding, units } : null;
  return { document, problems };
}

describe('source stream', () => {
  let dir: string;
  const file = (name: string, content: Buffer | string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-stream-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('reads every file as readSource reads it, in chunks of any size', () => {
    const jsonl = [
      record({ id: '1', title: '甲', date: '2024/02/18', text: NEWS }),
      '{"id": "2", "title": "乙", "text": "第二篇正文"',
      '',
      record({ id: 3, title: '丙', date: '昨天', text: '第三篇正文' }),
      record({ title: '没有正文' }),
      '[1, 2]',
      record({ text: '最后一行没有换行' }),
    ].join('\r\n');
    const cases: [string, () => string][] = [
      ['a UTF-8 page', () => file('page.txt', SAMPLE)],
      ['a UTF-8 page with a BOM', () => file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NEWS)]))],
      ['a GBK page', () => file('gbk.txt', iconv.encode(SAMPLE, 'gbk'))],
      ['a GB18030 page with four-byte characters', () => file('gb18030.txt', iconv.encode(`${NEWS}\n新村𠀀组、䶮山镇。`, 'gb18030'))],
      ['a Big5 page', () => file('big5.txt', iconv.encode('本報訊（記者 李新）市委常委、宣傳部部長王自合陪同省考察組在本市調研，詳細了解鄉村振興工作。', 'big5'))],
      ['a UTF-16LE page', () => file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NEWS, 'utf16le')]))],
      ['a UTF-16BE page', () => file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NEWS, 'utf16le').swap16()]))],
      ['UTF-8 cut in its last character', () => file('cut.txt', Buffer.from(NEWS).subarray(0, Buffer.byteLength(NEWS) - 1))],
      ['JSON Lines with bad lines, a bad date, CRLF and no final line feed', () => file('mixed.jsonl', jsonl)],
      ['JSON Lines in GBK recognised by content', () => file('crawl.txt', iconv.encode(`\n${record({ title: '会议', text: NEWS })}\n`, 'gbk'))],
      ['JSON Lines without one good line', () => file('bad.ndjson', 'not json\n{"title": "x"}\n')],
      ['no file', () => join(dir, 'nope.txt')],
      ['a folder', () => (mkdirSync(join(dir, 'sub'), { recursive: true }), join(dir, 'sub'))],
      ['an empty file', () => file('empty.txt', '')],
      ['white space only', () => file('blank.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x0a, 0x20]))],
      ['binary data', () => file('image.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'))],
      ['control characters', () => file('controls.bin', Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41))))],
      ['Latin-1', () => file('latin1.txt', Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade, d\xe9j\xe0 vu.', 'latin1'))],
      ['text mangled into U+FFFD', () => file('mangled.txt', `本报讯${'\uFFFD'.repeat(20)}王自合陪同。`)],
      ['UTF-16 with a lone surrogate', () => file('lone.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xd8, 0x41, 0x00])]))],
    ];
    for (const [what, make] of cases) {
      it(what, async () => {
        const path = make();
        const whole = readSource(path);
        for (const chunkBytes of [1, 3, 64, 1 << 20]) expect(await streamed(path, { chunkBytes }), `chunks of ${chunkBytes}`).to.deep.equal(whole);
      });
    }
  });

  it('gives its decoded length and format before reading the units', async () => {
    const opened = await openSource(file('len.jsonl', `${record({ text: '正文' })}\n`));
    expect('source' in opened && { chars: opened.source.chars, format: opened.source.format, encoding: opened.source.encoding }).to.deep.equal({ chars: 14, format: 'jsonl', encoding: 'UTF-8' });
  });

  it('hands every byte to onBytes on its first reading', async () => {
    const bytes = iconv.encode(SAMPLE, 'gbk');
    const seen: Buffer[] = [];
    await openSource(file('bytes.txt', bytes), { chunkBytes: 1000, onBytes: (chunk) => seen.push(chunk) });
    expect(Buffer.concat(seen).equals(bytes)).to.equal(true);
  });

  it('reads a page dump longer than a section in sections, cut where the whole text is cut', async () => {
    const text = SAMPLE.repeat(4);
    const size = 3_000;
    const path = file('long.txt', text);
    const opened = await openSource(path, { chunkBytes: 777, pageSection: size });
    if (!('source' in opened)) throw new Error(opened.problem.message);
    const sections: SourceUnit[] = [];
    for await (const unit of opened.source.units()) sections.push(unit);
    const expected = cutText(text, size).map(({ start, end }, i) => ({ kind: 'page', section: i + 1, text: text.slice(start, end) }));
    expect(sections.length).to.be.greaterThan(4);
    expect(sections).to.deep.equal(expected);
  });

  it('counts records: their ids, lines and characters of text, telling bad lines once', async () => {
    const path = file('census.jsonl', [record({ id: 'a', text: '一二三' }), 'oops', '', record({ text: '四五' })].join('\n'));
    const opened = await openSource(path);
    if (!('source' in opened)) throw new Error(opened.problem.message);
    const problems: number[] = [];
    const census = await takeCensus(opened.source, (p) => problems.push(p.line!));
    expect(census).to.deep.equal({ format: 'jsonl', units: [{ kind: 'record', id: 'a', line: 1 }, { kind: 'record', line: 4 }], chars: 5 });
    expect(problems).to.deep.equal([2]);
  });
});
