import type { Defs } from '../../../../src/contract';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { valueOf } from '../strategy/builders';
import { inProject } from '../strategy/kit';
import { epicsOf, itemInput, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  await sandbox.setEditRule('project-admins');
});

type RoadmapCall = 'getRoadmap' | 'createRoadmapItem' | 'updateRoadmapItem' | 'moveRoadmapItem' | 'deleteRoadmapItem' | 'saveLaneSetup' | 'searchEpics' | 'linkEpics';

/** A payload that would succeed for a project administrator, and whether the call changes anything. */
const calls: Record<RoadmapCall, { writes: boolean; payload: (itemId: string, epicId: string) => Record<string, unknown> }> = {
  getRoadmap: { writes: false, payload: () => ({}) },
  searchEpics: { writes: false, payload: () => ({ query: 'checkout' }) },
  createRoadmapItem: { writes: true, payload: () => ({ item: itemInput() }) },
  updateRoadmapItem: { writes: true, payload: (id) => ({ id, item: itemInput({ title: 'Changed' }), baseVersion: 1 }) },
  moveRoadmapItem: { writes: true, payload: (itemId) => ({ move: { itemId, lane: 'none', column: { kind: 'horizon', horizon: 'later' }, afterId: null, beforeId: null }, baseVersion: 1 }) },
  deleteRoadmapItem: { writes: true, payload: (id) => ({ id, baseVersion: 1 }) },
  saveLaneSetup: { writes: true, payload: () => ({ mode: 'custom', lanes: [{ id: null, name: 'Payments' }], baseVersion: 0 }) },
  linkEpics: { writes: true, payload: (id, epicId) => ({ target: { kind: 'item', id }, link: [{ epicId, linksVersion: 0 }], unlink: [] }) },
};

const entries = Object.entries(calls) as Array<[RoadmapCall, (typeof calls)[RoadmapCall]]>;

async function attempt(call: RoadmapCall, as: Actor, project = 'THR') {
  const item = await seedItem(sandbox, {}, 'admin');
  const [epic] = epicsOf(sandbox, 'THR');
  const before = JSON.stringify(sandbox.forge.kvs.snapshot().entities);
  const answer = await sandbox.call(call as keyof Defs, { as, in: inProject(project), payload: calls[call].payload(item.id, epic!.id) });
  return { answer, unchanged: JSON.stringify(sandbox.forge.kvs.snapshot().entities) === before };
}

describe('who may see and change the roadmap', () => {
  test.each(entries.map(([call]) => call))('%s: the outsider and anonymous callers are refused and nothing changes', async (call) => {
    for (const as of ['outsider', 'anonymous'] as const) {
      const { answer, unchanged } = await attempt(call, as);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(unchanged).toBe(true);
    }
  });

  // Linking is governed by Jira's Edit Issues instead (the one linking rule): see below.
  test.each(entries.filter(([call, c]) => c.writes && call !== 'linkEpics').map(([call]) => call))('%s: a developer who may only browse the product is refused and nothing changes', async (call) => {
    const { answer, unchanged } = await attempt(call, 'developer');
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/project administrators/) } });
    expect(unchanged).toBe(true);
  });

  test('with the edit rule widened to issue editors, the developer can add and move items', async () => {
    await sandbox.setEditRule('issue-editors');
    const item = valueOf(await sandbox.call('createRoadmapItem', { as: 'developer', payload: { item: itemInput() } }));
    expect(valueOf(await sandbox.call('moveRoadmapItem', { as: 'developer', payload: calls.moveRoadmapItem.payload(item.id, '') as never })).horizon).toBe('later');
  });

  test('reads are allowed to everyone who may browse; the payload never picks the project', async () => {
    const item = await seedItem(sandbox);
    const view = valueOf(await sandbox.call('getRoadmap', { as: 'developer', payload: { projectId: sandbox.project('MOB').id } as never }));
    expect(view.project.key).toBe('THR');
    expect(view.items.map((i) => i.id)).toEqual([item.id]);
  });

  test('linking follows Jira’s Edit Issues, not the product’s edit rule: the developer links an epic to an item; browse-only is refused', async () => {
    const item = await seedItem(sandbox, {}, 'admin');
    const view = valueOf(await sandbox.call('getRoadmap', { as: 'developer', payload: {} }));
    expect(view.viewer).toMatchObject({ canEdit: false, canLink: true });
    const [epic] = epicsOf(sandbox, 'THR');
    const linked = valueOf(await sandbox.call('linkEpics', { as: 'developer', payload: calls.linkEpics.payload(item.id, epic!.id) as never }));
    expect(linked.epics.map((e) => e.epicId)).toEqual([epic!.id]);

    const [opsEpic] = epicsOf(sandbox, 'OPS');
    const opsView = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: inProject('OPS'), payload: {} }));
    expect(opsView.viewer).toMatchObject({ canLink: false });
    const refused = await sandbox.call('linkEpics', { as: 'productManager', in: inProject('OPS'), payload: { target: { kind: 'goal', id: 'goal-x' }, link: [{ epicId: opsEpic!.id, linksVersion: 0 }], unlink: [] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/can’t edit issues/) } });
  });

  test('a project the caller can only browse (OPS for the product manager) refuses their writes', async () => {
    const answer = await sandbox.call('createRoadmapItem', { as: 'productManager', in: inProject('OPS'), payload: { item: itemInput() } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sandbox.forge.kvs.snapshot().entities['roadmap-item'] ?? {}).toEqual({});
  });
});
