/**
 * What the "Product context" panel shows on an epic: the goals it serves (directly, or through the
 * roadmap items it delivers) with their KPIs and health, those items, and the epic's own delivery
 * (roll-up of its children, and the sprints that carry them). Goals and items are read from
 * storage in four index queries; the roll-up comes from the shared cache (one delta search when
 * warm); sprints from the project's boards.
 */
import type { Request } from '@forge/resolver';
import type { EpicContext, KpiView, Result } from '../../contract';
import { servedGoalIds } from '../../domain/epic-links';
import type { EpicLinks } from '../../domain/epic-links';
import { orderGoals } from '../../domain/goal-order';
import { statusCategoryFromJira } from '../../domain/status-category';
import { workBySprint } from '../../domain/work-sprints';
import { nowIso, todayOf } from '../../adapters/clock';
import { loadEpicRollups } from '../../adapters/delivery/load-epic-rollups';
import { loadProjectSprints } from '../../adapters/delivery/project-sprints';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import type { JiraClient } from '../../adapters/jira/client';
import { kvsRollupStore } from '../../adapters/storage/epic-rollups';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import type { GoalRecord, Keyed, RoadmapItemRecord } from '../../adapters/storage/records';
import { itemsOfProject } from '../../adapters/storage/roadmap-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import type { TrustedContext } from '../context';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { kpiView } from '../strategy/views';
import { panelEpic } from './panel-epic';
import { goalCheckIn, itemCheckIn, loadCheckInState } from '../check-ins/summaries';
import type { CheckInState, Judging } from '../check-ins/summaries';
import { say } from '../../i18n/server-texts';

const itemFacts = (item: Keyed<RoadmapItemRecord>) => ({ id: item.id, status: item.status, createdAt: item.createdAt, ...(item.endDate ? { endDate: item.endDate } : {}) });

export async function getEpicContext(request: Request): Promise<Result<EpicContext>> {
  const panel = await panelEpic(request);
  if (!panel.ok) return panel;
  const { jira, access, context, epic } = panel.value;
  const [product, delivery] = await Promise.all([
    loadProductOf(access.project.id, context.timeZone),
    loadEpicDelivery(jira, { projectId: access.project.id, epicId: epic.id, context }),
  ]);
  if (!delivery.ok) return delivery;
  return ok(epicContextView({ epic, product, delivery: delivery.value, canLink: access.permissions.has('EDIT_ISSUES'), licensed: context.licensed }));
}

export interface ProductOfProject {
  goals: Array<Keyed<GoalRecord>>;
  items: Array<Keyed<RoadmapItemRecord>>;
  kpisByGoal: Map<string, KpiView[]>;
  /** Each goal's and item's check-in head and the product's cadence, judged in the viewer's zone. */
  checkIns?: { state: CheckInState; judge: Judging };
}

/** The project's goals (ranked), items (ranked) and KPI views by goal. */
export async function loadProductOf(projectId: string, timeZone?: string): Promise<ProductOfProject> {
  const [goals, items, kpis, series, checkIns] = await Promise.all([
    goalsOfProject(projectId),
    itemsOfProject(projectId),
    kpisOfProject(projectId),
    seriesOfProject(projectId),
    loadCheckInState(projectId),
  ]);
  const now = nowIso();
  const today = todayOf(now);
  const seriesByKpi = new Map(series.map((head) => [head.kpiId, head]));
  const kpisByGoal = new Map<string, KpiView[]>();
  // KPIs in the order they were added, as the Goals tab lists them.
  for (const kpi of [...kpis].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))) {
    const views = kpisByGoal.get(kpi.goalId) ?? [];
    views.push(kpiView(kpi, seriesByKpi.get(kpi.id), today));
    kpisByGoal.set(kpi.goalId, views);
  }
  return { goals: orderGoals(goals), items, kpisByGoal, checkIns: { state: checkIns, judge: { now, timeZone } } };
}

export type EpicDelivery = Pick<EpicContext, 'rollup' | 'sprints'>;

