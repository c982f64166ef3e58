/**
 * Compares an extraction with a gold file (shared/gold/README.md): per measure precision, recall and
 * F1, articles found, headlines right, and the misses and false hits by name.
 */
import { foldWidth } from '../extract/normalize.js';
import type { ArticleOut, ExtractionOut } from '../extract/types.js';

export interface GoldTitle {
  title: string;
  org: string[];
  optional?: boolean;
}
export interface GoldArticle {
  key: string;
  snippet: string;
  headline: string | null;
  subtitle?: string | null;
  headlineOptional?: boolean;
  reporters?: string[];
  correspondents?: string[];
  photographers?: string[];
  dates?: string[];
  persons?: { name: string; optional?: boolean; titles?: GoldTitle[] }[];
  organizations?: { names: string[]; optional?: boolean }[];
  places?: { names: string[]; optional?: boolean }[];
  participation?: { person: string; roles: string[]; optional?: boolean }[];
  mustNot?: { titles?: string[]; persons?: string[] };
}
export interface Gold {
  document: string;
  unscored?: string[];
  articles: GoldArticle[];
}

export const MEASURES = ['persons', 'organizations', 'places', 'titles', 'titlesResolved', 'participation', 'roles', 'dates', 'bylines'] as const;
export type Measure = (typeof MEASURES)[number];

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  misses: string[];
  falseHits: string[];
}

export interface EvalReport {
  document: string;
  scores: Partial<Record<Measure, Score>>;
  articles: { found: number; total: number; missing: string[] };
  headlines: { right: number; total: number; wrong: { key: string; expected: string; got: string | null }[] };
  mustNot: string[];
}

