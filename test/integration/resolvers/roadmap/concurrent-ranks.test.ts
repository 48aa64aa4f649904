/**
 * Two editors placing different records into one gap at the same moment: each reads the same
 * neighbours, so without a per-record salt both would get one rank and no later move could go
 * between them. Storage latency is armed so the calls really interleave.
 */
import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { seedGoal } from '../strategy/kit';
import { moveOf, roadmap, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.kvs.setFaults({});
});
afterAll(() => sandbox.forge.kvs.setFaults({}));

const move = moveOf;

describe('ranks under concurrent edits', () => {
  test('items moved into one gap at once all land there with different ranks, and a later move fits between any two', async () => {
    const [a, b] = [await seedItem(sandbox, { title: 'A' }), await seedItem(sandbox, { title: 'B' })];
    const movers = [];
    for (let i = 0; i < 6; i += 1) movers.push(await seedItem(sandbox, { title: `M${i}`, horizon: 'later' }));
    sandbox.forge.kvs.setFaults({ latencyMs: 5 });

    const replies = await Promise.all(
      movers.map((item) => sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, afterId: a.id, beforeId: b.id }), baseVersion: 1 } })),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    sandbox.forge.kvs.setFaults({});

    const items = (await roadmap(sandbox)).items;
    const ranks = items.map((item) => item.rank);
    expect(new Set(ranks).size).toBe(items.length);
    expect(items.map((item) => item.title)[0]).toBe('A');
    expect(items.map((item) => item.title).at(-1)).toBe('B');

    // Any two neighbours can take a record between them.
    const [first, second, third] = items;
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: third!.id, afterId: first!.id, beforeId: second!.id }), baseVersion: third!.version } }));
    expect((await roadmap(sandbox)).items.map((item) => item.id).slice(0, 3)).toEqual([first!.id, third!.id, second!.id]);
  });

  test('goals created at once never share a rank', async () => {
    sandbox.forge.kvs.setFaults({ latencyMs: 5 });
    const replies = await Promise.all(['One', 'Two', 'Three', 'Four'].map((title) => seedGoal(sandbox, { title }).then((goal) => goal, () => undefined)));
    sandbox.forge.kvs.setFaults({});
    const created = replies.filter((goal) => goal !== undefined);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((goal) => goal!.rank)).size).toBe(created.length);
  });
});
