import type { SprintState } from './model';

interface OrderableSprint {
  id: number;
  state: SprintState;
  startDate?: string;
}

const stateOrder: Record<SprintState, number> = { closed: 0, active: 1, future: 2 };

/**
 * Sprints in the order a timeline reads: closed, then active, then future; within a state by
 * start instant (undated future sprints last, in the order they were created, i.e. by id).
 * Sites write sprint dates with an offset (`2026-11-11T09:00:00.000+11:00`), and boards' zones and
 * DST make the offsets differ, so the text does not sort: the instants do.
 */
export function orderSprints<T extends OrderableSprint>(sprints: readonly T[]): T[] {
  const startMs = new Map(sprints.map((sprint) => [sprint, sprint.startDate ? Date.parse(sprint.startDate) : NaN]));
  return [...sprints].sort((a, b) => {
    const byState = stateOrder[a.state] - stateOrder[b.state];
    if (byState !== 0) return byState;
    const aMs = startMs.get(a) as number;
    const bMs = startMs.get(b) as number;
    const aDated = Number.isFinite(aMs);
    const bDated = Number.isFinite(bMs);
    if (aDated && bDated && aMs !== bMs) return aMs - bMs;
    if (aDated && !bDated) return -1;
    if (!aDated && bDated) return 1;
    return a.id - b.id;
  });
}
