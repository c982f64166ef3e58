/**
 * Entities a headline names that its article's body does not (李鹏会见法国外长 over a body that says
 * 李鹏总理 and 韦德里纳 only): the tagger reads the headline on its own, and what it finds is reported
 * with its mentions in the headline, since the body has none to point at.
 */
import { nerModel } from '../ner/model.js';
import type { NamedOut, PersonOut, SpanOut } from '../types.js';
import { namesOfRun } from './merge.js';
import { resolveOrg } from './organizations.js';
import { canonicalPlace, type Home } from './places.js';

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
export function headlineEntities(headline: string, home: Home | null): HeadlineEntities {
  const out: HeadlineEntities = { persons: [], organizations: [], places: [] };
  for (const s of nerModel().tag(headline)) {
    const text = headline.slice(s.start, s.end);
    const span = { text, start: s.start, end: s.end };
    if (s.type === 'PER') {
      // A lone character is a surname standing for someone the headline does not name.
      if (text.length < 2) continue;
      for (const { name, start, end } of namesOfRun(text.replace(/[•・‧]/g, '·'), s.start)) {
        add(out.persons, name, { text: name, start, end }, () => ({ name, titles: [], mentions: 0, spans: [] })).mentions++;
      }
    } else if (s.type === 'ORG') addNamed(out.organizations, resolveOrg(text, home), span);
    else addNamed(out.places, canonicalPlace(text), span);
  }
  return out;
}
