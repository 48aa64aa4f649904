/**
 * An epic's links to the product: the roadmap items it delivers and the goals it serves. They live
 * on the epic as one issue property (written as the user, so Jira checks they may edit the epic),
 * indexed for JQL as `throughlineGoal` and `throughlineRoadmapItem`. Pure: how links combine.
 */

/** The issue property's key on the epic, and its JQL aliases (manifest `jira:entityProperty`). */
export const epicLinksPropertyKey = 'throughline-links';
export const goalSearchAlias = 'throughlineGoal';
export const roadmapItemSearchAlias = 'throughlineRoadmapItem';

/** At most this many links of each kind on one epic: keeps the property far below Jira's 32 KB. */
export const maxLinksPerEpic = 50;

/** What the property holds. `goalIds` is derived, so JQL finds epics serving a goal through an item too. */
export interface EpicLinks {
  /** Goals the epic was linked to directly (not through an item). */
  directGoalIds: string[];
  roadmapItemIds: string[];
  /** Direct goals and the goals of the linked items, when last written: what `throughlineGoal` searches. */
  goalIds: string[];
  /** Bumped by every write through the app; a write from a stale read is a conflict. */
  version: number;
}

export const noLinks = (): EpicLinks => ({ directGoalIds: [], roadmapItemIds: [], goalIds: [], version: 0 });

/** The goals an epic serves: its direct goals and those of its items, each once, in a stable order. */
export function servedGoalIds(links: Pick<EpicLinks, 'directGoalIds' | 'roadmapItemIds'>, goalOfItem: (itemId: string) => string | undefined): string[] {
  const goals = new Set(links.directGoalIds);
  for (const itemId of links.roadmapItemIds) {
    const goalId = goalOfItem(itemId);
    if (goalId !== undefined) goals.add(goalId);
  }
  return [...goals].sort();
}

export type LinkChange =
  | { kind: 'item'; itemId: string; linked: boolean }
  | { kind: 'goal'; goalId: string; linked: boolean };

/** The links after a change, with `goalIds` derived again and the version bumped. */
export function changeLinks(links: EpicLinks, changes: readonly LinkChange[], goalOfItem: (itemId: string) => string | undefined): EpicLinks {
  const direct = new Set(links.directGoalIds);
  const items = new Set(links.roadmapItemIds);
  for (const change of changes) {
    const set = change.kind === 'item' ? items : direct;
    const id = change.kind === 'item' ? change.itemId : change.goalId;
    if (change.linked) set.add(id);
    else set.delete(id);
  }
  const next = { directGoalIds: [...direct].sort(), roadmapItemIds: [...items].sort() };
  return { ...next, goalIds: servedGoalIds(next, goalOfItem), version: links.version + 1 };
}

/** Whether the links still hold anything; an epic without links has its property removed. */
export const hasLinks = (links: Pick<EpicLinks, 'directGoalIds' | 'roadmapItemIds'>): boolean =>
  links.directGoalIds.length > 0 || links.roadmapItemIds.length > 0;

/**
 * Reads a property value written by any version of the app, or by someone's automation: unknown
 * shapes give no links rather than an error, and ids that are not strings are dropped.
 */
export function readEpicLinks(value: unknown): EpicLinks {
  if (typeof value !== 'object' || value === null) return noLinks();
  const record = value as Record<string, unknown>;
  const ids = (key: string) => (Array.isArray(record[key]) ? [...new Set((record[key] as unknown[]).filter((id): id is string => typeof id === 'string' && id.length > 0))].sort() : []);
  const version = typeof record.version === 'number' && Number.isInteger(record.version) && record.version >= 0 ? record.version : 0;
  return { directGoalIds: ids('directGoalIds'), roadmapItemIds: ids('roadmapItemIds'), goalIds: ids('goalIds'), version };
}
