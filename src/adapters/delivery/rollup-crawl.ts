/**
 * A cold project's roll-ups, crawled outside the user's call: the resolver takes the project's lease
 * and pushes the work to the `rollup-crawl` queue; the queue's consumer (manifest `consumer`) crawls
 * one work item per event (a batch of epics, every search page of their children) as the app, stores
 * the epics' records as they come, and the last work item writes the project's sync marker. The
 * resolver answers at once with what is cached, and the page asks `getRoadmapCrawl` how far it got.
 *
 * Limits. Each event is one consumer invocation (55 s by default): a batch whose time runs short is
 * split, the rest pushed again as a new event, so no invocation runs over. At most `crawlConcurrency`
 * events of one project run at once (the queue's `concurrency` key), each pacing its Jira requests
 * per endpoint at its share of the rate Jira taught (jira/pacing.ts, rates kept on the crawl
 * record), so Jira's burst limit is met by design rather than by retries. Jira's 429s that remain
 * and storage's RATE_LIMIT_EXCEEDED give the event back to the queue with a growing delay (the
 * queue's retries, then a new event with `delayInSeconds`). Jira's hourly points: the crawl stops
 * at `X-RateLimit-NearLimit` (less than 20 % of the hour left, kept for people's own calls) or at a
 * quota 429, and the whole crawl pauses until the reset (`pauseCrawl`).
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 * @see https://developer.atlassian.com/platform/forge/limits-async-events/
 * @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 *
 * Visibility. The consumer has no user: it reads Jira as the app, which sees what the project's
 * add-on role may browse. So the crawl is only ever asked for by a resolver that has checked that its
 * user may browse the project, and only when the app may browse it too (else the user's call crawls
 * as the user, as before). Children with a security level are never cached, whoever reads them
 * (`observedChildOf`), and reads stay filtered as the user: the roadmap shows the records only of
 * epics the user's own search lists (see load-epic-rollups.ts).
 */
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import type { AsyncEvent } from '@forge/events';
import { ForgeKvsAPIError } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inBatches } from '../concurrency';
import { nowIso } from '../clock';
import { assertIssueIds, crawlChildren } from '../jira/child-facts';
import type { FactFields } from '../jira/child-facts';
import type { ChildFact } from '../../domain/delivery';
import { createJiraClient } from '../jira/client';
import type { JiraClient } from '../jira/client';
import { JiraError } from '../jira/errors';
import { JiraPacer, quotaWaitMinMs } from '../jira/pacing';
import { myProjectPermissions } from '../jira/projects';
import { approximateCount } from '../jira/search';
import type { EstimationSetup } from '../jira/story-points';
import { kvsRollupStore } from '../storage/epic-rollups';
import type { RollupStore } from '../storage/epic-rollups';
import { claimCrawl, crawlIsFree, crawlLeaseMs, crawlProgress, finishCrawl, pauseCrawl, readCrawl, rememberPace, removeCrawlParts, writeCrawlPart } from '../storage/rollup-crawl-store';
import type { CrawlRecord } from '../storage/rollup-crawl-store';

export const rollupCrawlQueueKey = 'rollup-crawl';

/** Epics per work item when Jira gave no estimate of the children (and the least an item takes). */
export const epicsPerWorkItem = 10;
/** At most this many: the work item's body stays small (ids only) and its records few per write. */
export const maxEpicsPerWorkItem = 250;
/**
 * Search pages a work item aims at: about 2 s at its share of a 100/s endpoint, so an item is
 * paid for (storage reads and writes, start-up) by dozens of pages, and a project is cut into
 * whole waves of `crawlConcurrency` items that run side by side and end together.
 */
export const pagesPerWorkItem = 25;
/** Work items of one project in flight at once (the queue's concurrency key). */
export const crawlConcurrency = 8;
/** Within an item: epics per `parent in (…)` query, and queries in flight (the pacer sets the rate). */
export const epicsPerQuery = 5;
export const crawlPageConcurrency = 4;
/**
 * The crawl's part of each Jira endpoint's per-second rate, split evenly over its parallel items:
 * the rest is people's (their own searches hit the same endpoints) and absorbs the edges of Jira's
 * one-second windows.
 */
