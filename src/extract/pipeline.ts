/**
 * The extraction pipeline: normalize → segment → recognize → link → events, one document at a time.
 */
import { addressForms } from './recognize/address-forms.js';
import type { RecordUnit, SourceDocument, SourceUnit } from '../ingest/types.js';
import { resolveContext, type ResolvedContext } from './context.js';
import { describeEvent, findParticipation } from './events.js';
import type { Division } from './lexicon/gazetteer.js';
import { lexicon } from './lexicon/index.js';
import { bodyNamedBy, linkTitles, chainBodyMentions, type LinkedTitle } from './link.js';
import { entitySpan, type EntitySpan } from './ner/labels.js';
import { markLexicon } from './ner/lexicon-marks.js';
import { nerModel } from './ner/model.js';
import { normalizeArticleText, normalizePage } from './normalize.js';
import { findDates, type DateMention } from './recognize/dates.js';
import { findPlaceAbbreviations } from './recognize/place-abbreviations.js';
import { findForeignSeats } from './recognize/foreign-seats.js';
import { findSettlements } from './recognize/settlements.js';
import { headlineEntities } from './recognize/headline.js';
import { attributivePlace, countiesNamedShortAsPersons, countyNamedShort, homeNamedAsPersons, settlementsReadAsPersons, subdistrictsReadAsPersons, mergeNamed, seenOrNamedInFull, trimmedVenue, mergePersons, nounsOnly, overlaps, readOverName, reportable, taggedOrganizations, taggedPlaces } from './recognize/merge.js';
import { findMedia } from './recognize/media.js';
import { placesOpeningBodies, registeredForHome } from './recognize/opening-places.js';
import { withAffiliations, withDepartments, withPostingBodies } from './recognize/org-extents.js';
import { findOrganizations, homeAt, namedOrg, resolveOrg, type NamedOrg } from './recognize/organizations.js';
import { findPosts, PersonFinder, type PersonMention, type Span } from './recognize/persons.js';
import { canonicalPlaceAt, findDivisions, findHomeWords, findTownships, findVenues, listedTownships, namedPlace, placeMention, type Home, type NamedPlace, type PlaceMention } from './recognize/places.js';
import { segmentPage, segmentRecord, type ArticleDraft } from './segment.js';
import { pieceId, pieces } from './work-units.js';
import type { ArticleOut, DateOut, DocumentContext, EventOut, ExtractionOut, PersonOut, SpanOut, TitleOut } from './types.js';

export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD (or a prefix); resolves dates without a year or month. */
  date?: string;
  /** The paper's home city or county (许昌 or 许昌市); resolves 市委, 我市, 来许. */
  home?: string;
}

function placeName(p: PlaceMention, home: Home | null): string {
  if (p.division) return p.division.name;
  if (p.full) return p.full;
  return /^[市县区]/.test(p.text) && home ? resolveOrg(p.text, home) : p.text;
}

/** Mentions as written, grouped under their canonical names, in order of first mention. */
function spansByName<M extends Span & { name: string }>(text: string, mentions: M[]): Map<string, SpanOut[]> {
  const out = new Map<string, SpanOut[]>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const list = out.get(m.name) ?? [];
    if (!list.some((s) => s.start === m.start)) list.push({ text: text.slice(m.start, m.end), start: m.start, end: m.end });
    out.set(m.name, list);
  }
  return out;
}

/**
 * Recognize, link and read events in one article. `known` carries the names found so far in the
 * same page (a record of JSON Lines gets its own, so no article depends on what shares its file).
 * Each stage is a function of its own: the optimizer compiles (and recompiles) each apart, which
 * costs far less than one function holding them all.
 */
