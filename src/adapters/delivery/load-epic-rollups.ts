/**
 * Epics' roll-ups for a project, from the cache in storage kept in step with Jira incrementally.
 *
 * Warm (the project was synced before): reads the project's epic SUMMARIES and its sync marker
 * (a few storage requests: each epic's children in a few groups, not one by one), asks Jira ONE
 * search for the project's issues updated since the last sync (`updated >= "-<minutes since the
 * last sync + 5>m"`: a period, read alike in every time zone), reads the facts of only the epics
 * that search touches (a changed child's parent, and whichever epic holds it now), applies those
 * changes (status, points, sprints, children that moved to another epic or lost their parent) and
 * writes back only the records that changed, facts and summary together. Epics not cached yet are
 * crawled in the same pass. So a warm load's cost follows the epics and the changes, not the
 * children: roll-ups, velocity and placement all read groups (src/domain/child-groups.ts).
 * Cold (first load, story-point field changed, a week since the last full crawl, or asked for):
 * detects the story-point and sprint fields, crawls every asked-for epic's children with
 * `parent in (…)` in parallel batches within the invocation's time left, and stores them in
 * batches of 25. Epics it had no time for come back in `pending`; the next load crawls them.
 * Deleted issues never show up in a search: the `avi:jira:deleted:issue` trigger takes them out.
 *
 * Permissions. Jira is read as the user (pass `createJiraClient({actor: 'user'})`), but the cache
 * is shared by everyone who opens the project, so:
 * - call this only after checking that the user may browse the project (the resolvers' first step,
 *   `authorizeProjectView`): the records hold no names or summaries, only ids, status categories,
 *   points and sprint ids, and they are shown to project browsers only;
 * - pass epic ids the user's own Jira search returned, so nobody gets a roll-up of an epic Jira
 *   hides from them;
 * - children with an issue security level are never cached (`observedChildOf` leaves them out),
 *   whoever syncs: a level hides its issues from some browsers of the project, so a roll-up counts
 *   only children every browser sees. Members of the level see fewer children in the roll-up than
 *   in Jira; nobody sees a count, status, points or sprint of an issue Jira hides from them.
 */
import type { ChildFact } from '../../domain/delivery';
import { groupChildren } from '../../domain/child-groups';
import { applyFactsChange } from '../../domain/epic-facts';
import { rollupOf } from '../../domain/epic-rollup';
import type { EpicRollup } from '../../domain/epic-rollup';
import type { EpicChildren } from '../../domain/rollup-merge';
import { updatedSinceLiteral } from '../../domain/jql-date';
import { chooseStoryPointField } from '../../domain/story-point-field';
import type { StoryPointFieldChoice } from '../../domain/story-point-field';
import type { JiraBoard } from '../jira/agile';
import { assertIssueIds, changedSince, crawlChildren } from '../jira/child-facts';
import type { CrawlOptions, FactFields } from '../jira/child-facts';
import type { JiraClient } from '../jira/client';
import type { LinkedJiraEpic } from '../jira/epic-links';
import { readEstimationSetup } from '../jira/story-points';
import type { EstimationSetup } from '../jira/story-points';
import { summarySplits } from '../storage/epic-rollups';
import type { CachedEpic, EpicSummary, RollupStore, SyncMarker } from '../storage/epic-rollups';
import { crawlIsFree, readCrawl } from '../storage/rollup-crawl-store';
import { crawlStatus, requestCrawl } from './rollup-crawl';
import type { CrawlStatus } from './rollup-crawl';

export interface LoadEpicRollupsOptions {
  projectId: string;
  /**
   * The epics to roll up, as the user's own Jira search listed them. May still be on its way: a
   * warm load sends its delta search meanwhile (it needs only the project), so the two searches
   * are one round trip, not two in a row.
   */
  epicIds: readonly string[] | PromiseLike<readonly string[]>;
  /** The server's "now" (ISO instant), taken before anything is read: the next sync starts there. */
  now: string;
  /**
   * `epicIds` are all of the project's epics: cached records of other epics (deleted, or moved
   * to another project) are dropped. Leave false when asking for a few epics.
   */
  allEpics?: boolean;
  /** `full` crawls everything again (e.g. after the admin changed settings). */
  refresh?: 'auto' | 'full';
  /** The project's boards, when the caller listed them already (saves a request on a cold load). */
  boards?: readonly JiraBoard[] | PromiseLike<readonly JiraBoard[]>;
  remainingMs?: () => number | undefined;
  /** Also return the project's epics that changed since the last sync (from the same delta search). */
  collectEpicCards?: boolean;
  crawl?: Pick<CrawlOptions, 'epicsPerQuery' | 'concurrency' | 'reserveMs'>;
  /**
   * A cold project (and more new epics than `inlineCrawlMaxEpics`) is crawled by the `rollup-crawl`
   * queue's consumers instead of in this call (rollup-crawl.ts): the answer lists the epics the crawl
   * has done, the others `pending`, and the crawl's progress. Only for callers that authorised the
   * user on the project (the crawl reads Jira as the app).
   */
  crawlInBackground?: boolean;
  /**
   * The project's estimation setup, when the caller started reading it already (a cold load reads
   * it beside the epic list, not after it). Used only where this load would read it.
   */
  estimationSetup?: Promise<EstimationSetup>;
}

