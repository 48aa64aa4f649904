import type { TimelineSprint } from './delivery';
import { dayIn } from './calendar';
import { instantMs, isoDay, msPerDay, typicalSprintLengthMs } from './delivery';
import type { SprintState } from './model';
import { orderSprints } from './sprint-order';

/** A column of the sprint timeline: one sprint of the project's boards. */
export interface SprintColumn {
  kind: 'sprint';
  key: string;
  sprintId: number;
  name: string;
  state: SprintState;
  /** YYYY-MM-DD, the viewer's day (see `sprintColumns`). For undated future sprints, projected (see `datesProjected`). */
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  /** The dates are projected from the sprint before and the usual sprint length, not planned in Jira. */
  datesProjected: boolean;
  boardIds: number[];
}

/** A column of a date-based timeline, for projects without sprints. */
export interface PeriodColumn {
  kind: 'period';
  key: string;
  /** First day, YYYY-MM-DD (inclusive). */
  startDate: string;
  /** Day after the last one, YYYY-MM-DD (exclusive), so columns tile without gaps. */
  endDate: string;
  /** Where "today" is: before, inside or after this period. */
  state: 'past' | 'current' | 'future';
}

export type PeriodBucket = 'two-weeks' | 'month';

export type TimelineColumns = { kind: 'sprints'; columns: SprintColumn[] } | { kind: 'periods'; bucket: PeriodBucket; columns: PeriodColumn[] };

/**
 * The sprint timeline's columns: every sprint of the project's scrum boards once (a sprint shared
 * by two boards is one column listing both), closed → active → future, by start date within a
 * state. Undated future sprints get projected dates after the sprint before them, so every column
 * can be placed; `datesProjected` says so.
 *
 * Dates are the days the sprint's instants fall on in the viewer's `timeZone` (UTC without one):
 * a sprint a Sydney team starts at 09:00 on 11 November is written `2026-11-11T09:00:00.000+11:00`
 * and is on the 10th in UTC; a viewer there sees the 11th. Projection works on instants.
 */
export function sprintColumns(sprints: readonly TimelineSprint[], timeZone?: string): SprintColumn[] {
  const byId = new Map<number, TimelineSprint & { boardIds: number[] }>();
  for (const sprint of sprints) {
    const known = byId.get(sprint.id);
    if (known) {
      for (const boardId of sprint.boardIds ?? []) if (!known.boardIds.includes(boardId)) known.boardIds.push(boardId);
      continue;
    }
    byId.set(sprint.id, { ...sprint, boardIds: [...(sprint.boardIds ?? [])] });
  }
  const unique = [...byId.values()];
  const length = typicalSprintLengthMs(unique);
  let previousEnd: number | undefined;
  return orderSprints(unique).map((sprint) => {
    let startMs = sprint.startDate ? instantMs(sprint.startDate) : NaN;
    let endMs = sprint.endDate ? instantMs(sprint.endDate) : NaN;
    let project = false;
    if (!Number.isFinite(startMs) && sprint.state === 'future' && previousEnd !== undefined) {
      startMs = previousEnd;
      project = true;
    }
    if (Number.isFinite(startMs) && !Number.isFinite(endMs) && sprint.state !== 'closed') {
      endMs = startMs + length;
      project = true;
    }
    if (Number.isFinite(endMs)) previousEnd = endMs;
    return {
      kind: 'sprint',
      key: `sprint-${sprint.id}`,
      sprintId: sprint.id,
      name: sprint.name,
      state: sprint.state,
      ...(Number.isFinite(startMs) ? { startDate: dayIn(startMs, timeZone) } : {}),
      ...(Number.isFinite(endMs) ? { endDate: dayIn(endMs, timeZone) } : {}),
      ...(sprint.completeDate && Number.isFinite(instantMs(sprint.completeDate)) ? { completeDate: dayIn(instantMs(sprint.completeDate), timeZone) } : {}),
      datesProjected: project,
      boardIds: [...sprint.boardIds].sort((a, b) => a - b),
    };
  });
}

/** More columns than anyone can read; keeps a silly range from building thousands. */
export const maxPeriodColumns = 104;

/**
 * Date columns covering `from`…`to` (YYYY-MM-DD, both included): two-week periods starting on the
 * first day of the reader's week (`weekStart`, 1 = Monday … 7 = Sunday as Intl's weekInfo has it;
 * Monday, ISO 8601's, when not given), fixed to weeks so the grid does not move as days pass; or
 * calendar months.
 */
export function periodColumns(args: { from: string; to: string; bucket: PeriodBucket; today: string; weekStart?: number }): PeriodColumn[] {
  const fromMs = dayStart(args.from);
  const toMs = dayStart(args.to);
  const todayMs = dayStart(args.today);
  if (![fromMs, toMs, todayMs].every(Number.isFinite)) throw new RangeError(`Not dates: ${args.from} … ${args.to} (today ${args.today})`);
  const columns: PeriodColumn[] = [];
  let start = args.bucket === 'month' ? monthStart(fromMs) : weekStartOf(fromMs, args.weekStart ?? 1);
  while (start <= toMs && columns.length < maxPeriodColumns) {
    const end = args.bucket === 'month' ? nextMonth(start) : start + 14 * msPerDay;
    columns.push({
      kind: 'period',
      key: `period-${isoDay(start)}`,
      startDate: isoDay(start),
      endDate: isoDay(end),
      state: todayMs < start ? 'future' : todayMs >= end ? 'past' : 'current',
    });
    start = end;
  }
  return columns;
}

/**
 * The timeline for a project: its sprints when it has any; otherwise (kanban-only) date periods
 * over `range`, by default four weeks back to half a year ahead of today.
 */
export function timelineColumns(args: {
  sprints: readonly TimelineSprint[];
  today: string;
  range?: { from: string; to: string };
  bucket?: PeriodBucket;
  /** The viewer's time zone: sprint columns show the days their instants fall on there. */
  timeZone?: string;
  /** The first day of the viewer's week (1 = Monday … 7 = Sunday), where periods start. */
  weekStart?: number;
}): TimelineColumns {
  if (args.sprints.length > 0) return { kind: 'sprints', columns: sprintColumns(args.sprints, args.timeZone) };
  const todayMs = dayStart(args.today);
  const bucket = args.bucket ?? 'two-weeks';
  const range = args.range ?? { from: isoDay(todayMs - 28 * msPerDay), to: isoDay(todayMs + 182 * msPerDay) };
  return { kind: 'periods', bucket, columns: periodColumns({ ...range, bucket, today: args.today, ...(args.weekStart ? { weekStart: args.weekStart } : {}) }) };
}

/** Midnight UTC of the day of an ISO date or instant. */
function dayStart(text: string): number {
  const ms = instantMs(text);
  return Number.isFinite(ms) ? Math.floor(ms / msPerDay) * msPerDay : NaN;
}

/** The day the week holding `dayMs` starts on, weeks starting on `weekStart` (1 = Monday … 7 = Sunday). */
function weekStartOf(dayMs: number, weekStart: number): number {
  const isoWeekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
  return dayMs - ((isoWeekday - weekStart + 7) % 7) * msPerDay;
}

function monthStart(dayMs: number): number {
  const date = new Date(dayMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextMonth(monthMs: number): number {
  const date = new Date(monthMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}
