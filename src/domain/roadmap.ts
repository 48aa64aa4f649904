/**
 * The roadmap's vocabulary and its placement rules: which lane and column an item sits in, and
 * what a move does to it. Pure, so the server that stores a move and the UI that shows it
 * optimistically compute the same placement. "Today" is always an argument.
 */
import { dayNumber, isCalendarDate } from './calendar';
import { rankSalt, uniqueRankBetween } from './rank';
import type { TimelineColumns } from './sprint-columns';

export const horizons = ['now', 'next', 'later'] as const;
export type Horizon = (typeof horizons)[number];

export const itemStatuses = ['idea', 'planned', 'in-progress', 'done', 'parked'] as const;
export type RoadmapItemStatus = (typeof itemStatuses)[number];

/**
 * Views of the same items: by horizon, by calendar quarter, as bars on a date scale (`gantt`, shown
 * as "Timeline"), by the boards' sprints (`timeline`, shown as "Sprints": the key predates the bars
 * and stays, so links already shared keep opening the sprint columns).
 */
export const roadmapLayouts = ['horizons', 'quarters', 'gantt', 'timeline'] as const;
export type RoadmapLayout = (typeof roadmapLayouts)[number];

/** Lanes are the product's goals, or lanes the editors defined (themes, teams). */
export type LaneMode = 'goals' | 'custom';

/** The lane of items with no goal (goal lanes) or no lane (custom lanes), always shown last. */
export const noLane = 'none';
/** The column of dated layouts for items without dates. */
export const unscheduled = 'unscheduled';

/** Where an item sits: its lane fields, horizon, dates and rank. The part of an item a move changes. */
export interface Placement {
  goalId?: string;
  laneId?: string;
  horizon: Horizon;
  /** YYYY-MM-DD, both optional; a dated layout places the item by `startDate`, else `endDate`. */
  startDate?: string;
  endDate?: string;
  /** One rank space over all of a product's items; a cell shows its items by rank. */
  rank: string;
}

export interface PlacedItem extends Placement {
  id: string;
}

/**
 * What a column's head says, as data: the UI says it in the reader's locale (a horizon's word,
 * "Q3 2026" / "2026年第3四半期", "Jan 2027" / "2027年1月", a period's first day, a sprint's name).
 * Months are 1–12.
 */
export type ColumnHeading =
  | { kind: 'horizon'; horizon: Horizon }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'month'; year: number; month: number }
  /** A two-week period, named by its first day (YYYY-MM-DD). */
  | { kind: 'period'; startDate: string }
  | { kind: 'sprint'; name: string }
  | { kind: 'unscheduled' };

/** A column of a layout. Dated columns cover `startDate` … `endDate`, both included. */
export interface RoadmapColumn {
  key: string;
  heading: ColumnHeading;
  startDate?: string;
  endDate?: string;
  /** Before, around or after today, so the UI can mark the present. */
  when: 'past' | 'current' | 'future';
}

/** Where a move puts an item: a lane, a column, and its neighbours there (null = that end). */
export interface RoadmapMove {
  itemId: string;
  lane: string;
  column: ColumnTarget;
  afterId: string | null;
  beforeId: string | null;
}

/**
 * The column part of a move carries the column's own dates, so applying it needs no knowledge of
 * the layout's columns (the server need not ask Jira for sprints to store a move). Dates from the
 * browser are no more trusted than an item's dates typed in a form: validated, then stored.
 */
export type ColumnTarget =
  | { kind: 'horizon'; horizon: Horizon }
  | { kind: 'dates'; startDate: string; endDate: string }
  /** Exact dates (a timeline bar dragged or keyed, or an undo): the item takes them as they are. */
  | { kind: 'span'; startDate: string; endDate: string }
  | { kind: 'unscheduled' };

// ── Lanes and columns ─────────────────────────────────────────────────────────────────────────

/** The lane an item shows in. An item whose goal or lane is gone falls into the no-lane lane. */
export function laneOf(item: Placement, mode: LaneMode, laneIds: ReadonlySet<string>): string {
  const id = mode === 'goals' ? item.goalId : item.laneId;
  return id !== undefined && laneIds.has(id) ? id : noLane;
}

/** The day that places an item in a dated layout. */
export const anchorDate = (item: Placement): string | undefined => item.startDate ?? item.endDate;

/**
 * The column an item shows in. Dated items outside the columns' range go to the nearest end, so a
 * long-finished or far-future item stays visible rather than vanishing.
 */
