import { applyMove } from '../../../src/domain/roadmap';
import type { MoveContext, Placement, RoadmapMove } from '../../../src/domain/roadmap';
import {
  barGeometry,
  dateAtX,
  dragDays,
  itemSpan,
  keyboardStepDays,
  openingScrollLeft,
  shiftSpan,
  snapDays,
  timelineScale,
  xOfDate,
} from '../../../src/domain/timeline';
import { columnTargetSchema, roadmapMoveSchema } from '../../../src/validation/roadmap-inputs';
import { limits } from '../../../src/validation/limits';
import { sayCoded } from '../../../src/i18n/server-texts';

const goals: MoveContext = { mode: 'goals', laneIds: new Set(['goal-a']) };
const placement = (overrides: Partial<Placement> = {}): Placement => ({ horizon: 'now', rank: 'm', goalId: 'goal-a', ...overrides });
const spanMove = (startDate: string, endDate: string, overrides: Partial<RoadmapMove> = {}): RoadmapMove => ({
  itemId: 'item-1',
  lane: 'goal-a',
  column: { kind: 'span', startDate, endDate },
  afterId: null,
  beforeId: null,
  ...overrides,
});
const bounds = { firstYear: limits.firstYear, lastYear: limits.lastYear };

describe('a span move (exact dates from the timeline)', () => {
  test.each([
    ['sets both dates exactly and keeps the rank', placement({ startDate: '2027-01-10', endDate: '2027-01-20' }), spanMove('2027-02-03', '2027-03-04'), { startDate: '2027-02-03', endDate: '2027-03-04', rank: 'm', horizon: 'now' }, 'move'],
    ['dates an undated item', placement(), spanMove('2027-02-03', '2027-02-03'), { startDate: '2027-02-03', endDate: '2027-02-03', rank: 'm' }, 'move'],
    ['completes an item that had only a start', placement({ startDate: '2027-02-03' }), spanMove('2027-02-03', '2027-02-10'), { startDate: '2027-02-03', endDate: '2027-02-10' }, 'move'],
    ['the same dates are a reorder that changes nothing', placement({ startDate: '2027-02-03', endDate: '2027-02-10' }), spanMove('2027-02-03', '2027-02-10'), { rank: 'm' }, 'reorder'],
  ] as const)('%s', (_, item, move, expected, kind) => {
    const outcome = applyMove({ item, move, context: goals });
    expect(outcome).toMatchObject({ ok: true, kind, placement: expected });
  });

  test('with neighbours named it takes a rank between them, as any move does', () => {
    const outcome = applyMove({ item: placement(), move: spanMove('2027-02-03', '2027-02-04', { afterId: 'a', beforeId: 'b' }), after: placement({ rank: 'c' }), before: placement({ rank: 'e' }), context: goals });
    expect(outcome.ok && outcome.placement.rank > 'c' && outcome.placement.rank < 'e').toBe(true);
  });

  test.each([
    ['an end before the start', spanMove('2027-03-01', '2027-02-01')],
    ['a day that does not exist', spanMove('2027-02-29', '2027-03-01')],
  ])('the domain refuses %s', (_, move) => {
    expect(applyMove({ item: placement(), move, context: goals })).toEqual({ ok: false, reason: 'bad-dates' });
  });

  test.each([
    ['a valid span', { kind: 'span', startDate: '2027-02-03', endDate: '2027-02-03' }, undefined],
    ['an end before the start', { kind: 'span', startDate: '2027-03-01', endDate: '2027-02-01' }, 'The end date must be on or after the start date.'],
    ['a missing end', { kind: 'span', startDate: '2027-03-01' }, 'Enter a date as YYYY-MM-DD.'],
    ['an impossible day', { kind: 'span', startDate: '2027-02-30', endDate: '2027-03-01' }, 'Enter a real date as YYYY-MM-DD.'],
    ['a year beyond the bounds', { kind: 'span', startDate: '2027-01-01', endDate: '2207-01-01' }, `Enter a date between ${limits.firstYear} and ${limits.lastYear}.`],
    ['a year before the bounds', { kind: 'span', startDate: '1999-12-31', endDate: '2027-01-01' }, `Enter a date between ${limits.firstYear} and ${limits.lastYear}.`],
    ['a date with a time', { kind: 'span', startDate: '2027-01-01T00:00', endDate: '2027-01-02' }, 'Enter a real date as YYYY-MM-DD.'],
  ])('validation: %s', (_, column, message) => {
    const parsed = columnTargetSchema.safeParse(column);
    if (message === undefined) expect(parsed.success).toBe(true);
    // Schema messages are text keys; said outside a call, in English.
    else expect(parsed.error?.issues.map((issue) => sayCoded(issue.message))).toContain(message);
  });

  test('a whole move payload with a span parses as the server receives it', () => {
    expect(roadmapMoveSchema.parse(spanMove('2027-02-03', '2027-02-05'))).toEqual(spanMove('2027-02-03', '2027-02-05'));
  });
});

