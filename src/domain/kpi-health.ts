/**
 * Is a KPI on course? Its latest value is compared with the plan, the straight line from baseline
 * to target, at the date the value describes. The answer comes with one sentence saying why, so
 * the UI never shows a colour without a reason.
 */
import { daysBetween } from './calendar';
import { plannedShare, plannedValue, progressOf, targetMet } from './kpi-trajectory';
import type { KpiPlan } from './kpi-trajectory';
import type { DatedValue, KpiHealth } from './strategy';
import type { TextRef } from './text-codes';

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
  /**
   * One sentence for the UI, as a text key (`server.health.kpi.*`) and its values (numbers and days,
   * not yet formatted): the resolver says it in the caller's language, and a check-in stores it.
   */
  reason: TextRef;
}

export function kpiHealth(kpi: KpiPlan & { unit?: string }, latest: DatedValue | undefined, today: string): KpiHealthReport {
  if (!latest) return { health: 'no-data', reason: { key: 'health.kpi.noData' } };
  const progress = progressOf(kpi, latest.value);
  if (progress === undefined) return { health: 'no-data', reason: { key: 'health.kpi.flat' } };
  const expected = plannedValue(kpi, latest.date);
  const quantity = (value: number) => (kpi.unit ? { quantity: value, unit: kpi.unit } : { quantity: value });
  const age = daysBetween(latest.date, today);
  const staleness = { stale: age > healthRules.staleAfterDays ? 'stale' : 'fresh', age };
  const measured = { value: quantity(latest.value), date: { day: latest.date }, target: quantity(kpi.target.value) };

  if (targetMet(kpi, latest.value)) {
    return { health: 'on-track', expected, progress, reason: { key: 'health.kpi.targetMet', params: { ...measured, ...staleness } } };
  }

  const share = plannedShare(kpi, latest.date);
  const behind = share - progress;
  const health: KpiHealth =
    behind <= healthRules.onTrackTolerance
      ? 'on-track'
      : behind <= healthRules.onTrackTolerance + healthRules.atRiskBand
        ? 'at-risk'
        : 'off-track';
  const key = health === 'on-track' ? 'health.kpi.onTrack' : health === 'at-risk' ? 'health.kpi.atRisk' : 'health.kpi.offTrack';
  const params = {
    ...measured,
    ...staleness,
    progress: { percent: progress },
    baseline: quantity(kpi.baseline.value),
    plan: share === 1 ? 'end' : 'share',
    targetDate: { day: kpi.target.date },
    share: { percent: share },
  };
  return { health, expected, progress, reason: { key, params } };
}
