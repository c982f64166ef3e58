/**
 * Learns Chinese person-name statistics from the PFR 1998-01 corpus, development days 1–24 only.
 *
 *   node dist/scripts/learn-name-stats.js [corpusPath]
 *
 * Writes data/lang/name-stats.json. A name is an `nr` token of 1–2 CJK characters (the surname)
 * followed immediately by another `nr` token of 1–2 CJK characters (the given name). A foreign name is
 * an `nr` token of three CJK characters or more standing alone (克林顿, 阿拉法特): `foreign` counts its
 * characters (those seen three times or more), the letters of transliteration.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PFR_DEV_DAYS, readPfrArticles } from '../src/corpus/pfr.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpora/pfr-199801.txt');
const OUT = resolve(ROOT, 'data/lang/name-stats.json');
const CAP = 300;

const CJK_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff]{1,2}$/;
const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

type Counts = Map<string, number>;
const bump = (m: Counts, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

/** Counts as an object, most frequent first (ties by code point), optionally capped and thresholded. */
function toObject(m: Counts, cap = Infinity, min = 1): Record<string, number> {
  const entries = [...m].filter(([, n]) => n >= min);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries.slice(0, cap));
}

function main(): void {
  const corpus = resolve(process.argv[2] ?? process.env.GUANXI_CORPUS ?? DEFAULT_CORPUS);
  if (!existsSync(corpus)) {
    console.error(`learn-name-stats: corpus not found: ${corpus}\n(give the path of pfr-199801.txt as the first argument or in GUANXI_CORPUS)`);
    process.exit(1);
  }
  const started = Date.now();
  const articles = readPfrArticles(corpus, { days: PFR_DEV_DAYS });

  const surname: Counts = new Map();
  const given1: Counts = new Map();
  const given2: Counts = new Map();
  const single: Counts = new Map();
  const total: Counts = new Map();
  const followers: Counts = new Map();
  const preceders: Counts = new Map();
  const foreign: Counts = new Map();
  const givenLength = { 1: 0, 2: 0 };
  let nameCount = 0;
  let paragraphs = 0;
  let chars = 0;

  for (const article of articles) {
    for (const p of article.paragraphs) {
      paragraphs++;
      for (const t of p) {
        const w = t.word;
        chars += w.length;
        for (let k = 0; k < w.length; k++) if (isCjk(w.charCodeAt(k))) bump(total, w[k]);
      }
      for (let i = 0; i < p.length; i++) {
        const t = p[i];
        const alone = t.tag === 'nr' && p[i - 1]?.tag !== 'nr' && p[i + 1]?.tag !== 'nr';
        if (alone && /^[\u3400-\u4dbf\u4e00-\u9fff]{3,}$/.test(t.word)) for (const c of t.word) bump(foreign, c);
      }
      for (let i = 0; i + 1 < p.length; i++) {
        const s = p[i];
        const g = p[i + 1];
        if (s.tag !== 'nr' || g.tag !== 'nr' || !CJK_WORD.test(s.word) || !CJK_WORD.test(g.word)) continue;
        nameCount++;
        bump(surname, s.word);
        bump(given1, g.word[0]);
        if (g.word.length === 2) {
          givenLength[2]++;
          bump(given2, g.word[1]);
        } else {
          givenLength[1]++;
          bump(single, g.word);
        }
        const before = i > 0 ? p[i - 1].word : '';
        if (before) bump(preceders, before[before.length - 1]);
        const after = i + 2 < p.length ? p[i + 2].word : '';
        if (after) bump(followers, after[0]);
        i++; // the given name is not the next name's surname
      }
    }
  }

  const fields: [string, unknown][] = [
    ['source', `PFR 1998-01 days ${PFR_DEV_DAYS[0]}-${PFR_DEV_DAYS[1]}`],
    ['articles', articles.length],
    ['paragraphs', paragraphs],
    ['chars', chars],
    ['nameCount', nameCount],
    ['givenLength', givenLength],
    ['surname', toObject(surname)],
    ['given1', toObject(given1)],
    ['given2', toObject(given2)],
    ['single', toObject(single)],
    ['followers', toObject(followers, CAP)],
    ['preceders', toObject(preceders, CAP)],
    ['total', toObject(total, Infinity, 2)],
    ['foreign', toObject(foreign, Infinity, 3)],
  ];
  const json = '{\n' + fields.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n') + '\n}\n';
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);
  console.log(
    `learn-name-stats: ${articles.length} articles, ${paragraphs} paragraphs, ${nameCount} names ` +
      `(${surname.size} surnames, given 1:${givenLength[1]} 2:${givenLength[2]}), ${total.size} CJK chars ` +
      `→ ${OUT} (${(json.length / 1024).toFixed(0)} KiB of text, ${Date.now() - started} ms)`,
  );
}

main();
