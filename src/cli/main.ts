#!/usr/bin/env node
/** The guanxi command line. */
import { Command, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { combineReports, evaluate, MEASURES, type EvalReport, type Gold } from '../eval/compare.js';
import type { Extracted } from '../extract/extraction-task.js';
import { ExtractionPool } from '../extract/parallel.js';
import { extractDocument } from '../extract/pipeline.js';
import type { ArticleOut, ExtractionOut } from '../extract/types.js';
import { DETECTED_ENCODINGS } from '../ingest/decode.js';
import { formatProblem, readSource } from '../ingest/read.js';
import { openSource, type SourceStream } from '../ingest/source-stream.js';
import { DEFAULT_SAMPLE, PACKAGE_ROOT, SAMPLES_DIR } from '../paths.js';
import { streamSink, writeExtractionJson, type Sink } from './extraction-json.js';
import { ExtractProgress } from './extract-progress.js';
import { table } from './table.js';
import { registerEvalCareers } from './commands/eval-careers.js';
import { registerEvalNer } from './commands/eval-ner.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerIngest } from './commands/ingest.js';
import { registerPersons } from './commands/persons.js';
import { registerQuery } from './commands/query.js';
import { registerRemove } from './commands/remove.js';
import { registerServe } from './commands/serve.js';
import { dateOption, homeOption, jobsOption } from './options.js';
import { setTieringBudget } from './tiering.js';

// Before any extraction code runs: the optimizer waits for fuller feedback (see tiering.ts).
setTieringBudget();

function printTable(out: ExtractionOut): void {
  const c = out.context;
  console.log(`${out.document} (${out.encoding}): ${out.articles.length} articles; home ${c.home ?? '?'} (${c.provenance.home}), date ${c.date ?? '?'} (${c.provenance.date})`);
  for (const note of c.notes) console.log(`  note: ${note}`);
  for (const a of out.articles) {
    console.log(`\n[${a.id}] ${a.kind}: ${a.headline ?? '(no headline)'}${a.subtitle ? ` — ${a.subtitle}` : ''}`);
    const byline = [
      a.reporters.length ? `记者 ${a.reporters.join('、')}` : '',
      a.correspondents.length ? `通讯员 ${a.correspondents.join('、')}` : '',
      a.photographers.length ? `摄 ${a.photographers.join('、')}` : '',
    ].filter(Boolean);
    if (byline.length) console.log(`  byline: ${byline.join('  ')}`);
    for (const p of a.persons) {
      console.log(`  person: ${p.name}${p.titles.length ? '  ' + p.titles.map((t) => `${t.title}${t.organization ? ` (${t.organization})` : ''}`).join('; ') : ''}`);
    }
    if (a.organizations.length) console.log(`  organizations: ${a.organizations.map((o) => o.name).join('、')}`);
    if (a.places.length) console.log(`  places: ${a.places.map((o) => o.name).join('、')}`);
    if (a.dates.length) console.log(`  dates: ${[...new Set(a.dates.map((d) => d.iso))].join(', ')}`);
    for (const e of a.events) {
      console.log(`  event (${e.type}): ${e.name}${e.dates.length ? ` on ${e.dates.join(', ')}` : ''}${e.places.length ? ` at ${e.places.join('、')}` : ''}`);
      for (const p of e.participants) console.log(`    ${p.name}: ${p.roles.join(', ')}`);
    }
  }
}

async function runExtract(files: string[], opts: { format: 'json' | 'table'; date?: string; home?: string; jobs: number }): Promise<number> {
  let failed = 0;
  const pool = new ExtractionPool(opts.jobs);
  const sink = streamSink(process.stdout);
  const pretty = files.length === 1;
  try {
    for (const file of files) {
      const opened = await openSource(file);
      if ('problem' in opened) {
        console.error(formatProblem(opened.problem));
        failed++;
        continue;
      }
      const { source } = opened;
      const progress = new ExtractProgress(file);
      let lost = false;
      const units = source.units((problem) => {
        progress.log(formatProblem(problem));
        lost ||= !problem.warning;
      });
      const options = { date: opts.date, home: opts.home };
      if (opts.format === 'json') {
        await writeSourceJson(sink, source, progress.count(pool.extractInOrder(source.name, units, options, pretty ? 'json-pretty' : 'json')), pretty);
      } else {
        const results: Extracted<ArticleOut>[] = [];
        for await (const result of progress.count(pool.extractInOrder(source.name, units, options, 'object'))) results.push(result);
        // A file without one good record has nothing to show (as with JSON).
        if (results.length) printTable({ document: source.name, encoding: source.encoding, context: results[0].context, articles: results.flatMap((r) => r.articles) });
      }
      progress.done();
      if (lost) failed++;
    }
  } finally {
    await pool.close();
  }
  return failed ? 1 : 0;
}

/** A file's extraction as JSON, its head once the first results say the document's context; nothing for a file without one good record. */
async function writeSourceJson(sink: Sink, source: SourceStream, results: AsyncGenerator<Extracted<string>>, pretty: boolean): Promise<void> {
  const first = await results.next();
  if (first.done) return;
  const head = { document: source.name, encoding: source.encoding, context: first.value.context };
  async function* articles() {
    yield* first.value!.articles;
    for await (const result of results) yield* result.articles;
  }
  await writeExtractionJson(sink, head, articles(), pretty);
}

/** The gold's document: --input, the sample folder, or the samples folder beside the gold's. */
function goldInput(goldPath: string, gold: Gold, input?: string): string {
  if (input) return input;
  const candidates = [
    join(SAMPLES_DIR, gold.document),
    join(dirname(goldPath).replace(/([/\\])gold(?=[/\\]|$)/, '$1samples'), gold.document),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`cannot find ${gold.document} (looked in ${candidates.join(', ')}); give it with --input`);
  return found;
}

const pct = (x: number) => x.toFixed(3);

export function formatReport(r: EvalReport): string {
  const rows = MEASURES.filter((m) => r.scores[m]).map((m) => {
    const s = r.scores[m]!;
    return [m === 'titlesResolved' ? 'titles+org' : m, pct(s.precision), pct(s.recall), pct(s.f1), s.tp, s.fp, s.fn];
  });
  const lines = [
    `${r.document}`,
    table(['measure', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], rows, [false, true, true, true, true, true, true]),
    '',
    `articles found: ${r.articles.found}/${r.articles.total}${r.articles.missing.length ? ` (missing: ${r.articles.missing.join(', ')})` : ''}`,
    `headlines right: ${r.headlines.right}/${r.headlines.total}`,
  ];
  for (const w of r.headlines.wrong) lines.push(`  headline ${w.key}: expected ${w.expected}, got ${w.got ?? '(none)'}`);
  if (r.scores.titlesResolved) lines.push(`titles with the organization resolved: ${r.scores.titlesResolved.tp}/${r.scores.titlesResolved.tp + r.scores.titlesResolved.fn}`);
  lines.push(`must-not violations: ${r.mustNot.length ? r.mustNot.join('; ') : 'none'}`);
  for (const m of MEASURES) {
    const s = r.scores[m];
    if (!s) continue;
    if (s.misses.length) lines.push(`  ${m} missed: ${s.misses.join('、')}`);
    if (s.falseHits.length) lines.push(`  ${m} false hits: ${s.falseHits.join('、')}`);
  }
  return lines.join('\n');
}

/** Scores one gold file's document; null when the document cannot be read. */
function evalOne(goldPath: string, opts: { input?: string; date?: string; home?: string }): EvalReport | null {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const input = goldInput(goldPath, gold, opts.input);
  const { document, problems } = readSource(input);
  for (const p of problems) console.error(formatProblem(p));
  if (!document) return null;
  return evaluate(gold, extractDocument(document, { date: opts.date, home: opts.home }));
}

/** F1 of every measure of every document, one line each: where a set of documents is weak. */
function formatPerDocument(reports: EvalReport[]): string {
  const measures = MEASURES.filter((m) => reports.some((r) => r.scores[m]));
  const rows = reports.map((r) => [r.document, ...measures.map((m) => (r.scores[m] ? pct(r.scores[m]!.f1) : '—'))]);
  return table(['document', ...measures.map((m) => (m === 'titlesResolved' ? 'titles+org' : m))], rows, [false, ...measures.map(() => true)]);
}

function runEval(goldPaths: string[], opts: { input?: string; format: 'table' | 'json'; date?: string; home?: string }): number {
  if (opts.input && goldPaths.length > 1) throw new Error('--input goes with one gold file');
  const reports = goldPaths.map((g) => evalOne(g, opts));
  const read = reports.filter((r): r is EvalReport => r !== null);
  const report = read.length === 1 ? read[0] : combineReports(read);
  if (opts.format === 'json') console.log(JSON.stringify(read.length === 1 ? report : { total: report, documents: read }, null, 2));
  else console.log(read.length > 1 ? `${formatPerDocument(read)}\n\n${formatReport(report)}` : formatReport(report));
  return read.length === reports.length ? 0 : 1;
}

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };

