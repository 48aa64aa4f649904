/**
 * Forge allows 20 custom entities an app: five small kinds now share an entity with another
 * (src/adapters/storage/record-places.ts). Export files keep naming records by kind, so a file
 * exported before the merge imports into the new places, exports come out as before; and settings
 * stored by an earlier release under the old entities move once, in a bridge release
 * (src/adapters/storage/legacy-entities.ts).
 */
import { kvs } from '@forge/kvs';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { adminCall } from './kit';
import { ForgeSandbox } from '../../sandbox/forge/sandbox';
import { loadManifest } from '../../sandbox/forge/manifest';
import { offlineJira } from '../../sandbox/forge/test-fixtures';
import type { EntityDeclaration } from '../../sandbox/forge/kvs/entity-schema';
import { moveLegacySettings } from '../../../src/adapters/storage/legacy-entities';
import { loadStoryPointOverride, readStoryPointSetting } from '../../../src/adapters/storage/story-point-setting';
import { loadSprintBoards, saveSprintBoards } from '../../../src/adapters/storage/sprint-board-setting';
import { loadLanes } from '../../../src/adapters/storage/roadmap-store';
import { forgetShapesWithBoard, readEpicCards, readProjectShape, writeEpicCards, writeProjectShape } from '../../../src/adapters/storage/project-cache';

type ExportedFile = { format: string; formatVersion: number; exportedAt: string; site: boolean; projects: Array<{ id: string; key: string }>; records: Record<string, Array<{ key: string; value: Record<string, unknown> }>> };

const at = '2026-11-20T10:00:00.000Z';

describe('export files across the merge', () => {
  const sandbox = createSandbox();
  beforeEach(() => sandbox.forge.kvs.clear());

  /** A file as the app exported it while each kind had an entity of its own (format 1, keys unprefixed). */
  const fileFromBefore = (): ExportedFile => {
    const thr = sandbox.project('THR').id;
    return {
      format: 'throughline-export',
      formatVersion: 1,
      exportedAt: at,
      site: true,
      projects: [{ id: thr, key: 'THR' }],
      records: {
        settings: [{ key: 'site', value: { editRule: 'issue-editors', version: 2, updatedAt: at, updatedBy: 'admin-1' } }],
        'story-point-setting': [
          { key: 'site', value: { fieldId: 'customfield_10016', version: 1, updatedAt: at, updatedBy: 'admin-1' } },
          { key: thr, value: { fieldId: 'customfield_10020', version: 3, updatedAt: at, updatedBy: 'admin-1' } },
        ],
        'sprint-boards': [{ key: thr, value: { projectId: thr, boardIds: [1], version: 2, updatedAt: at, updatedBy: 'admin-1' } }],
        'roadmap-lanes': [{ key: thr, value: { projectId: thr, laneMode: 'custom', lanes: [{ id: 'lane-1', name: 'Payments' }], version: 4, updatedAt: at, updatedBy: 'pm-1' } }],
      },
    };
  };

  test('a file exported before imports into the shared entities, and exports again exactly as it was', async () => {
    const thr = sandbox.project('THR').id;
    const file = fileFromBefore();
    const preview = valueOf(await adminCall(sandbox, 'previewImport', { data: file }));
    valueOf(await adminCall(sandbox, 'applyImport', { data: file, planId: preview.planId }));

    const { entities } = sandbox.forge.kvs.snapshot();
    expect(Object.keys(entities['settings'] ?? {}).sort()).toEqual(['site', `lanes.${thr}`, 'story-points.site', `story-points.${thr}`, `sprint-boards.${thr}`].sort());
    // The app reads them where it now keeps them.
    await sandbox.forge.run(async () => {
      expect(await loadStoryPointOverride(thr)).toEqual({ fieldId: 'customfield_10020', scope: 'project' });
      expect(await readStoryPointSetting({ kind: 'site' })).toEqual({ fieldId: 'customfield_10016', version: 1 });
      expect(await loadSprintBoards(thr)).toEqual({ boardIds: [1], version: 2 });
      expect(await loadLanes(thr)).toMatchObject({ laneMode: 'custom', lanes: [{ id: 'lane-1', name: 'Payments' }], version: 4 });
    });

    const again = valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;
    for (const kind of ['settings', 'story-point-setting', 'sprint-boards', 'roadmap-lanes']) {
      const byKey = (records: ExportedFile['records'][string] = []) => [...records].sort((a, b) => a.key.localeCompare(b.key));
      expect([kind, byKey(again.records[kind])]).toEqual([kind, byKey(file.records[kind])]);
    }
  });
});

