import { useRef } from 'react';
import type { GoalView } from '../../../../src/contract';
import { useAnnounce } from '../../../shared/announcer';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { UiError } from '../../../shared/errors';
import { messages } from '../../../shared/messages';
import type { StrategyChange } from '../strategy-state';
import { neighbours, reorder } from './reorder';

export type MoveNotice = { kind: 'conflict' } | { kind: 'failed'; title: string; error: UiError };

/**
 * Optimistic moves: the list changes at once and the move is announced; the server hears of it
 * after. Moves go to the server one at a time, each with the goal's newest version and its
 * neighbours in the order as it is then, so quick repeated moves do not conflict with themselves.
 * A conflict (someone else moved or changed goals) reloads the saved order and says so.
 */
export function useGoalMoves(options: {
  goals: readonly GoalView[];
  onChange: (change: StrategyChange) => void;
  refresh: () => Promise<boolean>;
  onNotice: (notice: MoveNotice | undefined) => void;
}) {
  const announce = useAnnounce();
  const latest = useRef(options.goals);
  latest.current = options.goals;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);

  const send = async (goalId: string, orderBefore: readonly string[]) => {
    const ids = latest.current.map((g) => g.id);
    const goal = latest.current.find((g) => g.id === goalId);
    if (!goal) return;
    const result = await attempt(() => invoke('moveGoal', { id: goalId, ...neighbours(ids, ids.indexOf(goalId)), baseVersion: goal.version }));
    pending.current -= 1;
    if (result.ok) {
      options.onChange({ type: 'goal', goal: result.value, keepOrder: pending.current > 0 });
      return;
    }
    // Back to the order before this move at once: the reload below may fail in the same outage.
    if (pending.current === 0) options.onChange({ type: 'goals-ordered', ids: orderBefore });
    await options.refresh();
    if (result.error.code === 'conflict') {
      options.onNotice({ kind: 'conflict' });
      announce(messages.goals.moveConflict);
    } else {
      options.onNotice({ kind: 'failed', title: goal.title, error: result.error });
      announce(messages.goals.moveFailed(goal.title));
    }
  };

  return (goalId: string, to: number) => {
    const goals = latest.current;
    const from = goals.findIndex((g) => g.id === goalId);
    if (from < 0 || to === from || to < 0 || to >= goals.length) return;
    const ids = reorder(
      goals.map((g) => g.id),
      from,
      to,
    );
    options.onNotice(undefined);
    options.onChange({ type: 'goals-ordered', ids });
    latest.current = reorder(goals, from, to);
    announce(messages.goals.moved(goals[from]!.title, to + 1, ids.length));
    pending.current += 1;
    const orderBefore = goals.map((g) => g.id);
    queue.current = queue.current.then(() => send(goalId, orderBefore));
  };
}
