/**
 * Trains the PER / LOC / ORG tagger on the People's Daily 1998-01 corpus, development days only.
 *
 *   npm run train:ner -- [--corpus PATH] [--days 1-24] [--dev-days D1-D2] [--epochs N] [--bits B]
 *                        [--margin M] [--dropout P] [--seed S] [--out FILE]
 *
 * Tags follow the official scorer (paragraphSpans in src/corpus/pfr.ts). `--dev-days` scores a
 * held-out range of the development days per article (for choosing settings; never the test days 25–31).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LANG_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { COMMON_WORDS, resetMarkLexicon } from '../src/extract/ner/lexicon-marks.js';
import { paragraphSpans, readPfrArticles, type PfrArticle } from '../src/corpus/pfr.js';
import { encodeSpans, type EntityType } from '../src/extract/ner/labels.js';
import { DEFAULT_MODEL, NerModel } from '../src/extract/ner/model.js';
import { trainPerceptron, type TrainingSentence } from '../src/extract/ner/train.js';

/** Cost-augmented training margin and mark dropout (0: none; 0.05 helps PFR a little but reads more list items as names): measured on days 21-24, see src/extract/ner/README.md. */
const MARGIN = 100;
const DROPOUT = 0;

const NAME_TAGS = new Set(['nr', 'ns', 'nt', 'nz', 'nx', 'j']);

/**
 * Common words of the training days: two characters or more, seen at least three times, never a
 * name, place, organization or abbreviation, and not inside a compound. Written to data/lang so the
 * tagger's word marks are data, read the same way when tagging.
 */
function writeCommonWords(articles: PfrArticle[]): number {
  const counts = new Map<string, number>();
  // Each word's tags and how often: the most frequent is written beside the word (v, n, a …).
  const tags = new Map<string, Map<string, number>>();
  for (const a of articles) {
    for (const p of a.paragraphs) {
      for (const t of p) {
        if (t.compound || NAME_TAGS.has(t.tag) || t.word.length < 2 || !/^[\u4e00-\u9fff]+$/.test(t.word)) continue;
        counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
        const byTag = tags.get(t.word) ?? new Map<string, number>();
        tags.set(t.word, byTag.set(t.tag, (byTag.get(t.tag) ?? 0) + 1));
      }
    }
  }
  const words = [...counts].filter(([, n]) => n >= 3).map(([w]) => w).sort();
  const tagOf = (w: string) => [...tags.get(w)!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
  const header =
    "# Common words (two or more characters, seen three times or more, never a name) of the PFR 1998-01\n" +
    "# training days, each with its most frequent part-of-speech tag there (v verb, n noun, a adjective,\n" +
    "# d adverb, p preposition …); written by npm run train:ner, read by the tagger's word marks.\n";
  writeFileSync(join(LANG_DIR, COMMON_WORDS), header + words.map((w) => `${w}\t${tagOf(w)}`).join('\n') + '\n');
  resetMarkLexicon();
  return words.length;
}

function sentencesOf(articles: PfrArticle[]): TrainingSentence[] {
  return articles.flatMap((a) =>
    a.paragraphs.map((p) => {
      const { text, spans } = paragraphSpans(p);
      return { text, tags: encodeSpans(spans, text.length) };
    }),
  );
}

/** Per-article entity sets, by type: precision, recall, F1. */
function scoreArticles(model: NerModel, articles: PfrArticle[]): Record<EntityType, [number, number, number]> {
  const counts = { PER: [0, 0, 0], LOC: [0, 0, 0], ORG: [0, 0, 0] } as Record<EntityType, number[]>;
  for (const a of articles) {
    const gold = { PER: new Set<string>(), LOC: new Set<string>(), ORG: new Set<string>() };
    const pred = { PER: new Set<string>(), LOC: new Set<string>(), ORG: new Set<string>() };
    for (const p of a.paragraphs) {
      const { text, spans } = paragraphSpans(p);
      for (const s of spans) gold[s.type].add(text.slice(s.start, s.end));
      for (const s of model.tag(text)) pred[s.type].add(text.slice(s.start, s.end));
    }
    for (const type of ['PER', 'LOC', 'ORG'] as const) {
      for (const x of pred[type]) counts[type][gold[type].has(x) ? 0 : 1]++;
      for (const x of gold[type]) if (!pred[type].has(x)) counts[type][2]++;
    }
  }
  const f = ([tp, fp, fn]: number[]): [number, number, number] => {
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    return [p, r, p + r ? (2 * p * r) / (p + r) : 0].map((x) => Math.round(x * 1000) / 1000) as [number, number, number];
  };
  return { PER: f(counts.PER), LOC: f(counts.LOC), ORG: f(counts.ORG) };
}

function range(value: string | undefined, fallback: [number, number]): [number, number] {
  if (!value) return fallback;
  const [a, b] = value.split('-').map(Number);
  if (!(a >= 1 && b <= 24 && a <= b)) throw new Error(`train-ner: days must lie within 1-24 (the development split), got ${value}`);
  return [a, b];
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus = resolve(opt('corpus') ?? process.env.GUANXI_CORPUS ?? resolve(PACKAGE_ROOT, '../shared/corpora/pfr-199801.txt'));
  if (!existsSync(corpus)) {
    console.error(`train-ner: corpus not found: ${corpus}\n(give --corpus PATH or GUANXI_CORPUS)`);
    process.exit(1);
  }
  const days = range(opt('days'), [1, 24]);
  const devDays = opt('dev-days') ? range(opt('dev-days'), [24, 24]) : null;
  const epochs = Number(opt('epochs') ?? 16);
  const bits = Number(opt('bits') ?? 18);
  const margin = Number(opt('margin') ?? MARGIN);
  const markDropout = Number(opt('dropout') ?? DROPOUT);
  const seed = Number(opt('seed') ?? 1);
  const out = resolve(opt('out') ?? DEFAULT_MODEL);
  const started = Date.now();
  const articles = readPfrArticles(corpus, { days });
  const words = writeCommonWords(articles);
  const train = sentencesOf(articles);
  const chars = train.reduce((n, s) => n + s.text.length, 0);
  console.error(`train-ner: days ${days.join('-')}: ${train.length} paragraphs, ${chars} characters, ${words} common words; ${epochs} epochs, 2^${bits} feature rows, margin ${margin}, mark dropout ${markDropout}`);
  const trained = trainPerceptron(train, {
    bits,
    epochs,
    seed,
    margin,
    markDropout,
    onEpoch: (e, acc, s) => console.error(`  epoch ${e}: ${(acc * 100).toFixed(2)} % of characters right, ${s.toFixed(1)} s`),
  });
  const model = NerModel.fromTrained(trained, bits, {
    data: `PFR 1998-01 days ${days.join('-')}`,
    paragraphs: train.length,
    characters: chars,
    epochs,
    margin,
    markDropout,
  });
  model.save(out);
  console.error(`train-ner: wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (devDays) {
    const reloaded = NerModel.load(out);
    console.log(JSON.stringify({ devDays, ...scoreArticles(reloaded, readPfrArticles(corpus, { days: devDays })) }));
  }
}

main();
