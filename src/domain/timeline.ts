/**
 * The timeline's geometry: a date scale at a zoom, where a date sits on it (x in px) and which date
 * a position means, how a drag snaps and how far a key press moves a bar. Pure and clock-free:
 * "today" is always an argument, so the server, the UI and the tests agree on every pixel.
 */
import { dayNumber, isCalendarDate } from './calendar';

export const timelineZooms = ['months', 'quarters', 'year'] as const;
export type TimelineZoom = (typeof timelineZooms)[number];

/** Pixels per day: a month about 150 px wide, a quarter about 180 px, a year about 400 px. */
const dayWidths: Record<TimelineZoom, number> = { months: 5, quarters: 2, year: 1.1 };

/** How far one arrow key moves a bar or an end: a day when days are wide enough to see, else a week. */
export function keyboardStepDays(zoom: TimelineZoom): number {
  return zoom === 'months' ? 1 : 7;
}

/** Drags snap to whole days, and to whole weeks when a day is under two pixels wide. */
export function snapDays(zoom: TimelineZoom): number {
  return dayWidths[zoom] >= 2 ? 1 : 7;
}

/**
 * What a tick stands for, as data: the UI says it in the reader's locale ("Jan 2027", "Jan. 2027",
 * "2027年1月"; "Q3 2026", "2026年第3四半期"). Months are 1–12.
 */
export type TimelinePeriod = { kind: 'month'; year: number; month: number } | { kind: 'quarter'; year: number; quarter: number } | { kind: 'year'; year: number };

/** A stretch of the scale (a month, quarter or year), left edge and width in px. */
export interface TimelineTick {
  key: string;
  period: TimelinePeriod;
  startDate: string;
  x: number;
  width: number;
  /** The tick that holds today, so the UI can mark it. */
  current: boolean;
}

export interface TimelineScale {
  zoom: TimelineZoom;
  /** First and last day shown, both included. */
  startDate: string;
  endDate: string;
  dayWidth: number;
  width: number;
  today: string;
  todayX: number;
  /** The scale's two bands: years over quarters, or quarters over months. */
  major: TimelineTick[];
  minor: TimelineTick[];
}

/** How far the scale reaches around today at most, whatever the dates: a typo of 2207 stays off-scale. */
export const timelineReachYears = 5;

/**
 * The scale for a zoom: from the start of the quarter before today's to a year after today,
 * widened to the months that hold every given date, within `timelineReachYears` of today. Whole
 * months (quarters or years at the coarser zooms), so every tick is complete; at least `minWidth`
 * px wide (the box it is drawn in), whole units added after the end.
 */
export function timelineScale(args: { zoom: TimelineZoom; today: string; dates: Iterable<string>; minWidth?: number }): TimelineScale {
  const { zoom, today } = args;
  if (!isCalendarDate(today)) throw new RangeError(`Not a calendar date: ${today}`);
  const todayMonth = monthIndex(today);
  const reach = timelineReachYears * 12;
  let first = todayMonth - 3;
  let last = todayMonth + 12;
  for (const date of args.dates) {
    if (!dayNumbers.has(date) && !isCalendarDate(date)) continue;
    const month = monthIndex(date);
    first = Math.min(first, Math.max(month, todayMonth - reach));
    last = Math.max(last, Math.min(month, todayMonth + reach));
  }
  // Whole units of the coarsest band shown: quarters for months and quarters, years for the year zoom.
  const unit = zoom === 'year' ? 12 : 3;
  first -= ((first % unit) + unit) % unit;
  last += unit - 1 - (((last % unit) + unit) % unit);
  const dayWidth = dayWidths[zoom];
  const startDate = monthStart(first);
  const origin = dayOf(startDate);
  // A scale narrower than its box runs on into the future, rather than stopping short of the box's edge.
  while ((dayOf(monthEnd(last)) - origin + 1) * dayWidth < (args.minWidth ?? 0) && last - first < 2 * reach) last += unit;
  const endDate = monthEnd(last);
  const xOf = (date: string) => (dayOf(date) - origin) * dayWidth;
  const width = (dayOf(endDate) - origin + 1) * dayWidth;
  const tick = (from: number, months: number, period: TimelinePeriod, key: string): TimelineTick => {
    const start = monthStart(from);
    const next = monthStart(from + months);
    return { key, period, startDate: start, x: xOf(start), width: xOf(next) - xOf(start), current: todayMonth >= from && todayMonth < from + months };
  };
  const quarters: TimelineTick[] = [];
  const months: TimelineTick[] = [];
  const years: TimelineTick[] = [];
  for (let month = first; month <= last; month += 1) {
    const year = Math.floor(month / 12);
    const inYear = month - year * 12;
    months.push(tick(month, 1, { kind: 'month', year, month: inYear + 1 }, `${year}-${pad(inYear + 1)}`));
    if (inYear % 3 === 0) {
      const quarter = inYear / 3 + 1;
      quarters.push(tick(month, 3, { kind: 'quarter', year, quarter }, `${year}-Q${quarter}`));
    }
    if (inYear === 0 || month === first) {
      const span = Math.min(12 - inYear, last - month + 1);
      years.push(tick(month, span, { kind: 'year', year }, String(year)));
    }
  }
  const [major, minor] = zoom === 'months' ? [quarters, months] : [years, quarters];
  return { zoom, startDate, endDate, dayWidth, width, today, todayX: xOf(today), major, minor };
}

