/**
 * The three dashboard gadgets. Each is one resolver call: the Browse check as the user on the
 * configured project (gadget-access.ts), then the loads the product page already makes, cut down
 * to the rows a dashboard cell shows. Goal health reads storage only (goals, KPIs, their newest
 * values); Roadmap now and Unaligned work run the roadmap's and the Alignment tab's own loaders.
 */
import type { Request } from '@forge/resolver';
import type { AppError, GadgetOptions, GoalHealthGadget, KpiView, Result, RoadmapNowGadget, UnalignedWorkGadget } from '../../contract';
import { nowIso } from '../../adapters/clock';
import { createJiraClient } from '../../adapters/jira/client';
import { browsableProjects } from '../../adapters/jira/project-search';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import { projectsWithData } from '../../adapters/storage/portfolio-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import { dayIn } from '../../domain/calendar';
import { orderGoals } from '../../domain/goal-order';
import { getAlignment } from '../alignment/alignment-view';
import { trustedContext } from '../context';
import { fail, ok } from '../results';
import { getRoadmap } from '../roadmap/roadmap-view';
import { parsePayload } from '../calls';
import { kpiView } from '../strategy/views';
import { authorizeGadget, gadgetProjectDenied } from './gadget-access';
import { say } from '../../i18n/server-texts';

/** A loader's failure as this gadget's (a conflict's `current` belongs to the loader's view, not here). */
const passOn = (error: AppError) => fail(error.code, error.message, error.field);

/**
 * The edit view's choices: the products (projects with Throughline data) the viewer may browse,
 * by name, and the chosen product's open goals for Roadmap now's filter.
 */
export async function getGadgetOptions(request: Request): Promise<Result<GadgetOptions>> {
  const context = trustedContext(request.context);
  if (!context.accountId) return fail('forbidden', say('access.signInGadgetSetup'));
  const payload = parsePayload('getGadgetOptions', request.payload);
  if (!payload.ok) return payload;
  const candidates = await projectsWithData();
  const projects = candidates.length === 0 ? [] : await browsableProjects(createJiraClient({ actor: 'user' }), candidates);
  const chosen = payload.value.projectId;
  if (chosen !== null && !projects.some((project) => project.id === chosen)) return fail('forbidden', gadgetProjectDenied());
  const goals = chosen === null ? [] : orderGoals(await goalsOfProject(chosen)).filter((goal) => goal.status !== 'archived');
  return ok({
    projects: [...projects].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)),
    goals: goals.map((goal) => ({ id: goal.id, title: goal.title, status: goal.status })),
  });
}

export async function getGoalHealthGadget(request: Request): Promise<Result<GoalHealthGadget>> {
  const access = await authorizeGadget(request, 'getGoalHealthGadget');
  if (!access.ok) return access;
  const { project, payload, context } = access.value;
  const [goals, kpis, series] = await Promise.all([goalsOfProject(project.id), kpisOfProject(project.id), seriesOfProject(project.id)]);
  const today = dayIn(Date.parse(nowIso()), context.timeZone);
  const seriesByKpi = new Map(series.map((head) => [head.kpiId, head]));
  const kpisByGoal = new Map<string, KpiView[]>();
  for (const kpi of [...kpis].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))) {
    kpisByGoal.set(kpi.goalId, [...(kpisByGoal.get(kpi.goalId) ?? []), kpiView(kpi, seriesByKpi.get(kpi.id), today)]);
  }
  const shown = orderGoals(goals.filter((goal) => goal.status !== 'archived'));
  return ok({
    project,
    goals: shown.slice(0, payload.rows).map((goal) => ({
      id: goal.id,
      title: goal.title,
      status: goal.status,
      kpis: (kpisByGoal.get(goal.id) ?? []).map((kpi) => ({ id: kpi.id, name: kpi.name, health: kpi.health, healthReason: kpi.healthReason })),
    })),
    more: Math.max(0, shown.length - payload.rows),
  });
}

export async function getRoadmapNowGadget(request: Request): Promise<Result<RoadmapNowGadget>> {
  const access = await authorizeGadget(request, 'getRoadmapNowGadget');
  if (!access.ok) return access;
  const { project, payload, inProject } = access.value;
  const roadmap = await getRoadmap(inProject);
  if (!roadmap.ok) return passOn(roadmap.error);
  const view = roadmap.value;
  const goal = payload.goalId === null ? undefined : view.goals.find((candidate) => candidate.id === payload.goalId);
  if (payload.goalId !== null && !goal) return fail('not-found', say('access.gadgetGoalGone'), 'goalId');
  const goalTitle = new Map(view.goals.map((candidate) => [candidate.id, candidate.title]));
  // Done and parked items are no longer "now" work, whatever their column.
  const open = view.items.filter((item) => item.horizon === 'now' && item.status !== 'done' && item.status !== 'parked' && (!goal || item.goalId === goal.id));
  return ok({
    project,
    ...(goal ? { goal: { id: goal.id, title: goal.title } } : {}),
    items: open.slice(0, payload.rows).map((item) => {
      const forecast = item.delivery?.forecast;
      const title = item.goalId ? goalTitle.get(item.goalId) : undefined;
      return {
        id: item.id,
        title: item.title,
        status: item.status,
        ...(title ? { goalTitle: title } : {}),
        ...(item.endDate ? { endDate: item.endDate } : {}),
        ...(item.delivery && item.epicIds.length > 0 ? { progress: { done: item.delivery.rollup.counts.done, total: item.delivery.rollup.counts.total } } : {}),
        ...(forecast?.kind === 'forecast' ? { finishDate: forecast.finishDate } : {}),
        atRisk: forecast?.atRisk ?? false,
        ...(item.checkIn?.updateDue ? { updateDue: true } : {}),
      };
    }),
    more: Math.max(0, open.length - payload.rows),
    loading: view.pending.length > 0,
  });
}

export async function getUnalignedWorkGadget(request: Request): Promise<Result<UnalignedWorkGadget>> {
  const access = await authorizeGadget(request, 'getUnalignedWorkGadget');
  if (!access.ok) return access;
  const { project, payload, inProject } = access.value;
  const alignment = await getAlignment(inProject);
  if (!alignment.ok) return passOn(alignment.error);
  const view = alignment.value;
  const epicById = new Map(view.epics.map((epic) => [epic.id, epic]));
  const unaligned = view.unalignedEpicIds.flatMap((id) => epicById.get(id) ?? []);
  // Largest first; epics still being crawled have no size yet and go last, in rank order.
  const largest = [...unaligned].sort((a, b) => (b.size?.issues ?? -1) - (a.size?.issues ?? -1));
  const goalById = new Map(view.goals.map((goal) => [goal.id, goal]));
  return ok({
    project,
    unalignedCount: unaligned.length,
    epics: largest.slice(0, payload.rows).map((epic) => ({
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      status: epic.status,
      ...(epic.size ? { issues: epic.size.issues } : {}),
    })),
    goalsWithoutWork: view.goalsWithoutWork.flatMap((id) => goalById.get(id) ?? []).slice(0, payload.rows),
    loading: view.pending.length > 0,
  });
}
