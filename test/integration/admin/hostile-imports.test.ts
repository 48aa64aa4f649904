/**
 * Import files written to hurt: records aimed at another project, keys storage would refuse,
 * broken invariants, a site that changed between preview and apply, and storage failing during
 * the undo. Each must change nothing it should not, and leave the admin page working.
 */
import { kvs } from '@forge/kvs';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { inProject, seedGoal, seedKpi } from '../resolvers/strategy/kit';
import { seedItem } from '../resolvers/roadmap/kit';
import { adminCall, appData } from './kit';

const sandbox = createSandbox();

type Records = Record<string, Array<{ key: string; value: Record<string, unknown> }>>;
type ExportedFile = { format: string; formatVersion: number; exportedAt: string; site: boolean; projects: Array<{ id: string; key: string }>; records: Records };

const exported = async () => valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;
const preview = (data: unknown, projectIds?: string[]) => adminCall(sandbox, 'previewImport', { data, ...(projectIds ? { projectIds } : {}) });

/** Previews `data`, then applies exactly that plan. */
async function importFile(data: unknown, projectIds?: string[]) {
  const summary = valueOf(await preview(data, projectIds));
  return adminCall(sandbox, 'applyImport', { data, ...(projectIds ? { projectIds } : {}), planId: summary.planId });
}

/** `file` with the records of `kind` passed through `change`. */
const withRecords = (file: ExportedFile, kind: string, change: (records: Records[string]) => Records[string]): ExportedFile => ({
  ...file,
  records: { ...file.records, [kind]: change(file.records[kind] ?? []) },
});

const thr = () => sandbox.project('THR').id;
const mob = () => sandbox.project('MOB').id;

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  sandbox.forge.kvs.setFaults({});
  const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
  await seedKpi(sandbox, goal.id);
  await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
  await seedItem(sandbox, { title: 'Saved cards' });
  await seedGoal(sandbox, { title: 'Mobile retention' }, { as: 'admin', in: inProject('MOB') });
});

