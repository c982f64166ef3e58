import { expect } from 'chai';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBuffer } from '../src/ingest/decode.js';
import { normaliseDate } from '../src/ingest/dates.js';
import { parseJsonl } from '../src/ingest/jsonl.js';
import { formatProblem, hasErrors, readSource } from '../src/ingest/read.js';
import type { RecordUnit } from '../src/ingest/types.js';

const NEWS = '本报讯（记者 李新）2 月 18 日，市委常委、宣传部部长王自合陪同省考察组在我市调研。\n'
  + '考察组一行先后来到城东新区、高新区，详细了解乡村振兴和产业发展工作。';
/** Characters outside GBK (CJK extensions B and A), which GB18030 encodes in four bytes. */
const NEWS_GB18030 = `${NEWS}\n新村𠀀组、䶮山镇也在考察之列。`;
const NEWS_BIG5 = '本報訊（記者 李新）2 月 18 日，市委常委、宣傳部部長王自合陪同省考察組在本市調研，詳細了解鄉村振興工作。';

function isValidUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function decoded(buf: Buffer): { text: string; encoding: string } {
  const result = decodeBuffer(buf);
  if ('error' in result) throw new Error(`unexpected decode error: ${result.error}`);
  return result;
}

function decodeError(buf: Buffer): string {
  const result = decodeBuffer(buf);
  if (!('error' in result)) throw new Error(`expected an error, decoded as ${result.encoding}`);
  return result.error;
}

