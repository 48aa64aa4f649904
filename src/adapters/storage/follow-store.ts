/**
 * What one person follows in one product: a single `follow` record under `<projectId>.<accountId>`,
 * so the feed's "Following" filter costs one read by key. Changed over the version read; nobody's
 * intent depends on what else is in the list, so a write that lost a race reads again and retries
 * (two tabs following two things at once both land).
 */
import { kvs } from '@forge/kvs';
import type { FollowTarget } from '../../contract';
import { commit, isAbsent, versionIs } from './writes';

export interface FollowRecord {
  projectId: string;
  accountId: string;
  targets: FollowTarget[];
  version: number;
  updatedAt: string;
}

const follows = kvs.entity<FollowRecord>('follow');
const keyOf = (projectId: string, accountId: string) => `${projectId}.${accountId}`;
const attempts = 4;

export async function followsOf(projectId: string, accountId: string): Promise<FollowTarget[]> {
  const record = await follows.get(keyOf(projectId, accountId));
  return record?.projectId === projectId && record.accountId === accountId ? record.targets : [];
}

export type FollowChange = { outcome: 'saved'; targets: FollowTarget[] } | { outcome: 'limit-reached' } | { outcome: 'contended' };

/** Adds (`follow`) or removes a target; following what is followed already, or unfollowing what is not, changes nothing. */
export async function changeFollow(options: { projectId: string; accountId: string; target: FollowTarget; follow: boolean; max: number; now: string }): Promise<FollowChange> {
  const key = keyOf(options.projectId, options.accountId);
  const same = (target: FollowTarget) => target.kind === options.target.kind && target.id === options.target.id;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const read = await follows.get(key);
    const current = read?.projectId === options.projectId ? read.targets : [];
    const already = current.some(same);
    if (already === options.follow) return { outcome: 'saved', targets: current };
    if (options.follow && current.length >= options.max) return { outcome: 'limit-reached' };
    const targets = options.follow ? [...current, { kind: options.target.kind, id: options.target.id }] : current.filter((target) => !same(target));
    const next: FollowRecord = { projectId: options.projectId, accountId: options.accountId, targets, version: (read?.version ?? 0) + 1, updatedAt: options.now };
    const outcome = await commit((transaction) =>
      transaction.set(key, next, { entityName: 'follow', conditions: read ? versionIs(read.version) : isAbsent() }),
    );
    if (outcome === 'committed') return { outcome: 'saved', targets };
  }
  return { outcome: 'contended' };
}
