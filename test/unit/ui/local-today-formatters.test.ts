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

  // The cost itself is measured by the bench (test/bench/roadmap-render.bench.ts); what this test
  // holds is its cause: formatters are kept, not built per card. The real Intl runs; the proxy counts.
  it('builds a handful of formatters for 5,000 card date ranges, not one per card', () => {
    setFormatLocale({ locale: 'en-GB', timeZone: 'Europe/Berlin' });
    const realDateTimeFormat = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(realDateTimeFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        built += 1;
        return new target(...args);
      },
      apply(target, _this, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        built += 1;
        return target(...args);
      },
    });
    try {
      const first = formatNearDays('2026-03-01', '2026-06-30');
      for (let i = 0; i < 5_000; i += 1) expect(formatNearDays('2026-03-01', '2026-06-30')).toEqual(first);
    } finally {
      Intl.DateTimeFormat = realDateTimeFormat;
    }
    expect(built).toBeLessThan(10);
  });
});