/** Epics crawled within the call (a cold project's, or a synced project's new ones); more go to the queue. */
export const inlineCrawlMaxEpics = 50;

export interface EpicRollupEntry {
  epicId: string;
  rollup: EpicRollup;
  /**
   * The epic's children in groups (`groupChildren`: a group stands for `issues` children alike in
   * category, sprints and fix versions): for merging epics of an item, velocity, sprint placement,
   * releases and investment, which all count groups. Child ids are not here: the facts are
   * (`RollupStore.readEpics`).
   */
  groups: readonly ChildFact[];
}

/** Entries as the domain's merge functions take epics: their groups stand for their children. */
export const asEpicChildren = (entries: readonly EpicRollupEntry[]): EpicChildren[] => entries.map((entry) => ({ epicId: entry.epicId, children: entry.groups }));

export type ColdReason = 'first-load' | 'fields-changed' | 'stale' | 'forced';

export interface LoadedRollups {
  /** In the order asked, without the pending ones. */
  epics: EpicRollupEntry[];
  /** Asked-for epics not loaded for lack of time in this invocation; load again to get them. */
  pending: string[];
  /** Where story points came from (or why there are none: then every child is unestimated). */
  storyPoints: StoryPointFieldChoice;
  /** With `collectEpicCards`, on a warm load: the epics the delta search saw change, whole. */
  changedEpics?: LinkedJiraEpic[];
  /** With `crawlInBackground`: the project's crawl under way (or just finished). */
  crawl?: CrawlStatus;
  sync: {
    mode: 'cold' | 'warm';
    reason?: ColdReason;
    syncedAt: string;
    /** The sync this one continued from (warm): `changedEpics` are the epics changed since then. */
    previousSyncedAt?: string;
    /** Issues the delta search returned (warm). */
    changedIssues: number;
    crawledEpics: number;
    writtenEpics: number;
    /** Records dropped: epics gone from the project, or changed by someone else while we wrote. */
    droppedEpics: number;
  };
}

/**
 * Looks back this much before the last sync: Jira's search index trails writes, and clocks differ.
 * A change made at `u` keeps `updated = u` but reaches search only at `u + lag`; if the last sync
 * ran in between, the next delta still finds it as long as the look-back exceeds the lag. Atlassian
 * puts that lag at "a few seconds to minutes", most writes within seconds; the weekly full crawl
 * (`fullSyncMaxAgeMs`) bounds what a longer lag could still miss.
 * @see https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
 */
export const syncSkewMs = 5 * 60_000;
/** Recrawl a project in full after this long, so anything events and deltas missed is bounded. */
export const fullSyncMaxAgeMs = 7 * 86_400_000;

