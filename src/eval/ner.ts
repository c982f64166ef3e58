/**
 * Entity-set scoring on public NER corpora, the way the project is judged (shared/tools/pfr_score.py,
 * msra.py and forms.py): per article (PFR) or sentence (BIO), the sets of person, place and
 * organization names in the gold against the names the extraction found there.
 *
 * Everything here mirrors those scripts line by line, down to Python's notion of white space, so
 * that `guanxi eval-ner` gives their figures exactly.
 */
import { basename } from 'node:path';
import type { ArticleOut, ExtractionOut } from '../extract/types.js';
import { parseJsonl } from '../ingest/jsonl.js';
import type { SourceDocument } from '../ingest/types.js';

export const NER_KINDS = ['persons', 'places', 'organizations'] as const;
export type NerKind = (typeof NER_KINDS)[number];
export type NerFormat = 'pfr' | 'bio';
export type GoldSets = Record<NerKind, Set<string>>;

/** The test split of the PFR corpus, pfr_score.py's default. */
export const PFR_SCORED_DAYS: [number, number] = [25, 31];

/** A record as shared/tools writes it to JSON Lines for `guanxi extract`. */
export interface NerRecord {
  id: string;
  title: string;
  date?: string;
  source?: string;
  text: string;
}

export interface NerCorpus {
  format: NerFormat;
  /** The days scored (PFR only). */
  days?: [number, number];
  /** The records to extract, in file order: for PFR the articles of the days scored (each article is extracted on its own). */
  records: NerRecord[];
  /** Gold name sets by unit id: the articles of the days scored, or every sentence. */
  gold: Map<string, GoldSets>;
}

// Python's str.strip() and re's \s: JS's \s lacks \x1c–\x1f and \x85, and has \ufeff (Python keeps a BOM).
const PY_SPACE = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');
/** pfr_score.py's token: `[`? word `/` tag (`]` compound-tag)?. */
const PFR_ITEM = new RegExp(`(\\[)?([^${PY_SPACE}/\\[\\]]+)/([a-zA-Z]+)(\\][a-z]+)?`, 'gu');
/** pfr_jsonl.py's token, of which only the word is kept. */
const PFR_WORD = new RegExp(`\\[?([^${PY_SPACE}/\\[\\]]+)/[a-zA-Z]+\\]?[a-z]*`, 'gu');
const FULL_WIDTH_DIGIT = /[０-９]/g;

const pyStrip = (s: string) => s.replace(PY_STRIP, '');
/** Python slices by code point, JS by UTF-16 unit. */
const pySlice = (s: string, start: number, end?: number) => Array.from(s).slice(start, end).join('');
/** Python's text-mode reading: \r\n and \r end lines too. */
const pyLines = (text: string) => text.split(/\r\n|\r|\n/);
const asciiDigits = (s: string) => s.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
const emptySets = (): GoldSets => ({ persons: new Set(), places: new Set(), organizations: new Set() });

/** A PFR corpus line (blank lines skipped): the article id (date-page-article) and the tokens after the line id. */
function* pfrLines(text: string): Generator<{ articleId: string; rest: string }> {
  for (const raw of pyLines(text)) {
    const line = pyStrip(raw);
    if (!line) continue;
    const gap = line.indexOf('  ');
    const lineId = gap < 0 ? line : line.slice(0, gap);
    yield { articleId: pySlice(lineId, 0, 15), rest: gap < 0 ? '' : line.slice(gap + 2) };
  }
}

/** The day of the month in an article id, or null when it has none (the Python scorer would stop there). */
function pfrDay(articleId: string): number | null {
  const dd = pySlice(articleId, 6, 8);
  return /^\d+$/.test(dd) ? Number(dd) : null;
}

interface PfrItem {
  open: boolean;
  word: string;
  tag: string;
  /** `]nt`, `]ns`, …, when the item closes a bracketed compound. */
  close?: string;
}

/**
 * One line's gold names: consecutive nr tokens outside brackets are one person (full-width digits to
 * ASCII), a bracketed compound tagged nt or ns is one organization or place and its tokens count for
 * nothing else, a plain ns or nt token is a place or an organization.
 */
