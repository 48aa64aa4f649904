import { alignmentOf, goalLinksOf, sortUnaligned } from '../../../src/domain/alignment';
import type { AlignmentEpicInput } from '../../../src/domain/alignment';

const epic = (id: string, overrides: Partial<AlignmentEpicInput> = {}): AlignmentEpicInput => ({ id, category: 'todo', directGoalIds: [], roadmapItemIds: [], ...overrides });
const goals = [
  { id: 'g1', status: 'on-track' },
  { id: 'g2', status: 'at-risk' },
  { id: 'g3', status: 'on-track' },
  { id: 'old', status: 'archived' },
];
const items: Record<string, string> = { i1: 'g1', i2: 'g2', iOld: 'old' };
const goalOfItem = (itemId: string) => items[itemId];
const order = new Map([['g1', 0], ['g2', 1], ['g3', 2]]);

describe('goalLinksOf', () => {
  test.each([
    ['no links serve nothing', epic('e'), []],
    ['a direct link', epic('e', { directGoalIds: ['g2'] }), [{ goalId: 'g2', via: 'direct' }]],
    ['through a roadmap item of the goal', epic('e', { roadmapItemIds: ['i1'] }), [{ goalId: 'g1', via: 'item' }]],
    ['both ways at once', epic('e', { directGoalIds: ['g1'], roadmapItemIds: ['i1'] }), [{ goalId: 'g1', via: 'both' }]],
    ['in the goals’ order, not the links’', epic('e', { directGoalIds: ['g3'], roadmapItemIds: ['i1'] }), [{ goalId: 'g1', via: 'item' }, { goalId: 'g3', via: 'direct' }]],
    ['an item without a goal, or of an unknown goal, serves none', epic('e', { roadmapItemIds: ['gone', 'iOld'], directGoalIds: ['deleted'] }), []],
  ])('%s', (_, input, expected) => {
    expect(goalLinksOf(input, goalOfItem, order)).toEqual(expected);
  });
});

describe('alignmentOf', () => {
  const alignment = alignmentOf({
    epics: [
      epic('aligned', { directGoalIds: ['g1'] }),
      epic('via-item', { roadmapItemIds: ['i2'], category: 'in-progress' }),
      epic('open-unaligned', { category: 'in-progress' }),
      epic('done-unaligned', { category: 'done' }),
      epic('archived-only', { roadmapItemIds: ['iOld'] }),
    ],
    goals,
    goalOfItem,
  });

  test.each([
    ['an open epic serving no goal is unaligned; a done one is not', ['open-unaligned', 'archived-only']],
  ])('%s', (_, expected) => {
    expect(alignment.unalignedEpicIds).toEqual(expected);
  });

  test('goals no epic serves are listed, archived goals never', () => {
    expect(alignment.goalsWithoutWork).toEqual(['g3']);
  });

  test('the matrix has a row per epic with the goals it serves', () => {
    expect(Object.fromEntries(alignment.links)).toEqual({
      aligned: [{ goalId: 'g1', via: 'direct' }],
      'via-item': [{ goalId: 'g2', via: 'item' }],
      'open-unaligned': [],
      'done-unaligned': [],
      'archived-only': [],
    });
  });

  test('a done epic still counts as work for its goal', () => {
    expect(alignmentOf({ epics: [epic('e', { category: 'done', directGoalIds: ['g1'] })], goals: goals.slice(0, 1), goalOfItem }).goalsWithoutWork).toEqual([]);
  });
});

describe('sortUnaligned', () => {
  const epics = [
    { key: 'THR-2', size: { points: 5, issues: 3 }, updated: '2026-03-01T10:00:00.000Z' },
    { key: 'THR-10', size: { points: 13, issues: 2 }, updated: '2026-01-01T10:00:00.000Z' },
    { key: 'THR-3', size: { points: 5, issues: 8 } },
    { key: 'THR-1', updated: '2026-04-01T10:00:00.000Z' },
  ];
  test.each([
    ['size: most points first, then most children, loading epics last', 'size' as const, ['THR-10', 'THR-3', 'THR-2', 'THR-1']],
    ['activity: most recently updated first, undated last', 'activity' as const, ['THR-1', 'THR-2', 'THR-10', 'THR-3']],
  ])('%s', (_, order, expected) => {
    expect(sortUnaligned(epics, order).map((e) => e.key)).toEqual(expected);
  });

  test('ties keep the key order, numbers read as numbers', () => {
    expect(sortUnaligned([{ key: 'THR-10' }, { key: 'THR-9' }], 'size').map((e) => e.key)).toEqual(['THR-9', 'THR-10']);
  });
});
