/**
 * Dates and numbers in the reader's locale. Calendar days (`YYYY-MM-DD`) are formatted in UTC so a
 * day never shifts by the reader's time zone; instants are shown in the reader's zone.
 */
import type { TimeFrame } from '../../src/domain/strategy';
import { messages } from './messages';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** `YYYY-MM-DD` → milliseconds at UTC midnight of that day. */
export function dayToTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Milliseconds → the UTC calendar day `YYYY-MM-DD`. */
export function timeToDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export const formatDay = (day: string): string => dayFormat.format(dayToTime(day));
export const formatShortDay = (day: string): string => shortDayFormat.format(dayToTime(day));
export const formatInstant = (iso: string): string => instantFormat.format(new Date(iso));

const yearOf = (day: string): number => Number(day.slice(0, 4));

/**
 * A day as short as it can be read unambiguously: without the year when it falls in `thisYear`
 * (the reader's, by default), with it otherwise. A plan reaching into next year must not say
 * "5 Feb" for a date eleven months away.
 */
export function formatNearDay(day: string, thisYear: number = yearOf(localToday())): string {
  return yearOf(day) === thisYear ? formatShortDay(day) : formatDay(day);
}

/**
 * The days of a range (either may be missing), each as `formatNearDay` has it, except that a range
 * spanning two years names both years ("27 Dec 2026 – 5 Feb 2027", never "27 Dec – 5 Feb 2027").
 */
export function formatNearDays(start: string | undefined, end: string | undefined, thisYear: number = yearOf(localToday())): [string | undefined, string | undefined] {
  const spansYears = start !== undefined && end !== undefined && yearOf(start) !== yearOf(end);
  const format = (day: string | undefined) => (day === undefined ? undefined : spansYears ? formatDay(day) : formatNearDay(day, thisYear));
  return [format(start), format(end)];
}

/** Today as the reader's calendar sees it, as `YYYY-MM-DD` (the UI may read the clock; the domain may not). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, notation: 'compact' });

export const formatNumber = (value: number): string => numberFormat.format(value);
export const formatCompact = (value: number): string => compactFormat.format(value);

/** A value with its unit: `42 %`-style units stick to the number, words get a space. */
export function formatValue(value: number, unit: string): string {
  const number = formatNumber(value);
  if (!unit) return number;
  return /^[%‰°]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

export function formatTimeFrame(timeFrame: TimeFrame): string | undefined {
  switch (timeFrame.kind) {
    case 'none':
      return undefined;
    case 'quarter':
      return messages.goals.quarter(timeFrame.quarter, timeFrame.year);
    case 'date':
      return messages.goals.byDate(formatDay(timeFrame.date));
  }
}
