import { dayIn, dayNumber, daysBetween, isCalendarDate } from '../../../src/domain/calendar';

describe('calendar dates', () => {
  test.each([
    ['2026-11-20', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['20261120', false],
    ['2026-11-20T00:00:00Z', false],
    ['', false],
  ])('%s is a calendar date: %s', (text, valid) => {
    expect(isCalendarDate(text)).toBe(valid);
  });

  test('days between, across month, year and leap day', () => {
    expect(daysBetween('2026-01-31', '2026-02-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  test('refuses to count with something that is not a date', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
  });
});

describe('dayIn', () => {
  test.each([
    ['2026-11-10T22:00:00.000Z', 'Australia/Sydney', '2026-11-11'],
    ['2026-11-11T09:00:00.000+11:00', 'Australia/Sydney', '2026-11-11'],
    ['2026-11-11T09:00:00.000+11:00', 'UTC', '2026-11-10'],
    ['2026-11-11T09:00:00.000+11:00', 'America/Los_Angeles', '2026-11-10'],
    ['2026-11-20T07:59:00.000Z', 'America/Los_Angeles', '2026-11-19'],
    ['2026-11-20T08:00:00.000Z', 'America/Los_Angeles', '2026-11-20'],
    // Sydney's DST starts at 02:00 on 4 Oct 2026 (16:00 UTC the day before): 23:59 that evening is still the 4th.
    ['2026-10-04T12:59:00.000Z', 'Australia/Sydney', '2026-10-04'],
    ['2026-10-04T13:00:00.000Z', 'Australia/Sydney', '2026-10-05'],
    // …and ends at 03:00 on 5 Apr 2026: midnight after that 25-hour day is 14:00 UTC.
    ['2026-04-05T13:59:00.000Z', 'Australia/Sydney', '2026-04-05'],
    ['2026-04-05T14:00:00.000Z', 'Australia/Sydney', '2026-04-06'],
  ])('%s is %s… day %s', (instant, zone, day) => {
    expect(dayIn(Date.parse(instant), zone)).toBe(day);
  });

  test.each([undefined, 'Mars/Olympus'])('without a usable zone (%s), takes UTC’s day', (zone) => {
    expect(dayIn(Date.parse('2026-11-10T22:00:00.000Z'), zone)).toBe('2026-11-10');
  });

  test('refuses what is not an instant', () => {
    expect(() => dayIn(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});
