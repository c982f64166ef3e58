/**
 * From one document's extraction to its graph facts: nodes with resolved keys, and relationships
 * that carry their provenance (article, sentence, date). Pure: the same extraction always gives the
 * same facts, which is what makes ingesting idempotent.
 */
import { lexicon } from '../extract/lexicon/index.js';
import type { ArticleOut, ExtractionOut, ParticipantOut, SpanOut } from '../extract/types.js';
import { divisionByName, leadingDivision } from './divisions.js';
import { sentenceAt, sentences, sentenceWith } from './evidence.js';
import { canonicalOrganization, organizationParent, placeAncestors } from './hierarchy.js';
import type { ArticleText, DocumentFacts, NodeRecord, PlaceLevel, RelationshipRecord } from './model.js';
import type { Identities } from './identities.js';
import { postAct } from './post-acts.js';
import { rankOf } from './ranks.js';
import { nationalNames, resolvePersons, type PersonResolution } from './resolve.js';

/** Collects records, keeping the first of each node and relationship key. */
class FactsBuilder {
  private nodes = new Map<string, NodeRecord>();
  private relationships = new Map<string, RelationshipRecord>();
  private texts: ArticleText[] = [];

  text(article: string, text: string): void {
    this.texts.push({ article, text });
  }

  node(record: NodeRecord): { label: NodeRecord['label']; id: string } {
    const key = `${record.label}:${record.props.id}`;
    if (!this.nodes.has(key)) this.nodes.set(key, record);
    return { label: record.label, id: record.props.id };
  }

  relationship(record: RelationshipRecord, key: string): void {
    const existing = this.relationships.get(key);
    if (existing?.type === 'MENTIONS' && record.type === 'MENTIONS') existing.props.count += record.props.count;
    else if (!existing) this.relationships.set(key, record);
  }

  done(document: string, hash: string, path?: string): DocumentFacts {
    return { document, hash, ...(path === undefined ? {} : { path }), nodes: [...this.nodes.values()], relationships: [...this.relationships.values()], texts: this.texts };
  }
}

function placeLevel(name: string, province: string | null): PlaceLevel {
  const d = divisionByName(name, province);
  if (d) return d.level;
  return lexicon().venueSuffixes.some((s) => name.endsWith(s)) ? 'venue' : 'other';
}

/**
 * The date an article's facts held: its publication day; when only a year or month is known, the
 * latest day the article names within it (a title read in the report of a meeting held on that day).
 */
export function factDate(a: ArticleOut): string | null {
  if (!a.date || /^\d{4}-\d{2}-\d{2}$/.test(a.date)) return a.date;
  const days = [...a.dates.map((d) => d.iso), ...a.events.flatMap((e) => e.dates)]
    .filter((iso) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && iso.startsWith(a.date!))
    .sort();
  return days.at(-1) ?? a.date;
}

/** Adds an organization and the bodies above it (and the divisions they lie in). */
function addOrganization(b: FactsBuilder, name: string, province: string | null) {
  const ref = b.node({ label: 'Organization', props: { id: name, name } });
  const division = leadingDivision(name, province);
  if (division) {
    const place = addPlace(b, division.name, division.province);
    b.relationship({ type: 'LOCATED_IN', from: ref, to: place, props: { rule: 'name-prefix' } }, `LOCATED_IN|${name}`);
  }
  const parent = organizationParent(name, province);
  if (parent && parent.name !== name) {
    const up = addOrganization(b, parent.name, province);
    b.relationship({ type: 'PART_OF', from: ref, to: up, props: { rule: parent.rule } }, `PART_OF|Organization:${name}`);
  }
  return ref;
}

/** Adds a place and the divisions enclosing it. */
function addPlace(b: FactsBuilder, name: string, province: string | null) {
  const level = placeLevel(name, province);
  const ref = b.node({ label: 'Place', props: { id: name, name, level } });
  if (level === 'venue' || level === 'other') {
    const d = leadingDivision(name, province);
    if (d && level === 'venue') {
      const up = addPlace(b, d.name, d.province);
      b.relationship({ type: 'LOCATED_IN', from: ref, to: up, props: { rule: 'name-prefix' } }, `LOCATED_IN|Place:${name}`);
    }
    return ref;
  }
  const [parent] = placeAncestors(name, province);
  if (parent) {
    const up = addPlace(b, parent.name, parent.province);
    b.relationship({ type: 'PART_OF', from: ref, to: up, props: { rule: 'gazetteer' } }, `PART_OF|Place:${name}`);
  }
  return ref;
}

