import { remainingCount, rollupOf, unestimatedRemaining } from '../../../src/domain/epic-rollup';
import { child, done, inProgress, todo } from './delivery-builders';

describe('rollupOf', () => {
  test.each([
    {
      name: 'an empty epic: zeros, and no progress rather than 0 % or 100 %',
      children: [],
      counts: { total: 0, todo: 0, inProgress: 0, done: 0 },
      points: { todo: 0, inProgress: 0, done: 0, total: 0, remaining: 0 },
      unestimated: 0,
      progress: {},
    },
    {
      name: 'counts and points by status category',
      children: [todo(3), todo(5), inProgress(8), done(2), done(1)],
      counts: { total: 5, todo: 2, inProgress: 1, done: 2 },
      points: { todo: 8, inProgress: 8, done: 3, total: 19, remaining: 16 },
      unestimated: 0,
      progress: { byCount: 0.4, byPoints: 3 / 19 },
    },
    {
      name: 'unestimated children are counted, and add no points',
      children: [todo(), inProgress(), done(5), done()],
      counts: { total: 4, todo: 1, inProgress: 1, done: 2 },
      points: { todo: 0, inProgress: 0, done: 5, total: 5, remaining: 0 },
      unestimated: 3,
      progress: { byCount: 0.5, byPoints: 1 },
    },
    {
      name: 'everything unestimated: progress by count only',
      children: [todo(), done()],
      counts: { total: 2, todo: 1, inProgress: 0, done: 1 },
      points: { todo: 0, inProgress: 0, done: 0, total: 0, remaining: 0 },
      unestimated: 2,
      progress: { byCount: 0.5 },
    },
    {
      name: 'zero points is an estimate, not a missing one',
      children: [todo(0), done(0)],
      counts: { total: 2, todo: 1, inProgress: 0, done: 1 },
      points: { todo: 0, inProgress: 0, done: 0, total: 0, remaining: 0 },
      unestimated: 0,
      progress: { byCount: 0.5 },
    },
    {
      name: 'fractional points add up without floating-point dust',
      children: [todo(0.1), todo(0.2), done(0.5)],
      counts: { total: 3, todo: 2, inProgress: 0, done: 1 },
      points: { todo: 0.3, inProgress: 0, done: 0.5, total: 0.8, remaining: 0.3 },
      unestimated: 0,
      progress: { byCount: 1 / 3, byPoints: 0.625 },
    },
  ])('$name', ({ children, counts, points, unestimated, progress }) => {
    const rollup = rollupOf(children);
    expect(rollup.counts).toEqual(counts);
    expect(rollup.points).toEqual(points);
    expect(rollup.unestimated.total).toBe(unestimated);
    expect(rollup.progress).toEqual(progress);
  });

  test('keeps unestimated counts by category, so remaining unestimated work is visible', () => {
    const rollup = rollupOf([todo(), inProgress(), inProgress(3), done()]);
    expect(rollup.unestimated).toEqual({ total: 3, todo: 1, inProgress: 1, done: 1 });
    expect(remainingCount(rollup)).toBe(3);
    expect(unestimatedRemaining(rollup)).toBe(2);
  });

  test('does not look at sprints', () => {
    expect(rollupOf([child({ sprintIds: [1, 2], points: 3 })])).toEqual(rollupOf([child({ points: 3 })]));
  });
});
