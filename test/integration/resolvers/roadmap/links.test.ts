import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { seedGoal } from '../strategy/kit';
import { linkEpic } from '../../epic-panel/kit';
import { epicsOf, jqlKeys, roadmap, searchIndexCatchesUp, searchIndexLags, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
  sandbox.jira.resetStats();
  searchIndexLags(sandbox);
});

async function linkToItem(itemId: string, epicIds: string[]) {
  const view = await roadmap(sandbox);
  const versions = new Map(view.epics.map((epic) => [epic.id, epic.linksVersion]));
  return sandbox.call('linkEpics', {
    as: 'productManager',
    payload: { target: { kind: 'item', id: itemId }, link: epicIds.map((epicId) => ({ epicId, linksVersion: versions.get(epicId) ?? 0 })), unlink: [] },
  });
}

describe('linking epics to roadmap items', () => {
  test('a link is the epic’s own property: JQL finds the epic by goal and by item, and the item shows its epics’ progress', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox, { goalId: goal.id });
    const [epic] = epicsOf(sandbox, 'THR');
    const linked = valueOf(await linkToItem(item.id, [epic!.id]));
    expect(linked).toEqual({ epics: [{ epicId: epic!.id, goalIds: [goal.id], directGoalIds: [], roadmapItemIds: [item.id], linksVersion: 1 }], refused: [], pendingEpicIds: [] });

    expect(await jqlKeys(sandbox, `throughlineGoal = "${goal.id}"`)).toEqual([epic!.key]);
    expect(await jqlKeys(sandbox, `throughlineRoadmapItem = "${item.id}"`, 'developer')).toEqual([epic!.key]);

    const view = await roadmap(sandbox, 'developer');
    const shown = view.items.find((i) => i.id === item.id)!;
    expect(shown.epicIds).toEqual([epic!.id]);
    const children = sandbox.site.issues.filter((issue) => issue.parentId === epic!.id);
    expect(shown.delivery?.rollup.counts.total).toBe(children.length);
    expect(shown.delivery?.forecast.kind).toMatch(/forecast|none|done/);
    expect(view.epics.find((e) => e.id === epic!.id)).toMatchObject({ roadmapItemIds: [item.id], goalIds: [goal.id], linksVersion: 1 });
  });

  test('the Goals tab lists the epics serving each goal, with their children’s progress', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox, { goalId: goal.id });
    const [epic] = epicsOf(sandbox, 'THR');
    valueOf(await linkToItem(item.id, [epic!.id]));
    const strategy = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    const children = sandbox.site.issues.filter((issue) => issue.parentId === epic!.id);
    expect(strategy.goals[0]!.epics).toEqual([{ id: epic!.id, key: epic!.key, summary: epic!.summary, children: expect.objectContaining({ total: children.length }) }]);
  });

  test('moving an item to another goal’s lane moves its epics to that goal in JQL too', async () => {
    const [first, second] = [await seedGoal(sandbox, { title: 'First' }), await seedGoal(sandbox, { title: 'Second' })];
    const item = await seedItem(sandbox, { goalId: first.id });
    const [epic] = epicsOf(sandbox, 'THR');
    valueOf(await linkToItem(item.id, [epic!.id]));
    valueOf(
      await sandbox.call('moveRoadmapItem', {
        as: 'productManager',
        payload: { move: { itemId: item.id, lane: second.id, column: { kind: 'horizon', horizon: 'now' }, afterId: null, beforeId: null }, baseVersion: 1 },
      }),
    );
    expect(await jqlKeys(sandbox, `throughlineGoal = "${second.id}"`)).toEqual([epic!.key]);
    expect(await jqlKeys(sandbox, `throughlineGoal = "${first.id}"`)).toEqual([]);
  });

  test('unlinking and deleting the item take it out of the epics’ properties', async () => {
    const item = await seedItem(sandbox);
    const [a, b] = epicsOf(sandbox, 'THR');
    valueOf(await linkToItem(item.id, [a!.id, b!.id]));
    const view = await roadmap(sandbox);
    const version = view.epics.find((e) => e.id === a!.id)!.linksVersion;
    valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [], unlink: [{ epicId: a!.id, linksVersion: version }] } }));
    expect(await jqlKeys(sandbox, `throughlineRoadmapItem = "${item.id}"`)).toEqual([b!.key]);
    expect(sandbox.site.issues.find((i) => i.id === a!.id)?.properties?.[epicLinksPropertyKey]).toBeUndefined();

    expect(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: item.id, baseVersion: 1 } })).toEqual({ ok: true, value: { id: item.id, unlinkedEpics: 1, pendingEpicIds: [] } });
    expect(await jqlKeys(sandbox, `throughlineRoadmapItem = "${item.id}"`)).toEqual([]);
  });

  test('links from a stale read are a conflict; epics of another project are refused; nothing is written', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    valueOf(await linkToItem(item.id, [epic!.id]));
    const stale = await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [], unlink: [{ epicId: epic!.id, linksVersion: 0 }] } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [mobileEpic] = epicsOf(sandbox, 'MOB');
    const foreign = await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: mobileEpic!.id, linksVersion: 0 }], unlink: [] } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid', field: 'link' } });
    expect(sandbox.site.issues.find((i) => i.id === mobileEpic!.id)?.properties?.[epicLinksPropertyKey]).toBeUndefined();
    expect(await jqlKeys(sandbox, `throughlineRoadmapItem = "${item.id}"`)).toEqual([epic!.key]);
  });

  test('the epic picker searches the project’s epics by summary and key, and user text never becomes JQL', async () => {
    const [epic] = epicsOf(sandbox, 'THR');
    const word = epic!.summary.split(' ')[0]!;
    const bySummary = valueOf(await sandbox.call('searchEpics', { as: 'developer', payload: { query: word } }));
    expect(bySummary.map((e) => e.key)).toContain(epic!.key);
    const byKey = valueOf(await sandbox.call('searchEpics', { as: 'developer', payload: { query: epic!.key.toLowerCase() } }));
    expect(byKey.map((e) => e.key)).toContain(epic!.key);
    const injected = await sandbox.call('searchEpics', { as: 'developer', payload: { query: 'x" OR project = MOB OR summary ~ "y' } });
    expect(injected).toEqual({ ok: true, value: [] });
  });
});

