import { kpiHealth } from '../../../src/domain/kpi-health';
import type { KpiPlan } from '../../../src/domain/kpi-trajectory';
import { sayRef } from '../../../src/i18n/server-texts';

/** Adoption: 20 → 60 over 2026-01-01 … 2026-11-28 (331 days). */
const rising: KpiPlan & { unit: string } = {
  direction: 'increase',
  baseline: { value: 20, date: '2026-01-01' },
  target: { value: 60, date: '2026-11-28' },
  unit: '%',
};
/** Open bugs: 100 → 0 over 100 days. */
const falling: KpiPlan & { unit: string } = {
  direction: 'decrease',
  baseline: { value: 100, date: '2026-01-01' },
  target: { value: 0, date: '2026-04-11' },
  unit: 'bugs',
};

describe('kpiHealth', () => {
  test.each([
    // plan, latest, today, health, expected value on the line, progress
    ['exactly on the line', falling, { value: 50, date: '2026-02-20' }, '2026-02-20', 'on-track', 50, 0.5],
    ['ahead of the line', falling, { value: 30, date: '2026-02-20' }, '2026-02-20', 'on-track', 50, 0.7],
    ['behind by less than the tolerance (5 points)', falling, { value: 54, date: '2026-02-20' }, '2026-02-20', 'on-track', 50, 0.46],
    ['behind by just over the tolerance', falling, { value: 56, date: '2026-02-20' }, '2026-02-20', 'at-risk', 50, 0.44],
    ['behind by the whole at-risk band (20 points)', falling, { value: 70, date: '2026-02-20' }, '2026-02-20', 'at-risk', 50, 0.3],
    ['behind by more than the band', falling, { value: 71, date: '2026-02-20' }, '2026-02-20', 'off-track', 50, 0.29],
    ['moving the wrong way', falling, { value: 120, date: '2026-02-20' }, '2026-02-20', 'off-track', 50, -0.2],
    ['measured on the baseline day at the baseline', falling, { value: 100, date: '2026-01-01' }, '2026-01-01', 'on-track', 100, 0],
    ['measured before the baseline day', falling, { value: 101, date: '2025-12-01' }, '2026-01-01', 'on-track', 100, -0.01],
    ['the target met early', falling, { value: 0, date: '2026-02-01' }, '2026-02-01', 'on-track', 69, 1],
    ['the target beaten', rising, { value: 61, date: '2026-06-01' }, '2026-06-01', 'on-track', expect.any(Number), 1.025],
    ['past the target date, almost there: the line stays flat at the target', falling, { value: 10, date: '2026-05-01' }, '2026-05-01', 'at-risk', 0, 0.9],
    ['past the target date, within the tolerance', falling, { value: 4, date: '2026-05-01' }, '2026-05-01', 'on-track', 0, 0.96],
    ['past the target date, far from it', falling, { value: 40, date: '2026-06-01' }, '2026-06-01', 'off-track', 0, 0.6],
  ] as const)('%s', (_, plan, latest, today, health, expected, progress) => {
    const report = kpiHealth(plan, latest, today);
    expect(report.health).toBe(health);
    expect(report.expected).toEqual(typeof expected === 'number' ? expect.closeTo(expected, 6) : expected);
    expect(report.progress).toBeCloseTo(progress, 6);
  });

  test('no measurement: no data, and it says so', () => {
    const report = kpiHealth(rising, undefined, '2026-06-01');
    expect(report.health).toBe('no-data');
    expect(sayRef(report.reason)).toBe('No measurement yet, so there is nothing to compare with the plan.');
  });

  test('a plan with no distance to cover has no data rather than a division by zero', () => {
    const flat = { ...rising, target: { value: 20, date: '2026-11-28' } };
    expect(kpiHealth(flat, { value: 20, date: '2026-06-01' }, '2026-06-01').health).toBe('no-data');
  });

  describe('explains itself in one sentence', () => {
    test.each([
      ['on track', falling, { value: 50, date: '2026-02-20' }, '2026-02-20', 'On track: 50 bugs on Feb 20, 2026 is 50% of the way from 100 bugs to 0 bugs, and the plan expected 50% by then.'],
      ['at risk', falling, { value: 60, date: '2026-02-20' }, '2026-02-20', 'At risk: 60 bugs on Feb 20, 2026 is 40% of the way from 100 bugs to 0 bugs, but the plan expected 50% by then.'],
      ['off track', falling, { value: 90, date: '2026-02-20' }, '2026-02-20', 'Off track: 90 bugs on Feb 20, 2026 is 10% of the way from 100 bugs to 0 bugs, but the plan expected 50% by then.'],
      ['target met', rising, { value: 60.5, date: '2026-06-01' }, '2026-06-01', 'Target met: 60.5% on Jun 1, 2026 reaches the target of 60%.'],
      ['past the target date', falling, { value: 40, date: '2026-06-01' }, '2026-06-01', 'Off track: 40 bugs on Jun 1, 2026 is 60% of the way from 100 bugs to 0 bugs, but the plan expected the target by Apr 11, 2026.'],
      ['a stale value', falling, { value: 50, date: '2026-02-20' }, '2026-04-01', 'On track: 50 bugs on Feb 20, 2026 is 50% of the way from 100 bugs to 0 bugs, and the plan expected 50% by then; the latest value is 40 days old.'],
      ['a stale value that met its target', rising, { value: 60, date: '2026-06-01' }, '2026-08-01', 'Target met: 60% on Jun 1, 2026 reaches the target of 60%; the latest value is 61 days old.'],
    ] as const)('%s', (_, plan, latest, today, reason) => {
      const sentence = sayRef(kpiHealth(plan, latest, today).reason);
      expect(sentence).toBe(reason);
      expect(sentence.match(/\./g)?.length).toBeGreaterThanOrEqual(1);
      expect(sentence.endsWith('.')).toBe(true);
    });

    test('a value 30 days old is not called stale yet; 31 days is', () => {
      expect(sayRef(kpiHealth(falling, { value: 50, date: '2026-02-20' }, '2026-03-22').reason)).not.toMatch(/days old/);
      expect(sayRef(kpiHealth(falling, { value: 50, date: '2026-02-20' }, '2026-03-23').reason)).toMatch(/31 days old/);
    });
  });

  test('staleness explains but does not change the health', () => {
    expect(kpiHealth(falling, { value: 90, date: '2026-02-20' }, '2026-12-31').health).toBe('off-track');
  });
});
