/**
 * Calendar words Intl has no format for: a quarter ("Q3 2026", "3. Quartal 2026", "2026年第3四半期"),
 * and the roadmap column of what has no dates.
 * Months, days, years and numbers come from Intl itself (static/shared/format.ts). A small module of
 * its own: format.ts is in every bundle.
 */
import english from './formats.en-US.json';
import { catalog } from './runtime';

const t = catalog('formats', english);

// A year and a quarter are labels, not amounts: strings, so no locale groups them (2.026).
export const formats = {
  quarter: (quarter: number, year: number) => t('quarter', { quarter: String(quarter), year: String(year) }),
  quarterLong: (quarter: number, year: number) => t('quarterLong', { quarter: String(quarter), year: String(year) }),
  /** A quarter where the year is said beside it (the goal form's quarter picker). */
  quarterOfYear: (quarter: number) => t('quarterOfYear', { quarter: String(quarter) }),
  /** The column of dated layouts for items without dates. */
  get unscheduled() {
    return t('unscheduled');
  },
};
