/**
 * The time slider's histogram: how many events fall on each day. Events known only to the month or
 * the year are counted apart, not spread over days they may not have been on.
 */
import type { GuanxiGraph } from './assemble.js';

export interface Timeline {
  /** Days with events, oldest first: [YYYY-MM-DD, events]. */
  days: [string, number][];
  /** Events dated to the month or the year only. */
  coarse: number;
  /** Events with no date. */
  undated: number;
}

/** The timeline of event counts by date (a full date, a prefix, or null for none). */
export function timeline(byDate: Iterable<[string | null, number]>): Timeline {
  const days = new Map<string, number>();
  let coarse = 0;
  let undated = 0;
  for (const [date, n] of byDate) {
    if (!date) undated += n;
    else if (date.length === 10) days.set(date, (days.get(date) ?? 0) + n);
    else coarse += n;
  }
  return { days: [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), coarse, undated };
}

/** Event counts by date in an in-memory graph. */
export function graphEventsByDate(graph: GuanxiGraph): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  graph.forEachNode((_key, a) => {
    if (a.kind === 'Event') counts.set(a.date, (counts.get(a.date) ?? 0) + 1);
  });
  return counts;
}
