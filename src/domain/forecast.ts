import type { TimelineSprint } from './delivery';
import { dayIn } from './calendar';
import { instantMs, msPerDay, roundPoints, typicalSprintLengthMs } from './delivery';
import type { EpicRollup } from './epic-rollup';
import { remainingCount, unestimatedRemaining } from './epic-rollup';
import { orderSprints } from './sprint-order';
import type { Velocity } from './velocity';
import { coded } from './text-codes';

/** Why there is no forecast: each one has a sentence for the UI. */
export type ForecastGap = 'no-work' | 'kanban-only' | 'no-estimate-field' | 'no-estimates' | 'all-unestimated' | 'no-velocity';

/** The sprint the work is expected to finish in: a planned one, or one projected past the last planned. */
export interface ForecastSprint {
  /** Present for planned (existing) sprints only. */
  sprintId?: number;
  name?: string;
  planned: boolean;
  startDate: string; // YYYY-MM-DD
  endDate: string; // YYYY-MM-DD
  /** 0 = the active sprint (or the first one to come when none is active), 1 = the next … */
  offset: number;
}

export type Forecast =
  | { kind: 'done'; atRisk: false }
  | {
      kind: 'forecast';
      /** Estimated points left, plus `assumedPoints`. */
      remainingPoints: number;
      /** Points assumed for remaining unestimated issues: their count × the item's average estimate. */
      assumedPoints: number;
      unestimatedRemaining: number;
      /** Points per sprint used. */
      velocity: number;
      basis: VelocityBasis;
      /** remainingPoints ÷ velocity, one decimal: how many full sprints of work are left. */
      sprintsOfWork: number;
      finish: ForecastSprint;
      /** The finish sprint's end: the expected finish date. */
      finishDate: string;
      /** The finish date passes the item's end date. */
      atRisk: boolean;
      /** Days past the item's end date, when at risk. */
      daysLate?: number;
    }
  | {
      kind: 'none';
      reason: ForecastGap;
      /** The reason as a coded server text (`sayCoded` says it); the UI says `detail` in the reader's words. */
      message: string;
      /** Why, as data: the UI's catalog makes the sentence in the reader's language. */
      detail?: ForecastGapDetail;
      atRisk: false;
    };

/** Why there is no forecast, with the counts a sentence about it names. */
export type ForecastGapDetail =
  | { kind: 'no-work' | 'kanban-only' | 'no-estimate-field' | 'no-closed-sprints' | 'zero-velocity' }
  | { kind: 'no-estimates'; children: number }
  | { kind: 'all-unestimated'; remaining: number }
  | { kind: 'too-few-closed-sprints'; closed: number; minimum: number }
  | { kind: 'nothing-completed'; sprints: number };

export type VelocityBasis = 'mean' | 'median';

export interface ForecastInput {
  rollup: EpicRollup;
  velocity: Velocity;
  /** The project's sprints (every state). None at all = a kanban-only project. */
  sprints: readonly TimelineSprint[];
  /** ISO instant (or date) of "now". */
  today: string;
  /** The roadmap item's end date, YYYY-MM-DD. */
  endDate?: string;
  /** Whether a story-point field was found for the project (false: nothing can be estimated). */
  hasEstimateField?: boolean;
  basis?: VelocityBasis;
  /** The viewer's time zone: the finish sprint's dates are the days its instants fall on there (UTC without one). */
  timeZone?: string;
}

/** `message` is coded (src/domain/text-codes.ts): the resolver says it in the reader's language, storage keeps the code. */
const none = (reason: ForecastGap, detail: ForecastGapDetail, message: string = forecastGapText(detail)): Forecast => ({ kind: 'none', reason, message, detail, atRisk: false });

/** Why there is no forecast, as a coded server text. */
export function forecastGapText(detail: ForecastGapDetail): string {
  switch (detail.kind) {
    case 'no-work':
      return coded('health.forecast.noWork');
    case 'kanban-only':
      return coded('health.forecast.kanbanOnly');
    case 'no-estimate-field':
      return coded('health.forecast.noEstimateField');
    case 'no-estimates':
      return coded('health.forecast.noEstimates', { children: detail.children });
    case 'all-unestimated':
      return coded('health.forecast.allUnestimated', { remaining: detail.remaining });
    case 'zero-velocity':
      return coded('health.forecast.zeroVelocity');
    case 'no-closed-sprints':
      return coded('health.velocity.noClosedSprints');
    case 'too-few-closed-sprints':
      return coded('health.velocity.tooFewClosedSprints', { closed: detail.closed, minimum: detail.minimum });
    case 'nothing-completed':
      return coded('health.velocity.nothingCompleted', { sprints: detail.sprints });
  }
}

function velocityGap(velocity: Extract<Velocity, { ok: false }>): ForecastGapDetail {
  switch (velocity.reason) {
    case 'no-closed-sprints':
      return { kind: 'no-closed-sprints' };
    case 'too-few-closed-sprints':
      return { kind: 'too-few-closed-sprints', closed: velocity.closed ?? 0, minimum: velocity.minimum ?? 0 };
    case 'nothing-completed':
      return { kind: 'nothing-completed', sprints: velocity.sprints.length };
  }
}

/**
 * Remaining estimate ÷ velocity → the sprint the work should finish in and its end date.
 *
 * Capacity: each sprint to come takes one velocity's worth; the active sprint only the share of
 * its time still ahead. Planned future sprints are used in order (an undated one starts when the
 * previous ends); past the last planned sprint, sprints of the project's typical length are
 * projected. Remaining issues without an estimate are assumed to be of the item's average size,
 * and the forecast says how many points that assumed, so thin estimates are visible.
 * "No forecast" comes with a reason when the data cannot carry one.
 */
