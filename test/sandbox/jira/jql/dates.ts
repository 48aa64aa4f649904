/**
 * JQL date values, read as Jira reads them: in the time zone of the user making the request
 * ("Jira uses the time zone of the current user" for literals such as `"2026-11-20 09:45"` and for
 * startOfDay() and friends; see https://support.atlassian.com/jira-software-cloud/docs/jql-fields/
 * under Created/Updated). The caller's zone comes from ./context.ts (`callerTimeZone`): a person's
 * profile zone, the app user's own zone for `asApp()`, UTC for anonymous callers.
 *
 * Wall-clock times that a DST change skips or repeats are read as Java's lenient calendar reads
 * them, with the zone's standard offset: a skipped 02:30 becomes 03:30 summer time, a repeated
 * 02:30 the second (later) one. That is the later reading in both cases, so an app writing a
 * `>=` literal for an instant in the repeated hour misses that hour's updates here, as on a site.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const PERIOD_UNITS: Record<string, number> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows `timeZone` (an IANA name). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instantMs`, in ms (Sydney in summer: +11 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const part: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(whole)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(part.year ?? 1970, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  return wall - whole;
}

/** The wall-clock time in `timeZone` at `instantMs`, as the UTC fields of the returned ms. */
export function toWallMs(instantMs: number, timeZone: string): number {
  return instantMs + zoneOffsetMs(instantMs, timeZone);
}

/**
 * The instant a wall-clock time in `timeZone` means. Skipped and repeated times take the zone's
 * standard (smaller) offset, as Java's lenient calendar does: the later of the readings.
 */
export function fromWallMs(wallMs: number, timeZone: string): number {
  const offsets = [...new Set([-DAY, 0, DAY].map((d) => zoneOffsetMs(wallMs + d, timeZone)))];
  const valid = offsets.map((o) => wallMs - o).filter((ms) => ms + zoneOffsetMs(ms, timeZone) === wallMs);
  if (valid.length === 1) return valid[0] as number;
  return wallMs - Math.min(...offsets);
}

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
export function parseDateLiteral(text: string, now: Date, timeZone = 'UTC'): number | undefined {
  const absolute = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, y, , mo, d, h, mi] = absolute;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = h === undefined ? 0 : Number(h);
    const minute = mi === undefined ? 0 : Number(mi);
    if (month < 1 || month > 12 || hour > 23 || minute > 59) return undefined;
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    // Date.UTC rolls 2010/02/35 over into March; Jira rejects it.
    if (new Date(wall).getUTCDate() !== day) return undefined;
    return fromWallMs(wall, timeZone);
  }
  const period = /^([+-])?\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(text.trim());
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let total = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)\s*([wdhm])/g)) {
      total += Number(part[1]) * (PERIOD_UNITS[part[2] ?? ''] ?? 0);
    }
    // A period is a duration from now (a day is 24 h), the same instant in every zone.
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
  timeZone = 'UTC',
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

  // Days, weeks, months and years are the caller's calendar's: a day across a DST change is 23 or 25 h.
  const zone = { timeZone, firstDayOfWeek };
  if (unit === NATURAL_UNIT[spec.period]) {
    return { ok: true, ms: boundary(shift(now.getTime(), unit, amount, timeZone), spec.boundary, spec.period, zone) };
  }
  return { ok: true, ms: shift(boundary(now.getTime(), spec.boundary, spec.period, zone), unit, amount, timeZone) };
}

function shift(ms: number, unit: Unit, amount: number, timeZone: string): number {
  switch (unit) {
    case 'y':
      return fromWallMs(addMonths(new Date(toWallMs(ms, timeZone)), amount * 12), timeZone);
    case 'M':
      return fromWallMs(addMonths(new Date(toWallMs(ms, timeZone)), amount), timeZone);
    case 'w':
      return fromWallMs(toWallMs(ms, timeZone) + amount * WEEK, timeZone);
    case 'd':
      return fromWallMs(toWallMs(ms, timeZone) + amount * DAY, timeZone);
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

/** The start of the caller's day, week, month or year around `ms`, or the last millisecond before the next one. */
function boundary(ms: number, which: Boundary, period: Period, zone: { timeZone: string; firstDayOfWeek: 0 | 1 }): number {
  const d = new Date(toWallMs(ms, zone.timeZone));
  let start: number;
  let next: number;
  switch (period) {
    case 'day':
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      next = start + DAY;
      break;
    case 'week': {
      const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      const back = (d.getUTCDay() - zone.firstDayOfWeek + 7) % 7;
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
  return which === 'start' ? fromWallMs(start, zone.timeZone) : fromWallMs(next, zone.timeZone) - 1;
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
