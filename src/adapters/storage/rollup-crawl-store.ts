/**
 * The background crawl of a project's roll-ups (manifest entities `rollup-crawl` and
 * `rollup-crawl-part`), kept apart from the roll-up records themselves:
 * - one `rollup-crawl` record per project (key = project id): the crawl under way or last run, with
 *   its lease. Only one crawl of a project runs at a time: starting one is a conditional write that
 *   succeeds only over no record, a finished one, or one whose lease ran out (its events were lost).
 * - one `rollup-crawl-part` record per work item (key = `<crawlId>.<part>`): written by the consumer
 *   that crawled the item, with how many epics and children it covered. Parts are never updated by
 *   two writers (each work item has its own key, and a redelivered item writes the same figures
 *   again), so parallel consumers never conflict over progress; progress is the sum of the parts.
 * Derived and rebuildable, like the roll-up cache: it holds counts and ids, never names.
 */
import { kvs } from '@forge/kvs';
import type { EndpointRates } from '../jira/pacing';
import type { EstimationSetup } from '../jira/story-points';
import { commit, isAbsent, versionIs } from './writes';

export const crawlEntityNames = { crawl: 'rollup-crawl', part: 'rollup-crawl-part' } as const;

/**
 * How long a crawl holds its project without showing progress. Longer than one consumer invocation
 * may run (55 s by default, `timeoutSeconds` ≤ 900) plus the queue's retry delays, so a live crawl
 * is never taken over; short enough that a crawl whose events were lost is restarted the same hour.
 */
export const crawlLeaseMs = 20 * 60_000;

export interface CrawlRecord {
  projectId: string;
  crawlId: string;
  /** `full`: every epic of the project (its end writes the sync marker); `partial`: new epics of a synced project. */
  kind: 'full' | 'partial';
  /** The server's "now" when the crawl was asked for: the sync marker it ends with starts there. */
  startedAt: string;
  leaseUntil: string;
  /** Work items pushed to the queue; the crawl is done when that many parts are stored. */
  parts: number;
  epics: number;
  /** Jira's estimate of the children to read, when it gave one. */
  childrenEstimate?: number;
  pointsFieldId?: string;
  sprintFieldId?: string;
  setup?: EstimationSetup;
  finishedAt?: string;
  /** Jira's hourly quota is spent: no work item asks Jira before this instant (see `pauseCrawl`). */
  pausedUntil?: string;
  /** Jira's per-endpoint rates learned from its 429s: work items start paced (see jira/pacing.ts). */
  pace?: EndpointRates;
  version: number;
}

export interface CrawlPart {
  crawlId: string;
  part: number;
  epics: number;
  children: number;
  /** `false` while its work item still runs (what it stored so far); absent or `true` once done. */
  done?: boolean;
}

export interface CrawlProgress {
  parts: number;
  epics: number;
  children: number;
}

type CrawlValue = Omit<CrawlRecord, never>;
type PartValue = CrawlPart;

const crawls = () => kvs.entity<CrawlValue>(crawlEntityNames.crawl);
const partsOf = () => kvs.entity<PartValue>(crawlEntityNames.part);

export async function readCrawl(projectId: string): Promise<CrawlRecord | undefined> {
  return (await crawls().get(projectId)) ?? undefined;
}

/** Whether a crawl of the project holds its lease now (its records are being written). */
export async function crawlUnderWay(projectId: string, nowMs: number): Promise<boolean> {
  return !crawlIsFree(await readCrawl(projectId), nowMs);
}

/** Whether a new crawl may replace this one: none, finished, or its lease ran out. */
export function crawlIsFree(record: CrawlRecord | undefined, nowMs: number): boolean {
  return !record || record.finishedAt !== undefined || Date.parse(record.leaseUntil) <= nowMs;
}

/**
 * Takes the project's lease for a new crawl. `taken` when another crawl holds it (the caller shows
 * that one's progress instead): two first visits at once start one crawl.
 */
export async function claimCrawl(record: Omit<CrawlRecord, 'version'>, previous: CrawlRecord | undefined): Promise<'claimed' | 'taken'> {
  const value: CrawlValue = { ...record, version: (previous?.version ?? 0) + 1 };
  const outcome = await commit((transaction) =>
    transaction.set(record.projectId, value, { entityName: crawlEntityNames.crawl, conditions: previous ? versionIs(previous.version) : isAbsent() }),
  );
  return outcome === 'committed' ? 'claimed' : 'taken';
}

