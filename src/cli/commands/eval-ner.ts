/** `guanxi eval-ner`: precision, recall and F1 of persons, places and organizations on a public NER corpus (PFR or BIO). */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  detectNerFormat,
  NER_KINDS,
  PFR_SCORED_DAYS,
  readBioCorpus,
  readPfrCorpus,
  recordsDocument,
  scoreNer,
  type Counted,
  type NerCorpus,
  type NerFormat,
  type NerReport,
} from '../../eval/ner.js';
import { ExtractionPool } from '../../extract/parallel.js';
import { dateOption, homeOption, jobsOption } from '../options.js';
import { int, Progress } from '../progress.js';
import { table } from '../table.js';

interface EvalNerFlags {
  corpus?: NerFormat;
  days?: [number, number];
  format: 'table' | 'json';
  top: number;
  date?: string;
  home?: string;
  jobs: number;
}

export function registerEvalNer(program: Command): void {
  program
    .command('eval-ner')
    .description('score persons, places and organizations against a tagged corpus, as shared/tools/pfr_score.py and msra.py do')
    .argument('<file>', 'the PFR corpus (People\'s Daily 1998) or a BIO file (char<TAB>tag lines, a blank line between sentences)')
    .addOption(new Option('--corpus <kind>', 'pfr or bio (default: bio for a .bio file or one opening with char<TAB>tag, pfr for PFR line ids)').choices(['pfr', 'bio']))
    .option('--days <from-to>', `PFR only: the days of the month scored (default: ${PFR_SCORED_DAYS.join('-')}, the test split)`, dayRange)
    .addOption(new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .option('--top <n>', 'the most frequent false hits and misses shown per type', count, 10)
    .addOption(dateOption())
    .addOption(homeOption())
    .addOption(jobsOption())
    .action(async (file: string, opts: EvalNerFlags) => {
      process.exitCode = await runEvalNer(file, opts);
    });
}

async function runEvalNer(file: string, opts: EvalNerFlags): Promise<number> {
  const text = readCorpus(file);
  const format = opts.corpus ?? detectNerFormat(file, text);
  if (!format) throw new Error(`${file}: neither a PFR corpus nor a BIO file; say which with --corpus pfr|bio`);
  if (opts.days && format !== 'pfr') throw new Error('--days applies to the PFR corpus only');
  const corpus: NerCorpus = format === 'pfr' ? readPfrCorpus(text, opts.days ?? PFR_SCORED_DAYS) : readBioCorpus(text);

  const { document, skipped } = recordsDocument(corpus.records, file);
  for (const s of skipped) console.error(`guanxi: ${file}: ${s.id} not extracted: ${s.message}`);
  const started = Date.now();
  let status = `eval-ner: extracting ${int(document.units.length)} ${format === 'pfr' ? 'articles' : 'sentences'}…`;
  const progress = new Progress(() => status);
  progress.update(true);
  const pool = new ExtractionPool(opts.jobs);
  const extraction = await pool.extract(document, { date: opts.date, home: opts.home }).finally(() => pool.close());
  const report = scoreNer(corpus, extraction, opts.top);
  status = `eval-ner: ${int(extraction.articles.length)} extracted in ${((Date.now() - started) / 1000).toFixed(1)} s, ${int(report.units)} scored`;
  progress.done();

  if (opts.format === 'json') console.log(JSON.stringify({ file: basename(file), ...report }, null, 2));
  else console.log(formatNerReport(basename(file), report));
  return 0;
}

function readCorpus(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`);
  }
}

const fixed3 = (x: number) => x.toFixed(3);
const counted = (items: Counted[]) => (items.length ? items.map((c) => `${c.text} ${c.count}`).join('、') : '(none)');

export function formatNerReport(name: string, r: NerReport): string {
  const units = r.format === 'pfr' ? `articles of days ${r.days?.join('–')}` : 'sentences';
  const rows = NER_KINDS.map((k) => {
    const s = r.scores[k];
    return [k, fixed3(s.precision), fixed3(s.recall), fixed3(s.f1), s.tp, s.fp, s.fn];
  });
  const lines = [
    `${name} (${r.format}): ${int(r.units)} ${units}, ${int(r.extracted)} extracted`,
    table(['type', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], rows, [false, true, true, true, true, true, true]),
  ];
  for (const k of NER_KINDS) {
    const s = r.scores[k];
    lines.push('', `${k}, most frequent false hits: ${counted(s.falseHits)}`, `${k}, most frequent misses: ${counted(s.misses)}`);
  }
  return lines.join('\n');
}

/** 25-31, or a single day. */
function dayRange(value: string): [number, number] {
  const m = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(value.trim());
  const from = m ? Number(m[1]) : NaN;
  const to = m?.[2] !== undefined ? Number(m[2]) : from;
  if (!(from >= 1 && from <= to && to <= 31)) throw new InvalidArgumentError('expected days of the month like 25-31 (or one day, 25)');
  return [from, to];
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}
