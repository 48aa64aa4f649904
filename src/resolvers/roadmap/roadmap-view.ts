/**
 * The roadmap as the viewer may see it: items and lanes from storage; the project's epics the
 * viewer's own Jira search lists, with their links and roll-ups kept in step incrementally
 * (src/adapters/delivery/roadmap-epics.ts): a warm load asks Jira three things, whatever the size.
 */
import type { Result, RoadmapView } from '../../contract';
import { firstPage, furtherPage } from './roadmap-pages';
import { distinctChildren } from '../../domain/rollup-merge';
import { itemDelivery } from '../../domain/item-delivery';
import { velocityOf } from '../../domain/velocity';
import { nowIso } from '../../adapters/clock';
import { dayIn } from '../../domain/calendar';
import { loadRoadmapEpics } from '../../adapters/delivery/roadmap-epics';
import { asEpicChildren } from '../../adapters/delivery/load-epic-rollups';
import type { EpicRollupEntry } from '../../adapters/delivery/load-epic-rollups';
import { goalsOfProject } from '../../adapters/storage/goal-store';
import { boardVersionOf, itemsOfProject, loadLanes } from '../../adapters/storage/roadmap-store';
import { orderGoals } from '../../domain/goal-order';
import { fail, ok } from '../results';
import { viewerCall } from '../calls';
import type { Call } from '../calls';
import { loadCheckInState, withCheckIns } from '../check-ins/summaries';
import { evidenceSummaries, withEvidence } from './evidence';
import { epicsByItem, itemView, roadmapEpic } from './views';
import { loadProjectReleases } from '../../adapters/delivery/project-releases';
import { releaseViews, suggestedDependencies, withLiveDependencies } from './roadmap-releases';
import { loadScoring } from '../../adapters/storage/scoring-store';
import { roadmapCrawl } from './roadmap-crawl';
import { say, sayCoded } from '../../i18n/server-texts';

/** The whole roadmap, every item: for the app's own summaries (gadgets, check-ins), not the wire. */
export const getRoadmap = viewerCall('getRoadmap', roadmapView);

/** The roadmap as answered to the page: the first page of items; `itemsPage` says where the rest is. */
export const getRoadmapFirstPage = viewerCall('getRoadmap', pagedRoadmap);

/**
 * A further page of items, as the first page's load computed it (src/resolvers/roadmap/roadmap-pages.ts):
 * it reads only its own items, never the whole board. Without a cursor: the first page's items.
 */
export const getRoadmapItems = viewerCall('getRoadmapItems', async (call) => {
  const { cursor } = call.payload;
  if (cursor !== undefined) return furtherPage(cursor, { projectId: call.projectId, accountId: call.access.accountId });
  const view = await pagedRoadmap({ ...call, payload: {} });
  if (!view.ok) return fail(view.error.code, view.error.message, view.error.field);
  const { items, itemsPage } = view.value;
  return ok({ items, offset: 0, total: itemsPage?.total ?? items.length, ...(itemsPage ? { cursor: itemsPage.cursor } : {}) });
});

async function pagedRoadmap(call: Call<{ refresh?: 'auto' | 'full' }>): Promise<Result<RoadmapView>> {
  // Read before the board: a write landing while the view is computed then reads as a changed board.
  const boardVersion = await boardVersionOf(call.projectId);
  const view = await roadmapView(call);
  return view.ok ? ok(await firstPage(view.value, { projectId: call.projectId, accountId: call.access.accountId, boardVersion })) : view;
}

