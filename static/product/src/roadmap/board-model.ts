/**
 * The board as data: its lanes, its columns for a layout, the items of each cell, and what a move
 * (a drop or a keyboard command) means as a `RoadmapMovePayload`. Built on the domain's placement
 * rules (src/domain/roadmap.ts), so the optimistic board is the board the server will store.
 * Pure, no React.
 */
import type { RoadmapItemView, RoadmapMovePayload, RoadmapView } from '../../../../src/contract';
import { applyMove, columnOf, horizonColumns, laneOf, noLane, quarterColumns, targetOf, timelineRoadmapColumns } from '../../../../src/domain/roadmap';
import type { ColumnHeading, MoveContext, Placement, RoadmapColumn, RoadmapLayout } from '../../../../src/domain/roadmap';
import { timelineColumns } from '../../../../src/domain/sprint-columns';
import { formatMonth, formatQuarter, formatShortDay, readerTimeZone as jiraTimeZone, weekStartOf } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { formats } from '../../../shared/messages/formats';

const m = messages.roadmap;

export interface BoardLane {
  /** A goal id, a custom lane id, or `noLane`. */
  id: string;
  name: string;
}

export interface Board {
  layout: RoadmapLayout;
  lanes: BoardLane[];
  columns: BoardColumn[];
  context: MoveContext;
  /** Cell key (`lane|column`) → its items in rank order. */
  cells: Map<string, RoadmapItemView[]>;
}

export const cellKey = (lane: string, column: string): string => `${lane}|${column}`;

/** The move context the server uses: every goal (archived too) or every custom lane is a lane. */
export function moveContext(view: Pick<RoadmapView, 'laneMode' | 'lanes' | 'goals'>): MoveContext {
  const ids = view.laneMode === 'goals' ? view.goals.map((g) => g.id) : view.lanes.map((l) => l.id);
  return { mode: view.laneMode, laneIds: new Set(ids) };
}

/**
 * The reader's time zone: their Jira profile's (the Forge context's `timezone`), which may differ
 * from the browser's (a laptop set to another zone than the Jira account).
 */
export const readerTimeZone = (): string => jiraTimeZone();

/** A column with its head in the reader's words. */
export interface BoardColumn extends RoadmapColumn {
  label: string;
}

/** A column head in the reader's locale: Intl's months and days, the catalogs' words. */
export function columnLabel(heading: ColumnHeading): string {
  switch (heading.kind) {
    case 'horizon':
      return m.horizons[heading.horizon];
    case 'quarter':
      return formatQuarter(heading.quarter, heading.year);
    case 'month':
      return formatMonth(`${String(heading.year).padStart(4, '0')}-${String(heading.month).padStart(2, '0')}-01`);
    case 'period':
      return formatShortDay(heading.startDate);
    case 'sprint':
      return heading.name;
    case 'unscheduled':
      return formats.unscheduled;
  }
}

const labelled = (columns: readonly RoadmapColumn[]): BoardColumn[] => columns.map((column) => ({ ...column, label: columnLabel(column.heading) }));

export function layoutColumns(view: Pick<RoadmapView, 'items' | 'sprints' | 'today'>, layout: RoadmapLayout, timeZone?: string, weekStart?: number): BoardColumn[] {
  switch (layout) {
    case 'horizons':
      return labelled(horizonColumns());
    case 'quarters':
    // The timeline draws bars, not cells; its board (for moves and undo) is the quarters' one.
    case 'gantt':
      return labelled(quarterColumns({ items: view.items, today: view.today }));
    case 'timeline':
      // Sprint dates are instants with offsets: the columns show the days they fall on for this viewer.
      // Periods (projects without sprints) start on the first day of the reader's week.
      // Asked for only here: the locale's week start costs an Intl.Locale, more than a board of 2,000 items.
      return labelled(timelineRoadmapColumns(timelineColumns({ sprints: view.sprints, today: view.today, timeZone: timeZone ?? readerTimeZone(), weekStart: weekStart ?? weekStartOf() })));
  }
}

const byRank = (a: { rank: string }, b: { rank: string }) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/**
 * The items in rank order, sorted once per items array: every layout's board (and a switch back
 * and forth between them) reads the same order, sorting 5,000 items on every switch cost milliseconds for nothing.
 */
const rankOrders = new WeakMap<readonly RoadmapItemView[], readonly RoadmapItemView[]>();
export function inRankOrder(items: readonly RoadmapItemView[]): readonly RoadmapItemView[] {
  let sorted = rankOrders.get(items);
  if (!sorted) rankOrders.set(items, (sorted = [...items].sort(byRank)));
  return sorted;
}

/**
 * The board for a layout. Cells are grouped in one pass with `laneOf` / `columnOf` (what
 * `cellItems` filters by, per cell), so 1,000 items cost one sort, not one filter per cell.
 * Archived goals get a lane only while items sit in them.
 */
export function boardOf(view: RoadmapView, layout: RoadmapLayout): Board {
  // A switch back to a layout shown before, over the same roadmap, finds its board as it was.
  const key = layout === 'timeline' ? `${layout}|${readerTimeZone()}|${weekStartOf()}` : layout;
  let boards = boardsByView.get(view);
  if (!boards) boardsByView.set(view, (boards = new Map()));
  let board = boards.get(key);
  if (!board) boards.set(key, (board = buildBoard(view, layout)));
  return board;
}

/** Boards built per roadmap as loaded (each change makes a new view), by layout and the reader's calendar. */
const boardsByView = new WeakMap<RoadmapView, Map<string, Board>>();

