/**
 * Epic links have one source of truth: the app's storage record of each epic (what it was linked to,
 * version-checked, so concurrent writers either both land or one conflicts). The epic's
 * `throughline-links` property is an index derived from it for JQL, rewritten until it agrees.
 * Pure: what the property should hold, and whether it does.
 */
import { hasLinks, servedGoalIds } from './epic-links';
import type { EpicLinks } from './epic-links';

/** The stored links of one epic: what users linked it to. */
export interface StoredLinks {
  directGoalIds: readonly string[];
  roadmapItemIds: readonly string[];
  version: number;
}

/** The product as the links are resolved against it: goals that exist, items that exist and their goal. */
export interface LinkTargets {
  goalIds: ReadonlySet<string>;
  goalOfItem: ReadonlyMap<string, string | undefined>;
}

/**
 * What the epic's property must hold: links to goals and items that still exist (a deleted one
 * drops out), the existing goals it serves through its items as they are now, and the stored version.
 */
export function derivedLinks(stored: StoredLinks, targets: LinkTargets): EpicLinks {
  const directGoalIds = [...new Set(stored.directGoalIds)].filter((id) => targets.goalIds.has(id)).sort();
  const roadmapItemIds = [...new Set(stored.roadmapItemIds)].filter((id) => targets.goalOfItem.has(id)).sort();
  // An item may still name a goal deleted since: that goal is served no more.
  const goalIds = servedGoalIds({ directGoalIds, roadmapItemIds }, (itemId) => targets.goalOfItem.get(itemId)).filter((id) => targets.goalIds.has(id));
  return { directGoalIds, roadmapItemIds, goalIds, version: stored.version };
}

/**
 * Whether the property as Jira holds it already says what storage says. An epic without links has
 * no property at all (Jira reads it as no links at version 0), whatever the stored version.
 */
export function propertyAgrees(property: EpicLinks, derived: EpicLinks): boolean {
  if (!hasLinks(derived)) return !hasLinks(property) && property.goalIds.length === 0;
  return (
    property.version === derived.version &&
    sameIds(property.directGoalIds, derived.directGoalIds) &&
    sameIds(property.roadmapItemIds, derived.roadmapItemIds) &&
    sameIds(property.goalIds, derived.goalIds)
  );
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, n) => id === b[n]);

/** How an epic's link stands: `pending` while the property has yet to follow storage, `refused` when Jira would not let the app write it. */
export type LinkSyncState = 'pending' | 'refused';