export function addPfrLineGold(gold: GoldSets, items: PfrItem[]): void {
  let bracket: string[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const { open, word, tag, close } = items[i];
    if (open) bracket = [];
    if (bracket !== null) {
      bracket.push(word);
      if (close) {
        const kind = close.slice(1);
        if (kind === 'nt') gold.organizations.add(bracket.join(''));
        else if (kind === 'ns') gold.places.add(bracket.join(''));
        bracket = null;
      }
      continue;
    }
    if (tag === 'nr') {
      let name = word;
      while (i + 1 < items.length && items[i + 1].tag === 'nr' && !items[i + 1].open) name += items[++i].word;
      gold.persons.add(asciiDigits(name));
    } else if (tag === 'ns') gold.places.add(word);
    else if (tag === 'nt') gold.organizations.add(word);
  }
}

function pfrItems(rest: string): PfrItem[] {
  return [...rest.matchAll(PFR_ITEM)].map((m) => ({ open: m[1] !== undefined, word: m[2], tag: m[3], close: m[4] }));
}

/** Gold name sets of the articles of the given days, as pfr_score.py reads them (an article without names still counts). */
export function readPfrGold(text: string, days: [number, number] = PFR_SCORED_DAYS): Map<string, GoldSets> {
  const gold = new Map<string, GoldSets>();
  for (const { articleId, rest } of pfrLines(text)) {
    const day = pfrDay(articleId);
    if (day === null || day < days[0] || day > days[1]) continue;
    let sets = gold.get(articleId);
    if (!sets) gold.set(articleId, (sets = emptySets()));
    addPfrLineGold(sets, pfrItems(rest));
  }
  return gold;
}

/** The articles as pfr_jsonl.py writes them: first paragraph the title, the others the text (or the title again when alone). */
export function pfrRecords(text: string): NerRecord[] {
  const articles = new Map<string, string[]>();
  for (const { articleId, rest } of pfrLines(text)) {
    const words = [...rest.matchAll(PFR_WORD)].map((m) => m[1]).join('');
    const paragraphs = articles.get(articleId);
    if (paragraphs) paragraphs.push(words);
    else articles.set(articleId, [words]);
  }
  return [...articles].map(([id, paragraphs]) => ({
    id,
    title: paragraphs[0],
    date: `${pySlice(id, 0, 4)}-${pySlice(id, 4, 6)}-${pySlice(id, 6, 8)}`,
    source: '人民日报',
    text: paragraphs.slice(1).join('\n') || paragraphs[0],
  }));
}

export function readPfrCorpus(text: string, days: [number, number] = PFR_SCORED_DAYS): NerCorpus {
  const gold = readPfrGold(text, days);
  return { format: 'pfr', days, records: pfrRecords(text).filter((r) => gold.has(r.id)), gold };
}

/** The sentences of a BIO file: `char<TAB>tag` lines (a missing tag is O), a blank line between sentences. */
export function* bioSentences(text: string): Generator<{ chars: string[]; tags: string[] }> {
  let chars: string[] = [];
  let tags: string[] = [];
  for (const line of pyLines(text)) {
    if (!pyStrip(line)) {
      if (chars.length) yield { chars, tags };
      chars = [];
      tags = [];
      continue;
    }
    const tab = line.indexOf('\t');
    chars.push(tab < 0 ? line : line.slice(0, tab));
    tags.push(pyStrip(tab < 0 ? '' : line.slice(tab + 1)) || 'O');
  }
  if (chars.length) yield { chars, tags };
}

const BIO_KINDS: Record<string, NerKind> = { PER: 'persons', LOC: 'places', ORG: 'organizations' };

/** A sentence's gold names: B-X opens an X, I-X continues only an X, anything else closes it. Types other than PER/LOC/ORG are ignored. */
export function bioGold(chars: string[], tags: string[]): GoldSets {
  const gold = emptySets();
  let current: string | null = null;
  let buf = '';
  const close = () => {
    const kind = current ? BIO_KINDS[current] : undefined;
    if (kind) gold[kind].add(buf);
  };
  chars.forEach((c, i) => {
    const tag = tags[i];
    if (tag.startsWith('B-')) {
      close();
      current = tag.slice(2);
      buf = c;
    } else if (tag.startsWith('I-') && current === tag.slice(2)) {
      buf += c;
    } else {
      close();
      current = null;
      buf = '';
    }
  });
  close();
  return gold;
}

