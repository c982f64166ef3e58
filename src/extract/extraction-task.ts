/**
 * What a thread of the extraction pool (parallel.ts) is given and gives back. A document's units are
 * cut into tasks here, as they are read: batches of units, each extracted on its own; and a record
 * too long to read at once (work-units.ts) becomes the runs of its pieces, which any thread may
 * extract. A task gives back its articles, or the JSON `extract` writes for them, so that the
 * thread that reads the input and writes the output does no extraction work at all.
 */
import type { SourceUnit } from '../ingest/types.js';
import { articleJson } from './article-json.js';
import { extractPieceRun, unitArticles, unitSteps, type ExtractOptions, type PieceRun } from './pipeline.js';
import type { ArticleOut, DocumentContext } from './types.js';
import { LONG_ARTICLE } from './work-units.js';

/** How articles come back: as objects, or as JSON, indented as for one file or on one line. */
export type ArticleForm = 'object' | 'json' | 'json-pretty';

export type ExtractionTask =
  | { document: string; units: SourceUnit[]; options: ExtractOptions; form: ArticleForm }
  | { run: PieceRun; context: DocumentContext; form: ArticleForm };

/** A task's articles in order, as objects or as JSON strings. */
export interface Extracted<A = ArticleOut | string> {
  /** The context of the task's first unit: the document's, when it is the document's first task. */
  context: DocumentContext;
  articles: A[];
  /** Characters of the articles' text. */
  chars: number;
}

/** Units in a batch at most: enough that a message costs little beside the work, few enough to share the work out evenly. */
const BATCH_UNITS = 32;
/** Characters of text in a batch at most (a longer unit is a batch of its own). */
const BATCH_CHARS = 64_000;

/** The tasks of a document's units, in order, cut as the units are read. */
export async function* extractionTasks(
  document: string,
  units: AsyncIterable<SourceUnit> | Iterable<SourceUnit>,
  options: ExtractOptions,
  form: ArticleForm,
): AsyncGenerator<ExtractionTask> {
  let batch: SourceUnit[] = [];
  let chars = 0;
  const cut = (): ExtractionTask => {
    const task = { document, units: batch, options, form };
    batch = [];
    chars = 0;
    return task;
  };
  for await (const unit of units) {
    if (unit.kind === 'record' && unit.text.length > LONG_ARTICLE) {
      if (batch.length) yield cut();
      yield* longRecordTasks(document, unit, options, form);
      continue;
    }
    if (batch.length && (batch.length >= BATCH_UNITS || chars + unit.text.length > BATCH_CHARS)) yield cut();
    batch.push(unit);
    chars += unit.text.length;
  }
  if (batch.length) yield cut();
}

/** A long record's runs of pieces, read here (normalized, segmented, cut); or the record itself when its text is not long after all. */
function* longRecordTasks(document: string, unit: SourceUnit, options: ExtractOptions, form: ArticleForm): Generator<ExtractionTask> {
  const { context, steps } = unitSteps(document, unit, options);
  for (const step of steps) {
    if ('article' in step) {
      // Normalizing took it under LONG_ARTICLE: one article, as any short record.
      yield { document, units: [unit], options, form };
      return;
    }
    yield { run: step.run, context, form };
  }
}

/** Extracts a task on this thread. */
export function runTask(task: ExtractionTask): Extracted {
  const articles: (ArticleOut | string)[] = [];
  let chars = 0;
  const add = (article: ArticleOut) => {
    chars += article.text.length;
    articles.push(task.form === 'object' ? article : articleJson(article, task.form === 'json-pretty'));
  };
  if ('run' in task) {
    for (const article of extractPieceRun(task.run).articles) add(article);
    return { context: task.context, articles, chars };
  }
  let context: DocumentContext | undefined;
  for (const unit of task.units) {
    const read = unitArticles(task.document, unit, task.options);
    context ??= read.context;
    for (const article of read.articles) add(article);
  }
  return { context: context!, articles, chars };
}
