/**
 * The Goals & KPIs tab lists the epics serving each goal from the links storage holds (the source
 * of truth), not from JQL on the epics' derived property, which trails while an epic is syncing
 * and Jira's search index catches up. The epics themselves are still read as the user, so nobody
 * sees one Jira hides from them; and epics linked before storage held links (property only) still show.
 */
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { linkSyncConsumer } from '../../../../src/index';
import type { ConsumerHandler } from '../../../sandbox/forge/sandbox';
import { createSandbox } from '../../harness';
import { epicsOf, roadmap, searchIndexCatchesUp, searchIndexLags, seedItem } from '../roadmap/kit';
import { valueOf } from './builders';
import { seedGoal } from './kit';

const sandbox = createSandbox();
sandbox.forge.registerConsumer('epic-link-sync', linkSyncConsumer as unknown as ConsumerHandler);

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.queue.clear();
  sandbox.jira.setFaults({});
  for (const issue of sandbox.site.issues) delete issue.properties[epicLinksPropertyKey];
  searchIndexLags(sandbox);
});

afterAll(() => searchIndexCatchesUp(sandbox));

const openEpics = () => epicsOf(sandbox, 'THR').filter((epic) => epic.securityLevelId === undefined);

async function linkToGoal(epicKey: string, goalIds: string[], as: 'productManager' | 'admin' = 'productManager') {
  const onEpic = { module: 'jira:issuePanel' as const, issue: epicKey };
  const context = valueOf(await sandbox.call('getEpicContext', { as, in: onEpic }));
  return sandbox.call('setEpicLinks', { as, in: onEpic, payload: { directGoalIds: goalIds, roadmapItemIds: [], linksVersion: context.links.linksVersion } });
}

async function goalEpics(as: 'productManager' | 'developer', goalId: string) {
  const view = valueOf(await sandbox.call('getStrategy', { as }));
  return view.goals.find((goal) => goal.id === goalId)?.epics ?? [];
}

describe('Goals & KPIs: the epics serving each goal', () => {
  test('an epic just linked shows under its goal at once, in step, while Jira’s search index lags', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const [epic] = openEpics();
    valueOf(await linkToGoal(epic!.key, [goal.id]));
    const epics = await goalEpics('developer', goal.id);
    expect(epics.map((shown) => shown.key)).toEqual([epic!.key]);
    expect(epics[0]?.sync).toBeUndefined();
  });

  test('several epics linked, then one unlinked, while the index lags: the goal lists exactly the linked ones', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const epics = openEpics().slice(0, 3);
    for (const epic of epics) valueOf(await linkToGoal(epic.key, [goal.id]));
    // The index has caught up on none of these writes.
    valueOf(await linkToGoal(epics[0]!.key, []));
    expect((await goalEpics('developer', goal.id)).map((shown) => shown.key).sort()).toEqual(epics.slice(1).map((epic) => epic.key).sort());
  });

  test('an epic whose property write is still pending shows under its goal as syncing, until the queue ran', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const [epic] = openEpics();
    sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: new RegExp(`^/rest/api/3/issue/${epic!.id}/properties/`) } });
    expect(await linkToGoal(epic!.key, [goal.id])).toMatchObject({ ok: true, value: { links: { sync: 'pending' } } });
    expect(await goalEpics('developer', goal.id)).toEqual([expect.objectContaining({ key: epic!.key, sync: 'pending' })]);

    await sandbox.forge.drainQueue();
    searchIndexCatchesUp(sandbox);
    expect(await goalEpics('developer', goal.id)).toEqual([expect.not.objectContaining({ sync: expect.anything() })]);
    expect((await goalEpics('developer', goal.id)).map((shown) => shown.key)).toEqual([epic!.key]);
  });

  test('moving an item to another goal, one epic’s property write failing: both of its epics show under the new goal at once, that one syncing', async () => {
    const [goalA, goalB] = [await seedGoal(sandbox, { title: 'A' }), await seedGoal(sandbox, { title: 'B' })];
    const item = await seedItem(sandbox, { goalId: goalA.id });
    const [e1, e2] = openEpics();
    const versions = (await roadmap(sandbox)).epics;
    valueOf(
      await sandbox.call('linkEpics', {
        as: 'productManager',
        payload: { target: { kind: 'item', id: item.id }, link: [e1!, e2!].map((epic) => ({ epicId: epic.id, linksVersion: versions.find((v) => v.id === epic.id)!.linksVersion })), unlink: [] },
      }),
    );
    searchIndexCatchesUp(sandbox);
    sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: new RegExp(`^/rest/api/3/issue/${e2!.id}/properties/`) } });
    const moved = await sandbox.call('moveRoadmapItem', {
      as: 'productManager',
      payload: { move: { itemId: item.id, lane: goalB.id, column: { kind: 'horizon', horizon: 'now' }, afterId: null, beforeId: null }, baseVersion: 1 },
    });
    expect(moved).toMatchObject({ ok: true, value: { pendingEpicIds: [e2!.id] } });

    const view = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    const epicsOfGoal = (id: string) => view.goals.find((goal) => goal.id === id)!.epics;
    expect(epicsOfGoal(goalA.id)).toEqual([]);
    expect(epicsOfGoal(goalB.id).map((epic) => [epic.key, epic.sync ?? 'in step']).sort()).toEqual([[e1!.key, 'in step'], [e2!.key, 'pending']].sort());
  });

  test('an epic linked before storage held links (its property only, no stored record) still shows under its goal', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const [epic, other] = openEpics();
    epic!.properties[epicLinksPropertyKey] = { directGoalIds: [goal.id], roadmapItemIds: [], goalIds: [goal.id], version: 3 };
    searchIndexCatchesUp(sandbox);
    expect(sandbox.forge.kvs.snapshot().entities['epic-link']?.[epic!.id]).toBeUndefined();
    expect((await goalEpics('developer', goal.id)).map((shown) => shown.key)).toEqual([epic!.key]);
    // Once the epic is linked through the app, storage holds it and stands over the old property.
    valueOf(await linkToGoal(other!.key, [goal.id]));
    expect((await goalEpics('developer', goal.id)).map((shown) => shown.key).sort()).toEqual([epic!.key, other!.key].sort());
  });

  test('an epic Jira hides from the viewer is not shown, though storage holds its link', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const confidential = epicsOf(sandbox, 'THR').find((epic) => epic.securityLevelId !== undefined)!;
    valueOf(await linkToGoal(confidential.key, [goal.id]));
    expect((await goalEpics('productManager', goal.id)).map((shown) => shown.key)).toEqual([confidential.key]);
    expect(await goalEpics('developer', goal.id)).toEqual([]);
  });
});
