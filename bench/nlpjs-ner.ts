/**
 * How @nlpjs/ner (with @nlpjs/lang-zh) behaves on Chinese news text, measured on the
 * People's Daily 1998-01 corpus (development days 1–24 only).
 *
 *   npm run bench:nlpjs
 *   node dist/bench/nlpjs-ner.js [corpus] [--limit 2000] [--exact 3] [--json]
 *
 * (a) an enum entity of official posts vs a plain dictionary scan of the same words;
 * (b) a regex entity for dates (full-width digits made ASCII) vs the same regex run directly;
 * (c) an enum entity of the 20 most frequent person names (from the corpus's nr tags).
 * Each is run with the lang-zh tokenizer registered in the container and without it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import core from '@nlpjs/core';
import type { Container } from '@nlpjs/core';
import langZh from '@nlpjs/lang-zh';
import nerPkg from '@nlpjs/ner';
import type { NerEntity } from '@nlpjs/ner';
import { PFR_DEV_DAYS, plainText, readPfrArticles } from '../src/corpus/pfr.js';
import type { PfrArticle } from '../src/corpus/pfr.js';

const { Ner } = nerPkg;
type NerT = InstanceType<typeof Ner>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpora/pfr-199801.txt');

const POSTS = [
  '市长', '副市长', '常务副市长', '省长', '副省长', '常务副省长', '县长', '副县长', '区长', '镇长', '乡长',
  '书记', '副书记', '总书记', '党委书记', '纪委书记', '常委', '委员', '国务委员', '部长', '副部长', '局长',
  '副局长', '厅长', '副厅长', '处长', '主任', '副主任', '院长', '副院长', '检察长', '庭长', '主席', '副主席',
  '总理', '副总理', '秘书长', '董事长', '总经理', '司令员', '政委', '大使',
];
const DATE_REGEXES = [/\d{4}年\d{1,2}月\d{1,2}日/g, /\d{1,2}月\d{1,2}日/g];
const DATE_PLAIN = /(?:\d{4}年)?\d{1,2}月\d{1,2}日/g;
const NAME_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff]{1,2}$/;

interface Args {
  corpus: string;
  limit: number;
  exact: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpus: process.env.GUANXI_CORPUS || DEFAULT_CORPUS, limit: 2000, exact: 3, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const int = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a}: expected a non-negative integer`);
      return n;
    };
    if (a === '--json') args.json = true;
    else if (a === '--limit') args.limit = int();
    else if (a === '--exact') args.exact = int();
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.corpus = a;
  }
  args.corpus = resolve(args.corpus);
  return args;
}

const toAsciiDigits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Runs fn with console.log silenced (lang-zh prints "Compiling dictionary" on first use). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

interface Setup {
  label: string;
  container: Container;
  /** Forgets the tokenizer's per-text cache, so every timed run tokenizes afresh. */
  reset(): void;
}

async function makeSetups(): Promise<Setup[]> {
  const zh = await core.containerBootstrap();
  zh.use(langZh.LangZh);
  const tokenizerZh = zh.get('tokenizer-zh');
  const plain = await core.containerBootstrap();
  const tokenizePlain = plain.get('tokenize');
  return [
    { label: 'with lang-zh', container: zh, reset: () => void (tokenizerZh.cache = undefined) },
    { label: 'no lang-zh', container: plain, reset: () => void (tokenizePlain.cache = undefined) },
  ];
}

interface NerRun {
  seconds: number;
  chars: number;
  entities: NerEntity[][];
}

async function runNer(ner: NerT, setup: Setup, texts: string[], threshold?: number): Promise<NerRun> {
  setup.reset();
  let chars = 0;
  const entities: NerEntity[][] = [];
  const t0 = performance.now();
  for (const text of texts) {
    const out = await ner.process(threshold === undefined ? { locale: 'zh', text } : { locale: 'zh', text, threshold });
    entities.push(out.entities);
    chars += text.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  setup.reset();
  return { seconds, chars, entities };
}

interface Span {
  start: number;
  end: number;
  word: string;
}

/** Leftmost-longest dictionary scan: what a correct matcher of the word list reports. */
function scan(text: string, words: Set<string>, maxLen: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; ) {
    let hit = 0;
    for (let L = Math.min(maxLen, text.length - i); L >= 1; L--) {
      if (words.has(text.substr(i, L))) {
        hit = L;
        break;
      }
    }
    if (hit) {
      out.push({ start: i, end: i + hit - 1, word: text.substr(i, hit) });
      i += hit;
    } else i++;
  }
  return out;
}