export function columnOf(item: Placement, layout: RoadmapLayout, columns: readonly RoadmapColumn[]): string {
  if (layout === 'horizons') return item.horizon;
  const anchor = anchorDate(item);
  const dated = columns.filter((column) => column.startDate !== undefined && column.endDate !== undefined);
  if (anchor === undefined || dated.length === 0) return unscheduled;
  const inside = dated.find((column) => column.startDate! <= anchor && anchor <= column.endDate!);
  if (inside) return inside.key;
  return anchor < dated[0]!.startDate! ? dated[0]!.key : dated.at(-1)!.key;
}

export function horizonColumns(): RoadmapColumn[] {
  return [
    { key: 'now', heading: { kind: 'horizon', horizon: 'now' }, when: 'current' },
    { key: 'next', heading: { kind: 'horizon', horizon: 'next' }, when: 'future' },
    { key: 'later', heading: { kind: 'horizon', horizon: 'later' }, when: 'future' },
  ];
}

/**
 * Calendar quarters from the quarter before today's to three after it, widened to hold every
 * dated item, at most `maxQuarters`; then the unscheduled column.
 */
export function quarterColumns(args: { items: readonly Placement[]; today: string; maxQuarters?: number }): RoadmapColumn[] {
  const todayIndex = quarterIndex(args.today);
  let first = todayIndex - 1;
  let last = todayIndex + 3;
  for (const item of args.items) {
    const anchor = anchorDate(item);
    if (anchor === undefined) continue;
    first = Math.min(first, quarterIndex(anchor));
    last = Math.max(last, quarterIndex(anchor));
  }
  const max = args.maxQuarters ?? 12;
  // Keep the range around today when items spread wider than the cap; the ends absorb the rest.
  if (last - first + 1 > max) {
    first = Math.max(first, todayIndex - Math.floor(max / 3));
    last = first + max - 1;
  }
  const columns: RoadmapColumn[] = [];
  for (let index = first; index <= last; index += 1) {
    const year = Math.floor(index / 4);
    const quarter = (index % 4) + 1;
    const startMonth = (quarter - 1) * 3 + 1;
    columns.push({
      key: `${year}-Q${quarter}`,
      heading: { kind: 'quarter', year, quarter },
      startDate: `${year}-${pad(startMonth)}-01`,
      endDate: `${year}-${pad(startMonth + 2)}-${lastDayOfMonth(year, startMonth + 2)}`,
      when: index < todayIndex ? 'past' : index === todayIndex ? 'current' : 'future',
    });
  }
  columns.push({ key: unscheduled, heading: { kind: 'unscheduled' }, when: 'future' });
  return columns;
}

/**
 * The sprint timeline's columns: the boards' sprints (closed, active, future) or, for projects
 * without sprints, date periods; then the unscheduled column. Period ends are exclusive in
 * `TimelineColumns` and made inclusive here.
 */
export function timelineRoadmapColumns(timeline: TimelineColumns): RoadmapColumn[] {
  const columns: RoadmapColumn[] =
    timeline.kind === 'sprints'
      ? timeline.columns.map((sprint) => ({
          key: sprint.key,
          heading: { kind: 'sprint', name: sprint.name },
          ...(sprint.startDate && sprint.endDate ? { startDate: sprint.startDate.slice(0, 10), endDate: sprint.endDate.slice(0, 10) } : {}),
          when: sprint.state === 'closed' ? 'past' : sprint.state === 'active' ? 'current' : 'future',
        }))
      : timeline.columns.map((period) => ({
          key: period.key,
          heading: periodHeading(period.startDate, timeline.bucket),
          startDate: period.startDate,
          endDate: dayBefore(period.endDate),
          when: period.state,
        }));
  columns.push({ key: unscheduled, heading: { kind: 'unscheduled' }, when: 'future' });
  return columns;
}

// ── Moves ─────────────────────────────────────────────────────────────────────────────────────

export interface MoveContext {
  mode: LaneMode;
  /** The lanes there are now: goal ids or custom lane ids (without `noLane`). */
  laneIds: ReadonlySet<string>;
}

export type MoveOutcome =
  | { ok: true; placement: Placement; kind: 'reorder' | 'move' }
  | { ok: false; reason: 'unknown-lane' | 'bad-neighbours' | 'bad-dates' };

/**
 * The item's placement after a move: its lane field, its horizon or dates, and a rank between its
 * new neighbours. Nothing else changes, so the server writes one record. Neighbours are the items
 * just above and below in the target cell, as the mover saw it; if they are no longer in order
 * the board changed under the mover, and the caller reports a conflict rather than guess.
 */
