import type { ChildFact, TimelineSprint } from './delivery';
import { issuesIn, roundPoints } from './delivery';
import type { SprintState } from './model';
import { orderSprints } from './sprint-order';

/** What one sprint carries of an item's (or an epic's) work. */
export interface SprintWork {
  sprintId: number;
  name: string;
  state: SprintState;
  /** Issues whose latest sprint this is: finished here (closed sprints), or here now / planned here. */
  issues: number;
  /** Their story points (estimated ones only). */
  points: number;
  /** Of those issues, how many are done. */
  done: number;
  /** Issues that were in this sprint and moved on unfinished to a later one. */
  carriedOver: number;
}

export interface WorkBySprint {
  /** In timeline order within each group. */
  past: SprintWork[];
  active: SprintWork[];
  future: SprintWork[];
  /** Not done and in no sprint of this timeline: the backlog. */
  unscheduled: { issues: number; points: number };
}

/**
 * Which sprints carry the work, past, active and future: each child counts once, in its latest
 * sprint on the timeline; earlier sprints it passed through count it as carried over. Sprints of
 * other boards (not on the timeline) are ignored; done children in no sprint count nowhere.
 */
export function workBySprint(children: readonly ChildFact[], sprints: readonly TimelineSprint[]): WorkBySprint {
  const ordered = orderSprints(sprints);
  const position = new Map(ordered.map((s, index) => [s.id, index]));
  const work = new Map<number, SprintWork>();
  const entry = (sprint: TimelineSprint): SprintWork => {
    let found = work.get(sprint.id);
    if (!found) {
      found = { sprintId: sprint.id, name: sprint.name, state: sprint.state, issues: 0, points: 0, done: 0, carriedOver: 0 };
      work.set(sprint.id, found);
    }
    return found;
  };
  const unscheduled = { issues: 0, points: 0 };

  for (const child of children) {
    const issues = issuesIn(child);
    const known = child.sprintIds.filter((id) => position.has(id)).sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
    const lastId = known[known.length - 1];
    if (lastId === undefined) {
      if (child.category !== 'done') {
        unscheduled.issues += issues;
        unscheduled.points = roundPoints(unscheduled.points + (child.points ?? 0));
      }
      continue;
    }
    const last = entry(ordered[position.get(lastId) as number] as TimelineSprint);
    last.issues += issues;
    last.points = roundPoints(last.points + (child.points ?? 0));
    if (child.category === 'done') last.done += issues;
    for (const earlier of known.slice(0, -1)) entry(ordered[position.get(earlier) as number] as TimelineSprint).carriedOver += issues;
  }

  const inOrder = ordered.flatMap((s) => work.get(s.id) ?? []);
  return {
    past: inOrder.filter((w) => w.state === 'closed'),
    active: inOrder.filter((w) => w.state === 'active'),
    future: inOrder.filter((w) => w.state === 'future'),
    unscheduled,
  };
}
