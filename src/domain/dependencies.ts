/**
 * Dependencies between roadmap items: an item "depends on" (is blocked by) other items of the same
 * product. Pure: the items arrive as arguments, dates are `YYYY-MM-DD` strings.
 */

/** At most this many blockers per item: a plan with more is a list, not a dependency. */
export const maxDependsOn = 20;

/** What the dependency rules need of an item. */
export interface DependencyNode {
  id: string;
  dependsOn?: readonly string[];
}

export interface DatedDependencyNode extends DependencyNode {
  title?: string;
  startDate?: string;
  endDate?: string;
}

/**
 * A blocker that ends after the item it blocks starts: `blockerEnd` > `dependentStart`. Both
 * items and both dates, so a surface can say "Billing v2 ends 12 Mar, after Checkout starts 1 Mar".
 */
export interface DependencyWarning {
  itemId: string;
  blockedById: string;
  dependentStart: string;
  blockerEnd: string;
}

export type DependsOnProblem =
  | { code: 'self'; itemId: string }
  | { code: 'unknown'; itemId: string; unknownIds: string[] }
  | { code: 'duplicate'; itemId: string; duplicateIds: string[] }
  | { code: 'too-many'; itemId: string; count: number; max: number }
  /** `path` runs from the item back to itself: [a, b, c, a] means a → b → c → a. */
  | { code: 'cycle'; itemId: string; path: string[] };

/**
 * The blockers an item still has: ids of items that exist, in the order stored, once each. Deleted
 * items are not removed from others' lists when they go (that would be a write to every dependent);
 * they drop out here, whenever the list is read.
 */
export function liveDependsOn(dependsOn: readonly string[] | undefined, existingIds: ReadonlySet<string>, itemId?: string): string[] {
  if (!dependsOn) return [];
  const seen = new Set<string>();
  const live: string[] = [];
  for (const id of dependsOn) {
    if (id === itemId || seen.has(id) || !existingIds.has(id)) continue;
    seen.add(id);
    live.push(id);
  }
  return live;
}

/**
 * A dependency path from `itemId` back to itself once its blockers become `dependsOn`, or null.
 * Other items' lists are read as stored (unknown ids simply lead nowhere).
 */
export function findCycle(items: readonly DependencyNode[], itemId: string, dependsOn: readonly string[]): string[] | null {
  const edges = new Map<string, readonly string[]>();
  for (const item of items) edges.set(item.id, item.dependsOn ?? []);
  edges.set(itemId, dependsOn);

  // Depth-first from the item; `trail` is the current path, so the cycle found is a real path.
  const visited = new Set<string>();
  const trail: string[] = [itemId];
  const walk = (id: string): boolean => {
    for (const next of edges.get(id) ?? []) {
      if (next === itemId) {
        trail.push(next);
        return true;
      }
      if (visited.has(next)) continue;
      visited.add(next);
      trail.push(next);
      if (walk(next)) return true;
      trail.pop();
    }
    return false;
  };
  return walk(itemId) ? trail : null;
}

/**
 * Why `dependsOn` cannot be `itemId`'s blockers among `items` (the product's items, the item
 * itself included when it exists), or null when it can. The first problem found, checked in the
 * order a person would fix them.
 */
export function dependsOnProblem(items: readonly DependencyNode[], itemId: string, dependsOn: readonly string[]): DependsOnProblem | null {
  if (dependsOn.includes(itemId)) return { code: 'self', itemId };
  if (dependsOn.length > maxDependsOn) return { code: 'too-many', itemId, count: dependsOn.length, max: maxDependsOn };
  const duplicateIds = [...new Set(dependsOn.filter((id, index) => dependsOn.indexOf(id) !== index))];
  if (duplicateIds.length > 0) return { code: 'duplicate', itemId, duplicateIds };
  const known = new Set(items.map((item) => item.id));
  const unknownIds = dependsOn.filter((id) => !known.has(id));
  if (unknownIds.length > 0) return { code: 'unknown', itemId, unknownIds };
  const path = findCycle(items, itemId, dependsOn);
  return path ? { code: 'cycle', itemId, path } : null;
}

