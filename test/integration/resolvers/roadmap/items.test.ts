import { createSandbox } from '../../harness';
import { goalInput, valueOf } from '../strategy/builders';
import { inProject, seedGoal, storedKeys } from '../strategy/kit';
import { itemInput, roadmap, searchIndexLags, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
  searchIndexLags(sandbox);
});

describe('roadmap items', () => {
  test('a project administrator adds items; everyone who browses sees them in order, read-only unless they may edit', async () => {
    const first = await seedItem(sandbox, { title: 'One-tap payment' });
    const second = await seedItem(sandbox, { title: 'Saved addresses', horizon: 'next' });
    expect(first).toMatchObject({ title: 'One-tap payment', horizon: 'now', status: 'planned', version: 1, epicIds: [], updated: { by: { displayName: 'Maya Okafor' } } });
    expect(first.rank < second.rank).toBe(true);

    const asDeveloper = await roadmap(sandbox, 'developer');
    expect(asDeveloper.items.map((item) => item.title)).toEqual(['One-tap payment', 'Saved addresses']);
    expect(asDeveloper.viewer.canEdit).toBe(false);
    expect((await roadmap(sandbox)).viewer.canEdit).toBe(true);
    expect(asDeveloper).toMatchObject({ laneMode: 'goals', lanes: [], setupVersion: 0, pending: [] });
    expect(asDeveloper.epics.length).toBeGreaterThan(0);
    expect(asDeveloper.sprints.length).toBeGreaterThan(0);
  });

  test('an edit replaces the content and bumps the version; a stale edit is a conflict carrying the current item', async () => {
    const item = await seedItem(sandbox);
    const edited = valueOf(
      await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ title: 'Pay in one tap', startDate: '2027-01-04', endDate: '2027-02-26' }), baseVersion: 1 } }),
    );
    expect(edited).toMatchObject({ title: 'Pay in one tap', startDate: '2027-01-04', endDate: '2027-02-26', version: 2, rank: item.rank });

    const stale = await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ title: 'Lost' }), baseVersion: 1 } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { title: 'Pay in one tap', version: 2 } } });
    expect((await roadmap(sandbox)).items[0]).toMatchObject({ title: 'Pay in one tap', version: 2 });
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const cases = [
      [itemInput({ title: '  ' }), 'item.title'],
      [itemInput({ startDate: '2027-03-01', endDate: '2027-02-01' }), 'item.endDate'],
      [itemInput({ startDate: '2027-02-30' }), 'item.startDate'],
      [itemInput({ horizon: 'someday' as never }), 'item.horizon'],
      [itemInput({ goalId: 'goal-that-does-not-exist' }), 'item.goalId'],
      [itemInput({ laneId: 'lane-that-does-not-exist' }), 'item.laneId'],
    ] as const;
    for (const [item, field] of cases) {
      const answer = await sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    }
    expect(storedKeys(sandbox, 'roadmap-item')).toEqual([]);
  });

  test('another project’s goal and another project’s item are refused as if they did not exist', async () => {
    const mobileGoal = await seedGoal(sandbox, goalInput({ title: 'Mobile goal' }), { in: inProject('MOB') });
    const answer = await sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item: itemInput({ goalId: mobileGoal.id }) } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field: 'item.goalId' } });

    const mobileItem = valueOf(await sandbox.call('createRoadmapItem', { as: 'productManager', in: inProject('MOB'), payload: { item: itemInput() } }));
    const edit = await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: mobileItem.id, item: itemInput({ title: 'Hijacked' }), baseVersion: 1 } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const removal = await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: mobileItem.id, baseVersion: 1 } });
    expect(removal).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await roadmap(sandbox)).items).toEqual([]);
    expect(valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: inProject('MOB'), payload: {} })).items.map((i) => i.title)).toEqual(['One-tap payment']);
  });

  test('deleting an item removes its record and counts it out; a stale delete is a conflict', async () => {
    const item = await seedItem(sandbox);
    await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ title: 'Changed' }), baseVersion: 1 } });
    expect(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: item.id, baseVersion: 1 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: item.id, baseVersion: 2 } })).toEqual({ ok: true, value: { id: item.id, unlinkedEpics: 0, pendingEpicIds: [] } });
    expect(storedKeys(sandbox, 'roadmap-item')).toEqual([]);
    expect(sandbox.forge.kvs.snapshot().entities['roadmap-setup']).toMatchObject({ [sandbox.project('THR').id]: { value: { itemCount: 0 } } });
  });
});

describe('what opening the roadmap costs', () => {
  test('a warm load asks Jira three things: the permission check, the viewer’s epic ids and one delta search', async () => {
    await seedItem(sandbox);
    await roadmap(sandbox); // cold: reads types, boards, sprints, every epic and child
    sandbox.jira.resetStats();
    const warm = await roadmap(sandbox, 'developer');
    expect(sandbox.jira.stats.requests).toBe(3);
    expect(Object.keys(sandbox.jira.stats.byRoute).sort()).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql']);
    expect(warm.epics.length).toBeGreaterThan(0);
    expect(warm.epics.every((epic) => epic.rollup !== undefined)).toBe(true);
  });

  test('an epic renamed in Jira shows its new summary on the next warm load', async () => {
    await roadmap(sandbox);
    const view = await roadmap(sandbox);
    const epic = sandbox.site.issues.find((issue) => issue.id === view.epics[0]!.id)!;
    epic.summary = 'Renamed in Jira';
    epic.updated = new Date(Date.now() + 60_000).toISOString();
    expect((await roadmap(sandbox)).epics[0]!.summary).toBe('Renamed in Jira');
  });
});
