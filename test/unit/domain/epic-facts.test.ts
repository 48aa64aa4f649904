import type { ChildFact } from '../../../src/domain/delivery';
import type { ObservedChild } from '../../../src/domain/epic-facts';
import { applyFactsChange } from '../../../src/domain/epic-facts';

const fact = (id: string, overrides: Partial<ChildFact> = {}): ChildFact => ({ id, category: 'todo', sprintIds: [], ...overrides });
const seen = (id: string, parentId: string | undefined, overrides: Partial<ChildFact> = {}): ObservedChild => ({
  ...fact(id, overrides),
  ...(parentId ? { parentId } : {}),
});

/** Epic A holds c1, c2; epic B holds c3. */
const cache = (): Map<string, readonly ChildFact[]> =>
  new Map([
    ['A', [fact('c1', { points: 3 }), fact('c2')]],
    ['B', [fact('c3', { category: 'in-progress', sprintIds: [5] })]],
  ]);

const ids = (facts: Map<string, readonly ChildFact[]>) => Object.fromEntries([...facts].map(([epic, children]) => [epic, children.map((c) => c.id)]));

describe('applyFactsChange', () => {
  test.each([
    {
      name: 'a child whose status changed is updated in place',
      change: { observed: [seen('c1', 'A', { category: 'done', points: 3 })] },
      layout: { A: ['c1', 'c2'], B: ['c3'] },
      changed: ['A'],
    },
    {
      name: 'a new child of a tracked epic is added',
      change: { observed: [seen('c9', 'B', { points: 2 })] },
      layout: { A: ['c1', 'c2'], B: ['c3', 'c9'] },
      changed: ['B'],
    },
    {
      name: 'a child moved to another tracked epic leaves the old one',
      change: { observed: [seen('c2', 'B')] },
      layout: { A: ['c1'], B: ['c3', 'c2'] },
      changed: ['A', 'B'],
    },
    {
      name: 'a child moved to an untracked epic leaves',
      change: { observed: [seen('c2', 'Z')] },
      layout: { A: ['c1'], B: ['c3'] },
      changed: ['A'],
    },
    {
      name: 'a child that lost its parent leaves',
      change: { observed: [seen('c3', undefined, { category: 'in-progress', sprintIds: [5] })] },
      layout: { A: ['c1', 'c2'], B: [] },
      changed: ['B'],
    },
    {
      name: 'a deleted child leaves',
      change: { removedIds: ['c1'] },
      layout: { A: ['c2'], B: ['c3'] },
      changed: ['A'],
    },
    {
      name: 'an issue seen again unchanged writes nothing',
      change: { observed: [seen('c1', 'A', { points: 3 })], removedIds: ['not-cached'] },
      layout: { A: ['c1', 'c2'], B: ['c3'] },
      changed: [],
    },
    {
      name: 'an issue of no tracked epic is ignored',
      change: { observed: [seen('x1', 'Z')] },
      layout: { A: ['c1', 'c2'], B: ['c3'] },
      changed: [],
    },
    {
      name: 'a crawled epic gets exactly its children, and they leave other epics',
      change: { replaced: new Map([['C', [fact('c2'), fact('c7')]]]) },
      layout: { A: ['c1'], B: ['c3'], C: ['c2', 'c7'] },
      changed: ['C', 'A'],
    },
    {
      name: 'a crawled epic equal to its cache writes nothing',
      change: { replaced: new Map([['B', [fact('c3', { category: 'in-progress', sprintIds: [5] })]]]) },
      layout: { A: ['c1', 'c2'], B: ['c3'] },
      changed: [],
    },
  ])('$name', ({ change, layout, changed }) => {
    const result = applyFactsChange(cache(), change);
    expect(ids(result.facts)).toEqual(layout);
    expect([...result.changed].sort()).toEqual([...changed].sort());
  });

  test('keeps the new facts of an updated child', () => {
    const { facts } = applyFactsChange(cache(), { observed: [seen('c2', 'A', { category: 'done', points: 5, sprintIds: [4, 5] })] });
    expect(facts.get('A')?.[1]).toEqual({ id: 'c2', category: 'done', points: 5, sprintIds: [4, 5] });
  });

  test('a child losing its estimate becomes unestimated again', () => {
    const { facts, changed } = applyFactsChange(cache(), { observed: [seen('c1', 'A')] });
    expect(facts.get('A')?.[0]).toEqual({ id: 'c1', category: 'todo', sprintIds: [] });
    expect([...changed]).toEqual(['A']);
  });

  test('leaves the facts it was given alone', () => {
    const before = cache();
    applyFactsChange(before, { observed: [seen('c2', 'B')], removedIds: ['c1'] });
    expect(ids(before)).toEqual({ A: ['c1', 'c2'], B: ['c3'] });
  });
});
