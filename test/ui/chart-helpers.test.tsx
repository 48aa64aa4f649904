/** The pure helpers behind the hand-rolled charts: scales, round ticks, paths and geometry. */
import { kpiChart } from '../../static/shared/charts/kpi-chart';
import { linePath } from '../../static/shared/charts/path';
import { dayTicks, linearScale, niceDomain, niceStep } from '../../static/shared/charts/scale';
import { sparkline } from '../../static/shared/charts/sparkline';
import { dayToTime, formatValue, timeToDay } from '../../static/shared/format';

describe('linearScale', () => {
  test.each([
    [[0, 10], [0, 100], 5, 50],
    [[0, 10], [100, 0], 2, 80],
    [[-5, 5], [0, 10], 0, 5],
    [[10, 20], [0, 1], 25, 1.5],
  ] as const)('maps %j onto %j: %d → %d', (domain, range, value, expected) => {
    expect(linearScale(domain, range)(value)).toBeCloseTo(expected);
  });

  test('puts everything in the middle when the domain has no width', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe('niceStep', () => {
  test.each([
    [10, 4, 5],
    [1, 4, 0.5],
    [97, 4, 50],
    [0.03, 3, 0.01],
    [1200, 5, 500],
  ])('cuts %d into at most %d parts with step %d', (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step);
  });
});

describe('niceDomain', () => {
  test('widens to round numbers around every value', () => {
    expect(niceDomain([12, 47, 33], 4)).toEqual({ min: 10, max: 50, ticks: [10, 20, 30, 40, 50] });
  });

  test('draws a flat series with a band around it', () => {
    const domain = niceDomain([40, 40]);
    expect(domain.min).toBeLessThan(40);
    expect(domain.max).toBeGreaterThan(40);
  });

  test('has no float noise in its ticks', () => {
    expect(niceDomain([0.1, 0.3], 2).ticks.every((t) => String(t).length <= 4)).toBe(true);
  });

  test('handles values below zero and no values at all', () => {
    expect(niceDomain([-12, 3], 3)).toEqual({ min: -15, max: 5, ticks: [-15, -10, -5, 0, 5] });
    expect(niceDomain([])).toEqual({ min: 0, max: 1, ticks: expect.arrayContaining([0, 1]) });
  });
});

describe('dayTicks', () => {
  const day = (d: string) => dayToTime(d);
  test('spreads whole days evenly, both ends included', () => {
    expect(dayTicks(day('2026-01-01'), day('2026-01-11'), 3).map(timeToDay)).toEqual(['2026-01-01', '2026-01-06', '2026-01-11']);
  });
  test('never repeats a day when the span is short', () => {
    expect(dayTicks(day('2026-01-01'), day('2026-01-02'), 5).map(timeToDay)).toEqual(['2026-01-01', '2026-01-02']);
    expect(dayTicks(day('2026-01-01'), day('2026-01-01'), 5)).toHaveLength(1);
  });
});

describe('linePath', () => {
  test('moves to the first point and draws lines to the rest, rounded to hundredths', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5.123, y: 2.999 }, { x: 10, y: 0 }])).toBe('M0,10L5.12,3L10,0');
  });
  test('is empty without points', () => {
    expect(linePath([])).toBe('');
  });
});

describe('sparkline', () => {
  const recent = [
    { date: '2026-01-01', value: 10 },
    { date: '2026-01-11', value: 20 },
    { date: '2026-01-21', value: 15 },
  ];

  test('keeps the target in view and puts the newest point on the right', () => {
    const g = sparkline({ recent, target: 40, width: 100, height: 20, pad: 2 });
    expect(g.targetY).toBeCloseTo(2); // the target is the highest value: the top edge
    expect(g.last).toEqual({ x: 98, y: expect.any(Number) });
    expect(g.points.map((p) => Math.round(p.x))).toEqual([2, 50, 98]);
    expect(g.path.startsWith('M2,')).toBe(true);
  });

  test('spreads same-day measurements by index, and draws no line for a single point', () => {
    const sameDay = sparkline({ recent: [recent[0]!, { ...recent[0]!, value: 12 }], target: 5, width: 100, height: 20, pad: 0 });
    expect(sameDay.points.map((p) => p.x)).toEqual([0, 100]);
    const single = sparkline({ recent: [recent[0]!], target: 5, width: 100, height: 20 });
    expect(single.path).toBe('');
    expect(single.last).toBeDefined();
    expect(sparkline({ recent: [], target: 5, width: 100, height: 20 }).last).toBeUndefined();
  });
});

describe('kpiChart', () => {
  const box = { width: 200, height: 100, margin: { top: 10, right: 10, bottom: 20, left: 30 } };
  const baseline = { value: 20, date: '2026-01-01' };
  const target = { value: 60, date: '2026-12-31' };

  test('runs time from baseline to target and values over round numbers that cover both', () => {
    const g = kpiChart({ measurements: [{ date: '2026-03-01', value: 30 }], baseline, target, box });
    expect(g.plot).toEqual({ left: 30, top: 10, right: 190, bottom: 80 });
    expect(g.plan.from).toEqual({ x: 30, y: expect.any(Number) });
    expect(g.plan.to.x).toBe(190);
    expect(g.plan.to.y).toBeLessThan(g.plan.from.y); // higher values are further up
    expect(g.yTicks[0]!.value).toBeLessThanOrEqual(20);
    expect(g.yTicks[g.yTicks.length - 1]!.value).toBeGreaterThanOrEqual(60);
    expect(g.xTicks[0]!.x).toBe(30);
    expect(g.points[0]).toMatchObject({ date: '2026-03-01', value: 30 });
  });

  test('stretches to measurements outside the plan’s dates and values', () => {
    const g = kpiChart({ measurements: [{ date: '2025-11-01', value: 5 }, { date: '2027-02-01', value: 90 }], baseline, target, box });
    expect(g.points[0]!.x).toBe(30);
    expect(g.points[1]!.x).toBe(190);
    expect(g.yTicks[g.yTicks.length - 1]!.value).toBeGreaterThanOrEqual(90);
    expect(g.line).toMatch(/^M30,[\d.]+L190,[\d.]+$/);
  });
});

describe('formatValue', () => {
  test('sticks a percent sign to the number and spaces words', () => {
    expect(formatValue(42, '%')).toBe('42%');
    expect(formatValue(1.5, 'days')).toBe('1.5 days');
    expect(formatValue(7, '')).toBe('7');
  });
});
