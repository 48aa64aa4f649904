/**
 * Calendar days as `YYYY-MM-DD` strings, the way the contract carries them. Pure: nothing here
 * reads the clock, so "today" always arrives as an argument.
 */

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** Whether `text` is a real day of the Gregorian calendar written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = calendarDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws for anything else (validation comes first). */
export function dayNumber(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / msPerDay;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return undefined;
    }
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The `YYYY-MM-DD` day an instant falls on for someone in `timeZone` (IANA name, e.g.
 * `Australia/Sydney`): a sprint starting `2026-11-11T09:00:00.000+11:00` starts on 11 November in
 * Sydney though it is 10 November in UTC. No zone, or one the runtime does not know: UTC.
 */
export function dayIn(instantMs: number, timeZone: string | undefined): string {
  if (!Number.isFinite(instantMs)) throw new RangeError(`Not an instant: ${instantMs}`);
  const formatter = timeZone ? dayFormatter(timeZone) : undefined;
  if (!formatter) return new Date(instantMs).toISOString().slice(0, 10);
  const part: Record<string, string> = {};
  for (const p of formatter.formatToParts(instantMs)) part[p.type] = p.value;
  return `${part.year}-${part.month}-${part.day}`;
}
