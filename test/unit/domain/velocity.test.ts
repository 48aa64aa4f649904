import { velocityOf } from '../../../src/domain/velocity';
import { cadence, done, inProgress, todo } from './delivery-builders';
import { sayCoded } from '../../../src/i18n/server-texts';

// Sprints 1–4 closed, 5 active, 6–7 future.
const sprints = cadence({ closed: 4, future: 2 });

describe('velocityOf', () => {
  test('sums the points of issues done whose last sprint is each closed sprint', () => {
    const velocity = velocityOf({
      sprints,
      children: [done(3, [1]), done(5, [2]), done(8, [3]), done(2, [3]), done(13, [4])],
    });
    expect(velocity.ok).toBe(true);
    expect(velocity.sprints.map((s) => [s.sprintId, s.points])).toEqual([[1, 3], [2, 5], [3, 10], [4, 13]]);
    expect(velocity).toMatchObject({ mean: 7.75, median: 7.5 });
  });

  test.each([
    { name: 'a carried-over issue counts once, in the sprint it finished in', child: done(5, [2, 3]), sprint: 3 },
    { name: 'a sprint list out of order still credits the latest sprint', child: done(5, [3, 2]), sprint: 3 },
  ])('$name', ({ child, sprint }) => {
    const velocity = velocityOf({ sprints, children: [child, done(1, [1]), done(1, [2]), done(1, [4])] });
    const credited = velocity.sprints.filter((s) => s.points >= 5).map((s) => s.sprintId);
    expect(credited).toEqual([sprint]);
  });

  test.each([
    { name: 'done in the active sprint (not a finished sprint yet)', child: done(8, [4, 5]) },
    { name: 'not done', child: inProgress(8, [4]) },
    { name: 'to do, left in a closed sprint', child: todo(8, [4]) },
    { name: 'done outside any sprint', child: done(8, []) },
    { name: 'finished in another team’s sprint (not on this timeline)', child: done(8, [4, 99]) },
  ])('leaves out an issue $name', ({ child }) => {
    const base = [done(1, [1]), done(1, [2]), done(1, [3]), done(1, [4])];
    expect(velocityOf({ sprints, children: [...base, child] })).toMatchObject({ ok: true, mean: 1 });
  });

  test('counts unestimated completed issues as issues without points', () => {
    const velocity = velocityOf({ sprints, children: [done(3, [1]), done(undefined, [1]), done(2, [2]), done(2, [3]), done(2, [4])] });
    expect(velocity.sprints[0]).toMatchObject({ sprintId: 1, points: 3, issues: 2, unestimated: 1 });
  });

  test('measures the latest closed sprints only (the window), by when they closed', () => {
    const eight = cadence({ closed: 8, future: 1 });
    const children = Array.from({ length: 8 }, (_, i) => done(i + 1, [i + 1]));
    const velocity = velocityOf({ sprints: eight, children, window: 5 });
    expect(velocity.sprints.map((s) => s.sprintId)).toEqual([4, 5, 6, 7, 8]);
    expect(velocity).toMatchObject({ ok: true, mean: 6, median: 6 });
  });

  test('a sprint with nothing completed counts as zero, not as missing', () => {
    const velocity = velocityOf({ sprints, children: [done(6, [1]), done(6, [3]), done(6, [4])] });
    expect(velocity.sprints.map((s) => s.points)).toEqual([6, 0, 6, 6]);
    expect(velocity).toMatchObject({ mean: 4.5, median: 6 });
  });

  test.each([
    { name: 'no sprint has closed yet', sprints: cadence({ closed: 0, future: 2 }), reason: 'no-closed-sprints', message: /No sprint has been completed/ },
    { name: 'too few sprints have closed', sprints: cadence({ closed: 2, future: 2 }), reason: 'too-few-closed-sprints', message: /Only 2 sprints have been completed; a velocity needs at least 3/ },
    { name: 'nothing estimated was completed', sprints, reason: 'nothing-completed', message: /No estimated work was completed in the last 4 sprints/ },
  ])('gives no velocity, with a reason, when $name', ({ sprints: timeline, reason, message }) => {
    const velocity = velocityOf({ sprints: timeline, children: [done(undefined, [1]), todo(5, [2])] });
    expect(velocity).toMatchObject({ ok: false, reason });
    // The message is coded for the reader's language; said outside a call, in English.
    expect(!velocity.ok && sayCoded(velocity.message)).toMatch(message);
  });

  test('the minimum number of sprints can be lowered', () => {
    const velocity = velocityOf({ sprints: cadence({ closed: 2 }), children: [done(4, [1]), done(6, [2])], minimumSprints: 2 });
    expect(velocity).toMatchObject({ ok: true, mean: 5 });
  });
});
