import { useRef } from 'react';
import type { RoadmapItemView, RoadmapMovePayload } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import { planMove } from './board-model';
import type { Board, MoveTarget } from './board-model';
import type { RoadmapChange } from './roadmap-state';

const m = messages.roadmap;

export type MoveNotice = { kind: 'conflict' } | { kind: 'failed'; title: string; error: UiError };

/**
 * Optimistic moves: the card lands at once (placed by the domain's `applyMove`, as the server will
 * place it) and the move is announced; the server hears of it after. Moves are sent one at a time,
 * each with the item's newest version, so quick repeated moves do not conflict with themselves.
 * A conflict (someone else changed the roadmap) reloads it and says so; any other refusal puts the
 * card back first, then reloads.
 */
export function useRoadmapMoves(options: {
  board: Board;
  items: readonly RoadmapItemView[];
  onChange: (change: RoadmapChange) => void;
  refresh: () => Promise<boolean>;
  onNotice: (notice: MoveNotice | undefined) => void;
}) {
  const announce = useAnnounce();
  const latest = useRef(options);
  latest.current = options;
  const queue = useRef<Promise<void>>(Promise.resolve());
  // The newest version of each item the server confirmed, for moves queued behind the first.
  const versions = useRef(new Map<string, number>());
  // Moves of each item still on their way: only the last one's answer replaces the card.
  const inFlight = useRef(new Map<string, number>());

  const send = async (item: RoadmapItemView, payload: RoadmapMovePayload) => {
    const baseVersion = versions.current.get(item.id) ?? item.version;
    const result = await attempt(() => invoke('moveRoadmapItem', { move: payload, baseVersion }));
    const { onChange, refresh, onNotice } = latest.current;
    const left = (inFlight.current.get(item.id) ?? 1) - 1;
    inFlight.current.set(item.id, left);
    if (result.ok) {
      versions.current.set(item.id, result.value.version);
      if (left === 0) onChange({ type: 'item', item: result.value });
      return;
    }
    // The card goes back to where it was before this move at once, so the board never shows a move
    // the server refused, even when the reload below fails too (the same outage often fails both).
    versions.current.clear();
    if (left === 0) onChange({ type: 'item', item });
    await refresh();
    if (result.error.code === 'conflict') {
      onNotice({ kind: 'conflict' });
      announce(m.moveConflict);
    } else {
      onNotice({ kind: 'failed', title: item.title, error: result.error });
      announce(m.moveFailed(item.title));
    }
  };

  return (itemId: string, target: MoveTarget): boolean => {
    const { board, items, onChange, onNotice } = latest.current;
    const item = items.find((i) => i.id === itemId);
    if (!item) return false;
    const plan = planMove(board, item, target);
    if (!plan) return false;
    onNotice(undefined);
    onChange({ type: 'item-placed', id: itemId, placement: plan.placement });
    const column = board.columns.find((c) => c.key === target.column)?.label ?? target.column;
    const lane = board.lanes.find((l) => l.id === target.lane)?.name ?? target.lane;
    announce(m.moved(item.title, column, lane, plan.position, plan.total));
    inFlight.current.set(itemId, (inFlight.current.get(itemId) ?? 0) + 1);
    queue.current = queue.current.then(() => send(item, plan.payload));
    return true;
  };
}
