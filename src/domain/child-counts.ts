import type { ChildCounts, StatusCategory } from './model';

export const emptyChildCounts = (): ChildCounts => ({ total: 0, todo: 0, inProgress: 0, done: 0 });

/** Counts each parent's children by status category; parents with no children get zeros. */
export function countChildrenByParent(
  parentIds: readonly string[],
  children: ReadonlyArray<{ parentId: string; category: StatusCategory }>,
): Map<string, ChildCounts> {
  const counts = new Map(parentIds.map((id) => [id, emptyChildCounts()]));
  for (const child of children) {
    const parentCounts = counts.get(child.parentId);
    if (!parentCounts) continue; // a child whose parent is not among the asked-for epics
    parentCounts.total += 1;
    if (child.category === 'done') parentCounts.done += 1;
    else if (child.category === 'in-progress') parentCounts.inProgress += 1;
    else parentCounts.todo += 1;
  }
  return counts;
}
