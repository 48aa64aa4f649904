/**
 * An epic's children collapsed into groups alike in everything a roll-up reads: status category,
 * sprints (as listed: velocity and carry-over read their order) and fix versions. A group is a
 * `ChildFact` standing for `issues` children, so every roll-up, velocity, sprint placement,
 * release and investment function takes groups as it takes children (a child is a group of one):
 * one implementation, and a property test (test/unit/domain/child-groups.test.ts) holds every
 * result from groups equal to the result from the children one by one.
 *
 * Why: a warm roadmap load of a 100,000-child project reads each epic's groups (a handful) instead
 * of its children (src/adapters/storage/epic-rollups.ts keeps them beside the facts).
 */
import type { ChildFact } from './delivery';
import { issuesIn, roundPoints, unestimatedIn } from './delivery';

/** Group ids: unique to their epic, so merging epics never mistakes two epics' groups for one child. */
export const groupId = (epicId: string, index: number): string => `${epicId}#${index}`;

export function groupChildren(epicId: string, children: readonly ChildFact[]): ChildFact[] {
  const groups = new Map<string, { category: ChildFact['category']; sprintIds: readonly number[]; fixVersionIds?: readonly string[]; issues: number; unestimated: number; points: number; estimated: boolean }>();
  for (const child of children) {
    const key = `${child.category}|${child.sprintIds.join(',')}|${(child.fixVersionIds ?? []).join(',')}`;
    let group = groups.get(key);
    if (!group) {
      group = { category: child.category, sprintIds: child.sprintIds, issues: 0, unestimated: 0, points: 0, estimated: false };
      if (child.fixVersionIds?.length) group.fixVersionIds = child.fixVersionIds;
      groups.set(key, group);
    }
    group.issues += issuesIn(child);
    group.unestimated += unestimatedIn(child);
    if (child.points !== undefined) {
      // Rounded as the roll-ups round their sums: points are kept to two decimals throughout.
      group.points = roundPoints(group.points + child.points);
      group.estimated = true;
    }
  }
  return [...groups.values()].map((group, index) => {
    const fact: ChildFact = {
      id: groupId(epicId, index),
      category: group.category,
      sprintIds: [...group.sprintIds],
      ...(group.fixVersionIds ? { fixVersionIds: [...group.fixVersionIds] } : {}),
      issues: group.issues,
      unestimated: group.unestimated,
      ...(group.estimated ? { points: group.points } : {}),
    };
    return fact;
  });
}
