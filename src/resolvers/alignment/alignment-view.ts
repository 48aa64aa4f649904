/**
 * The Alignment tab, read as the viewer: the same loads as the roadmap (`loadRoadmapEpics`: the
 * viewer's epics with their links and roll-ups, three Jira requests when warm), then the pure computations of src/domain/alignment.ts and sprint-investment.ts.
 * "Recent activity" is the epic's own `updated`, which rides along on the epic search for free;
 * the children's latest update would need a search per load, and the roll-up cache keeps no dates.
 */
import type { AlignmentEpic, AlignmentRoadmapItem, AlignmentView } from '../../contract';
import { alignmentOf } from '../../domain/alignment';
import { rollupOfEpics } from '../../domain/rollup-merge';
import { sprintInvestment } from '../../domain/sprint-investment';
import { orderGoals } from '../../domain/goal-order';
import { nowIso } from '../../adapters/clock';
import { dayIn } from '../../domain/calendar';
import { asEpicChildren } from '../../adapters/delivery/load-epic-rollups';
import type { EpicRollupEntry } from '../../adapters/delivery/load-epic-rollups';
import { loadRoadmapEpics } from '../../adapters/delivery/roadmap-epics';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { itemsOfProject, loadLanes } from '../../adapters/storage/roadmap-store';
import { ok } from '../results';
import { viewerRead } from '../calls';
import { epicStatus, epicsByItem } from '../roadmap/views';
import { say, sayCoded } from '../../i18n/server-texts';

export const getAlignment = viewerRead(async ({ jira, access, projectId, context }) => {
  const now = nowIso();
  const [{ epics, rollups: loaded, sprints }, items, lanes, storedGoals] = await Promise.all([
    loadRoadmapEpics(jira, { projectId, now, ...(context.timeZone ? { timeZone: context.timeZone } : {}) }),
    itemsOfProject(projectId),
    loadLanes(projectId),
    goalsOfProject(projectId),
  ]);
  const rollups = new Map(loaded.epics.map((entry) => [entry.epicId, entry]));
  const goals = orderGoals(storedGoals).filter((goal) => goal.status !== 'archived');
  const goalOfItem = new Map(items.flatMap((item) => (item.goalId ? [[item.id, item.goalId] as const] : [])));

  const alignment = alignmentOf({
    epics: epics.map((epic) => ({ id: epic.id, category: epicStatus(epic).category, directGoalIds: epic.links.directGoalIds, roadmapItemIds: epic.links.roadmapItemIds })),
    goals,
    goalOfItem: (itemId) => goalOfItem.get(itemId),
  });

  const investment = sprintInvestment({
    sprints,
    goalIds: goals.map((goal) => goal.id),
    epics: loaded.epics.map((entry) => ({ epicId: entry.epicId, children: entry.groups, goalIds: (alignment.links.get(entry.epicId) ?? []).map((link) => link.goalId) })),
  });

  const epicViews = epics.map((epic): AlignmentEpic => {
    const rollup = rollups.get(epic.id)?.rollup;
    return {
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      status: epicStatus(epic),
      goals: alignment.links.get(epic.id) ?? [],
      linksVersion: epic.links.version,
      ...(epic.sync ? { sync: epic.sync } : {}),
      ...(epic.updated ? { updated: epic.updated } : {}),
      ...(rollup ? { size: { issues: rollup.counts.total, points: rollup.points.total, unestimated: rollup.unestimated.total } } : {}),
    };
  });

  const keyOf = new Map(epics.map((epic) => [epic.id, epic.key]));
  const laneName = new Map(lanes.lanes.map((lane) => [lane.id, lane.name]));
  const goalTitle = new Map(storedGoals.map((goal) => [goal.id, goal.title]));
  const byItem = epicsByItem(epics);
  const itemRows = items.map((item): AlignmentRoadmapItem => {
    const epicIds = byItem.get(item.id) ?? [];
    const entries = epicIds.map((epicId) => rollups.get(epicId));
    const lane = lanes.laneMode === 'goals' ? (item.goalId ? goalTitle.get(item.goalId) : undefined) : item.laneId ? laneName.get(item.laneId) : undefined;
    return {
      id: item.id,
      title: item.title,
      ...(item.goalId ? { goalId: item.goalId } : {}),
      ...(lane ? { lane } : {}),
      horizon: item.horizon,
      ...(item.startDate ? { startDate: item.startDate } : {}),
      ...(item.endDate ? { endDate: item.endDate } : {}),
      status: item.status,
      epicKeys: epicIds.map((epicId) => keyOf.get(epicId) ?? epicId),
      ...(entries.every((entry): entry is EpicRollupEntry => entry !== undefined) ? { progress: itemProgress(entries) } : {}),
    };
  });

  const view: AlignmentView = {
    project: { id: access.project.id, key: access.project.key },
    viewer: { canEdit: access.canEdit, canLink: access.canLink },
    goals: goals.map((goal) => ({ id: goal.id, title: goal.title, status: goal.status })),
    epics: epicViews,
    unalignedEpicIds: alignment.unalignedEpicIds,
    goalsWithoutWork: alignment.goalsWithoutWork,
    investment,
    items: itemRows,
    storyPoints: loaded.storyPoints.ok ? { fieldName: loaded.storyPoints.name, message: say('roadmap.storyPointsFrom', { field: loaded.storyPoints.name }) } : { message: sayCoded(loaded.storyPoints.message) },
    pending: loaded.pending,
    today: dayIn(Date.parse(now), context.timeZone),
  };
  return ok(view);
});

function itemProgress(entries: readonly EpicRollupEntry[]): NonNullable<AlignmentRoadmapItem['progress']> {
  const rollup = rollupOfEpics(asEpicChildren(entries));
  return { doneIssues: rollup.counts.done, totalIssues: rollup.counts.total, donePoints: rollup.points.done, totalPoints: rollup.points.total };
}
