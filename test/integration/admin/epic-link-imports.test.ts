/**
 * Epic links travel with the export: imported links are stored and written to the epics' Jira
 * properties as the admin (Jira checks Edit Issues), and links the file lacks are cleared there too,
 * so `throughlineGoal` JQL and the roadmap agree with the imported data.
 */
import { jest } from '@jest/globals';
import { epicLinksPropertyKey, readEpicLinks } from '../../../src/domain/epic-links';
import { linkSyncConsumer } from '../../../src/index';
import type { ConsumerHandler } from '../../sandbox/forge/sandbox';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { seedGoal } from '../resolvers/strategy/kit';
import { epicsOf, roadmap, seedItem } from '../resolvers/roadmap/kit';
import { adminCall } from './kit';

jest.setTimeout(30_000);

const sandbox = createSandbox();
sandbox.forge.registerConsumer('epic-link-sync', linkSyncConsumer as unknown as ConsumerHandler);

type ExportedFile = { records: Record<string, Array<{ key: string; value: Record<string, unknown> }>> };
const exported = async () => valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;

async function importFile(data: unknown) {
  const summary = valueOf(await adminCall(sandbox, 'previewImport', { data }));
  return valueOf(await adminCall(sandbox, 'applyImport', { data, planId: summary.planId }));
}

const propertyOf = (epicId: string) => readEpicLinks(sandbox.site.issues.find((issue) => issue.id === epicId)?.properties[epicLinksPropertyKey]);

async function linkToItem(itemId: string, epicId: string, linksVersion: number, linked = true) {
  const change = [{ epicId, linksVersion }];
  return valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: itemId }, link: linked ? change : [], unlink: linked ? [] : change } }));
}

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.queue.clear();
  for (const epic of epicsOf(sandbox, 'THR')) delete epic.properties[epicLinksPropertyKey];
});

describe('epic links in export and import', () => {
  test('the export holds each linked epic’s links; importing it back restores them in Jira, as the admin', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
    const [epic] = epicsOf(sandbox, 'THR');
    const linked = await linkToItem(item.id, epic!.id, 0);
    const file = await exported();
    expect(file.records['epic-link']).toEqual([expect.objectContaining({ key: epic!.id, value: expect.objectContaining({ roadmapItemIds: [item.id] }) })]);

    // Someone unlinks the epic after the export; the import puts the link back, in storage and in Jira.
    await linkToItem(item.id, epic!.id, linked.epics[0]!.linksVersion, false);
    expect(propertyOf(epic!.id).roadmapItemIds).toEqual([]);
    sandbox.jira.resetStats();
    const applied = await importFile(file);
    expect(applied.epicLinks).toEqual({ restored: 1, pending: 0, refused: [] });
    expect(propertyOf(epic!.id)).toMatchObject({ roadmapItemIds: [item.id], goalIds: [goal.id] });
    expect(sandbox.jira.stats.byRoute['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}']).toBe(1);
    expect((await roadmap(sandbox)).items[0]!.epicIds).toEqual([epic!.id]);
  });

  test('links the file does not have are cleared in Jira too, not taken back from the old property', async () => {
    const item = await seedItem(sandbox, { title: 'One-tap payment' });
    const file = await exported();
    const [epic] = epicsOf(sandbox, 'THR');
    await linkToItem(item.id, epic!.id, 0);
    expect(propertyOf(epic!.id).roadmapItemIds).toEqual([item.id]);

    const applied = await importFile(file);
    expect(applied.epicLinks).toMatchObject({ restored: 1, refused: [] });
    expect(propertyOf(epic!.id).roadmapItemIds).toEqual([]);
    expect((await roadmap(sandbox)).items[0]!.epicIds).toEqual([]);
    // The next export says so as well: the epic is stored with no links.
    expect((await exported()).records['epic-link']).toEqual([expect.objectContaining({ key: epic!.id, value: expect.objectContaining({ roadmapItemIds: [], directGoalIds: [] }) })]);
  });

  test('what Jira does not take during the import is finished by the queue', async () => {
    const item = await seedItem(sandbox, { title: 'One-tap payment' });
    const [epic] = epicsOf(sandbox, 'THR');
    await linkToItem(item.id, epic!.id, 0);
    const file = await exported();
    sandbox.forge.kvs.clear();
    delete epic!.properties[epicLinksPropertyKey];
    await seedItem(sandbox, { title: 'Placeholder' }); // the project exists in storage; the file replaces it

    sandbox.jira.setFaults({ serverError: { count: 1_000, status: 500, match: '/rest/api/3/issue/' } });
    const summary = valueOf(await adminCall(sandbox, 'previewImport', { data: file }));
    const applied = valueOf(await adminCall(sandbox, 'applyImport', { data: file, planId: summary.planId }));
    expect(applied.epicLinks).toMatchObject({ restored: 0, pending: 1 });
    sandbox.jira.clearFaults();
    await sandbox.forge.drainQueue();
    expect(propertyOf(epic!.id).roadmapItemIds).toEqual([item.id]);
  });
});
