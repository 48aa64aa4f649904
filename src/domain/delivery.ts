/**
 * Delivery vocabulary: what the app keeps of an epic's child issues and of the project's sprints,
 * shared by roll-ups, velocity, forecasts and the sprint timeline. Plain data only.
 */
import type { SprintState, StatusCategory } from './model';

/**
 * One child issue of an epic, as far as roll-ups need it: enough to count it, weigh it and place
 * it in sprints, and to update it when Jira reports a change. Subtasks are never children here:
 * an epic's children are its standard issues (stories, tasks, bugs); a subtask's work is already
 * inside its parent's status and estimate.
 */
export interface ChildFact {
  id: string;
  category: StatusCategory;
  /** Story points. Absent = unestimated; 0 is an estimate ("no effort"), not a missing one. */
  points?: number;
  /** The sprints the issue has been in, as Jira lists them: oldest first. */
  sprintIds: readonly number[];
  /** Ids of the versions (releases) it is to be fixed in: Jira's `fixVersions`. Absent = none. */
  fixVersionIds?: readonly string[];
  /**
   * How many child issues this fact stands for: absent = one. A fact of several is a GROUP of an
   * epic's children alike in category, sprints and fix versions (src/domain/child-groups.ts), its
   * `points` their summed estimates. Every roll-up, velocity and placement counts `issues`, so a
   * warm load reads a few groups per epic instead of every child.
   */
  issues?: number;
  /** Of `issues`, how many have no estimate: absent = one when `points` is absent, else none. */
  unestimated?: number;
}

/** How many child issues a fact (a child, or a group of children) stands for. */
export const issuesIn = (fact: ChildFact): number => fact.issues ?? 1;

/** How many of them have no estimate. */
export const unestimatedIn = (fact: ChildFact): number => fact.unestimated ?? (fact.points === undefined ? 1 : 0);

/** A sprint as the timeline, velocity and forecast read it. Dates are ISO 8601 instants. */
export interface TimelineSprint {
  id: number;
  name: string;
  state: SprintState;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  /** The sprint goal the team wrote in Jira. */
  goal?: string;
  /** Scrum boards that show the sprint (a sprint can be on several). */
  boardIds?: readonly number[];
}

export const msPerDay = 86_400_000;

/** Two weeks: Jira's default sprint length, used when the sprints say nothing better. */
export const defaultSprintLengthMs = 14 * msPerDay;

/** `YYYY-MM-DD` (UTC) of an ISO instant or date. */
export const isoDay = (instantMs: number): string => new Date(instantMs).toISOString().slice(0, 10);

/** Milliseconds of an ISO date or instant; a bare `YYYY-MM-DD` is midnight UTC. NaN when unreadable. */
export const instantMs = (text: string): number => Date.parse(text);

/** Sums that people read: points like 0.5 add up without floating-point dust. */
export const roundPoints = (value: number): number => Math.round(value * 100) / 100;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * How long the project's sprints run: the median of the dated closed and active sprints, so one
 * odd sprint (a holiday week) does not skew it; two weeks when no sprint says.
 */
export function typicalSprintLengthMs(sprints: readonly TimelineSprint[]): number {
  const lengths = sprints
    .filter((s) => s.state !== 'future' && s.startDate && s.endDate)
    .map((s) => instantMs(s.endDate as string) - instantMs(s.startDate as string))
    .filter((length) => Number.isFinite(length) && length > 0);
  return median(lengths) ?? defaultSprintLengthMs;
}