export function applyMove(args: {
  item: Placement;
  move: RoadmapMove;
  after?: Placement;
  before?: Placement;
  context: MoveContext;
}): MoveOutcome {
  const { item, move, context } = args;
  if (move.lane !== noLane && !context.laneIds.has(move.lane)) return { ok: false, reason: 'unknown-lane' };
  if (args.after && args.before && args.after.rank >= args.before.rank) return { ok: false, reason: 'bad-neighbours' };

  const placed = placeInColumn(placementOf(item), move.column);
  if (!placed) return { ok: false, reason: 'bad-dates' };
  const laneField = context.mode === 'goals' ? 'goalId' : 'laneId';
  const { [laneField]: _old, ...rest } = placed;
  // A span without neighbours changes dates only: the item keeps its place in its cell's order.
  const keepRank = move.column.kind === 'span' && move.afterId === null && move.beforeId === null;
  const next: Placement = {
    ...rest,
    ...(move.lane === noLane ? {} : { [laneField]: move.lane }),
    // Salted with the item's id: two items dropped into one gap at once never share a rank.
    rank: keepRank ? item.rank : uniqueRankBetween(args.after?.rank, args.before?.rank, rankSalt(move.itemId)),
  };
  const sameCell =
    laneOf(item, context.mode, context.laneIds) === move.lane &&
    item.horizon === next.horizon &&
    item.startDate === next.startDate &&
    item.endDate === next.endDate;
  return { ok: true, placement: next, kind: sameCell ? 'reorder' : 'move' };
}

/** Only the placement fields of an item (a stored record or a view carries much more). */
export function placementOf(item: Placement): Placement {
  return {
    ...(item.goalId !== undefined ? { goalId: item.goalId } : {}),
    ...(item.laneId !== undefined ? { laneId: item.laneId } : {}),
    horizon: item.horizon,
    ...(item.startDate !== undefined ? { startDate: item.startDate } : {}),
    ...(item.endDate !== undefined ? { endDate: item.endDate } : {}),
    rank: item.rank,
  };
}

/**
 * Horizon columns set the horizon. A dated column keeps the item's dates when they already fall in
 * it; otherwise it shifts them so the item starts on the column's first day with its length kept
 * (an end date alone lands on the column's last day; an undated item takes the column's span).
 * Unscheduled clears both dates; a span sets both exactly.
 */
function placeInColumn(item: Placement, column: ColumnTarget): Placement | undefined {
  if (column.kind === 'horizon') return { ...item, horizon: column.horizon };
  const { startDate: _start, endDate: _end, ...undated } = item;
  if (column.kind === 'unscheduled') return undated;
  if (column.kind === 'span') {
    if (!isCalendarDate(column.startDate) || !isCalendarDate(column.endDate) || column.startDate > column.endDate) return undefined;
    return { ...undated, startDate: column.startDate, endDate: column.endDate };
  }
  if (!isCalendarDate(column.startDate) || !isCalendarDate(column.endDate) || column.startDate > column.endDate) return undefined;
  const anchor = anchorDate(item);
  if (anchor !== undefined && column.startDate <= anchor && anchor <= column.endDate) return item;
  if (item.startDate !== undefined) {
    const length = item.endDate !== undefined ? dayNumber(item.endDate) - dayNumber(item.startDate) : undefined;
    return {
      ...undated,
      startDate: column.startDate,
      ...(length !== undefined ? { endDate: shiftDays(column.startDate, length) } : {}),
    };
  }
  if (item.endDate !== undefined) return { ...undated, endDate: column.endDate };
  return { ...undated, startDate: column.startDate, endDate: column.endDate };
}

/** The items of one cell, in rank order. */
export function cellItems<T extends Placement & { id: string }>(args: {
  items: readonly T[];
  lane: string;
  column: string;
  layout: RoadmapLayout;
  columns: readonly RoadmapColumn[];
  context: MoveContext;
}): T[] {
  return args.items
    .filter((item) => laneOf(item, args.context.mode, args.context.laneIds) === args.lane && columnOf(item, args.layout, args.columns) === args.column)
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
}

/** The column target that a move into `column` of `layout` carries. */
export function targetOf(column: RoadmapColumn, layout: RoadmapLayout): ColumnTarget {
  if (layout === 'horizons') return { kind: 'horizon', horizon: column.key as Horizon };
  if (column.key === unscheduled || column.startDate === undefined || column.endDate === undefined) return { kind: 'unscheduled' };
  return { kind: 'dates', startDate: column.startDate, endDate: column.endDate };
}

// ── Dates ─────────────────────────────────────────────────────────────────────────────────────

function quarterIndex(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return year * 4 + Math.floor((month - 1) / 3);
}

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return pad(new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function shiftDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  return shiftDays(date.slice(0, 10), -1);
}

function periodHeading(startDate: string, bucket: 'two-weeks' | 'month'): ColumnHeading {
  return bucket === 'month' ? { kind: 'month', year: Number(startDate.slice(0, 4)), month: Number(startDate.slice(5, 7)) } : { kind: 'period', startDate };
}
