/**
 * A goal move as data, and the arithmetic around it: where a keyboard command or a drop puts the
 * goal, the list after the move, and the neighbours `moveGoal` needs. Pure, tested on its own.
 */

export type MoveCommand = 'up' | 'down' | 'top' | 'bottom';
export type Edge = 'top' | 'bottom';

/** The index a command moves the item at `index` to, in a list of `count`; the same index when it cannot move. */
export function commandTarget(command: MoveCommand, index: number, count: number): number {
  const last = count - 1;
  switch (command) {
    case 'up':
      return Math.max(0, index - 1);
    case 'down':
      return Math.min(last, index + 1);
    case 'top':
      return 0;
    case 'bottom':
      return last;
  }
}

/** `list` with the item at `from` taken out and put back at `to` (an index in the result). */
export function reorder<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  const [item] = result.splice(from, 1);
  if (item === undefined) return result;
  result.splice(to, 0, item);
  return result;
}

/**
 * Where a dragged item lands when dropped on the `edge` of the item at `targetIndex`: above it or
 * below it, counted in the list once the item has left its old place.
 */
export function dropIndex({ startIndex, targetIndex, edge }: { startIndex: number; targetIndex: number; edge: Edge }): number {
  const slot = edge === 'top' ? targetIndex : targetIndex + 1;
  return startIndex < slot ? slot - 1 : slot;
}

/** The nearer horizontal edge of a box to a pointer's y. */
export function closestEdge(clientY: number, rect: { top: number; height: number }): Edge {
  return clientY < rect.top + rect.height / 2 ? 'top' : 'bottom';
}

/** The ids around position `index` of the ordered list: what `moveGoal` calls after and before. */
export function neighbours(ids: readonly string[], index: number): { afterId: string | null; beforeId: string | null } {
  return { afterId: ids[index - 1] ?? null, beforeId: ids[index + 1] ?? null };
}
