/**
 * Check-ins (the `status-update` entity), three kinds of record in one entity, each kind in its
 * own sparse indexes (an index holds only records that carry its partition and range attributes):
 *
 * - a check-in, key `checkin-<uuid>`: `by-target` (targetId, postedAt) pages one goal's or item's
 *   check-ins newest first, one query a page; `by-project` (projectId, postedAt) lists every record
 *   of a product, heads and cadence included (they carry a `postedAt`), for the admin's export;
 * - a target's head, key `head.<target id>`: its latest check-in's id, status and time, and how many
 *   it has. `heads-by-project` (headOf, headTarget) answers "update due" for every goal and item of
 *   a product in one query a hundred targets. Every post rewrites the head on condition of its
 *   version, so two posts on one target serialise and the head is always the newest;
 * - a product's cadence, key `cadence.<project id>`, read by key (no index).
 */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { UserRef } from '../../contract';
import type { CheckInCadence, CheckInStatus } from '../../domain/status-updates';
import { defaultCheckInCadence } from '../../domain/status-updates';
import { stageActivity } from './activity-store';
import type { Activity } from './activity-store';
import { allRows } from './paging';
import type { Keyed } from './records';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

export const statusUpdateEntityName = 'status-update';

export type CheckInTargetKind = 'goal' | 'item';

/** The facts attached at post time, computed by the server (never taken from the payload). */
export type StoredCheckInFacts =
  | {
      kind: 'goal';
      kpis: Array<{ id: string; name: string; unit: string; value?: number; target: number; health: string; healthReason: string }>;
      timeFrameEnd?: string;
    }
  | { kind: 'item'; progress?: { done: number; total: number }; forecastFinish?: string; endDate?: string; atRisk: boolean; forecastNote?: string };

export interface CommentOutcome {
  posted: Array<{ epicId: string; key: string }>;
  refused: Array<{ epicId: string; key?: string; message: string }>;
}

export interface CheckInRecord {
  projectId: string;
  targetKind: CheckInTargetKind;
  targetId: string;
  status: CheckInStatus;
  text: string;
  facts: StoredCheckInFacts;
  /** Sentences where the status disagreed with the facts when it was posted. */
  disagreements?: string[];
  postedAt: string;
  postedBy: UserRef;
  editedAt?: string;
  comments?: CommentOutcome;
  version: number;
}

export interface CheckInHeadRecord {
  /** Every record names its project (export, import); a head has no `postedAt`, so it stays out of `by-project`. */
  projectId: string;
  /** The project id again: the `heads-by-project` partition. */
  headOf: string;
  headTarget: string;
  targetKind: CheckInTargetKind;
  latestId: string;
  status: CheckInStatus;
  latestAt: string;
  /** = `latestAt`: puts the head in `by-project` too, so the export lists it with the check-ins. */
  postedAt: string;
  count: number;
  version: number;
}

export interface CadenceRecord {
  projectId: string;
  cadence: CheckInCadence;
  version: number;
  updatedAt: string;
  /** = `updatedAt`: puts the cadence in `by-project`, so the export lists it with the check-ins. */
  postedAt: string;
  updatedBy: string;
}

const checkIns = kvs.entity<CheckInRecord>(statusUpdateEntityName);
const heads = kvs.entity<CheckInHeadRecord>(statusUpdateEntityName);
const cadences = kvs.entity<CadenceRecord>(statusUpdateEntityName);

export const headKey = (targetId: string): string => `head.${targetId}`;
export const cadenceKey = (projectId: string): string => `cadence.${projectId}`;

/** Check-ins a page. */
export const checkInPageSize = 20;

/** Where a page ended: the last check-in shown. */
export interface CheckInCursor {
  postedAt: string;
  id: string;
}

/**
 * One page of a target's check-ins, newest first, from just after `after`: one index query. Rows of
 * another project under the same target id read as absent (ids are the app's own, but keys are global).
 */
export async function checkInPage(options: { projectId: string; targetId: string; after?: CheckInCursor; limit?: number }): Promise<{ rows: Array<Keyed<CheckInRecord>>; next?: CheckInCursor }> {
  const limit = options.limit ?? checkInPageSize;
  let query = checkIns.query().index('by-target', { partition: [options.targetId] });
  // Inclusive of the cursor's instant: check-ins of the same millisecond are told apart by key below.
  if (options.after) query = query.where(WhereConditions.lessThanEqualTo(options.after.postedAt));
  const result = await query.sort(Sort.DESC).limit(Math.min(100, limit + 1 + (options.after ? 5 : 0))).getMany();
  const after = options.after;
  const rows = result.results
    .map((row) => ({ ...row.value, id: row.key }))
    .filter((row) => row.projectId === options.projectId)
    // Descending by (postedAt, key): past the cursor means an earlier instant, or the same one and a smaller key.
    .filter((row) => !after || row.postedAt < after.postedAt || (row.postedAt === after.postedAt && row.id < after.id));
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const more = rows.length > limit || (result.nextCursor !== undefined && shown.length === limit);
  return { rows: shown, ...(more && last ? { next: { postedAt: last.postedAt, id: last.id } } : {}) };
}