export function extractArticle(
  draft: ArticleDraft,
  id: string,
  ctx: ResolvedContext,
  known: Set<string>,
  divisions: PlaceMention[] = findDivisions(draft.paragraphs.join('\n')),
): ArticleOut {
  const { home } = ctx;
  const text = draft.paragraphs.join('\n');
  const byline: Span = { start: 0, end: draft.bylineLength };
  const credits: Span = { start: draft.creditsFrom ?? text.length, end: text.length };
  // The byline's and credits' names are their own (reporters); the dateline's agency and place are
  // entities (新华社北京…电).
  const creditLines: Span[] = [byline, credits, ...draft.creditLines];
  // Townships listed by their names alone (向阳、洄水…四镇): places, never persons.
  const listed = listedTownships(text);
  const { tagged, placesReadAsPersons } = taggedEntities(text, home, creditLines, listed);
  const orgs = organizationsOf(text, divisions, ctx, tagged);
  const dates = findDates(text, { year: ctx.year, month: ctx.month, day: ctx.day });
  const venues = findVenues(text, home, (from, to) => nounsOnly(text, from, to)).flatMap((v) => trimmedVenue(text, v) ?? []).filter((v) => !orgs.some((o) => overlaps(o, v)));
  // A body run into its post (教育部|长) leaves the post's first character to the post.
  const blocked: Span[] = [...creditLines, ...placesReadAsPersons, ...orgs.map((o) => (o.contracted ? { start: o.start, end: o.end - 1 } : o)), ...dates, ...venues];
  const posts = findPosts(text, blocked);
  const persons = mergePersons(text, new PersonFinder(text, posts, blocked).find(known), tagged, blocked);
  const foreignSeats = findForeignSeats(text).filter((p) => !persons.some((q) => overlaps(p, q)));
  const titles = linkTitles(text, persons, posts, orgs, home, divisions, foreignSeats);
  // A body named in a title chain is the body the chain resolved (宣传部 in 哈密市委常委、宣传部部长).
  const chainOrgs = new Map<number, string>();
  // A party unit's post (区检察院党组书记) names the body, whose unit holds the post.
  for (const ts of titles.values()) for (const t of ts) if (t.organization) chainOrgs.set(t.start, bodyNamedBy(t, t.organization));
  for (const o of orgs) o.name = chainOrgs.get(o.start) ?? o.name;
  const namedByList = inheritListLevel(text, orgs, home, divisions);

  // Forms of address (江主席) are mentions of the person named in full: spans, and parts in events.
  const addressed = addressForms(text, persons.filter((p) => p.anchor !== 'surname'), [...blocked, ...orgs]);
  const mentioned = addressed.length ? [...persons, ...addressed].sort((a, b) => a.start - b.start) : persons;
  const personsOut = personsOf(text, mentioned, titles);

  const { local, regional } = ctx;
  const reportedOrgs = orgs.filter((o) => reportable(o, text, divisions, tagged, chainOrgs.has(o.start) || namedByList.has(o), local, ctx.national, regional));
  const places = placesOf(text, ctx, { divisions, listed, foreignSeats, tagged, persons, orgs, reportedOrgs, venues, creditLines, dates });
  const placeSpans = spansByName(text, places);
  const orgSpans = spansByName(text, [...reportedOrgs, ...chainBodyMentions(text, mentioned, titles).filter((u) => !orgs.some((o) => o.start <= u.start && u.end <= o.end))]);
  const events = eventsOf(text, draft, mentioned, titles, dates, venues, home);

  // A headline that only repeats the body's opening (a record of one paragraph) says nothing more.
  const fromHeadline = draft.headline && !text.startsWith(draft.headline) ? headlineEntities(draft.headline, home) : null;
  return {
    id,
    kind: draft.kind,
    date: ctx.out.date,
    home: ctx.out.home,
    headline: draft.headline,
    subtitle: draft.subtitle,
    text,
    reporters: draft.byline.reporters,
    correspondents: draft.byline.correspondents,
    photographers: draft.byline.photographers,
    persons: withHeadline(personsOut, fromHeadline?.persons),
    organizations: withHeadline(
      [...orgSpans].map(([name, spans]) => ({ name, spans })),
      fromHeadline?.organizations,
    ),
    places: withHeadline(
      [...placeSpans].map(([name, spans]) => ({ name, spans })),
      fromHeadline?.places,
    ),
    dates: dayDates(dates),
    events,
  };
}

/**
 * The tagger's entities, with the persons that are places (the home's name, a listed settlement) made
 * places, and no person inside a byline or credit line.
 */
