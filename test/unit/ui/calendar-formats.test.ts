/**
 * Issue 12, part 3: months, quarters, years and week starts in the reader's locale. The domain gives
 * the roadmap's columns and the timeline's ticks as data; these helpers say them with Intl (and the
 * formats catalog for quarters, which Intl has no field for), in German and Japanese as in English.
 */
import { readFileSync } from 'node:fs';
import type { RoadmapView } from '../../../src/contract';
import { timelineScale } from '../../../src/domain/timeline';
import { formatCalendarYear, formatMonth, formatMonthLong, formatQuarter, formatQuarterLong, readerTimeZone, setFormatLocale, weekStartFallback, weekStartOf } from '../../../static/shared/format';
import { setLoadedTexts } from '../../../static/shared/messages/runtime';
import { columnLabel, layoutColumns } from '../../../static/product/src/roadmap/board-model';
import { tickLabel, tickLongLabel } from '../../../static/product/src/roadmap/timeline/tick-label';

const german = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
const japanese = { locale: 'ja-JP', timeZone: 'Asia/Tokyo' };
const english = { locale: 'en-US', timeZone: 'America/New_York' };
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The reader's locale as boot sets it: formats, and the texts Forge serves (locales/<locale>.json). */
function readIn(reader: { locale: string; timeZone: string }) {
  setFormatLocale(reader);
  const texts = JSON.parse(readFileSync(new URL(`../../../locales/${reader.locale}.json`, import.meta.url), 'utf8')) as never;
  setLoadedTexts(reader.locale === 'en-US' ? undefined : { locale: reader.locale, texts });
}
afterEach(() => {
  setFormatLocale({});
  setLoadedTexts(undefined);
});

describe.each([
  // locale, month, month long, year, quarter, quarter long, a two-week period's first day
  [english, 'Jan 2027', 'January 2027', '2027', 'Q3 2026', 'Quarter 3 2026', 'Mar 1'],
  [german, 'Jan. 2027', 'Januar 2027', '2027', 'Q3 2026', '3. Quartal 2026', '1. März'],
  [japanese, '2027年1月', '2027年1月', '2027年', '2026年第3四半期', '2026年第3四半期', '3月1日'],
])('$locale', (reader, month, monthLong, year, quarter, quarterLong, period) => {
  beforeEach(() => readIn(reader));

  test('months, years and quarters', () => {
    expect(formatMonth('2027-01-31')).toBe(month);
    expect(formatMonthLong('2027-01-01')).toBe(monthLong);
    expect(formatCalendarYear(2027)).toBe(year);
    expect(formatQuarter(3, 2026)).toBe(quarter);
    expect(formatQuarterLong(3, 2026)).toBe(quarterLong);
  });

  test('the timeline’s ticks', () => {
    expect(tickLabel({ kind: 'month', year: 2027, month: 1 })).toBe(month);
    expect(tickLongLabel({ kind: 'month', year: 2027, month: 1 })).toBe(monthLong);
    expect(tickLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe(quarter);
    expect(tickLabel({ kind: 'year', year: 2027 })).toBe(year);
    // A whole scale says every tick in the locale: no English month left.
    const scale = timelineScale({ zoom: 'months', today: '2027-02-10', dates: [] });
    const shown = scale.minor.map((tick) => tickLabel(tick.period)).join(' ');
    if (reader.locale !== 'en-US') expect(shown).not.toMatch(/\b(May|Jun|Jul|Oct|Dec)\b/);
  });

  test('the roadmap’s column heads', () => {
    expect(columnLabel({ kind: 'quarter', year: 2026, quarter: 3 })).toBe(quarter);
    expect(columnLabel({ kind: 'month', year: 2027, month: 1 })).toBe(month);
    expect(plain(columnLabel({ kind: 'period', startDate: '2027-03-01' }))).toBe(period);
    expect(columnLabel({ kind: 'sprint', name: 'THR Sprint 7' })).toBe('THR Sprint 7');
    const heads = layoutColumns({ items: [], sprints: [], today: '2026-08-12' }, 'quarters').map((column) => column.label);
    expect(heads).toContain(quarter);
  });
});

describe('week starts', () => {
  test.each([
    ['de-DE', 1],
    ['ja-JP', 7],
    ['en-US', 7],
    ['en-GB', 1],
  ] as const)('%s weeks start on ISO day %i, as Intl.Locale weekInfo says and the fallback table agrees', (locale, first) => {
    expect(weekStartOf(locale)).toBe(first);
    expect(weekStartFallback[locale]).toBe(first);
  });

  test('a tag Intl.Locale refuses falls back to ISO 8601’s Monday', () => {
    expect(weekStartOf('not a locale')).toBe(1);
  });

  test('a project without sprints gets two-week periods from the first day of the reader’s week', () => {
    // 2026-12-07 is a Monday: a German reader's period starts that day, a Japanese or American reader's the Sunday before.
    const view = { items: [], sprints: [], today: '2026-12-09' } satisfies Pick<RoadmapView, 'items' | 'sprints' | 'today'>;
    readIn(german);
    expect(layoutColumns(view, 'timeline').find((column) => column.when === 'current')).toMatchObject({ startDate: '2026-12-07', endDate: '2026-12-20' });
    readIn(japanese);
    expect(layoutColumns(view, 'timeline').find((column) => column.when === 'current')).toMatchObject({ startDate: '2026-12-06', endDate: '2026-12-19', label: '12月6日' });
    readIn(english);
    expect(layoutColumns(view, 'timeline').find((column) => column.when === 'current')).toMatchObject({ startDate: '2026-12-06', label: 'Dec 6' });
  });
});

test('the reader’s zone is their Jira profile’s (the Forge context), not the browser’s', () => {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const elsewhere = browser === 'Pacific/Kiritimati' ? 'America/Los_Angeles' : 'Pacific/Kiritimati';
  setFormatLocale({ locale: 'de-DE', timeZone: elsewhere });
  expect(readerTimeZone()).toBe(elsewhere);
  setFormatLocale({});
  expect(readerTimeZone()).toBe(browser);
});
