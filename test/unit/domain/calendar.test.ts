import { dayNumber, daysBetween, isCalendarDate } from '../../../src/domain/calendar';

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