/**
 * Every dependency whose blocker ends after its dependent starts, in item order then blocker
 * order. A blocker ending the day its dependent starts is not warned about (handover on the day).
 * Items without the dates needed, and blockers that no longer exist, say nothing.
 */
export function dependencyWarnings(items: readonly DatedDependencyNode[]): DependencyWarning[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const warnings: DependencyWarning[] = [];
  for (const item of items) {
    if (!item.startDate) continue;
    for (const blockerId of new Set(item.dependsOn ?? [])) {
      const blocker = byId.get(blockerId);
      if (!blocker?.endDate || blocker.id === item.id) continue;
      // YYYY-MM-DD strings order as the days they name.
      if (blocker.endDate > item.startDate) {
        warnings.push({ itemId: item.id, blockedById: blocker.id, dependentStart: item.startDate, blockerEnd: blocker.endDate });
      }
    }
  }
  return warnings;
}

/**
 * Items reachable from `ids` through the stored lists, `ids` included when they exist: the items a
 * cycle check reads. A writer setting a list guards on their versions, so two editors closing a
 * loop from both ends at once cannot both succeed.
 */
export function reachableFrom(items: readonly DependencyNode[], ids: readonly string[]): string[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const reached: string[] = [];
  const seen = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const item = byId.get(id);
    if (!item) continue;
    reached.push(id);
    stack.push(...(item.dependsOn ?? []));
  }
  return reached;
}

/** An epic as suggestions read it: the items it delivers, and its Blocks links (issue ids). */
export interface BlockingEpic {
  id: string;
  key: string;
  roadmapItemIds: readonly string[];
  blocks?: readonly string[];
  blockedBy?: readonly string[];
}

export interface DependencySuggestion {
  itemId: string;
  blockedById: string;
  /** Blocker epic's key first. */
  epicKeys: [string, string];
}

/**
 * Dependencies Jira's Blocks links between epics suggest: an epic of item J blocks an epic of item
 * I, so I may depend on J. Only between `epics` (those the viewer may see: a link to any other is
 * never shown) and existing `items`; not between an item and itself, not when already set, and not
 * when setting it would close a loop. One suggestion per pair of items, the first link found.
 */
export function suggestDependencies(epics: readonly BlockingEpic[], items: readonly DependencyNode[]): DependencySuggestion[] {
  const epicById = new Map(epics.map((epic) => [epic.id, epic]));
  const itemById = new Map(items.map((item) => [item.id, item]));
  const pairs: Array<[BlockingEpic, BlockingEpic]> = [];
  for (const epic of epics) {
    for (const id of epic.blocks ?? []) {
      const blocked = epicById.get(id);
      if (blocked) pairs.push([epic, blocked]);
    }
    for (const id of epic.blockedBy ?? []) {
      const blocker = epicById.get(id);
      if (blocker) pairs.push([blocker, epic]);
    }
  }
  const suggestions: DependencySuggestion[] = [];
  const seen = new Set<string>();
  for (const [blocker, blocked] of pairs) {
    for (const itemId of blocked.roadmapItemIds) {
      const item = itemById.get(itemId);
      if (!item) continue;
      for (const blockedById of blocker.roadmapItemIds) {
        const pair = `${itemId}\u0000${blockedById}`;
        if (blockedById === itemId || seen.has(pair) || !itemById.has(blockedById)) continue;
        seen.add(pair);
        const current = item.dependsOn ?? [];
        if (current.includes(blockedById) || findCycle(items, itemId, [...current, blockedById])) continue;
        suggestions.push({ itemId, blockedById, epicKeys: [blocker.key, blocked.key] });
      }
    }
  }
  return suggestions;
}