/**
 * Where an entity is first mentioned: the sentence around its first span and the span's text as
 * written; an entity with no span (a title's organization) is looked for by name.
 */
function mentionedAt(a: ArticleOut, e: { name: string; spans: SpanOut[]; headlineSpans?: SpanOut[] }, said: string[]) {
  const first = e.spans[0];
  // Named in the headline only: the headline is the evidence.
  const inHeadline = e.headlineSpans?.[0];
  if (!first && inHeadline && a.headline) return { article: a.id, sentence: a.headline, date: factDate(a), mention: inHeadline.text };
  const sentence = first ? sentenceAt(a.text, first.start) : sentenceWith(said, e.name);
  return { article: a.id, sentence, date: factDate(a), mention: first?.text ?? (sentence.includes(e.name) ? e.name : '') };
}

/**
 * The sentence that gave each of a participant's roles, aligned with its roles; an extraction that
 * kept none (made before they were kept) gives the participation's one sentence for every role.
 */
function roleEvidence(p: ParticipantOut, sentence: string): string[] {
  return p.roles.map((role) => p.sentences?.[role] ?? sentence);
}

/** Who a name in an article is: null for a name the identities file says is no person. */
type PersonOf = (name: string) => PersonResolution | null;

/** The article without the persons it names only by a surname and a form of address, nor their parts in events. */
function withoutAddressOnly(a: ArticleOut): ArticleOut {
  const unnamed = new Set(a.persons.filter((p) => p.addressOnly).map((p) => p.name));
  if (unnamed.size === 0) return a;
  return {
    ...a,
    persons: a.persons.filter((p) => !unnamed.has(p.name)),
    events: a.events.map((e) => ({ ...e, participants: e.participants.filter((p) => !unnamed.has(p.name)) })),
  };
}

