/**
 * Dates and numbers in the reader's locale and time zone, which the Forge context gives
 * (`view.getContext()` → `locale`, `timezone`; static/shared/i18n.ts sets them at boot). Calendar
 * days (`YYYY-MM-DD`) are formatted in UTC so a day never shifts by the reader's time zone; instants
 * are shown in the reader's zone. Every format is Intl's: no month name, separator or week start here.
 */
import type { TimeFrame } from '../../src/domain/strategy';
// The goals and formats catalogs alone: every bundle boots through this file (i18n.ts), the admin page's too.
import { formats as calendarWords } from './messages/formats';
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
  percentValue: Intl.NumberFormat;
  points: Intl.NumberFormat;
  relative: Intl.RelativeTimeFormat;
  year: Intl.DateTimeFormat;
  calendarYear: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
  monthLong: Intl.DateTimeFormat;
}

const cache = new Map<string, Formats>();

function formatsFor({ locale, timeZone }: FormatLocale): Formats {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formats = cache.get(key);
  if (!formats) {
    // Each formatter is built when first used: building all thirteen costs a first render of the
    // roadmap more than its 2,000 cards' text (ICU data loaded for formats the page never shows).
    const factories: { [K in keyof Formats]: () => Formats[K] } = {
      day: () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      shortDay: () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      instant: () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) }),
      number: () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      compact: () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, notation: 'compact' }),
      percent: () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      // A KPI measured in % keeps its decimals (12.5 %), as formatNumber does for other units.
      percentValue: () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
      // Story points: estimates are whole or halves; "18.38 pts" reads as false precision.
      points: () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      relative: () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      year: () => new Intl.DateTimeFormat(locale, { year: 'numeric', ...(timeZone ? { timeZone } : {}) }),
      // Calendar months and years are days' containers, formatted in UTC like days.
      calendarYear: () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
      month: () => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
      monthLong: () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
    const lazy = {} as Formats;
    for (const name of Object.keys(factories) as Array<keyof Formats>) {
      Object.defineProperty(lazy, name, {
        configurable: true,
        enumerable: true,
        get: () => {
          const value = factories[name]();
          Object.defineProperty(lazy, name, { value, enumerable: true });
          return value;
        },
      });
    }
    formats = lazy;
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
  return isoDayIn(readerTimeZone(locale)).format(now);
}

/**
 * The reader's Jira time zone (the Forge context's `timezone`, set at boot), which may differ from
 * the browser's; the browser's only before boot or where the context has none.
 */
export function readerTimeZone(locale?: FormatLocale): string {
  return (locale ?? reader).timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A calendar month (`YYYY-MM…`) short, with its year: "Jan 2027", "Jan. 2027", "2027年1月". */
export const formatMonth = (day: string, locale?: FormatLocale): string => formats(locale).month.format(dayToTime(`${day.slice(0, 7)}-01`));
/** The same month spelled out, for screen readers and tooltips: "January 2027", "Januar 2027". */
export const formatMonthLong = (day: string, locale?: FormatLocale): string => formats(locale).monthLong.format(dayToTime(`${day.slice(0, 7)}-01`));
/** A calendar year as the locale writes it alone: "2027", "2027年". */
export const formatCalendarYear = (year: number, locale?: FormatLocale): string => formats(locale).calendarYear.format(Date.UTC(year, 6, 1));
/** A calendar quarter: Intl has no quarter field, so the words come from the formats catalog. */
export const formatQuarter = (quarter: number, year: number): string => calendarWords.quarter(quarter, year);
export const formatQuarterLong = (quarter: number, year: number): string => calendarWords.quarterLong(quarter, year);

/** ISO weekday numbers, as Intl's weekInfo gives them: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Where the locale's weeks start, for Intl engines without `Intl.Locale` week info (Firefox before
 * 2025 has neither `getWeekInfo()` nor `weekInfo`): CLDR's first day for the locales we ship and
 * their region's neighbours. Anything else falls back to ISO 8601's Monday.
 * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/Locale/getWeekInfo
 */
export const weekStartFallback: Readonly<Record<string, Weekday>> = { 'de-DE': 1, 'ja-JP': 7, 'en-US': 7, 'en-GB': 1, 'en-CA': 7, 'en-AU': 1 };

type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };

/**
 * The first day of the locale's week (1 = Monday … 7 = Sunday): `Intl.Locale.prototype.getWeekInfo()`
 * (MDN, link above), else the older `weekInfo` accessor (Chromium 99–129, Node 20), else the table.
 */
export function weekStartOf(locale: string | undefined = reader.locale): Weekday {
  const tag = locale ?? Intl.DateTimeFormat().resolvedOptions().locale;
  try {
    const intl = new Intl.Locale(tag) as LocaleWithWeekInfo;
    const first = (intl.getWeekInfo?.() ?? intl.weekInfo)?.firstDay;
    if (first !== undefined && first >= 1 && first <= 7) return first as Weekday;
  } catch {
    // A tag Intl.Locale refuses: the table decides.
  }
  return weekStartFallback[tag] ?? 1;
}

export const formatNumber = (value: number, locale?: FormatLocale): string => formats(locale).number.format(value);
export const formatCompact = (value: number, locale?: FormatLocale): string => formats(locale).compact.format(value);
/** A fraction (0.42) as the locale writes a percentage ("42 %", "42%"). */
export const formatPercent = (fraction: number, locale?: FormatLocale): string => formats(locale).percent.format(fraction);
/** Story points, to one decimal at most. */
export const formatPoints = (points: number, locale?: FormatLocale): string => formats(locale).points.format(points);
/**
 * Story points as `formatPoints` shows them, still a number: for texts whose catalog takes a count
 * (its own plural and grouping); "18.375" is never said.
 */
export const shownPoints = (points: number): number => Math.round(points * 10) / 10;

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

/**
 * A value with its unit. `%` is the locale's percent sign, where the locale puts it ("20%",
 * "20 %", "20%"), as the server's formatQuantity (src/domain/number-format.ts) says it; ‰ and °
 * stick to the number; any other unit is a word after it ("12,5 SP").
 */
export function formatValue(value: number, unit: string, locale?: FormatLocale): string {
  if (unit.trim() === '%') return formats(locale).percentValue.format(value / 100);
  const number = formatNumber(value, locale);
  if (!unit) return number;
  return /^[‰°]/.test(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

export function formatTimeFrame(timeFrame: TimeFrame): string | undefined {
  switch (timeFrame.kind) {
    case 'none':
      return undefined;
    case 'quarter':
      return formatQuarter(timeFrame.quarter, timeFrame.year);
    case 'date':
      return goals.byDate(formatDay(timeFrame.date));
  }
}
