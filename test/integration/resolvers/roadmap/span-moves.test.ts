import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { moveOf, roadmap, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
});

describe('a timeline edit: a move with exact dates (kind span)', () => {
  test('stores both dates as sent, keeps the item’s rank, and is there on reload', async () => {
    const [a, b] = [await seedItem(sandbox, { title: 'A', startDate: '2027-01-10', endDate: '2027-01-31' }), await seedItem(sandbox, { title: 'B' })];
    const moved = valueOf(
      await sandbox.call('moveRoadmapItem', {
        as: 'productManager',
        payload: { move: moveOf({ itemId: a.id, column: { kind: 'span', startDate: '2027-02-03', endDate: '2027-03-15' } }), baseVersion: 1 },
      }),
    );
    expect(moved).toMatchObject({ startDate: '2027-02-03', endDate: '2027-03-15', rank: a.rank, version: 2 });
    const reloaded = await roadmap(sandbox, 'developer');
    expect(reloaded.items.map((item) => item.id)).toEqual([a.id, b.id]);
    expect(reloaded.items[0]).toMatchObject({ startDate: '2027-02-03', endDate: '2027-03-15' });
  });

  test.each([
    ['an end before the start', { kind: 'span', startDate: '2027-03-01', endDate: '2027-02-01' }],
    ['a year out of bounds', { kind: 'span', startDate: '2027-03-01', endDate: '3027-02-01' }],
    ['a missing end', { kind: 'span', startDate: '2027-03-01' }],
  ])('%s is a typed error that changes nothing', async (_, column) => {
    const item = await seedItem(sandbox, { startDate: '2027-01-10', endDate: '2027-01-31' });
    const answer = await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: { ...moveOf({ itemId: item.id }), column } as never, baseVersion: 1 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((await roadmap(sandbox)).items[0]).toMatchObject({ startDate: '2027-01-10', endDate: '2027-01-31', version: 1 });
  });

  test('a reader cannot change dates', async () => {
    const item = await seedItem(sandbox, { startDate: '2027-01-10', endDate: '2027-01-31' });
    const answer = await sandbox.call('moveRoadmapItem', {
      as: 'developer',
      payload: { move: moveOf({ itemId: item.id, column: { kind: 'span', startDate: '2027-02-03', endDate: '2027-03-15' } }), baseVersion: 1 },
    });
    expect(answer.ok).toBe(false);
    expect((await roadmap(sandbox)).items[0]).toMatchObject({ startDate: '2027-01-10', version: 1 });
  });
});
