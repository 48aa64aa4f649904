/**
 * Export and import: the whole of the app's data out as one versioned JSON file, and back in
 * all or nothing, after a dry run that says what would be replaced.
 */
import { kvs } from '@forge/kvs';
import type { ImportSummary } from '../../../src/contract';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { seedGoal, seedKpi, seedMeasurements } from '../resolvers/strategy/kit';
import { seedItem } from '../resolvers/roadmap/kit';
import { exportedKinds } from '../../../src/validation/import-format';
import { adminCall, appData, derivedEntities, notExportedYet } from './kit';

const sandbox = createSandbox();

type ExportedFile = { format: string; formatVersion: number; site: boolean; projects: Array<{ id: string; key: string }>; records: Record<string, Array<{ key: string; value: Record<string, unknown> }>> };

async function seedProduct() {
  await sandbox.call('saveVision', { as: 'productManager', payload: { board: { productName: 'Throughline', vision: 'Plans tied to work.', targetGroup: '', needs: '', product: '', businessGoals: '' }, baseVersion: 0 } });
  const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
  const kpi = await seedKpi(sandbox, goal.id);
  await seedMeasurements(sandbox, kpi.id, [{ date: '2026-11-01', value: 12 }, { date: '2026-11-15', value: 14 }]);
  await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
  valueOf(await adminCall(sandbox, 'saveEditRule', { rule: 'issue-editors', baseVersion: 0 }));
  return { goal, kpi };
}

/** The import's undo journal left in plain storage (`import-journal`, `import-journal.<n>`); other plain keys are caches (a project's releases). */
const importJournal = () => Object.keys(sandbox.forge.kvs.snapshot().kv).filter((key) => key === 'import-journal' || key.startsWith('import-journal.'));
const exported = async () => valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;

/** Previews `data` (limited to `projectIds`), then applies exactly that plan. */
async function importFile(data: unknown, projectIds?: string[]) {
  const preview = valueOf(await adminCall(sandbox, 'previewImport', { data, ...(projectIds ? { projectIds } : {}) }));
  return adminCall(sandbox, 'applyImport', { data, ...(projectIds ? { projectIds } : {}), planId: preview.planId });
}
const kindOf = (summary: ImportSummary, kind: string) => summary.kinds.find((entry) => entry.kind === kind);

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  sandbox.forge.kvs.setFaults({});
  await seedProduct();
  // A roadmap load fills the roll-up cache, which is derived and never exported.
  valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {} }));
});