function indexOfCount(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

interface Comparison {
  nerHits: number;
  exactHits: number;
  fuzzyHits: number;
  reference: number;
  agree: number;
  missed: number;
  extra: number;
  topMissed: [string, number][];
  fuzzyExamples: string[];
  missedExamples: string[];
  otherExamples: string[];
}

/** The span in its context, the span bracketed: 副[市长]说. */
const inContext = (text: string, start: number, end: number) =>
  `${text.slice(Math.max(0, start - 3), start)}[${text.slice(start, end + 1)}]${text.slice(end + 1, end + 3)}`.replace(/\n/g, '⏎');

function compare(texts: string[], nerEntities: NerEntity[][], reference: Span[][]): Comparison {
  let agree = 0;
  let nerHits = 0;
  let fuzzyHits = 0;
  let refCount = 0;
  const missedBy = new Map<string, number>();
  const fuzzy = new Set<string>();
  const missedExamples: string[] = [];
  const otherExamples: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const got = new Set(nerEntities[i].map((e) => `${e.start}:${e.end}:${e.option ?? ''}`));
    nerHits += nerEntities[i].length;
    for (const e of nerEntities[i]) {
      if (e.accuracy < 1) {
        fuzzyHits++;
        if (fuzzy.size < 6) fuzzy.add(`${e.utteranceText}→${e.option}`);
      }
    }
    refCount += reference[i].length;
    const ref = new Set<string>();
    for (const s of reference[i]) {
      const key = `${s.start}:${s.end}:${s.word}`;
      ref.add(key);
      if (got.has(key)) agree++;
      else {
        missedBy.set(s.word, (missedBy.get(s.word) ?? 0) + 1);
        if (missedExamples.length < 4) missedExamples.push(inContext(texts[i], s.start, s.end));
      }
    }
    for (const e of nerEntities[i]) {
      if (!ref.has(`${e.start}:${e.end}:${e.option ?? ''}`) && otherExamples.length < 4) {
        otherExamples.push(`${inContext(texts[i], e.start, e.end)}=${e.option}`);
      }
    }
  }
  const topMissed = [...missedBy].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return {
    nerHits,
    exactHits: nerHits - fuzzyHits,
    fuzzyHits,
    reference: refCount,
    agree,
    missed: refCount - agree,
    extra: nerHits - agree,
    topMissed,
    fuzzyExamples: [...fuzzy],
    missedExamples,
    otherExamples,
  };
}

function timeSync<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, (performance.now() - t0) / 1000];
}

