/** static/shared/format.ts in German and Japanese: Intl's numbers, percentages, dates and relative times. */
import { formatCompact, formatDay, formatInstant, formatLocale, formatNumber, formatPercent, formatPoints, formatRelative, formatShortDay, formatValue, localToday, setFormatLocale } from '../../../static/shared/format';
import { relativeTime } from '../../../static/shared/relative-time';

const german = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
const japanese = { locale: 'ja-JP', timeZone: 'Asia/Tokyo' };
const NOW = Date.parse('2026-12-07T12:00:00Z');
// Intl puts a narrow no-break space (U+202F) or no-break space (U+00A0) where English has none.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => setFormatLocale({}));

describe('numbers, percentages and story points', () => {
  test('German: comma decimals, dot thousands, a spaced percent sign', () => {
    expect(formatNumber(1234.5, german)).toBe('1.234,5');
    expect(plain(formatPercent(0.42, german))).toBe('42 %');
    expect(formatPoints(18.375, german)).toBe('18,4');
    expect(plain(formatCompact(1_250_000, german))).toBe('1,3 Mio.');
    expect(plain(formatValue(3.5, 'Tage', german))).toBe('3,5 Tage');
  });

  test('Japanese: dot decimals, comma thousands, percent sign unspaced', () => {
    expect(formatNumber(1234.5, japanese)).toBe('1,234.5');
    expect(formatPercent(0.42, japanese)).toBe('42%');
    expect(formatPoints(18.375, japanese)).toBe('18.4');
    expect(formatCompact(12_500, japanese)).toBe('1.3万');
  });
});

describe('dates', () => {
  test('calendar days in the locale’s own order and month names, never shifted by the zone', () => {
    expect(formatDay('2026-03-05', german)).toBe('5. März 2026');
    expect(formatShortDay('2026-03-05', german)).toBe('5. März');
    expect(formatDay('2026-03-05', japanese)).toBe('2026年3月5日');
    expect(formatShortDay('2026-03-05', japanese)).toBe('3月5日');
  });

  test('instants in the reader’s Jira time zone', () => {
    expect(plain(formatInstant('2026-12-07T23:30:00Z', german))).toBe('8. Dez. 2026, 0:30');
    expect(formatInstant('2026-12-07T23:30:00Z', japanese)).toBe('2026年12月8日 8:30');
  });

  test('today is the reader’s day in their Jira zone, whatever the browser’s', () => {
    const lateUtc = new Date('2026-12-07T23:30:00Z');
    expect(localToday(lateUtc, japanese)).toBe('2026-12-08');
    expect(localToday(lateUtc, { timeZone: 'America/Los_Angeles' })).toBe('2026-12-07');
  });
});

describe('relative times', () => {
  test('German and Japanese words for yesterday and hours ago', () => {
    expect(formatRelative('2026-12-06T12:00:00Z', NOW, german)).toBe('gestern');
    expect(formatRelative('2026-12-07T09:00:00Z', NOW, german)).toBe('vor 3 Stunden');
    expect(formatRelative('2026-12-06T12:00:00Z', NOW, japanese)).toBe('昨日');
    expect(formatRelative('2026-12-07T09:00:00Z', NOW, japanese)).toBe('3 時間前');
  });
});

describe('the reader’s locale, set once at boot', () => {
  test('formats given no locale follow setFormatLocale, relativeTime included', () => {
    setFormatLocale(german);
    expect(formatLocale()).toEqual(german);
    expect(formatNumber(0.5)).toBe('0,5');
    expect(formatDay('2026-10-01')).toBe('1. Okt. 2026');
    expect(relativeTime('2026-12-07T09:00:00Z', NOW)).toBe('vor 3 Stunden');
    setFormatLocale(japanese);
    expect(formatNumber(0.5)).toBe('0.5');
    expect(relativeTime('2026-12-06T12:00:00Z', NOW)).toBe('昨日');
  });
});
