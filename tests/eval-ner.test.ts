import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dedupe,
  detectNerFormat,
  entityForms,
  readBioCorpus,
  readPfrCorpus,
  readPfrGold,
  recordsDocument,
  scoreNer,
  setCounts,
  type GoldSets,
  type NerReport,
  type Prediction,
} from '../src/eval/ner.js';
import type { ArticleOut, ExtractionOut, PersonOut } from '../src/extract/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOOLS = fileURLToPath(new URL('../../../shared/tools/', import.meta.url));
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

// Invented sentences in the corpora's formats; none is taken from them.
const PFR = [
  '19980124-02-003-001/m  新春/t  晚会/n  在/p  [河西/ns  剧院/n]ns  举行/v  。/w',
  '19980125-01-001-001/m  [江南/ns  大学/n]nt  校长/n  周/nr  明远/nr  访问/v  南湖/ns  。/w',
  '19980125-01-001-002/m  （/w  记者/n  林/nr  小/nr  溪/nr  ）/w  市政府/nt  和/c  [北川/ns  机械/n  厂/n]nz  代表/n  赵/nr  ０７/nr  出席/v  。/w',
  '',
  '19980126-04-002-001/m  王/nr  [李/nr  庄/n]ns  村民/n  说/v  ，/w  今年/t  收成/n  好/a  。/w',
  '19980127-03-001-001/m  今天/t  天气/n  晴朗/a  。/w',
].join('\n') + '\n';

const BIO_ROWS = [
  ['李', 'B-PER'], ['雷', 'I-PER'], ['在', 'O'], ['东', 'B-LOC'], ['港', 'I-LOC'], ['市', 'I-LOC'],
  ['见', 'O'], ['到', 'O'], ['了', 'O'], ['王', 'B-PER'], ['芳', 'I-PER'], ['。', 'O'],
  null,
  // A stray I-LOC (no B-LOC before it) is no entity; a line without a tag is O.
  ['光', 'B-ORG'], ['明', 'I-ORG'], ['书', 'I-ORG'], ['社', 'I-ORG'], ['的', 'O'], ['人', 'O'], ['来', 'I-LOC'], ['了', 'O'], ['。', ''],
];
const BIO = BIO_ROWS.map((r) => (r ? `${r[0]}\t${r[1]}` : '  ')).join('\r\n') + '\r\n';

const sets = (g: GoldSets | undefined) => g && { persons: [...g.persons], places: [...g.places], organizations: [...g.organizations] };
const counts = (r: NerReport) => Object.fromEntries(Object.entries(r.scores).map(([k, s]) => [k, [s.tp, s.fp, s.fn]]));
const pred = (...forms: string[]): Prediction => ({ label: forms[0], forms: new Set(forms) });

/** An entity as another tool may print it: spans optional, or a legacy `mentions` list of forms. */
type LooseNamed = { name: string; spans?: ArticleOut['places'][number]['spans']; mentions?: string[] };
type LooseArticle = Omit<Partial<ArticleOut>, 'places' | 'organizations'> & { places?: LooseNamed[]; organizations?: LooseNamed[] };

function article(id: string, fields: LooseArticle): ArticleOut {
  return {
    id, kind: 'article', date: null, home: null, headline: null, subtitle: null, text: '',
    reporters: [], correspondents: [], photographers: [], persons: [], organizations: [], places: [], dates: [], events: [],
    ...fields,
  } as ArticleOut;
}
const person = (name: string, spans: string[] = []) =>
  ({ name, titles: [], mentions: 1, ...(spans.length ? { spans: spans.map((text) => ({ text, start: 0, end: text.length })) } : {}) }) as PersonOut;
const participants = (...names: string[]) => [{ name: 'event', type: 'meeting', dates: [], places: [], evidence: [], participants: names.map((name) => ({ name, roles: [] })) }];
const extraction = (articles: ArticleOut[]): ExtractionOut => ({
  document: 't', encoding: 'UTF-8', context: { home: null, homeProvince: null, date: null, provenance: { home: 'unknown', date: 'unknown' }, notes: [] }, articles,
});

/** Predictions on the PFR fixture: a span text, a legacy mention list, duplicates among persons, participants and bylines. */
const PFR_EXTRACTION = extraction([
  article('19980125-01-001', {
    persons: [person('周校长', ['周明远']), person('刘大海')],
    events: participants('周校长', '刘大海', '赵07'),
    reporters: ['林小溪'],
    places: [{ name: '南湖' }, { name: '北川' }, { name: '北川' }],
    organizations: [{ name: '江南大学' }, { name: '北川市政府', mentions: ['市政府'] }],
  }),
  // Scored against 19980126-04-002: the article id is its first 15 characters.
  article('19980126-04-002-extra', { persons: [person('刘大海')], places: [{ name: '李庄村' }] }),
  // Not among the days scored: ignored.
  article('19980124-02-003', { persons: [person('某人')] }),
]);

