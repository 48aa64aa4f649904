import { orderGoals, rankForMove } from '../../../src/domain/goal-order';
import type { GoalStatus } from '../../../src/domain/strategy';

const goal = (id: string, rank: string, status: GoalStatus = 'on-track') => ({ id, rank, status });

describe('orderGoals', () => {
  test.each([
    ['by rank', [goal('b', 'm'), goal('a', 'c'), goal('c', 'x')], ['a', 'b', 'c']],
    ['archived last, each group by rank', [goal('old', 'a', 'archived'), goal('b', 'm'), goal('older', '0i', 'archived'), goal('a', 'c', 'done')], ['a', 'b', 'older', 'old']],
    ['by code units, as storage sorts: digits before letters', [goal('letter', 'a'), goal('digit', '9')], ['digit', 'letter']],
    ['equal ranks by id, so the order is stable', [goal('y', 'm'), goal('x', 'm')], ['x', 'y']],
  ])('%s', (_, goals, ids) => {
    expect(orderGoals(goals).map((g) => g.id)).toEqual(ids);
  });

  test('leaves the input alone', () => {
    const goals = [goal('b', 'm'), goal('a', 'c')];
    orderGoals(goals);
    expect(goals.map((g) => g.id)).toEqual(['b', 'a']);
  });
});

describe('rankForMove', () => {
  test.each([
    ['between two', { rank: 'c' }, { rank: 'm' }],
    ['to the top', undefined, { rank: 'c' }],
    ['to the end', { rank: 'm' }, undefined],
    ['into an empty list', undefined, undefined],
  ])('%s', (_, after, before) => {
    const rank = rankForMove('goal-1', after, before);
    expect(rank).toBeDefined();
    if (after) expect((rank as string) > after.rank).toBe(true);
    if (before) expect((rank as string) < before.rank).toBe(true);
  });

  test('neighbours no longer in that order: no rank (the mover saw an old order)', () => {
    expect(rankForMove('goal-1', { rank: 'm' }, { rank: 'c' })).toBeUndefined();
    expect(rankForMove('goal-1', { rank: 'm' }, { rank: 'm' })).toBeUndefined();
  });

  test('two goals moved into the same gap at once get different ranks, both inside the gap', () => {
    const first = rankForMove('goal-a', { rank: 'c' }, { rank: 'd' }) as string;
    const second = rankForMove('goal-b', { rank: 'c' }, { rank: 'd' }) as string;
    expect(first).not.toBe(second);
    for (const rank of [first, second]) expect(rank > 'c' && rank < 'd').toBe(true);
  });
});
