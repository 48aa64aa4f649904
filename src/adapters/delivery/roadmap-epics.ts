/**
 * The project's epics with their links and roll-ups, the way the roadmap needs them, in as few
 * Jira requests as a warm load allows: the viewer's own ids-only epic search (which epics they may
 * see, up to 5,000 in one request), and ONE delta search that brings both the children's changes
 * (roll-ups) and the changed epics' cards. Epic types, boards and sprints are read again after
 * `shapeMaxAgeMs`; cards are read again in full after `cardsFullMaxAgeMs`, when they fell out of
 * step with the roll-up sync (another caller synced in between), or on `refresh: 'full'`.
 *
 * Jira's search index shows a property write seconds to minutes later, and returns the epic as it
 * last indexed it until then, so a search can bring back links older than those the app just wrote
 * (and remembered in the card). Epics whose links the app wrote lately are therefore read with
 * `reconcileIssues`: in the full search, and again by id when the delta search brought them.
 * @see https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
 */
import { coldReason, loadEpicRollups } from './load-epic-rollups';
import { readEstimationSetup } from '../jira/story-points';
import { crawlIsFree, readCrawl } from '../storage/rollup-crawl-store';
import type { LoadedRollups } from './load-epic-rollups';
import { loadProjectSprints } from './project-sprints';
import type { TimelineSprint } from '../../domain/delivery';
import type { JiraBoard } from '../jira/agile';
import type { JiraClient } from '../jira/client';
import { epicsByIds, listEpicsWithLinks, visibleEpicIds } from '../jira/epic-links';
import { epicCardsByIds } from '../jira/epic-cards';
import type { LinkedJiraEpic } from '../jira/epic-links';
import { epicIssueTypeIds } from '../jira/projects';
import { kvsRollupStore } from '../storage/epic-rollups';
import { readProjectLinks, withStoredLinks } from './link-sync';
import type { ProductRecords } from './link-sync';
import { recentlyLinkedEpicIds } from './recent-link-writes';
import { readEpicCards, readProjectShape, writeEpicCards, writeProjectShape } from '../storage/project-cache';

/** Sprints start and close during the day: a new one shows within this long. */
export const shapeMaxAgeMs = 10 * 60_000;
/** More epics than one page of cards: read by id batches in parallel (jira/epic-cards.ts). */
const manyEpics = 100;
/** Link properties written outside the app (automation, REST) show within this long. */
export const cardsFullMaxAgeMs = 24 * 60 * 60_000;

export interface RoadmapEpics {
  /** The epics the viewer may see, in Jira's rank order. */
  epics: LinkedJiraEpic[];
  rollups: LoadedRollups;
  boards: JiraBoard[];
  sprints: TimelineSprint[];
  cache: { shape: 'cached' | 'read'; cards: 'delta' | 'full' };
}

