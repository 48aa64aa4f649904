import { plannedShare, plannedValue, progressOf, targetLine, targetMet } from '../../../src/domain/kpi-trajectory';
import type { KpiPlan } from '../../../src/domain/kpi-trajectory';

const rising: KpiPlan = { direction: 'increase', baseline: { value: 10, date: '2026-01-01' }, target: { value: 20, date: '2026-01-11' } };
const falling: KpiPlan = { direction: 'decrease', baseline: { value: 8, date: '2026-01-01' }, target: { value: 2, date: '2026-01-04' } };

describe('the plan line', () => {
  test.each([
    ['before the baseline date', rising, '2025-12-25', 0, 10],
    ['on the baseline date', rising, '2026-01-01', 0, 10],
    ['a tenth of the way', rising, '2026-01-02', 0.1, 11],
    ['half way', rising, '2026-01-06', 0.5, 15],
    ['on the target date', rising, '2026-01-11', 1, 20],
    ['after the target date: flat at the target', rising, '2026-03-01', 1, 20],
    ['down: a third of the way', falling, '2026-01-02', 1 / 3, 6],
    ['down: across a month end', { ...falling, baseline: { value: 8, date: '2026-01-30' }, target: { value: 2, date: '2026-02-02' } }, '2026-02-01', 2 / 3, 4],
    ['across a leap day', { ...rising, baseline: { value: 0, date: '2028-02-28' }, target: { value: 2, date: '2028-03-01' } }, '2028-02-29', 0.5, 1],
  ] as const)('%s', (_, plan, date, share, value) => {
    expect(plannedShare(plan, date)).toBeCloseTo(share, 10);
    expect(plannedValue(plan, date)).toBeCloseTo(value, 10);
  });

  test('progress is direction-free: 1 at the target, 0 at the baseline, negative the wrong way', () => {
    expect([progressOf(rising, 10), progressOf(rising, 15), progressOf(rising, 25), progressOf(rising, 5)]).toEqual([0, 0.5, 1.5, -0.5]);
    expect([progressOf(falling, 8), progressOf(falling, 5), progressOf(falling, 2), progressOf(falling, 11)]).toEqual([0, 0.5, 1, -0.5]);
    expect(progressOf({ ...rising, target: { value: 10, date: '2026-01-11' } }, 12)).toBeUndefined();
  });

  test('the target counts as met in the good direction only', () => {
    expect([targetMet(rising, 20), targetMet(rising, 19.9), targetMet(rising, 30)]).toEqual([true, false, true]);
    expect([targetMet(falling, 2), targetMet(falling, 2.1), targetMet(falling, 0)]).toEqual([true, false, true]);
  });

  test('the target line runs from the baseline to the target', () => {
    expect(targetLine(rising)).toEqual([rising.baseline, rising.target]);
  });
});
