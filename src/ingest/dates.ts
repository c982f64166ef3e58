/**
 * Publication dates as Chinese sources write them, to YYYY-MM-DD (or YYYY-MM, YYYY when that is all
 * they say): 2023-02-18, 2023-2-18, 2023/02/18, 2023.02.18, 20230218, 2023年2月18日, with any time
 * of day after them dropped. Used for records' `date` and for every date option.
 */

/** Year, month and day parted by -, / or . (one kind throughout), or 年/月/日. */
const PARTED = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?|年(?:(\d{1,2})月(?:(\d{1,2})日)?)?)?$/;
/** Eight digits, as file names and crawlers write a day. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** What may follow a day: a time (T10:30:00+08:00, 10:30, 10时30分), then or before it a weekday (星期六, （周六）). */
const TIME_OF_DAY = /(?:[T\s]+|(?<=日))\d{1,2}[:时].*$/;
const WEEKDAY = /\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?$/;

/** The date as YYYY-MM-DD (or YYYY-MM, YYYY), or null when it is not a real date in one of the forms above. */
export function normaliseDate(input: string): string | null {
  // Full-width digits and punctuation (２０２３－０２－１８) are the ASCII ones.
  const s = input.normalize('NFKC').trim().replace(TIME_OF_DAY, '').replace(WEEKDAY, '').trim();
  const compact = COMPACT.exec(s);
  const parted = compact ? null : PARTED.exec(s);
  if (!compact && !parted) return null;
  const [year, month, day] = compact ? compact.slice(1) : [parted![1], parted![3] ?? parted![5], parted![4] ?? parted![6]];
  if (month !== undefined && (+month < 1 || +month > 12)) return null;
  // Date.UTC rolls 2023-02-30 over into March, which is how an impossible day shows.
  if (day !== undefined && new Date(Date.UTC(+year, +month - 1, +day)).getUTCDate() !== +day) return null;
  return [year, month, day].filter((p) => p !== undefined).map((p) => p.padStart(2, '0')).join('-');
}

/** The forms normaliseDate reads, for messages. */
export const DATE_FORMS = 'YYYY-MM-DD, 2023-2-18, 2023/02/18, 2023.02.18, 20230218 or 2023年2月18日 (or only the year, or year and month)';
