import { STATUS_IDS } from './catalog';
import type { Random } from './random';
import type { SprintPlan } from './sprints';
import { DAY_MS, sprintStart } from './sprints';

/** Where an epic is in its life: its children's statuses and sprints follow from it. */
export type EpicPhase = 'shipped' | 'building' | 'planned';

/** What happened to one child issue: its status, the sprints it went through, when it was resolved. */
export interface ChildFate {
  statusId: string;
  /** Oldest first; a carried-over issue sits in two sprints. */
  sprintIds: number[];
  resolvedAt?: number;
  /** When work on it could have started: its creation date falls before this. */
  startedBy: number;
}

interface FateContext {
  plan: SprintPlan;
  random: Random;
  now: number;
  /** Shipped epics are spread over the closed sprints: 0 = the oldest, 1 = the newest. */
  position: number;
}

function within(random: Random, from: number, to: number): number {
  return Math.round(from + random.next() * Math.max(0, to - from));
}

function doneStatus(random: Random): string {
  return random.chance(0.04) ? STATUS_IDS.wontDo : STATUS_IDS.done;
}

function resolvedInClosed(ctx: FateContext, index: number): ChildFate {
  const { plan, random } = ctx;
  const sprint = plan.closed[index];
  if (!sprint) throw new Error('resolvedInClosed() needs a closed sprint');
  const previous = plan.closed[index - 1];
  const carried = previous !== undefined && random.chance(0.2);
  const start = sprintStart(sprint, ctx.now);
  return {
    statusId: doneStatus(random),
    sprintIds: carried ? [previous.id, sprint.id] : [sprint.id],
    resolvedAt: within(random, start + DAY_MS, start + 13 * DAY_MS),
    startedBy: carried ? sprintStart(previous, start) : start,
  };
}

function shipped(ctx: FateContext): ChildFate {
  const { plan, random, now } = ctx;
  if (plan.closed.length === 0) {
    const resolvedAt = now - within(random, 40, 150) * DAY_MS;
    return { statusId: doneStatus(random), sprintIds: [], resolvedAt, startedBy: resolvedAt - 5 * DAY_MS };
  }
  const centre = Math.floor(ctx.position * plan.closed.length);
  const index = Math.min(plan.closed.length - 1, Math.max(0, centre + random.int(-1, 1)));
  return resolvedInClosed(ctx, index);
}

function inFlight(ctx: FateContext): ChildFate {
  const { plan, random, now } = ctx;
  const statusId = random.chance(0.65) ? STATUS_IDS.inProgress : STATUS_IDS.inReview;
  if (!plan.active) return { statusId, sprintIds: [], startedBy: now - within(random, 2, 20) * DAY_MS };
  const last = plan.closed.at(-1);
  const carried = last !== undefined && random.chance(0.3);
  const activeStart = sprintStart(plan.active, now);
  return {
    statusId,
    sprintIds: carried ? [last.id, plan.active.id] : [plan.active.id],
    startedBy: carried ? sprintStart(last, activeStart) : activeStart,
  };
}

function waiting(ctx: FateContext, where: 'active' | 'future' | 'backlog'): ChildFate {
  const { plan, random, now } = ctx;
  // A third of the "future" work has not been put into a sprint yet.
  const future = plan.future.length > 0 && random.chance(0.67) ? random.pick(plan.future) : undefined;
  const sprint = where === 'active' ? plan.active : where === 'future' ? future : undefined;
  if (!sprint) return { statusId: random.chance(0.6) ? STATUS_IDS.backlog : STATUS_IDS.toDo, sprintIds: [], startedBy: now };
  return { statusId: STATUS_IDS.toDo, sprintIds: [sprint.id], startedBy: Math.min(now, sprintStart(sprint, now)) };
}

function building(ctx: FateContext): ChildFate {
  const { plan, random, now } = ctx;
  const roll = random.next();
  if (roll < 0.4) {
    const recent = plan.closed.length;
    if (plan.active && (recent === 0 || random.chance(0.2))) {
      const activeStart = sprintStart(plan.active, now);
      return {
        statusId: doneStatus(random),
        sprintIds: [plan.active.id],
        resolvedAt: within(random, activeStart + DAY_MS / 2, now),
        startedBy: activeStart,
      };
    }
    if (recent > 0) return resolvedInClosed(ctx, random.int(Math.max(0, recent - 3), recent - 1));
    const resolvedAt = now - within(random, 1, 40) * DAY_MS;
    return { statusId: doneStatus(random), sprintIds: [], resolvedAt, startedBy: resolvedAt - 4 * DAY_MS };
  }
  if (roll < 0.6) return inFlight(ctx);
  const where = random.next();
  return waiting(ctx, where < 0.25 ? 'active' : where < 0.7 ? 'future' : 'backlog');
}

function planned(ctx: FateContext): ChildFate {
  const roll = ctx.random.next();
  if (roll < 0.04) return inFlight(ctx);
  return waiting(ctx, roll < 0.5 ? 'future' : 'backlog');
}

export function childFate(phase: EpicPhase, ctx: FateContext): ChildFate {
  if (phase === 'shipped') return shipped(ctx);
  if (phase === 'building') return building(ctx);
  return planned(ctx);
}

/** The first 30% of a project's epics have shipped, the next 40% are being built, the rest are planned. */
export function phaseOf(index: number, count: number): EpicPhase {
  if (index < Math.round(count * 0.3)) return 'shipped';
  if (index < Math.round(count * 0.7)) return 'building';
  return 'planned';
}
