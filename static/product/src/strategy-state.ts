/**
 * The strategy as the page holds it, and every change to it as data: a reducer the tabs dispatch
 * to after a write (or before it, for an optimistic move). Pure, so it is tested without React.
 */
import type { GoalView, KpiView, StrategyView, VisionView } from '../../../src/contract';

export type StrategyChange =
  | { type: 'loaded'; view: StrategyView }
  | { type: 'vision'; vision: VisionView }
  /** A goal as saved; `keepOrder` leaves the list's order alone while more optimistic moves are pending. */
  | { type: 'goal'; goal: GoalView; keepOrder?: boolean }
  | { type: 'goal-removed'; id: string }
  /** Optimistic reorder: the active goals' ids in their new order (archived goals stay last). */
  | { type: 'goals-ordered'; ids: readonly string[] }
  | { type: 'kpi'; kpi: KpiView }
  | { type: 'kpi-removed'; goalId: string; id: string };

const byRank = (a: GoalView, b: GoalView) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/** The server's order: active goals by rank, archived goals last (by rank). */
export function orderGoals(goals: readonly GoalView[]): GoalView[] {
  const active = goals.filter((g) => g.status !== 'archived').sort(byRank);
  const archived = goals.filter((g) => g.status === 'archived').sort(byRank);
  return [...active, ...archived];
}

export function applyChange(view: StrategyView, change: StrategyChange): StrategyView {
  switch (change.type) {
    case 'loaded':
      return change.view;
    case 'vision':
      return { ...view, vision: change.vision };
    case 'goal': {
      if (change.keepOrder && view.goals.some((g) => g.id === change.goal.id)) {
        return { ...view, goals: view.goals.map((g) => (g.id === change.goal.id ? change.goal : g)) };
      }
      const others = view.goals.filter((g) => g.id !== change.goal.id);
      return { ...view, goals: orderGoals([...others, change.goal]) };
    }
    case 'goal-removed':
      return { ...view, goals: view.goals.filter((g) => g.id !== change.id) };
    case 'goals-ordered': {
      const byId = new Map(view.goals.map((g) => [g.id, g]));
      const moved = change.ids.map((id) => byId.get(id)).filter((g): g is GoalView => g !== undefined);
      const rest = view.goals.filter((g) => !change.ids.includes(g.id));
      return { ...view, goals: [...moved, ...rest] };
    }
    case 'kpi':
      return {
        ...view,
        goals: view.goals.map((g) =>
          g.id !== change.kpi.goalId
            ? g
            : { ...g, kpis: g.kpis.some((k) => k.id === change.kpi.id) ? g.kpis.map((k) => (k.id === change.kpi.id ? change.kpi : k)) : [...g.kpis, change.kpi] },
        ),
      };
    case 'kpi-removed':
      return { ...view, goals: view.goals.map((g) => (g.id !== change.goalId ? g : { ...g, kpis: g.kpis.filter((k) => k.id !== change.id) })) };
  }
}