function taggedEntities(text: string, home: Home | null, creditLines: Span[], listed: PlaceMention[]): { tagged: EntitySpan[]; placesReadAsPersons: Set<EntitySpan> } {
  const taggedSpans = nerModel().tag(text);
  const asPlaces = new Map<EntitySpan, EntitySpan | EntitySpan[]>(homeNamedAsPersons(text, taggedSpans, home));
  for (const s of settlementsReadAsPersons(text, taggedSpans)) asPlaces.set(s, entitySpan(s.start, s.end, 'LOC'));
  for (const [s, place] of subdistrictsReadAsPersons(text, taggedSpans)) asPlaces.set(s, place);
  for (const [s, place] of countiesNamedShortAsPersons(text, taggedSpans, home)) asPlaces.set(s, place);
  for (const s of taggedSpans) if (s.type === 'PER' && listed.some((t) => t.start === s.start && t.end === s.end)) asPlaces.set(s, entitySpan(s.start, s.end, 'LOC'));
  const placesReadAsPersons = new Set(asPlaces.keys());
  const tagged = taggedSpans
    .flatMap((s) => asPlaces.get(s) ?? s)
    .filter((s) => s.type !== 'PER' || !creditLines.some((c) => overlaps(s, c)));
  return { tagged, placesReadAsPersons };
}

// A level's party committee or government (明溪县委, 县政府, 许昌市人民政府).
const LEVEL_BODY = /[省市县区州镇乡]委$|政府$/;

/** The rules' organizations (and a regional story's news outlets) merged with the tagger's. */
function organizationsOf(text: string, divisions: PlaceMention[], ctx: ResolvedContext, tagged: EntitySpan[]): NamedOrg[] {
  const { home } = ctx;
  const found = findOrganizations(text, divisions, home);
  // News outlets are bodies of a regional site's story; PFR marks none.
  const media = ctx.regional ? findMedia(text).filter((m) => !found.some((o) => overlaps(o, m))) : [];
  const ruleOrgs = [...found, ...media].sort((a, b) => a.start - b.start).map((o) => namedOrg(o, o.resolved));
  const merged = mergeNamed(
    text,
    ruleOrgs,
    taggedOrganizations(text, tagged, ruleOrgs),
    (surface) => resolveOrg(surface, home),
    (m) => namedOrg({ start: m.start, end: m.end, text: m.text, resolved: m.name, system: 'other' }, m.name),
    // …and a level's committee or government, which a tagger's span may run two of together (县委县政府).
    (o) => o.whole === true || LEVEL_BODY.test(o.text),
  ).filter((o) => !readOverName(text, o, tagged));
  return withPostingBodies(text, withDepartments(text, withAffiliations(text, merged, home), home), home);
}

/** The article's persons, in order of first mention, with their spans and their titles. */
function personsOf(text: string, mentioned: PersonMention[], titles: Map<PersonMention, LinkedTitle[]>): PersonOut[] {
  // Bylines and credits were blocked: a reporter found in the persons is named in the story too.
  const personSpans = spansByName(text, mentioned);
  const personsOut = new Map<string, PersonOut>();
  const { anchorOnlyPosts } = lexicon();
  // The posts of a surname standing for a full name (黄州长 for 黄华): added once the names' own are known.
  const addressed: [PersonOut, LinkedTitle][] = [];
  const add = (p: PersonOut, t: TitleOut) => {
    if (!p.titles.some((x) => x.title === t.title && x.organization === t.organization)) p.titles.push({ title: t.title, organization: t.organization } satisfies TitleOut);
  };
  for (const m of mentioned) {
    let p = personsOut.get(m.name);
    if (!p) personsOut.set(m.name, (p = { name: m.name, titles: [], mentions: 0, spans: personSpans.get(m.name) ?? [], ...(m.anchor === 'surname' ? { addressOnly: true as const } : {}) }));
    if (m.anchor !== 'surname') delete p.addressOnly;
    p.mentions++;
    for (const t of titles.get(m) ?? []) {
      if (anchorOnlyPosts.has(t.title.replace(/^[省市县区镇乡]/, ''))) continue;
      // A congress's deputy (区人大代表X) holds no post in it: 代表 there is a role, not a title.
      if (t.title === '代表' && /(人大|人民代表大会)$/.test(t.organization ?? '')) continue;
      if (m.end - m.start < m.name.length && m.anchor !== 'surname') addressed.push([p, t]);
      else add(p, t);
    }
  }
  // A deputy is addressed by the post without 副 (副州长黄华 is 黄州长): that is no second post.
  for (const [p, t] of addressed) if (!p.titles.some((x) => x.organization === t.organization && x.title.replace(/^(常务)?副/, '') === t.title && x.title !== t.title)) add(p, t);
  return [...personsOut.values()];
}