/** The most frequent full names (surname nr + given nr, 1–2 CJK chars each) in the articles. */
function topNames(articles: PfrArticle[], n: number): { name: string; gold: number }[] {
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const p of a.paragraphs) {
      for (let i = 0; i + 1 < p.length; i++) {
        if (p[i].tag === 'nr' && p[i + 1].tag === 'nr' && NAME_WORD.test(p[i].word) && NAME_WORD.test(p[i + 1].word)) {
          const name = p[i].word + p[i + 1].word;
          counts.set(name, (counts.get(name) ?? 0) + 1);
          i++;
        }
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, gold]) => ({ name, gold }));
}

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, w: number, left: boolean) => (left ? s + ' '.repeat(w - width(s)) : ' '.repeat(w - width(s)) + s);
  return cells
    .map((r, k) => {
      const line = r.map((c, i) => pad(c, widths[i], i === 0)).join('  ');
      return k === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const cps = (chars: number, s: number) => Math.round(chars / s);
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.corpus)) {
    console.error(`bench/nlpjs-ner: corpus not found: ${args.corpus} (give it as the first argument or in GUANXI_CORPUS)`);
    process.exit(2);
  }
  const say = (s: string) => {
    if (!args.json) console.log(s);
  };
  const articles = readPfrArticles(args.corpus, { days: PFR_DEV_DAYS }).slice(0, args.limit);
  const texts = articles.map(plainText);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  say(`corpus: ${articles.length} articles of days ${PFR_DEV_DAYS.join('-')}, ${fmt(chars)} chars`);

  const [setups, setupSeconds] = await (async () => {
    const t0 = performance.now();
    const s = await makeSetups();
    // Warm up: lang-zh compiles CC-CEDICT into its segmentation dictionary on first use.
    await quietly(async () => {
      for (const setup of s) {
        const warm = new Ner({ container: setup.container });
        warm.addRuleOptionTexts('zh', 'w', '市长', ['市长']);
        await warm.process({ locale: 'zh', text: texts[0] ?? '市长' });
        setup.reset();
      }
    });
    return [s, (performance.now() - t0) / 1000] as const;
  })();
  say(`setup (container bootstrap + lang-zh dictionary compile): ${setupSeconds.toFixed(2)} s`);

  // ---- (a) posts ----
  const postSet = new Set(POSTS);
  const maxPost = Math.max(...POSTS.map((w) => w.length));
  const [postRef, scanSeconds] = timeSync(() => texts.map((t) => scan(t, postSet, maxPost)));
  const [indexOfTotal, indexOfSeconds] = timeSync(() => texts.reduce((n, t) => n + POSTS.reduce((m, w) => m + indexOfCount(t, w), 0), 0));
  const tokenizerZh = setups[0].container.get('tokenizer-zh');
  setups[0].reset();
  const [, tokenizeSeconds] = timeSync(() => texts.forEach((t) => tokenizerZh.tokenize(t, true)));
  setups[0].reset();

  const postRows: { setup: string; threshold: string; chars: number; seconds: number; cmp: Comparison }[] = [];
  for (const setup of setups) {
    const ner = new Ner({ container: setup.container });
    for (const w of POSTS) ner.addRuleOptionTexts('zh', 'post', w, [w]);
    const run = await runNer(ner, setup, texts);
    postRows.push({ setup: setup.label, threshold: '0.8 (default)', chars: run.chars, seconds: run.seconds, cmp: compare(texts, run.entities, postRef) });
  }
  // Exact matching (threshold 1) takes a quadratic path over every pair of character positions: only a few articles.
  let exactRow: (typeof postRows)[number] | null = null;
  if (args.exact > 0) {
    const few = texts.slice(0, args.exact);
    const ner = new Ner({ container: setups[0].container });
    for (const w of POSTS) ner.addRuleOptionTexts('zh', 'post', w, [w]);
    const run = await runNer(ner, setups[0], few, 1);
    exactRow = { setup: setups[0].label, threshold: `1 (${few.length} articles)`, chars: run.chars, seconds: run.seconds, cmp: compare(few, run.entities, postRef.slice(0, few.length)) };
  }

  // ---- (b) dates ----
  const ascii = texts.map(toAsciiDigits);
  const [datePlain, datePlainSeconds] = timeSync(() =>
    ascii.map((t) => [...t.matchAll(DATE_PLAIN)].map((m) => ({ start: m.index, end: m.index + m[0].length - 1, word: m[0] }))),
  );
  const dateRows: { setup: string; chars: number; seconds: number; hits: number; agree: number; sample: string[] }[] = [];
  for (const setup of setups) {
    const ner = new Ner({ container: setup.container });
    for (const re of DATE_REGEXES) ner.addRegexRule('zh', 'date', re);
    const run = await runNer(ner, setup, ascii);
    let hits = 0;
    let agree = 0;
    const sample: string[] = [];
    run.entities.forEach((es, i) => {
      const ref = new Set(datePlain[i].map((s) => `${s.start}:${s.end}`));
      for (const e of es) {
        hits++;
        if (ref.has(`${e.start}:${e.end}`)) agree++;
        if (sample.length < 4 && !sample.includes(e.utteranceText)) sample.push(e.utteranceText);
      }
    });
    dateRows.push({ setup: setup.label, chars: run.chars, seconds: run.seconds, hits, agree, sample });
  }
  const datePlainHits = datePlain.reduce((n, d) => n + d.length, 0);

  // ---- (c) person names ----
  const names = topNames(articles, 20);
  const nameTexts = texts.filter((t) => names.some((n) => t.includes(n.name)));
  const nameChars = nameTexts.reduce((n, t) => n + t.length, 0);
  const perName = names.map((n) => ({
    ...n,
    indexOf: nameTexts.reduce((m, t) => m + indexOfCount(t, n.name), 0),
    segmented: (tokenizerZh.tokenize(n.name, true) as string[]).join(' '),
    ner: {} as Record<string, number>,
  }));
  setups[0].reset();
  const nameRuns: { setup: string; seconds: number; hits: number; found: number }[] = [];
  for (const setup of setups) {
    const ner = new Ner({ container: setup.container });
    for (const n of names) ner.addRuleOptionTexts('zh', 'person', n.name, [n.name]);
    const run = await runNer(ner, setup, nameTexts);
    const byName = new Map<string, number>();
    for (const es of run.entities) for (const e of es) byName.set(e.option ?? '', (byName.get(e.option ?? '') ?? 0) + 1);
    for (const p of perName) p.ner[setup.label] = byName.get(p.name) ?? 0;
    nameRuns.push({
      setup: setup.label,
      seconds: run.seconds,
      hits: [...byName.values()].reduce((a, b) => a + b, 0),
      found: perName.filter((p) => (byName.get(p.name) ?? 0) > 0).length,
    });
  }

  const result = {
    corpus: args.corpus,
    articles: articles.length,
    chars,
    setupSeconds,
    posts: {
      words: POSTS.length,
      indexOfTotal,
      indexOfCharsPerSecond: cps(chars, indexOfSeconds),
      scanReference: postRef.reduce((n, r) => n + r.length, 0),
      scanCharsPerSecond: cps(chars, scanSeconds),
      langZhTokenizeCharsPerSecond: cps(chars, tokenizeSeconds),
      ner: [...postRows, ...(exactRow ? [exactRow] : [])].map((r) => ({
        setup: r.setup,
        threshold: r.threshold,
        chars: r.chars,
        seconds: r.seconds,
        charsPerSecond: cps(r.chars, r.seconds),
        ...r.cmp,
      })),
    },
    dates: {
      plainHits: datePlainHits,
      plainCharsPerSecond: cps(chars, datePlainSeconds),
      ner: dateRows.map((r) => ({ ...r, charsPerSecond: cps(r.chars, r.seconds) })),
    },
    names: { articles: nameTexts.length, chars: nameChars, runs: nameRuns.map((r) => ({ ...r, charsPerSecond: cps(nameChars, r.seconds) })), perName },
  };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }

  say('');
  say(`(a) enum entity "post", ${POSTS.length} words — reference: leftmost-longest scan ${fmt(result.posts.scanReference)} hits ` +
    `(${fmt(result.posts.scanCharsPerSecond)} chars/s); indexOf of each word ${fmt(indexOfTotal)} (overlapping, e.g. 市长 inside 副市长; ` +
    `${fmt(result.posts.indexOfCharsPerSecond)} chars/s); lang-zh tokenizer alone ${fmt(result.posts.langZhTokenizeCharsPerSecond)} chars/s`);
  say(
    table([
      ['nlp.js', 'threshold', 'chars', 'seconds', 'chars/s', 'hits', 'fuzzy', 'same span', 'missed', 'other'],
      ...result.posts.ner.map((r) => [r.setup, r.threshold, fmt(r.chars), r.seconds.toFixed(2), fmt(r.charsPerSecond), fmt(r.nerHits), fmt(r.fuzzyHits), fmt(r.agree), fmt(r.missed), fmt(r.extra)]),
    ]),
  );
  for (const r of result.posts.ner) {
    if (r.topMissed.length) say(`  ${r.setup}, threshold ${r.threshold}: most missed ${r.topMissed.map(([w, n]) => `${w} ${n}`).join(', ')}`);
    if (r.missedExamples.length) say(`    e.g. ${r.missedExamples.join('  ')}`);
    if (r.otherExamples.length) say(`    hits the scan does not have: ${r.otherExamples.join('  ')}`);
    if (r.fuzzyExamples.length) say(`    fuzzy matches: ${r.fuzzyExamples.join(', ')}`);
  }

  say('');
  say(`(b) regex entity "date" (${DATE_REGEXES.map((r) => r.source).join(' | ')}) — the same regex run directly: ` +
    `${fmt(datePlainHits)} hits, ${fmt(result.dates.plainCharsPerSecond)} chars/s`);
  say(
    table([
      ['nlp.js', 'chars', 'seconds', 'chars/s', 'hits', 'same span', 'examples'],
      ...result.dates.ner.map((r) => [r.setup, fmt(r.chars), r.seconds.toFixed(2), fmt(r.charsPerSecond), fmt(r.hits), fmt(r.agree), r.sample.join(' ')]),
    ]),
  );

  say('');
  say(`(c) enum entity "person", the 20 most frequent nr names, over the ${nameTexts.length} articles that contain one (${fmt(nameChars)} chars)`);
  say(
    table([
      ['name', 'nr tags', 'indexOf', 'lang-zh segments', ...setups.map((s) => `nlp.js ${s.label}`)],
      ...perName.map((p) => [p.name, p.gold, p.indexOf, p.segmented, ...setups.map((s) => p.ner[s.label])]),
    ]),
  );
  for (const r of result.names.runs) {
    say(`  ${r.setup}: ${r.found}/20 names found, ${fmt(r.hits)} hits, ${r.seconds.toFixed(2)} s, ${fmt(cps(nameChars, r.seconds))} chars/s`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
