/**
 * Dates: 2023年2月18日, 2月18日、19日, 2月14日、16日, 2026年7月16日至17日, 九月二日, 24日, 2023年,
 * 昨天, 今日, 本月5日. A date without a year takes the year that puts it nearest the publication date (12月28日
 * in a paper of 5 January is last December's); a day without a month takes the month last named (or
 * the publication month); 昨天, 今天, 前天 count from the publication day, 本月 and 上月 from its month.
 */

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** Resolved days (YYYY-MM-DD), or one YYYY-MM / YYYY when no day is named. */
  iso: string[];
}

export interface DateContext {
  /** Publication year, month, day, as far as known. */
  year: number | null;
  month: number | null;
  day?: number | null;
}

// Words for a day counted from the publication day.
const RELATIVE_DAYS: Record<string, number> = { 前天: -2, 前日: -2, 昨天: -1, 昨日: -1, 今天: 0, 今日: 0, 明天: 1, 明日: 1 };
const RELATIVE_RE = /(前天|前日|昨天|昨日|今天|今日|明天|明日)/g;

const CN: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 12, 十二, 二十四, 一九九八 → numbers. */
export function parseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((c) => c in CN)) return Number([...s].map((c) => CN[c]).join(''));
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN[m[1]] : 1) * 10 + (m[2] ? CN[m[2]] : 0);
  return null;
}

const NUM = '(?:\\d{1,4}|[〇零一二两三四五六七八九十]{1,4})';
const DAY = `(?:(${NUM})月)?(${NUM})[日号]`;
// A day, perhaps with its month (6日, 3月15号), in what follows a match's first month.
const DAY_RE = new RegExp(DAY, 'g');
// What joins the ends of a range whose first day is written without 日 (3月19—20日, 3月19至20日).
const RANGE_TO = '\\s*[至到—\\-~～]\\s*';
const BARE_FIRST_DAY = new RegExp(`^(${NUM})(?=${RANGE_TO})`);
// A date's first day, with 日 or before a range's second (nearest-year reckoning uses it).
const FIRST_DAY = new RegExp(`月(\\d{1,2}|[〇零一二两三四五六七八九十]{1,4})(?:[日号]|${RANGE_TO})`);
// A full date, then more days joined by 、 和 至 到 — (2月18日、19日; 7月16日至17日).
const DATE_RE = new RegExp(
  `(?:(${NUM})年)?(?:(${NUM})月)(?:${NUM}(?:[日号]|(?=${RANGE_TO}${NUM}[日号])))?(?:\\s*[、,，和及至到—~～-]\\s*${DAY})*|(${NUM})年(?!代)|(?<![\\d月])(\\d{1,2})日(?=[上下中晚早凌前，、电讯])`,
  'g',
);

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86400000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/** The year, of the publication year and the two beside it, that puts month/day nearest the publication date. */
function nearestYear(month: number, day: number, ctx: DateContext): number | null {
  if (ctx.year === null) return null;
  if (!ctx.month) return ctx.year;
  const published = utc(ctx.year, ctx.month, ctx.day ?? 15);
  let best = ctx.year;
  for (const y of [ctx.year - 1, ctx.year + 1]) {
    if (Math.abs(utc(y, month, day) - published) < Math.abs(utc(best, month, day) - published)) best = y;
  }
  return best;
}

// Today, yesterday or tomorrow with its day in brackets (今（26）日, 昨(9)日): that day of the publication month (of the
// month before, for a past day whose number is past the publication day's).
const TODAY_NUMBERED_RE = /([今昨前明])[（(](\d{1,2})[）)]日/g;

/** 昨天, 今天, 前天… as days, when the publication day is known; 今（26）日 when its month is. */
function relativeDates(text: string, ctx: DateContext): DateMention[] {
  if (ctx.year === null || !ctx.month) return [];
  const out: DateMention[] = [];
  for (const m of text.matchAll(TODAY_NUMBERED_RE)) {
    const day = Number(m[2]);
    const earlier = /[昨前]/.test(m[1]) && ctx.day !== null && ctx.day !== undefined && day > ctx.day;
    const months = ctx.year * 12 + ctx.month - 1 - (earlier ? 1 : 0);
    const [year, month] = [Math.floor(months / 12), (months % 12) + 1];
    if (validDay(year, month, day)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: [`${year}-${pad(month)}-${pad(day)}`] });
  }
  if (!ctx.day) return out;
  for (const m of text.matchAll(RELATIVE_RE)) {
    const iso = new Date(utc(ctx.year, ctx.month, ctx.day) + RELATIVE_DAYS[m[1]] * DAY_MS).toISOString().slice(0, 10);
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: [iso] });
  }
  return out;
}

