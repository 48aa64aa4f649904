/** The order goals are shown in, and where a moved goal lands. */
import { rankSalt, uniqueRankBetween } from './rank';
import type { GoalStatus } from './strategy';

interface Ranked {
  id: string;
  rank: string;
  status: GoalStatus;
}

/** By rank, archived goals last (each group keeps its rank order); ids break ties so the order is stable. */
export function orderGoals<T extends Ranked>(goals: readonly T[]): T[] {
  const archived = (goal: Ranked) => (goal.status === 'archived' ? 1 : 0);
  return [...goals].sort((a, b) => archived(a) - archived(b) || compare(a.rank, b.rank) || compare(a.id, b.id));
}

/**
 * The rank for goal `goalId` put after `after` and before `before` (either missing = that end of
 * the list), salted with the goal's id so two goals moved into one gap at once never tie.
 * Undefined when the two are not in that order any more: the mover saw an old order.
 */
export function rankForMove(goalId: string, after: { rank: string } | undefined, before: { rank: string } | undefined): string | undefined {
  if (after && before && after.rank >= before.rank) return undefined;
  return uniqueRankBetween(after?.rank, before?.rank, rankSalt(goalId));
}

/** Code-unit order, the order storage indexes use; `localeCompare` would disagree with them. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
