/**
 * The epics whose links the app wrote in the last few minutes, so that searches reading links
 * (`throughlineRoadmapItem = …`, `throughlineGoal IS NOT EMPTY`, the roadmap's epic cards) can pass
 * them as `reconcileIssues` and see those writes. Jira's search index trails writes "from a few
 * seconds to minutes", and reconciles at most 50 issues per search; Atlassian's own workaround for
 * read-after-write beyond one request is this: keep the recently changed issue ids and reconcile
 * them (JRACLOUD-96208).
 * @see https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
 * @see https://jira.atlassian.com/browse/JRACLOUD-96208
 *
 * One plain KVS key for the whole site, holding ids and instants only. Two invocations writing at
 * the same moment can drop one another's entry (no conditional write on plain keys): that epic is
 * then read as the index has it, stale for at most the index's own delay. Past 50 recent writes
 * (an admin's link rebuild) the oldest are left to the index in the same way.
 */
import { kvs } from '@forge/kvs';
import { maxReconciledIssues } from '../jira/search';

export const recentLinkWritesKey = 'recent-epic-link-writes';

/**
 * How long a write counts as recent: well past the "few seconds" most writes take to be searchable,
 * and the same bound the roll-up delta search looks back (`syncSkewMs`).
 */
export const searchLagAllowanceMs = 5 * 60_000;

interface RecentWrite {
  epicId: string;
  /** When the write was made, ISO 8601. */
  at: string;
}

interface RecentWrites {
  writes: RecentWrite[];
}

function stillRecent(writes: readonly RecentWrite[], nowMs: number): RecentWrite[] {
  return writes.filter((write) => nowMs - Date.parse(write.at) < searchLagAllowanceMs);
}

/** Records that the app just wrote these epics' links (newest last; at most 50 kept). */
export async function rememberLinkWrites(epicIds: readonly string[], now: string): Promise<void> {
  if (epicIds.length === 0) return;
  const nowMs = Date.parse(now);
  const written = new Set(epicIds);
  const stored = (await kvs.get<RecentWrites>(recentLinkWritesKey))?.writes ?? [];
  const writes = [...stillRecent(stored, nowMs).filter((write) => !written.has(write.epicId)), ...[...written].map((epicId) => ({ epicId, at: now }))];
  await kvs.set<RecentWrites>(recentLinkWritesKey, { writes: writes.slice(-maxReconciledIssues) });
}

/** The epics whose links the app wrote within `searchLagAllowanceMs`, newest first, at most 50: what to reconcile. */
export async function recentlyLinkedEpicIds(now: string): Promise<string[]> {
  const stored = (await kvs.get<RecentWrites>(recentLinkWritesKey))?.writes ?? [];
  return stillRecent(stored, Date.parse(now))
    .map((write) => write.epicId)
    .reverse()
    .slice(0, maxReconciledIssues);
}
