/**
 * Date ranges over facts whose dates have a precision: `2023`, `2023-02` or `2023-02-18`. A fact is
 * in a range when all of it is: a year-only fact is not on every day of that year, so a one-day
 * range leaves it out, and a range of the whole year keeps it. Shared by the server and the viewer.
 */

/** Both ends inclusive, each a date or a prefix of one (null: open). Only `parseDateRange` makes one. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

export const OPEN_RANGE: DateRange = { from: null, to: null };

/** A mistake in a date or a range, worded for the person who typed it. */
export class DateRangeError extends Error {}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists on the calendar; throws DateRangeError otherwise. */
export function parseDate(text: string): string {
  const value = text.trim();
  const m = DATE.exec(value);
  if (!m) throw new DateRangeError(`${JSON.stringify(text)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  if (month !== null && (month < 1 || month > 12)) throw new DateRangeError(`${value}: there is no month ${month}`);
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) throw new DateRangeError(`${value}: ${m[1]}-${m[2]} has no day ${day}`);
  return value;
}

/** The range from `from` to `to` (either may be empty); throws DateRangeError for an impossible date or an inverted range. */
export function parseDateRange(from: string | null | undefined, to: string | null | undefined): DateRange {
  const range = { from: from?.trim() ? parseDate(from) : null, to: to?.trim() ? parseDate(to) : null };
  if (range.from && range.to && range.from > range.to && !range.from.startsWith(range.to)) {
    throw new DateRangeError(`the range ends (${range.to}) before it starts (${range.from})`);
  }
  return range;
}

/** The first day a date or prefix covers: 2023 → 2023-01-01, 2023-02 → 2023-02-01. */
function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a date or prefix covers: 2023 → 2023-12-31, 2024-02 → 2024-02-29. */
function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;
  return date;
}

/** Whether all of the fact's date lies in the range. An undated fact is in an open range only. */
export function dateWithin(date: string | null | undefined, range: DateRange): boolean {
  if (!range.from && !range.to) return true;
  if (!date) return false;
  return (!range.from || firstDay(date) >= firstDay(range.from)) && (!range.to || lastDay(date) <= lastDay(range.to));
}

/** The day `days` after (or before) a full date. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
