/**
 * The product's "What changed" feed and following. Anyone who may browse the project reads the
 * feed and follows goals and items (as Jira users watch issues); following is the viewer's own
 * list, so it changes nothing anyone else sees.
 *
 * Cost: a page is one index query (the product's, or one goal's); "Following" reads the viewer's
 * follow record by key and scans at most `followingScanPages` index pages for entries about what
 * they follow, answering a cursor to go on where it stopped.
 */
import type { ActivityEntry, FollowTarget, ProductFeed } from '../../contract';
import { activitySortKey, daysBefore, feedPageSize, feedWindowDays } from '../../domain/activity';
import { nowIso } from '../../adapters/clock';
import { activityPage } from '../../adapters/storage/activity-store';
import type { ActivityRecord } from '../../adapters/storage/activity-store';
import { changeFollow, followsOf } from '../../adapters/storage/follow-store';
import { goalOf } from '../../adapters/storage/goal-store';
import type { Keyed } from '../../adapters/storage/records';
import { itemOf } from '../../adapters/storage/roadmap-store';
import { limits } from '../../validation/limits';
import { viewerCall, viewerRead } from '../calls';
import type { ProductAccess } from '../authorize';
import { notFound } from '../failures';
import { fail, ok } from '../results';
import { namePeople } from '../people';
import type { JiraClient } from '../../adapters/jira/client';
import { say } from '../../i18n/server-texts';

/** Index pages of 99 entries one "Following" page may scan (with the follow record: 5 storage requests at most). */
export const followingScanPages = 4;
const scanPageSize = 99;

export const getProductFeed = viewerCall('getProductFeed', async ({ jira, access, projectId, payload }) => {
  const now = nowIso();
  const since = activitySortKey(daysBefore(now, feedWindowDays), '');
  const following = await followsOf(projectId, access.accountId);
  const source = { projectId, ...(payload.goalId ? { goalId: payload.goalId } : {}), since };

  if (!payload.following) {
    const page = await activityPage({ ...source, ...(payload.cursor ? { before: payload.cursor } : {}), limit: feedPageSize });
    const last = page.entries.at(-1);
    return ok<ProductFeed>({ entries: await named(jira, page.entries.map(entryView)), since: since.slice(0, -1), ...(page.more && last ? { nextCursor: last.sortKey } : {}), following });
  }

  const wanted = followFilter(following);
  const entries: Array<Keyed<ActivityRecord>> = [];
  let before = payload.cursor;
  let more = following.length > 0;
  for (let scanned = 0; more && scanned < followingScanPages && entries.length < feedPageSize; scanned += 1) {
    const page = await activityPage({ ...source, ...(before ? { before } : {}), limit: scanPageSize });
    more = page.more;
    for (const row of page.entries) {
      before = row.sortKey;
      if (!wanted(row)) continue;
      entries.push(row);
      if (entries.length === feedPageSize) {
        more = more || row !== page.entries.at(-1);
        break;
      }
    }
  }
  return ok<ProductFeed>({ entries: await named(jira, entries.map(entryView)), since: since.slice(0, -1), ...(more && before ? { nextCursor: before } : {}), following });
});

export const getFollowing = viewerRead(async ({ access, projectId }) => ok(await followsOf(projectId, access.accountId)));

export const followTarget = viewerCall('followTarget', async ({ access, projectId, payload }) => {
  const refused = mayFollow(access);
  if (refused) return refused;
  const exists = payload.target.kind === 'goal' ? await goalOf(projectId, payload.target.id) : await itemOf(projectId, payload.target.id);
  if (!exists) return notFound(payload.target.kind === 'goal' ? 'goal' : 'item');
  return saveFollow(access, projectId, payload.target, true);
});

/** Unfollowing needs no target to exist: a deleted goal can still be dropped from the list. */
export const unfollowTarget = viewerCall('unfollowTarget', async ({ access, projectId, payload }) => {
  const refused = mayFollow(access);
  if (refused) return refused;
  return saveFollow(access, projectId, payload.target, false);
});

function mayFollow(access: ProductAccess) {
  return access.licensed ? undefined : fail('forbidden', say('access.licenceInactive'));
}

async function saveFollow(access: ProductAccess, projectId: string, target: FollowTarget, follow: boolean) {
  const changed = await changeFollow({ projectId, accountId: access.accountId, target, follow, max: limits.followsPerPerson, now: nowIso() });
  if (changed.outcome === 'limit-reached') {
    return fail('invalid', say('feed.followLimit', { max: limits.followsPerPerson }), 'target');
  }
  if (changed.outcome === 'contended') return fail('conflict', say('feed.followsChanging'));
  return ok(changed.targets);
}

/** An entry is about a followed goal (its own, its KPI's, its item's) or a followed item. */
function followFilter(following: readonly FollowTarget[]): (row: ActivityRecord) => boolean {
  const goals = new Set(following.filter((target) => target.kind === 'goal').map((target) => target.id));
  const items = new Set(following.filter((target) => target.kind === 'item').map((target) => target.id));
  return (row) => (row.goalId !== undefined && goals.has(row.goalId)) || (row.itemId !== undefined && items.has(row.itemId));
}

/**
 * Link changes record who made them by account id only (the link path asks Jira for no names):
 * those are named here, as the reader, in one request when a page holds any.
 */
async function named(jira: JiraClient, entries: ActivityEntry[]): Promise<ActivityEntry[]> {
  const unnamed = [...new Set(entries.flatMap((entry) => (entry.by && !entry.by.displayName ? [entry.by.accountId] : [])))];
  if (unnamed.length === 0) return entries;
  const people = await namePeople(jira, unnamed);
  return entries.map((entry) => (entry.by && !entry.by.displayName ? { ...entry, by: people.ref(entry.by.accountId) } : entry));
}

function entryView(row: Keyed<ActivityRecord>): ActivityEntry {
  return {
    id: row.id,
    at: row.at,
    ...(row.by ? { by: row.by } : {}),
    ...(row.goalId ? { goalId: row.goalId } : {}),
    ...(row.itemId ? { itemId: row.itemId } : {}),
    ...(row.kpiId ? { kpiId: row.kpiId } : {}),
    summary: row.summary,
  };
}
