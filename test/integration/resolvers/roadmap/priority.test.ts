/**
 * Owners and priority scores of roadmap items (issue 15): who may set them, what Jira is asked,
 * what is refused (and that a refusal changes nothing), and conflicts.
 */
import { createSandbox } from '../../harness';
import { DEMO_USERS } from '../../../sandbox/demo';
import { valueOf } from '../strategy/builders';
import { inProject } from '../strategy/kit';
import { itemInput, roadmap, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  await sandbox.setEditRule('project-admins');
  sandbox.jira.resetStats();
});

const storedEntities = () => JSON.stringify(sandbox.forge.kvs.snapshot().entities);
const rice = { reach: { source: 'live' }, impact: 2, confidence: 80, effort: { source: 'live' } } as const;

describe('item owners', () => {
  test('a project administrator names an owner on create; the name is Jira’s, checked with one Browse Projects search', async () => {
    sandbox.jira.resetStats();
    const item = valueOf(await sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item: itemInput({ ownerAccountId: DEMO_USERS.developer }) } }));
    expect(item.owner).toMatchObject({ accountId: DEMO_USERS.developer, displayName: 'Lukas Becker' });
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBe(1);
    const view = await roadmap(sandbox, 'developer');
    expect(view.items[0]?.owner).toMatchObject({ accountId: DEMO_USERS.developer, displayName: 'Lukas Becker' });
    expect(view.viewer.accountId).toBe(DEMO_USERS.developer);
  });

  test('an editor who does not administer the project (issue-editors rule) names an owner through the assignable search', async () => {
    await sandbox.setEditRule('issue-editors');
    sandbox.jira.resetStats();
    const item = valueOf(await sandbox.call('createRoadmapItem', { as: 'developer', payload: { item: itemInput({ ownerAccountId: DEMO_USERS.developer }) } }));
    expect(item.owner?.displayName).toBe('Lukas Becker');
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/assignable/search']).toBe(1);
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
  });

  test.each([
    ['someone who cannot browse the project (Sam works in FIN only)', DEMO_USERS.outsider],
    ['an account Jira does not know', '712020:00000000-0000-4000-8000-000000000000'],
    ['the app’s own account', '557058:0b6c2f4e-9d1a-4e3b-8c7f-2a5d9e0f1b36'],
  ])('%s cannot own an item: invalid on create and on update, nothing changes', async (_name, accountId) => {
    const item = await seedItem(sandbox);
    const before = storedEntities();
    const created = await sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item: itemInput({ ownerAccountId: accountId }) } });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid', field: 'item.ownerAccountId' } });
    const updated = await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ ownerAccountId: accountId }), baseVersion: 1 } });
    expect(updated).toMatchObject({ ok: false, error: { code: 'invalid', field: 'item.ownerAccountId' } });
    expect(storedEntities()).toBe(before);
  });

  test.each<[unknown, string]>([['', 'empty'], ['a b', 'a space'], ['x'.repeat(129), 'too long'], ['../user', 'a path'], [42, 'a number']])('an account id %j (%s) is refused before Jira is asked', async (accountId) => {
    const before = storedEntities();
    sandbox.jira.resetStats();
    const answer = await sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item: { ...itemInput(), ownerAccountId: accountId } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
    expect(storedEntities()).toBe(before);
  });

  test('an update without ownerAccountId keeps the owner; null removes it; a move keeps it', async () => {
    const item = await seedItem(sandbox, { ownerAccountId: DEMO_USERS.productManager, scoreInputs: rice });
    const edited = valueOf(await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ title: 'Renamed' }), baseVersion: 1 } }));
    expect(edited.owner?.accountId).toBe(DEMO_USERS.productManager);
    expect(edited.scoreInputs).toEqual(rice);
    const moved = valueOf(
      await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: { itemId: item.id, lane: 'none', column: { kind: 'horizon', horizon: 'later' }, afterId: null, beforeId: null }, baseVersion: 2 } }),
    );
    expect(moved.owner?.accountId).toBe(DEMO_USERS.productManager);
    expect(moved.scoreInputs).toEqual(rice);
    const cleared = valueOf(await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ ownerAccountId: null, scoreInputs: null }), baseVersion: 3 } }));
    expect(cleared.owner).toBeUndefined();
    expect(cleared.scoreInputs).toBeUndefined();
    const stored = (await roadmap(sandbox)).items[0]!;
    expect(stored.owner).toBeUndefined();
    expect(stored.scoreInputs).toBeUndefined();
  });

  test('a developer (browse only) cannot set an owner: forbidden before Jira is asked about the owner', async () => {
    const item = await seedItem(sandbox);
    const before = storedEntities();
    sandbox.jira.resetStats();
    const answer = await sandbox.call('updateRoadmapItem', { as: 'developer', payload: { id: item.id, item: itemInput({ ownerAccountId: DEMO_USERS.developer }), baseVersion: 1 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/user/permission/search']).toBeUndefined();
    expect(storedEntities()).toBe(before);
  });

  test('two editors naming owners from the same version: one wins, the other gets a conflict carrying the winner', async () => {
    const item = await seedItem(sandbox);
    const answers = await Promise.all(
      [DEMO_USERS.developer, DEMO_USERS.productManager].map((ownerAccountId) =>
        sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ ownerAccountId }), baseVersion: 1 } }),
      ),
    );
    const won = answers.filter((answer) => answer.ok);
    const lost = answers.filter((answer) => !answer.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'conflict' }) })]);
    const stored = (await roadmap(sandbox)).items[0]!;
    expect(stored.version).toBe(2);
    expect(won[0]!.ok && won[0]!.value.owner?.accountId).toBe(stored.owner?.accountId);
  });

  test('the epic panel names the owners of the items the epic serves', async () => {
    const item = await seedItem(sandbox, { ownerAccountId: DEMO_USERS.developer });
    const epic = sandbox.site.issues.find((issue) => issue.projectId === sandbox.project('THR').id && issue.issueTypeId === sandbox.site.issueTypes.find((type) => type.hierarchyLevel === 1)?.id && !issue.securityLevelId)!;
    valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: 0 }], unlink: [] } }));
    const context = valueOf(await sandbox.call('getEpicContext', { as: 'developer', in: { module: 'jira:issuePanel', issue: epic.key }, payload: {} }));
    expect(context.items).toEqual([expect.objectContaining({ id: item.id, owner: expect.objectContaining({ displayName: 'Lukas Becker' }) })]);
  });
});