function addArticle(b: FactsBuilder, a: ArticleOut, document: string, province: string | null, personOf: PersonOf) {
  const article = b.node({
    label: 'Article',
    props: { id: a.id, document, form: a.kind, headline: a.headline, date: a.date, home: a.home },
  });
  b.text(a.id, a.text);
  const said = sentences(a.text);
  const day = factDate(a);
  const prov = (sentence: string, date: string | null = day) => ({ article: a.id, sentence, date });
  const personRef = (r: PersonResolution) =>
    b.node({ label: 'Person', props: { id: r.id, name: r.name, region: r.region, resolution: r.correction ? 'identities-file' : r.rule, ...r.correction } });

  for (const p of a.persons) {
    const who = personOf(p.name);
    if (!who) continue;
    const person = personRef(who);
    const bare = p.titles.filter((t) => !t.organization).map((t) => t.title);
    b.relationship(
      {
        type: 'MENTIONS',
        from: article,
        to: person,
        props: { ...mentionedAt(a, p, said), count: p.mentions, titles: bare, resolution: who.rule, basis: who.basis },
      },
      `MENTIONS|${a.id}|Person:${person.id}`,
    );
    for (const t of p.titles) {
      if (!t.organization) continue;
      const org = addOrganization(b, canonicalOrganization(t.organization, province), province);
      const sentence = sentenceWith(said, t.title, p.name);
      const post = { title: t.title, rank: rankOf(t.title, org.id, province), act: postAct(sentence, p.name, t.title) };
      b.relationship(
        { type: 'HOLDS', from: person, to: org, props: { ...prov(sentence), ...post } },
        `HOLDS|${a.id}|${person.id}|${org.id}|${t.title}`,
      );
    }
  }

  for (const o of a.organizations) {
    const org = addOrganization(b, canonicalOrganization(o.name, province), province);
    const where = mentionedAt(a, o, said);
    b.relationship(
      { type: 'MENTIONS', from: article, to: org, props: { ...where, count: 1, titles: [], resolution: null } },
      `MENTIONS|${a.id}|Organization:${org.id}`,
    );
  }

  for (const pl of a.places) {
    const place = addPlace(b, pl.name, province);
    const where = mentionedAt(a, pl, said);
    b.relationship(
      { type: 'MENTIONS', from: article, to: place, props: { ...where, count: 1, titles: [], resolution: null } },
      `MENTIONS|${a.id}|Place:${place.id}`,
    );
  }

  for (const e of a.events) {
    const date = e.dates[0] ?? day;
    const id = `${a.home ?? '?'}|${date ?? '?'}|${e.name}`;
    // Dates sorted, as when two reports merge: the node is the same whichever report comes first.
    const event = b.node({ label: 'Event', props: { id, name: e.name, type: e.type, date, dates: [...e.dates].sort(), region: a.home } });
    b.relationship({ type: 'REPORTS', from: article, to: event, props: prov(e.evidence[0] ?? '', date) }, `REPORTS|${a.id}|${id}`);
    for (const name of e.places) {
      const place = addPlace(b, name, province);
      b.relationship(
        { type: 'HELD_AT', from: event, to: place, props: prov(sentenceWith(e.evidence, name), date) },
        `HELD_AT|${a.id}|${id}|${name}`,
      );
    }
    for (const p of e.participants) {
      const who = personOf(p.name);
      if (!who) continue;
      const person = personRef(who);
      const sentence = sentenceWith(e.evidence, p.name);
      b.relationship(
        { type: 'PARTICIPATED_IN', from: person, to: event, props: { ...prov(sentence, date), roles: p.roles, evidence: roleEvidence(p, sentence) } },
        `PARTICIPATED_IN|${a.id}|${person.id}|${id}`,
      );
    }
  }

  const bylines = [
    ...a.reporters.map((n) => [n, 'reporter'] as const),
    ...a.correspondents.map((n) => [n, 'correspondent'] as const),
    ...a.photographers.map((n) => [n, 'photographer'] as const),
  ];
  for (const [name, role] of bylines) {
    const who = personOf(name);
    if (!who) continue;
    const person = personRef(who);
    b.relationship(
      { type: 'WROTE', from: person, to: article, props: { ...prov(sentenceWith(said, name)), role } },
      `WROTE|${a.id}|${person.id}|${role}`,
    );
  }
}

/**
 * The graph facts of one document, under the document and article ids the extraction has (see
 * identify() in identity.ts). `hash` identifies the file's content, `path` where it was read (see
 * DocumentFacts). `identities`: the user's corrections, applied after the automatic resolution.
 */
export function documentFacts(extraction: ExtractionOut, hash: string, path?: string, identities?: Identities): DocumentFacts {
  const b = new FactsBuilder();
  const province = extraction.context.homeProvince;
  // Forms of address become the names they stand for before anything is resolved; a person named only
  // by one (江主席 with no 江泽民 in the article) is nobody the graph can tell apart.
  const named = extraction.articles.map(withoutAddressOnly);
  const read = identities ? named.map((a) => identities.unalias(a)) : named;
  // Records of a JSON Lines file may come from different papers: resolve within each home.
  const byHome = new Map<string | null, number[]>();
  read.forEach((a, i) => byHome.set(a.home, [...(byHome.get(a.home) ?? []), i]));
  const national = nationalNames(read, province);
  for (const [home, indexes] of byHome) {
    const homeProvince = home ? (divisionByName(home)?.province ?? province) : province;
    const persons = resolvePersons(indexes.map((i) => read[i]), home, homeProvince, national);
    for (const i of indexes) {
      const [a, original] = [read[i], extraction.articles[i]];
      const personOf: PersonOf = identities
        ? (name) => identities.resolve(persons.get(name)!, { article: a, document: extraction.document, province: homeProvince, aliased: identities.wasAliased(original, name) })
        : (name) => persons.get(name)!;
      addArticle(b, a, extraction.document, homeProvince, personOf);
    }
  }
  return b.done(extraction.document, hash, path);
}
