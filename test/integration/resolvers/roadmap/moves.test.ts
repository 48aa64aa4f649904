import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { seedGoal } from '../strategy/kit';
import { moveOf, roadmap, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

const move = moveOf;

describe('moving roadmap items', () => {
  test('a move to another goal lane and horizon writes the one item record, with its feed entry in the same transaction, and is there on reload', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox);
    sandbox.forge.kvs.resetStats();
    const moved = valueOf(
      await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, lane: goal.id, column: { kind: 'horizon', horizon: 'next' } }), baseVersion: 1 } }),
    );
    expect(moved).toMatchObject({ goalId: goal.id, horizon: 'next', version: 2 });
    // The item, the feed's "moved Now → Next" entry and the board's version (a roadmap being paged
    // must see the move): one transaction, three records.
    expect(sandbox.forge.kvs.stats).toMatchObject({ writes: 3, transactions: 1 });
    expect((await roadmap(sandbox, 'developer')).items[0]).toMatchObject({ id: item.id, goalId: goal.id, horizon: 'next' });
  });

  test('reordering within a cell puts the item between its new neighbours', async () => {
    const [a, b, c] = [await seedItem(sandbox, { title: 'A' }), await seedItem(sandbox, { title: 'B' }), await seedItem(sandbox, { title: 'C' })];
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: c.id, afterId: a.id, beforeId: b.id }), baseVersion: 1 } }));
    expect((await roadmap(sandbox)).items.map((item) => item.title)).toEqual(['A', 'C', 'B']);
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: b!.id, beforeId: a.id }), baseVersion: 1 } }));
    expect((await roadmap(sandbox)).items.map((item) => item.title)).toEqual(['B', 'A', 'C']);
  });

  test('a dated column shifts the item’s dates and keeps its length; unscheduled clears them', async () => {
    const item = await seedItem(sandbox, { startDate: '2027-01-10', endDate: '2027-01-31' });
    const inQ2 = valueOf(
      await sandbox.call('moveRoadmapItem', {
        as: 'productManager',
        payload: { move: move({ itemId: item.id, column: { kind: 'dates', startDate: '2027-04-01', endDate: '2027-06-30' } }), baseVersion: 1 },
      }),
    );
    expect(inQ2).toMatchObject({ startDate: '2027-04-01', endDate: '2027-04-22' });
    const undated = valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, column: { kind: 'unscheduled' } }), baseVersion: 2 } }));
    expect(undated.startDate).toBeUndefined();
    expect(undated.endDate).toBeUndefined();
  });

  test('a move from a stale version is a conflict with the item as it is now, and changes nothing', async () => {
    const item = await seedItem(sandbox);
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, column: { kind: 'horizon', horizon: 'later' } }), baseVersion: 1 } }));
    const stale = await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, column: { kind: 'horizon', horizon: 'next' } }), baseVersion: 1 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { horizon: 'later', version: 2 } } });
    expect((await roadmap(sandbox)).items[0]).toMatchObject({ horizon: 'later', version: 2 });
  });

  test('neighbours that are no longer in order mean the board changed: a conflict, not a guess', async () => {
    const [a, b, c] = [await seedItem(sandbox, { title: 'A' }), await seedItem(sandbox, { title: 'B' }), await seedItem(sandbox, { title: 'C' })];
    const answer = await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: a.id, afterId: c.id, beforeId: b.id }), baseVersion: 1 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', current: { id: a.id, version: 1 } } });
    const gone = await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: a.id, afterId: 'item-gone' }), baseVersion: 1 } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  test('a lane that does not exist, or an item placed next to itself, is invalid', async () => {
    const item = await seedItem(sandbox);
    expect(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, lane: 'goal-unknown' }), baseVersion: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'move.lane' },
    });
    expect(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: move({ itemId: item.id, afterId: item.id }), baseVersion: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'move.afterId' },
    });
  });
});

describe('custom lanes', () => {
  test('editors define lanes in order, rename and drop them; items of a dropped lane fall to “no lane”', async () => {
    const saved = valueOf(
      await sandbox.call('saveLaneSetup', { as: 'productManager', payload: { mode: 'custom', lanes: [{ id: null, name: 'Payments' }, { id: null, name: 'Growth' }], baseVersion: 0 } }),
    );
    expect(saved).toMatchObject({ laneMode: 'custom', lanes: [{ name: 'Payments' }, { name: 'Growth' }], setupVersion: 1 });
    const [payments, growth] = saved.lanes;
    const item = await seedItem(sandbox, { laneId: growth!.id });
    expect(item.laneId).toBe(growth!.id);

    const renamed = valueOf(
      await sandbox.call('saveLaneSetup', { as: 'productManager', payload: { mode: 'custom', lanes: [{ id: payments!.id, name: 'Checkout' }], baseVersion: 1 } }),
    );
    expect(renamed.lanes).toEqual([{ id: payments!.id, name: 'Checkout' }]);
    const view = await roadmap(sandbox);
    expect(view).toMatchObject({ laneMode: 'custom', setupVersion: 2 });
    expect(view.items[0]!.laneId).toBe(growth!.id); // kept, and shown in the no-lane lane by `laneOf`
  });

  test('a stale lane edit is a conflict carrying the current lanes; an unknown lane id is invalid', async () => {
    valueOf(await sandbox.call('saveLaneSetup', { as: 'productManager', payload: { mode: 'custom', lanes: [{ id: null, name: 'Payments' }], baseVersion: 0 } }));
    const stale = await sandbox.call('saveLaneSetup', { as: 'productManager', payload: { mode: 'custom', lanes: [{ id: null, name: 'Other' }], baseVersion: 0 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { lanes: [{ name: 'Payments' }], setupVersion: 1 } } });
    const unknown = await sandbox.call('saveLaneSetup', { as: 'productManager', payload: { mode: 'custom', lanes: [{ id: 'lane-nope', name: 'X' }], baseVersion: 1 } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid', field: 'lanes' } });
  });
});
