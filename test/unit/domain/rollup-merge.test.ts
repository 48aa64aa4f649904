import { distinctChildren, rollupOfEpics } from '../../../src/domain/rollup-merge';
import { done, todo } from './delivery-builders';

describe('rollupOfEpics', () => {
  const a1 = todo(3);
  const a2 = done(5);
  const b1 = todo(8);

  test('sums the children of several epics', () => {
    const rollup = rollupOfEpics([
      { epicId: 'A', children: [a1, a2] },
      { epicId: 'B', children: [b1] },
    ]);
    expect(rollup.counts).toEqual({ total: 3, todo: 2, inProgress: 0, done: 1 });
    expect(rollup.points).toMatchObject({ total: 16, remaining: 11, done: 5 });
    expect(rollup).toMatchObject({ epics: 2, duplicates: 0 });
  });

  test.each([
    { name: 'the same epic linked twice', epics: [{ epicId: 'A', children: [a1, a2] }, { epicId: 'A', children: [a1, a2] }], total: 2, duplicates: 0, epicCount: 1 },
    { name: 'a child caught in two epics while it moves', epics: [{ epicId: 'A', children: [a1, a2] }, { epicId: 'B', children: [a1, b1] }], total: 3, duplicates: 1, epicCount: 2 },
  ])('counts a child once: $name', ({ epics, total, duplicates, epicCount }) => {
    const rollup = rollupOfEpics(epics);
    expect(rollup.counts.total).toBe(total);
    expect(rollup.duplicates).toBe(duplicates);
    expect(rollup.epics).toBe(epicCount);
  });

  test('of no epics is empty, with no progress', () => {
    expect(rollupOfEpics([])).toMatchObject({ counts: { total: 0 }, epics: 0, progress: {} });
  });

  test('distinctChildren lists each child once', () => {
    expect(distinctChildren([{ epicId: 'A', children: [a1, a2] }, { epicId: 'B', children: [a1, b1] }]).map((c) => c.id)).toEqual([a1.id, a2.id, b1.id]);
  });
});
