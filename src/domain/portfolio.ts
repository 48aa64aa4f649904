/**
 * What the portfolio shows of one product, from plain records: how its goals and KPIs stand and
 * how its roadmap is spread. Pure; "today" is a parameter.
 */
import type { Horizon, RoadmapItemStatus } from './roadmap';
import { horizons, itemStatuses } from './roadmap';
import type { KpiHealth } from './strategy';

export const kpiHealths = ['on-track', 'at-risk', 'off-track', 'no-data'] as const satisfies readonly KpiHealth[];

export type Counts<K extends string> = Record<K, number>;

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Counts<K> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Counts<K>;
  for (const value of values) counts[value] += 1;
  return counts;
}

export const healthCounts = (healths: readonly KpiHealth[]): Counts<KpiHealth> => countBy(kpiHealths, healths);

export interface SummaryItem {
  horizon: Horizon;
  status: RoadmapItemStatus;
  endDate?: string;
}

export interface RoadmapSummary {
  items: number;
  byHorizon: Counts<Horizon>;
  byStatus: Counts<RoadmapItemStatus>;
  /** Open items (not done, not parked) whose end date is before today: known without asking Jira. */
  pastEndDate: number;
}

const closedStatuses: ReadonlySet<RoadmapItemStatus> = new Set(['done', 'parked']);

export function roadmapSummary(items: readonly SummaryItem[], today: string): RoadmapSummary {
  return {
    items: items.length,
    byHorizon: countBy(horizons, items.map((item) => item.horizon)),
    byStatus: countBy(itemStatuses, items.map((item) => item.status)),
    pastEndDate: items.filter((item) => !closedStatuses.has(item.status) && item.endDate !== undefined && item.endDate < today).length,
  };
}

/** A product is in the portfolio once it says something: a vision, a goal or a roadmap item. */
export function hasProductData(product: { visionVersion: number; goals: number; items: number }): boolean {
  return product.visionVersion > 0 || product.goals > 0 || product.items > 0;
}

/** What a product is called: its vision board's product name, else its project's name. */
export const productName = (product: { vision: { productName: string }; project: { name: string } }): string =>
  product.vision.productName.trim() || product.project.name;

/** Portfolio order: by the name people see, then by project key so equal names keep one order. */
export function byProductName<T extends { vision: { productName: string }; project: { name: string; key: string } }>(a: T, b: T): number {
  return productName(a).localeCompare(productName(b)) || (a.project.key < b.project.key ? -1 : a.project.key > b.project.key ? 1 : 0);
}
