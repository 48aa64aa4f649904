import type { ChildFact } from './delivery';
import { issuesIn, roundPoints, unestimatedIn } from './delivery';
import type { ChildCounts, StatusCategory } from './model';

export interface PointsByCategory {
  todo: number;
  inProgress: number;
  done: number;
  /** todo + inProgress + done, of estimated children only. */
  total: number;
  /** todo + inProgress: what is left to do. */
  remaining: number;
}

/** An epic's (or several epics') children summed: counts and story points by status category. */
export interface EpicRollup {
  counts: ChildCounts;
  points: PointsByCategory;
  /**
   * Children without an estimate, by category. They are counted in `counts` and shown as
   * unestimated, never as 0 points, so thin estimates are visible rather than hidden.
   */
  unestimated: ChildCounts;
  /** Done share by count and by points (estimated children only); undefined when there is nothing to divide. */
  progress: { byCount?: number; byPoints?: number };
}

const zeroCounts = (): ChildCounts => ({ total: 0, todo: 0, inProgress: 0, done: 0 });

const countKey: Record<StatusCategory, 'todo' | 'inProgress' | 'done'> = { todo: 'todo', 'in-progress': 'inProgress', done: 'done' };

/**
 * Rolls up an epic's children (or groups of them: see `ChildFact.issues`). An empty epic rolls up
 * to zeros with no progress (not 0 %, not 100 %: there is nothing to measure yet). Subtasks are not
 * passed in: see `ChildFact`.
 */
export function rollupOf(children: readonly ChildFact[]): EpicRollup {
  const counts = zeroCounts();
  const unestimated = zeroCounts();
  const points = { todo: 0, inProgress: 0, done: 0 };
  for (const child of children) {
    const key = countKey[child.category];
    const issues = issuesIn(child);
    const without = unestimatedIn(child);
    counts.total += issues;
    counts[key] += issues;
    unestimated.total += without;
    unestimated[key] += without;
    if (child.points !== undefined) points[key] += child.points;
  }
  const rounded = { todo: roundPoints(points.todo), inProgress: roundPoints(points.inProgress), done: roundPoints(points.done) };
  const total = roundPoints(points.todo + points.inProgress + points.done);
  return {
    counts,
    points: { ...rounded, total, remaining: roundPoints(points.todo + points.inProgress) },
    unestimated,
    progress: {
      ...(counts.total > 0 ? { byCount: counts.done / counts.total } : {}),
      ...(total > 0 ? { byPoints: rounded.done / total } : {}),
    },
  };
}

/** Children still to be done (to do or in progress). */
export const remainingCount = (rollup: EpicRollup): number => rollup.counts.todo + rollup.counts.inProgress;

/** Remaining children without an estimate. */
export const unestimatedRemaining = (rollup: EpicRollup): number => rollup.unestimated.todo + rollup.unestimated.inProgress;
