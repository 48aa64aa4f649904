/**
 * The Vision and Goals & KPIs tabs in one answer. Cheap by design: JQL KPIs show their stored
 * values ("Refresh now" and the schedule take new ones), and storage is read with eight requests
 * whatever the number of goals: the edit rule, the newest vision, and one index query each for
 * goals, KPIs, measurement series and stored epic links, and the check-ins' heads and cadence. Which epics serve a goal comes from those
 * stored links (the source of truth: the epics' `throughline-links` property is an index derived
 * from them, and trails while an epic is syncing and Jira's search index catches up); once the
 * project has links, one more query finds the changes still syncing (for the badge), and one more
 * the roadmap items, when an epic serves a goal through one. The epics themselves are read as the
 * user, so nobody sees an epic Jira hides from them: one search finds those whose indexed property
 * names a goal (epics linked before storage held links keep the property's links), and a bulk fetch
 * by id, only when storage links epics that search did not find (still syncing, or not indexed yet).
 */
import type { KpiView, LinkedEpic } from '../../contract';
import { emptyChildCounts } from '../../domain/child-counts';
import { epicLinksPropertyKey, goalSearchAlias, readEpicLinks } from '../../domain/epic-links';
import type { EpicLinks } from '../../domain/epic-links';
import { derivedLinks } from '../../domain/link-sync';
import { orderGoals } from '../../domain/goal-order';
import { nowIso, todayOf } from '../../adapters/clock';
import { loadEpicRollups } from '../../adapters/delivery/load-epic-rollups';
import type { JiraClient } from '../../adapters/jira/client';
import { getProject } from '../../adapters/jira/projects';
import { searchAllIssues } from '../../adapters/jira/search';
import type { SearchedIssue } from '../../adapters/jira/schemas';
import { visibleIssuesByIds } from '../../adapters/jira/issue-bulk-fetch';
import { openLinkSyncs, storedLinksOfProject, syncStates } from '../../adapters/storage/epic-link-store';
import type { EpicLinkRecord } from '../../adapters/storage/epic-link-store';
import type { Keyed } from '../../adapters/storage/records';
import { kvsRollupStore } from '../../adapters/storage/epic-rollups';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { itemsOfProject } from '../../adapters/storage/roadmap-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import { currentVision } from '../../adapters/storage/vision-store';
import { ok } from '../results';
import { viewerRead } from '../calls';
import { goalView, kpiView, visionView } from './views';
import { goalCheckIn, loadCheckInState } from '../check-ins/summaries';

export const getStrategy = viewerRead(async ({ jira, access, projectId, context }) => {
  const [vision, goals, kpis, series, storedLinks, checkIns] = await Promise.all([
    currentVision(projectId),
    goalsOfProject(projectId),
    kpisOfProject(projectId),
    seriesOfProject(projectId),
    storedLinksOfProject(projectId),
    loadCheckInState(projectId),
  ]);
  const now = nowIso();
  const today = todayOf(now);
  const seriesByKpi = new Map(series.map((head) => [head.kpiId, head]));
  const kpisByGoal = new Map<string, KpiView[]>();
  for (const kpi of kpis) {
    const views = kpisByGoal.get(kpi.goalId) ?? [];
    views.push(kpiView(kpi, seriesByKpi.get(kpi.id), today));
    kpisByGoal.set(kpi.goalId, views);
  }
  const createdAt = new Map(kpis.map((kpi) => [kpi.id, kpi.createdAt]));
  // The page's title names the product; without a product name in the vision, the project's name
  // (as the portfolio does), read as the user, who may browse the project (checked above).
  const [projectName, epicsByGoal] = await Promise.all([
    vision?.board.productName.trim() ? undefined : getProject(jira, projectId).then((project) => project.name),
    goals.length > 0
      ? epicsServingGoals(jira, { projectId, goalIds: new Set(goals.map((goal) => goal.id)), storedLinks, timeZone: context.timeZone })
      : new Map<string, LinkedEpic[]>(),
  ]);
  return ok({
    project: { ...access.project, ...(projectName ? { name: projectName } : {}) },
    vision: visionView(vision),
    goals: orderGoals(
      goals.map((goal) => ({
        ...goalView(goal, kpisByGoal.get(goal.id) ?? [], createdAt),
        epics: epicsByGoal.get(goal.id) ?? [],
        checkIn: goalCheckIn(checkIns, goal, kpisByGoal.get(goal.id) ?? [], { now, timeZone: context.timeZone }),
      })),
    ),
    viewer: { canEdit: access.canEdit, editRule: access.editRule, licensed: access.licensed, accountId: access.accountId },
  });
});

