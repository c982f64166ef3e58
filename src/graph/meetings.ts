/**
 * Who met whom: a person-to-person view derived from shared events. Two people met when both took
 * part in one event; the pair's weight is the number of such events, and each side keeps the roles
 * it had (led ↔ accompanied). Computed from participation rows, so that the in-memory graph and the
 * embedded store (read by index, one period at a time) give the same view.
 */
import type { GuanxiGraph } from './assemble.js';
import type { Role } from './model.js';
import { addDays, dateWithin, type DateRange } from './date-range.js';

/** One person's part in one event. */
export interface Participation {
  person: string;
  personLabel: string;
  /** What tells namesakes apart (the person's region). */
  personDetail: string | null;
  event: string;
  eventLabel: string;
  eventDate: string | null;
  roles: readonly Role[];
}

export type RoleCounts = Partial<Record<Role, number>>;

export interface MetPerson {
  key: string;
  label: string;
  detail: string | null;
  /** Events the person took part in within the period. */
  events: number;
}

export interface SharedEvent {
  key: string;
  label: string;
  date: string | null;
  /** The roles of the pair's first and second person at this event. */
  roles: [Role[], Role[]];
}

export interface MetPair {
  /** Indexes into `persons`; a < b. */
  a: number;
  b: number;
  weight: number;
  /** How often each side had each role at their shared events. */
  roles: [RoleCounts, RoleCounts];
  /** The shared events, newest first (at most MAX_EVENTS_PER_PAIR). */
  events: SharedEvent[];
}

export interface Meetings {
  /** The period shown: the one asked for, or the newest when none was. */
  period: DateRange;
  /** The person the view is centred on, if any. */
  around: string | null;
  persons: MetPerson[];
  pairs: MetPair[];
  /** Persons with events in the period, beyond those shown. */
  totalPersons: number;
}

export interface MeetingsOptions {
  period: DateRange;
  /** Persons shown at most (the most active; around a person: those who met them most). */
  limit: number;
  around?: string | null;
  /** Only participations with one of these roles count (absent: all). */
  roles?: ReadonlySet<Role> | null;
}

export const DEFAULT_MEETING_PERSONS = 60;
export const MAX_EVENTS_PER_PAIR = 50;
/** The newest period, when none is asked for: this many days. */
export const NEWEST_PERIOD_DAYS = 31;

/**
 * The period a view opens on: the newest stretch of NEWEST_PERIOD_DAYS days that holds at least half
 * as many events as the busiest such stretch, ending on a day with events. Not simply the days before
 * the newest date: an article of 1998 that names a meeting planned for 2001, or a history of 1921,
 * would open the view on an empty month. `days`: events per full date, oldest first.
 */
export function newestPeriod(days: readonly (readonly [string, number])[]): DateRange {
  if (!days.length) return { from: null, to: null };
  // Events in the stretch ending on each day (two pointers over the sorted days).
  const counts: number[] = [];
  let sum = 0;
  let first = 0;
  for (let i = 0; i < days.length; i++) {
    sum += days[i][1];
    const start = addDays(days[i][0], -(NEWEST_PERIOD_DAYS - 1));
    while (days[first][0] < start) sum -= days[first++][1];
    counts.push(sum);
  }
  const busiest = Math.max(...counts);
  let end = days.length - 1;
  while (counts[end] * 2 < busiest) end--;
  return { from: addDays(days[end][0], -(NEWEST_PERIOD_DAYS - 1)), to: days[end][0] };
}

// Code-point order, not the locale's: the same view on every machine.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const pairKey = (a: number, b: number) => a * 0x200000 + b;

