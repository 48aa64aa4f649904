import { sprintInvestment } from '../../../src/domain/sprint-investment';
import type { InvestedEpic } from '../../../src/domain/sprint-investment';
import { cadence, child, done, inProgress, todo } from './delivery-builders';

// 1–2 closed, 3 active, 4 future.
const sprints = cadence({ closed: 2, future: 1 });
const goalIds = ['g1', 'g2'];
const epic = (goals: string[], children: InvestedEpic['children'], epicId = `e-${goals.join('-')}`): InvestedEpic => ({ epicId, goalIds: goals, children });

/** sprint id → [goal or "none", committed issues, committed points, completed issues, completed points] */
function table(epics: InvestedEpic[]) {
  return Object.fromEntries(
    sprintInvestment({ sprints, epics, goalIds }).map((s) => [
      s.sprintId,
      s.slices.map((slice) => [slice.goalId ?? 'none', slice.committed.issues, slice.committed.points, slice.completed.issues, slice.completed.points]),
    ]),
  );
}

describe('sprintInvestment', () => {
  test.each([
    ['done work is committed and completed in its sprint', [epic(['g1'], [done(5, [1])])], { 1: [['g1', 1, 5, 1, 5]], 2: [], 3: [], 4: [] }],
    ['unfinished work is committed, not completed', [epic(['g1'], [inProgress(3, [3])])], { 1: [], 2: [], 3: [['g1', 1, 3, 0, 0]], 4: [] }],
    [
      'work in several sprints is committed in each, completed only in the last',
      [epic(['g2'], [done(8, [1, 2, 3])])],
      { 1: [['g2', 1, 8, 0, 0]], 2: [['g2', 1, 8, 0, 0]], 3: [['g2', 1, 8, 1, 8]], 4: [] },
    ],
    ['work of an epic serving no goal is its own slice, after the goals', [epic([], [todo(2, [4])]), epic(['g1'], [todo(1, [4])])], { 1: [], 2: [], 3: [], 4: [['g1', 1, 1, 0, 0], ['none', 1, 2, 0, 0]] }],
    ['an epic serving two goals gives each half', [epic(['g1', 'g2'], [done(5, [2])])], { 1: [], 2: [['g1', 0.5, 2.5, 0.5, 2.5], ['g2', 0.5, 2.5, 0.5, 2.5]], 3: [], 4: [] }],
    ['goals not in the list (archived) count as no goal', [epic(['archived'], [todo(3, [3])])], { 1: [], 2: [], 3: [['none', 1, 3, 0, 0]], 4: [] }],
    ['sprints of other boards and the backlog count nowhere', [epic(['g1'], [todo(3, [99]), todo(5)])], { 1: [], 2: [], 3: [], 4: [] }],
    [
      'a child met under two epics counts once, under the first',
      (() => {
        const shared = done(3, [1]);
        return [epic(['g1'], [shared], 'a'), epic(['g2'], [shared], 'b')];
      })(),
      { 1: [['g1', 1, 3, 1, 3]], 2: [], 3: [], 4: [] },
    ],
  ])('%s', (_, epics, expected) => {
    expect(table(epics)).toEqual(expected);
  });

  test('sprints come in timeline order with totals and unestimated counts', () => {
    const result = sprintInvestment({ sprints: [...sprints].reverse(), epics: [epic(['g1'], [todo(undefined, [3]), done(2, [3]), todo(1, [3])]), epic([], [done(4, [3])])], goalIds });
    expect(result.map((s) => [s.sprintId, s.state])).toEqual([[1, 'closed'], [2, 'closed'], [3, 'active'], [4, 'future']]);
    expect(result[2]).toMatchObject({ total: { committed: { issues: 4, points: 7 }, completed: { issues: 2, points: 6 } }, unestimated: 1 });
  });

  test('points like 0.1 add up without floating-point dust', () => {
    const [first] = sprintInvestment({ sprints: sprints.slice(0, 1), epics: [epic(['g1'], [child({ points: 0.1, sprintIds: [1] }), child({ points: 0.2, sprintIds: [1] })])], goalIds });
    expect(first!.total.committed.points).toBe(0.3);
  });
});