/** A work item's result; writing it again (a redelivered event) changes nothing. */
export async function writeCrawlPart(part: CrawlPart): Promise<void> {
  await partsOf().set(partKey(part.crawlId, part.part), part);
}

const partKey = (crawlId: string, part: number) => `${crawlId}.${part}`;

/** Sum of the parts stored so far, done or under way (one query page per 100 work items); `parts` counts the done ones. */
export async function crawlProgress(crawlId: string): Promise<CrawlProgress> {
  const progress: CrawlProgress = { parts: 0, epics: 0, children: 0 };
  let cursor: string | undefined;
  do {
    let query = partsOf().query().index('by-crawl', { partition: [crawlId] }).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const row of page.results) {
      if (row.value.done !== false) progress.parts += 1;
      progress.epics += row.value.epics;
      progress.children += row.value.children;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return progress;
}

/** Marks the crawl finished, once: `already` when another consumer did (or a newer crawl took over). */
export async function finishCrawl(record: CrawlRecord, finishedAt: string): Promise<'finished' | 'already'> {
  const outcome = await commit((transaction) =>
    transaction.set(record.projectId, { ...record, finishedAt, version: record.version + 1 }, { entityName: crawlEntityNames.crawl, conditions: versionIs(record.version) }),
  );
  return outcome === 'committed' ? 'finished' : 'already';
}

/**
 * Jira's hourly points quota is spent or nearly so, until `until`: every work item of the crawl
 * waits for then instead of asking Jira, and the lease is held past it, so nobody starts the same
 * crawl over meanwhile. Re-read on conflict (another item may have written the pace meanwhile);
 * `already` when the crawl is paused as long already, finished, or replaced.
 */
export async function pauseCrawl(projectId: string, crawlId: string, until: string): Promise<'paused' | 'already'> {
  const leaseUntil = new Date(Date.parse(until) + crawlLeaseMs).toISOString();
  return updateCrawl(projectId, crawlId, (record) =>
    record.pausedUntil && Date.parse(record.pausedUntil) >= Date.parse(until) ? undefined : { ...record, pausedUntil: until, leaseUntil },
  ).then((outcome) => (outcome === 'updated' ? 'paused' : 'already'));
}

/** Keeps the rates a work item learned, so later items (and the next crawl) start paced. */
export async function rememberPace(projectId: string, crawlId: string, pace: EndpointRates): Promise<void> {
  await updateCrawl(projectId, crawlId, (record) => (samePace(record.pace, pace) ? undefined : { ...record, pace: { ...record.pace, ...pace } }));
}

const samePace = (kept: EndpointRates | undefined, learned: EndpointRates): boolean =>
  Object.entries(learned).every(([endpoint, rate]) => kept?.[endpoint] === rate);

/** Read, change, write if unchanged meanwhile; a few rounds, as items of one crawl write rarely. */
async function updateCrawl(projectId: string, crawlId: string, change: (record: CrawlRecord) => Omit<CrawlRecord, 'version'> | undefined): Promise<'updated' | 'unchanged'> {
  for (let round = 0; round < 5; round++) {
    const record = await readCrawl(projectId);
    if (!record || record.crawlId !== crawlId || record.finishedAt) return 'unchanged';
    const next = change(record);
    if (!next) return 'unchanged';
    const outcome = await commit((transaction) =>
      transaction.set(projectId, { ...next, version: record.version + 1 }, { entityName: crawlEntityNames.crawl, conditions: versionIs(record.version) }),
    );
    if (outcome === 'committed') return 'updated';
  }
  return 'unchanged';
}

/** The parts of a finished crawl: nobody reads them again. */
export async function removeCrawlParts(crawlId: string, parts: number): Promise<void> {
  const keys = Array.from({ length: parts }, (_, part) => partKey(crawlId, part));
  for (let start = 0; start < keys.length; start += 25) {
    await kvs.batchDelete(keys.slice(start, start + 25).map((key) => ({ key, entityName: crawlEntityNames.part })));
  }
}
