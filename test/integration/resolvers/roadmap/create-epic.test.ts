/**
 * Creating an epic from a roadmap item (issue 10.4): made in Jira as the user, linked to the item,
 * and shown at once in the roadmap, the epic panel and JQL while Jira's search index lags. Every
 * denial changes nothing in Jira or storage; a failure after the create never answers "failed".
 */
import { jest } from '@jest/globals';
import type { CreatedEpic, Result } from '../../../../src/contract';
import { epicLinksPropertyKey, readEpicLinks } from '../../../../src/domain/epic-links';
import { linkSyncConsumer } from '../../../../src/index';
import type { ConsumerHandler } from '../../../sandbox/forge/sandbox';
import { asUser, bodyOf, send } from '../../../sandbox/jira/simulator-kit';
import type { Actor } from '../../harness';
import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { seedGoal } from '../strategy/kit';
import { roadmap, searchIndexCatchesUp, searchIndexLags, seedItem } from './kit';

jest.setTimeout(30_000);

const sandbox = createSandbox();
sandbox.forge.registerConsumer('epic-link-sync', linkSyncConsumer as unknown as ConsumerHandler);
const issueCount = () => sandbox.site.issues.length;

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.kvs.setFaults({});
  sandbox.forge.queue.clear();
  sandbox.jira.setFaults({});
  searchIndexLags(sandbox);
});

const create = (itemId: string, options: { as?: Actor; summary?: string; description?: string; project?: string } = {}) =>
  sandbox.call('createEpicFromItem', {
    as: options.as ?? 'productManager',
    in: { module: 'jira:projectPage', project: options.project ?? 'THR' },
    payload: { itemId, ...(options.summary !== undefined ? { summary: options.summary } : {}), ...(options.description !== undefined ? { description: options.description } : {}) },
  }) as Promise<Result<CreatedEpic>>;

/** JQL as the user types it in Jira's issue search: no reconciliation, so it sees only what the index holds. */
async function jqlKeysNow(jql: string, reconcile: string[] = []): Promise<string[]> {
  const response = await send(sandbox.jira, {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    body: { jql, fields: ['summary'], ...(reconcile.length > 0 ? { reconcileIssues: reconcile.map(Number) } : {}) },
    caller: asUser('productManager'),
  });
  if (response.status !== 200) throw new Error(`JQL refused (${response.status}): ${response.body}`);
  return bodyOf<{ issues: Array<{ key: string }> }>(response).issues.map((issue) => issue.key);
}

describe('creating an epic from an item', () => {
  test('creates it in Jira as the user, linked, and shows it at once in the roadmap, the epic panel and JQL while the index lags', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });

    const created = valueOf(await create(item.id, { description: 'Pay with a saved card.\nNo retyping.' }));

    const issue = sandbox.site.issues.find((candidate) => candidate.id === created.epic.id)!;
    expect(issue).toMatchObject({ key: created.epic.key, summary: 'One-tap payment', reporterAccountId: asUser('productManager').kind === 'user' ? (asUser('productManager') as { accountId: string }).accountId : '' });
    expect(sandbox.site.issueTypes.find((type) => type.id === issue.issueTypeId)?.hierarchyLevel).toBe(1);
    expect(created.epic).toMatchObject({ roadmapItemIds: [item.id], goalIds: [goal.id], linksVersion: 1, status: { category: 'todo' } });
    expect(created.epic.sync).toBeUndefined();
    expect(readEpicLinks(issue.properties[epicLinksPropertyKey])).toMatchObject({ roadmapItemIds: [item.id], goalIds: [goal.id], version: 1 });

    // The index has not caught up: Jira's own search does not find the epic yet…
    expect(await jqlKeysNow(`throughlineRoadmapItem = "${item.id}"`)).toEqual([]);
    // …yet the roadmap shows it on the item, from the app's own record of what it wrote.
    const view = await roadmap(sandbox);
    expect(view.items.find((candidate) => candidate.id === item.id)?.epicIds).toEqual([created.epic.id]);
    expect(view.epics.find((epic) => epic.id === created.epic.id)).toMatchObject({ key: created.epic.key, roadmapItemIds: [item.id] });
    // The epic panel on the new epic.
    const context = valueOf(await sandbox.call('getEpicContext', { as: 'productManager', in: { module: 'jira:issuePanel', issue: created.epic.key } }));
    expect(context.items.map((linked) => linked.id)).toEqual([item.id]);
    expect(context.goals.map((served) => served.id)).toEqual([goal.id]);
    // JQL with read-after-write, and then as anyone sees it once the index caught up.
    expect(await jqlKeysNow(`throughlineRoadmapItem = "${item.id}"`, [created.epic.id])).toEqual([created.epic.key]);
    searchIndexCatchesUp(sandbox);
    expect(await jqlKeysNow(`throughlineRoadmapItem = "${item.id}"`)).toEqual([created.epic.key]);
    expect(await jqlKeysNow(`throughlineGoal = "${goal.id}"`)).toEqual([created.epic.key]);
  });

  test('the summary typed replaces the item title; the description arrives as a document', async () => {
    const item = await seedItem(sandbox, { title: 'Saved cards' });
    const created = valueOf(await create(item.id, { summary: '  Saved cards: web  ', description: 'Line one' }));
    expect(created.epic.summary).toBe('Saved cards: web');
    expect(sandbox.site.issues.find((issue) => issue.id === created.epic.id)?.summary).toBe('Saved cards: web');
  });
});

