/**
 * What each write tells the feed, as the activity it stages in its own transaction. One builder
 * per kind of change, each answering undefined when the change tells stakeholders nothing (an edit
 * that keeps the horizon, a goal that was already done).
 */
import type { UserRef } from '../../contract';
import type { Activity } from '../../adapters/storage/activity-store';
import type { GoalRecord, Keyed, KpiRecord, RoadmapItemRecord, SeriesRecord } from '../../adapters/storage/records';
import { stagingActivities } from '../../adapters/storage/activity-store';
import type { SeriesAlsoStage } from '../../adapters/storage/series-store';
import { kpiHealth } from '../../domain/kpi-health';
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

type LinkSet = { directGoalIds: readonly string[]; roadmapItemIds: readonly string[] };

/**
 * The feed's entries for one transaction of epic link changes: one per goal or item that gained
 * or lost epics, with how many. When there are more targets than `room` operations left in the
 * transaction, each direction collapses into one entry about several.
 */
export function epicLinkActivities(options: {
  projectId: string;
  at: string;
  by?: UserRef;
  changes: ReadonlyArray<{ before: LinkSet; after: LinkSet }>;
  titles: ReadonlyMap<string, string>;
  goalOfItem: ReadonlyMap<string, string | undefined>;
  room: number;
}): Activity[] {
  const counts = new Map<string, { direction: 'epic-linked' | 'epic-unlinked'; kind: 'goal' | 'item'; id: string; epics: number }>();
  const count = (direction: 'epic-linked' | 'epic-unlinked', kind: 'goal' | 'item', ids: readonly string[]) => {
    for (const id of ids) {
      const key = `${direction} ${kind} ${id}`;
      const entry = counts.get(key) ?? { direction, kind, id, epics: 0 };
      entry.epics += 1;
      counts.set(key, entry);
    }
  };
  const without = (ids: readonly string[], others: readonly string[]) => ids.filter((id) => !others.includes(id));
  for (const { before, after } of options.changes) {
    count('epic-linked', 'goal', without(after.directGoalIds, before.directGoalIds));
    count('epic-linked', 'item', without(after.roadmapItemIds, before.roadmapItemIds));
    count('epic-unlinked', 'goal', without(before.directGoalIds, after.directGoalIds));
    count('epic-unlinked', 'item', without(before.roadmapItemIds, after.roadmapItemIds));
  }
  const base = { projectId: options.projectId, at: options.at, ...(options.by ? { by: options.by } : {}) };
  const targets = [...counts.values()];
  if (targets.length <= options.room) {
    return targets.map((target) => {
      const goalId = target.kind === 'goal' ? target.id : options.goalOfItem.get(target.id);
      return {
        ...base,
        ...(goalId ? { goalId } : {}),
        ...(target.kind === 'item' ? { itemId: target.id } : {}),
        summary: { kind: target.direction, targetKind: target.kind, title: options.titles.get(target.id) ?? '', epics: target.epics },
      };
    });
  }
  return (['epic-linked', 'epic-unlinked'] as const).flatMap((direction) => {
    const mine = targets.filter((target) => target.direction === direction);
    if (mine.length === 0) return [];
    const epics = mine.reduce((sum, target) => sum + target.epics, 0);
    return [{ ...base, summary: { kind: direction, targetKind: 'several' as const, title: '', epics } }];
  });
}

/**
 * For a series write: the feed's entry when the KPI's health after the write differs from before
 * (the health of the newest measurement against the plan, as the Goals page shows it).
 */
export function kpiHealthStage(options: { kpi: Keyed<KpiRecord>; read: SeriesRecord; today: string; at: string; by?: UserRef }): SeriesAlsoStage {
  const healthOf = (head: SeriesRecord) => {
    const newest = head.recent.at(-1);
    return kpiHealth(options.kpi, newest ? { value: newest.value, date: newest.date } : undefined, options.today).health;
  };
  const from = healthOf(options.read);
  return (next) =>
    stagingActivities(
      kpiHealthChanged({
        projectId: options.kpi.projectId,
        goalId: options.kpi.goalId,
        kpiId: options.kpi.id,
        name: options.kpi.name,
        from,
        to: healthOf(next),
        at: options.at,
        ...(options.by ? { by: options.by } : {}),
      }),
    );
}
