/**
 * An inactive licence (`context.license.isActive === false`) makes the app read-only everywhere;
 * no `license` in the context (development, or not a paid app) counts as licensed.
 */
import { epicLinksPropertyKey } from '../../../src/domain/epic-links';
import { createSandbox } from '../harness';
import { goalInput, valueOf } from '../resolvers/strategy/builders';
import { seedGoal } from '../resolvers/strategy/kit';
import { epicsOf } from '../resolvers/roadmap/kit';
import { appData } from './kit';

const sandbox = createSandbox();
const inactive = { isActive: false, type: 'COMMERCIAL' };

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties[epicLinksPropertyKey];
});

test('reads answer, with viewers told the app is unlicensed and not offered edits', async () => {
  await seedGoal(sandbox);
  const strategy = valueOf(await sandbox.call('getStrategy', { as: 'productManager', license: inactive }));
  expect(strategy.viewer).toEqual({ canEdit: false, editRule: 'project-admins', licensed: false, accountId: expect.any(String) });
  expect(strategy.goals).toHaveLength(1);
  const roadmap = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {}, license: inactive }));
  expect(roadmap.viewer).toMatchObject({ canEdit: false, licensed: false });
  const epic = epicsOf(sandbox, 'THR')[0];
  const panel = valueOf(await sandbox.call('getEpicContext', { as: 'productManager', in: { module: 'jira:issuePanel', issue: epic?.key ?? '' }, license: inactive }));
  expect(panel.viewer).toEqual({ canLink: false, licensed: false });
});

test('writes are refused as unlicensed, and nothing changes', async () => {
  const goal = await seedGoal(sandbox);
  const before = appData(sandbox);
  const epic = epicsOf(sandbox, 'THR')[0];
  const refusals = await Promise.all([
    sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput() }, license: inactive }),
    sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'Renamed' }), baseVersion: goal.version }, license: inactive }),
    sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item: { title: 'x', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'idea' } }, license: inactive }),
    sandbox.call('setEpicLinks', { as: 'productManager', in: { module: 'jira:issuePanel', issue: epic?.key ?? '' }, payload: { directGoalIds: [goal.id], roadmapItemIds: [], linksVersion: 0 }, license: inactive }),
  ]);
  for (const answer of refusals) expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('licence is not active') } });
  expect(appData(sandbox)).toEqual(before);
  expect(epic?.properties[epicLinksPropertyKey]).toBeUndefined();
});

test('an active licence, or none at all, lets editors write', async () => {
  valueOf(await sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput({ title: 'Licensed' }) }, license: { isActive: true } }));
  valueOf(await sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput({ title: 'Development' }) } }));
  expect(valueOf(await sandbox.call('getStrategy', { as: 'productManager' })).viewer.licensed).toBe(true);
});