describe('refusals change nothing', () => {
  async function expectNothingChanged(run: () => Promise<Result<CreatedEpic>>, code: string): Promise<Result<CreatedEpic>> {
    const issues = issueCount();
    const before = JSON.stringify(sandbox.forge.kvs.snapshot().entities);
    const answer = await run();
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(issueCount()).toBe(issues);
    expect(JSON.stringify(sandbox.forge.kvs.snapshot().entities)).toBe(before);
    return answer;
  }

  test('a reader (the edit rule does not let them change the product) is refused', async () => {
    const item = await seedItem(sandbox);
    await expectNothingChanged(() => create(item.id, { as: 'developer' }), 'forbidden');
  });

  test('someone without Create Issues in Jira is refused, even an editor of the product', async () => {
    const item = await seedItem(sandbox);
    const project = sandbox.project('THR');
    const granted = project.permissions[asUserId('productManager')]!;
    project.permissions[asUserId('productManager')] = granted.filter((permission) => permission !== 'CREATE_ISSUES');
    try {
      const answer = await expectNothingChanged(() => create(item.id), 'forbidden');
      expect(answer.ok ? '' : answer.error.message).toMatch(/Create Issues/);
    } finally {
      project.permissions[asUserId('productManager')] = granted;
    }
  });

  test('someone who may not browse the project is refused, and so is anonymous', async () => {
    const item = await seedItem(sandbox);
    await expectNothingChanged(() => create(item.id, { as: 'outsider' }), 'forbidden');
    await expectNothingChanged(() => create(item.id, { as: 'anonymous' }), 'forbidden');
  });

  test('an item of another product is not found', async () => {
    const elsewhere = valueOf(await sandbox.call('createRoadmapItem', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' }, payload: { item: { title: 'Mobile', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' } } }));
    await expectNothingChanged(() => create(elsewhere.id), 'not-found');
  });

  test('a project whose epics need a field the form lacks: refused naming it by its Jira name, before anything is created', async () => {
    const item = valueOf(await sandbox.call('createRoadmapItem', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' }, payload: { item: { title: 'Offline mode', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' } } }));
    const answer = await expectNothingChanged(() => create(item.id, { project: 'MOB' }), 'invalid');
    expect(answer).toMatchObject({ ok: false, error: { field: 'requiredFields', requiredFields: [{ id: 'components', name: 'Component/s' }] } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/Jira requires Component\/s to create an epic in MOB/);
  });

  test('a summary Jira would refuse is refused first (too long, a line break, blank), and so is a malformed payload', async () => {
    const item = await seedItem(sandbox);
    for (const summary of ['x'.repeat(256), 'two\nlines', '   ']) await expectNothingChanged(() => create(item.id, { summary }), 'invalid');
    await expectNothingChanged(() => sandbox.call('createEpicFromItem', { as: 'productManager', payload: { itemId: 42 } }) as Promise<Result<CreatedEpic>>, 'invalid');
  });

  test('Jira refusing the create (400) answers its field message; Jira failing (500) answers unavailable; nothing is stored', async () => {
    const item = await seedItem(sandbox);
    sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: /^\/rest\/api\/3\/issue$/ } });
    await expectNothingChanged(() => create(item.id), 'jira-unavailable');

    // Jira's field configuration changed between the metadata read and the create: its own 400.
    const project = sandbox.project('THR');
    const original = sandbox.jira.handle.bind(sandbox.jira);
    let metaRead = false;
    sandbox.jira.handle = async (request) => {
      const answer = await original(request);
      if (request.path.includes('/createmeta/') && request.path.includes('/issuetypes/')) {
        metaRead = true;
        project.requiredOnCreate = ['duedate'];
      }
      return answer;
    };
    try {
      const answer = await expectNothingChanged(() => create(item.id), 'invalid');
      expect(metaRead).toBe(true);
      expect(answer.ok ? '' : answer.error.message).toMatch(/Due date is required/);
    } finally {
      sandbox.jira.handle = original;
      delete project.requiredOnCreate;
    }
  });
});

describe('a failure after the create still answers the epic', () => {
  test('storage failing after the create: the epic is answered, its property holds the link, the roadmap shows it', async () => {
    const item = await seedItem(sandbox);
    await roadmap(sandbox);
    sandbox.forge.kvs.setFaults({ failure: { status: 503, code: 'SERVICE_UNAVAILABLE', paths: ['/api/v1/transaction'] } });
    const created = valueOf(await create(item.id));
    sandbox.forge.kvs.setFaults({});
    const issue = sandbox.site.issues.find((candidate) => candidate.id === created.epic.id)!;
    expect(readEpicLinks(issue.properties[epicLinksPropertyKey]).roadmapItemIds).toEqual([item.id]);
    expect((await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)?.epicIds).toEqual([created.epic.id]);
  });

  test('Jira failing after the create (reading the epic back, writing its property): answered as syncing, the queue finishes it', async () => {
    const item = await seedItem(sandbox);
    const nextId = String(Math.max(...sandbox.site.issues.map((issue) => Number(issue.id))) + 1);
    sandbox.jira.setFaults({ serverError: { count: 10, status: 500, match: new RegExp(`^/rest/api/3/issue/${nextId}[/?]`) } });
    const created = valueOf(await create(item.id));
    expect(created.epic).toMatchObject({ id: nextId, roadmapItemIds: [item.id], sync: 'pending' });
    expect(sandbox.forge.queue.size).toBe(1);
    sandbox.jira.setFaults({});
    expect(await sandbox.forge.drainQueue()).toMatchObject({ succeeded: 1, failed: 0 });
    const view = await roadmap(sandbox);
    expect(view.epics.find((epic) => epic.id === nextId)).toMatchObject({ roadmapItemIds: [item.id] });
    expect(view.epics.find((epic) => epic.id === nextId)?.sync).toBeUndefined();
  });
});

function asUserId(role: 'productManager'): string {
  const caller = asUser(role);
  if (caller.kind !== 'user') throw new Error('not a user');
  return caller.accountId;
}
