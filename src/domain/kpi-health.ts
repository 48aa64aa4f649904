/**
 * Is a KPI on course? Its latest value is compared with the plan, the straight line from baseline
 * to target, at the date the value describes. The answer comes with one sentence saying why, so
 * the UI never shows a colour without a reason.
 */
import { daysBetween } from './calendar';
import { plannedShare, plannedValue, progressOf, targetMet } from './kpi-trajectory';
import type { KpiPlan } from './kpi-trajectory';
import { formatPercent, formatQuantity } from './number-format';
import type { DatedValue, KpiHealth } from './strategy';

export const healthRules = {
  /** Progress this far (as a share of the whole way) behind the plan still counts as on track: measurements are noisy. */
  onTrackTolerance: 0.05,
  /** Behind by more than the tolerance but by at most this much more is at risk; further behind is off track. */
  atRiskBand: 0.15,
  /** A latest value older than this is called out as possibly out of date. */
  staleAfterDays: 30,
} as const;

export interface KpiHealthReport {
  health: KpiHealth;
  /** The plan's value at the latest measurement's date. */
  expected?: number;
  /** How far the latest value has come from baseline to target (1 = at the target). */
  progress?: number;
  /** One sentence for the UI. */
  reason: string;
}

export function kpiHealth(kpi: KpiPlan & { unit?: string }, latest: DatedValue | undefined, today: string): KpiHealthReport {
  if (!latest) return { health: 'no-data', reason: 'No measurement yet, so there is nothing to compare with the plan.' };
  const progress = progressOf(kpi, latest.value);
  if (progress === undefined) {
    return { health: 'no-data', reason: 'The baseline and the target are the same value, so progress cannot be measured.' };
  }
  const expected = plannedValue(kpi, latest.date);
  const quantity = (value: number) => formatQuantity(value, kpi.unit);
  const age = daysBetween(latest.date, today);
  const staleNote = age > healthRules.staleAfterDays ? `; the latest value is ${age} days old` : '';

  if (targetMet(kpi, latest.value)) {
    return {
      health: 'on-track',
      expected,
      progress,
      reason: `Target met: ${quantity(latest.value)} on ${latest.date} reaches the target of ${quantity(kpi.target.value)}${staleNote}.`,
    };
  }

  const share = plannedShare(kpi, latest.date);
  const behind = share - progress;
  const health: KpiHealth =
    behind <= healthRules.onTrackTolerance
      ? 'on-track'
      : behind <= healthRules.onTrackTolerance + healthRules.atRiskBand
        ? 'at-risk'
        : 'off-track';
  const position = `${quantity(latest.value)} on ${latest.date} is ${formatPercent(progress)} of the way from ${quantity(kpi.baseline.value)} to ${quantity(kpi.target.value)}`;
  const plan = share === 1 ? `the plan expected the target by ${kpi.target.date}` : `the plan expected ${formatPercent(share)} by then`;
  const label = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track' }[health];
  const joiner = health === 'on-track' ? 'and' : 'but';
  return { health, expected, progress, reason: `${label}: ${position}, ${joiner} ${plan}${staleNote}.` };
}