export async function loadEpicRollups(jira: JiraClient, store: RollupStore, options: LoadEpicRollupsOptions): Promise<LoadedRollups> {
  const { projectId } = options;
  const nowMs = Date.parse(options.now);
  if (!Number.isFinite(nowMs)) throw new RangeError(`now is not an instant: ${options.now}`);
  assertIssueIds([projectId]);

  const [staged, override, running] = await Promise.all([
    store.readSummariesInStages(projectId),
    store.readOverride(projectId),
    options.crawlInBackground ? readCrawl(projectId) : Promise.resolve(undefined),
  ]);
  const previous = staged.sync;
  let reason = coldReason(previous, nowMs, options.refresh);
  const fullCrawlRunning = running !== undefined && !crawlIsFree(running, nowMs) && running.kind === 'full' ? running : undefined;
  const setup =
    previous && !reason
      ? previous.setup
      : (fullCrawlRunning?.setup ?? (await (options.estimationSetup ?? readEstimationSetup(jira, { projectId, ...(options.boards ? { boards: await options.boards } : {}) }))));
  const storyPoints = chooseStoryPointField({ ...setup, ...(override.fieldId ? { override: override.fieldId } : {}) });
  const fields: FactFields = {
    ...(storyPoints.ok ? { storyPointFieldId: storyPoints.fieldId } : {}),
    ...(setup.sprintFieldId ? { sprintFieldId: setup.sprintFieldId } : {}),
  };
  if (!reason && previous && (previous.pointsFieldId !== fields.storyPointFieldId || previous.sprintFieldId !== fields.sprintFieldId)) {
    reason = 'fields-changed';
  }
  // A week-old project stays warm (its records are still kept in step) while a crawl refreshes it.
  const refreshInBackground = options.crawlInBackground === true && reason === 'stale' && previous !== undefined;
  if (refreshInBackground) reason = undefined;
  const cold = reason !== undefined;

  // The delta search needs only the project and the marker: sent now, beside the caller's epic
  // search and the rest of the summaries' pages. Nothing cached (a project without epics): no delta.
  const delta =
    cold || !previous || !staged.any
      ? Promise.resolve({ children: [], others: [], epics: [], ran: false })
      : changedSince(jira, {
          projectId,
          literal: updatedSinceLiteral({ sinceMs: Date.parse(previous.syncedAt), nowMs, skewMs: syncSkewMs }).literal,
          fields,
          ...(options.collectEpicCards ? { epicCards: true } : {}),
        }).then((found) => ({ ...found, ran: true }));
  // Awaited below; a failure before that must not go unobserved.
  delta.catch(() => undefined);
  const cache = { epics: await staged.epics };
  // Warm: every record of the project is kept in step (a child can move between any two epics).
  const tracked = new Map<string, EpicSummary>();
  if (!cold) for (const [epicId, record] of cache.epics) if (!record.overflow) tracked.set(epicId, record);
  const requested = [...new Set(await options.epicIds)];
  assertIssueIds(requested);

  // A small project is cheaper to crawl here (a few pages) than through the queue.
  if (cold && options.crawlInBackground && (fullCrawlRunning !== undefined || requested.length > inlineCrawlMaxEpics)) {
    const status = fullCrawlRunning
      ? await crawlStatus(fullCrawlRunning)
      : await requestCrawl(jira, { projectId, kind: 'full', epicIds: requested, fields, setup, now: options.now });
    if (status && status !== 'inline') {
      // The crawl's own records (written since it started); older ones predate the fields or the crawl.
      const crawled = new Map([...cache.epics].filter(([, record]) => !record.overflow && record.syncedAt >= status.startedAt));
      return {
        epics: requested.filter((epicId) => crawled.has(epicId)).map((epicId) => {
          const groups = crawled.get(epicId)!.groups;
          return { epicId, rollup: rollupOf(groups), groups };
        }),
        pending: requested.filter((epicId) => !crawled.has(epicId)),
        storyPoints,
        crawl: status,
        sync: { mode: 'cold', reason: reason!, syncedAt: options.now, changedIssues: 0, crawledEpics: 0, writtenEpics: 0, droppedEpics: 0 },
      };
    }
  }

  let missing = requested.filter((epicId) => !tracked.has(epicId));
  let background: CrawlStatus | undefined;
  if (!cold && options.crawlInBackground) {
    const free = running === undefined || crawlIsFree(running, nowMs);
    if (!free) background = await crawlStatus(running);
    else if (refreshInBackground || missing.length > inlineCrawlMaxEpics) {
      const asked = await requestCrawl(jira, {
        projectId,
        kind: refreshInBackground ? 'full' : 'partial',
        epicIds: refreshInBackground ? requested : missing,
        fields,
        setup,
        now: options.now,
      });
      if (asked !== 'inline') background = asked;
    }
    // The crawl under way does them; this call does only what it has not taken.
    if (background && !background.finished) missing = [];
  }

  const [changes, crawl] = await Promise.all([
    delta,
    crawlChildren(jira, { epicIds: missing, fields, ...options.crawl, ...(options.remainingMs ? { remainingMs: options.remainingMs } : {}) }),
  ]);

  // The facts of only the epics the changes touch: a changed child's parent, and the epics holding
  // any child the delta or a crawl names (it may have moved from there).
  const touched = await touchedFacts(store, tracked, {
    parents: changes.children.map((child) => child.parentId).filter((id): id is string => id !== undefined),
    named: [...changes.children.map((child) => child.id), ...changes.others, ...[...crawl.byEpic.values()].flatMap((children) => children.map((child) => child.id))],
  });
  const { facts, changed } = applyFactsChange(new Map([...touched].map(([epicId, record]) => [epicId, record.children])), {
    observed: changes.children,
    removedIds: changes.others,
    replaced: crawl.byEpic,
  });

  const record = (epicId: string, version: number): CachedEpic => ({
    epicId,
    projectId,
    syncedAt: options.now,
    version,
    children: facts.get(epicId) ?? [],
  });
  const put = [...crawl.byEpic.keys()].map((epicId) => record(epicId, cache.epics.get(epicId)?.version ?? 0));
  const update = [...changed].filter((epicId) => !crawl.byEpic.has(epicId)).map((epicId) => record(epicId, touched.get(epicId)?.version ?? 0));
  const keep = new Set(cold ? crawl.byEpic.keys() : options.allEpics ? requested : cache.epics.keys());
  // Records that cannot be kept in step go too: overflowing ones hold no facts to update.
  const remove = [...cache.epics.values()]
    .filter((cached) => (!keep.has(cached.epicId) || cached.overflow) && !crawl.byEpic.has(cached.epicId))
    .map((cached) => cached.epicId);

  const { conflicts } = await store.writeEpics({ put, update, remove });
  // Someone (an issue event, another viewer) changed these meanwhile: drop them, the next load recrawls them.
  if (conflicts.length > 0) await store.writeEpics({ remove: conflicts });

  // The records the project keeps now, split for the next load's parallel reads.
  const stored = new Set([...cache.epics.keys(), ...put.map((epic) => epic.epicId)]);
  for (const epicId of [...remove, ...conflicts]) stored.delete(epicId);
  const splits = summarySplits(stored);
  const marker: SyncMarker = {
    projectId,
    syncedAt: options.now,
    fullSyncAt: cold || !previous ? options.now : previous.fullSyncAt,
    setup,
    ...(fields.storyPointFieldId ? { pointsFieldId: fields.storyPointFieldId } : {}),
    ...(fields.sprintFieldId ? { sprintFieldId: fields.sprintFieldId } : {}),
    ...(splits.length > 0 ? { summarySplits: splits } : {}),
  };
  // After the records: a marker must never claim a sync whose changes were not stored.
  await store.writeSync(marker);

  const pending = new Set(crawl.pending);
  // Epics read or changed here roll up from their facts, the others from their summaries: the same
  // groups either way (the summary is `groupChildren` of the facts, written with them).
  const groupsOf = (epicId: string): readonly ChildFact[] | undefined => {
    const children = facts.get(epicId);
    return children ? groupChildren(epicId, children) : tracked.get(epicId)?.groups;
  };
  const known = (epicId: string) => facts.has(epicId) || tracked.has(epicId);
  return {
    epics: requested
      .filter((epicId) => !pending.has(epicId) && known(epicId))
      .map((epicId) => {
        const groups = groupsOf(epicId) ?? [];
        return { epicId, rollup: rollupOf(groups), groups };
      }),
    pending: requested.filter((epicId) => pending.has(epicId) || (background !== undefined && !background.finished && !known(epicId))),
    storyPoints,
    ...(options.collectEpicCards && changes.ran ? { changedEpics: changes.epics } : {}),
    ...(background ? { crawl: background } : {}),
    sync: {
      mode: cold ? 'cold' : 'warm',
      ...(reason ? { reason } : {}),
      syncedAt: options.now,
      ...(previous && changes.ran ? { previousSyncedAt: previous.syncedAt } : {}),
      changedIssues: changes.children.length + changes.others.length,
      crawledEpics: crawl.byEpic.size,
      writtenEpics: put.length + update.length - conflicts.length,
      droppedEpics: remove.length + conflicts.length,
    },
  };
}