export const crawlRateShare = 0.8;
/** A work item is split when less time than this is left: a search page rarely takes a second. */
export const workItemReserveMs = 10_000;
/** A running item stores what it counted this often (its epics' records and its part's progress). */
export const saveEveryMs = 1_000;
/** Queue retries (with Forge's backoff) before a rate-limited item is pushed again as a new event. */
const queueRetries = 3;
/** Async events push at most 50 events per request. */
const eventsPerPush = 50;

/** What the roadmap shows of a crawl under way (see `RoadmapView.crawl`). */
export interface CrawlStatus {
  crawlId: string;
  kind: 'full' | 'partial';
  startedAt: string;
  /** Children counted so far, and Jira's estimate of all of them. */
  done: number;
  total?: number;
  epicsDone: number;
  epics: number;
  finished: boolean;
  /** Waiting for Jira's hourly quota until then (see `quotaPauseMinMs`). */
  pausedUntil?: string;
}

export interface CrawlRequest {
  projectId: string;
  kind: 'full' | 'partial';
  epicIds: readonly string[];
  fields: FactFields;
  setup: EstimationSetup;
  now: string;
}

/**
 * Epics per work item: whole waves of `crawlConcurrency` items of about `pagesPerWorkItem` search
 * pages each, from Jira's estimate of the children (100 a page). Fewer, larger items cost fewer
 * invocations and storage writes; equal ones end together, so no lone item crawls on at its share.
 */
export function workItemEpics(epics: number, childrenEstimate: number | undefined): number {
  if (childrenEstimate === undefined || epics === 0) return epicsPerWorkItem;
  const pages = Math.ceil(childrenEstimate / 100);
  const waves = Math.max(1, Math.ceil(pages / (crawlConcurrency * pagesPerWorkItem)));
  const items = Math.min(epics, crawlConcurrency * waves);
  return Math.min(maxEpicsPerWorkItem, Math.max(epicsPerWorkItem, Math.ceil(epics / items)));
}

const workItemSchema = z.object({
  projectId: z.string().regex(/^\d+$/),
  crawlId: z.string().min(1).max(80),
  part: z.number().int().min(0),
  epicIds: z.array(z.string().regex(/^\d+$/)).min(1).max(maxEpicsPerWorkItem),
  /** What earlier events of this part counted (a part split for lack of time). */
  carried: z.object({ epics: z.number().int().min(0), children: z.number().int().min(0) }).optional(),
});
type WorkItem = z.infer<typeof workItemSchema>;

export async function crawlStatus(record: CrawlRecord | undefined): Promise<CrawlStatus | undefined> {
  if (!record) return undefined;
  const progress = record.finishedAt ? undefined : await crawlProgress(record.crawlId);
  return {
    crawlId: record.crawlId,
    kind: record.kind,
    startedAt: record.startedAt,
    done: progress?.children ?? record.childrenEstimate ?? 0,
    ...(record.childrenEstimate === undefined ? {} : { total: record.childrenEstimate }),
    epicsDone: progress?.epics ?? record.epics,
    epics: record.epics,
    finished: record.finishedAt !== undefined,
    ...(!record.finishedAt && record.pausedUntil && Date.parse(record.pausedUntil) > Date.parse(nowIso()) ? { pausedUntil: record.pausedUntil } : {}),
  };
}

/**
 * Starts the project's crawl of these epics, or joins the one under way. Called by a resolver after
 * it checked that its user may browse the project; `jira` acts as that user. `inline` when the app
 * itself may not browse the project: the caller then crawls as the user, within its own call.
 */
