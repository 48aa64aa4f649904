import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { createSandbox } from '../../harness';
import { valueOf } from '../strategy/builders';
import { epicsOf, itemInput, roadmap, searchIndexLags, seedItem } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
  sandbox.jira.resetStats();
  searchIndexLags(sandbox);
});

const epicNamed = (summary: string, project = 'THR') => {
  const epic = epicsOf(sandbox, project).find((candidate) => candidate.summary === summary);
  if (!epic) throw new Error(`No epic ${summary}`);
  return epic;
};

async function linkToItem(itemId: string, epicIds: string[]) {
  const view = await roadmap(sandbox);
  const versions = new Map(view.epics.map((epic) => [epic.id, epic.linksVersion]));
  return valueOf(
    await sandbox.call('linkEpics', {
      as: 'productManager',
      payload: { target: { kind: 'item', id: itemId }, link: epicIds.map((epicId) => ({ epicId, linksVersion: versions.get(epicId) ?? 0 })), unlink: [] },
    }),
  );
}

describe('releases on the roadmap', () => {
  test('the project\'s versions, archived ones marked, each in its state on the viewer\'s day', async () => {
    const view = await roadmap(sandbox, 'developer');
    expect(view.releases?.map((release) => release.name)).toEqual(['2.0', '2.1', '2.2', '2.3', '2.4', '3.0']);
    expect(view.releases?.find((release) => release.name === '2.0')).toMatchObject({ archived: true, state: 'released', releaseDate: '2026-06-30' });
    expect(view.releases?.find((release) => release.name === '2.3')).toMatchObject({ archived: false, state: 'overdue', startDate: '2026-10-01', releaseDate: '2026-11-13' });
    for (const release of view.releases ?? []) {
      const expected = release.name <= '2.2' ? 'released' : release.releaseDate! < view.today ? 'overdue' : 'unreleased';
      expect(release.state).toBe(expected);
    }
    // Another project's roadmap lists its own.
    const mobile = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' }, payload: {} }));
    expect(mobile.releases?.map((release) => release.name)).toEqual(['Mobile 1.5', 'Mobile 1.8', 'Mobile 1.9', 'Mobile 2.0']);
  });

  test('one versions request for a load, none for the next ten minutes, a fresh one on a full refresh', async () => {
    const versionsRequests = () => sandbox.jira.stats.byRoute['GET /rest/api/3/project/{projectIdOrKey}/versions'] ?? 0;
    await roadmap(sandbox);
    expect(versionsRequests()).toBe(1);
    await roadmap(sandbox, 'developer');
    expect(versionsRequests()).toBe(1);
    await sandbox.call('getRoadmap', { as: 'productManager', payload: { refresh: 'full' } });
    expect(versionsRequests()).toBe(2);
  });

  test('someone who may not browse the project gets no roadmap and no releases', async () => {
    const answer = await sandbox.call('getRoadmap', { as: 'outsider', payload: {} });
    expect(answer.ok).toBe(false);
    expect(sandbox.jira.stats.byRoute['GET /rest/api/3/project/{projectIdOrKey}/versions'] ?? 0).toBe(0);
  });

  test('an item shows the releases its epics\' issues are in, and is at risk when its forecast passes one, saying which', async () => {
    const item = await seedItem(sandbox, { title: 'Loyalty relaunch' });
    await linkToItem(item.id, [epicNamed('Loyalty points').id]);
    const shown = (await roadmap(sandbox, 'developer')).items.find((candidate) => candidate.id === item.id)!;
    const delivery = shown.delivery!;
    expect(delivery.releases).toEqual([expect.objectContaining({ name: '2.3', releaseDate: '2026-11-13', state: 'overdue', archived: false })]);
    expect(delivery.releases![0]!.issues).toBe(sandbox.site.issues.filter((issue) => issue.parentId === epicNamed('Loyalty points').id && issue.issueTypeId !== '10004').length);
    expect(delivery.forecast.kind).toBe('forecast');
    const finishDate = delivery.forecast.kind === 'forecast' ? delivery.forecast.finishDate : '';
    expect(delivery.releaseRisks).toEqual([{ releaseId: delivery.releases![0]!.id, releaseName: '2.3', releaseDate: '2026-11-13', forecastDate: finishDate }]);

    // Done: its dates are no longer a promise, and neither are its releases'.
    valueOf(await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: item.id, item: itemInput({ title: 'Loyalty relaunch', status: 'done' }), baseVersion: shown.version } }));
    expect((await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!.delivery!.releaseRisks).toBeUndefined();
  });

  test('an item whose work shipped in a released version is not at risk', async () => {
    const item = await seedItem(sandbox, { title: 'Guest checkout' });
    await linkToItem(item.id, [epicNamed('Guest checkout').id]);
    const delivery = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!.delivery!;
    expect(delivery.releases).toEqual([expect.objectContaining({ name: '2.1', state: 'released' })]);
    expect(delivery.releaseRisks).toBeUndefined();
  });
});

describe('roll-up caches from before fix versions', () => {
  test('are crawled afresh once, so items show their releases without waiting for their issues to change', async () => {
    const { kvs } = await import('@forge/kvs');
    const item = await seedItem(sandbox, { title: 'Loyalty relaunch' });
    await linkToItem(item.id, [epicNamed('Loyalty points').id]);
    await roadmap(sandbox);
    // The cache as the previous version wrote it: facts without fix versions, a sync record without a format.
    await sandbox.forge.run(async () => {
      const syncs = kvs.entity<Record<string, unknown>>('project-shape');
      const syncKey = `rollup-sync.${sandbox.project('THR').id}`;
      const { facts: _format, ...older } = (await syncs.get(syncKey))!;
      await syncs.set(syncKey, older);
      const rollups = kvs.entity<{ children?: unknown[][] }>('epic-rollup');
      const epicId = epicNamed('Loyalty points').id;
      const record = (await rollups.get(epicId))!;
      await rollups.set(epicId, { ...record, children: record.children!.map((tuple) => tuple.slice(0, 3)) });
    });
    sandbox.jira.resetStats();
    const delivery = (await roadmap(sandbox)).items.find((candidate) => candidate.id === item.id)!.delivery!;
    expect(delivery.releases?.map((release) => release.name)).toEqual(['2.3']);
    expect(sandbox.jira.stats.requests).toBeGreaterThan(3);
  });
});
