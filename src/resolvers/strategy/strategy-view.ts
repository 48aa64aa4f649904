/**
 * The Vision and Goals & KPIs tabs in one answer. Cheap by design: the permission check is the only
 * Jira request (JQL KPIs show their stored values; "Refresh now" and the schedule take new ones),
 * and storage is read with five requests whatever the number of goals: the edit rule, the newest
 * vision, and one index query each for goals, KPIs and measurement series.
 */
import type { KpiView } from '../../contract';
import { orderGoals } from '../../domain/goal-order';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import { currentVision } from '../../adapters/storage/vision-store';
import { ok } from '../results';
import { viewerRead } from './calls';
import { nowIso, todayOf } from '../../adapters/clock';
import { goalView, kpiView, visionView } from './views';

export const getStrategy = viewerRead(async ({ access, projectId }) => {
  const [vision, goals, kpis, series] = await Promise.all([
    currentVision(projectId),
    goalsOfProject(projectId),
    kpisOfProject(projectId),
    seriesOfProject(projectId),
  ]);
  const today = todayOf(nowIso());
  const seriesByKpi = new Map(series.map((head) => [head.kpiId, head]));
  const kpisByGoal = new Map<string, KpiView[]>();
  for (const kpi of kpis) {
    const views = kpisByGoal.get(kpi.goalId) ?? [];
    views.push(kpiView(kpi, seriesByKpi.get(kpi.id), today));
    kpisByGoal.set(kpi.goalId, views);
  }
  const createdAt = new Map(kpis.map((kpi) => [kpi.id, kpi.createdAt]));
  return ok({
    project: access.project,
    vision: visionView(vision),
    goals: orderGoals(goals.map((goal) => goalView(goal, kpisByGoal.get(goal.id) ?? [], createdAt))),
    viewer: { canEdit: access.canEdit, editRule: access.editRule },
  });
});