/** Each sentence a record, with msra.py's ids (msra-00000, …). */
export function readBioCorpus(text: string): NerCorpus {
  const records: NerRecord[] = [];
  const gold = new Map<string, GoldSets>();
  let i = 0;
  for (const { chars, tags } of bioSentences(text)) {
    const id = `msra-${String(i++).padStart(5, '0')}`;
    records.push({ id, title: '', text: chars.join('') });
    gold.set(id, bioGold(chars, tags));
  }
  return { format: 'bio', records, gold };
}

/** bio for a .bio file or one opening with a `char<TAB>tag` line, pfr for one opening with a PFR line id; null when neither. */
export function detectNerFormat(path: string, text: string): NerFormat | null {
  if (path.toLowerCase().endsWith('.bio')) return 'bio';
  const first = pyLines(text.slice(0, 4096)).find((l) => pyStrip(l) !== '') ?? '';
  if (/^[^\t]+\t(?:O|[BI]-\w+)?\s*$/u.test(first)) return 'bio';
  if (/^\d{8}-\d{2}-\d{3}/.test(first)) return 'pfr';
  return null;
}

/** A record the extraction will not take (e.g. an empty text): its unit then scores as all missed. */
export interface SkippedRecord {
  id: string;
  message: string;
}

/**
 * The records as the SourceDocument `guanxi extract` makes of shared/tools' JSON Lines: going through
 * the same parser keeps its validation and trimming (an empty title is absent, an empty text skipped).
 */
export function recordsDocument(records: NerRecord[], path: string): { document: SourceDocument; skipped: SkippedRecord[] } {
  const { units, problems } = parseJsonl(records.map((r) => JSON.stringify(r)).join('\n'), path);
  const skipped = problems.filter((p) => !p.warning).map((p) => ({ id: records[(p.line ?? 1) - 1]?.id ?? '?', message: p.message }));
  return { document: { path, name: basename(path), format: 'jsonl', encoding: 'UTF-8', units }, skipped };
}

/** One prediction: what a false hit is shown as, and every form that matches the gold. */
export interface Prediction {
  label: string;
  forms: Set<string>;
}

/** An extracted entity; `spans` are the mentions in the text, `mentions` their older form (a list, or a count for persons). */
export interface FormedEntity {
  name?: unknown;
  spans?: unknown;
  mentions?: unknown;
}

/** forms.py: the entity's name plus the text of every span (or legacy mention) it reports, empty forms dropped. */
export function entityForms(entity: FormedEntity): Set<string> {
  const forms = new Set<string>([typeof entity.name === 'string' ? entity.name : '']);
  for (const list of [entity.spans, entity.mentions]) {
    if (!Array.isArray(list)) continue;
    for (const s of list as unknown[]) {
      if (typeof s === 'string') forms.add(s);
      else if (typeof s === 'object' && s !== null && typeof (s as { text?: unknown }).text === 'string') forms.add((s as { text: string }).text);
    }
  }
  forms.delete('');
  return forms;
}

const entityPrediction = (e: FormedEntity): Prediction => {
  const forms = entityForms(e);
  return { label: typeof e.name === 'string' && e.name ? e.name : ([...forms][0] ?? ''), forms };
};
// Participants and bylines are bare names: the scorers take them as they are, even empty.
const namePrediction = (name: string): Prediction => ({ label: name, forms: new Set([name]) });

/** How each scorer reads an extraction. */
export interface ScoringRules {
  /** The gold unit an extracted article is scored against. */
  unitId(articleId: string): string;
  /** Whether reporters, correspondents and photographers count as persons. */
  bylines: boolean;
  /** The kinds where a prediction sharing a form with an earlier one is dropped. */
  dedupe: readonly NerKind[];
}

export const SCORING_RULES: Record<NerFormat, ScoringRules> = {
  // pfr_score.py: the article id is the first 15 characters; bylines are persons; every kind deduplicated.
  pfr: { unitId: (id) => pySlice(id, 0, 15), bylines: true, dedupe: NER_KINDS },
  // msra.py: the sentence id as is; no bylines; only persons deduplicated.
  bio: { unitId: (id) => id, bylines: false, dedupe: ['persons'] },
};