describe('score inputs', () => {
  test('stored as sent, read back by every reader', async () => {
    const inputs = { reach: { source: 'entered', value: 380 }, impact: 0.5, confidence: 100, value: 7.5, effort: { source: 'entered', value: 0.1 } } as const;
    const item = await seedItem(sandbox, { scoreInputs: inputs });
    expect(item.scoreInputs).toEqual(inputs);
    expect((await roadmap(sandbox, 'developer')).items[0]?.scoreInputs).toEqual(inputs);
  });

  test.each<[string, unknown, string]>([
    ['an impact off RICE’s scale', { impact: 7 }, 'item.scoreInputs.impact'],
    ['confidence above 100 %', { confidence: 101 }, 'item.scoreInputs.confidence'],
    ['a fractional confidence', { confidence: 50.5 }, 'item.scoreInputs.confidence'],
    ['negative reach', { reach: { source: 'entered', value: -1 } }, 'item.scoreInputs.reach.value'],
    ['reach past a billion', { reach: { source: 'entered', value: 1e10 } }, 'item.scoreInputs.reach.value'],
    ['zero effort entered', { effort: { source: 'entered', value: 0 } }, 'item.scoreInputs.effort.value'],
    ['NaN (JSON null) effort', { effort: { source: 'entered', value: null } }, 'item.scoreInputs.effort.value'],
    ['value above 1,000', { value: 1001 }, 'item.scoreInputs.value'],
    ['an unknown source', { reach: { source: 'jira' } }, 'item.scoreInputs.reach.source'],
    ['a string for a number', { impact: '2' }, 'item.scoreInputs.impact'],
  ])('%s is invalid and nothing changes', async (_name, scoreInputs, field) => {
    const item = await seedItem(sandbox, { scoreInputs: rice });
    const before = storedEntities();
    const answer = await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: { ...itemInput(), scoreInputs }, baseVersion: 1 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    expect(storedEntities()).toBe(before);
  });

  test('unknown keys in the inputs are dropped, never stored', async () => {
    const item = await seedItem(sandbox, { scoreInputs: { impact: 1, projectId: '10001', __proto__: { x: 1 } } as never });
    expect(item.scoreInputs).toEqual({ impact: 1 });
  });
});