/** White space and quote marks are ignored; middle dots are all the same; full-width digits are digits, and brackets brackets. */
export function norm(s: string): string {
  return foldWidth(s).replace(/[\s"'“”‘’「」『』]/g, '').replace(/[•・‧]/g, '·').replace(/（/g, '(').replace(/）/g, ')');
}

class Tally {
  tp = 0;
  fp = 0;
  fn = 0;
  misses: string[] = [];
  falseHits: string[] = [];
  score(): Score {
    const precision = this.tp + this.fp ? this.tp / (this.tp + this.fp) : 1;
    const recall = this.tp + this.fn ? this.tp / (this.tp + this.fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { tp: this.tp, fp: this.fp, fn: this.fn, precision, recall, f1, misses: this.misses, falseHits: this.falseHits };
  }
}

/**
 * Counts one measure. A prediction is its forms (a name, or a name and the texts of its spans, as
 * shared/gold/README.md says: 北京市 with a span 北京 matches a gold 北京); it hits a gold entry when any
 * form is an accepted form of it. An optional entry is neither required nor a false hit.
 */
function tallyEntries(t: Tally, gold: { forms: string[]; optional?: boolean; label: string }[], predicted: (string | string[])[], where: string): void {
  const matched = new Set<number>();
  const seen = new Set<string>();
  for (const entry of predicted) {
    const forms = [...new Set((typeof entry === 'string' ? [entry] : entry).map(norm))];
    if (seen.has(forms[0])) continue;
    seen.add(forms[0]);
    const k = gold.findIndex((g) => g.forms.some((f) => f === '*' || forms.includes(norm(f))));
    if (k < 0) {
      t.fp++;
      t.falseHits.push(`${forms[0]}${where}`);
    } else matched.add(k);
  }
  gold.forEach((g, k) => {
    if (g.optional) return;
    if (matched.has(k)) t.tp++;
    else {
      t.fn++;
      t.misses.push(`${g.label}${where}`);
    }
  });
}

/** An entity's forms: its name, then its mentions as written. */
const formsOf = (e: { name: string; spans: { text: string }[] }) => [e.name, ...e.spans.map((s) => s.text)];

function participants(a: ArticleOut): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of a.events) {
    for (const p of e.participants) {
      const key = norm(p.name);
      const roles = out.get(key) ?? new Set<string>();
      p.roles.forEach((r) => roles.add(r));
      out.set(key, roles);
    }
  }
  return out;
}

export function evaluate(gold: Gold, extraction: ExtractionOut): EvalReport {
  const unscored = new Set(gold.unscored ?? []);
  const t = Object.fromEntries(MEASURES.map((m) => [m, new Tally()])) as Record<Measure, Tally>;
  const report: EvalReport = {
    document: gold.document,
    scores: {},
    articles: { found: 0, total: gold.articles.length, missing: [] },
    headlines: { right: 0, total: 0, wrong: [] },
    mustNot: [],
  };

  // Find each gold article by its snippet.
  const matchOf = new Map<GoldArticle, ArticleOut>();
  for (const g of gold.articles) {
    const hit = extraction.articles.find((a) => norm(a.text).includes(norm(g.snippet)));
    if (hit) {
      matchOf.set(g, hit);
      report.articles.found++;
    } else report.articles.missing.push(g.key);
    if (!g.headlineOptional) {
      report.headlines.total++;
      if (hit && g.headline && hit.headline && norm(hit.headline) === norm(g.headline)) report.headlines.right++;
      else report.headlines.wrong.push({ key: g.key, expected: g.headline ?? '', got: hit?.headline ?? null });
    }
  }
  const matched = new Set(matchOf.values());
  const bylineNames = new Set(extraction.articles.flatMap((a) => [...a.reporters, ...a.correspondents, ...a.photographers]).map(norm));
  for (const g of gold.articles) for (const n of [...(g.reporters ?? []), ...(g.correspondents ?? []), ...(g.photographers ?? [])]) bylineNames.add(norm(n));

  // Persons and titles: over the whole document, bylines apart.
  const goldPersons = new Map<string, { optional: boolean; titles: GoldTitle[] }>();
  for (const g of gold.articles) {
    for (const p of g.persons ?? []) {
      const key = norm(p.name);
      const prev = goldPersons.get(key);
      goldPersons.set(key, {
        optional: prev ? prev.optional && !!p.optional : !!p.optional,
        titles: [...(prev?.titles ?? []), ...(p.titles ?? [])],
      });
    }
  }
  const predictedPersons = new Map<string, { title: string; organization: string | null }[]>();
  for (const a of extraction.articles) {
    for (const p of a.persons) {
      const key = norm(p.name);
      if (bylineNames.has(key) && !goldPersons.has(key)) continue;
      predictedPersons.set(key, [...(predictedPersons.get(key) ?? []), ...p.titles]);
    }
  }
  tallyEntries(
    t.persons,
    [...goldPersons].map(([name, p]) => ({ forms: [name], optional: p.optional, label: name })),
    [...predictedPersons.keys()],
    '',
  );
  for (const [resolvedOnly, tally] of [[false, t.titles], [true, t.titlesResolved]] as const) {
    const names = new Set([...goldPersons.keys(), ...predictedPersons.keys()]);
    for (const name of names) {
      const goldTitles = goldPersons.get(name)?.titles ?? [];
      const predicted = predictedPersons.get(name) ?? [];
      // One gold title per distinct post; accepted forms are the post alone or with the organization.
      const entries = new Map<string, GoldTitle>();
      for (const gt of goldTitles) entries.set(norm(gt.title) + '|' + gt.org.map(norm).join(','), gt);
      const seen = new Set<string>();
      const used = new Set<GoldTitle>();
      for (const pt of predicted) {
        const key = `${norm(pt.title)}@${pt.organization ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const matches = [...entries.values()].filter(
          (gt) =>
            (norm(pt.title) === norm(gt.title) || norm(pt.title).endsWith(norm(gt.title))) &&
            (!resolvedOnly || gt.org.includes('*') || gt.org.some((o) => norm(o) === norm(pt.organization ?? ''))),
        );
        // A post held twice (书记 of two bodies): each prediction takes a gold entry not yet taken, if any.
        const hit = matches.find((gt) => !used.has(gt)) ?? matches[0];
        if (!hit) {
          tally.fp++;
          tally.falseHits.push(`${name}: ${pt.title}${resolvedOnly ? ` @ ${pt.organization ?? '—'}` : ''}`);
        } else used.add(hit);
      }
      for (const gt of entries.values()) {
        if (gt.optional || used.has(gt)) continue;
        tally.fn++;
        tally.misses.push(`${name}: ${gt.title}${resolvedOnly ? ` @ ${gt.org[0]}` : ''}`);
      }
      tally.tp += [...used].filter((u) => !u.optional).length;
    }
  }

  // Per article: organizations, places, participation, roles, dates, bylines.
  for (const g of gold.articles) {
    const a = matchOf.get(g);
    const where = ` (${g.key})`;
    const predicted = a ?? null;
    tallyEntries(
      t.organizations,
      (g.organizations ?? []).map((o) => ({ forms: o.names, optional: o.optional, label: o.names[0] })),
      predicted?.organizations.map(formsOf) ?? [],
      where,
    );
    tallyEntries(
      t.places,
      (g.places ?? []).map((o) => ({ forms: o.names, optional: o.optional, label: o.names[0] })),
      predicted?.places.map(formsOf) ?? [],
      where,
    );
    const parts = predicted ? participants(predicted) : new Map<string, Set<string>>();
    tallyEntries(
      t.participation,
      (g.participation ?? []).map((p) => ({ forms: [p.person], optional: p.optional, label: p.person })),
      [...parts.keys()],
      where,
    );
    const goldRoles = (g.participation ?? []).flatMap((p) => p.roles.map((r) => ({ forms: [`${p.person}:${r}`], optional: p.optional, label: `${p.person}:${r}` })));
    const optionalPeople = new Set((g.participation ?? []).filter((p) => p.optional).map((p) => norm(p.person)));
    tallyEntries(
      t.roles,
      goldRoles,
      [...parts].flatMap(([name, roles]) => (optionalPeople.has(name) ? [] : [...roles].map((r) => `${name}:${r}`))),
      where,
    );
    tallyEntries(
      t.dates,
      (g.dates ?? []).map((d) => ({ forms: [d], label: d })),
      predicted?.dates.map((d) => d.iso).filter((iso) => iso.length === 10) ?? [],
      where,
    );
    const bylines = (o: { reporters?: string[]; correspondents?: string[]; photographers?: string[] }) =>
      (['reporters', 'correspondents', 'photographers'] as const).flatMap((k) => (o[k] ?? []).map((n) => `${k}:${n}`));
    tallyEntries(t.bylines, bylines(g).map((b) => ({ forms: [b], label: b })), predicted ? bylines(predicted) : [], where);

    for (const title of g.mustNot?.titles ?? []) {
      for (const p of predicted?.persons ?? []) {
        if (p.titles.some((x) => x.title === title)) report.mustNot.push(`${p.name} holds ${title}${where}`);
      }
    }
    for (const name of g.mustNot?.persons ?? []) {
      if (predicted?.persons.some((p) => norm(p.name) === norm(name))) report.mustNot.push(`${name} is no person${where}`);
    }
  }
  // Articles the gold does not know: whatever they report is a false hit.
  for (const a of extraction.articles) {
    if (matched.has(a)) continue;
    const where = ` (extra ${a.id})`;
    tallyEntries(t.organizations, [], a.organizations.map(formsOf), where);
    tallyEntries(t.places, [], a.places.map(formsOf), where);
  }

  for (const m of MEASURES) {
    const key = m === 'titlesResolved' ? 'titles' : m;
    if (!unscored.has(key)) report.scores[m] = t[m].score();
  }
  return report;
}

/**
 * Several documents' reports as one: counts summed per measure (so every item weighs the same),
 * misses and false hits named with their document.
 */
export function combineReports(reports: EvalReport[]): EvalReport {
  const total: EvalReport = {
    document: `${reports.length} documents`,
    scores: {},
    articles: { found: 0, total: 0, missing: [] },
    headlines: { right: 0, total: 0, wrong: [] },
    mustNot: [],
  };
  for (const m of MEASURES) {
    const t = new Tally();
    let scored = false;
    for (const r of reports) {
      const s = r.scores[m];
      if (!s) continue;
      scored = true;
      t.tp += s.tp;
      t.fp += s.fp;
      t.fn += s.fn;
      t.misses.push(...s.misses.map((x) => `${x} [${r.document}]`));
      t.falseHits.push(...s.falseHits.map((x) => `${x} [${r.document}]`));
    }
    if (scored) total.scores[m] = t.score();
  }
  for (const r of reports) {
    total.articles.found += r.articles.found;
    total.articles.total += r.articles.total;
    total.articles.missing.push(...r.articles.missing.map((x) => `${x} [${r.document}]`));
    total.headlines.right += r.headlines.right;
    total.headlines.total += r.headlines.total;
    total.headlines.wrong.push(...r.headlines.wrong.map((w) => ({ ...w, key: `${w.key} [${r.document}]` })));
    total.mustNot.push(...r.mustNot.map((x) => `${x} [${r.document}]`));
  }
  return total;
}