describe('ingest', () => {
  let dir: string;
  const file = (name: string, content: Buffer | string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'guanxi-ingest-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('decodeBuffer', () => {
    it('decodes UTF-8', () => {
      expect(decoded(Buffer.from(NEWS, 'utf8'))).to.deep.equal({ text: NEWS, encoding: 'UTF-8' });
    });

    it('strips a UTF-8 byte order mark', () => {
      const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NEWS, 'utf8')]);
      const { text, encoding } = decoded(buf);
      expect(text).to.equal(NEWS);
      expect(text.charCodeAt(0)).to.not.equal(0xfeff);
      expect(encoding).to.equal('UTF-8');
    });

    it('decodes GBK (reported as its superset GB18030)', () => {
      const buf = iconv.encode(NEWS, 'gbk');
      expect(isValidUtf8(buf), 'fixture must not be valid UTF-8').to.equal(false);
      expect(decoded(buf)).to.deep.equal({ text: NEWS, encoding: 'GB18030' });
    });

    it('decodes GB18030 including its four-byte characters', () => {
      const buf = iconv.encode(NEWS_GB18030, 'gb18030');
      // The fixture must really need GB18030: decoding it as GBK loses the extension characters.
      expect(iconv.decode(buf, 'gbk')).to.not.equal(NEWS_GB18030);
      expect(decoded(buf)).to.deep.equal({ text: NEWS_GB18030, encoding: 'GB18030' });
    });

    it('decodes Big5', () => {
      expect(decoded(iconv.encode(NEWS_BIG5, 'big5'))).to.deep.equal({ text: NEWS_BIG5, encoding: 'Big5' });
    });

    it('decodes UTF-16 with a byte order mark, either endianness', () => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NEWS, 'utf16le')]);
      expect(decoded(le)).to.deep.equal({ text: NEWS, encoding: 'UTF-16LE' });
      const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NEWS, 'utf16le').swap16()]);
      expect(decoded(be)).to.deep.equal({ text: NEWS, encoding: 'UTF-16BE' });
    });

    it('accepts UTF-8 cut in the middle of its last character', () => {
      const buf = Buffer.from(NEWS, 'utf8');
      const { text, encoding } = decoded(buf.subarray(0, buf.length - 1));
      expect(encoding).to.equal('UTF-8');
      expect(text).to.equal(`${NEWS.slice(0, -1)}\uFFFD`);
    });

    it('refuses an empty file', () => {
      expect(decodeError(Buffer.alloc(0))).to.equal('file is empty');
      expect(decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0x0a, 0x20]))).to.match(/^file is empty/);
    });

    it('refuses binary data with NUL bytes', () => {
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
      expect(decodeError(png)).to.equal('looks binary (NUL byte at offset 8)');
    });

    it('refuses binary data full of control characters even without NUL', () => {
      const buf = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x41)));
      expect(decodeError(buf)).to.match(/^looks binary \(\d+% control characters\)$/);
    });

    it('refuses text that is neither UTF-8 nor GB18030', () => {
      const latin1 = Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade, d\xe9j\xe0 vu.', 'latin1');
      expect(decodeError(latin1)).to.match(/^cannot decode as UTF-8 or GB18030/);
    });

    it('refuses text already mangled into U+FFFD', () => {
      const mangled = Buffer.from(`本报讯${'\uFFFD'.repeat(20)}王自合陪同。`, 'utf8');
      expect(decodeError(mangled)).to.match(/\d+% of the text is U\+FFFD/);
    });
  });

  describe('parseJsonl', () => {
    const line = (fields: object) => JSON.stringify(fields);

    it('keeps good lines and reports a broken one with its line and column', () => {
      const broken = '{"title": "会议", "text": }';
      // A null title is a crawler's "unknown", not an error.
      const text = [line({ id: 'a', title: null, text: '第一篇' }), broken, '', line({ id: 'b', text: '第三篇' })].join('\n');
      const { units, problems } = parseJsonl(text, 'x.jsonl');
      expect(units.map((u) => [u.line, u.id, u.text])).to.deep.equal([[1, 'a', '第一篇'], [4, 'b', '第三篇']]);
      expect(problems).to.have.length(1);
      expect(problems[0].path).to.equal('x.jsonl');
      expect(problems[0].line).to.equal(2);
      expect(problems[0].message).to.equal(`invalid JSON: Unexpected token '}' at column ${broken.indexOf('}') + 1}`);
    });

    it('gives positioned messages for other JSON errors', () => {
      const text = '{"text": "a", title: "b"}\n{"text": "unterminated\n{"text": "a"\r\n{"text": "a"} {}\n{"text": 中}';
      const { problems } = parseJsonl(text, 'x.jsonl');
      expect(problems.map((p) => [p.line, p.message])).to.deep.equal([
        [1, 'invalid JSON: Expected double-quoted property name at column 15'],
        [2, 'invalid JSON: Unterminated string at column 23'],
        // The column of a line cut short is just past its end, not counting a CRLF's CR.
        [3, "invalid JSON: Expected ',' or '}' after property value at column 13"],
        [4, 'invalid JSON: Unexpected non-whitespace character after JSON at column 15'],
        [5, "invalid JSON: Unexpected token '中' at column 10"],
      ]);
    });

    it('reports a missing, empty or mistyped text', () => {
      const text = [
        line({ title: '无正文' }),
        line({ title: '空正文', text: '  ' }),
        line({ text: 42 }),
        line({ text: '有效', title: ['a'] }),
        '[1, 2]',
      ].join('\r\n');
      const { units, problems } = parseJsonl(text, 'y.jsonl');
      expect(units).to.deep.equal([]);
      expect(problems.map((p) => [p.line, p.message])).to.deep.equal([
        [1, 'missing "text"'],
        [2, '"text" is empty'],
        [3, '"text" must be a string, got number'],
        [4, '"title" must be a string, got array'],
        [5, 'expected a JSON object, got array'],
      ]);
    });

    it('reads all fields and normalises the date', () => {
      const record = line({
        id: 17, title: ' 市委召开常委会 ', date: '2024-02-18T09:30:00+08:00',
        source: '某某日报', home: 'https://example.cn/', text: '正文', url: 'ignored',
      });
      const { units, problems } = parseJsonl(record, 'z.jsonl');
      expect(problems).to.deep.equal([]);
      const expected: RecordUnit = {
        kind: 'record', line: 1, id: '17', title: '市委召开常委会', date: '2024-02-18',
        source: '某某日报', home: 'https://example.cn/', text: '正文',
      };
      expect(units).to.deep.equal([expected]);
    });

    it('reads the dates Chinese sources write', () => {
      const dates = ['2023年2月18日', '2023-2-18', '20230218', '2023/02/18', '2023.02.18', 20230218, '２０２３年２月１８日'];
      const { units, problems } = parseJsonl(dates.map((date) => line({ text: '正文', date })).join('\n'), 'z.jsonl');
      expect(problems).to.deep.equal([]);
      expect(units.map((u) => u.date)).to.deep.equal(dates.map(() => '2023-02-18'));
    });

    it('keeps a record whose date is not a date, without the date, and warns on its line', () => {
      const text = [line({ text: '第一篇', date: '2024-02-30' }), line({ text: '第二篇', date: '去年' }), line({ text: '第三篇', date: true })].join('\n');
      const { units, problems } = parseJsonl(text, 'z.jsonl');
      expect(units.map((u) => [u.line, u.text, u.date])).to.deep.equal([[1, '第一篇', undefined], [2, '第二篇', undefined], [3, '第三篇', undefined]]);
      expect(problems.map((p) => [p.line, p.warning])).to.deep.equal([[1, true], [2, true], [3, true]]);
      expect(hasErrors(problems)).to.equal(false);
      expect(formatProblem(problems[0])).to.match(/^guanxi: z\.jsonl:1: warning: "date" "2024-02-30" is not a date \(.*\); the record is read with its date unknown$/);
      expect(formatProblem(problems[2])).to.equal('guanxi: z.jsonl:3: warning: "date" must be a string, got boolean; the record is read with its date unknown');
    });
  });

  describe('normaliseDate', () => {
    it('accepts date prefixes, times, weekdays and the ways Chinese sources part the day', () => {
      expect(normaliseDate('2023年2月18日')).to.equal('2023-02-18');
      expect(normaliseDate('2023年2月')).to.equal('2023-02');
      expect(normaliseDate('2023年')).to.equal('2023');
      expect(normaliseDate('2023年2月18日 10:30')).to.equal('2023-02-18');
      expect(normaliseDate('2023年2月18日10时30分')).to.equal('2023-02-18');
      expect(normaliseDate('2023年2月18日 星期六')).to.equal('2023-02-18');
      expect(normaliseDate('2023年02月18日（周六）')).to.equal('2023-02-18');
      expect(normaliseDate('2023-2-18')).to.equal('2023-02-18');
      expect(normaliseDate('20230218')).to.equal('2023-02-18');
      expect(normaliseDate('2023.02.18')).to.equal('2023-02-18');
      expect(normaliseDate('2023.2.8')).to.equal('2023-02-08');
      expect(normaliseDate('2024/02')).to.equal('2024-02');
      expect(normaliseDate('2024')).to.equal('2024');
      expect(normaliseDate('2024-02')).to.equal('2024-02');
      expect(normaliseDate('2024-02-18')).to.equal('2024-02-18');
      expect(normaliseDate('2024-02-18T10:30')).to.equal('2024-02-18');
      expect(normaliseDate('2024-02-18 10:30:00')).to.equal('2024-02-18');
      expect(normaliseDate('2024/02/18')).to.equal('2024-02-18');
      expect(normaliseDate('2024/2/8')).to.equal('2024-02-08');
      expect(normaliseDate('2024-02-29')).to.equal('2024-02-29');
    });

    it('refuses what is not a date', () => {
      const notDates = ['yesterday', '24-02-18', '2024-13', '2023-02-29', '2024-02-18T', '2023-13-45', '2023-02-30', '2023年13月', '2023年2月30日',
        '20231345', '2023/02-18', '2023-02/18', '202302', '2023年2月18', '1676678400'];
      for (const bad of notDates) {
        expect(normaliseDate(bad), bad).to.equal(null);
      }
    });
  });

  describe('readSource', () => {
    it('reads a GBK page as one page unit', () => {
      const path = file('page-gbk.txt', iconv.encode(NEWS, 'gbk'));
      const { document, problems } = readSource(path);
      expect(problems).to.deep.equal([]);
      expect(document).to.deep.equal({
        path, name: 'page-gbk.txt', format: 'page', encoding: 'GB18030', units: [{ kind: 'page', text: NEWS }],
      });
    });

    it('reads UTF-8 pages with and without a BOM alike', () => {
      const plain = readSource(file('page.txt', NEWS));
      const bom = readSource(file('page-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NEWS)])));
      for (const { document } of [plain, bom]) {
        expect(document?.encoding).to.equal('UTF-8');
        expect(document?.units).to.deep.equal([{ kind: 'page', text: NEWS }]);
      }
    });

    it('reads a GB18030 page', () => {
      const { document } = readSource(file('page-gb18030.txt', iconv.encode(NEWS_GB18030, 'gb18030')));
      expect(document?.encoding).to.equal('GB18030');
      expect(document?.units).to.deep.equal([{ kind: 'page', text: NEWS_GB18030 }]);
    });

    it('returns the good records of a JSONL file with one broken line', () => {
      const path = file('articles.jsonl', [
        JSON.stringify({ id: '1', title: '甲', date: '2024/02/18', text: '第一篇正文' }),
        '{"id": "2", "title": "乙", "text": "第二篇正文"',
        JSON.stringify({ id: '3', title: '丙', text: '第三篇正文' }),
        '',
      ].join('\n'));
      const { document, problems } = readSource(path);
      expect(document?.format).to.equal('jsonl');
      expect(document?.units.map((u) => (u as RecordUnit).id)).to.deep.equal(['1', '3']);
      expect((document?.units[0] as RecordUnit).date).to.equal('2024-02-18');
      expect(problems).to.have.length(1);
      expect(formatProblem(problems[0])).to.match(
        new RegExp(`^guanxi: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON: .+ at column \\d+$`),
      );
    });

    it('reports a record missing its text by file and line', () => {
      const path = file('missing.jsonl', `${JSON.stringify({ text: '好' })}\n${JSON.stringify({ title: '没有正文' })}\n`);
      const { document, problems } = readSource(path);
      expect(document?.units).to.have.length(1);
      expect(problems.map(formatProblem)).to.deep.equal([`guanxi: ${path}:2: missing "text"`]);
    });

    it('recognises JSON Lines by content whatever the extension, GBK included', () => {
      const content = `\n${JSON.stringify({ title: '会议', text: NEWS })}\n`;
      const { document, problems } = readSource(file('crawl.txt', iconv.encode(content, 'gbk')));
      expect(problems).to.deep.equal([]);
      expect(document?.format).to.equal('jsonl');
      expect(document?.encoding).to.equal('GB18030');
      expect(document?.units).to.deep.equal([{ kind: 'record', line: 2, title: '会议', text: NEWS }]);
    });

    it('gives no document when no line is usable', () => {
      const { document, problems } = readSource(file('bad.ndjson', 'not json\n{"title": "x"}\n'));
      expect(document).to.equal(null);
      expect(problems.map((p) => p.line)).to.deep.equal([1, 2]);
    });

    it('reports unreadable files without a line number', () => {
      const cases: Array<[string, RegExp]> = [
        [join(dir, 'nope.txt'), /^no such file$/],
        [(mkdirSync(join(dir, 'sub')), join(dir, 'sub')), /^is a directory$/],
        [file('empty.txt', ''), /^file is empty$/],
        [file('image.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), /^looks binary \(/],
        [file('random.bin', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256))), /^looks binary \(/],
      ];
      for (const [path, message] of cases) {
        const { document, problems } = readSource(path);
        expect(document, path).to.equal(null);
        expect(problems, path).to.have.length(1);
        expect(problems[0].path).to.equal(path);
        expect(problems[0].line).to.equal(undefined);
        expect(problems[0].message, path).to.match(message);
        expect(formatProblem(problems[0])).to.equal(`guanxi: ${path}: ${problems[0].message}`);
      }
    });
  });
});