describe('reading links right after writing them, while Jira’s search index still shows the old ones', () => {
  test('an item deleted right after its epics were linked still takes itself out of them', async () => {
    const item = await seedItem(sandbox);
    const [a, b] = epicsOf(sandbox, 'THR');
    valueOf(await linkToItem(item.id, [a!.id, b!.id]));

    expect(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: item.id, baseVersion: 1 } })).toEqual({ ok: true, value: { id: item.id, unlinkedEpics: 2, pendingEpicIds: [] } });
    for (const epic of [a!, b!]) expect(sandbox.site.issues.find((i) => i.id === epic.id)?.properties?.[epicLinksPropertyKey]).toBeUndefined();
  });

  test('the roadmap opened right after an epic was linked from its panel shows the link', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    await linkEpic(sandbox, epic!.key, { roadmapItemIds: [item.id] });

    const view = await roadmap(sandbox, 'developer');
    expect(view.items.find((i) => i.id === item.id)?.epicIds).toEqual([epic!.id]);
    expect(view.epics.find((e) => e.id === epic!.id)).toMatchObject({ roadmapItemIds: [item.id], linksVersion: 1 });
  });

  test('a warm roadmap never goes back to links older than the app’s last write when the delta search brings the epic', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    await roadmap(sandbox);
    const linked = valueOf(await linkToItem(item.id, [epic!.id]));
    searchIndexCatchesUp(sandbox);
    // Jira indexed that link together with a later `updated`, so the next delta search brings the epic back.
    sandbox.site.issues.find((i) => i.id === epic!.id)!.updated = new Date(Date.now() + 60_000).toISOString();
    valueOf(
      await sandbox.call('linkEpics', {
        as: 'productManager',
        payload: { target: { kind: 'item', id: item.id }, link: [], unlink: [{ epicId: epic!.id, linksVersion: linked.epics[0]!.linksVersion }] },
      }),
    );

    const view = await roadmap(sandbox);
    expect(view.items.find((i) => i.id === item.id)?.epicIds).toEqual([]);
    // Unlinked from everything, the epic has no property (Jira reads version 0), but its links version is storage's: 2 changes.
    const shown = view.epics.find((e) => e.id === epic!.id)!;
    expect(shown).toMatchObject({ roadmapItemIds: [], linksVersion: 2 });
    const relinked = await sandbox.call('linkEpics', {
      as: 'productManager',
      payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: epic!.id, linksVersion: shown.linksVersion }], unlink: [] },
    });
    expect(relinked).toMatchObject({ ok: true, value: { refused: [] } });
  });

  test('a roadmap that did not see the change in its delta offers the links version Jira has after an unlink of everything', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    await roadmap(sandbox);
    const linked = valueOf(await linkToItem(item.id, [epic!.id]));
    valueOf(
      await sandbox.call('linkEpics', {
        as: 'productManager',
        payload: { target: { kind: 'item', id: item.id }, link: [], unlink: [{ epicId: epic!.id, linksVersion: linked.epics[0]!.linksVersion }] },
      }),
    );

    const shown = (await roadmap(sandbox)).epics.find((e) => e.id === epic!.id)!;
    const relinked = await sandbox.call('linkEpics', {
      as: 'productManager',
      payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: epic!.id, linksVersion: shown.linksVersion }], unlink: [] },
    });
    expect(relinked).toMatchObject({ ok: true, value: { refused: [] } });
  });

  test('unlinking an epic from everything answers the links Jira then holds, so linking it again from that answer works', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    const linked = valueOf(await linkToItem(item.id, [epic!.id]));
    const unlinked = valueOf(
      await sandbox.call('linkEpics', {
        as: 'productManager',
        payload: { target: { kind: 'item', id: item.id }, link: [], unlink: [{ epicId: epic!.id, linksVersion: linked.epics[0]!.linksVersion }] },
      }),
    );
    expect(unlinked.epics).toEqual([{ epicId: epic!.id, goalIds: [], directGoalIds: [], roadmapItemIds: [], linksVersion: 2 }]);
    expect(sandbox.site.issues.find((i) => i.id === epic!.id)?.properties?.[epicLinksPropertyKey]).toBeUndefined();

    const relinked = await sandbox.call('linkEpics', {
      as: 'productManager',
      payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: epic!.id, linksVersion: unlinked.epics[0]!.linksVersion }], unlink: [] },
    });
    expect(relinked).toMatchObject({ ok: true, value: { epics: [{ epicId: epic!.id, roadmapItemIds: [item.id], linksVersion: 3 }] } });
  });

  test('a links version Jira’s index still shows is refused once the epic has moved on: no lost update', async () => {
    const item = await seedItem(sandbox);
    const [epic] = epicsOf(sandbox, 'THR');
    valueOf(await linkToItem(item.id, [epic!.id]));
    const other = await seedItem(sandbox, { title: 'Second item' });

    const stale = await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: other.id }, link: [{ epicId: epic!.id, linksVersion: 0 }], unlink: [] } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(sandbox.site.issues.find((i) => i.id === epic!.id)?.properties?.[epicLinksPropertyKey]).toMatchObject({ roadmapItemIds: [item.id], version: 1 });
  });
});
