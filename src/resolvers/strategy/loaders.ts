/** Reads that several calls share: a goal or a KPI with what its view needs, always within one project. */
import type { GoalView, KpiHistory, KpiView } from '../../contract';
import { goalOf } from '../../adapters/storage/goal-store';
import { kpiOf, kpisOfGoal } from '../../adapters/storage/kpi-store';
import type { GoalRecord, Keyed, KpiRecord } from '../../adapters/storage/records';
import { chunksOf, seriesOf } from '../../adapters/storage/series-store';
import { goalView, kpiHistory, kpiView } from './views';

export async function loadGoalView(projectId: string, goal: Keyed<GoalRecord>, today: string): Promise<GoalView> {
  return (await goalViewBuilder(projectId, goal.id, today))(goal);
}

/**
 * A goal's KPIs read up front, so a write can build its reply without reading storage after it
 * committed: a storage failure then must not answer "failed" for a saved change (issue 9).
 */
export async function goalViewBuilder(projectId: string, goalId: string, today: string): Promise<(goal: Keyed<GoalRecord>) => GoalView> {
  const kpis = await kpisOfGoal(projectId, goalId);
  const views = await Promise.all(kpis.map(async (kpi) => kpiView(kpi, await seriesOf(projectId, kpi.id), today)));
  const createdAt = new Map(kpis.map((kpi) => [kpi.id, kpi.createdAt]));
  return (goal) => goalView(goal, views, createdAt);
}

/** The goal as it is now, for a conflict; undefined when it is gone. */
export async function currentGoalView(projectId: string, goalId: string, today: string): Promise<GoalView | undefined> {
  const goal = await goalOf(projectId, goalId);
  return goal ? loadGoalView(projectId, goal, today) : undefined;
}

export async function loadKpiView(projectId: string, kpi: Keyed<KpiRecord>, today: string): Promise<KpiView> {
  return (await kpiViewBuilder(projectId, kpi.id, today))(kpi);
}

/** A KPI's series read up front, for a reply that reads no storage after the write committed (issue 9). */
export async function kpiViewBuilder(projectId: string, kpiId: string, today: string): Promise<(kpi: Keyed<KpiRecord>) => KpiView> {
  const series = await seriesOf(projectId, kpiId);
  return (kpi) => kpiView(kpi, series, today);
}

export async function currentKpiView(projectId: string, kpiId: string, today: string): Promise<KpiView | undefined> {
  const kpi = await kpiOf(projectId, kpiId);
  return kpi ? loadKpiView(projectId, kpi, today) : undefined;
}

/** A KPI with every measurement; undefined when it (or its series) is gone. */
export async function loadKpiHistory(projectId: string, kpiId: string, today: string): Promise<KpiHistory | undefined> {
  const [kpi, series] = await Promise.all([kpiOf(projectId, kpiId), seriesOf(projectId, kpiId)]);
  if (!kpi || !series) return undefined;
  return kpiHistory(kpi, series, await chunksOf(series), today);
}