async function roadmapView({ jira, access, projectId, payload, context }: Call<{ refresh?: 'auto' | 'full' }>): Promise<Result<RoadmapView>> {
  const now = nowIso();
  // The viewer's day: at 08:00 UTC it is already tomorrow in Sydney and still yesterday in Los Angeles.
  const today = dayIn(Date.parse(now), context.timeZone);
  // Read beside the rest; handled now so a failure elsewhere first never leaves it unobserved.
  const scoringLoad = loadScoring(projectId);
  scoringLoad.catch(() => undefined);
  // Card counts of evidence: the stored heads only; JQL counts come after the board renders (countEvidenceJql).
  const evidenceLoad = evidenceSummaries(projectId);
  evidenceLoad.catch(() => undefined);
  // Each item's check-in state: its heads' query and the cadence (src/resolvers/check-ins/summaries.ts).
  const checkInLoad = loadCheckInState(projectId);
  checkInLoad.catch(() => undefined);
  // One request at most, as the viewer; the copy is shared by the project's browsers for ten minutes.
  const releasesLoad = loadProjectReleases(jira, { projectId, now, ...(payload.refresh ? { refresh: payload.refresh } : {}) });
  releasesLoad.catch(() => undefined);
  // Read once: the epics' stored links check their targets against these same records.
  const productRecords = { items: itemsOfProject(projectId), goals: goalsOfProject(projectId) };
  productRecords.items.catch(() => undefined);
  productRecords.goals.catch(() => undefined);
  const [{ epics, rollups: loaded, sprints }, items, lanes, goals] = await Promise.all([
    loadRoadmapEpics(jira, {
      projectId,
      now,
      productRecords,
      ...(context.timeZone ? { timeZone: context.timeZone } : {}),
      ...(payload.refresh ? { refresh: payload.refresh } : {}),
    }),
    productRecords.items,
    loadLanes(projectId),
    productRecords.goals,
  ]);
  const rollups = new Map(loaded.epics.map((entry) => [entry.epicId, entry]));
  const velocity = velocityOf({ children: distinctChildren(asEpicChildren(loaded.epics)), sprints });
  const byItem = epicsByItem(epics);
  const releases = await releasesLoad;

  const itemViews = items.map((item) => {
    const epicIds = byItem.get(item.id) ?? [];
    const entries = epicIds.map((epicId) => rollups.get(epicId));
    // An item's delivery is shown only once all its epics are rolled up: a partial sum would mislead.
    if (entries.some((entry) => entry === undefined)) return itemView(item, epicIds);
    const delivery = itemDelivery({
      epics: asEpicChildren(entries as EpicRollupEntry[]),
      velocity,
      sprints,
      today,
      hasEstimateField: loaded.storyPoints.ok,
      settled: item.status === 'done' || item.status === 'parked',
      ...(context.timeZone ? { timeZone: context.timeZone } : {}),
      ...(item.endDate ? { endDate: item.endDate } : {}),
      ...(releases ? { releases } : {}),
    });
    return itemView(item, epicIds, delivery.forecast.kind === 'none' ? { ...delivery, forecast: { ...delivery.forecast, message: sayCoded(delivery.forecast.message) } } : delivery);
  });
  const liveItems = withLiveDependencies(itemViews);

  const scoring = await scoringLoad;
  const view: RoadmapView = {
    project: access.project,
    viewer: { canEdit: access.canEdit, canLink: access.canLink, editRule: access.editRule, licensed: access.licensed, accountId: access.accountId },
    laneMode: lanes.laneMode,
    lanes: lanes.lanes,
    setupVersion: lanes.version,
    goals: orderGoals(goals).map((goal) => ({ id: goal.id, title: goal.title, status: goal.status })),
    items: withCheckIns(withEvidence(liveItems, await evidenceLoad), items, await checkInLoad, { now, timeZone: context.timeZone }),
    epics: epics.map((epic) => roadmapEpic(epic, rollups.get(epic.id)?.rollup)),
    sprints: sprints.map((sprint) => ({ ...sprint, boardIds: [...(sprint.boardIds ?? [])] })),
    velocity: velocity.ok ? velocity : { ...velocity, message: sayCoded(velocity.message) },
    storyPoints: loaded.storyPoints.ok
      ? { fieldId: loaded.storyPoints.fieldId, fieldName: loaded.storyPoints.name, message: say('roadmap.storyPointsFrom', { field: loaded.storyPoints.name }) }
      : { message: sayCoded(loaded.storyPoints.message) },
    pending: loaded.pending,
    today,
    ...(releases ? { releases: releaseViews(releases, today) } : {}),
    suggestedDependencies: suggestedDependencies(epics, liveItems),
    scoring,
    ...(loaded.crawl ? { crawl: roadmapCrawl(loaded.crawl) } : {}),
  };
  return ok(view);
}
