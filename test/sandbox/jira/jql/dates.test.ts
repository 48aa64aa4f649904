import { evaluateDateFunction, firstDayOfWeekFor, parseDateLiteral, toMinute } from './dates';
import { NOW } from './test-site';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('parseDateLiteral (now is Wednesday 2025-03-12 10:30 UTC)', () => {
  it.each<[string, number]>([
    ['2025-03-01', at('2025-03-01T00:00:00Z')],
    ['2025/03/01', at('2025-03-01T00:00:00Z')],
    ['2025-3-1', at('2025-03-01T00:00:00Z')],
    ['2025-03-01 14:05', at('2025-03-01T14:05:00Z')],
    ['2025/03/01 9:05', at('2025-03-01T09:05:00Z')],
    ['2024-02-29', at('2024-02-29T00:00:00Z')],
    ['-5d', NOW.getTime() - 5 * DAY],
    ['4w 2d', NOW.getTime() + 30 * DAY],
    ['-4h', NOW.getTime() - 4 * 60 * MINUTE],
    ['-15m', NOW.getTime() - 15 * MINUTE],
    ['+1w', NOW.getTime() + 7 * DAY],
    ['-2w', NOW.getTime() - 14 * DAY],
  ])('reads %p', (text, expected) => {
    expect(parseDateLiteral(text, NOW)).toBe(expected);
  });

  it.each([
    ['a day past the month’s end', '2025-02-30'],
    ['a thirteenth month', '2025-13-01'],
    ['a 24th hour', '2025-03-01 24:00'],
    ['mixed separators', '2025-03/01'],
    ['a word', 'yesterday'],
    ['a month period, which only functions take', '-1M'],
    ['a two-digit year', '25-03-01'],
    ['an ISO timestamp', '2025-03-01T10:00:00Z'],
  ])('refuses %s', (_, text) => {
    expect(parseDateLiteral(text, NOW)).toBeUndefined();
  });
});

describe('evaluateDateFunction (now is Wednesday 2025-03-12 10:30 UTC)', () => {
  it.each<[string, string[], 0 | 1, string]>([
    ['now', [], 0, '2025-03-12T10:30:00.000Z'],
    ['startOfDay', [], 0, '2025-03-12T00:00:00.000Z'],
    ['startOfDay', ['-7d'], 0, '2025-03-05T00:00:00.000Z'],
    ['startOfDay', ['-1'], 0, '2025-03-11T00:00:00.000Z'],
    ['startOfDay', ['+1'], 0, '2025-03-13T00:00:00.000Z'],
    ['startOfDay', ['-4h'], 0, '2025-03-11T20:00:00.000Z'],
    ['endOfDay', [], 0, '2025-03-12T23:59:59.999Z'],
    ['endOfDay', ['-1'], 0, '2025-03-11T23:59:59.999Z'],
    ['startOfWeek', [], 0, '2025-03-09T00:00:00.000Z'],
    ['startOfWeek', [], 1, '2025-03-10T00:00:00.000Z'],
    ['startOfWeek', ['-1'], 0, '2025-03-02T00:00:00.000Z'],
    ['endOfWeek', [], 0, '2025-03-15T23:59:59.999Z'],
    ['endOfWeek', [], 1, '2025-03-16T23:59:59.999Z'],
    ['startOfMonth', [], 0, '2025-03-01T00:00:00.000Z'],
    ['startOfMonth', ['-1'], 0, '2025-02-01T00:00:00.000Z'],
    ['startOfMonth', ['-1M'], 0, '2025-02-01T00:00:00.000Z'],
    ['startOfMonth', ['+14d'], 0, '2025-03-15T00:00:00.000Z'],
    ['endOfMonth', [], 0, '2025-03-31T23:59:59.999Z'],
    ['endOfMonth', ['-1'], 0, '2025-02-28T23:59:59.999Z'],
    ['startOfYear', [], 0, '2025-01-01T00:00:00.000Z'],
    ['endOfYear', [], 0, '2025-12-31T23:59:59.999Z'],
    ['startOfYear', ['-1'], 0, '2024-01-01T00:00:00.000Z'],
    ['STARTOFDAY', [], 0, '2025-03-12T00:00:00.000Z'],
  ])('evaluates %s(%p) with weeks starting on day %p', (name, args, firstDay, expected) => {
    expect(evaluateDateFunction(name, args, NOW, firstDay)).toEqual({ ok: true, ms: at(expected) });
  });

  it('moves a month-end by whole months, whatever the months’ lengths', () => {
    const endOfApril = new Date('2025-04-15T00:00:00Z');
    expect(evaluateDateFunction('endOfMonth', ['-1'], endOfApril, 0)).toEqual({
      ok: true,
      ms: at('2025-03-31T23:59:59.999Z'),
    });
  });

  it.each<[string, string[], 'arity' | 'duration']>([
    ['now', ['1'], 'arity'],
    ['startOfDay', ['1', '2'], 'arity'],
    ['startOfDay', ['soon'], 'duration'],
    ['startOfDay', ['1x'], 'duration'],
  ])('refuses %s(%p)', (name, args, error) => {
    expect(evaluateDateFunction(name, args, NOW, 0)).toEqual({ ok: false, error });
  });
});

describe('firstDayOfWeekFor', () => {
  it.each<[string | undefined, 0 | 1]>([
    ['en_US', 0],
    ['en-US', 0],
    ['ja_JP', 0],
    ['en_GB', 1],
    ['de_DE', 1],
    ['fr', 0],
    [undefined, 0],
  ])('starts weeks for %p on day %p', (locale, expected) => {
    expect(firstDayOfWeekFor(locale)).toBe(expected);
  });
});

describe('toMinute', () => {
  it('drops seconds and milliseconds', () => {
    expect(toMinute(at('2025-03-12T10:30:59.999Z'))).toBe(at('2025-03-12T10:30:00.000Z'));
  });
});