describe('records are bound to the projects the admin selected', () => {
  test('a THR file whose goal key is a MOB goal is refused, and MOB keeps its goal', async () => {
    const mobGoalKey = Object.entries(appData(sandbox).goal ?? {}).find(([, value]) => (value as { projectId: string }).projectId === mob())?.[0] as string;
    const file = await exported();
    const thrOnly = withRecords({ ...file, projects: file.projects.filter((p) => p.id === thr()) }, 'goal', (goals) =>
      goals.filter((goal) => goal.value.projectId === thr()).map((goal, n) => (n === 0 ? { ...goal, key: mobGoalKey } : goal)),
    );
    const hostile = {
      ...thrOnly,
      records: Object.fromEntries(Object.entries(thrOnly.records).map(([kind, list]) => [kind, list.filter((r) => r.value.projectId !== mob() && r.key !== mob())])),
    };
    // The KPI's goal must follow the renamed key, or the file is refused for an orphan instead.
    const oldKey = (file.records.goal ?? []).find((goal) => goal.value.projectId === thr() && goal.value.title === 'Faster checkout')?.key;
    hostile.records.kpi = (hostile.records.kpi ?? []).map((kpi) => (kpi.value.goalId === oldKey ? { ...kpi, value: { ...kpi.value, goalId: mobGoalKey } } : kpi));
    hostile.records['kpi-series'] = (hostile.records['kpi-series'] ?? []).map((series) => ({ ...series, value: { ...series.value, goalId: mobGoalKey } }));
    const before = sandbox.forge.kvs.snapshot();

    expect(await preview(hostile)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(`already exists in project id ${mob()}`) } });
    expect(await adminCall(sandbox, 'applyImport', { data: hostile, planId: '0'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test('only the selected projects are imported; the others in the file keep their data', async () => {
    const file = await exported();
    expect(file.projects.map((p) => p.key).sort()).toEqual(['MOB', 'THR']);
    await seedGoal(sandbox, { title: 'Added to MOB later' }, { as: 'admin', in: inProject('MOB') });
    await seedGoal(sandbox, { title: 'Added to THR later' });
    const summary = valueOf(await preview(file, [thr()]));
    expect(summary.projects.map((p) => p.id)).toEqual([thr()]);
    expect(summary.skippedProjects.map((p) => p.key)).toEqual(['MOB']);
    valueOf(await adminCall(sandbox, 'applyImport', { data: file, projectIds: [thr()], planId: summary.planId }));
    const titles = Object.values(appData(sandbox).goal ?? {}).map((goal) => (goal as { title: string }).title).sort();
    expect(titles).toEqual(['Added to MOB later', 'Faster checkout', 'Mobile retention']);
  });

  test('a project id that is not in the file is refused', async () => {
    expect(await preview(await exported(), ['10099'])).toMatchObject({ ok: false, error: { code: 'invalid', field: 'projectIds' } });
  });
});

describe('keys and values as storage takes them', () => {
  test.each([
    ['a key with a character storage refuses', (file: ExportedFile) => withRecords(file, 'goal', (goals) => goals.map((g, n) => (n === 0 ? { ...g, key: 'goal/../x' } : g))), 'record key'],
    ['a version past 32-bit integers', (file: ExportedFile) => withRecords(file, 'goal', (goals) => goals.map((g) => ({ ...g, value: { ...g.value, version: 2 ** 31 } }))), 'version'],
    ['a date that is not in the calendar', (file: ExportedFile) => withRecords(file, 'roadmap-item', (items) => items.map((i) => ({ ...i, value: { ...i.value, startDate: '2026-02-31' } }))), 'startDate'],
    ['a lane listed twice', (file: ExportedFile) => withRecords(file, 'roadmap-lanes', () => [{ key: thr(), value: { projectId: thr(), laneMode: 'custom', lanes: [{ id: 'lane-1', name: 'A' }, { id: 'lane-1', name: 'B' }], version: 1, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'x' } }]), 'lane appears twice'],
    ['a lone surrogate in a title', (file: ExportedFile) => withRecords(file, 'goal', (goals) => goals.map((g) => ({ ...g, value: { ...g.value, title: 'Broken \ud800' } }))), 'broken character'],
    ['a vision version under another key than the app uses', (file: ExportedFile) => withRecords(file, 'vision-version', () => [{ key: 'elsewhere', value: { projectId: thr(), version: 1, board: { productName: 'Product', vision: 'v', targetGroup: '', needs: '', product: '', businessGoals: '' }, savedAt: '2026-11-01T00:00:00.000Z', savedBy: { accountId: 'a', displayName: 'A' } } }]), 'its key must be'],
  ])('%s is refused before anything is written', async (_name, spoil, message) => {
    const file = spoil(await exported());
    const before = sandbox.forge.kvs.snapshot();
    expect(await preview(file)).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining(message) } });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test('counts that disagree with the records and broken or tied ranks are worked out again, and the roadmap still takes new items', async () => {
    let file = await exported();
    file = withRecords(file, 'product', (products) => products.map((p) => ({ ...p, value: { ...p.value, goalCount: 40, kpiCounts: {} } })));
    file = withRecords(file, 'roadmap-setup', (setups) => setups.map((s) => ({ ...s, value: { ...s.value, itemCount: 999 } })));
    file = withRecords(file, 'roadmap-item', (items) => items.map((i) => ({ ...i, value: { ...i.value, rank: 'A' } })));
    const summary = valueOf(await preview(file));
    expect(summary.corrections).toEqual(
      expect.arrayContaining([
        { kind: 'product', projectId: thr(), what: 'counts' },
        { kind: 'roadmap-setup', projectId: thr(), what: 'counts' },
        { kind: 'roadmap-item', projectId: thr(), what: 'ranks' },
      ]),
    );
    valueOf(await adminCall(sandbox, 'applyImport', { data: file, planId: summary.planId }));
    const stored = appData(sandbox);
    expect((stored['roadmap-setup']?.[thr()] as { itemCount: number }).itemCount).toBe(2);
    expect((stored.product?.[thr()] as { goalCount: number }).goalCount).toBe(1);
    const ranks = Object.values(stored['roadmap-item'] ?? {}).map((item) => (item as { rank: string }).rank);
    expect(new Set(ranks).size).toBe(2);
    expect(ranks.every((rank) => /^[0-9a-z]*[1-9a-z]$/.test(rank))).toBe(true);
    expect(await sandbox.call('createRoadmapItem', { as: 'productManager', payload: { item: { title: 'After the import', description: '', goalId: null, laneId: null, horizon: 'next', startDate: null, endDate: null, status: 'planned' } } })).toMatchObject({ ok: true });
  });

  test('an export taken after deleting a goal that had items imports again and exports the same', async () => {
    const goal = (await exported()).records.goal?.find((g) => g.value.title === 'Faster checkout');
    valueOf(await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: goal!.key, baseVersion: goal!.value.version as number } }));
    const first = await exported();
    expect(JSON.stringify(first.records['roadmap-item'])).toContain(goal!.key); // the item still names its deleted goal
    valueOf(await importFile(first));
    const second = await exported();
    expect({ ...second, exportedAt: '' }).toEqual({ ...first, exportedAt: '' });
  });
});

