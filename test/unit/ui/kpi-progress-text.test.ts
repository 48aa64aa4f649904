/** A KPI's progress in words: never "-50% of the way" (issue 12, part 6), percentages as the locale writes them. */
import { kpiProgressText } from '../../../static/shared/kpi-progress-text';

describe('KPI progress in words', () => {
  test('towards the target: a share of the way', () => {
    expect(kpiProgressText(0.42, { locale: 'en-US' })).toBe('42% of the way from baseline to target');
    expect(kpiProgressText(0, { locale: 'en-US' })).toBe('0% of the way from baseline to target');
  });

  test('moved away from the target: says so, with no negative percentage', () => {
    const text = kpiProgressText(-0.5, { locale: 'en-US' });
    expect(text).toBe('Moved away from target, by 50% of the baseline-to-target distance');
    expect(text).not.toMatch(/-\d/);
    // A value a hair below baseline rounds to 0: not "moved away by 0%".
    expect(kpiProgressText(-0.001, { locale: 'en-US' })).toBe('0% of the way from baseline to target');
  });

  test('the percentage in the reader’s locale', () => {
    expect(kpiProgressText(0.42, { locale: 'de-DE' }).replace(/[\u00a0\u202f]/g, ' ')).toBe('42 % of the way from baseline to target');
  });
});