/** Predictions on the BIO fixture: participants are deduplicated among persons, places are not, bylines do not count. */
const BIO_EXTRACTION = extraction([
  article('msra-00000', {
    persons: [person('李雷'), person('王芳')],
    events: participants('李雷'),
    reporters: ['张三'],
    places: [{ name: '东港', spans: [{ text: '东港市', start: 3, end: 6 }] }, { name: '见到' }, { name: '见到' }],
  }),
  article('msra-00001', { persons: [person('光明')], organizations: [{ name: '光明书社' }] }),
]);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function python(args: string[]): string | null {
  const r = spawnSync('python3', args, { encoding: 'utf8', timeout: 20000 });
  return r.status === 0 ? r.stdout : null;
}
const round3 = (x: number) => Math.round(x * 1000) / 1000;

describe('eval-ner', function () {
  this.timeout(20000);

  describe('PFR gold', () => {
    it('merges consecutive nr tokens, takes bracketed nt/ns whole and nothing inside brackets, plain ns/nt as they are', () => {
      const gold = readPfrGold(PFR);
      expect([...gold.keys()]).to.deep.equal(['19980125-01-001', '19980126-04-002', '19980127-03-001']);
      expect(sets(gold.get('19980125-01-001'))).to.deep.equal({
        persons: ['周明远', '林小溪', '赵07'],
        places: ['南湖'],
        organizations: ['江南大学', '市政府'],
      });
      // 王 is not merged with the 李 that opens a bracket; 李庄 is one place.
      expect(sets(gold.get('19980126-04-002'))).to.deep.equal({ persons: ['王'], places: ['李庄'], organizations: [] });
      expect(sets(gold.get('19980127-03-001'))).to.deep.equal({ persons: [], places: [], organizations: [] });
    });

    it('keeps only the days asked for', () => {
      expect([...readPfrGold(PFR, [24, 24]).keys()]).to.deep.equal(['19980124-02-003']);
      expect(sets(readPfrGold(PFR, [24, 24]).get('19980124-02-003'))!.places).to.deep.equal(['河西剧院']);
    });

    it('builds the records of the days scored as pfr_jsonl.py does: first paragraph the title, the rest the text', () => {
      const { records } = readPfrCorpus(PFR);
      expect(records.map((r) => r.id)).to.deep.equal(['19980125-01-001', '19980126-04-002', '19980127-03-001']);
      expect(readPfrCorpus(PFR, [24, 24]).records.map((r) => r.id)).to.deep.equal(['19980124-02-003']);
      expect(records[0]).to.deep.equal({
        id: '19980125-01-001',
        title: '江南大学校长周明远访问南湖。',
        date: '1998-01-25',
        source: '人民日报',
        text: '（记者林小溪）市政府和北川机械厂代表赵０７出席。',
      });
      // A one-paragraph article has its title as its text too.
      expect(records[2].text).to.equal(records[2].title);
    });
  });

  describe('BIO gold', () => {
    it('reads sentences (CRLF, a blank line of spaces between them) and their PER/LOC/ORG names', () => {
      const corpus = readBioCorpus(BIO);
      expect(corpus.records.map((r) => [r.id, r.text])).to.deep.equal([
        ['msra-00000', '李雷在东港市见到了王芳。'],
        ['msra-00001', '光明书社的人来了。'],
      ]);
      expect(sets(corpus.gold.get('msra-00000'))).to.deep.equal({ persons: ['李雷', '王芳'], places: ['东港市'], organizations: [] });
      expect(sets(corpus.gold.get('msra-00001'))).to.deep.equal({ persons: [], places: [], organizations: ['光明书社'] });
    });

    it('tells the formats apart', () => {
      expect(detectNerFormat('x.txt', PFR)).to.equal('pfr');
      expect(detectNerFormat('x.tsv', BIO)).to.equal('bio');
      expect(detectNerFormat('x.bio', '')).to.equal('bio');
      expect(detectNerFormat('x.txt', '今天天气晴朗。\n')).to.equal(null);
    });

    it('reports a sentence the extraction will not take', () => {
      const { document, skipped } = recordsDocument([{ id: 'msra-00000', title: '', text: '李雷。' }, { id: 'msra-00001', title: '', text: ' ' }], 'x.bio');
      expect(document.units).to.have.length(1);
      expect(skipped).to.deep.equal([{ id: 'msra-00001', message: '"text" is empty' }]);
    });
  });

  describe('forms and counts (forms.py)', () => {
    it('an entity matches by its name, its spans\' text and a legacy mention list, never by empty forms', () => {
      expect([...entityForms({ name: '周校长', spans: [{ text: '周明远', start: 0, end: 3 }, { text: '' }] })]).to.deep.equal(['周校长', '周明远']);
      expect([...entityForms({ name: '北川市政府', mentions: ['市政府'] })]).to.deep.equal(['北川市政府', '市政府']);
      expect([...entityForms({ name: '张三', mentions: 3 })]).to.deep.equal(['张三']);
    });

    it('set counts: a gold name found by any form, a prediction false when none of its forms is gold', () => {
      expect(setCounts(new Set(['甲', '乙']), [pred('丙', '甲'), pred('丁')])).to.deep.equal({ tp: 1, fp: 1, fn: 1, falseHits: ['丁'], misses: ['乙'] });
    });

    it('drops a prediction sharing any form with an earlier one', () => {
      const kept = dedupe([pred('周校长', '周明远'), pred('周明远'), pred('刘大海'), pred('周校长'), pred('刘大海', '刘')]);
      expect(kept.map((p) => p.label)).to.deep.equal(['周校长', '刘大海']);
    });
  });

  describe('scoring an extraction', () => {
    it('PFR: span texts and mention lists match, duplicates count once in every type, bylines are persons', () => {
      const r = scoreNer(readPfrCorpus(PFR), PFR_EXTRACTION);
      expect(r).to.deep.include({ format: 'pfr', days: [25, 31], units: 3, extracted: 2 });
      // persons: 周明远 (a span of 周校长), 赵07 (a participant), 林小溪 (the reporter); 刘大海 false once per article; 王 missed.
      expect(counts(r)).to.deep.equal({ persons: [3, 2, 1], places: [1, 2, 1], organizations: [2, 0, 0] });
      expect(r.scores.persons.precision).to.equal(0.6);
      expect(r.scores.persons.recall).to.equal(0.75);
      expect(r.scores.persons.falseHits).to.deep.equal([{ text: '刘大海', count: 2 }]);
      expect(r.scores.persons.misses).to.deep.equal([{ text: '王', count: 1 }]);
      expect(r.scores.places.falseHits).to.deep.equal([{ text: '北川', count: 1 }, { text: '李庄村', count: 1 }]);
    });

    it('PFR: without the span, the person named 周校长 is a false hit and 周明远 a miss', () => {
      const plain = extraction([article('19980125-01-001', { persons: [person('周校长')] })]);
      const r = scoreNer(readPfrCorpus(PFR), plain);
      expect(counts(r).persons).to.deep.equal([0, 1, 4]);
    });

    it('BIO: persons deduplicated, places not, bylines not counted', () => {
      const r = scoreNer(readBioCorpus(BIO), BIO_EXTRACTION);
      expect(r).to.deep.include({ format: 'bio', units: 2, extracted: 2 });
      expect(r.days).to.equal(undefined);
      expect(counts(r)).to.deep.equal({ persons: [2, 1, 0], places: [1, 2, 0], organizations: [1, 0, 0] });
      expect(r.scores.places.falseHits).to.deep.equal([{ text: '见到', count: 2 }]);
    });

    it('keeps the top n false hits and misses', () => {
      expect(scoreNer(readPfrCorpus(PFR), PFR_EXTRACTION, 0).scores.places.falseHits).to.deep.equal([]);
      expect(scoreNer(readPfrCorpus(PFR), PFR_EXTRACTION, 1).scores.places.falseHits).to.have.length(1);
    });

    it('gives the python scorers\' figures on the same predictions', function () {
      if (!existsSync(join(TOOLS, 'pfr_score.py')) || python(['--version']) === null) this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'guanxi-ner-'));
      try {
        writeFileSync(join(dir, 'pfr.txt'), PFR);
        writeFileSync(join(dir, 'pfr.json'), JSON.stringify(PFR_EXTRACTION));
        writeFileSync(join(dir, 'x.bio'), BIO);
        writeFileSync(join(dir, 'bio.json'), JSON.stringify(BIO_EXTRACTION));
        const ours = (r: NerReport) => Object.values(r.scores).map((s) => [s.precision, s.recall, s.f1].map(round3));
        const pfr = JSON.parse(python([join(TOOLS, 'pfr_score.py'), join(dir, 'pfr.txt'), join(dir, 'pfr.json')])!);
        expect([pfr.persons, pfr.places, pfr.organizations]).to.deep.equal(ours(scoreNer(readPfrCorpus(PFR), PFR_EXTRACTION)));
        const bio = JSON.parse(python([join(TOOLS, 'msra.py'), 'score', join(dir, 'x.bio'), join(dir, 'bio.json')])!);
        expect([bio.PER, bio.LOC, bio.ORG]).to.deep.equal(ours(scoreNer(readBioCorpus(BIO), BIO_EXTRACTION)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the eval-ner command', () => {
    let dir: string;
    before(function () {
      if (!existsSync(CLI)) this.skip();
      dir = mkdtempSync(join(tmpdir(), 'guanxi-ner-cli-'));
      writeFileSync(join(dir, 'pfr.txt'), PFR);
      writeFileSync(join(dir, 'sentences.tsv'), BIO);
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const json = (args: string[]) => {
      const r = cli(['eval-ner', ...args, '--format', 'json']);
      expect(r.status, r.stderr).to.equal(0);
      return JSON.parse(r.stdout) as NerReport & { file: string };
    };
    // Whatever the extraction finds, found + missed is the gold.
    const goldSizes = (r: NerReport) => Object.values(r.scores).map((s) => s.tp + s.fn);

    it('scores the PFR articles of the test days, or of the days given', () => {
      const r = json([join(dir, 'pfr.txt')]);
      expect(r).to.deep.include({ file: 'pfr.txt', format: 'pfr', units: 3, extracted: 3 });
      expect(goldSizes(r)).to.deep.equal([4, 2, 2]);
      const day24 = json([join(dir, 'pfr.txt'), '--days', '24']);
      expect(day24).to.deep.include({ units: 1, days: [24, 24] });
      expect(goldSizes(day24)).to.deep.equal([0, 1, 0]);
    });

    it('recognizes a BIO file by its first line and scores its sentences', () => {
      const r = json([join(dir, 'sentences.tsv')]);
      expect(r).to.deep.include({ format: 'bio', units: 2, extracted: 2 });
      expect(goldSizes(r)).to.deep.equal([2, 1, 1]);
    });

    it('prints a table with progress on stderr', () => {
      const r = cli(['eval-ner', join(dir, 'pfr.txt'), '--top', '3']);
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/^pfr\.txt \(pfr\): 3 articles of days 25–31, 3 extracted/);
      expect(r.stdout).to.match(/^persons\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+\s+\d+\s+\d+$/m);
      expect(r.stdout).to.contain('places, most frequent misses:');
      expect(r.stderr).to.contain('eval-ner: 3 extracted');
    });

    it('refuses --days on a BIO file and a file of neither format', () => {
      const days = cli(['eval-ner', join(dir, 'sentences.tsv'), '--days', '25-31']);
      expect(days.status).to.equal(2);
      expect(days.stderr).to.contain('--days applies to the PFR corpus only');
      const other = join(dir, 'plain.txt');
      writeFileSync(other, '今天天气晴朗。\n');
      expect(cli(['eval-ner', other]).stderr).to.contain('--corpus pfr|bio');
      expect(cli(['eval-ner', join(dir, 'pfr.txt'), '--days', '31-25']).status).to.not.equal(0);
    });

    it('agrees with pfr_jsonl.py, guanxi extract and pfr_score.py on the fixture', function () {
      if (!existsSync(join(TOOLS, 'pfr_jsonl.py')) || python(['--version']) === null) this.skip();
      const jsonl = join(dir, 'pfr.jsonl');
      python([join(TOOLS, 'pfr_jsonl.py'), join(dir, 'pfr.txt'), jsonl]);
      const extracted = cli(['extract', jsonl, '--format', 'json']);
      writeFileSync(join(dir, 'pfr.json'), extracted.stdout);
      const theirs = JSON.parse(python([join(TOOLS, 'pfr_score.py'), join(dir, 'pfr.txt'), join(dir, 'pfr.json')])!);
      const r = json([join(dir, 'pfr.txt')]);
      const ours = Object.values(r.scores).map((s) => [s.precision, s.recall, s.f1].map(round3));
      expect(ours).to.deep.equal([theirs.persons, theirs.places, theirs.organizations]);
      expect(r.extracted).to.equal(theirs.articles_pred);
    });
  });
});
