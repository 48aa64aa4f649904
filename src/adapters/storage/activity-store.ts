/**
 * The product's activity log (the "What changed" feed), one `activity` record per event.
 *
 * Written only INSIDE the transaction of the change it tells of: `stageActivity(transaction, …)`
 * from the write's `commit(...)` builder (or its `alsoStage`). The change and its entry land
 * together or not at all, so the feed never tells of a change that did not happen, and a change
 * is never without its entry. Never append from a separate write.
 *
 * Read as pages of one index query each: `by-project` (partition projectId, range sortKey) for the
 * product, `by-goal` (partition goalId, range sortKey) for one goal's entries (its own, its KPIs',
 * its items'). `sortKey` is `<ISO instant>#<key>`: newest first is a descending range read, and a
 * cursor is the sort key of the last entry shown.
 *
 * Bounded: every record is written with a TTL of `activityRetentionDays` (365 days), after which
 * Forge storage drops it by itself; the feed shows only the last 30 days. Forge documents TTLs on
 * set options (transactions included):
 * https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-basic-api/ (SetOptions, ttl).
 * We keep a year, inside the longest TTL we read there, and long enough for a yearly review.
 */
import { randomUUID } from 'node:crypto';
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { UserRef } from '../../contract';
import type { ActivityKind, ActivitySummary } from '../../domain/activity';
import { activitySortKey } from '../../domain/activity';
import type { Keyed } from './records';
import type { commit } from './writes';

export interface ActivityRecord {
  projectId: string;
  kind: ActivityKind;
  /** ISO instant of the change. */
  at: string;
  /** `<at>#<key>`: the range of both indexes. */
  sortKey: string;
  /** Who made the change; absent for the app's own work (the daily KPI snapshot). */
  by?: UserRef;
  /** The goal the change concerns (its own, its KPI's, or its item's goal): the `by-goal` partition. */
  goalId?: string;
  itemId?: string;
  kpiId?: string;
  summary: ActivitySummary;
}

export const activityEntityName = 'activity';
/** How long an entry is kept before storage drops it (TTL). */
export const activityRetentionDays = 365;

const activities = kvs.entity<ActivityRecord>(activityEntityName);

export type Transaction = Parameters<Parameters<typeof commit>[0]>[0];

/** What a write says happened; the store adds the time, key and sort key. */
export interface Activity {
  projectId: string;
  at: string;
  by?: UserRef;
  goalId?: string;
  itemId?: string;
  kpiId?: string;
  summary: ActivitySummary;
  /**
   * A fixed key makes a later write replace this entry instead of adding one (a vision "sitting":
   * one entry however many saves). Default: a fresh key.
   */
  key?: string;
}

/** The record and key an activity is stored as. */
export function activityRecord(activity: Activity): { key: string; record: ActivityRecord } {
  const key = activity.key ?? `act-${randomUUID()}`;
  const record: ActivityRecord = {
    projectId: activity.projectId,
    kind: activity.summary.kind,
    at: activity.at,
    sortKey: activitySortKey(activity.at, key),
    ...(activity.by ? { by: activity.by } : {}),
    ...(activity.goalId ? { goalId: activity.goalId } : {}),
    ...(activity.itemId ? { itemId: activity.itemId } : {}),
    ...(activity.kpiId ? { kpiId: activity.kpiId } : {}),
    summary: activity.summary,
  };
  return { key, record };
}

/**
 * Adds the activity to the caller's transaction (one operation of Forge's 25). Unconditional: a
 * fresh key cannot exist, and a fixed key is meant to be replaced.
 */
export function stageActivity(transaction: Transaction, activity: Activity): void {
  const { key, record } = activityRecord(activity);
  transaction.set(key, record, { entityName: activityEntityName }, { ttl: { value: activityRetentionDays, unit: 'DAYS' } });
}

/** Removes an entry that a replacing write supersedes (a vision sitting's earlier save), in the caller's transaction. */
export function unstageActivity(transaction: Transaction, key: string): void {
  transaction.delete(key, { entityName: activityEntityName });
}

/** A stager for writes that take `alsoStage`: nothing when there is nothing to tell. */
export const stagingActivities =
  (...list: ReadonlyArray<Activity | undefined>) =>
  (transaction: Transaction): void => {
    for (const activity of list) if (activity) stageActivity(transaction, activity);
  };

/** Runs several stagers in one transaction. */
export const stagingAll =
  (...stagers: ReadonlyArray<((transaction: Transaction) => void) | undefined>) =>
  (transaction: Transaction): void => {
    for (const stage of stagers) stage?.(transaction);
  };

export interface ActivityPage {
  entries: Array<Keyed<ActivityRecord>>;
  /** Whether the index holds more entries in the window past this page. */
  more: boolean;
}

/**
 * One page, newest first: entries with a sort key in [since, before) of the project, or of one
 * goal. One storage query. Another project's record under a goal id reads as absent.
 */
export async function activityPage(options: { projectId: string; goalId?: string; since: string; before?: string; limit: number }): Promise<ActivityPage> {
  const upper = options.before ?? '\uffff';
  const query = (options.goalId
    ? activities.query().index('by-goal', { partition: [options.goalId] })
    : activities.query().index('by-project', { partition: [options.projectId] })
  )
    .where(WhereConditions.between(options.since, upper))
    .sort(Sort.DESC)
    .limit(Math.min(100, options.limit + 1));
  const result = await query.getMany();
  const rows = result.results
    .map((row) => ({ ...row.value, id: row.key }))
    // `between` includes its ends: the cursor's own entry was shown already.
    .filter((row) => row.sortKey !== options.before && row.projectId === options.projectId);
  return { entries: rows.slice(0, options.limit), more: rows.length > options.limit || result.nextCursor !== undefined };
}