describe('timelineScale', () => {
  test.each([
    // zoom, today, dates, first day, last day, first tick of each band (data: the UI says it in the reader's locale)
    ['months', '2027-02-10', [], '2026-10-01', '2028-03-31', { kind: 'quarter', year: 2026, quarter: 4 }, { kind: 'month', year: 2026, month: 10 }],
    ['quarters', '2027-02-10', [], '2026-10-01', '2028-03-31', { kind: 'year', year: 2026 }, { kind: 'quarter', year: 2026, quarter: 4 }],
    ['year', '2027-02-10', [], '2026-01-01', '2028-12-31', { kind: 'year', year: 2026 }, { kind: 'quarter', year: 2026, quarter: 1 }],
    ['months', '2027-02-10', ['2025-05-20', '2029-01-02'], '2025-04-01', '2029-03-31', { kind: 'quarter', year: 2025, quarter: 2 }, { kind: 'month', year: 2025, month: 4 }],
    ['months', '2027-02-10', ['2001-01-01', '2099-01-01'], '2022-01-01', '2032-03-31', { kind: 'quarter', year: 2022, quarter: 1 }, { kind: 'month', year: 2022, month: 1 }],
  ] as const)('%s around %s with %j: %s … %s', (zoom, today, dates, start, end, firstMajor, firstMinor) => {
    const scale = timelineScale({ zoom, today, dates });
    expect([scale.startDate, scale.endDate]).toEqual([start, end]);
    expect(scale.major[0]!.period).toEqual(firstMajor);
    expect(scale.minor[0]!.period).toEqual(firstMinor);
  });

  test('ticks tile the scale without gaps, and exactly one tick of each band holds today', () => {
    for (const zoom of ['months', 'quarters', 'year'] as const) {
      const scale = timelineScale({ zoom, today: '2027-02-10', dates: ['2028-07-01'] });
      for (const band of [scale.major, scale.minor]) {
        expect(band[0]!.x).toBe(0);
        band.slice(1).forEach((tick, i) => expect(tick.x).toBeCloseTo(band[i]!.x + band[i]!.width));
        expect(band.at(-1)!.x + band.at(-1)!.width).toBeCloseTo(scale.width);
        expect(band.filter((tick) => tick.current)).toHaveLength(1);
      }
      expect(scale.todayX).toBeCloseTo(xOfDate(scale, '2027-02-10'));
    }
  });

  test('every tick carries its year, so a two-year roadmap is never ambiguous', () => {
    const scale = timelineScale({ zoom: 'months', today: '2027-11-10', dates: [] });
    expect(scale.minor.every((tick) => Number.isInteger(tick.period.year))).toBe(true);
    expect(scale.minor.find((tick) => tick.current)).toMatchObject({ key: '2027-11', period: { kind: 'month', year: 2027, month: 11 } });
  });

  test('a scale narrower than its box runs on in whole units until it fills it', () => {
    const narrow = timelineScale({ zoom: 'year', today: '2027-02-10', dates: [] });
    const filled = timelineScale({ zoom: 'year', today: '2027-02-10', dates: [], minWidth: narrow.width + 1 });
    expect(filled.startDate).toBe(narrow.startDate);
    expect(filled.endDate).toBe('2029-12-31');
    expect(filled.width).toBeGreaterThanOrEqual(narrow.width + 1);
    expect(timelineScale({ zoom: 'year', today: '2027-02-10', dates: [], minWidth: 1e9 }).endDate).toBe('2036-12-31');
  });

  test('refuses a today that is not a date (a bug, not a user error)', () => {
    expect(() => timelineScale({ zoom: 'months', today: 'tomorrow', dates: [] })).toThrow(RangeError);
  });
});