/** The epic's roll-up from the shared cache, and where its children sit among the project's sprints. */
export async function loadEpicDelivery(
  jira: JiraClient,
  options: { projectId: string; epicId: string; context: TrustedContext },
): Promise<Outcome<EpicDelivery>> {
  const { boards, sprints } = await loadProjectSprints(jira, { projectId: options.projectId });
  const loaded = await loadEpicRollups(jira, kvsRollupStore(), {
    projectId: options.projectId,
    epicIds: [options.epicId],
    now: nowIso(),
    boards,
    ...(options.context.timeZone ? { timeZone: options.context.timeZone } : {}),
  });
  const entry = loaded.epics.find((candidate) => candidate.epicId === options.epicId);
  if (!entry) return fail('jira-unavailable', say('epics.childrenLate'));
  return ok({ rollup: entry.rollup, sprints: workBySprint(entry.groups, sprints) });
}

/**
 * The view of one epic's links. Ids of goals or items deleted since they were linked are left
 * out, so the panel never offers them and the next save drops them from the property.
 */
export function epicContextView(args: { epic: LinkedJiraEpic; product: ProductOfProject; delivery: EpicDelivery; canLink: boolean; licensed: boolean }): EpicContext {
  const { epic, product, delivery } = args;
  const goalIds = new Set(product.goals.map((goal) => goal.id));
  const itemsById = new Map(product.items.map((item) => [item.id, item]));
  const links: Pick<EpicLinks, 'directGoalIds' | 'roadmapItemIds'> = {
    directGoalIds: epic.links.directGoalIds.filter((id) => goalIds.has(id)),
    roadmapItemIds: epic.links.roadmapItemIds.filter((id) => itemsById.has(id)),
  };
  // From the items' goals as they are now, not as the property last recorded them.
  const served = new Set(servedGoalIds(links, (itemId) => itemsById.get(itemId)?.goalId).filter((id) => goalIds.has(id)));
  const direct = new Set(links.directGoalIds);
  const linkedItems = new Set(links.roadmapItemIds);
  return {
    epic: {
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      status: { name: epic.statusName, category: statusCategoryFromJira(epic.statusCategoryKey) },
    },
    links: {
      epicId: epic.id,
      goalIds: [...served].sort(),
      directGoalIds: links.directGoalIds,
      roadmapItemIds: links.roadmapItemIds,
      linksVersion: epic.links.version,
      ...(epic.sync ? { sync: epic.sync } : {}),
    },
    goals: product.goals
      .filter((goal) => served.has(goal.id))
      .map((goal) => ({
        id: goal.id,
        title: goal.title,
        status: goal.status,
        direct: direct.has(goal.id),
        kpis: product.kpisByGoal.get(goal.id) ?? [],
        ...(product.checkIns ? { checkIn: goalCheckIn(product.checkIns.state, goal, product.kpisByGoal.get(goal.id) ?? [], product.checkIns.judge) } : {}),
      })),
    items: product.items
      .filter((item) => linkedItems.has(item.id))
      .map((item) => ({
        id: item.id,
        title: item.title,
        status: item.status,
        horizon: item.horizon,
        ...(item.goalId ? { goalId: item.goalId } : {}),
        ...(item.startDate ? { startDate: item.startDate } : {}),
        ...(item.endDate ? { endDate: item.endDate } : {}),
        ...(item.owner ? { owner: item.owner } : {}),
        ...(product.checkIns ? { checkIn: itemCheckIn(product.checkIns.state, itemFacts(item), undefined, product.checkIns.judge) } : {}),
      })),
    rollup: delivery.rollup,
    sprints: delivery.sprints,
    options: {
      // Archived goals are not offered, unless this epic still serves one directly (so it can be unlinked).
      goals: product.goals.filter((goal) => goal.status !== 'archived' || direct.has(goal.id)).map((goal) => ({ id: goal.id, title: goal.title })),
      items: product.items.map((item) => ({ id: item.id, title: item.title, ...(item.goalId ? { goalId: item.goalId } : {}) })),
    },
    // An inactive licence makes the panel read-only; Jira's own Edit Issues decides the rest.
    viewer: { canLink: args.canLink && args.licensed, licensed: args.licensed },
  };
}
