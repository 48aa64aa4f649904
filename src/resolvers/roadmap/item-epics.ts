/**
 * The epics linked to an item: those whose stored links name it, and those Jira's search finds
 * through the indexed property (`throughlineRoadmapItem = "<id>"`, as the user) that storage does
 * not contradict (epics linked before links were stored). Jira's search index shows a write seconds
 * to minutes later, so the epics the app wrote lately are reconciled.
 *
 * When an item's goal changes or the item is deleted, those epics' properties must follow. The
 * change itself records that intent in its own transaction (`stageResync`); the properties are then
 * written right away as the user, and the `epic-link-sync` queue finishes what Jira did not take.
 */
import { jqlString } from '../../adapters/jira/epic-links';
import { recentlyLinkedEpicIds } from '../../adapters/delivery/recent-link-writes';
import { carryLinkChange, newLinkIntent } from '../../adapters/delivery/link-sync';
import type { SyncPass } from '../../adapters/delivery/link-sync';
import { nowIso } from '../../adapters/clock';
import type { JiraClient } from '../../adapters/jira/client';
import { searchAllIssues } from '../../adapters/jira/search';
import { stageLinkChange, storedLinksOfProject } from '../../adapters/storage/epic-link-store';
import type { LinkIntent, LinkSyncReason } from '../../adapters/storage/epic-link-store';
import type { Transaction } from '../../adapters/storage/roadmap-store';
import { goalSearchAlias, roadmapItemSearchAlias } from '../../domain/epic-links';
import { itemsOfProject } from '../../adapters/storage/roadmap-store';

/** Ids of the epics delivering the item, in Jira's rank order, then those only storage knows of yet. */
export async function epicIdsOfItem(jira: JiraClient, projectId: string, itemId: string): Promise<string[]> {
  const [issues, stored] = await Promise.all([
    searchAllIssues(jira, {
      jql: `project = ${projectId} AND ${roadmapItemSearchAlias} = ${jqlString(itemId)} ORDER BY rank ASC`,
      fields: ['summary'],
      reconcileIssues: await recentlyLinkedEpicIds(nowIso()),
    }),
    storedLinksOfProject(projectId),
  ]);
  const byEpic = new Map(stored.map((record) => [record.id, record]));
  const found = issues.map((issue) => issue.id).filter((id) => byEpic.get(id)?.roadmapItemIds.includes(itemId) ?? true);
  const onlyStored = stored.filter((record) => record.roadmapItemIds.includes(itemId) && !found.includes(record.id)).map((record) => record.id);
  return [...found, ...onlyStored];
}

/**
 * Ids of the epics serving a goal, directly or through one of its items: Jira's search on the
 * derived property (as the user, lately written epics reconciled) and storage's records.
 */
export async function epicIdsServingGoal(jira: JiraClient, projectId: string, goalId: string): Promise<string[]> {
  const [issues, stored, items] = await Promise.all([
    searchAllIssues(jira, {
      jql: `project = ${projectId} AND ${goalSearchAlias} = ${jqlString(goalId)} ORDER BY rank ASC`,
      fields: ['summary'],
      reconcileIssues: await recentlyLinkedEpicIds(nowIso()),
    }),
    storedLinksOfProject(projectId),
    itemsOfProject(projectId),
  ]);
  const itemsOfGoal = new Set(items.filter((item) => item.goalId === goalId).map((item) => item.id));
  const fromStorage = stored
    .filter((record) => record.directGoalIds.includes(goalId) || record.roadmapItemIds.some((itemId) => itemsOfGoal.has(itemId)))
    .map((record) => record.id);
  return [...new Set([...issues.map((issue) => issue.id), ...fromStorage])];
}

/** An intent to bring these epics' properties in step, or nothing when there are none. */
export function resyncIntent(projectId: string, epicIds: readonly string[], reason: LinkSyncReason): LinkIntent | undefined {
  return epicIds.length > 0 ? newLinkIntent(projectId, epicIds, reason, nowIso()) : undefined;
}

/** Adds the intent to the transaction of the change that makes it necessary. */
export const stageResync =
  (intent: LinkIntent | undefined) =>
  (transaction: Transaction): void => {
    if (intent) stageLinkChange(transaction, intent, []);
  };

/** After the change committed: the epics written as the user now, the rest queued. */
export async function carryResync(jira: JiraClient, intent: LinkIntent | undefined): Promise<SyncPass> {
  return intent ? carryLinkChange(jira, intent.id) : { agreed: [], refused: [], pending: [], done: true };
}