const program = new Command('guanxi')
  .description('Officials, titles, organizations, places, dates and who-attended-what from Chinese local-government news')
  .version(version, '-V, --version', 'print the version of guanxi')
  .showHelpAfterError();

program
  .command('extract')
  .description(`extract entities and events from page dumps (.txt) or crawled articles (.jsonl); ${DETECTED_ENCODINGS} are detected`)
  .argument('[files...]', 'input files (default: the bundled sample page)')
  .addOption(new Option('--format <format>', 'json (one object per file; one per line for several files) or table').choices(['json', 'table']).default('json'))
  .addOption(dateOption())
  .addOption(homeOption())
  .addOption(jobsOption())
  .action(async (files: string[], opts) => {
    process.exitCode = await runExtract(files.length ? files : [DEFAULT_SAMPLE], opts);
  });

program
  .command('eval')
  .description('score the extraction of gold files\' documents against the gold (precision, recall, F1 per measure; several files: each one\'s F1 and the counts summed)')
  .argument('<gold...>', 'gold files (see shared/gold/README.md)')
  .option('--input <file>', 'the document to extract (default: the gold\'s document in the sample folder)')
  .addOption(new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table'))
  .addOption(dateOption())
  .addOption(homeOption())
  .action((gold: string[], opts) => {
    process.exitCode = runEval(gold, opts);
  });

registerEvalNer(program);
registerEvalCareers(program);
registerIngest(program);
registerRemove(program);
registerQuery(program);
registerPersons(program);
registerExport(program);
registerImport(program);
registerServe(program);

program.parseAsync().catch((err: Error) => {
  console.error(`guanxi: ${err.message}`);
  process.exitCode = 2;
  // A connection to a server that stopped answering may still be open: exit anyway, soon.
  setTimeout(() => process.exit(), 2_000).unref();
});

