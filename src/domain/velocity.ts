import type { ChildFact, TimelineSprint } from './delivery';
import { instantMs, issuesIn, median, roundPoints, unestimatedIn } from './delivery';
import { orderSprints } from './sprint-order';
import { coded } from './text-codes';

export interface SprintCompletion {
  sprintId: number;
  name: string;
  /** Story points of the issues completed in the sprint. */
  points: number;
  /** Issues completed in the sprint, estimated or not. */
  issues: number;
  /** Of those, issues without an estimate (they add no points). */
  unestimated: number;
}

export type VelocityShortfall = 'no-closed-sprints' | 'too-few-closed-sprints' | 'nothing-completed';

export type Velocity =
  | {
      ok: true;
      /** The closed sprints measured, oldest first. */
      sprints: SprintCompletion[];
      mean: number;
      median: number;
    }
  /** `closed` and `minimum`: for too few closed sprints, how many closed and how many a velocity needs. */
  | { ok: false; reason: VelocityShortfall; message: string; sprints: SprintCompletion[]; closed?: number; minimum?: number };

export interface VelocityInput {
  children: readonly ChildFact[];
  /** The project's sprints (every state); closed ones are measured. */
  sprints: readonly TimelineSprint[];
  /** How many of the latest closed sprints to measure. */
  window?: number;
  /** Fewer closed sprints than this give no velocity: one or two sprints say little about a team. */
  minimumSprints?: number;
}

export const defaultVelocityWindow = 5;
export const defaultMinimumSprints = 3;

/**
 * Completed story points per closed sprint over the last `window` closed sprints.
 *
 * "Completed in sprint S": the issue is done and S is its last sprint, the latest of its sprints
 * on this project's timeline. A carried-over issue (in sprints 4 and 5, done in 5) counts once, in
 * 5. Only closed sprints are measured: work done in the active sprint is not a finished sprint's
 * output yet. An issue whose latest sprint belongs to another team's board (not on this timeline)
 * is left out rather than credited to an earlier sprint of ours. Issues done outside any sprint
 * (kanban, backlog) are not velocity.
 *
 * The children are the project's epics' children: velocity is measured on the same kind of work
 * the forecast projects (epic work), with the same story-point field. So a sprint of a board whose
 * filter spans two projects counts for each through its own issues only: neither project is
 * credited with the other's points, and a shared sprint in which this project did nothing is a
 * zero here (its share of the team's sprint), not missing.
 */
export function velocityOf(input: VelocityInput): Velocity {
  const window = Math.max(1, input.window ?? defaultVelocityWindow);
  const minimum = Math.max(1, input.minimumSprints ?? defaultMinimumSprints);
  const position = new Map(orderSprints(input.sprints).map((sprint, index) => [sprint.id, index]));
  const closed = [...input.sprints].filter((s) => s.state === 'closed').sort(byCloseTime);
  const measured = closed.slice(-window);

  const completions = new Map<number, SprintCompletion>(
    measured.map((s) => [s.id, { sprintId: s.id, name: s.name, points: 0, issues: 0, unestimated: 0 }]),
  );
  for (const child of input.children) {
    if (child.category !== 'done' || child.sprintIds.length === 0) continue;
    const lastListed = child.sprintIds[child.sprintIds.length - 1] as number;
    if (!position.has(lastListed)) continue; // finished in another team's sprint
    const last = latestOnTimeline(child.sprintIds, position);
    const completion = last === undefined ? undefined : completions.get(last);
    if (!completion) continue;
    completion.issues += issuesIn(child);
    completion.unestimated += unestimatedIn(child);
    if (child.points !== undefined) completion.points = roundPoints(completion.points + child.points);
  }
  const sprints = measured.map((s) => completions.get(s.id) as SprintCompletion);

  if (closed.length === 0) {
    return { ok: false, reason: 'no-closed-sprints', message: coded('health.velocity.noClosedSprints'), sprints };
  }
  if (closed.length < minimum) {
    return {
      ok: false,
      reason: 'too-few-closed-sprints',
      message: coded('health.velocity.tooFewClosedSprints', { closed: closed.length, minimum }),
      sprints,
      closed: closed.length,
      minimum,
    };
  }
  const points = sprints.map((s) => s.points);
  const total = points.reduce((sum, p) => sum + p, 0);
  if (total <= 0) {
    return {
      ok: false,
      reason: 'nothing-completed',
      message: coded('health.velocity.nothingCompleted', { sprints: sprints.length }),
      sprints,
    };
  }
  return { ok: true, sprints, mean: roundPoints(total / sprints.length), median: roundPoints(median(points) ?? 0) };
}

function latestOnTimeline(sprintIds: readonly number[], position: ReadonlyMap<number, number>): number | undefined {
  let latest: number | undefined;
  let latestPosition = -1;
  for (const id of sprintIds) {
    const at = position.get(id);
    if (at !== undefined && at > latestPosition) {
      latest = id;
      latestPosition = at;
    }
  }
  return latest;
}

/** Closed sprints in the order they closed (their complete date, else end, else start, else creation). */
function byCloseTime(a: TimelineSprint, b: TimelineSprint): number {
  const time = (s: TimelineSprint) => instantMs(s.completeDate ?? s.endDate ?? s.startDate ?? '');
  const [ta, tb] = [time(a), time(b)];
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta - tb;
  if (Number.isFinite(ta) !== Number.isFinite(tb)) return Number.isFinite(ta) ? 1 : -1; // undated first: older
  return a.id - b.id;
}