export async function loadRoadmapEpics(
  jira: JiraClient,
  options: {
    projectId: string;
    now: string;
    timeZone?: string;
    refresh?: 'auto' | 'full';
    /** The project's goals and items, when the caller reads them too (read once, not twice). */
    productRecords?: ProductRecords;
  },
): Promise<RoadmapEpics> {
  const { projectId, now } = options;
  const nowMs = Date.parse(now);
  const store = kvsRollupStore();
  // The cards (a query page per 100 epics, each a storage round trip) are needed only once the
  // roll-ups are in: read beside the Jira searches, not before them.
  const cardsLoad = readEpicCards(projectId);
  cardsLoad.catch(() => undefined);
  // So are the epics' stored links (read before the epics are known: they are the project's).
  const linksLoad = readProjectLinks(projectId, options.productRecords);
  linksLoad.catch(() => undefined);
  const [stored, recentlyLinked, marker, crawl] = await Promise.all([
    readProjectShape(projectId),
    recentlyLinkedEpicIds(now),
    store.readSync(projectId),
    readCrawl(projectId),
  ]);
  const forced = options.refresh === 'full';
  const shapeFresh = !forced && stored !== undefined && nowMs - Date.parse(stored.shapeAt) < shapeMaxAgeMs;
  // The epic list needs the epic types only; the boards' sprints come beside it, not before it.
  const shapeLoad = shapeFresh
    ? Promise.resolve({ boards: stored.boards, sprints: stored.sprints })
    : loadProjectSprints(jira, { projectId });
  shapeLoad.catch(() => undefined);
  // A cold roll-up load reads the estimation setup (fields, project, boards' estimation): start it
  // now, beside the epic list, rather than after it. Not while a full crawl runs: it carries its own.
  const fullCrawlRunning = !crawlIsFree(crawl, nowMs) && crawl?.kind === 'full';
  const estimationSetup =
    coldReason(marker, nowMs, options.refresh) === undefined || fullCrawlRunning
      ? undefined
      : // Its own board list when none is stored (one request more than waiting for the sprints' list, one round trip less).
        readEstimationSetup(jira, { projectId, ...(shapeFresh ? { boards: stored.boards } : {}) });
  estimationSetup?.catch(() => undefined);
  const epicTypeIds = shapeFresh ? stored.epicTypeIds : await epicIssueTypeIds(jira, projectId);

  // Epics created or linked by the app moments ago are reconciled: a new epic is listed at once.
  const visibleLoad = visibleEpicIds(jira, { projectId, epicTypeIds, reconcileIssues: recentlyLinked });
  visibleLoad.catch(() => undefined);
  // Started beside the epic search: a warm load's delta search needs only the project, so the two
  // searches are one round trip, not two in a row (it takes the epic ids when they come).
  const rollupsLoad = loadEpicRollups(jira, store, {
    projectId,
    epicIds: visibleLoad,
    now,
    allEpics: true,
    boards: shapeLoad.then((shape) => shape.boards),
    collectEpicCards: true,
    crawlInBackground: true,
    ...(estimationSetup ? { estimationSetup } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
  });
  rollupsLoad.catch(() => undefined);
  const visible = await visibleLoad;
  const { boards, sprints } = await shapeLoad;
  // Cards that cannot be in step with the roll-ups are read in full: start now, beside the roll-ups.
  const cardsStale = forced || stored?.cardsSyncedAt === undefined || stored.cardsFullAt === undefined || nowMs - Date.parse(stored.cardsFullAt) >= cardsFullMaxAgeMs;
  const earlyCards = !cardsStale
    ? undefined
    : visible.length > manyEpics
      ? epicCardsByIds(jira, visible, recentlyLinked)
      : listEpicsWithLinks(jira, { projectId, epicTypeIds, reconcileIssues: recentlyLinked });
  earlyCards?.catch(() => undefined);
  const rollups = await rollupsLoad;
  const cached = await cardsLoad;

  const cardsInStep =
    !forced &&
    stored?.cardsSyncedAt !== undefined &&
    stored.cardsFullAt !== undefined &&
    nowMs - Date.parse(stored.cardsFullAt) < cardsFullMaxAgeMs &&
    rollups.changedEpics !== undefined &&
    rollups.sync.previousSyncedAt === stored.cardsSyncedAt;

  let cards: Map<string, LinkedJiraEpic>;
  let put: LinkedJiraEpic[];
  let remove: string[] = [];
  if (cardsInStep) {
    cards = new Map(cached);
    const recent = new Set(recentlyLinked);
    // The delta's copy of an epic the app just linked may predate that write: read it by id instead.
    const changed = rollups.changedEpics!.filter((epic) => epic.projectId === projectId && !recent.has(epic.id));
    const staleInDelta = rollups.changedEpics!.filter((epic) => recent.has(epic.id)).map((epic) => epic.id);
    for (const epic of changed) cards.set(epic.id, epic);
    // Epics created or moved in since the last load: the only extra request a warm load can make
    // (besides epics linked by the app in the last minutes that the delta search brought back).
    const unknown = [...visible.filter((id) => !cards.has(id)), ...staleInDelta];
    const fetched = unknown.length > 0 ? await epicsByIds(jira, unknown) : [];
    for (const epic of fetched) if (epic.projectId === projectId) cards.set(epic.id, epic);
    put = [...changed, ...fetched.filter((epic) => epic.projectId === projectId)];
  } else {
    const listed = earlyCards
      ? (await earlyCards).filter((epic) => epic.projectId === projectId)
      : visible.length > manyEpics
        ? (await epicCardsByIds(jira, visible, recentlyLinked)).filter((epic) => epic.projectId === projectId)
        : await listEpicsWithLinks(jira, { projectId, epicTypeIds, reconcileIssues: recentlyLinked });
    cards = new Map(listed.map((epic) => [epic.id, epic]));
    put = listed;
    remove = [...cached.keys()].filter((id) => !cards.has(id));
  }
  await Promise.all([
    writeEpicCards(projectId, { put, remove }),
    writeProjectShape({
      projectId,
      epicTypeIds,
      boards,
      sprints,
      shapeAt: shapeFresh ? stored.shapeAt : now,
      cardsSyncedAt: rollups.sync.syncedAt,
      cardsFullAt: cardsInStep ? stored!.cardsFullAt! : now,
    }),
  ]);
  return {
    // Links as storage holds them: the property is derived from it, and may still be catching up.
    epics: await withStoredLinks(projectId, visible.flatMap((id) => cards.get(id) ?? []), now, linksLoad),
    rollups,
    boards,
    sprints,
    cache: { shape: shapeFresh ? 'cached' : 'read', cards: cardsInStep ? 'delta' : 'full' },
  };
}