describe('Export', () => {
  test('holds every record of the app’s own data, versioned, and nothing of the roll-up cache', async () => {
    const answer = valueOf(await adminCall(sandbox, 'exportData'));
    expect(answer.fileName).toMatch(/^throughline-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = answer.data as ExportedFile;
    expect(file).toMatchObject({ format: 'throughline-export', formatVersion: 1, site: true, projects: [{ id: sandbox.project('THR').id, key: 'THR' }] });
    const stored = appData(sandbox);
    expect(Object.keys(stored)).toEqual(expect.arrayContaining(['settings', 'product', 'vision-version', 'goal', 'kpi', 'kpi-series', 'measurement-chunk', 'roadmap-item', 'roadmap-setup']));
    for (const [kind, records] of Object.entries(stored)) {
      expect([kind, (file.records[kind] ?? []).map((record) => record.key).sort()]).toEqual([kind, Object.keys(records).sort()]);
    }
    expect(file.records['epic-rollup']).toBeUndefined();
    expect(file.records['rollup-sync']).toBeUndefined();
    expect(Object.keys(sandbox.forge.kvs.snapshot().entities['epic-rollup'] ?? {}).length).toBeGreaterThan(0);
  });

  test('every entity manifest.yml declares is either exported or a derived cache', () => {
    const declared = sandbox.forge.kvs.entityNames;
    expect(declared.filter((name) => !exportedKinds.includes(name as never) && !derivedEntities.includes(name) && !notExportedYet.includes(name))).toEqual([]);
  });
});

describe('Import', () => {
  test('export then import restores exactly what was exported, after later changes', async () => {
    const file = await exported();
    const before = appData(sandbox);
    const later = await seedGoal(sandbox, { title: 'Added after the export' });
    valueOf(await adminCall(sandbox, 'saveEditRule', { rule: 'project-admins', baseVersion: 1 }));

    const preview = valueOf(await adminCall(sandbox, 'previewImport', { data: file }));
    expect(kindOf(preview, 'goal')).toEqual({ kind: 'goal', inFile: 1, replaced: 1, added: 0, removed: 1 });
    expect(preview.replacesSiteSettings).toBe(true);
    expect(appData(sandbox)).not.toEqual(before); // the dry run changed nothing

    const applied = valueOf(await adminCall(sandbox, 'applyImport', { data: file, planId: preview.planId }));
    expect(applied.operations).toBe(preview.operations);
    expect(appData(sandbox)).toEqual(before);
    expect(JSON.stringify(appData(sandbox))).not.toContain(later.id);
    expect(importJournal()).toEqual([]); // the undo journal is gone
  });

  test('an import with one bad record changes nothing and names the record', async () => {
    const file = await exported();
    valueOf(await sandbox.call('createGoal', { as: 'productManager', payload: { goal: { title: 'Kept', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } } }));
    const kpis = file.records.kpi ?? [];
    const broken = { ...file, records: { ...file.records, kpi: kpis.map((record, n) => (n === 0 ? { ...record, value: { ...record.value, direction: 'sideways' } } : record)) } };
    const before = sandbox.forge.kvs.snapshot();
    for (const answer of [await adminCall(sandbox, 'previewImport', { data: broken }), await adminCall(sandbox, 'applyImport', { data: broken, planId: '0'.repeat(64) })]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field: 'data', message: expect.stringContaining('The kpi record 1 (key') } });
    }
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test.each([
    ['not an export at all', { hello: 'world' }, 'not a Throughline export'],
    ['a later format version', { format: 'throughline-export', formatVersion: 2, exportedAt: '2026-12-01T00:00:00.000Z', projects: [], records: {} }, 'version'],
    ['a KPI whose goal is not in the file', 'orphan', 'not in the file'],
    ['a record of an unknown kind', 'unknown-kind', 'unknown kind'],
    ['a project of another site', 'other-site', 'not a project of this site'],
  ])('%s is refused before anything is written', async (_name, data, message) => {
    const file = await exported();
    const payload =
      data === 'orphan'
        ? { ...file, records: { ...file.records, goal: [] } }
        : data === 'unknown-kind'
          ? { ...file, records: { ...file.records, 'epic-rollup': [] } }
          : data === 'other-site'
            ? { ...file, projects: [...file.projects, { id: '424242', key: 'ELSE' }] }
            : data;
    const before = sandbox.forge.kvs.snapshot();
    expect(await adminCall(sandbox, 'applyImport', { data: payload, planId: '0'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(message) } });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test('a storage failure part-way through puts everything back as it was', async () => {
    for (let n = 0; n < 26; n++) await seedItem(sandbox, { title: `Item ${n}` });
    const file = await exported();
    await seedGoal(sandbox, { title: 'Added after the export' });
    const before = appData(sandbox);
    const preview = valueOf(await adminCall(sandbox, 'previewImport', { data: file }));
    expect(preview.operations).toBeGreaterThan(25); // more than one transaction
    // The first transaction of the import lands, the second fails; the undo's transactions then succeed.
    sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR', paths: ['/api/v1/transaction'], after: 1, times: 1 } });
    expect(await adminCall(sandbox, 'applyImport', { data: file, planId: preview.planId })).toMatchObject({
      ok: false,
      error: { code: 'storage-unavailable', message: expect.stringContaining('everything was put back as it was') },
    });
    expect(appData(sandbox)).toEqual(before);
    expect(importJournal()).toEqual([]);
  });

  test('an import cut off by the end of its invocation is undone by the next admin call', async () => {
    const before = appData(sandbox);
    const goalKey = Object.keys(before.goal ?? {})[0] as string;
    // What an import leaves when its invocation ends between two transactions: its journal, and part of its writes.
    await sandbox.forge.run(async () => {
      await kvs.set('import-journal.0', [
        { kind: 'goal', key: goalKey, before: before.goal?.[goalKey] },
        { kind: 'goal', key: 'goal-half-imported', imported: { title: 'Half imported' } },
      ]);
      await kvs.set('import-journal', { startedAt: '2026-01-01T00:00:00.000Z', by: 'admin', chunks: 1 });
      await kvs.entity('goal').delete(goalKey);
      await kvs.entity('goal').set('goal-half-imported', { title: 'Half imported' });
    });
    const settings = valueOf(await adminCall(sandbox, 'getAdminSettings'));
    expect(settings.undoneImport).toEqual({ startedAt: '2026-01-01T00:00:00.000Z' });
    expect(appData(sandbox)).toEqual(before);
  });

  test('the round trip of an empty site is an empty file that imports cleanly', async () => {
    sandbox.forge.kvs.clear();
    const file = await exported();
    expect(file.projects).toEqual([]);
    valueOf(await importFile(file));
    expect(appData(sandbox)).toEqual({});
  });
});
