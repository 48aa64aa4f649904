/**
 * The Vision and Goals & KPIs tabs in one answer. Cheap by design: JQL KPIs show their stored
 * values ("Refresh now" and the schedule take new ones), and storage is read with five requests
 * whatever the number of goals: the edit rule, the newest vision, and one index query each for
 * goals, KPIs and measurement series. Once a product has goals, one more Jira search (as the
 * user) finds the epics serving them by their indexed link property, and their progress comes
 * from the roll-up cache the roadmap keeps in step. Epics whose links the app wrote in the last
 * minutes are reconciled in that search (one more storage read, for their ids): Jira's index would
 * show those links only later.
 */
import type { KpiView, LinkedEpic } from '../../contract';
import { emptyChildCounts } from '../../domain/child-counts';
import { epicLinksPropertyKey, goalSearchAlias, readEpicLinks } from '../../domain/epic-links';
import { orderGoals } from '../../domain/goal-order';
import { nowIso, todayOf } from '../../adapters/clock';
import { loadEpicRollups } from '../../adapters/delivery/load-epic-rollups';
import { recentlyLinkedEpicIds } from '../../adapters/delivery/recent-link-writes';
import type { JiraClient } from '../../adapters/jira/client';
import { searchAllIssues } from '../../adapters/jira/search';
import { kvsRollupStore } from '../../adapters/storage/epic-rollups';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import { currentVision } from '../../adapters/storage/vision-store';
import { ok } from '../results';
import { viewerRead } from '../calls';
import { goalView, kpiView, visionView } from './views';

export const getStrategy = viewerRead(async ({ jira, access, projectId, context }) => {
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
  const epicsByGoal = goals.length > 0 ? await epicsServingGoals(jira, projectId, context.timeZone) : new Map<string, LinkedEpic[]>();
  return ok({
    project: access.project,
    vision: visionView(vision),
    goals: orderGoals(goals.map((goal) => ({ ...goalView(goal, kpisByGoal.get(goal.id) ?? [], createdAt), epics: epicsByGoal.get(goal.id) ?? [] }))),
    viewer: { canEdit: access.canEdit, editRule: access.editRule, licensed: access.licensed },
  });
});

/** Goal id → the epics serving it (directly or through a roadmap item), as the user's Jira search finds them. */
async function epicsServingGoals(jira: JiraClient, projectId: string, timeZone: string | undefined): Promise<Map<string, LinkedEpic[]>> {
  const issues = await searchAllIssues(jira, {
    jql: `project = ${projectId} AND ${goalSearchAlias} IS NOT EMPTY ORDER BY rank ASC`,
    fields: ['summary'],
    properties: [epicLinksPropertyKey],
    reconcileIssues: await recentlyLinkedEpicIds(nowIso()),
  });
  if (issues.length === 0) return new Map();
  const rollups = await loadEpicRollups(jira, kvsRollupStore(), {
    projectId,
    epicIds: issues.map((issue) => issue.id),
    now: nowIso(),
    ...(timeZone ? { timeZone } : {}),
  });
  const counts = new Map(rollups.epics.map((entry) => [entry.epicId, entry.rollup.counts]));
  const byGoal = new Map<string, LinkedEpic[]>();
  for (const issue of issues) {
    const epic: LinkedEpic = {
      id: issue.id,
      key: issue.key,
      summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : issue.key,
      children: counts.get(issue.id) ?? emptyChildCounts(),
    };
    for (const goalId of readEpicLinks(issue.properties?.[epicLinksPropertyKey]).goalIds) {
      const list = byGoal.get(goalId) ?? [];
      list.push(epic);
      byGoal.set(goalId, list);
    }
  }
  return byGoal;
}
