import { changeLinks, hasLinks, noLinks, readEpicLinks, servedGoalIds } from '../../../src/domain/epic-links';

const goalOfItem = (itemId: string) => ({ 'item-1': 'goal-a', 'item-2': 'goal-b' })[itemId];

describe('epic links', () => {
  test('an epic serves its direct goals and the goals of its items, each once', () => {
    expect(servedGoalIds({ directGoalIds: ['goal-a', 'goal-c'], roadmapItemIds: ['item-1', 'item-2', 'item-unknown'] }, goalOfItem)).toEqual(['goal-a', 'goal-b', 'goal-c']);
  });

  test.each([
    ['linking an item adds it and its goal', noLinks(), [{ kind: 'item', itemId: 'item-1', linked: true }], { roadmapItemIds: ['item-1'], goalIds: ['goal-a'], directGoalIds: [] }],
    ['linking a goal directly', noLinks(), [{ kind: 'goal', goalId: 'goal-c', linked: true }], { directGoalIds: ['goal-c'], goalIds: ['goal-c'] }],
    [
      'unlinking an item keeps a goal that is also linked directly',
      { directGoalIds: ['goal-a'], roadmapItemIds: ['item-1'], goalIds: ['goal-a'], version: 3 },
      [{ kind: 'item', itemId: 'item-1', linked: false }],
      { roadmapItemIds: [], goalIds: ['goal-a'], version: 4 },
    ],
    ['linking twice is linking once', { ...noLinks(), roadmapItemIds: ['item-1'] }, [{ kind: 'item', itemId: 'item-1', linked: true }], { roadmapItemIds: ['item-1'] }],
  ] as const)('%s', (_, links, changes, expected) => {
    expect(changeLinks(links as never, changes as never, goalOfItem)).toMatchObject(expected);
  });

  test.each([
    ['nothing', undefined],
    ['a string', 'goal-a'],
    ['ids of the wrong type', { roadmapItemIds: [1, null, ''], directGoalIds: 'goal-a', version: -2 }],
  ])('a property holding %s reads as no links', (_, value) => {
    expect(readEpicLinks(value)).toEqual(noLinks());
    expect(hasLinks(readEpicLinks(value))).toBe(false);
  });

  test('a property written by automation is read tolerantly: duplicates dropped, ids sorted', () => {
    expect(readEpicLinks({ roadmapItemIds: ['item-2', 'item-1', 'item-2'], directGoalIds: [], goalIds: ['goal-b'], version: 2, extra: true })).toEqual({
      roadmapItemIds: ['item-1', 'item-2'],
      directGoalIds: [],
      goalIds: ['goal-b'],
      version: 2,
    });
  });
});