/** Above this many named children, one pass over every summary's ids beats a lookup per child. */
const namedScanLimit = 64;

/**
 * Reads the facts of the tracked epics a change touches. A facts record that is gone, or that
 * overflowed since its summary was read, is left out: its epic rolls up from its summary and the
 * next load keeps it in step (or recrawls it).
 */
async function touchedFacts(
  store: RollupStore,
  tracked: ReadonlyMap<string, EpicSummary>,
  change: { parents: readonly string[]; named: readonly string[] },
): Promise<Map<string, CachedEpic>> {
  const epicIds = new Set(change.parents.filter((epicId) => tracked.has(epicId)));
  const named = [...new Set(change.named)];
  if (named.length > 0) {
    if (named.length <= namedScanLimit) {
      for (const [epicId, summary] of tracked) if (!epicIds.has(epicId) && named.some((childId) => summary.holds(childId))) epicIds.add(epicId);
    } else {
      const wanted = new Set(named);
      for (const [epicId, summary] of tracked) if (!epicIds.has(epicId) && summary.childIds().some((childId) => wanted.has(childId))) epicIds.add(epicId);
    }
  }
  if (epicIds.size === 0) return new Map();
  const read = await store.readEpics([...epicIds]);
  return new Map([...read].filter(([, record]) => !record.overflow));
}

export function coldReason(previous: SyncMarker | undefined, nowMs: number, refresh: LoadEpicRollupsOptions['refresh']): ColdReason | undefined {
  if (!previous) return 'first-load';
  if (refresh === 'full') return 'forced';
  const fullSyncMs = Date.parse(previous.fullSyncAt);
  if (!Number.isFinite(fullSyncMs) || nowMs - fullSyncMs > fullSyncMaxAgeMs) return 'stale';
  return undefined;
}