// A year counted from the publication year, written before a month: 去年12月, 今年3月.
const YEAR_OFFSET: Record<string, number> = { 前年: -2, 去年: -1, 今年: 0, 明年: 1 };

// A day of a month counted from the publication month: 本月5日, 上月28日.
const MONTH_OFFSET: Record<string, number> = { 上月: -1, 本月: 0, 当月: 0, 下月: 1 };
const MONTH_RELATIVE_RE = new RegExp(`(上月|本月|当月|下月)(${NUM})[日号]`, 'g');

/** 本月5日, 上月28日… as days, when the publication month is known. */
function monthRelativeDates(text: string, ctx: DateContext): DateMention[] {
  if (ctx.year === null || !ctx.month) return [];
  const out: DateMention[] = [];
  for (const m of text.matchAll(MONTH_RELATIVE_RE)) {
    const months = ctx.year * 12 + ctx.month - 1 + MONTH_OFFSET[m[1]];
    const [year, month, day] = [Math.floor(months / 12), (months % 12) + 1, parseNumber(m[2])];
    if (day === null || !validDay(year, month, day)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: [`${year}-${pad(month)}-${pad(day)}`] });
  }
  return out;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function findDates(text: string, ctx: DateContext): DateMention[] {
  const out: DateMention[] = [];
  let lastMonth = ctx.month;
  let lastYear = ctx.year;
  for (const m of text.matchAll(DATE_RE)) {
    const start = m.index!;
    const raw = m[0];
    if (m[5] !== undefined) {
      // A year alone.
      const y = parseNumber(m[5]);
      if (y !== null && y >= 1900 && y <= 2100) {
        out.push({ start, end: start + raw.length, text: raw, iso: [String(y)] });
        lastYear = y;
      }
      continue;
    }
    if (m[6] !== undefined) {
      // A day alone (24日电): the month last named.
      const d = Number(m[6]);
      if (lastYear && lastMonth && validDay(lastYear, lastMonth, d)) {
        out.push({ start, end: start + raw.length, text: raw, iso: [`${lastYear}-${pad(lastMonth)}-${pad(d)}`] });
      }
      continue;
    }
    const named = m[1] !== undefined ? parseNumber(m[1]) : null;
    const month = parseNumber(m[2]);
    if (month === null || month < 1 || month > 12) continue;
    const firstDay = parseNumber(FIRST_DAY.exec(raw)?.[1] ?? '') ?? 15;
    // A year named, else the year last named in the text, else the one nearest the publication date.
    // 去年12月28日: the year counted from the publication year.
    const counted = ctx.year !== null && named === null ? YEAR_OFFSET[text.slice(start - 2, start)] : undefined;
    const year =
      named !== null && named >= 1900 && named <= 2100 ? named : counted !== undefined ? ctx.year! + counted : lastYear !== ctx.year ? lastYear : nearestYear(month, firstDay, ctx);
    if (named !== null && year === named) lastYear = year;
    lastMonth = month;
    // Every day named in the match, in order, with the month that applies to it.
    // A range (3月6日至15日) gives the days it names, its ends: the days between are not named.
    const days: { month: number; day: number }[] = [];
    const tail = raw.slice(raw.indexOf('月') + 1);
    let mo = month;
    const bare = BARE_FIRST_DAY.exec(tail);
    const bareDay = bare ? parseNumber(bare[1]) : null;
    if (bareDay !== null) days.push({ month: mo, day: bareDay });
    for (const dm of tail.matchAll(DAY_RE)) {
      if (dm[1] !== undefined) mo = parseNumber(dm[1]) ?? mo;
      const day = parseNumber(dm[2]);
      if (day !== null) days.push({ month: mo, day });
    }
    lastMonth = mo;
    if (year === null) {
      // No year known: keep the month and day, marked by a leading XXXX.
      out.push({ start, end: start + raw.length, text: raw, iso: days.map((d) => `XXXX-${pad(d.month)}-${pad(d.day)}`) });
      continue;
    }
    const iso: string[] = [];
    if (days.length === 0) iso.push(`${year}-${pad(month)}`);
    for (const d of days) {
      if (!validDay(year, d.month, d.day)) continue;
      iso.push(`${year}-${pad(d.month)}-${pad(d.day)}`);
    }
    if (iso.length) out.push({ start, end: start + raw.length, text: raw, iso });
  }
  return [...out, ...relativeDates(text, ctx), ...monthRelativeDates(text, ctx)].sort((a, b) => a.start - b.start);
}

/** The publication year a document implies: the latest full year it names (部署2023年工作). */
export function inferYear(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(/(\d{4})年/g)) {
    const y = Number(m[1]);
    if (y >= 1900 && y <= 2100 && (best === null || y > best)) best = y;
  }
  return best;
}