describe('dates and positions', () => {
  const scale = timelineScale({ zoom: 'months', today: '2027-02-10', dates: [] });
  test.each([
    ['2026-10-01', 0],
    ['2026-10-02', 5],
    ['2026-11-01', 31 * 5],
    ['2026-09-30', -5],
  ])('%s starts at x = %d', (date, x) => {
    expect(xOfDate(scale, date)).toBe(x);
    expect(dateAtX(scale, x)).toBe(date);
    expect(dateAtX(scale, x + 4.9)).toBe(date);
  });

  test('a bar runs from the start of its first day to the end of its last', () => {
    expect(barGeometry(scale, '2026-10-02', '2026-10-02')).toEqual({ x: 5, width: 5 });
    expect(barGeometry(scale, '2026-10-01', '2026-10-10')).toEqual({ x: 0, width: 50 });
  });

  test.each([
    ['months', 12, 2],
    ['months', 13, 3],
    ['months', -2, 0],
    ['months', -3, -1],
    ['quarters', 13, 7],
    ['quarters', 6, 3],
    ['year', 7.7, 7],
    ['year', 3, 0],
  ] as const)('a %s drag of %d px is %d days', (zoom, dx, days) => {
    expect(dragDays(zoom, dx)).toBe(days);
  });

  test.each([
    ['months', 1, 1],
    ['quarters', 7, 1],
    ['year', 7, 7],
  ] as const)('at %s an arrow key moves %d days, a drag snaps to %d', (zoom, step, snap) => {
    expect(keyboardStepDays(zoom)).toBe(step);
    expect(snapDays(zoom)).toBe(snap);
  });

  test('opens with today a third in, within the scale', () => {
    expect(openingScrollLeft({ todayX: 1000, width: 5000 }, 900)).toBe(700);
    expect(openingScrollLeft({ todayX: 100, width: 5000 }, 900)).toBe(0);
    expect(openingScrollLeft({ todayX: 4900, width: 5000 }, 900)).toBe(4100);
  });
});

describe('shiftSpan', () => {
  const span = { startDate: '2027-01-10', endDate: '2027-01-20' };
  test.each([
    ['moves the whole bar, keeping its length', 'move', 7, { startDate: '2027-01-17', endDate: '2027-01-27' }],
    ['moves it back across a month', 'move', -10, { startDate: '2026-12-31', endDate: '2027-01-10' }],
    ['moves the start', 'start', -3, { startDate: '2027-01-07', endDate: '2027-01-20' }],
    ['moves the end', 'end', 1, { startDate: '2027-01-10', endDate: '2027-01-21' }],
    ['never moves the start past the end', 'start', 30, { startDate: '2027-01-20', endDate: '2027-01-20' }],
    ['never moves the end before the start', 'end', -30, { startDate: '2027-01-10', endDate: '2027-01-10' }],
  ] as const)('%s', (_, edit, days, expected) => {
    expect(shiftSpan(span, edit, days, bounds)).toEqual(expected);
  });

  test('stays within the years dates may have', () => {
    expect(shiftSpan({ startDate: '2100-12-20', endDate: '2100-12-30' }, 'move', 7, bounds)).toEqual({ startDate: '2100-12-21', endDate: '2100-12-31' });
    expect(shiftSpan({ startDate: '2000-01-02', endDate: '2000-01-05' }, 'start', -7, bounds)).toEqual({ startDate: '2000-01-01', endDate: '2000-01-05' });
  });
});

describe('itemSpan', () => {
  test.each([
    [{ startDate: '2027-01-01', endDate: '2027-01-05' }, { startDate: '2027-01-01', endDate: '2027-01-05' }],
    [{ startDate: '2027-01-01' }, { startDate: '2027-01-01', endDate: '2027-01-01' }],
    [{ endDate: '2027-01-05' }, { startDate: '2027-01-05', endDate: '2027-01-05' }],
    [{}, undefined],
  ])('an item with %j draws %j', (item, span) => {
    expect(itemSpan(item)).toEqual(span);
  });
});