/**
 * Goal id → the epics serving it (directly or through a roadmap item), with the links storage holds
 * and whether each is still syncing to Jira; epics without a stored record (linked before storage
 * held links) keep their property's links, as the roadmap reads them (`withStoredLinks`).
 */
async function epicsServingGoals(
  jira: JiraClient,
  options: { projectId: string; goalIds: ReadonlySet<string>; storedLinks: ReadonlyArray<Keyed<EpicLinkRecord>>; timeZone: string | undefined },
): Promise<Map<string, LinkedEpic[]>> {
  const { projectId, goalIds } = options;
  const storedById = new Map(options.storedLinks.map(({ id, ...record }) => [id, record]));
  const storedLinked = options.storedLinks.filter((record) => record.directGoalIds.length > 0 || record.roadmapItemIds.length > 0).map((record) => record.id);
  const [issues, syncs, items] = await Promise.all([
    epicsLinkedOrIndexed(jira, projectId, storedLinked),
    // An open change always comes with the stored records it changed, and an item link needs the items.
    storedById.size > 0 ? openLinkSyncs(projectId) : [],
    options.storedLinks.some((record) => record.roadmapItemIds.length > 0) ? itemsOfProject(projectId) : [],
  ]);
  const targets = { goalIds, goalOfItem: new Map(items.map((item) => [item.id, item.goalId])) };
  const states = syncStates(syncs);
  const serving = issues.flatMap((issue) => {
    const record = storedById.get(issue.id);
    const links: EpicLinks = record ? derivedLinks(record, targets) : readEpicLinks(issue.properties?.[epicLinksPropertyKey]);
    const served = links.goalIds.filter((goalId) => goalIds.has(goalId));
    return served.length > 0 ? [{ issue, served }] : [];
  });
  if (serving.length === 0) return new Map();
  const rollups = await loadEpicRollups(jira, kvsRollupStore(), {
    projectId,
    epicIds: serving.map(({ issue }) => issue.id),
    now: nowIso(),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const counts = new Map(rollups.epics.map((entry) => [entry.epicId, entry.rollup.counts]));
  const byGoal = new Map<string, LinkedEpic[]>();
  for (const { issue, served } of serving) {
    const sync = states.get(issue.id);
    const epic: LinkedEpic = {
      id: issue.id,
      key: issue.key,
      summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : issue.key,
      children: counts.get(issue.id) ?? emptyChildCounts(),
      ...(sync ? { sync } : {}),
    };
    for (const goalId of served) {
      const list = byGoal.get(goalId) ?? [];
      list.push(epic);
      byGoal.set(goalId, list);
    }
  }
  return byGoal;
}

/**
 * The project's epics whose indexed property names a goal (among them epics linked before storage
 * held links), then those storage links that the index does not show yet, by id: both as the
 * user, so an epic Jira hides from them is not found. Rank order, the latter after.
 */
async function epicsLinkedOrIndexed(jira: JiraClient, projectId: string, storedLinked: readonly string[]): Promise<SearchedIssue[]> {
  const indexed = await searchAllIssues(jira, {
    jql: `project = ${projectId} AND ${goalSearchAlias} IS NOT EMPTY ORDER BY rank ASC`,
    fields: ['summary'],
    properties: [epicLinksPropertyKey],
  });
  const found = new Set(indexed.map((issue) => issue.id));
  const missing = storedLinked.filter((id) => !found.has(id));
  if (missing.length === 0) return indexed;
  const byId = await visibleIssuesByIds(jira, missing, { fields: ['summary', 'project'], properties: [epicLinksPropertyKey] });
  // An epic moved to another project since keeps its record there no more: it serves none of this project's goals.
  const inProject = byId.filter((issue) => projectIdOf(issue) === projectId);
  return [...indexed, ...inProject];
}

function projectIdOf(issue: SearchedIssue): string | undefined {
  const project = issue.fields?.project;
  return typeof project === 'object' && project !== null && typeof (project as { id?: unknown }).id === 'string' ? (project as { id: string }).id : undefined;
}
