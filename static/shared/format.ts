/**
 * Dates and numbers in the reader's locale and time zone, which the Forge context gives
 * (`view.getContext()` → `locale`, `timezone`; static/shared/i18n.ts sets them at boot). Calendar
 * days (`YYYY-MM-DD`) are formatted in UTC so a day never shifts by the reader's time zone; instants
 * are shown in the reader's zone. Every format is Intl's: no month name, separator or week start here.
 */
import type { TimeFrame } from '../../src/domain/strategy';
// The goals catalog alone: every bundle boots through this file (i18n.ts), the admin page's too.
import { goals } from './messages/goals';

export interface FormatLocale {
  /** BCP 47, e.g. `de-DE`; absent: the browser's. */
  locale?: string;
  /** IANA zone, e.g. `Asia/Tokyo`; absent: the browser's. */
  timeZone?: string;
}

interface Formats {
  day: Intl.DateTimeFormat;
  shortDay: Intl.DateTimeFormat;
  instant: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
  compact: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  points: Intl.NumberFormat;
  relative: Intl.RelativeTimeFormat;
  year: Intl.DateTimeFormat;
}

const cache = new Map<string, Formats>();

function formatsFor({ locale, timeZone }: FormatLocale): Formats {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      shortDay: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      instant: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }),
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      compact: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, notation: 'compact' }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      // Story points: estimates are whole or halves; "18.38 pts" reads as false precision.
      points: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      year: new Intl.DateTimeFormat(locale, { year: 'numeric', ...(timeZone ? { timeZone } : {}) }),
    };
    cache.set(key, formats);
  }
  return formats;
}

let reader: FormatLocale = {};

/** The reader's locale and zone for every format that is not given one (set once at boot). */
export function setFormatLocale(next: FormatLocale): void {
  reader = { ...(next.locale ? { locale: next.locale } : {}), ...(next.timeZone ? { timeZone: next.timeZone } : {}) };
}

export function formatLocale(): FormatLocale {
  return reader;
}

const formats = (given?: FormatLocale): Formats => formatsFor(given ?? reader);

/** `YYYY-MM-DD` → milliseconds at UTC midnight of that day. */
export function dayToTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Milliseconds → the UTC calendar day `YYYY-MM-DD`. */
export function timeToDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export const formatDay = (day: string, locale?: FormatLocale): string => formats(locale).day.format(dayToTime(day));
export const formatShortDay = (day: string, locale?: FormatLocale): string => formats(locale).shortDay.format(dayToTime(day));
export const formatInstant = (iso: string, locale?: FormatLocale): string => formats(locale).instant.format(new Date(iso));

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

const isoDays = new Map<string, Intl.DateTimeFormat>();
/**
 * One formatter per zone, kept: building an Intl.DateTimeFormat costs ~0.1 ms, and every card's
 * dates, forecast and release risks ask for today (a 1,000-item board switching layout spent 65 ms
 * here). en-CA writes days as YYYY-MM-DD: a machine format here, never shown.
 */
function isoDayIn(timeZone: string): Intl.DateTimeFormat {
  let format = isoDays.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    isoDays.set(timeZone, format);
  }
  return format;
}

/**
 * Today as the reader's calendar sees it, as `YYYY-MM-DD` (the UI may read the clock; the domain
 * may not): in the reader's Jira time zone when known, which may differ from the browser's.
 */
export function localToday(now: Date = new Date(), locale?: FormatLocale): string {
  const timeZone = (locale ?? reader).timeZone;
  if (timeZone) return isoDayIn(timeZone).format(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const formatNumber = (value: number, locale?: FormatLocale): string => formats(locale).number.format(value);
export const formatCompact = (value: number, locale?: FormatLocale): string => formats(locale).compact.format(value);
/** A fraction (0.42) as the locale writes a percentage ("42 %", "42%"). */
export const formatPercent = (fraction: number, locale?: FormatLocale): string => formats(locale).percent.format(fraction);
/** Story points, to one decimal at most. */
export const formatPoints = (points: number, locale?: FormatLocale): string => formats(locale).points.format(points);

const relativeSteps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago", "yesterday", "vor 3 Stunden", "昨日": an instant relative to `now`. */
export function formatRelative(iso: string, now: number = Date.now(), locale?: FormatLocale): string {
  const format = formats(locale).relative;
  let amount = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** A value with its unit: `42 %`-style units stick to the number, words get a space. */
export function formatValue(value: number, unit: string, locale?: FormatLocale): string {
  const number = formatNumber(value, locale);
  if (!unit) return number;
  return /^[%‰°]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

export function formatTimeFrame(timeFrame: TimeFrame): string | undefined {
  switch (timeFrame.kind) {
    case 'none':
      return undefined;
    case 'quarter':
      return goals.quarter(timeFrame.quarter, timeFrame.year);
    case 'date':
      return goals.byDate(formatDay(timeFrame.date));
  }
}
