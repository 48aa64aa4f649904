import { kvsRollupStore, maxChildrenBytes } from '../../../src/adapters/storage/epic-rollups';
import type { CachedEpic } from '../../../src/adapters/storage/epic-rollups';
import type { ChildFact } from '../../../src/domain/delivery';
import { rollupKit } from './kit';

const kit = rollupKit();
const { forge } = kit;
const inInvocation = <T>(fn: () => Promise<T>) => forge.run(fn);

beforeEach(() => forge.kvs.clear());

const epic = (epicId: string, children: ChildFact[], version = 0): CachedEpic => ({ epicId, projectId: '10000', syncedAt: kit.now(), version, children });

describe('the roll-up store', () => {
  test('keeps children as compact tuples and gives the same facts back', async () => {
    const children: ChildFact[] = [
      { id: '1', category: 'todo', sprintIds: [] },
      { id: '2', category: 'in-progress', points: 0, sprintIds: [3] },
      { id: '3', category: 'done', points: 2.5, sprintIds: [1, 2] },
    ];
    await inInvocation(() => kvsRollupStore().writeEpics({ put: [epic('E1', children)] }));
    const stored = forge.kvs.snapshot();
    expect(JSON.stringify(stored)).toContain('["3",2,[1,2],2.5]');
    const read = await inInvocation(() => kvsRollupStore().readEpics(['E1']));
    expect(read.get('E1')).toMatchObject({ epicId: 'E1', projectId: '10000', version: 1, children });
  });

  test('lists a project’s records through its index, past one page', async () => {
    const many = Array.from({ length: 130 }, (_, i) => epic(`E${i}`, []));
    await inInvocation(() => kvsRollupStore().writeEpics({ put: many }));
    const project = await inInvocation(() => kvsRollupStore().readProject('10000'));
    expect(project.epics.size).toBe(130);
    expect(project.sync).toBeUndefined();
  });

  test('writes an update only over the version it read, and the others in its batch still land', async () => {
    const store = kvsRollupStore();
    await inInvocation(() => store.writeEpics({ put: [epic('A', []), epic('B', [])] }));
    const [a, b] = await inInvocation(async () => {
      const read = await store.readEpics(['A', 'B']);
      return [read.get('A') as CachedEpic, read.get('B') as CachedEpic];
    });
    // Someone else changes A first.
    await inInvocation(() => store.writeEpics({ update: [{ ...a, children: [{ id: 'x', category: 'done', sprintIds: [] }] }] }));
    const result = await inInvocation(() =>
      store.writeEpics({ update: [{ ...a, children: [] }, { ...b, children: [{ id: 'y', category: 'todo', sprintIds: [] }] }] }),
    );
    expect(result.conflicts).toEqual(['A']);
    const now = await inInvocation(() => store.readEpics(['A', 'B']));
    expect(now.get('A')?.children.map((c) => c.id)).toEqual(['x']);
    expect(now.get('B')?.children.map((c) => c.id)).toEqual(['y']);
  });

  test('stores an epic too big for one record without its facts', async () => {
    const huge = Array.from({ length: 12_000 }, (_, i): ChildFact => ({ id: String(100000 + i), category: 'done', points: 3, sprintIds: [101, 102, 103] }));
    expect(JSON.stringify(huge.map((c) => [c.id, 2, c.sprintIds, 3])).length).toBeGreaterThan(maxChildrenBytes);
    await inInvocation(() => kvsRollupStore().writeEpics({ put: [epic('BIG', huge)] }));
    const read = await inInvocation(() => kvsRollupStore().readEpics(['BIG']));
    expect(read.get('BIG')).toMatchObject({ overflow: true, children: [] });
  });

  test('an overflowing epic is crawled afresh on every load', async () => {
    await kit.load('THR');
    const target = kit.epicsOf('THR')[0]!;
    await inInvocation(async () => {
      const store = kvsRollupStore();
      const read = (await store.readEpics([target.id])).get(target.id) as CachedEpic;
      await store.writeEpics({ put: [{ ...read, overflow: true }] });
    });
    kit.tick(5);
    const loaded = await kit.load('THR');
    expect(loaded.sync).toMatchObject({ mode: 'warm', crawledEpics: 1 });
    expect(loaded.epics.find((e) => e.epicId === target.id)?.rollup.counts.total).toBe(kit.childrenOf(target.id).length);
  });
});
