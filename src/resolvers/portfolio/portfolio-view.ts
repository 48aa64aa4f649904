/**
 * The portfolio: every product the viewer may browse. Storage says which projects have data (three
 * index queries), then one Jira project search as the user per 50 of them keeps only those the
 * viewer may browse. Nothing about the others is read, counted or returned. Each remaining
 * product costs seven storage requests (vision, goals, KPIs, series, items, check-in heads, cadence)
 * and no Jira request: KPI health comes from stored values, the roadmap summary from stored items,
 * "updates due" from each goal's and item's check-in head.
 */
import type { Request } from '@forge/resolver';
import type { PortfolioProduct, PortfolioView, ProjectRef, Result } from '../../contract';
import { mapWithConcurrency } from '../../adapters/concurrency';
import { nowIso } from '../../adapters/clock';
import { dayIn } from '../../domain/calendar';
import { createJiraClient } from '../../adapters/jira/client';
import { browsableProjects } from '../../adapters/jira/project-search';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { kpisOfProject } from '../../adapters/storage/kpi-store';
import { projectsWithData } from '../../adapters/storage/portfolio-store';
import { itemsOfProject } from '../../adapters/storage/roadmap-store';
import { seriesOfProject } from '../../adapters/storage/series-store';
import { currentVision } from '../../adapters/storage/vision-store';
import { orderGoals } from '../../domain/goal-order';
import { byProductName, hasProductData, healthCounts, roadmapSummary } from '../../domain/portfolio';
import { kpiHealth } from '../../domain/kpi-health';
import { plainMeasurement } from '../../adapters/storage/series-layout';
import { trustedContext } from '../context';
import { loadCheckInState, updatesDue } from '../check-ins/summaries';
import type { Judging } from '../check-ins/summaries';
import { fail, ok } from '../results';
import { say } from '../../i18n/server-texts';

/** Products loaded at once: five storage queries each, well inside the KVS rate. */
const productsInFlight = 5;

export async function getPortfolio(request: Request): Promise<Result<PortfolioView>> {
  const context = trustedContext(request.context);
  if (!context.accountId) return fail('forbidden', say('access.signInPortfolio'));
  // The viewer's day decides which roadmap items passed their end date.
  const now = nowIso();
  const today = dayIn(Date.parse(now), context.timeZone);
  const candidates = await projectsWithData();
  const projects = candidates.length === 0 ? [] : await browsableProjects(createJiraClient({ actor: 'user' }), candidates);
  const products = await mapWithConcurrency(projects, productsInFlight, (project) => loadProduct(project, today, { now, timeZone: context.timeZone }));
  return ok({
    products: products
      .filter((product): product is PortfolioProduct => product !== undefined)
      .sort(byProductName),
    today,
  });
}

async function loadProduct(project: ProjectRef, today: string, judge: Judging): Promise<PortfolioProduct | undefined> {
  const [vision, goals, kpis, series, items, checkIns] = await Promise.all([
    currentVision(project.id),
    goalsOfProject(project.id),
    kpisOfProject(project.id),
    seriesOfProject(project.id),
    itemsOfProject(project.id),
    loadCheckInState(project.id),
  ]);
  if (!hasProductData({ visionVersion: vision?.version ?? 0, goals: goals.length, items: items.length })) return undefined;
  const latestByKpi = new Map(series.map((head) => [head.kpiId, head.recent.at(-1)]));
  const shownGoals = orderGoals(goals.filter((goal) => goal.status !== 'archived'));
  const shownIds = new Set(shownGoals.map((goal) => goal.id));
  const kpisOfGoal = new Map<string, PortfolioProduct['goals'][number]['kpis']>();
  for (const kpi of [...kpis].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))) {
    if (!shownIds.has(kpi.goalId)) continue;
    const newest = latestByKpi.get(kpi.id);
    const { health } = kpiHealth(kpi, newest ? plainMeasurement(newest) : undefined, today);
    kpisOfGoal.set(kpi.goalId, [...(kpisOfGoal.get(kpi.goalId) ?? []), { id: kpi.id, name: kpi.name, health }]);
  }
  const goalViews = shownGoals.map((goal) => ({ id: goal.id, title: goal.title, status: goal.status, kpis: kpisOfGoal.get(goal.id) ?? [] }));
  return {
    project,
    vision: { productName: vision?.board.productName ?? '', vision: vision?.board.vision ?? '' },
    goals: goalViews,
    kpiHealth: healthCounts(goalViews.flatMap((goal) => goal.kpis.map((kpi) => kpi.health))),
    roadmap: roadmapSummary(items, today),
    updatesDue: updatesDue(checkIns, shownGoals, items, judge),
  };
}
