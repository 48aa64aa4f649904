import { workBySprint } from '../../../src/domain/work-sprints';
import { cadence, done, inProgress, todo } from './delivery-builders';

// 1–2 closed, 3 active, 4–5 future.
const sprints = cadence({ closed: 2, future: 2 });

describe('workBySprint', () => {
  test('puts each child in its latest sprint: past, active and future', () => {
    const work = workBySprint([done(3, [1]), done(5, [2]), inProgress(8, [3]), todo(2, [4]), todo(undefined, [5])], sprints);
    expect(work.past.map((w) => [w.sprintId, w.issues, w.points, w.done])).toEqual([[1, 1, 3, 1], [2, 1, 5, 1]]);
    expect(work.active.map((w) => [w.sprintId, w.issues, w.points])).toEqual([[3, 1, 8]]);
    expect(work.future.map((w) => [w.sprintId, w.issues, w.points])).toEqual([[4, 1, 2], [5, 1, 0]]);
  });

  test('counts carried-over work in the sprints it passed through', () => {
    const work = workBySprint([inProgress(5, [1, 2, 3])], sprints);
    expect(work.past.map((w) => [w.sprintId, w.issues, w.carriedOver])).toEqual([[1, 0, 1], [2, 0, 1]]);
    expect(work.active[0]).toMatchObject({ sprintId: 3, issues: 1, carriedOver: 0 });
  });

  test('keeps unfinished work in no sprint as the backlog, and forgets done work outside sprints', () => {
    const work = workBySprint([todo(3), inProgress(2, [99]), done(8)], sprints);
    expect(work.unscheduled).toEqual({ issues: 2, points: 5 });
    expect([...work.past, ...work.active, ...work.future]).toEqual([]);
  });

  test('lists only sprints that carry something', () => {
    expect(workBySprint([todo(1, [4])], sprints).future.map((w) => w.sprintId)).toEqual([4]);
  });
});