/** What the places are found among: the rules' mentions so far and the tagger's spans. */
interface PlaceInputs {
  divisions: PlaceMention[];
  listed: PlaceMention[];
  foreignSeats: PlaceMention[];
  tagged: EntitySpan[];
  persons: PersonMention[];
  orgs: NamedOrg[];
  reportedOrgs: NamedOrg[];
  venues: PlaceMention[];
  creditLines: Span[];
  dates: Span[];
}

/**
 * Places: divisions outside persons and attributes (中国特色); inside organizations only in a regional
 * outlet (长葛市社区事务服务中心 is in 长葛市, 江苏森工公司 in 江苏; 北京军区 in a national paper is
 * no place of the story) but not the home an association is registered in (许昌市长跑运动协会);
 * venues, the words for home, and the tagger's places.
 */
function placesOf(text: string, ctx: ResolvedContext, found: PlaceInputs): NamedPlace[] {
  const { home, regional } = ctx;
  const { divisions, listed, foreignSeats, tagged, persons, orgs, reportedOrgs, venues, creditLines, dates } = found;
  const homeWords = findHomeWords(text, home, (w) => markLexicon().words.get(w) !== undefined);
  const placeRules: NamedPlace[] = [
    ...divisions.filter(
      (d) =>
        !persons.some((p) => overlaps(p, d)) &&
        !foreignSeats.some((f) => overlaps(f, d)) &&
        seenOrNamedInFull(d, tagged) &&
        !attributivePlace(text, d.start) &&
        !orgs.some((o) => overlaps(o, d) && (!regional || registeredForHome(o, d.division?.name, home))),
    ),
    ...(regional ? placesOpeningBodies(text, reportedOrgs, home).filter((p) => !divisions.some((d) => overlaps(d, p))) : []),
    ...[...findTownships(text), ...listed].filter((t) => !persons.some((p) => overlaps(p, t)) && !venues.some((v) => overlaps(v, t))),
    ...foreignSeats,
    ...venues,
    ...findSettlements(text).filter((t) => !persons.some((p) => overlaps(p, t)) && !venues.some((v) => overlaps(v, t))),
    ...homeWords,
    // The place a body is posted to (美国驻沪总领馆, 驻京办事处) is a place of the story too.
    ...findPlaceAbbreviations(text, [...homeWords, ...creditLines, ...dates, ...persons, ...orgs.filter((o) => !o.text.includes('驻'))]),
  ].map((p) => namedPlace(p, placeName(p, home)));
  return withoutNestedNames(
    mergeNamed(
      text,
      placeRules,
      taggedPlaces(text, tagged, placeRules).filter((s) => !persons.some((p) => overlaps(p, s))),
      shortCountiesNamed(text, home, canonicalPlaceAt(home)),
      (m) => namedPlace(placeMention(m.start, m.end, m.text, 'venue', null), m.name),
      // A village or community whose name the context vouches for keeps its whole name (金色新城社区).
      (p) => p.kind === 'settlement',
    ),
  );
}

/** A place's canonical name, and a county named short the text vouches for as that county (抚松 → 抚松县). */
function shortCountiesNamed(text: string, home: Home | null, canonical: (surface: string) => string): (surface: string) => string {
  return (surface) => {
    const name = canonical(surface);
    return name === surface ? (countyNamedShort(text, surface, undefined, home)?.name ?? name) : name;
  };
}

/** The article's event, when its headline or opening describes one or persons take part in it. */
function eventsOf(
  text: string,
  draft: ArticleDraft,
  mentioned: PersonMention[],
  titles: Map<PersonMention, LinkedTitle[]>,
  dates: DateMention[],
  venues: PlaceMention[],
  home: Home | null,
): EventOut[] {
  const chainStart = new Map<Span, number>();
  // A chain written after the name (王五（局长）) starts no earlier than the name.
  for (const [m, ts] of titles) chainStart.set(m, ts.length ? Math.min(ts[0].start, m.start) : m.start);
  const participation = findParticipation(text, mentioned, (m) => chainStart.get(m) ?? m.start);
  const events: EventOut[] = [];
  const firstSentence = firstSentenceAfter(text, draft.bylineLength);
  const described = describeEvent(draft.headline, firstSentence);
  if (described || participation.size > 0) {
    const firstDates = dates.filter((d) => d.start < firstSentence.length + draft.bylineLength + 1);
    events.push({
      name: described?.name ?? draft.headline ?? firstSentence.slice(0, 30),
      type: described?.type ?? 'activity',
      dates: [...new Set((firstDates.length ? firstDates : dates).flatMap((d) => d.iso).filter((iso) => iso.length === 10))],
      places: [...new Set(venues.map((v) => placeName(v, home)))],
      participants: [...participation].map(([name, p]) => {
        const roles = [...p.roles];
        return { name, roles, sentences: Object.fromEntries(roles.map((r) => [r, p.sentences[r]])) };
      }),
      evidence: [...new Set([...participation.values()].flatMap((p) => p.evidence))],
    });
  }
  return events;
}

