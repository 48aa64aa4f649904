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
import type { TextRef } from '../i18n/server-texts';

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
   * One sentence for the UI, as a text key (`server.health.kpi.*`) and its values, already
   * formatted in `locale`: the resolver says it in the caller's language.
   */
  reason: TextRef;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day as `locale` writes it (a day has no time zone: formatted as UTC). */
function localDay(isoDay: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(Date.parse(`${isoDay}T00:00:00Z`));
}

/** @param locale the reader's (BCP 47) for the numbers and dates in the reason. */
export function kpiHealth(kpi: KpiPlan & { unit?: string }, latest: DatedValue | undefined, today: string, locale: string = 'en-US'): KpiHealthReport {
  if (!latest) return { health: 'no-data', reason: { key: 'health.kpi.noData' } };
  const progress = progressOf(kpi, latest.value);
  if (progress === undefined) return { health: 'no-data', reason: { key: 'health.kpi.flat' } };
  const expected = plannedValue(kpi, latest.date);
  const quantity = (value: number) => formatQuantity(value, kpi.unit, locale);
  const age = daysBetween(latest.date, today);
  const staleness = { stale: age > healthRules.staleAfterDays ? 'stale' : 'fresh', age };
  const measured = { value: quantity(latest.value), date: localDay(latest.date, locale), target: quantity(kpi.target.value) };

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
    progress: formatPercent(progress, locale),
    baseline: quantity(kpi.baseline.value),
    plan: share === 1 ? 'end' : 'share',
    targetDate: localDay(kpi.target.date, locale),
    share: formatPercent(share, locale),
  };
  return { health, expected, progress, reason: { key, params } };
}