function buildBoard(view: RoadmapView, layout: RoadmapLayout): Board {
  const context = moveContext(view);
  const columns = layoutColumns(view, layout);
  const cells = new Map<string, RoadmapItemView[]>();
  const used = new Set<string>();
  for (const item of inRankOrder(view.items)) {
    const lane = laneOf(item, context.mode, context.laneIds);
    used.add(lane);
    const key = cellKey(lane, columnOf(item, layout, columns));
    const cell = cells.get(key);
    if (cell) cell.push(item);
    else cells.set(key, [item]);
  }
  const lanes: BoardLane[] =
    view.laneMode === 'goals'
      ? view.goals
          .filter((g) => g.status !== 'archived' || used.has(g.id))
          .map((g) => ({ id: g.id, name: g.status === 'archived' ? m.archivedGoal(g.title) : g.title }))
      : view.lanes.map((l) => ({ id: l.id, name: l.name }));
  lanes.push({ id: noLane, name: view.laneMode === 'goals' ? m.noGoal : m.noLane });
  return { layout, lanes, columns, context, cells };
}

export const cellOf = (board: Board, lane: string, column: string): readonly RoadmapItemView[] => board.cells.get(cellKey(lane, column)) ?? [];

export interface CardPlace {
  lane: string;
  column: string;
  index: number;
}

export function placeOf(board: Board, item: RoadmapItemView): CardPlace {
  const lane = laneOf(item, board.context.mode, board.context.laneIds);
  const column = columnOf(item, board.layout, board.columns);
  return { lane, column, index: cellOf(board, lane, column).findIndex((i) => i.id === item.id) };
}

/** Where a card goes: a cell and a position in it, counted without the card itself. */
export interface MoveTarget {
  lane: string;
  column: string;
  /** Position among the cell's other items (0 = first); past the end = last. */
  index: number;
}

export interface PlannedMove {
  payload: RoadmapMovePayload;
  placement: Placement;
  /** Position (1-based) and cell size after the move, for the announcement. */
  position: number;
  total: number;
  kind: 'reorder' | 'move';
}

/**
 * The move as the server will store it, or undefined when it changes nothing or the domain
 * refuses it. Neighbours are the items around the target position in the target cell as shown.
 */
export function planMove(board: Board, item: RoadmapItemView, target: MoveTarget): PlannedMove | undefined {
  const column = board.columns.find((c) => c.key === target.column);
  if (!column) return undefined;
  const others = cellOf(board, target.lane, target.column).filter((i) => i.id !== item.id);
  const index = Math.max(0, Math.min(target.index, others.length));
  const after = others[index - 1];
  const before = others[index];
  const from = placeOf(board, item);
  if (from.lane === target.lane && from.column === target.column && from.index === index) return undefined;
  const payload: RoadmapMovePayload = {
    itemId: item.id,
    lane: target.lane,
    column: targetOf(column, board.layout),
    afterId: after?.id ?? null,
    beforeId: before?.id ?? null,
  };
  const outcome = applyMove({
    item,
    move: payload,
    ...(after ? { after } : {}),
    ...(before ? { before } : {}),
    context: board.context,
  });
  if (!outcome.ok) return undefined;
  return { payload, placement: outcome.placement, position: index + 1, total: others.length + 1, kind: outcome.kind };
}

/**
 * A keyboard or menu command: up / down in the cell, the neighbouring column or lane (Alt+arrows),
 * or any column or lane by its key (the Move menu offers them all, so a far cell is one step away).
 */
export type MoveCommand = 'up' | 'down' | 'column-before' | 'column-after' | 'lane-before' | 'lane-after' | `column:${string}` | `lane:${string}`;

/** Where a command takes a card: up / down in its cell, or to the end of another cell. */
export function commandTarget(board: Board, item: RoadmapItemView, command: MoveCommand): MoveTarget | undefined {
  const from = placeOf(board, item);
  const laneIndex = board.lanes.findIndex((l) => l.id === from.lane);
  const columnIndex = board.columns.findIndex((c) => c.key === from.column);
  const endOf = (lane: string, column: string) => ({ lane, column, index: cellOf(board, lane, column).length });
  if (command.startsWith('column:')) {
    const key = command.slice('column:'.length);
    return key !== from.column && board.columns.some((c) => c.key === key) ? endOf(from.lane, key) : undefined;
  }
  if (command.startsWith('lane:')) {
    const id = command.slice('lane:'.length);
    return id !== from.lane && board.lanes.some((l) => l.id === id) ? endOf(id, from.column) : undefined;
  }
  switch (command) {
    case 'up':
      return from.index > 0 ? { ...from, index: from.index - 1 } : undefined;
    case 'down':
      return from.index < cellOf(board, from.lane, from.column).length - 1 ? { ...from, index: from.index + 1 } : undefined;
    case 'column-before':
    case 'column-after': {
      const next = board.columns[columnIndex + (command === 'column-before' ? -1 : 1)];
      return next && columnIndex >= 0 ? endOf(from.lane, next.key) : undefined;
    }
    case 'lane-before':
    case 'lane-after': {
      const next = board.lanes[laneIndex + (command === 'lane-before' ? -1 : 1)];
      return next && laneIndex >= 0 ? endOf(next.id, from.column) : undefined;
    }
    default:
      return undefined;
  }
}

/** The item with a placement applied, as the optimistic board shows it until the server answers. */
export function placed(item: RoadmapItemView, placement: Placement): RoadmapItemView {
  const { goalId: _goal, laneId: _lane, startDate: _start, endDate: _end, ...rest } = item;
  return { ...rest, ...placement };
}
