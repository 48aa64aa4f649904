/**
 * Deleting a goal or a KPI with everything under it, in one transaction or not at all. Forge
 * allows 25 operations per transaction; a deletion that needs more is refused with its size, so
 * the caller can suggest archiving instead. Nothing is ever half deleted.
 */
import { entityNames } from './entities';
import { goalOf } from './goal-store';
import { kpiOf, kpisOfGoal } from './kpi-store';
import { hasGoal, loadProduct, structuralAttempts, withKpiCount, withoutGoal, writeProduct } from './product-store';
import type { GoalRecord, Keyed, KpiRecord, SeriesRecord } from './records';
import { chunkKeys } from './series-layout';
import { seriesOf } from './series-store';
import { commit, maxTransactionOperations, versionIs } from './writes';
import type { kvs } from '@forge/kvs';

type Transaction = ReturnType<typeof kvs.transact>;

export type Removal =
  | { outcome: 'committed'; kpis: number; measurements: number }
  /** The goal or KPI is no longer at the version the caller saw. */
  | { outcome: 'conflict' }
  | { outcome: 'not-found' }
  /** More than one transaction could hold: nothing was deleted. */
  | { outcome: 'too-large'; kpis: number; measurements: number; operations: number };

interface Doomed {
  kpi: Keyed<KpiRecord>;
  series: SeriesRecord | undefined;
}

/**
 * `alsoStage`: writes that must land with the deletion (the intent to update the goal's epics, the
 * feed's entry), given the goal as read; `alsoStageOperations` says how many (default 1).
 */
export async function removeGoal(options: {
  projectId: string;
  goalId: string;
  baseVersion: number;
  now: string;
  alsoStage?: (transaction: Transaction, goal: Keyed<GoalRecord>) => void;
  alsoStageOperations?: number;
}): Promise<Removal> {
  const { projectId, goalId } = options;
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const [product, goal] = await Promise.all([loadProduct(projectId, options.now), goalOf(projectId, goalId)]);
    if (!goal || !hasGoal(product, goalId)) return { outcome: 'not-found' };
    if (goal.version !== options.baseVersion) return { outcome: 'conflict' };
    const kpis = await kpisOfGoal(projectId, goalId);
    // Index queries may trail writes; the product record knows how many KPIs the goal has, and a
    // deletion that would miss one waits for the index instead (the next attempt reads it again).
    if (kpis.length !== (product.kpiCounts[goalId] ?? 0)) {
      await pause(100 * (attempt + 1));
      continue;
    }
    const doomed = await withSeries(projectId, kpis);
    const size = sizeOf(doomed, 2 + (options.alsoStage ? (options.alsoStageOperations ?? 1) : 0));
    if (size.operations > maxTransactionOperations) return { outcome: 'too-large', ...size };
    const outcome = await commit((transaction) => {
      writeProduct(transaction, product, withoutGoal(product, goalId));
      transaction.delete(goalId, { entityName: entityNames.goal, conditions: versionIs(options.baseVersion) });
      for (const item of doomed) deleteKpiWithSeries(transaction, item);
      options.alsoStage?.(transaction, goal);
    });
    if (outcome === 'committed') return { outcome, kpis: size.kpis, measurements: size.measurements };
  }
  return { outcome: 'conflict' };
}

export async function removeKpi(options: { projectId: string; kpiId: string; baseVersion: number; now: string }): Promise<Removal> {
  const { projectId, kpiId } = options;
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const [product, kpi] = await Promise.all([loadProduct(projectId, options.now), kpiOf(projectId, kpiId)]);
    if (!kpi) return { outcome: 'not-found' };
    if (kpi.version !== options.baseVersion) return { outcome: 'conflict' };
    const doomed = await withSeries(projectId, [kpi]);
    const size = sizeOf(doomed, 1);
    if (size.operations > maxTransactionOperations) return { outcome: 'too-large', ...size };
    const outcome = await commit((transaction) => {
      writeProduct(transaction, product, withKpiCount(product, kpi.goalId, -1));
      for (const item of doomed) deleteKpiWithSeries(transaction, item, options.baseVersion);
    });
    if (outcome === 'committed') return { outcome, kpis: 1, measurements: size.measurements };
  }
  return { outcome: 'conflict' };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withSeries(projectId: string, kpis: Array<Keyed<KpiRecord>>): Promise<Doomed[]> {
  return Promise.all(kpis.map(async (kpi) => ({ kpi, series: await seriesOf(projectId, kpi.id) })));
}

function sizeOf(doomed: readonly Doomed[], fixedOperations: number) {
  const perKpi = (item: Doomed) => 1 + (item.series ? 1 + item.series.chunks : 0);
  return {
    kpis: doomed.length,
    measurements: doomed.reduce((sum, item) => sum + (item.series?.count ?? 0), 0),
    operations: doomed.reduce((sum, item) => sum + perKpi(item), fixedOperations),
  };
}

/**
 * The series is deleted on condition of the version read: a measurement added meanwhile may have
 * started a chunk this transaction does not know of, and must make it fail rather than orphan it.
 */
function deleteKpiWithSeries(transaction: Transaction, { kpi, series }: Doomed, kpiVersion?: number): void {
  transaction.delete(kpi.id, { entityName: entityNames.kpi, ...(kpiVersion === undefined ? {} : { conditions: versionIs(kpiVersion) }) });
  if (!series) return;
  transaction.delete(kpi.id, { entityName: entityNames.series, conditions: versionIs(series.version) });
  for (const key of chunkKeys(kpi.id, series.chunks)) transaction.delete(key, { entityName: entityNames.chunk });
}
