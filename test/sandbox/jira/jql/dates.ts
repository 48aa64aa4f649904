/**
 * JQL date values. Everything is computed in UTC: real Jira uses the searcher's time zone for
 * literals and for startOfDay() and friends; the sandbox's sites live in UTC, so that choice only
 * moves boundaries by the caller's offset.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const PERIOD_UNITS: Record<string, number> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

/**
 * Jira's date index keeps minutes, and literals have no seconds either, so comparisons happen at
 * minute precision: `created = "2024-01-05 10:30"` matches 10:30:00 to 10:30:59.
 */
export function toMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/**
 * A date literal: "yyyy-MM-dd", "yyyy/MM/dd", either with " HH:mm", or a period relative to now
 * ("-5d", "4w 2d", "-4h", "-15m", "+1w"). Undefined when the text is neither.
 */
export function parseDateLiteral(text: string, now: Date): number | undefined {
  const absolute = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, y, , mo, d, h, mi] = absolute;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = h === undefined ? 0 : Number(h);
    const minute = mi === undefined ? 0 : Number(mi);
    if (month < 1 || month > 12 || hour > 23 || minute > 59) return undefined;
    const ms = Date.UTC(year, month - 1, day, hour, minute);
    // Date.UTC rolls 2010/02/35 over into March; Jira rejects it.
    if (new Date(ms).getUTCDate() !== day) return undefined;
    return ms;
  }
  const period = /^([+-])?\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(text.trim());
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let total = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)\s*([wdhm])/g)) {
      total += Number(part[1]) * (PERIOD_UNITS[part[2] ?? ''] ?? 0);
    }
    return now.getTime() + sign * total;
  }
  return undefined;
}

type Unit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm';
type Boundary = 'start' | 'end';
type Period = 'day' | 'week' | 'month' | 'year';

export const DATE_FUNCTIONS: Record<string, { boundary: Boundary; period: Period } | 'now'> = {
  now: 'now',
  startofday: { boundary: 'start', period: 'day' },
  endofday: { boundary: 'end', period: 'day' },
  startofweek: { boundary: 'start', period: 'week' },
  endofweek: { boundary: 'end', period: 'week' },
  startofmonth: { boundary: 'start', period: 'month' },
  endofmonth: { boundary: 'end', period: 'month' },
  startofyear: { boundary: 'start', period: 'year' },
  endofyear: { boundary: 'end', period: 'year' },
};

const NATURAL_UNIT: Record<Period, Unit> = { day: 'd', week: 'w', month: 'M', year: 'y' };

export function isDateFunction(name: string): boolean {
  return name.toLowerCase() in DATE_FUNCTIONS;
}

export type DateFunctionResult = { ok: true; ms: number } | { ok: false; error: 'arity' | 'duration' };

/**
 * `startOfDay(-7d)`, `endOfMonth(-1)`, `now()`. An increment in the function's own unit moves the
 * period (endOfMonth(-1) = the end of last month); any other unit is added to the boundary
 * (startOfMonth(+14d) = the 15th), which is how Atlassian's examples read.
 */
export function evaluateDateFunction(
  name: string,
  args: string[],
  now: Date,
  firstDayOfWeek: 0 | 1,
): DateFunctionResult {
  const spec = DATE_FUNCTIONS[name.toLowerCase()];
  if (spec === undefined) throw new Error(`not a date function: ${name}`);
  if (spec === 'now') return args.length === 0 ? { ok: true, ms: now.getTime() } : { ok: false, error: 'arity' };
  if (args.length > 1) return { ok: false, error: 'arity' };

  let amount = 0;
  let unit: Unit = NATURAL_UNIT[spec.period];
  if (args.length === 1) {
    const match = /^([+-])?(\d+)([yMwdhm])?$/.exec((args[0] ?? '').trim());
    if (!match) return { ok: false, error: 'duration' };
    amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    unit = (match[3] as Unit | undefined) ?? unit;
  }

  if (unit === NATURAL_UNIT[spec.period]) {
    return { ok: true, ms: boundary(shift(now.getTime(), unit, amount), spec.boundary, spec.period, firstDayOfWeek) };
  }
  return { ok: true, ms: shift(boundary(now.getTime(), spec.boundary, spec.period, firstDayOfWeek), unit, amount) };
}

function shift(ms: number, unit: Unit, amount: number): number {
  const date = new Date(ms);
  switch (unit) {
    case 'y':
      return addMonths(date, amount * 12);
    case 'M':
      return addMonths(date, amount);
    case 'w':
      return ms + amount * WEEK;
    case 'd':
      return ms + amount * DAY;
    case 'h':
      return ms + amount * HOUR;
    case 'm':
      return ms + amount * MINUTE;
  }
}

/** Calendar months, clamping the day like Java's Calendar.add (31 Jan + 1 month = 28/29 Feb). */
function addMonths(date: Date, months: number): number {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target.getTime();
}

function boundary(ms: number, which: Boundary, period: Period, firstDayOfWeek: 0 | 1): number {
  const d = new Date(ms);
  let start: number;
  let next: number;
  switch (period) {
    case 'day':
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      next = start + DAY;
      break;
    case 'week': {
      const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      const back = (d.getUTCDay() - firstDayOfWeek + 7) % 7;
      start = dayStart - back * DAY;
      next = start + WEEK;
      break;
    }
    case 'month':
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      break;
    case 'year':
      start = Date.UTC(d.getUTCFullYear(), 0, 1);
      next = Date.UTC(d.getUTCFullYear() + 1, 0, 1);
      break;
  }
  return which === 'start' ? start : next - 1;
}

/** Countries whose calendars start the week on Sunday (Java's locale data); Monday elsewhere. */
const SUNDAY_FIRST = new Set(['US', 'CA', 'JP', 'BR', 'MX', 'IL', 'KR', 'TW', 'HK', 'PH', 'IN', 'ZA', 'SA']);

/**
 * startOfWeek() follows the searcher's locale in Jira. No locale (anonymous, the app) means en_US,
 * Jira's default, so Sunday.
 */
export function firstDayOfWeekFor(locale: string | undefined): 0 | 1 {
  if (!locale) return 0;
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region === undefined || SUNDAY_FIRST.has(region) ? 0 : 1;
}
