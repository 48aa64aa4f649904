/**
 * Export and import carry item owners, score inputs and the product's scoring method; a file that
 * would store what an editor could not (an impact off the scale, an unknown method, an owner whose
 * name and id disagree) is refused whole, before anything is written.
 */
import { createSandbox } from '../harness';
import { DEMO_USERS } from '../../sandbox/demo';
import { valueOf } from '../resolvers/strategy/builders';
import { roadmap, seedItem } from '../resolvers/roadmap/kit';
import { adminCall } from './kit';

const sandbox = createSandbox();

type ExportedFile = { records: Record<string, Array<{ key: string; value: Record<string, unknown> }>> } & Record<string, unknown>;
const inputs = { reach: { source: 'live' }, impact: 2, confidence: 80, effort: { source: 'entered', value: 13 } } as const;

const exported = async () => valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;
async function importFile(data: unknown) {
  const preview = await adminCall(sandbox, 'previewImport', { data });
  if (!preview.ok) return preview;
  return adminCall(sandbox, 'applyImport', { data, planId: preview.value.planId });
}
const storedEntities = () => JSON.stringify(sandbox.forge.kvs.snapshot().entities);

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  await seedItem(sandbox, { title: 'One-tap payment', ownerAccountId: DEMO_USERS.developer, scoreInputs: inputs });
  valueOf(await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'rice', baseVersion: 0 } }));
});

test('owners, score inputs and the scoring method go out and come back; export → import → export is identical', async () => {
  const file = await exported();
  const item = file.records['roadmap-item']?.[0]?.value;
  expect(item).toMatchObject({ ownerAccountId: DEMO_USERS.developer, owner: { displayName: 'Lukas Becker' }, scoreInputs: inputs });
  expect(file.records['roadmap-setup']?.[0]?.value).toMatchObject({ scoringMethod: 'rice', scoringVersion: 1 });

  // Changed after the export: the import puts the exported state back.
  const view = await roadmap(sandbox);
  valueOf(await sandbox.call('updateRoadmapItem', { as: 'productManager', payload: { id: view.items[0]!.id, item: { title: 'x', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'idea', ownerAccountId: null, scoreInputs: null }, baseVersion: 1 } }));
  valueOf(await sandbox.call('saveScoringMethod', { as: 'productManager', payload: { method: 'none', baseVersion: 1 } }));

  valueOf(await importFile(file));
  const back = await roadmap(sandbox);
  expect(back.scoring).toEqual({ method: 'rice', version: 1 });
  expect(back.items[0]).toMatchObject({ owner: { accountId: DEMO_USERS.developer }, scoreInputs: inputs });
  const again = await exported();
  expect(again.records['roadmap-item']).toEqual(file.records['roadmap-item']);
  expect(again.records['roadmap-setup']).toEqual(file.records['roadmap-setup']);
});

describe('hostile files are refused whole and change nothing', () => {
  const cases: Array<[string, (file: ExportedFile) => void, RegExp]> = [
    ['an impact off RICE’s scale', (file) => ((file.records['roadmap-item']![0]!.value.scoreInputs as Record<string, unknown>).impact = 7), /scoreInputs\.impact/],
    ['a reach past the bound', (file) => ((file.records['roadmap-item']![0]!.value.scoreInputs as Record<string, unknown>).reach = { source: 'entered', value: 1e300 }), /scoreInputs\.reach/],
    ['zero effort entered', (file) => ((file.records['roadmap-item']![0]!.value.scoreInputs as Record<string, unknown>).effort = { source: 'entered', value: 0 }), /scoreInputs\.effort/],
    ['an unknown scoring method', (file) => (file.records['roadmap-setup']![0]!.value.scoringMethod = 'wsjf'), /scoringMethod/],
    ['a scoring version past storage’s integers', (file) => (file.records['roadmap-setup']![0]!.value.scoringVersion = 2 ** 31), /scoringVersion/],
    ['an owner whose name is someone else’s', (file) => ((file.records['roadmap-item']![0]!.value.owner as Record<string, unknown>).accountId = DEMO_USERS.admin), /owner/],
    ['an owner id that is no account id', (file) => (file.records['roadmap-item']![0]!.value.ownerAccountId = '<script>'), /ownerAccountId/],
  ];
  test.each(cases)('%s', async (_name, spoil, where) => {
    const file = await exported();
    spoil(file);
    const before = storedEntities();
    const answer = await importFile(file);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!answer.ok && `${answer.error.message} ${answer.error.field ?? ''}`).toMatch(where);
    expect(storedEntities()).toBe(before);
  });
});
