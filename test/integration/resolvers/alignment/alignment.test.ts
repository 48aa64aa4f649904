import type { AlignmentView } from '../../../../src/contract';
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { valueOf } from '../strategy/builders';
import { inProject, seedGoal } from '../strategy/kit';
import { epicsOf, searchIndexLags, seedItem } from '../roadmap/kit';

const sandbox = createSandbox();

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
  await sandbox.setEditRule('project-admins');
  searchIndexLags(sandbox);
});

const alignment = async (as: Actor = 'productManager'): Promise<AlignmentView> => valueOf(await sandbox.call('getAlignment', { as }));

async function link(target: { kind: 'item' | 'goal'; id: string }, epicIds: string[], as: Actor = 'productManager') {
  const view = await alignment();
  const versions = new Map(view.epics.map((epic) => [epic.id, epic.linksVersion]));
  return sandbox.call('linkEpics', { as, payload: { target, link: epicIds.map((epicId) => ({ epicId, linksVersion: versions.get(epicId) ?? 0 })), unlink: [] } });
}

const openCategory = new Set(['To Do', 'Backlog', 'In Progress', 'In Review']);
/** Children as roll-ups count them: one with a security level is in none (the roll-up cache is shared by every project browser). */
const childrenOf = (epicIds: readonly string[]) =>
  sandbox.site.issues.filter((issue) => issue.parentId !== undefined && epicIds.includes(issue.parentId) && issue.securityLevelId === undefined);

describe('the Alignment view', () => {
  test('shows which epic serves which goal, directly or through an item, the unaligned open epics and the goals without work', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout' });
    const retention = await seedGoal(sandbox, { title: 'Keep customers' });
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: checkout.id });
    const [viaItem, direct, ...rest] = epicsOf(sandbox, 'THR');
    valueOf(await link({ kind: 'item', id: item.id }, [viaItem!.id]));
    valueOf(await link({ kind: 'goal', id: checkout.id }, [direct!.id]));

    const view = await alignment('developer');
    expect(view.goals.map((goal) => goal.title)).toEqual(['Faster checkout', 'Keep customers']);
    const byKey = new Map(view.epics.map((epic) => [epic.key, epic]));
    expect(byKey.get(viaItem!.key)!.goals).toEqual([{ goalId: checkout.id, via: 'item' }]);
    expect(byKey.get(direct!.key)!.goals).toEqual([{ goalId: checkout.id, via: 'direct' }]);
    expect(view.goalsWithoutWork).toEqual([retention.id]);

    const statusName = (id: string) => sandbox.site.statuses.find((status) => status.id === id)?.name ?? '';
    // The developer does not see THR's Confidential epic.
    const openUnlinked = rest.filter((epic) => epic.securityLevelId === undefined && openCategory.has(statusName(epic.statusId))).map((epic) => epic.id);
    expect(view.unalignedEpicIds).toEqual(openUnlinked);
    const unaligned = byKey.get(rest.find((epic) => epic.id === openUnlinked[0])!.key)!;
    expect(unaligned.size?.issues).toBe(childrenOf([unaligned.id]).length);
    expect(unaligned.updated).toBe(new Date(rest.find((epic) => epic.id === unaligned.id)!.updated).toISOString());
  });

  test('sprint investment: every sprint’s committed work by goal adds up to the work in it, and no goal is its own slice', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout' });
    const epics = epicsOf(sandbox, 'THR');
    const linked = epics.slice(0, 3).map((epic) => epic.id);
    valueOf(await link({ kind: 'goal', id: checkout.id }, linked));

    const view = await alignment();
    expect(view.investment.length).toBeGreaterThan(0);
    expect(new Set(view.investment.map((sprint) => sprint.state))).toEqual(new Set(['closed', 'active', 'future']));
    const all = childrenOf(epics.map((epic) => epic.id));
    for (const sprint of view.investment) {
      const inSprint = all.filter((issue) => issue.sprintIds.includes(sprint.sprintId));
      expect(sprint.total.committed.issues).toBe(inSprint.length);
      const goalSlice = sprint.slices.find((slice) => slice.goalId === checkout.id);
      expect(goalSlice?.committed.issues ?? 0).toBe(inSprint.filter((issue) => linked.includes(issue.parentId!)).length);
      const noGoal = sprint.slices.find((slice) => slice.goalId === null);
      expect(noGoal?.committed.issues ?? 0).toBe(inSprint.filter((issue) => !linked.includes(issue.parentId!)).length);
      expect(sprint.total.completed.issues).toBeLessThanOrEqual(sprint.total.committed.issues);
    }
    expect(view.investment.some((sprint) => sprint.total.completed.points > 0)).toBe(true);
  });

  test('lists the roadmap items for export with goal, lane, horizon, dates, status, epic keys and progress', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: checkout.id, startDate: '2026-01-05', endDate: '2026-02-27', horizon: 'next' });
    const [epic] = epicsOf(sandbox, 'THR');
    valueOf(await link({ kind: 'item', id: item.id }, [epic!.id]));
    const [row] = (await alignment()).items;
    const children = childrenOf([epic!.id]);
    expect(row).toEqual({
      id: item.id,
      title: 'One-tap payment',
      goalId: checkout.id,
      lane: 'Faster checkout',
      horizon: 'next',
      startDate: '2026-01-05',
      endDate: '2026-02-27',
      status: 'planned',
      epicKeys: [epic!.key],
      progress: expect.objectContaining({ totalIssues: children.length }),
    });
  });

  test('“Link to goal” on an unaligned epic aligns it and gives the goal work', async () => {
    const retention = await seedGoal(sandbox, { title: 'Keep customers' });
    const before = await alignment();
    const [epicId] = before.unalignedEpicIds;
    expect(valueOf(await link({ kind: 'goal', id: retention.id }, [epicId!])).refused).toEqual([]);
    const after = await alignment();
    expect(after.unalignedEpicIds).not.toContain(epicId);
    expect(after.goalsWithoutWork).toEqual([]);
    expect(after.epics.find((epic) => epic.id === epicId)!.goals).toEqual([{ goalId: retention.id, via: 'direct' }]);
  });
});