export async function requestCrawl(jira: JiraClient, request: CrawlRequest, appJira?: JiraClient): Promise<CrawlStatus | 'inline'> {
  assertIssueIds([request.projectId, ...request.epicIds]);
  // Jira's answer to the app's own permission check tells whether the hour's points are near their
  // limit already (another project's crawl, people): then the crawl starts paused, asking nothing.
  const quotaWatch = new JiraPacer({ share: 1 });
  const app = appJira ?? createJiraClient({ actor: 'app', pacer: quotaWatch });
  const nowMs = Date.parse(request.now);
  const current = await readCrawl(request.projectId);
  if (!crawlIsFree(current, nowMs)) return (await crawlStatus(current))!;
  const [appMay, estimate] = await Promise.all([
    myProjectPermissions(app, request.projectId, ['BROWSE_PROJECTS']),
    // As the user: a count of what they may see, for the progress line only (never stored per issue).
    approximateCount(jira, `project = ${request.projectId} AND parent is not EMPTY AND issuetype in standardIssueTypes()`).catch(() => undefined),
  ]);
  if (!appMay.has('BROWSE_PROJECTS')) return 'inline';
  const batches = inBatches(request.epicIds, workItemEpics(request.epicIds.length, estimate));
  const pausedUntilMs = quotaWatch.nearLimitUntil !== undefined && quotaWatch.nearLimitUntil > nowMs ? quotaWatch.nearLimitUntil : undefined;
  const record: Omit<CrawlRecord, 'version'> = {
    projectId: request.projectId,
    crawlId: `crawl-${randomUUID()}`,
    kind: request.kind,
    startedAt: request.now,
    leaseUntil: new Date((pausedUntilMs ?? nowMs) + crawlLeaseMs).toISOString(),
    ...(pausedUntilMs === undefined ? {} : { pausedUntil: new Date(pausedUntilMs).toISOString() }),
    parts: batches.length,
    epics: request.epicIds.length,
    ...(estimate === undefined ? {} : { childrenEstimate: estimate }),
    ...(request.fields.storyPointFieldId ? { pointsFieldId: request.fields.storyPointFieldId } : {}),
    ...(request.fields.sprintFieldId ? { sprintFieldId: request.fields.sprintFieldId } : {}),
    setup: request.setup,
    // Jira's rates as the project's last crawl learned them: this one starts paced.
    ...(current?.pace ? { pace: current.pace } : {}),
  };
  if ((await claimCrawl(record, current)) === 'taken') return (await crawlStatus(await readCrawl(request.projectId))) ?? 'inline';
  const claimed: CrawlRecord = { ...record, version: (current?.version ?? 0) + 1 };
  if (batches.length === 0) {
    await completeCrawl(kvsRollupStore(), claimed);
    return (await crawlStatus(await readCrawl(request.projectId)))!;
  }
  const items: WorkItem[] = batches.map((epicIds, part) => ({ projectId: request.projectId, crawlId: record.crawlId, part, epicIds }));
  try {
    const delay = pausedUntilMs === undefined ? undefined : queueDelaySeconds(pausedUntilMs - nowMs);
    for (const group of inBatches(items, eventsPerPush)) await pushItems(group, delay);
  } catch (error) {
    // The queue refused: free the project at once, so the next load asks again, and crawl inline meanwhile.
    console.warn(`Roll-up crawl of project ${request.projectId}: the queue refused it (${error instanceof Error ? error.message : String(error)})`);
    await finishCrawl(claimed, nowIso());
    return 'inline';
  }
  return {
    crawlId: record.crawlId,
    kind: record.kind,
    startedAt: record.startedAt,
    done: 0,
    ...(estimate === undefined ? {} : { total: estimate }),
    epicsDone: 0,
    epics: record.epics,
    finished: false,
    ...(record.pausedUntil ? { pausedUntil: record.pausedUntil } : {}),
  };
}

async function pushItems(items: readonly WorkItem[], delayInSeconds?: number): Promise<void> {
  const projectId = items[0]?.projectId;
  await new Queue({ key: rollupCrawlQueueKey }).push(
    items.map((body) => ({
      body,
      concurrency: { key: `rollup-crawl-${projectId}`, limit: crawlConcurrency },
      ...(delayInSeconds ? { delayInSeconds } : {}),
    })),
  );
}