export async function checkInOf(projectId: string, id: string): Promise<Keyed<CheckInRecord> | undefined> {
  if (!id.startsWith('checkin-')) return undefined;
  const record = await checkIns.get(id);
  return record?.projectId === projectId && record.postedAt !== undefined ? { ...record, id } : undefined;
}

export async function headOf(projectId: string, targetId: string): Promise<CheckInHeadRecord | undefined> {
  const head = await heads.get(headKey(targetId));
  return head?.headOf === projectId ? head : undefined;
}

/** Every goal's and item's head in the product: one query per hundred targets with check-ins. */
export async function headsOfProject(projectId: string): Promise<Map<string, CheckInHeadRecord>> {
  const rows = await allRows((cursor) => {
    const query = heads.query().index('heads-by-project', { partition: [projectId] }).limit(100);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
  return new Map(rows.map((row) => [row.headTarget, row]));
}

export async function cadenceOf(projectId: string): Promise<{ cadence: CheckInCadence; version: number }> {
  const record = await cadences.get(cadenceKey(projectId));
  return record && record.projectId === projectId ? { cadence: record.cadence, version: record.version } : { cadence: defaultCheckInCadence, version: 0 };
}

/** The product's cadence, on condition it is still at `baseVersion` (0: never set). */
export function saveCadence(projectId: string, cadence: CheckInCadence, baseVersion: number, now: string, by: string): Promise<Commit> {
  const record: CadenceRecord = { projectId, cadence, version: baseVersion + 1, updatedAt: now, postedAt: now, updatedBy: by };
  return commit((transaction) =>
    transaction.set(cadenceKey(projectId), record, { entityName: statusUpdateEntityName, conditions: baseVersion === 0 ? isAbsent() : versionIs(baseVersion) }),
  );
}

/**
 * Saves a new check-in and moves its target's head to it, in one transaction conditioned on the
 * head as read (absent before the first check-in), with the feed's activity entry when given.
 */
export function postCheckIn(options: { id: string; record: CheckInRecord; head: CheckInHeadRecord | undefined; activity?: Activity }): Promise<Commit> {
  const { id, record, head } = options;
  const next = nextHead(id, record, head);
  return commit((transaction) => {
    transaction.set(id, record, { entityName: statusUpdateEntityName, conditions: isAbsent() });
    transaction.set(headKey(record.targetId), next, { entityName: statusUpdateEntityName, conditions: head ? versionIs(head.version) : isAbsent() });
    if (options.activity) stageActivity(transaction, options.activity);
  });
}

/**
 * The head after a post. A post that lost a race and committed after a newer one (its `postedAt`
 * is older than the head's) is counted but does not become the latest: the head always names the
 * newest check-in, as the by-target index orders them.
 */
export function nextHead(id: string, record: CheckInRecord, head: CheckInHeadRecord | undefined): CheckInHeadRecord {
  const newer = !head || record.postedAt > head.latestAt || (record.postedAt === head.latestAt && id > head.latestId);
  return {
    projectId: record.projectId,
    headOf: record.projectId,
    headTarget: record.targetId,
    targetKind: record.targetKind,
    latestId: newer ? id : head.latestId,
    status: newer ? record.status : head.status,
    latestAt: newer ? record.postedAt : head.latestAt,
    postedAt: newer ? record.postedAt : head.latestAt,
    count: (head?.count ?? 0) + 1,
    version: (head?.version ?? 0) + 1,
  };
}

/**
 * Replaces an edited check-in on condition of its version; when it is its target's latest, the head
 * takes its new status in the same transaction (on condition of the head as read).
 */
export function replaceCheckIn(options: { id: string; record: CheckInRecord; baseVersion: number; head: CheckInHeadRecord | undefined; activity?: Activity }): Promise<Commit> {
  const { id, record, head } = options;
  return commit((transaction) => {
    transaction.set(id, record, { entityName: statusUpdateEntityName, conditions: versionIs(options.baseVersion) });
    if (head && head.latestId === id) {
      transaction.set(headKey(record.targetId), { ...head, status: record.status, version: head.version + 1 }, { entityName: statusUpdateEntityName, conditions: versionIs(head.version) });
    }
    if (options.activity) stageActivity(transaction, options.activity);
  });
}

/** Records the epics' comment outcome on a saved check-in (its version unchanged: the author's edit must not conflict with it). */
export async function recordComments(id: string, read: CheckInRecord, comments: CommentOutcome): Promise<Commit> {
  return commit((transaction) =>
    transaction.set(id, { ...read, comments }, { entityName: statusUpdateEntityName, conditions: versionIs(read.version) }),
  );
}