describe('who may see the Alignment tab and link from it', () => {
  test.each(['outsider', 'anonymous'] as const)('%s is refused', async (as) => {
    expect(await sandbox.call('getAlignment', { as })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('a developer who edits issues links an unaligned epic to a goal, as from the epic panel, though the edit rule keeps the product from them', async () => {
    const retention = await seedGoal(sandbox, { title: 'Keep customers' });
    const view = await alignment('developer');
    expect(view.viewer).toEqual({ canEdit: false, canLink: true });
    const [epicId] = view.unalignedEpicIds;
    expect(await link({ kind: 'goal', id: retention.id }, [epicId!], 'developer')).toMatchObject({ ok: true });
    expect(sandbox.site.issues.find((issue) => issue.id === epicId)!.properties[epicLinksPropertyKey]).toMatchObject({ goalIds: [retention.id] });
  });

  test('someone who may only browse the project (the product manager in OPS) reads it but may not link, and nothing changes', async () => {
    const view = valueOf(await sandbox.call('getAlignment', { as: 'productManager', in: inProject('OPS') }));
    expect(view.viewer).toEqual({ canEdit: false, canLink: false });
    const [epicId] = view.unalignedEpicIds;
    expect(epicId).toBeDefined();
    const answer = await sandbox.call('linkEpics', { as: 'productManager', in: inProject('OPS'), payload: { target: { kind: 'goal', id: 'goal-x' }, link: [{ epicId, linksVersion: 0 }], unlink: [] } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sandbox.site.issues.find((issue) => issue.id === epicId)!.properties[epicLinksPropertyKey]).toBeUndefined();
  });

  test('the product manager may link; the project comes from the Forge context, never the payload', async () => {
    expect((await alignment()).viewer).toEqual({ canEdit: true, canLink: true });
    const other = valueOf(await sandbox.call('getAlignment', { as: 'productManager', in: inProject('MOB'), payload: { projectId: sandbox.project('THR').id } as never }));
    expect(other.project.key).toBe('MOB');
  });
});
