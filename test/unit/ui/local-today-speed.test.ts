import { formatNearDays, localToday, setFormatLocale } from '../../../static/shared/format';

/**
 * Every roadmap card's dates, forecast and release risks ask for "today" in the reader's Jira
 * zone: a 1,000-item board asks thousands of times per layout switch. Building an
 * Intl.DateTimeFormat per ask cost ~65 ms of a 150 ms switch (test/bench/roadmap-render.bench.ts).
 */
describe('localToday in the reader’s zone', () => {
  afterEach(() => setFormatLocale({}));

  it('answers each zone its own day when zones alternate', () => {
    const lateUtc = new Date('2026-12-07T23:30:00Z');
    for (let i = 0; i < 3; i += 1) {
      expect(localToday(lateUtc, { timeZone: 'Asia/Tokyo' })).toBe('2026-12-08');
      expect(localToday(lateUtc, { timeZone: 'America/Los_Angeles' })).toBe('2026-12-07');
      expect(localToday(lateUtc, { timeZone: 'UTC' })).toBe('2026-12-07');
    }
  });

  it('costs microseconds per card, not a new formatter each (5,000 card date ranges well under 100 ms)', () => {
    setFormatLocale({ locale: 'en-GB', timeZone: 'Europe/Berlin' });
    formatNearDays('2026-03-01', '2026-06-30');
    const start = performance.now();
    for (let i = 0; i < 5_000; i += 1) formatNearDays('2026-03-01', '2026-06-30');
    // A new formatter per ask took ~330 ms here on the bench machine; the kept one ~5 ms.
    expect(performance.now() - start).toBeLessThan(100);
  });
});
