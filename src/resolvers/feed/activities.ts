/**
 * What each write tells the feed, as the activity it stages in its own transaction. One builder
 * per kind of change, each answering undefined when the change tells stakeholders nothing (an edit
 * that keeps the horizon, a goal that was already done).
 */
import type { UserRef } from '../../contract';
import type { Activity } from '../../adapters/storage/activity-store';
import type { GoalRecord, RoadmapItemRecord } from '../../adapters/storage/records';
import type { KpiHealth, VisionBoard } from '../../domain/strategy';
import { changedVisionFields } from '../../domain/vision-changes';

export function goalAdded(projectId: string, goalId: string, goal: GoalRecord, by: UserRef): Activity {
  return { projectId, at: goal.createdAt, by, goalId, summary: { kind: 'goal-added', title: goal.title, status: goal.status } };
}

/** A goal set to done (from any other status). */
export function goalDone(projectId: string, goalId: string, before: GoalRecord, after: GoalRecord, by: UserRef): Activity | undefined {
  if (before.status === 'done' || after.status !== 'done') return undefined;
  return { projectId, at: after.updatedAt, by, goalId, summary: { kind: 'goal-closed', title: after.title, how: 'done' } };
}

export function goalDeleted(projectId: string, goalId: string, title: string, at: string, by: UserRef): Activity {
  return { projectId, at, by, goalId, summary: { kind: 'goal-closed', title, how: 'deleted' } };
}

/** An item that changed horizon (Now, Next, Later), by a move or an edit. */
export function itemMoved(projectId: string, itemId: string, before: RoadmapItemRecord, after: RoadmapItemRecord, by: UserRef): Activity | undefined {
  if (before.horizon === after.horizon) return undefined;
  return {
    projectId,
    at: after.updatedAt,
    by,
    itemId,
    ...(after.goalId ? { goalId: after.goalId } : {}),
    summary: { kind: 'item-moved-horizon', title: after.title, from: before.horizon, to: after.horizon },
  };
}

/** The key of a vision version's entry: a save that continues a sitting removes the entry of the version it replaces. */
export const visionActivityKey = (projectId: string, version: number): string => `act-vision-${projectId}-${version}`;

/** A saved vision version; `before` is the board before the sitting, so the entry tells the sitting's whole change. */
export function visionSaved(options: {
  projectId: string;
  version: number;
  before: VisionBoard | undefined;
  after: VisionBoard;
  at: string;
  by: UserRef;
  restoredFrom?: number;
}): Activity {
  return {
    projectId: options.projectId,
    at: options.at,
    by: options.by,
    key: visionActivityKey(options.projectId, options.version),
    summary: {
      kind: 'vision-version',
      version: options.version,
      fields: changedVisionFields(options.before, options.after),
      ...(options.restoredFrom === undefined ? {} : { restoredFrom: options.restoredFrom }),
    },
  };
}

export function kpiHealthChanged(options: {
  projectId: string;
  goalId: string;
  kpiId: string;
  name: string;
  from: KpiHealth;
  to: KpiHealth;
  at: string;
  by?: UserRef;
}): Activity | undefined {
  if (options.from === options.to) return undefined;
  return {
    projectId: options.projectId,
    at: options.at,
    ...(options.by ? { by: options.by } : {}),
    goalId: options.goalId,
    kpiId: options.kpiId,
    summary: { kind: 'kpi-health-changed', title: options.name, from: options.from, to: options.to },
  };
}
