/**
 * A KPI's plan is the straight line from its baseline to its target. These functions place a date
 * or a value on that line; health, charts and the UI's optimistic updates all use them.
 */
import { dayNumber } from './calendar';
import type { DatedValue, KpiDirection } from './strategy';

export interface KpiPlan {
  direction: KpiDirection;
  baseline: DatedValue;
  target: DatedValue;
}

/**
 * The share of the way from baseline to target the plan expects by `date`: 0 up to the baseline's
 * date, 1 from the target's date on (the line stays flat at the target), linear in between.
 */
export function plannedShare(plan: KpiPlan, date: string): number {
  const start = dayNumber(plan.baseline.date);
  const end = dayNumber(plan.target.date);
  const day = dayNumber(date);
  if (day >= end) return 1;
  if (day <= start) return 0;
  return (day - start) / (end - start);
}

/** The value the plan expects on `date`. */
export function plannedValue(plan: KpiPlan, date: string): number {
  return plan.baseline.value + plannedShare(plan, date) * (plan.target.value - plan.baseline.value);
}

/**
 * How far `value` has come from the baseline towards the target: 0 at the baseline, 1 at the
 * target, above 1 past it, below 0 when it moved the wrong way. Direction-free: a decrease KPI has
 * a target below its baseline, so the same ratio works for both. Undefined when the plan has no
 * distance to cover (validation refuses such KPIs; stored data is still read defensively).
 */
export function progressOf(plan: KpiPlan, value: number): number | undefined {
  const distance = plan.target.value - plan.baseline.value;
  if (distance === 0) return undefined;
  const progress = (value - plan.baseline.value) / distance;
  return progress === 0 ? 0 : progress; // no -0 from a falling plan at its baseline
}

/** Whether `value` reached the target, in the KPI's good direction. */
export function targetMet(plan: KpiPlan, value: number): boolean {
  return plan.direction === 'increase' ? value >= plan.target.value : value <= plan.target.value;
}

/** The two ends of the target line, for drawing it under the measurement history. */
export function targetLine(plan: KpiPlan): [DatedValue, DatedValue] {
  return [{ ...plan.baseline }, { ...plan.target }];
}
