/** Export and import carry items' dependencies; a file with a malformed list is refused whole. */
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { itemInput, roadmap, seedItem } from '../resolvers/roadmap/kit';
import { adminCall } from './kit';

const sandbox = createSandbox();

type ExportedFile = { records: Record<string, Array<{ key: string; value: Record<string, unknown> }>> } & Record<string, unknown>;
const exported = async () => valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;
async function importFile(data: unknown) {
  const preview = await adminCall(sandbox, 'previewImport', { data });
  if (!preview.ok) return preview;
  return adminCall(sandbox, 'applyImport', { data, planId: preview.value.planId });
}

beforeEach(() => sandbox.forge.kvs.clear());

test('dependencies go out and come back; export → import → export is identical', async () => {
  const api = await seedItem(sandbox, { title: 'Payments API' });
  const ui = await seedItem(sandbox, { title: 'Checkout UI', dependsOn: [api.id] });
  const file = await exported();
  expect(file.records['roadmap-item']?.find((record) => record.key === ui.id)?.value.dependsOn).toEqual([api.id]);

  valueOf(await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: ui.id, item: itemInput({ title: 'Checkout UI', dependsOn: [] }), baseVersion: 1 } }));
  valueOf(await importFile(file));
  expect((await roadmap(sandbox)).items.find((item) => item.id === ui.id)?.dependsOn).toEqual([api.id]);
  expect((await exported()).records['roadmap-item']).toEqual(file.records['roadmap-item']);
});

test('a file whose dependency list is not a list of ids, or too long, is refused and changes nothing', async () => {
  const api = await seedItem(sandbox, { title: 'Payments API' });
  await seedItem(sandbox, { title: 'Checkout UI', dependsOn: [api.id] });
  const before = JSON.stringify(sandbox.forge.kvs.snapshot().entities);
  for (const bad of ['item-1', [42], Array.from({ length: 21 }, (_, n) => `item-${n}`)]) {
    const file = await exported();
    file.records['roadmap-item']![1]!.value.dependsOn = bad;
    const answer = await importFile(file);
    expect(answer).toMatchObject({ ok: false, error: { message: expect.stringMatching(/dependsOn/) } });
    expect(JSON.stringify(sandbox.forge.kvs.snapshot().entities)).toBe(before);
  }
});