/** The who-met-whom view of the participations that lie in the period. */
export function meetings(rows: Iterable<Participation>, options: MeetingsOptions): Meetings {
  // Each event's participants, each person once per event with the union of their roles.
  const byEvent = new Map<string, { label: string; date: string | null; parts: Map<string, Set<Role>> }>();
  const names = new Map<string, { label: string; detail: string | null }>();
  for (const r of rows) {
    if (!dateWithin(r.eventDate, options.period)) continue;
    if (options.roles && !r.roles.some((role) => options.roles!.has(role))) continue;
    let event = byEvent.get(r.event);
    if (!event) byEvent.set(r.event, (event = { label: r.eventLabel, date: r.eventDate, parts: new Map() }));
    let roles = event.parts.get(r.person);
    if (!roles) event.parts.set(r.person, (roles = new Set()));
    for (const role of r.roles) roles.add(role);
    if (!names.has(r.person)) names.set(r.person, { label: r.personLabel, detail: r.personDetail });
  }
  // Around a person, the view is theirs: the events they were at.
  if (options.around) for (const [key, event] of byEvent) if (!event.parts.has(options.around)) byEvent.delete(key);
  const people = new Map<string, { label: string; detail: string | null; events: Set<string> }>();
  for (const [key, event] of byEvent) {
    for (const person of event.parts.keys()) {
      let p = people.get(person);
      if (!p) people.set(person, (p = { ...names.get(person)!, events: new Set() }));
      p.events.add(key);
    }
  }

  const chosen = choosePersons(people, byEvent, options);
  const index = new Map(chosen.map((key, i) => [key, i]));
  const pairs = new Map<number, MetPair>();
  for (const [eventKey, event] of byEvent) {
    const here = [...event.parts.keys()].filter((p) => index.has(p)).sort((x, y) => index.get(x)! - index.get(y)!);
    for (let i = 0; i < here.length; i++) {
      for (let j = i + 1; j < here.length; j++) {
        const [a, b] = [index.get(here[i])!, index.get(here[j])!];
        let pair = pairs.get(pairKey(a, b));
        if (!pair) pairs.set(pairKey(a, b), (pair = { a, b, weight: 0, roles: [{}, {}], events: [] }));
        const sides: [Role[], Role[]] = [[...event.parts.get(here[i])!].sort(), [...event.parts.get(here[j])!].sort()];
        pair.weight++;
        sides.forEach((roles, side) => roles.forEach((role) => (pair!.roles[side][role] = (pair!.roles[side][role] ?? 0) + 1)));
        pair.events.push({ key: eventKey, label: event.label, date: event.date, roles: sides });
      }
    }
  }
  for (const pair of pairs.values()) {
    pair.events.sort((x, y) => byCodePoint(y.date ?? '', x.date ?? '') || byCodePoint(x.key, y.key));
    pair.events.length = Math.min(pair.events.length, MAX_EVENTS_PER_PAIR);
  }
  return {
    period: options.period,
    around: options.around && people.has(options.around) ? options.around : null,
    persons: chosen.map((key) => {
      const p = people.get(key)!;
      return { key, label: p.label, detail: p.detail, events: p.events.size };
    }),
    pairs: [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b),
    totalPersons: people.size,
  };
}

/**
 * The persons to show: the most active in the period (who met someone first: a person alone at an
 * event draws no line); around a person, that person and those who met them most.
 */
function choosePersons(
  people: Map<string, { label: string; events: Set<string> }>,
  byEvent: Map<string, { parts: Map<string, Set<Role>> }>,
  { around, limit }: MeetingsOptions,
): string[] {
  if (around) {
    if (!people.has(around)) return [];
    const met = new Map<string, number>();
    for (const e of people.get(around)!.events) for (const p of byEvent.get(e)!.parts.keys()) if (p !== around) met.set(p, (met.get(p) ?? 0) + 1);
    const others = [...met.keys()].sort((a, b) => met.get(b)! - met.get(a)! || byCodePoint(a, b)).slice(0, Math.max(0, limit - 1));
    return [around, ...others];
  }
  const company = new Map<string, number>();
  for (const event of byEvent.values()) if (event.parts.size > 1) for (const p of event.parts.keys()) company.set(p, (company.get(p) ?? 0) + 1);
  return [...people.keys()]
    .sort((a, b) => (company.get(b) ?? 0) - (company.get(a) ?? 0) || people.get(b)!.events.size - people.get(a)!.events.size || byCodePoint(a, b))
    .slice(0, limit);
}

/** The participation rows of an in-memory graph (Neo4j's and the journal's, loaded whole). */
export function* graphParticipations(graph: GuanxiGraph): Generator<Participation> {
  for (const { attributes: a, source, target } of graph.edgeEntries()) {
    if (a.rel !== 'PARTICIPATED_IN') continue;
    const person = graph.getNodeAttributes(source);
    const event = graph.getNodeAttributes(target);
    if (person.kind !== 'Person' || event.kind !== 'Event') continue;
    yield { person: source, personLabel: person.name, personDetail: person.region, event: target, eventLabel: event.name, eventDate: event.date, roles: a.roles };
  }
}
