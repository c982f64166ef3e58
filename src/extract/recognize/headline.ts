/**
 * Entities a headline names that its article's body does not (李鹏会见法国外长 over a body that says
 * 李鹏总理 and 韦德里纳 only): the tagger reads the headline on its own, and what it finds is reported
 * with its mentions in the headline, since the body has none to point at.
 */
import { lexicon } from '../lexicon/index.js';
import { nerModel } from '../ner/model.js';
import type { NamedOut, PersonOut, SpanOut } from '../types.js';
import { homeNamedAsPersons, namesOfRun } from './merge.js';
import { resolveOrg } from './organizations.js';
import { canonicalPlaceAt, homeForms, type Home } from './places.js';

export interface HeadlineEntities {
  persons: PersonOut[];
  organizations: NamedOut[];
  places: NamedOut[];
}

/** Adds a mention under its canonical name, in order of first mention; returns the entity. */
function add<E extends { name: string; spans: SpanOut[]; headlineSpans?: SpanOut[] }>(list: E[], name: string, span: SpanOut, make: () => E): E {
  let e = list.find((x) => x.name === name);
  if (!e) list.push((e = make()));
  (e.headlineSpans ??= []).push(span);
  return e;
}

/** Adds an organization's or place's mention, keeping its form as written among its mentions. */
function addNamed(list: NamedOut[], name: string, span: SpanOut): void {
  const e = add(list, name, span, () => ({ name, spans: [], mentions: [] }));
  if (!e.mentions!.includes(span.text)) e.mentions!.push(span.text);
}

/** The persons, organizations and places of a headline, each with its headline spans and no body spans. */
/** The place form a person's span ends with after a verb of coming (…来|宿松, …到|黄梅): a home form or a gazetteer form. */
function visitedPlace(text: string, homeForms: Set<string>): string | null {
  const { byForm } = lexicon().gazetteer;
  for (let at = 2; at < text.length - 2; at++) {
    if (!/[来到赴]/.test(text[at])) continue;
    const form = text.slice(at + 1);
    if (homeForms.has(form) || byForm.has(form)) return form;
  }
  return null;
}

export function headlineEntities(headline: string, home: Home | null): HeadlineEntities {
  const out: HeadlineEntities = { persons: [], organizations: [], places: [] };
  const tagged = nerModel().tag(headline);
  const forms = homeForms(home);
  const placeName = canonicalPlaceAt(home);
  // The home's name the tagger took for a person (…来|宿松调研) is the place.
  const asPlaces = homeNamedAsPersons(headline, tagged, home);
  for (const s of tagged.map((t) => asPlaces.get(t) ?? t)) {
    const text = headline.slice(s.start, s.end);
    const span = { text, start: s.start, end: s.end };
    if (s.type === 'PER') {
      // A visit read on into the name (牛某来|宿松): the name ends before the verb, and the rest is the place.
      const visit = visitedPlace(text, forms);
      if (visit) addNamed(out.places, placeName(visit), { text: visit, start: s.end - visit.length, end: s.end });
      const run = visit ? text.slice(0, -visit.length - 1) : text;
      // A lone character is a surname standing for someone the headline does not name.
      if (run.length < 2) continue;
      for (const { name, start, end } of namesOfRun(run.replace(/[•・‧]/g, '·'), s.start)) {
        add(out.persons, name, { text: name, start, end }, () => ({ name, titles: [], mentions: 0, spans: [] })).mentions++;
      }
    } else if (s.type === 'ORG') addNamed(out.organizations, resolveOrg(text, home), span);
    else addNamed(out.places, placeName(text), span);
  }
  return out;
}