describe('settings stored by an earlier release under entities of their own', () => {
  const settings = loadManifest('manifest.yml').entities.find((entity) => entity.name === 'settings')!;
  const audit = { version: { type: 'integer' }, updatedAt: { type: 'string' }, updatedBy: { type: 'string' } } as const;
  // The bridge release's manifest: the old entities (as they were declared) beside `settings` with its new attributes.
  const legacy: EntityDeclaration[] = [
    { name: 'story-point-setting', attributes: { fieldId: { type: 'string' }, ...audit } },
    { name: 'sprint-boards', attributes: { projectId: { type: 'string' }, boardIds: { type: 'any' }, ...audit } },
    { name: 'roadmap-lanes', attributes: { projectId: { type: 'string' }, laneMode: { type: 'string' }, lanes: { type: 'any' }, ...audit } },
  ];

  test('move once into `settings` with their versions; a setting saved since wins; a second run moves nothing', async () => {
    const bridge = new ForgeSandbox({ jira: offlineJira, manifest: { scopes: ['storage:app'], entities: [settings, ...legacy], functions: {}, modules: [] } });
    bridge.install();
    const old = (name: string) => kvs.entity<Record<string, unknown>>(name);
    await old('story-point-setting').set('site', { fieldId: 'customfield_10016', version: 2, updatedAt: at, updatedBy: 'admin-1' });
    await old('story-point-setting').set('10000', { fieldId: 'customfield_10020', version: 1, updatedAt: at, updatedBy: 'admin-1' });
    await old('sprint-boards').set('10000', { projectId: '10000', boardIds: [1, 2], version: 3, updatedAt: at, updatedBy: 'admin-1' });
    await old('sprint-boards').set('10001', { projectId: '10001', boardIds: [7], version: 1, updatedAt: at, updatedBy: 'admin-1' });
    await old('roadmap-lanes').set('10000', { projectId: '10000', laneMode: 'custom', lanes: [{ id: 'lane-1', name: 'Payments' }], version: 4, updatedAt: at, updatedBy: 'pm-1' });
    // Saved after the upgrade, before the move ran: the newer choice stays.
    expect(await saveSprintBoards({ projectId: '10001', boardIds: [9], baseVersion: 0, by: 'admin-2', at })).toBe('committed');

    expect(await moveLegacySettings(['10000', '10001', '10002'])).toEqual({ moved: 4, superseded: 1, conflicts: 0 });

    expect(await readStoryPointSetting({ kind: 'site' })).toEqual({ fieldId: 'customfield_10016', version: 2 });
    expect(await loadStoryPointOverride('10000')).toEqual({ fieldId: 'customfield_10020', scope: 'project' });
    expect(await loadSprintBoards('10000')).toEqual({ boardIds: [1, 2], version: 3 });
    expect(await loadSprintBoards('10001')).toEqual({ boardIds: [9], version: 1 });
    expect(await loadLanes('10000')).toMatchObject({ laneMode: 'custom', lanes: [{ id: 'lane-1', name: 'Payments' }], version: 4 });
    const { entities } = bridge.kvs.snapshot();
    for (const { name } of legacy) expect([name, entities[name] ?? {}]).toEqual([name, {}]);
    // The version carried over: an admin page opened before the move saves over it.
    expect(await saveSprintBoards({ projectId: '10000', boardIds: [2], baseVersion: 3, by: 'admin-1', at })).toBe('committed');
    expect(await moveLegacySettings(['10000', '10001', '10002'])).toEqual({ moved: 0, superseded: 0, conflicts: 0 });
  });

  test('once the manifest stops declaring them, Forge neither reads nor writes the old entities', async () => {
    const current = new ForgeSandbox({ jira: offlineJira, manifest: loadManifest('manifest.yml') });
    current.install();
    for (const { name } of legacy) {
      await expect(kvs.entity(name).get('10000')).rejects.toThrow(/not declared/);
    }
  });
});

describe('kinds sharing an entity never meet', () => {
  test('an epic card whose id is a project id, the project shape and its cards each read as themselves', async () => {
    const current = new ForgeSandbox({ jira: offlineJira, manifest: loadManifest('manifest.yml') });
    current.install();
    // Jira's issue and project ids are numbers from overlapping ranges: epic 10001 and project 10001 both exist.
    const shape = { projectId: '10001', epicTypeIds: ['10000'], boards: [{ id: 7, name: 'Board', type: 'scrum' }], sprints: [], shapeAt: at } as unknown as Parameters<typeof writeProjectShape>[0];
    await writeProjectShape(shape);
    const card = { id: '10001', key: 'THR-1', summary: 'Payments', statusName: 'To Do', statusCategoryKey: 'new', projectId: '10000', issueTypeId: '10000', links: { roadmapItemIds: [], directGoalIds: [], goalIds: [], version: 0 }, updated: at };
    await writeEpicCards('10000', { put: [card] });

    expect(await readProjectShape('10001')).toEqual(shape);
    expect([...(await readEpicCards('10000')).keys()]).toEqual(['10001']);
    expect(await readEpicCards('10001')).toEqual(new Map());
    // The sprint event's walk over shapes meets shapes only.
    expect(await forgetShapesWithBoard(7)).toEqual(['10001']);
  });
});