/** Backoff for a work item Jira or storage turned away: 15 s, 30 s, 60 s … at most 15 minutes (the queue's longest delay). */
export const crawlBackoffSeconds = (attempt: number): number => Math.min(900, 15 * 2 ** attempt);

/**
 * A wait Jira asks for that is at least this long is its hourly points quota (the per-second rates
 * clear within seconds): the whole crawl pauses until Jira's reset instead of each work item asking
 * again and again. A 100,000-child project costs more points than one hour's quota (one point per
 * issue read: rate-limiting page), so its first crawl spans the hour boundary by design.
 * @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 */
export const quotaPauseMinMs = quotaWaitMinMs;
/** The queue delays an event by 900 s at most: a longer pause is waited out in steps. */
const maxQueueDelaySeconds = 900;

/**
 * The `rollup-crawl` consumer: one work item. Stale items (a newer crawl took the project, or this
 * one finished) do nothing; a redelivered item writes the same records and part again.
 */
export async function rollupCrawlConsumer(event: AsyncEvent, deps: { store?: RollupStore; jira?: JiraClient } = {}): Promise<unknown> {
  const parsed = workItemSchema.safeParse(event.body);
  if (!parsed.success) return undefined;
  const item = parsed.data;
  const record = await readCrawl(item.projectId);
  if (!record || record.crawlId !== item.crawlId || record.finishedAt) return undefined;
  const pausedMs = record.pausedUntil ? Date.parse(record.pausedUntil) - Date.parse(nowIso()) : 0;
  if (pausedMs > 0) {
    // Jira would refuse it: back to the queue until the quota's reset, without asking.
    await pushItems([item], queueDelaySeconds(pausedMs));
    return undefined;
  }
  const store = deps.store ?? kvsRollupStore();
  const pacer = new JiraPacer({ learned: record.pace, share: crawlRateShare / crawlConcurrency, stopAtNearLimit: true });
  // Paced, a burst 429 is rare and its wait short: retried here. A quota's wait is never waited out
  // inside the invocation: the item pauses the crawl instead (below).
  const jira = deps.jira ?? createJiraClient({ actor: 'app', pacer, policy: { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 5_000, requestAllowanceMs: 1_500, giveUpBeyondMs: 5_000 } });
  const fields: FactFields = {
    ...(record.pointsFieldId ? { storyPointFieldId: record.pointsFieldId } : {}),
    ...(record.sprintFieldId ? { sprintFieldId: record.sprintFieldId } : {}),
  };
  const retryCount = event.retryContext?.retryCount ?? 0;
  // Epics are stored as their batches complete, about once a second, with the part's progress so
  // far: the roadmap fills in and "counting work" moves while a large item runs.
  const saved = { epics: item.carried?.epics ?? 0, children: item.carried?.children ?? 0 };
  const unsaved = new Map<string, ChildFact[]>();
  let saving: Promise<void> = Promise.resolve();
  let savingFailed: unknown;
  let lastSaveMs = performance.now();
  const save = (final: boolean): Promise<void> => {
    const put = [...unsaved].map(([epicId, children]) => ({ epicId, projectId: item.projectId, syncedAt: record.startedAt, version: 0, children }));
    unsaved.clear();
    lastSaveMs = performance.now();
    saving = saving.then(async () => {
      if (savingFailed !== undefined || put.length === 0) return;
      // Records carry the crawl's start: loads during the crawl show exactly the epics it has done.
      await store.writeEpics({ put });
      saved.epics += put.length;
      saved.children += put.reduce((sum, epic) => sum + epic.children.length, 0);
      if (!final) await writeCrawlPart({ crawlId: item.crawlId, part: item.part, ...saved, done: false });
    }).catch((error: unknown) => {
      savingFailed ??= error;
    });
    return saving;
  };
  try {
    const crawl = await crawlChildren(jira, {
      epicIds: item.epicIds,
      fields,
      epicsPerQuery,
      concurrency: crawlPageConcurrency,
      reserveMs: workItemReserveMs,
      onBatch: (batch) => {
        for (const [epicId, children] of batch) unsaved.set(epicId, children);
        if (performance.now() - lastSaveMs >= saveEveryMs) void save(false);
      },
    });
    await save(true);
    if (savingFailed !== undefined) throw savingFailed;
    await rememberPace(item.projectId, item.crawlId, pacer.learned);
    const carried = { ...saved };
    const resumeAt = crawl.quotaResumeAt ?? pacer.nearLimitUntil;
    // Jira said fewer than 20 % of the hour's points are left: they are people's. The whole crawl
    // waits for the reset, even when this item's last pages were the ones that heard it.
    if (resumeAt !== undefined) await pauseCrawl(item.projectId, item.crawlId, new Date(resumeAt).toISOString());
    if (resumeAt !== undefined && crawl.pending.length > 0) {
      await pushItems([{ ...item, epicIds: crawl.pending, carried }], queueDelaySeconds(resumeAt - Date.parse(nowIso())));
      return undefined;
    }
    if (crawl.pending.length > 0) {
      await pushItems([{ ...item, epicIds: crawl.pending, carried }]);
      return undefined;
    }
    await writeCrawlPart({ crawlId: item.crawlId, part: item.part, ...carried });
    const progress = await crawlProgress(item.crawlId);
    if (progress.parts >= record.parts) await completeCrawl(store, record);
    return undefined;
  } catch (error) {
    // No storage write outlives the invocation (it never rejects: failures are kept in `savingFailed`).
    await saving;
    if (!isBackPressure(error)) throw error;
    if (error instanceof JiraError && error.kind === 'rate-limited' && (error.retryAfterMs ?? 0) >= quotaPauseMinMs) {
      const until = new Date(Date.parse(nowIso()) + error.retryAfterMs!).toISOString();
      // Another item may have paused it first (or moved it on): its pause stands, this item waits alike.
      await pauseCrawl(item.projectId, item.crawlId, until);
      await pushItems([item], queueDelaySeconds(error.retryAfterMs!));
      return undefined;
    }
    if (retryCount < queueRetries) {
      return new InvocationError({ retryAfter: crawlBackoffSeconds(retryCount), retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
    }
    // The queue's retries are spent: the item goes back as a new event, later.
    await pushItems([item], crawlBackoffSeconds(retryCount));
    return undefined;
  }
}

/** A wait as the queue takes it: whole seconds, at most its longest delay (a longer pause is waited out in steps). */
const queueDelaySeconds = (waitMs: number): number => Math.min(maxQueueDelaySeconds, Math.max(1, Math.ceil(waitMs / 1000)));

/** Jira's 429s and 5xx, storage's rate limit: the work is fine, the platform asks to come back later. */
function isBackPressure(error: unknown): boolean {
  if (error instanceof JiraError) return error.kind === 'rate-limited' || error.kind === 'unavailable' || error.kind === 'out-of-time';
  return error instanceof ForgeKvsAPIError && (error.code === 'RATE_LIMIT_EXCEEDED' || error.responseDetails.status === 429);
}

/** The last work item: the sync marker (a full crawl), then the crawl is marked finished, once. */
async function completeCrawl(store: RollupStore, record: CrawlRecord): Promise<void> {
  const current = await readCrawl(record.projectId);
  if (!current || current.crawlId !== record.crawlId || current.finishedAt) return;
  if (record.kind === 'full' && record.setup) {
    // From the crawl's start: what changed while it ran is in the next delta.
    await store.writeSync({
      projectId: record.projectId,
      syncedAt: record.startedAt,
      fullSyncAt: record.startedAt,
      setup: record.setup,
      ...(record.pointsFieldId ? { pointsFieldId: record.pointsFieldId } : {}),
      ...(record.sprintFieldId ? { sprintFieldId: record.sprintFieldId } : {}),
    });
  }
  if ((await finishCrawl(current, nowIso())) === 'finished') await removeCrawlParts(record.crawlId, record.parts);
}

/** Forge's entry point (`index.rollupCrawlConsumer`). */
export const rollupCrawl = (event: AsyncEvent): Promise<unknown> => rollupCrawlConsumer(event);
