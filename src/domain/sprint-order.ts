import type { SprintState } from './model';

interface OrderableSprint {
  id: number;
  state: SprintState;
  startDate?: string;
}

const stateOrder: Record<SprintState, number> = { closed: 0, active: 1, future: 2 };

/**
 * Sprints in the order a timeline reads: closed, then active, then future; within a state by
 * start date (undated future sprints last, in the order they were created, i.e. by id).
 */
export function orderSprints<T extends OrderableSprint>(sprints: readonly T[]): T[] {
  return [...sprints].sort((a, b) => {
    const byState = stateOrder[a.state] - stateOrder[b.state];
    if (byState !== 0) return byState;
    if (a.startDate && b.startDate && a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
    if (a.startDate && !b.startDate) return -1;
    if (!a.startDate && b.startDate) return 1;
    return a.id - b.id;
  });
}
