/** The product strategy's vocabulary: vision board, goals, KPIs and their measurements. Plain data. */

/** A Product Vision Board: why the product exists, for whom, and what it must achieve. */
export interface VisionBoard {
  productName: string;
  /** One or two sentences. */
  vision: string;
  targetGroup: string;
  needs: string;
  /** What the product is and what sets it apart. */
  product: string;
  businessGoals: string;
}

export const goalStatuses = ['on-track', 'at-risk', 'off-track', 'done', 'archived'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** When a goal should be reached: a calendar quarter, a date, or not said. */
export type TimeFrame =
  | { kind: 'none' }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'date'; date: string }; // YYYY-MM-DD

/** Whether a rising number is good news (adoption) or bad news (churn, bug count). */
export type KpiDirection = 'increase' | 'decrease';

/** A dated value: a KPI's baseline, its target, or one measurement. `date` is YYYY-MM-DD. */
export interface DatedValue {
  value: number;
  date: string;
}

/**
 * Where a KPI's numbers come from. JQL is always ANDed with the product's own project by the
 * server, so a KPI can never count issues elsewhere.
 */
export type KpiSource =
  | { kind: 'manual' }
  | { kind: 'jql-count'; jql: string }
  | { kind: 'jql-ratio'; numeratorJql: string; denominatorJql: string };

export type KpiHealth = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export interface Measurement {
  id: string;
  /** YYYY-MM-DD: the day the value describes. */
  date: string;
  value: number;
  note?: string;
  source: 'manual' | 'jql';
  /** Who recorded it: an accountId, or `app` for the daily snapshot. */
  recordedBy: string;
  recordedAt: string; // ISO instant
}