export function forecastOf(input: ForecastInput): Forecast {
  const { rollup } = input;
  const todayMs = instantMs(input.today);
  if (!Number.isFinite(todayMs)) throw new RangeError(`Not a date: ${input.today}`);

  if (rollup.counts.total === 0) return none('no-work', { kind: 'no-work' });
  if (remainingCount(rollup) === 0) return { kind: 'done', atRisk: false };
  if (input.sprints.length === 0) {
    // Kanban boards never run sprints, team-managed boards only with the project's Sprints feature on.
    return none('kanban-only', { kind: 'kanban-only' });
  }
  if (input.hasEstimateField === false) {
    return none('no-estimate-field', { kind: 'no-estimate-field' });
  }
  const estimatedChildren = rollup.counts.total - rollup.unestimated.total;
  if (estimatedChildren === 0) return none('no-estimates', { kind: 'no-estimates', children: rollup.counts.total });
  const unestimated = unestimatedRemaining(rollup);
  if (unestimated === remainingCount(rollup)) {
    return none('all-unestimated', { kind: 'all-unestimated', remaining: unestimated });
  }
  if (!input.velocity.ok) return none('no-velocity', velocityGap(input.velocity), input.velocity.message);

  const basis = input.basis ?? 'mean';
  const velocity = input.velocity[basis];
  if (velocity <= 0) return none('no-velocity', { kind: 'zero-velocity' });

  const averageSize = rollup.points.total / estimatedChildren;
  const assumedPoints = roundPoints(unestimated * averageSize);
  const remainingPoints = roundPoints(rollup.points.remaining + assumedPoints);
  const finish = finishSprint({ remainingPoints, velocity, sprints: input.sprints, todayMs, timeZone: input.timeZone });
  const finishDate = finish.endDate;
  const late = input.endDate !== undefined && finishDate > input.endDate;
  return {
    kind: 'forecast',
    remainingPoints,
    assumedPoints,
    unestimatedRemaining: unestimated,
    velocity,
    basis,
    sprintsOfWork: Math.round((remainingPoints / velocity) * 10) / 10,
    finish,
    finishDate,
    atRisk: late,
    ...(late ? { daysLate: Math.round((instantMs(finishDate) - instantMs(input.endDate as string)) / msPerDay) } : {}),
  };
}

interface Slot {
  sprint?: TimelineSprint;
  startMs: number;
  endMs: number;
  /** Share of a full sprint's capacity still available. */
  share: number;
}

/** A tiny allowance so 10 points in a 10-point sprint finish in it despite floating point. */
const epsilon = 1e-9;

function finishSprint(args: { remainingPoints: number; velocity: number; sprints: readonly TimelineSprint[]; todayMs: number; timeZone: string | undefined }): ForecastSprint {
  const { velocity, todayMs } = args;
  const length = typicalSprintLengthMs(args.sprints);
  const slots = plannedSlots(args.sprints, todayMs, length);
  let left = args.remainingPoints;
  for (const [offset, slot] of slots.entries()) {
    const capacity = velocity * slot.share;
    if (left <= capacity + epsilon) return describe(slot, offset, args.timeZone);
    left -= capacity;
  }
  // Past the last planned sprint: sprints of the usual length, back to back.
  const lastEnd = slots.length > 0 ? (slots[slots.length - 1] as Slot).endMs : todayMs;
  const extra = Math.max(1, Math.ceil(left / velocity - epsilon));
  const endMs = lastEnd + extra * length;
  return describe({ startMs: endMs - length, endMs, share: 1 }, slots.length + extra - 1, args.timeZone);
}

/** The active sprint (what is left of it), then the future sprints in order, dated where they are not. */
function plannedSlots(sprints: readonly TimelineSprint[], todayMs: number, length: number): Slot[] {
  const ordered = orderSprints(sprints);
  const slots: Slot[] = [];
  let cursor = todayMs;
  const active = ordered.find((s) => s.state === 'active');
  if (active) {
    const startMs = dateOr(active.startDate, todayMs);
    const endMs = dateOr(active.endDate, startMs + length);
    const share = endMs <= startMs ? 0 : Math.min(1, Math.max(0, (endMs - todayMs) / (endMs - startMs)));
    slots.push({ sprint: active, startMs, endMs, share });
    cursor = Math.max(endMs, todayMs);
  }
  for (const sprint of ordered.filter((s) => s.state === 'future')) {
    let startMs = dateOr(sprint.startDate, cursor);
    let endMs = dateOr(sprint.endDate, startMs + length);
    // Planned dates already behind us (the sprint was never started): it runs from the cursor instead.
    if (endMs <= todayMs) {
      startMs = cursor;
      endMs = cursor + length;
    }
    slots.push({ sprint, startMs, endMs, share: 1 });
    cursor = endMs;
  }
  return slots;
}

function dateOr(text: string | undefined, fallback: number): number {
  const ms = text === undefined ? NaN : instantMs(text);
  return Number.isFinite(ms) ? ms : fallback;
}

function describe(slot: Slot, offset: number, timeZone: string | undefined): ForecastSprint {
  return {
    ...(slot.sprint ? { sprintId: slot.sprint.id, name: slot.sprint.name } : {}),
    planned: slot.sprint !== undefined,
    startDate: dayIn(slot.startMs, timeZone),
    endDate: dayIn(slot.endMs, timeZone),
    offset,
  };
}
