/**
 * The epics linked to an item, found the way anyone could in Jira: JQL on the indexed link
 * property (`throughlineRoadmapItem = "<id>"`), as the user. Changes to them are written as the
 * user too; an epic Jira refuses to change is left as it was (its property names an item or goal
 * that readers then ignore or that the admin's "rebuild links" repairs). Jira's search index shows
 * a link seconds to minutes after it was written, so the epics the app linked or unlinked lately
 * are reconciled: an item deleted right after it was linked still loses its links.
 */
import { changeLinks, roadmapItemSearchAlias, servedGoalIds } from '../../domain/epic-links';
import { jqlString } from '../../adapters/jira/epic-links';
import { saveEpicLinks } from '../../adapters/delivery/epic-link-writes';
import { recentlyLinkedEpicIds } from '../../adapters/delivery/recent-link-writes';
import { nowIso } from '../../adapters/clock';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import type { JiraClient } from '../../adapters/jira/client';
import { JiraError } from '../../adapters/jira/errors';
import { searchAllIssues } from '../../adapters/jira/search';
import { epicLinksPropertyKey, readEpicLinks } from '../../domain/epic-links';
import { itemsOfProject } from '../../adapters/storage/roadmap-store';

export async function epicsOfItem(jira: JiraClient, projectId: string, itemId: string): Promise<Array<Pick<LinkedJiraEpic, 'id' | 'key' | 'links'>>> {
  const issues = await searchAllIssues(jira, {
    jql: `project = ${projectId} AND ${roadmapItemSearchAlias} = ${jqlString(itemId)} ORDER BY rank ASC`,
    fields: ['summary'],
    properties: [epicLinksPropertyKey],
    reconcileIssues: await recentlyLinkedEpicIds(nowIso()),
  });
  return issues.map((issue) => ({ id: issue.id, key: issue.key, links: readEpicLinks(issue.properties?.[epicLinksPropertyKey]) }));
}

/** Recomputes the goals each epic serves from the items' current goals, and writes those that changed. */
export async function resyncServedGoals(jira: JiraClient, projectId: string, epics: ReadonlyArray<Pick<LinkedJiraEpic, 'id' | 'links'>>): Promise<number> {
  const goalOf = await itemGoals(projectId);
  let written = 0;
  for (const epic of epics) {
    const goalIds = servedGoalIds(epic.links, goalOf);
    if (goalIds.join() === epic.links.goalIds.join()) continue;
    if (await writeIfAllowed(jira, epic.id, { ...epic.links, goalIds, version: epic.links.version + 1 })) written += 1;
  }
  return written;
}

/** Takes a deleted item out of its epics' links; returns how many epics were changed. */
export async function unlinkItemFromEpics(jira: JiraClient, projectId: string, itemId: string, epics: ReadonlyArray<Pick<LinkedJiraEpic, 'id' | 'links'>>): Promise<number> {
  const goalOf = await itemGoals(projectId);
  let written = 0;
  for (const epic of epics) {
    const next = changeLinks(epic.links, [{ kind: 'item', itemId, linked: false }], goalOf);
    if (await writeIfAllowed(jira, epic.id, next)) written += 1;
  }
  return written;
}

export async function itemGoals(projectId: string): Promise<(itemId: string) => string | undefined> {
  const items = await itemsOfProject(projectId);
  const goals = new Map(items.map((item) => [item.id, item.goalId]));
  return (itemId) => goals.get(itemId);
}

async function writeIfAllowed(jira: JiraClient, epicId: string, links: Parameters<typeof saveEpicLinks>[2]): Promise<boolean> {
  try {
    await saveEpicLinks(jira, epicId, links);
    return true;
  } catch (error) {
    if (error instanceof JiraError && (error.kind === 'forbidden' || error.kind === 'not-found')) return false;
    throw error;
  }
}
