import type { SimSprint } from '../jira/model';
import type { ProjectSpec } from './spec';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SPRINT_LENGTH_MS = 14 * DAY_MS;

/** A project's sprints in time order, split by state. */
export interface SprintPlan {
  closed: SimSprint[];
  active?: SimSprint;
  future: SimSprint[];
}

export const NO_SPRINTS: SprintPlan = { closed: [], future: [] };

export function planSprints(args: { spec: ProjectSpec; boardId: number; firstId: number; goals: string[] }): SprintPlan {
  const { spec, boardId, firstId, goals } = args;
  const schedule = spec.sprints;
  if (!schedule) return NO_SPRINTS;
  const activeStart = Date.parse(schedule.activeStart);
  const total = schedule.closed + 1 + schedule.future;
  const sprints = Array.from({ length: total }, (_, i): SimSprint => {
    const offset = i - schedule.closed;
    const start = activeStart + offset * SPRINT_LENGTH_MS;
    const end = start + SPRINT_LENGTH_MS;
    const state = offset < 0 ? 'closed' : offset === 0 ? 'active' : 'future';
    const goal = goals[i % Math.max(goals.length, 1)];
    const sprint: SimSprint = {
      id: firstId + i,
      boardId,
      name: `${spec.project.key} Sprint ${schedule.firstNumber + i}`,
      state,
      ...(goal ? { goal } : {}),
    };
    // Only the next future sprint is planned with dates; later ones are bare names, as teams leave them.
    if (state !== 'future' || offset === 1) {
      sprint.startDate = new Date(start).toISOString();
      sprint.endDate = new Date(end).toISOString();
    }
    // Teams close a sprint on its last afternoon or the morning after.
    if (state === 'closed') sprint.completeDate = new Date(end + ((i % 3) - 1) * 3 * 60 * 60 * 1000).toISOString();
    return sprint;
  });
  return {
    closed: sprints.filter((s) => s.state === 'closed'),
    active: sprints.find((s) => s.state === 'active'),
    future: sprints.filter((s) => s.state === 'future'),
  };
}

export function allSprints(plan: SprintPlan): SimSprint[] {
  return [...plan.closed, ...(plan.active ? [plan.active] : []), ...plan.future];
}

export function sprintStart(sprint: SimSprint, fallback: number): number {
  return sprint.startDate ? Date.parse(sprint.startDate) : fallback;
}

export { DAY_MS };
