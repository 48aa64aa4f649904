import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoadmapItemView, RoadmapMovePayload } from '../../../../src/contract';
import { applyMove, laneOf } from '../../../../src/domain/roadmap';
import type { ColumnTarget, Placement } from '../../../../src/domain/roadmap';
import type { Span } from '../../../../src/domain/timeline';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { formatDay } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { cellOf, placeOf, planMove } from './board-model';
import type { Board, MoveTarget } from './board-model';
import type { RoadmapChange } from './roadmap-state';

const m = messages.roadmap;
const t = messages.timeline;

export type MoveNotice = { kind: 'conflict' } | { kind: 'failed'; title: string; error: UiError } | { kind: 'undo-conflict'; title: string } | { kind: 'undo-failed'; title: string; error: UiError };

/** The last move or date change, and the move that puts the item back. */
export interface Undoable {
  itemId: string;
  title: string;
  restore: RoadmapMovePayload;
}

export interface RoadmapMoves {
  /** Moves a card on the board; false when the move changes nothing. */
  move: (itemId: string, target: MoveTarget) => boolean;
  /** Gives an item exact dates (a timeline bar dragged or keyed); false when nothing changes. */
  setDates: (itemId: string, span: Span) => boolean;
  /** The last move, while it can be undone (its save has not failed, nothing newer replaced it). */
  undoable: Undoable | undefined;
  undo: () => void;
  dismissUndo: () => void;
}

/**
 * The column target that gives an item back the dates it had: exact dates when it had both, the
 * one date it had as a one-day column (which sets just that date: see `placeInColumn`), or none.
 */
export function datesTarget(item: Pick<Placement, 'startDate' | 'endDate'>): ColumnTarget {
  if (item.startDate !== undefined && item.endDate !== undefined) return { kind: 'span', startDate: item.startDate, endDate: item.endDate };
  const only = item.startDate ?? item.endDate;
  return only === undefined ? { kind: 'unscheduled' } : { kind: 'dates', startDate: only, endDate: only };
}

/** Whether a keystroke belongs to a text field, whose own Ctrl+Z undoes typing, not a move. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/**
 * Optimistic moves: the card lands at once (placed by the domain's `applyMove`, as the server will
 * place it) and the move is announced; the server hears of it after. Moves are sent one at a time,
 * each with the item's newest version, so quick repeated moves do not conflict with themselves.
 * A conflict (someone else changed the roadmap) reloads it and says so; any other refusal puts the
 * card back first, then reloads.
 *
 * The last move (a card moved, a bar's dates changed) can be undone, from the flag or Ctrl/Cmd+Z:
 * undo is one more move through `moveRoadmapItem`, back to the lane, column or dates and the
 * neighbours the item had, sent with the version the move's save answered. Someone else's change
 * in between makes it a conflict, said as such, and the roadmap reloads.
 */
