import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LABEL_COUNT } from '../src/extract/ner/labels.js';
import { DEFAULT_MODEL, NerModel, nerModel } from '../src/extract/ner/model.js';
import { DEFAULT_SAMPLE } from '../src/paths.js';

describe('the tagger model file', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'guanxi-model-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it saved: the bundled model, saved again, tags a real page the same', () => {
    const path = join(dir, 'again.bin.gz');
    nerModel().save(path);
    const text = readFileSync(DEFAULT_SAMPLE, 'utf8');
    const spans = nerModel().tag(text);
    expect(spans.length).to.be.greaterThan(50);
    expect(NerModel.load(path).tag(text)).to.deep.equal(spans);
  });

  it('quantizes trained weights to bytes by way of int16, the largest weight to 127', () => {
    const bits = 4;
    const weights = new Float64Array((1 << bits) * LABEL_COUNT);
    weights[0] = -2;
    weights[1] = 1;
    // 0.0079 × 32767 / 2 = 129.4 → 129 as int16 → 129 × 127 / 32767 = 0.49998 → 0 as a byte (rounded
    // once, 0.0079 × 127 / 2 = 0.50165 would give 1).
    weights[2] = 0.0079;
    const model = NerModel.fromTrained({ weights, transitions: new Float64Array(LABEL_COUNT * LABEL_COUNT + LABEL_COUNT) }, bits);
    const path = join(dir, 'tiny.bin.gz');
    model.save(path);
    const body = gunzipSync(readFileSync(path));
    const header = JSON.parse(body.toString('utf8', 10, 10 + body.readUInt32LE(6)));
    const rows = body.subarray(body.length - (1 << bits) * 16);
    // Bytes are biased by 128: -2 → -127, 1 → 64 (63.5 rounded), 0.0079 → 0.
    expect([rows[0], rows[1], rows[2], rows[3]]).to.deep.equal([1, 192, 128, 128]);
    expect(header.bits).to.equal(bits);
  });

  it('refuses a file cut short, and one of an older format, in one line naming the file', () => {
    const body = gunzipSync(readFileSync(DEFAULT_MODEL));
    const short = join(dir, 'short.bin.gz');
    writeFileSync(short, gzipSync(body.subarray(0, body.length - 100)));
    expect(() => NerModel.load(short)).to.throw(`${short} is cut short or too long for 2^18 rows`);
    const old = join(dir, 'old.bin.gz');
    writeFileSync(old, gzipSync(Buffer.concat([Buffer.from('GXNER1'), body.subarray(6)])));
    expect(() => NerModel.load(old)).to.throw(`${old} is a Guanxi NER model of an older format (run npm run train:ner)`);
  });
});