/** Where a day starts on the scale, in px (days before the scale give negative x). */
export function xOfDate(scale: Pick<TimelineScale, 'startDate' | 'dayWidth'>, date: string): number {
  return (dayOf(date) - dayOf(scale.startDate)) * scale.dayWidth;
}

/** The day under a position on the scale. */
export function dateAtX(scale: Pick<TimelineScale, 'startDate' | 'dayWidth'>, x: number): string {
  return shiftDate(scale.startDate, Math.floor(x / scale.dayWidth));
}

/** A bar's left edge and width: from the start of its first day to the end of its last day. */
export function barGeometry(scale: Pick<TimelineScale, 'startDate' | 'dayWidth'>, startDate: string, endDate: string): { x: number; width: number } {
  const x = xOfDate(scale, startDate);
  return { x, width: xOfDate(scale, endDate) - x + scale.dayWidth };
}

/** A pointer's travel in px as whole days, rounded to the zoom's snap (so a bar never lands between days). */
export function dragDays(zoom: TimelineZoom, dx: number): number {
  const step = snapDays(zoom);
  const days = Math.round(dx / dayWidths[zoom] / step) * step;
  return days === 0 ? 0 : days; // never -0
}

/** What an edit moves: the whole bar, or one of its ends. */
export type BarEdit = 'move' | 'start' | 'end';

export interface Span {
  startDate: string;
  endDate: string;
}

/**
 * A span after moving it, or one of its ends, by `days`. An end never crosses the other: the bar
 * is at least one day long (start = end). Bounded to `firstYear`…`lastYear`, as stored dates are.
 */
export function shiftSpan(span: Span, edit: BarEdit, days: number, bounds: { firstYear: number; lastYear: number }): Span {
  const min = `${String(bounds.firstYear).padStart(4, '0')}-01-01`;
  const max = `${String(bounds.lastYear).padStart(4, '0')}-12-31`;
  const clamp = (date: string) => (date < min ? min : date > max ? max : date);
  if (edit === 'move') {
    const length = dayOf(span.endDate) - dayOf(span.startDate);
    let start = clamp(shiftDate(span.startDate, days));
    if (shiftDate(start, length) > max) start = shiftDate(max, -length);
    return { startDate: start, endDate: shiftDate(start, length) };
  }
  if (edit === 'start') {
    const start = clamp(shiftDate(span.startDate, days));
    return { startDate: start > span.endDate ? span.endDate : start, endDate: span.endDate };
  }
  const end = clamp(shiftDate(span.endDate, days));
  return { startDate: span.startDate, endDate: end < span.startDate ? span.startDate : end };
}

/**
 * The span a bar draws for an item: its dates, or the one date it has as a single day. Undefined
 * for an item without dates (the timeline lists those apart).
 */
export function itemSpan(item: { startDate?: string; endDate?: string }): Span | undefined {
  const start = item.startDate ?? item.endDate;
  const end = item.endDate ?? item.startDate;
  if (start === undefined || end === undefined) return undefined;
  return start <= end ? { startDate: start, endDate: end } : { startDate: end, endDate: start };
}

/** Where the timeline opens: today a third of the way in from the left, within the scale. */
export function openingScrollLeft(scale: Pick<TimelineScale, 'todayX' | 'width'>, viewportWidth: number): number {
  return Math.max(0, Math.min(scale.width - viewportWidth, Math.round(scale.todayX - viewportWidth / 3)));
}

/** Whole days since 1970-01-01 → YYYY-MM-DD, shifted. */
export function shiftDate(date: string, days: number): string {
  return new Date((dayOf(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `dayNumber`, remembered: a timeline of 1,000 items asks for the same few hundred days on every
 * render and zoom, and parsing them each time costs more than the 200 ms a render may take on a
 * busy machine. Bounded, so a long session cannot grow it without end.
 */
const dayNumbers = new Map<string, number>();
function dayOf(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = dayNumber(date);
    if (dayNumbers.size >= 50_000) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

const pad = (value: number) => String(value).padStart(2, '0');
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const monthStart = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}-01`;
function monthEnd(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}