/** A participant or byline already listed among the persons is one prediction, not two (forms shared with any earlier one). */
export function dedupe(predictions: Prediction[]): Prediction[] {
  const seen = new Set<string>();
  const unique: Prediction[] = [];
  for (const p of predictions) {
    if (![...p.forms].some((f) => seen.has(f))) unique.push(p);
    for (const f of p.forms) seen.add(f);
  }
  return unique;
}

/** An article's predictions by kind: persons, then event participants, then (by the rules) bylines. */
export function articlePredictions(a: ArticleOut, rules: ScoringRules): Record<NerKind, Prediction[]> {
  const bylines = rules.bylines ? [...a.reporters, ...a.correspondents, ...a.photographers] : [];
  const predictions: Record<NerKind, Prediction[]> = {
    persons: [
      ...a.persons.map(entityPrediction),
      ...a.events.flatMap((e) => e.participants.map((q) => namePrediction(q.name))),
      ...bylines.map(namePrediction),
    ],
    places: a.places.map(entityPrediction),
    organizations: a.organizations.map(entityPrediction),
  };
  for (const kind of rules.dedupe) predictions[kind] = dedupe(predictions[kind]);
  return predictions;
}

export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
  falseHits: string[];
  misses: string[];
}

/** forms.py set_counts: a gold name is found when some prediction has it among its forms; a prediction is false when none of its forms is gold. */
export function setCounts(gold: Set<string>, predictions: Prediction[]): SetCounts {
  const covered = new Set<string>();
  const falseHits: string[] = [];
  for (const p of predictions) {
    const hits = [...p.forms].filter((f) => gold.has(f));
    if (hits.length) for (const h of hits) covered.add(h);
    else falseHits.push(p.label);
  }
  const misses = [...gold].filter((g) => !covered.has(g));
  return { tp: covered.size, fp: falseHits.length, fn: misses.length, falseHits, misses };
}

export interface Counted {
  text: string;
  count: number;
}

export interface NerScore {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  /** The most frequent false hits and misses, with how many units they occur in. */
  falseHits: Counted[];
  misses: Counted[];
}

export interface NerReport {
  format: NerFormat;
  days?: [number, number];
  /** Gold units: the articles of the days scored (PFR) or the sentences (BIO). */
  units: number;
  /** Gold units with an extracted article; the others score as all missed. */
  extracted: number;
  scores: Record<NerKind, NerScore>;
}

/** The n most frequent, ties in order of first appearance. */
function topCounts(items: string[], n: number): Counted[] {
  const counts = new Map<string, number>();
  for (const s of items) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count).slice(0, n);
}

function score(t: SetCounts, top: number): NerScore {
  // As the scorers: 0 (not 1) when there is nothing to divide by.
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp: t.tp, fp: t.fp, fn: t.fn, falseHits: topCounts(t.falseHits, top), misses: topCounts(t.misses, top) };
}

/** Scores an extraction of the corpus' records against its gold; `top` false hits and misses are kept per kind. */
export function scoreNer(corpus: NerCorpus, extraction: ExtractionOut, top = 10): NerReport {
  const rules = SCORING_RULES[corpus.format];
  // A later article with the same unit id replaces an earlier one, as in the scorers.
  const predicted = new Map<string, ArticleOut>();
  for (const a of extraction.articles) {
    const id = rules.unitId(String(a.id ?? ''));
    if (corpus.gold.has(id)) predicted.set(id, a);
  }
  const empty = (): SetCounts => ({ tp: 0, fp: 0, fn: 0, falseHits: [], misses: [] });
  const totals: Record<NerKind, SetCounts> = { persons: empty(), places: empty(), organizations: empty() };
  for (const [id, gold] of corpus.gold) {
    const article = predicted.get(id);
    const predictions = article ? articlePredictions(article, rules) : null;
    for (const kind of NER_KINDS) {
      const c = setCounts(gold[kind], predictions?.[kind] ?? []);
      const t = totals[kind];
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
      t.falseHits.push(...c.falseHits);
      t.misses.push(...c.misses);
    }
  }
  return {
    format: corpus.format,
    ...(corpus.days ? { days: corpus.days } : {}),
    units: corpus.gold.size,
    extracted: predicted.size,
    scores: Object.fromEntries(NER_KINDS.map((k) => [k, score(totals[k], top)])) as Record<NerKind, NerScore>,
  };
}
