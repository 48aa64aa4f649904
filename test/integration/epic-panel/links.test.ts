import { epicLinksPropertyKey } from '../../../src/domain/epic-links';
import { createSandbox } from '../harness';
import { inProject, seedGoal } from '../resolvers/strategy/kit';
import { valueOf } from '../resolvers/strategy/builders';
import { searchIndexLags } from '../resolvers/roadmap/kit';
import { clearEpicLinks, epicKeysOf, issueOf, jqlKeys, linkEpic, onIssue, panelOf, seedItem, withPermissions } from './kit';

const sandbox = createSandbox();
const [epicKey, otherEpicKey] = epicKeysOf(sandbox, 'THR') as [string, string];
const propertyOf = (key: string) => issueOf(sandbox, key).properties[epicLinksPropertyKey];

beforeEach(() => {
  sandbox.forge.kvs.clear();
  clearEpicLinks(sandbox);
  searchIndexLags(sandbox);
});

describe('changing what an epic serves from its panel', () => {
  test('an epic linked from its panel is on the Goals tab and the roadmap at once, though Jira’s index shows the link only later', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    await linkEpic(sandbox, epicKey, { directGoalIds: [goal.id] }, 'developer');

    const strategy = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    expect(strategy.goals.find((g) => g.id === goal.id)?.epics.map((epic) => epic.key)).toEqual([epicKey]);
    const roadmap = valueOf(await sandbox.call('getRoadmap', { as: 'developer', payload: {} }));
    expect(roadmap.epics.find((epic) => epic.key === epicKey)).toMatchObject({ directGoalIds: [goal.id], goalIds: [goal.id], linksVersion: 1 });
  });

  test('linking a goal writes the epic’s property, so JQL throughlineGoal finds the epic in Jira', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const context = await linkEpic(sandbox, epicKey, { directGoalIds: [goal.id] }, 'developer');
    expect(context.goals.map((g) => [g.title, g.direct])).toEqual([['Faster checkout', true]]);
    expect(context.links).toMatchObject({ directGoalIds: [goal.id], goalIds: [goal.id], linksVersion: 1 });
    expect(propertyOf(epicKey)).toEqual({ directGoalIds: [goal.id], roadmapItemIds: [], goalIds: [goal.id], version: 1 });
    expect(await jqlKeys(sandbox, `throughlineGoal = "${goal.id}"`, 'developer')).toEqual([epicKey]);
  });

  test('an epic linked to a roadmap item serves that item’s goal too, for JQL as well', async () => {
    const goal = await seedGoal(sandbox, { title: 'Grow repeat purchases' });
    const item = await seedItem(sandbox, 'THR', { title: 'Wishlist reminders', goalId: goal.id });
    const context = await linkEpic(sandbox, otherEpicKey, { roadmapItemIds: [item.id] });
    expect(context.goals).toEqual([expect.objectContaining({ id: goal.id, direct: false })]);
    expect(context.items.map((i) => i.title)).toEqual(['Wishlist reminders']);
    expect(await jqlKeys(sandbox, `throughlineGoal = "${goal.id}"`)).toEqual([otherEpicKey]);
    expect(await jqlKeys(sandbox, `throughlineRoadmapItem = "${item.id}"`)).toEqual([otherEpicKey]);
  });

  test('unlinking everything removes the property, and JQL no longer finds the epic', async () => {
    const goal = await seedGoal(sandbox);
    await linkEpic(sandbox, epicKey, { directGoalIds: [goal.id] });
    const context = await linkEpic(sandbox, epicKey, {});
    expect(context.goals).toEqual([]);
    expect(propertyOf(epicKey)).toBeUndefined();
    expect(await jqlKeys(sandbox, `throughlineGoal = "${goal.id}"`)).toEqual([]);
  });

  test('a save from a stale panel is a conflict that carries the links as they are now', async () => {
    const first = await seedGoal(sandbox, { title: 'First' });
    const second = await seedGoal(sandbox, { title: 'Second' });
    const stale = await panelOf(sandbox, epicKey, 'developer');
    await linkEpic(sandbox, epicKey, { directGoalIds: [first.id] }, 'productManager');
    const answer = await sandbox.call('setEpicLinks', {
      as: 'developer',
      in: onIssue(epicKey),
      payload: { directGoalIds: [second.id], roadmapItemIds: [], linksVersion: stale.links.linksVersion },
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/since you opened the panel/) });
    expect(answer.error.current?.goals.map((g) => g.title)).toEqual(['First']);
    expect(answer.error.current?.links.linksVersion).toBe(1);
    expect(propertyOf(epicKey)).toMatchObject({ directGoalIds: [first.id], version: 1 });
  });

  test('another product’s goal or item is refused, naming the field, and nothing is written', async () => {
    const mobGoal = await seedGoal(sandbox, { title: 'Mobile-only goal' }, { in: inProject('MOB') });
    const mobItem = await seedItem(sandbox, 'MOB', { title: 'Mobile-only item' });
    const goalAnswer = await sandbox.call('setEpicLinks', { as: 'productManager', in: onIssue(epicKey), payload: { directGoalIds: [mobGoal.id], roadmapItemIds: [], linksVersion: 0 } });
    expect(goalAnswer).toEqual({ ok: false, error: { code: 'invalid', field: 'directGoalIds', message: expect.stringContaining(`There is no goal ${mobGoal.id} in this product`) } });
    const itemAnswer = await sandbox.call('setEpicLinks', { as: 'productManager', in: onIssue(epicKey), payload: { directGoalIds: [], roadmapItemIds: [mobItem.id], linksVersion: 0 } });
    expect(itemAnswer).toMatchObject({ ok: false, error: { code: 'invalid', field: 'roadmapItemIds' } });
    expect(propertyOf(epicKey)).toBeUndefined();
  });

  test('a payload that names another epic changes only the epic the panel is on', async () => {
    const goal = await seedGoal(sandbox);
    const otherId = issueOf(sandbox, otherEpicKey).id;
    const answer = await sandbox.call('setEpicLinks', {
      as: 'productManager',
      in: onIssue(epicKey),
      payload: { directGoalIds: [goal.id], roadmapItemIds: [], linksVersion: 0, epicId: otherId, issue: { id: otherId } },
    });
    expect(valueOf(answer).epic.key).toBe(epicKey);
    expect(propertyOf(otherEpicKey)).toBeUndefined();
  });

  test('a malformed payload is refused with the field it broke', async () => {
    const answer = await sandbox.call('setEpicLinks', { as: 'productManager', in: onIssue(epicKey), payload: { directGoalIds: ['no spaces allowed'], roadmapItemIds: [] } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  test('a developer whose edit Jira refuses is told plainly, and the epic keeps its links', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const other = await seedGoal(sandbox, { title: 'Fewer support calls' });
    await linkEpic(sandbox, epicKey, { directGoalIds: [goal.id] });
    const before = propertyOf(epicKey);
    await withPermissions(sandbox, { role: 'developer', project: 'THR', permissions: ['BROWSE_PROJECTS'] }, async () => {
      const context = await panelOf(sandbox, epicKey, 'developer');
      expect(context.viewer.canLink).toBe(false);
      const message = 'You can’t edit this epic in Jira, so you can’t change what it serves. Ask a project administrator for the Edit Issues permission, or ask someone who has it.';
      // Adding a goal is a PUT: Jira answers 403.
      const add = await sandbox.call('setEpicLinks', { as: 'developer', in: onIssue(epicKey), payload: { directGoalIds: [goal.id, other.id], roadmapItemIds: [], linksVersion: 1 } });
      expect(add).toEqual({ ok: false, error: { code: 'forbidden', message } });
      // Removing the last link is a DELETE: Jira answers 404 to people who may not edit the epic.
      const clear = await sandbox.call('setEpicLinks', { as: 'developer', in: onIssue(epicKey), payload: { directGoalIds: [], roadmapItemIds: [], linksVersion: 1 } });
      expect(clear).toEqual({ ok: false, error: { code: 'forbidden', message } });
    });
    expect(propertyOf(epicKey)).toEqual(before);
  });

  test('the outsider cannot change an epic’s links', async () => {
    const answer = await sandbox.call('setEpicLinks', { as: 'outsider', in: onIssue(epicKey), payload: { directGoalIds: [], roadmapItemIds: [], linksVersion: 0 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
