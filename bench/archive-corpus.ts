/**
 * The archive of bench/archive.ts: the PFR month (People's Daily, January 1998) printed again and
 * again as later months of a ten-year paper, in one JSON Lines file.
 *
 * Copy i of the month is moved to its own year and month (copies spread evenly over the years), so
 * that its events and dates differ from every other copy's: each record's date moves there (the day
 * of the month kept; the 31st of a shorter month runs into the next one), years written in its text
 * and title (1997年, １９９８年, 一九九八年) move by as many years, and its id becomes
 * `c<i>:<new date>-<page>-<article>`, so that every article of the archive has an id of its own.
 * The words are otherwise the month's, so the same persons and organizations recur, as in a real
 * archive.
 *
 * The file is written once into a cache folder and reused while the corpus and the shape are the
 * same (a manifest beside it says what it holds).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { iteratePfrArticles } from '../src/corpus/pfr.js';
import { pfrJsonlRecord } from './whole-process.js';

export type ArchiveRecord = ReturnType<typeof pfrJsonlRecord>;

export interface ArchiveShape {
  /** How many times the month is printed. */
  copies: number;
  /** Over how many years the copies are spread. */
  years: number;
  /** The year of the first copy. */
  firstYear: number;
}

/** Where copy i goes: a distinct year and month for each copy while copies ≤ 12 × years. */
export function copyMonth(i: number, shape: ArchiveShape): { year: number; month: number } {
  const months = shape.years * 12;
  if (shape.copies > months) throw new Error(`${shape.copies} copies do not fit in ${shape.years} years with a month each; give more --years`);
  const m = Math.floor((i * months) / shape.copies);
  return { year: shape.firstYear + Math.floor(m / 12), month: (m % 12) + 1 };
}

const DIGIT_SETS = ['0123456789', '０１２３４５６７８９', '〇一二三四五六七八九'];
// A year of four digits, in one of the three ways the paper writes them, before 年.
const YEAR = /([0-9]{4}|[０-９]{4}|[〇零一二三四五六七八九]{4})年/g;

/** The years of 1900–2099 written in `text` moved by `delta`, each in the digits it was written in. */
export function shiftYearsInText(text: string, delta: number): string {
  if (delta === 0) return text;
  return text.replace(YEAR, (whole, digits: string) => {
    const set = DIGIT_SETS.find((s) => s.includes(digits[0] === '零' ? '〇' : digits[0]))!;
    const value = Number([...digits].map((c) => set.indexOf(c === '零' ? '〇' : c)).join(''));
    if (value < 1900 || value > 2099) return whole;
    return [...String(value + delta)].map((d) => set[Number(d)]).join('') + '年';
  });
}

/** One record of the month as printed in copy `copy` (its year and month from copyMonth). */
export function shiftRecord(record: ArchiveRecord, copy: number, shape: ArchiveShape): ArchiveRecord {
  const { year, month } = copyMonth(copy, shape);
  const [y, , d] = record.date.split('-').map(Number);
  // Date.UTC carries a day past the month's end into the next month.
  const date = new Date(Date.UTC(year, month - 1, d)).toISOString().slice(0, 10);
  const pageArticle = record.id.slice(record.id.indexOf('-') + 1);
  const delta = year - y;
  return {
    id: `c${copy}:${date.replaceAll('-', '')}-${pageArticle}`,
    title: shiftYearsInText(record.title, delta),
    date,
    source: record.source,
    text: shiftYearsInText(record.text, delta),
  };
}

/** What an archive file holds; written beside it as <file>.json. */
export interface ArchiveManifest extends ArchiveShape {
  version: number;
  corpus: { path: string; bytes: number; mtimeMs: number };
  /** The copies written (the first `written` of `copies`: a smaller file for a subset of the steps). */
  written: number;
  records: number;
  /** Characters of the records' texts (what jieba tags), and of their titles. */
  chars: number;
  titleChars: number;
  bytes: number;
}

/** Bumped when the records change, so that cached files are written again. */
const ARCHIVE_VERSION = 1;

export interface Archive {
  path: string;
  manifest: ArchiveManifest;
  /** False when the cached file was reused. */
  built: boolean;
}

/**
 * The archive's first `written` copies (default all) as JSON Lines in `folder`: the cached file when
 * its manifest matches, else written anew (to a temporary name, renamed when complete).
 */
export function writeArchive(corpus: string, folder: string, shape: ArchiveShape, written = shape.copies): Archive {
  if (written < 1 || written > shape.copies) throw new Error(`cannot write ${written} of ${shape.copies} copies`);
  const name = `archive-${shape.copies}x-${shape.years}y-${shape.firstYear}${written < shape.copies ? `-first${written}` : ''}.jsonl`;
  const path = join(folder, name);
  const stat = statSync(corpus);
  const wanted = { version: ARCHIVE_VERSION, ...shape, corpus: { path: corpus, bytes: stat.size, mtimeMs: stat.mtimeMs }, written };
  const cached = readManifest(path);
  if (cached && sameShape(cached, wanted) && existsSync(path) && statSync(path).size === cached.bytes) return { path, manifest: cached, built: false };

  mkdirSync(folder, { recursive: true });
  const month = [...iteratePfrArticles(readFileSync(corpus, 'utf8'))].map(pfrJsonlRecord);
  if (!month.length) throw new Error(`${corpus}: no PFR articles in it (lines like 19980101-01-001-001/m  word/tag …)`);
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let chars = 0;
  let titleChars = 0;
  let bytes = 0;
  try {
    for (let copy = 0; copy < written; copy++) {
      const lines: string[] = [];
      for (const record of month) {
        const r = shiftRecord(record, copy, shape);
        chars += r.text.length;
        titleChars += r.title.length;
        lines.push(JSON.stringify(r));
      }
      // One write a copy: a few megabytes at a time, never the whole archive in memory.
      bytes += writeSync(fd, lines.join('\n') + '\n');
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  const manifest: ArchiveManifest = { ...wanted, records: month.length * written, chars, titleChars, bytes };
  writeFileSync(`${path}.json`, JSON.stringify(manifest, null, 2) + '\n');
  return { path, manifest, built: true };
}

function readManifest(path: string): ArchiveManifest | null {
  try {
    return JSON.parse(readFileSync(`${path}.json`, 'utf8')) as ArchiveManifest;
  } catch {
    return null;
  }
}

function sameShape(a: ArchiveManifest, b: Omit<ArchiveManifest, 'records' | 'chars' | 'titleChars' | 'bytes'>): boolean {
  return (
    a.version === b.version &&
    a.copies === b.copies &&
    a.years === b.years &&
    a.firstYear === b.firstYear &&
    a.written === b.written &&
    a.corpus.path === b.corpus.path &&
    a.corpus.bytes === b.corpus.bytes &&
    a.corpus.mtimeMs === b.corpus.mtimeMs
  );
}
