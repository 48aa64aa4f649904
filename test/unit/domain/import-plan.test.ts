import { planImport, transactionGroups } from '../../../src/domain/import-plan';

const write = (kind: string, key: string) => ({ kind, key, value: { key } });
const at = (kind: string, key: string) => ({ kind, key });

describe('planImport', () => {
  test.each([
    {
      name: 'an empty scope: everything in the file is added',
      file: [write('goal', 'g1'), write('kpi', 'k1')],
      stored: [],
      kinds: { goal: [1, 0, 1, 0], kpi: [1, 0, 1, 0] },
      removals: [],
    },
    {
      name: 'the same records: all replaced, none removed',
      file: [write('goal', 'g1')],
      stored: [at('goal', 'g1')],
      kinds: { goal: [1, 1, 0, 0], kpi: [0, 0, 0, 0] },
      removals: [],
    },
    {
      name: 'stored records the file lacks are removed',
      file: [write('goal', 'g1')],
      stored: [at('goal', 'g1'), at('goal', 'g2'), at('kpi', 'k9')],
      kinds: { goal: [1, 1, 0, 1], kpi: [0, 0, 0, 1] },
      removals: [at('goal', 'g2'), at('kpi', 'k9')],
    },
    {
      name: 'the same key in two kinds is two records',
      file: [write('kpi', 'x')],
      stored: [at('goal', 'x')],
      kinds: { goal: [0, 0, 0, 1], kpi: [1, 0, 1, 0] },
      removals: [at('goal', 'x')],
    },
  ])('$name', ({ file, stored, kinds, removals }) => {
    const plan = planImport({ kindOrder: ['goal', 'kpi'], file, stored });
    expect(Object.fromEntries(plan.kinds.map((k) => [k.kind, [k.inFile, k.replaced, k.added, k.removed]]))).toEqual(kinds);
    expect(plan.removals).toEqual(removals);
    expect(plan.writes).toEqual(file);
  });
});

describe('transactionGroups', () => {
  test.each([
    { name: 'nothing gives no groups', keys: [], size: 25, sizes: [] },
    { name: 'up to the limit is one group', keys: ['a', 'b', 'c'], size: 3, sizes: [3] },
    { name: 'past the limit starts another', keys: ['a', 'b', 'c', 'd'], size: 3, sizes: [3, 1] },
    { name: 'a key seen again starts another (each key once a transaction)', keys: ['a', 'b', 'a'], size: 25, sizes: [2, 1] },
  ])('$name', ({ keys, size, sizes }) => {
    expect(transactionGroups(keys.map((key) => at('goal', key)), size).map((group) => group.length)).toEqual(sizes);
  });
});