describe('the scoring method', () => {
  test('none until an editor sets it; then every reader sees it', async () => {
    expect((await roadmap(sandbox)).scoring).toEqual({ method: 'none', version: 0 });
    expect(valueOf(await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'rice', baseVersion: 0 } }))).toEqual({ method: 'rice', version: 1 });
    expect((await roadmap(sandbox, 'developer')).scoring).toEqual({ method: 'rice', version: 1 });
    expect(valueOf(await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'value-effort', baseVersion: 1 } }))).toEqual({ method: 'value-effort', version: 2 });
  });

  test('a stale version is a conflict carrying the current method, and nothing changes', async () => {
    valueOf(await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'rice', baseVersion: 0 } }));
    const before = storedEntities();
    const answer = await sandbox.call('saveScoringMethod', { as: 'admin', payload: { method: 'value-effort', baseVersion: 0 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict', current: { method: 'rice', version: 1 } } });
    expect(storedEntities()).toBe(before);
  });

  test('ten editors setting it at once from the same version: exactly one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: n % 2 ? 'rice' : 'value-effort', baseVersion: 0 } })),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok).every((answer) => !answer.ok && answer.error.code === 'conflict')).toBe(true);
    expect((await roadmap(sandbox)).scoring?.version).toBe(1);
  });

  test('items added and deleted around it keep the method, and the method keeps the item count', async () => {
    await Promise.all([
      sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'rice', baseVersion: 0 } }),
      seedItem(sandbox, { title: 'A' }),
      seedItem(sandbox, { title: 'B' }),
    ]);
    const view = await roadmap(sandbox);
    expect(view.scoring).toEqual({ method: 'rice', version: 1 });
    expect(view.items).toHaveLength(2);
    const deleted = valueOf(await sandbox.call('deleteRoadmapItem', { as: 'productManager', payload: { id: view.items[0]!.id, baseVersion: 1 } }));
    expect(deleted.id).toBe(view.items[0]!.id);
    expect((await roadmap(sandbox)).scoring).toEqual({ method: 'rice', version: 1 });
    const setup = sandbox.forge.kvs.snapshot().entities['roadmap-setup'] ?? {};
    expect(JSON.stringify(setup[sandbox.project('THR').id])).toContain('"itemCount":1');
  });

  test.each([['an unknown method', { method: 'wsjf', baseVersion: 0 }], ['no version', { method: 'rice' }], ['a negative version', { method: 'rice', baseVersion: -1 }]])('%s is invalid and nothing changes', async (_name, payload) => {
    const before = storedEntities();
    expect(await sandbox.call('saveScoringMethod', { as: 'productManager', payload })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(storedEntities()).toBe(before);
  });

  test.each([
    ['developer', 'forbidden'],
    ['outsider', 'forbidden'],
    ['anonymous', 'forbidden'],
  ] as const)('the %s may not set it (%s) and nothing changes', async (as, code) => {
    const before = storedEntities();
    expect(await sandbox.call('saveScoringMethod', { as, payload: { method: 'rice', baseVersion: 0 } })).toMatchObject({ ok: false, error: { code } });
    expect(storedEntities()).toBe(before);
  });

  test('it is per product: setting THR’s leaves MOB’s at none', async () => {
    valueOf(await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'rice', baseVersion: 0 } }));
    expect(valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: inProject('MOB'), payload: {} })).scoring).toEqual({ method: 'none', version: 0 });
  });

  test('an unlicensed site reads it but may not change it', async () => {
    const answer = await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'rice', baseVersion: 0 }, license: { isActive: false } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/licence/) } });
  });
});
