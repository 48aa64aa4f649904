/** The words for a KPI's progress (a fraction of the way from baseline to target, negative when it moved away). */
import { formatPercent } from './format';
import type { FormatLocale } from './format';
import { kpiProgress } from './messages/kpi-progress';

export function kpiProgressText(progress: number, locale?: FormatLocale): string {
  // `|| 0`: -0 would be written "-0%".
  const rounded = Math.round(progress * 100) / 100 || 0;
  return rounded < 0 ? kpiProgress.away(formatPercent(-rounded, locale)) : kpiProgress.towards(formatPercent(rounded, locale));
}