/** Each day a date mention names, once, in order of first mention. */
function dayDates(dates: DateMention[]): DateOut[] {
  const days = dates.flatMap((d) => d.iso.map((iso) => ({ text: d.text, iso })));
  return days.filter((d, i) => days.findIndex((x) => x.iso === d.iso) === i);
}

/**
 * Place names found inside a longer place's name by another rule (图书馆 in 东校区图书馆报告厅, 工业园
 * in 苏州工业园区) are not places of their own; a division is (许昌市 in 许昌市体育馆).
 */
function withoutNestedNames<M extends PlaceMention>(places: M[]): M[] {
  return places.filter((p) => p.kind === 'division' || !places.some((q) => q !== p && q.start <= p.start && p.end <= q.end && q.end - q.start > p.end - p.start));
}

/** The text from `start` to the first sentence end or line break (the whole rest when none). */
function firstSentenceAfter(text: string, start: number): string {
  const rest = text.slice(start);
  const end = rest.search(/[。！？\n]/);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * Bare bodies listed after one that names its level hold at that level too: party departments after
 * a committee's own body are the committee's (区委办、组织部、宣传部 → 卫东区委组织部 …), state and
 * mass bodies after a level's body are that level's (县文明办、水利局、教体局 → 宝丰县水利局 …).
 */
function inheritListLevel<O extends { start: number; end: number; text: string; name: string; resolved: string }>(
  text: string,
  orgs: O[],
  home: Home | null,
  divisions: PlaceMention[],
): Set<O> {
  const { orgBodies } = lexicon();
  const named = new Set<O>();
  // The level word the list so far speaks at (县 of 县文明办), carried from item to item.
  let level: string | null = null;
  for (let i = 0; i < orgs.length; i++) {
    const o = orgs[i];
    const listed = i > 0 && text.slice(orgs[i - 1].end, o.start) === '、';
    // A bare level body after one that names its division is that division's (河口市委、市政府, 明溪县委县政府).
    const where = i > 0 && /^[、和与及]?$/.test(text.slice(orgs[i - 1].end, o.start)) ? divisionIn(orgs[i - 1], divisions) : null;
    const bareLevel = /^(?:中共)?([市省县区])/.exec(o.text)?.[1];
    const there = where && bareLevel ? { ...(home ?? { abbreviation: '' }), division: where } : null;
    const thereAtLevel = there ? homeAt(bareLevel!, there) : null;
    if (thereAtLevel) {
      if (thereAtLevel !== homeAt(bareLevel!, home)) o.name = o.resolved = resolveOrg(o.text, there);
      named.add(o);
    }
    const kind = orgBodies.get(o.text);
    if (!listed || o.name !== o.text || !kind || kind === 'campus') {
      // A body written run on to the one before (县委县政府督查局) speaks at its level.
      const runOn = i > 0 && orgs[i - 1].end === o.start;
      level = /^(?:中共)?([市省县区])/.exec(o.text)?.[1] ?? (runOn ? level : null);
      continue;
    }
    const committee = kind === 'party' ? /^(?:中共)?(.*?[市省县区州]委)/.exec(orgs[i - 1].name)?.[1] : undefined;
    if (committee) o.name = o.resolved = committee + o.text;
    else if (kind !== 'party' && level && homeAt(level, home)) o.name = o.resolved = resolveOrg(level + o.text, home);
  }
  return named;
}

/** The division an organization's name opens with or holds (河口市 in 中共河口市委), or null. */
function divisionIn(o: Span, divisions: PlaceMention[]): Division | null {
  return divisions.find((d) => d.division && d.start >= o.start && d.end <= o.end)?.division ?? null;
}

/** The body's entities, then the headline's that the body names neither by name nor as written. */
function withHeadline<E extends { name: string; spans: SpanOut[]; headlineSpans?: SpanOut[] }>(body: E[], headline: E[] = []): E[] {
  if (headline.length === 0) return body;
  const said = new Set(body.flatMap((e) => [e.name, ...e.spans.map((s) => s.text)]));
  return [...body, ...headline.filter((e) => !said.has(e.name) && !e.headlineSpans!.some((s) => said.has(s.text)))];
}

const LEVEL_RANK = { county: 0, city: 1, province: 2 } as const;

/**
 * The home an outlet's name gives, its most local division: 许昌日报 → 许昌市, 常州市钟楼区人民政府网
 * → 钟楼区, 云上黄梅（黄梅县融媒体中心） → 黄梅县, 湖北日报 → 湖北省.
 */
function outletHome(source: string | undefined): string | undefined {
  if (!source) return undefined;
  // A file's records mostly share their outlet: its home is read once.
  if (!outletHomes.has(source)) outletHomes.set(source, outletHomeOf(source));
  return outletHomes.get(source);
}

const outletHomes = new Map<string, string | undefined>();

function outletHomeOf(source: string): string | undefined {
  const named = findDivisions(source).flatMap((m) => (m.division ? [m.division] : []));
  named.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  if (named[0] && named[0].level !== 'province') return named[0].name;
  // A county's paper named short beside its province's portal (安吉新闻网 (浙江在线)): the county, when it
  // lies in that province.
  const county = quietCountyNamed(source) ?? outletCountyNamedShort(source);
  const inProvince = (name: string) => !named[0] || lexicon().gazetteer.byForm.get(name)?.some((d) => d.province === named[0].name);
  return county && inProvince(county) ? county : named[0]?.name;
}

/**
 * A two-character county the gazetteer keeps quiet in running text (房县, 沛县), named in the outlet's
 * name (今日房县, 房县新闻网), where a place is what one expects: the one county of that name.
 */
function quietCountyNamed(source: string): string | undefined {
  const { quiet } = lexicon().gazetteer;
  for (let at = source.indexOf('县'); at > 0; at = source.indexOf('县', at + 1)) {
    const counties = quiet.get(source.slice(at - 1, at + 1));
    if (counties?.length === 1) return counties[0].name;
  }
  return undefined;
}

/**
 * A county's or district's paper named without its 县, 市 or 区 (宝丰快报, 长葛日报, 蜀山新闻网), or so named
 * alone after it (商务时讯 (宿松)): the one county whose full name is the outlet's first two or three
 * characters, or a later word of two or three, plus 县, 市 or 区.
 */
function outletCountyNamedShort(source: string | undefined): string | undefined {
  if (!source) return undefined;
  const { byForm } = lexicon().gazetteer;
  const county = (stem: string) => {
    const counties = ['县', '市', '区'].flatMap((end) => byForm.get(stem + end)?.filter((d) => d.level === 'county') ?? []);
    return counties.length === 1 ? counties[0].name : undefined;
  };
  // (A national portal's prefix or a column's before it is no part of the name: 中国舞阳网, 今日舞阳.)
  const outlet = source.replace(/^(中国|今日|魅力|美丽|掌上|云上|智慧)/, '');
  for (const len of [3, 2]) {
    const named = county(outlet.slice(0, len));
    if (named) return named;
  }
  for (const word of (source.match(/[\u4e00-\u9fff]+/g) ?? []).slice(1)) {
    const named = word.length <= 3 ? county(word) : undefined;
    if (named) return named;
  }
  return undefined;
}

/** Whether a record comes from a national outlet (data/lang/national-outlets.txt): it speaks from no city. */
function nationalOutlet(source: string | undefined): boolean {
  return !!source && lexicon().nationalOutlets.some((o) => source.startsWith(o));
}

function recordContext(unit: RecordUnit, options: ExtractOptions, text: string, divisions: PlaceMention[]) {
  const input = {
    source: unit.source,
    national: !options.home && !unit.home && nationalOutlet(unit.source),
    home: options.home ?? unit.home ?? outletHome(unit.source),
    homeFrom: options.home ? ('given' as const) : ('record' as const),
    date: options.date ?? unit.date,
    dateFrom: options.date ? ('given' as const) : ('record' as const),
  };
  return resolveContext(text, input, divisions);
}

/** What one unit (a page or a record) gives: its articles and the context they were read in. */
export interface UnitExtraction {
  articles: ArticleOut[];
  context: DocumentContext;
}

/**
 * A unit's context, and its articles extracted one at a time as they are asked for: a unit of text
 * without breaks gives many pieces (src/extract/work-units.ts), which need never be in memory at once.
 * Units are independent of each other (a page's articles share what the page says; a record shares
 * nothing), so they may be extracted in any order or in parallel (src/extract/parallel.ts).
 */
export function unitArticles(documentName: string, unit: SourceUnit, options: ExtractOptions = {}): { context: DocumentContext; articles: Iterable<ArticleOut> } {
  const { context, steps } = unitSteps(documentName, unit, options);
  return {
    context,
    articles: (function* () {
      for (const step of steps) {
        if ('article' in step) yield step.article();
        else yield* extractPieceRun(step.run).articles;
      }
    })(),
  };
}

/**
 * One step of a unit's extraction, in order: an article to extract here (it may use the names the
 * unit's earlier articles found), or a run of a long article's pieces, which depends on nothing
 * else and may be extracted anywhere (a worker thread: src/extract/parallel.ts).
 */
export type UnitStep = { article: () => ArticleOut } | { run: PieceRun };

/** Pieces of one long article read together, in the context of their unit, with the names they find. */
export interface PieceRun {
  drafts: ArticleDraft[];
  ids: string[];
  ctx: ResolvedContext;
}

/** Pieces per run: the names a run finds are known to its later pieces (as on a page), and to no others. */
export const PIECES_PER_RUN = 16;

/** A unit's context and its steps, produced as they are asked for. */
export function unitSteps(documentName: string, unit: SourceUnit, options: ExtractOptions = {}): { context: DocumentContext; steps: Iterable<UnitStep> } {
  if (unit.kind === 'page') {
    const paragraphs = normalizePage(unit.text);
    const ctx = resolveContext(paragraphs.map((p) => p.text).join('\n'), options);
    const known = new Set<string>();
    const drafts = segmentPage(paragraphs);
    // A section of a long page dump numbers its articles within it: page.txt#2.5.
    const prefix = unit.section === undefined ? `${documentName}#` : `${documentName}#${unit.section}.`;
    return {
      context: ctx.out,
      steps: (function* () {
        for (const [i, draft] of drafts.entries()) yield* draftSteps(draft, `${prefix}${i + 1}`, ctx, known);
      })(),
    };
  }
  const paragraphs = normalizeArticleText(unit.text);
  const draft = segmentRecord(paragraphs, unit.title);
  const text = draft.paragraphs.join('\n');
  const divisions = findDivisions(text);
  const ctx = recordContext(unit, options, text, divisions);
  return { context: ctx.out, steps: draftSteps(draft, unit.id ?? `${documentName}#L${unit.line}`, ctx, new Set(), divisions) };
}

/** An article, or the runs of its pieces when it is too long to read at once. */
function* draftSteps(draft: ArticleDraft, id: string, ctx: ResolvedContext, known: Set<string>, divisions?: PlaceMention[]): Generator<UnitStep> {
  const parts = pieces(draft);
  if (parts.length === 1) {
    yield { article: () => extractArticle(draft, id, ctx, known, divisions) };
    return;
  }
  for (let i = 0; i < parts.length; i += PIECES_PER_RUN) {
    const drafts = parts.slice(i, i + PIECES_PER_RUN);
    yield { run: { drafts, ids: drafts.map((_, k) => pieceId(id, i + k)), ctx } };
  }
}

/** Extracts a run of pieces, each run on its own so that runs may go to any thread in any order. */
export function extractPieceRun(run: PieceRun): { articles: ArticleOut[] } {
  const known = new Set<string>();
  return { articles: run.drafts.map((draft, i) => extractArticle(draft, run.ids[i], run.ctx, known)) };
}

const NO_CONTEXT: DocumentContext = { home: null, homeProvince: null, date: null, provenance: { home: 'unknown', date: 'unknown' }, notes: [] };

/** A document's extraction from its units' extractions, in the units' order; the first unit's context is the document's. */
export function assembleDocument(doc: SourceDocument, units: UnitExtraction[]): ExtractionOut {
  return { document: doc.name, encoding: doc.encoding, context: units[0]?.context ?? NO_CONTEXT, articles: units.flatMap((u) => u.articles) };
}

/** Runs the whole pipeline on one decoded document, on this thread. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): ExtractionOut {
  return assembleDocument(
    doc,
    doc.units.map((unit) => {
      const { context, articles } = unitArticles(doc.name, unit, options);
      return { context, articles: [...articles] };
    }),
  );
}