export function useRoadmapMoves(options: {
  board: Board;
  items: readonly RoadmapItemView[];
  onChange: (change: RoadmapChange) => void;
  refresh: () => Promise<boolean>;
  onNotice: (notice: MoveNotice | undefined) => void;
}): RoadmapMoves {
  const announce = useAnnounce();
  const latest = useRef(options);
  latest.current = options;
  const queue = useRef<Promise<void>>(Promise.resolve());
  // The newest version of each item the server confirmed, for moves queued behind the first.
  const versions = useRef(new Map<string, number>());
  // Moves of each item still on their way: only the last one's answer replaces the card.
  const inFlight = useRef(new Map<string, number>());
  const [undoable, setUndoable] = useState<Undoable>();
  const undoRef = useRef<Undoable>();
  const offerUndo = (next: Undoable | undefined) => {
    undoRef.current = next;
    setUndoable(next);
  };

  const send = async (item: RoadmapItemView, payload: RoadmapMovePayload, sent: { undoing?: Undoable; offered?: Undoable }) => {
    const baseVersion = versions.current.get(item.id) ?? item.version;
    const result = await attempt(() => invoke('moveRoadmapItem', { move: payload, baseVersion }));
    const { onChange, refresh, onNotice } = latest.current;
    const left = (inFlight.current.get(item.id) ?? 1) - 1;
    inFlight.current.set(item.id, left);
    if (result.ok) {
      versions.current.set(item.id, result.value.version);
      if (left === 0) onChange({ type: 'item', item: result.value });
      if (sent.undoing) announce(t.undone(item.title));
      return;
    }
    // A move that did not save cannot be undone: the flag it raised goes.
    if (sent.offered && undoRef.current === sent.offered) offerUndo(undefined);
    // The card goes back to where it was before this move at once, so the board never shows a move
    // the server refused, even when the reload below fails too (the same outage often fails both).
    versions.current.clear();
    if (left === 0) onChange({ type: 'item', item });
    await refresh();
    if (sent.undoing) {
      const notice: MoveNotice = result.error.code === 'conflict' ? { kind: 'undo-conflict', title: item.title } : { kind: 'undo-failed', title: item.title, error: result.error };
      onNotice(notice);
      announce(notice.kind === 'undo-conflict' ? t.undoConflict(item.title) : t.undoFailed(item.title));
    } else if (result.error.code === 'conflict') {
      onNotice({ kind: 'conflict' });
      announce(m.moveConflict);
    } else {
      onNotice({ kind: 'failed', title: item.title, error: result.error });
      announce(m.moveFailed(item.title));
    }
  };

  const enqueue = (item: RoadmapItemView, payload: RoadmapMovePayload, sent: { undoing?: Undoable; offered?: Undoable }) => {
    inFlight.current.set(item.id, (inFlight.current.get(item.id) ?? 0) + 1);
    queue.current = queue.current.then(() => send(item, payload, sent));
  };

  const move = (itemId: string, target: MoveTarget): boolean => {
    const { board, items, onChange, onNotice } = latest.current;
    const item = items.find((i) => i.id === itemId);
    if (!item) return false;
    const plan = planMove(board, item, target);
    if (!plan) return false;
    onNotice(undefined);
    // Back to the cell it left, between the neighbours it had there.
    const from = placeOf(board, item);
    const cell = cellOf(board, from.lane, from.column);
    const restore: RoadmapMovePayload = {
      itemId,
      lane: from.lane,
      column: plan.payload.column.kind === 'horizon' ? { kind: 'horizon', horizon: item.horizon } : datesTarget(item),
      afterId: cell[from.index - 1]?.id ?? null,
      beforeId: cell[from.index + 1]?.id ?? null,
    };
    onChange({ type: 'item-placed', id: itemId, placement: plan.placement });
    const column = board.columns.find((c) => c.key === target.column)?.label ?? target.column;
    const lane = board.lanes.find((l) => l.id === target.lane)?.name ?? target.lane;
    announce(m.moved(item.title, column, lane, plan.position, plan.total));
    const offered = { itemId, title: item.title, restore };
    offerUndo(offered);
    enqueue(item, plan.payload, { offered });
    return true;
  };

  const setDates = (itemId: string, span: Span): boolean => {
    const { board, items, onChange, onNotice } = latest.current;
    const item = items.find((i) => i.id === itemId);
    if (!item || (item.startDate === span.startDate && item.endDate === span.endDate)) return false;
    const lane = laneOf(item, board.context.mode, board.context.laneIds);
    // No neighbours: a date change keeps the item's rank (see `applyMove`).
    const payload: RoadmapMovePayload = { itemId, lane, column: { kind: 'span', ...span }, afterId: null, beforeId: null };
    const outcome = applyMove({ item, move: payload, context: board.context });
    if (!outcome.ok) return false;
    onNotice(undefined);
    onChange({ type: 'item-placed', id: itemId, placement: outcome.placement });
    announce(t.datesChanged(item.title, formatDay(span.startDate), formatDay(span.endDate)));
    const offered = { itemId, title: item.title, restore: { ...payload, column: datesTarget(item) } };
    offerUndo(offered);
    enqueue(item, payload, { offered });
    return true;
  };

  const undo = () => {
    const undoing = undoRef.current;
    if (!undoing) return;
    offerUndo(undefined);
    const { board, items, onChange, onNotice, refresh } = latest.current;
    const item = items.find((i) => i.id === undoing.itemId);
    const find = (id: string | null) => (id === null ? undefined : items.find((i) => i.id === id));
    const after = find(undoing.restore.afterId);
    const before = find(undoing.restore.beforeId);
    const outcome = item ? applyMove({ item, move: undoing.restore, ...(after ? { after } : {}), ...(before ? { before } : {}), context: board.context }) : undefined;
    if (!item || !outcome?.ok) {
      // The item, its lane or its old neighbours are gone: the roadmap changed under the undo.
      onNotice({ kind: 'undo-conflict', title: undoing.title });
      announce(t.undoConflict(undoing.title));
      void refresh();
      return;
    }
    onNotice(undefined);
    onChange({ type: 'item-placed', id: item.id, placement: outcome.placement });
    enqueue(item, undoing.restore, { undoing });
  };

  const undoLatest = useRef(undo);
  undoLatest.current = undo;
  useEffect(() => {
    if (!undoable) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (event.defaultPrevented || isTextEntry(event.target)) return;
      event.preventDefault();
      undoLatest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undoable]);

  const dismissUndo = useCallback(() => offerUndo(undefined), []);
  return { move, setDates, undoable, undo: () => undoLatest.current(), dismissUndo };
}
