/** Reads that several calls share: a goal or a KPI with what its view needs, always within one project. */
import type { GoalView, KpiHistory, KpiView } from '../../contract';
import { goalOf } from '../../adapters/storage/goal-store';
import { kpiOf, kpisOfGoal } from '../../adapters/storage/kpi-store';
import type { GoalRecord, Keyed, KpiRecord } from '../../adapters/storage/records';
import { chunksOf, seriesOf } from '../../adapters/storage/series-store';
import { goalView, kpiHistory, kpiView } from './views';

export async function loadGoalView(projectId: string, goal: Keyed<GoalRecord>, today: string): Promise<GoalView> {
  const kpis = await kpisOfGoal(projectId, goal.id);
  const views = await Promise.all(kpis.map(async (kpi) => kpiView(kpi, await seriesOf(projectId, kpi.id), today)));
  return goalView(goal, views, new Map(kpis.map((kpi) => [kpi.id, kpi.createdAt])));
}

/** The goal as it is now, for a conflict; undefined when it is gone. */
export async function currentGoalView(projectId: string, goalId: string, today: string): Promise<GoalView | undefined> {
  const goal = await goalOf(projectId, goalId);
  return goal ? loadGoalView(projectId, goal, today) : undefined;
}

export async function loadKpiView(projectId: string, kpi: Keyed<KpiRecord>, today: string): Promise<KpiView> {
  return kpiView(kpi, await seriesOf(projectId, kpi.id), today);
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
