/**
 * The timeline scale's ticks in the reader's locale: Intl's months and years ("Jan 2027",
 * "Jan. 2027", "2027年1月"), the formats catalog's quarters ("Q3 2026", "2026年第3四半期").
 */
import type { TimelinePeriod } from '../../../../../src/domain/timeline';
import { formatCalendarYear, formatMonth, formatMonthLong, formatQuarter, formatQuarterLong } from '../../../../shared/format';

const firstDayOf = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;

/** What the tick shows. */
export function tickLabel(period: TimelinePeriod): string {
  switch (period.kind) {
    case 'month':
      return formatMonth(firstDayOf(period.year, period.month));
    case 'quarter':
      return formatQuarter(period.quarter, period.year);
    case 'year':
      return formatCalendarYear(period.year);
  }
}

/** The same spelled out, for screen readers and tooltips ("January 2027", "3. Quartal 2026"). */
export function tickLongLabel(period: TimelinePeriod): string {
  switch (period.kind) {
    case 'month':
      return formatMonthLong(firstDayOf(period.year, period.month));
    case 'quarter':
      return formatQuarterLong(period.quarter, period.year);
    case 'year':
      return formatCalendarYear(period.year);
  }
}