describe('applying checks the plan the preview showed', () => {
  test('an edit made between preview and apply makes the apply a conflict that changes nothing', async () => {
    const file = await exported();
    const summary = valueOf(await preview(file));
    await seedGoal(sandbox, { title: 'Added between preview and apply' });
    const before = sandbox.forge.kvs.snapshot();
    expect(await adminCall(sandbox, 'applyImport', { data: file, planId: summary.planId })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('Preview the file again') } });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test('a plan id from another selection is refused too', async () => {
    const file = await exported();
    const all = valueOf(await preview(file));
    expect(await adminCall(sandbox, 'applyImport', { data: file, projectIds: [thr()], planId: all.planId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

/**
 * Plain keys left in storage, the roadmaps' board versions apart: an import marks the boards it
 * replaces changed (src/resolvers/admin/data.ts), the journal must be gone.
 */
const plainKeysBesideBoardVersions = () => Object.keys(sandbox.forge.kvs.snapshot().kv).filter((key) => !key.startsWith('roadmap-board.'));

describe('undo never reverts a later edit, and a failing undo leaves the admin page working', () => {
  /** What an import leaves when its invocation ends after its first transaction: a journal and part of its writes. */
  async function cutOffImport(goalKey: string, imported: Record<string, unknown>, before: unknown) {
    await sandbox.forge.run(async () => {
      await kvs.set('import-journal.0', [{ kind: 'goal', key: goalKey, before, imported }]);
      await kvs.set('import-journal', { startedAt: '2026-01-01T00:00:00.000Z', by: 'admin', chunks: 1 });
      await kvs.entity('goal').set(goalKey, imported);
    });
  }

  test('a record edited after a cut-off import keeps the edit when the import is undone', async () => {
    const [goalKey, before] = Object.entries(appData(sandbox).goal ?? {})[0] as [string, Record<string, unknown>];
    const imported = { ...before, title: 'From the import', version: 7 };
    await cutOffImport(goalKey, imported, before);
    const edited = { ...imported, title: 'Edited after the import', version: 8 };
    await sandbox.forge.run(() => kvs.entity('goal').set(goalKey, edited));

    const settings = valueOf(await adminCall(sandbox, 'getAdminSettings'));
    expect(settings.undoneImport).toEqual({ startedAt: '2026-01-01T00:00:00.000Z' });
    expect(appData(sandbox).goal?.[goalKey]).toEqual(edited);
    expect(plainKeysBesideBoardVersions()).toEqual([]);
  });

  test('storage failing during the undo leaves the page working with a notice; a later visit finishes the undo', async () => {
    const [goalKey, before] = Object.entries(appData(sandbox).goal ?? {})[0] as [string, Record<string, unknown>];
    await cutOffImport(goalKey, { ...before, title: 'From the import' }, before);
    sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR', paths: ['/api/v1/transaction'], times: 5 } });

    const settings = valueOf(await adminCall(sandbox, 'getAdminSettings'));
    expect(settings.unfinishedImport).toEqual({ startedAt: '2026-01-01T00:00:00.000Z', remaining: 1 });
    expect(await adminCall(sandbox, 'exportData')).toMatchObject({ ok: true });
    const file = await exported();
    expect(await preview(file)).toMatchObject({ ok: true });

    sandbox.forge.kvs.setFaults({});
    expect(valueOf(await adminCall(sandbox, 'getAdminSettings'))).toMatchObject({ undoneImport: { startedAt: '2026-01-01T00:00:00.000Z' } });
    expect(appData(sandbox).goal?.[goalKey]).toEqual(before);
    expect(plainKeysBesideBoardVersions()).toEqual([]);
  });
});
