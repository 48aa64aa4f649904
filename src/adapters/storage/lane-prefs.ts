/**
 * Which roadmap lanes a person keeps collapsed, per product: one plain KVS key per person and
 * project, `lane-prefs:<projectId>:<accountId>`. In Forge storage rather than the browser's
 * localStorage because the preference is the person's, not the device's, and a Custom UI frame runs
 * on Atlassian's CDN origin inside Jira's page, where browsers partition (and may clear) third-party
 * storage: a localStorage value would not follow them to another browser, and might not last.
 * Only ids are stored: a lane deleted since is simply not drawn, and the next save drops it.
 */
import { kvs } from '@forge/kvs';

export interface LanePrefs {
  collapsedLaneIds: string[];
  updatedAt: string;
}

export const lanePrefsKey = (projectId: string, accountId: string): string => `lane-prefs:${projectId}:${accountId}`;

export async function lanePrefsOf(projectId: string, accountId: string): Promise<LanePrefs | undefined> {
  return (await kvs.get<LanePrefs>(lanePrefsKey(projectId, accountId))) ?? undefined;
}

export async function saveLanePrefs(projectId: string, accountId: string, prefs: LanePrefs): Promise<void> {
  await kvs.set<LanePrefs>(lanePrefsKey(projectId, accountId), prefs);
}
