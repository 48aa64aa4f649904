/**
 * Where each sprint's effort goes, by goal: story points and issue counts committed to the sprint
 * against completed in it. Attribution follows `workBySprint` (work-sprints.ts):
 * - committed: a child counts in every sprint of the timeline it was in (carried-over work was
 *   committed to each sprint it passed through);
 * - completed: a done child counts once, in its latest sprint on the timeline (where it was done);
 * - a child met under two epics (caught mid-move) counts once, under the first epic;
 * - sprints of other boards are ignored; unestimated children count as issues, not as points.
 * An epic serving several goals has its work split evenly between them, so a sprint's slices add
 * up to its total; work of epics serving no goal is the `null` slice.
 */
import type { ChildFact, TimelineSprint } from './delivery';
import { issuesIn, roundPoints, unestimatedIn } from './delivery';
import type { SprintState } from './model';
import { orderSprints } from './sprint-order';

export interface InvestmentAmount {
  /** May be fractional: an epic serving two goals gives each half of every child. */
  issues: number;
  points: number;
}

export interface InvestmentSlice {
  /** null: work serving no goal. */
  goalId: string | null;
  committed: InvestmentAmount;
  completed: InvestmentAmount;
}

export interface SprintInvestment {
  sprintId: number;
  name: string;
  state: SprintState;
  startDate?: string;
  endDate?: string;
  /** Goals in the order given, then the no-goal slice; only slices with work. */
  slices: InvestmentSlice[];
  total: { committed: InvestmentAmount; completed: InvestmentAmount };
  /** Committed issues without an estimate: their effort is missing from the points. */
  unestimated: number;
}

export interface InvestedEpic {
  epicId: string;
  /** The goals the epic serves (none = the no-goal slice). */
  goalIds: readonly string[];
  children: readonly ChildFact[];
}

const zero = (): InvestmentAmount => ({ issues: 0, points: 0 });
const add = (into: InvestmentAmount, issues: number, points: number) => {
  into.issues += issues;
  into.points += points;
};
const rounded = (amount: InvestmentAmount): InvestmentAmount => ({ issues: roundPoints(amount.issues), points: roundPoints(amount.points) });

export function sprintInvestment(args: { sprints: readonly TimelineSprint[]; epics: readonly InvestedEpic[]; goalIds: readonly string[] }): SprintInvestment[] {
  const ordered = orderSprints(args.sprints);
  const position = new Map(ordered.map((sprint, index) => [sprint.id, index]));
  const sliceOrder = new Map<string | null, number>([...args.goalIds.map((id, index): [string, number] => [id, index]), [null, args.goalIds.length]]);
  // Per sprint position: slice key → amounts.
  const cells = ordered.map(() => new Map<string | null, { committed: InvestmentAmount; completed: InvestmentAmount }>());
  const unestimated = ordered.map(() => 0);
  const cell = (at: number, goalId: string | null) => {
    const slices = cells[at] as Map<string | null, { committed: InvestmentAmount; completed: InvestmentAmount }>;
    let found = slices.get(goalId);
    if (!found) slices.set(goalId, (found = { committed: zero(), completed: zero() }));
    return found;
  };

  const seen = new Set<string>();
  for (const epic of args.epics) {
    const goals = [...new Set(epic.goalIds)].filter((goalId) => sliceOrder.has(goalId));
    const shares: Array<string | null> = goals.length > 0 ? goals : [null];
    const share = 1 / shares.length;
    for (const child of epic.children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      const known = [...new Set(child.sprintIds.filter((id) => position.has(id)))].map((id) => position.get(id) as number).sort((a, b) => a - b);
      if (known.length === 0) continue;
      const points = child.points ?? 0;
      const issues = issuesIn(child);
      const last = known[known.length - 1] as number;
      for (const at of known) {
        unestimated[at] = (unestimated[at] as number) + unestimatedIn(child);
        for (const goalId of shares) {
          const amounts = cell(at, goalId);
          add(amounts.committed, issues * share, points * share);
          if (at === last && child.category === 'done') add(amounts.completed, issues * share, points * share);
        }
      }
    }
  }

  return ordered.map((sprint, at) => {
    const slices = [...(cells[at] as Map<string | null, { committed: InvestmentAmount; completed: InvestmentAmount }>)]
      .sort(([a], [b]) => (sliceOrder.get(a) as number) - (sliceOrder.get(b) as number))
      .map(([goalId, amounts]): InvestmentSlice => ({ goalId, committed: rounded(amounts.committed), completed: rounded(amounts.completed) }));
    const total = { committed: zero(), completed: zero() };
    for (const slice of slices) {
      add(total.committed, slice.committed.issues, slice.committed.points);
      add(total.completed, slice.completed.issues, slice.completed.points);
    }
    return {
      sprintId: sprint.id,
      name: sprint.name,
      state: sprint.state,
      ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
      ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
      slices,
      total: { committed: rounded(total.committed), completed: rounded(total.completed) },
      unestimated: unestimated[at] as number,
    };
  });
}
