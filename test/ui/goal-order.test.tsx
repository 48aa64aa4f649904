/** Moving goals as data: commands, drops, neighbours, and the page's state after each change. */
import type { GoalView, StrategyView } from '../../src/contract';
import { commandTarget, dropIndex, neighbours, reorder } from '../../static/product/src/goals/reorder';
import { applyChange, orderGoals } from '../../static/product/src/strategy-state';

describe('commandTarget', () => {
  test.each([
    ['up', 2, 5, 1],
    ['up', 0, 5, 0],
    ['down', 2, 5, 3],
    ['down', 4, 5, 4],
    ['top', 3, 5, 0],
    ['bottom', 1, 5, 4],
  ] as const)('%s from %d of %d goes to %d', (command, index, count, expected) => {
    expect(commandTarget(command, index, count)).toBe(expected);
  });
});

describe('dropIndex', () => {
  test.each([
    [0, 2, 'top', 1],
    [0, 2, 'bottom', 2],
    [3, 1, 'top', 1],
    [3, 1, 'bottom', 2],
    [2, 3, 'top', 2],
  ] as const)('from %d onto the %s of %d lands at %d… (start %d)', (startIndex, targetIndex, edge, expected) => {
    expect(dropIndex({ startIndex, targetIndex, edge })).toBe(expected);
  });
});

describe('reorder and neighbours', () => {
  test('moves one item and names the goals it now sits between', () => {
    const ids = reorder(['a', 'b', 'c', 'd'], 0, 2);
    expect(ids).toEqual(['b', 'c', 'a', 'd']);
    expect(neighbours(ids, 2)).toEqual({ afterId: 'c', beforeId: 'd' });
    expect(neighbours(ids, 0)).toEqual({ afterId: null, beforeId: 'c' });
    expect(neighbours(ids, 3)).toEqual({ afterId: 'a', beforeId: null });
  });
});

const goal = (id: string, rank: string, status: GoalView['status'] = 'on-track'): GoalView => ({
  id,
  title: id,
  description: '',
  status,
  timeFrame: { kind: 'none' },
  rank,
  version: 1,
  kpis: [],
  epics: [],
  updated: { at: '2026-01-01T00:00:00Z', by: { accountId: 'u', displayName: 'U' } },
});
const view = (goals: GoalView[]): StrategyView => ({
  project: { id: '1', key: 'THR' },
  vision: { board: { productName: '', vision: '', targetGroup: '', needs: '', product: '', businessGoals: '' }, version: 0 },
  goals,
  viewer: { canEdit: true, editRule: 'project-admins', licensed: true },
});

describe('the page’s strategy state', () => {
  test('orders goals by rank with archived goals last', () => {
    expect(orderGoals([goal('x', 'a', 'archived'), goal('b', 'm'), goal('a', 'c')]).map((g) => g.id)).toEqual(['a', 'b', 'x']);
  });

  test('an optimistic order holds until the saved goal comes back, then rank decides', () => {
    let state = view([goal('a', 'b'), goal('b', 'd'), goal('c', 'f'), goal('z', 'a', 'archived')]);
    state = applyChange(state, { type: 'goals-ordered', ids: ['b', 'c', 'a'] });
    expect(state.goals.map((g) => g.id)).toEqual(['b', 'c', 'a', 'z']);
    state = applyChange(state, { type: 'goal', goal: { ...goal('a', 'b'), version: 2 }, keepOrder: true });
    expect(state.goals.map((g) => g.id)).toEqual(['b', 'c', 'a', 'z']);
    state = applyChange(state, { type: 'goal', goal: { ...goal('a', 'g'), version: 3 } });
    expect(state.goals.map((g) => g.id)).toEqual(['b', 'c', 'a', 'z']);
    expect(state.goals.find((g) => g.id === 'a')!.version).toBe(3);
  });

  test('adds, replaces and removes KPIs on their goal', () => {
    const kpi = { id: 'k', goalId: 'a', name: 'K' } as GoalView['kpis'][number];
    let state = applyChange(view([goal('a', 'b')]), { type: 'kpi', kpi });
    expect(state.goals[0]!.kpis).toHaveLength(1);
    state = applyChange(state, { type: 'kpi', kpi: { ...kpi, name: 'K2' } });
    expect(state.goals[0]!.kpis.map((k) => k.name)).toEqual(['K2']);
    state = applyChange(state, { type: 'kpi-removed', goalId: 'a', id: 'k' });
    expect(state.goals[0]!.kpis).toEqual([]);
  });
});
