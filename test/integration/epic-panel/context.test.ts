import { deleteItem } from '../../../src/adapters/storage/roadmap-store';
import { createSandbox } from '../harness';
import { inProject, seedGoal, seedKpi, seedMeasurements } from '../resolvers/strategy/kit';
import { daysFromToday } from '../resolvers/strategy/builders';
import { searchIndexLags } from '../resolvers/roadmap/kit';
import { clearEpicLinks, epicKeysOf, linkEpic, nonEpicKeyOf, onIssue, panelOf, seedItem } from './kit';

const sandbox = createSandbox();
const [epicKey, otherEpicKey] = epicKeysOf(sandbox, 'THR') as [string, string];

beforeEach(() => {
  sandbox.forge.kvs.clear();
  clearEpicLinks(sandbox);
  sandbox.jira.resetStats();
  searchIndexLags(sandbox);
});

/** The epic's children as the simulated Jira holds them, by status category. */
function childrenOf(key: string) {
  const epic = sandbox.site.issues.find((issue) => issue.key === key)!;
  const children = sandbox.site.issues.filter((issue) => issue.parentId === epic.id);
  const category = (id: string) => sandbox.site.statuses.find((status) => status.id === id)?.category;
  return { total: children.length, done: children.filter((child) => category(child.statusId) === 'done').length };
}

describe('the epic panel’s context', () => {
  test('shows someone who browses the project the goals the epic serves with KPI health, its items, progress and sprints', async () => {
    const served = await seedGoal(sandbox, { title: 'Faster checkout' });
    const kpi = await seedKpi(sandbox, served.id, { name: 'Checkout time', unit: 's', direction: 'decrease', baseline: { value: 120, date: daysFromToday(-60) }, target: { value: 60, date: daysFromToday(60) } });
    await seedMeasurements(sandbox, kpi.id, [{ date: daysFromToday(-1), value: 90 }]);
    const direct = await seedGoal(sandbox, { title: 'Fewer support calls' });
    await seedGoal(sandbox, { title: 'Not linked' });
    const item = await seedItem(sandbox, 'THR', { title: 'One-tap payment', goalId: served.id, horizon: 'next' });
    await linkEpic(sandbox, epicKey, { directGoalIds: [direct.id], roadmapItemIds: [item.id] });

    const context = await panelOf(sandbox, epicKey, 'developer');

    expect(context.epic.key).toBe(epicKey);
    expect(context.goals.map((goal) => [goal.title, goal.direct])).toEqual([
      ['Faster checkout', false],
      ['Fewer support calls', true],
    ]);
    const [kpiView] = context.goals[0]!.kpis;
    expect(kpiView).toMatchObject({ name: 'Checkout time', health: expect.stringMatching(/on-track|at-risk|off-track/), latest: { value: 90 } });
    expect(kpiView!.healthReason).toMatch(/\w+.*\./);
    expect(context.items).toEqual([expect.objectContaining({ id: item.id, title: 'One-tap payment', horizon: 'next', goalId: served.id })]);
    expect(context.links).toMatchObject({ directGoalIds: [direct.id], roadmapItemIds: [item.id], goalIds: [served.id, direct.id].sort(), linksVersion: 1 });
    expect(context.options.goals.map((goal) => goal.title)).toEqual(['Faster checkout', 'Fewer support calls', 'Not linked']);
    const children = childrenOf(epicKey);
    expect(context.rollup.counts).toMatchObject({ total: children.total, done: children.done });
    expect(context.rollup.counts.total).toBe(context.rollup.counts.todo + context.rollup.counts.inProgress + context.rollup.counts.done);
    const inSprints = [...context.sprints.past, ...context.sprints.active, ...context.sprints.future];
    expect(inSprints.length).toBeGreaterThan(0);
    expect(inSprints.every((sprint) => ['closed', 'active', 'future'].includes(sprint.state))).toBe(true);
    expect(context.viewer.canLink).toBe(true); // the developer edits issues in THR
  });

  test('counts unestimated children and shows them apart from the points', async () => {
    const context = await panelOf(sandbox, epicKey);
    const { counts, unestimated, points } = context.rollup;
    expect(unestimated.total).toBeLessThanOrEqual(counts.total);
    expect(points.total).toBe(points.todo + points.inProgress + points.done);
  });

  test('an epic that serves nothing shows no goals or items, and offers the product’s goals and items to link', async () => {
    const goal = await seedGoal(sandbox, { title: 'Grow repeat purchases' });
    const item = await seedItem(sandbox, 'THR', { title: 'Wishlist reminders', goalId: goal.id });
    const context = await panelOf(sandbox, otherEpicKey);
    expect(context.goals).toEqual([]);
    expect(context.items).toEqual([]);
    expect(context.links).toMatchObject({ directGoalIds: [], roadmapItemIds: [], goalIds: [], linksVersion: 0 });
    expect(context.options).toEqual({ goals: [{ id: goal.id, title: 'Grow repeat purchases' }], items: [{ id: item.id, title: 'Wishlist reminders', goalId: goal.id }] });
  });

  test('is read-only for someone who may browse the project but not edit its issues', async () => {
    const [opsEpic] = epicKeysOf(sandbox, 'OPS') as [string];
    const context = await panelOf(sandbox, opsEpic, 'productManager'); // a viewer in OPS
    expect(context.viewer.canLink).toBe(false);
  });

  test('refuses the outsider before reading the epic or the product', async () => {
    await seedGoal(sandbox, { title: 'Secret plans' });
    sandbox.jira.resetStats();
    const answer = await sandbox.call('getEpicContext', { as: 'outsider', in: onIssue(epicKey) });
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/permission to browse this project/) } });
    expect(sandbox.jira.stats.byRoute).toEqual({ 'GET /rest/api/3/mypermissions': 1 });
  });

  test('refuses anonymous callers without asking Jira', async () => {
    const answer = await sandbox.call('getEpicContext', { as: 'anonymous', in: onIssue(epicKey) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('says clearly that an issue which is not an epic has no product context', async () => {
    const story = nonEpicKeyOf(sandbox, 'THR');
    const answer = await sandbox.call('getEpicContext', { as: 'productManager', in: onIssue(story.key) });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid', message: `${story.key} is a ${story.type}, not an epic. Only epics serve goals and roadmap items: open the epic it belongs to for its product context.` },
    });
  });

  test('outside an issue panel there is no epic to show', async () => {
    const answer = await sandbox.call('getEpicContext', { as: 'productManager', in: inProject('THR') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/epic’s page/) } });
  });

  test('leaves out an item that is gone from storage though the epic’s property still names it', async () => {
    const goal = await seedGoal(sandbox, { title: 'Grow repeat purchases' });
    const item = await seedItem(sandbox, 'THR', { title: 'Wishlist reminders', goalId: goal.id });
    await linkEpic(sandbox, epicKey, { roadmapItemIds: [item.id] });
    // As when the item's deletion could not unlink every epic (Jira refused one of them).
    await sandbox.forge.run(() => deleteItem({ projectId: sandbox.project('THR').id, id: item.id, baseVersion: 1, now: new Date().toISOString() }));
    const context = await panelOf(sandbox, epicKey);
    expect(context.items).toEqual([]);
    expect(context.goals).toEqual([]);
    expect(context.links).toMatchObject({ roadmapItemIds: [], goalIds: [], linksVersion: 1 });
  });
});
