/**
 * Evidence in the admin's export and import: carried whole (notes, linked issues, saved searches),
 * and a file written to hurt (evidence on another project's item, on an item not in the file,
 * past the limits, with chunks that disagree with their head, or JQL the app would not store) is
 * refused before anything is written.
 */
import type { EvidenceInput } from '../../../src/contract';
import { limits } from '../../../src/validation/limits';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { inProject } from '../resolvers/strategy/kit';
import { seedItem } from '../resolvers/roadmap/kit';
import { adminCall, appData } from './kit';

const sandbox = createSandbox();

type Records = Record<string, Array<{ key: string; value: Record<string, unknown> }>>;
type ExportedFile = { format: string; formatVersion: number; exportedAt: string; projects: Array<{ id: string; key: string }>; records: Records };

const exported = async () => valueOf(await adminCall(sandbox, 'exportData')).data as ExportedFile;
const preview = (data: unknown) => adminCall(sandbox, 'previewImport', { data });
const add = (itemId: string, evidence: EvidenceInput, project = 'THR') => sandbox.call('addEvidence', { as: 'admin', in: inProject(project), payload: { itemId, evidence } });
const note = (text: string): EvidenceInput => ({ kind: 'note', note: { text, source: 'Interview', customer: 'Retail', date: '2026-10-01' } });

let thrItemId = '';
let mobItemId = '';

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  thrItemId = (await seedItem(sandbox, { title: 'Guest checkout' })).id;
  mobItemId = (await seedItemIn('MOB')).id;
  for (let n = 0; n < 27; n += 1) valueOf(await add(thrItemId, note(`Quote ${n}`)));
  valueOf(await add(thrItemId, { kind: 'issue', issueKey: sandbox.site.issues.find((issue) => issue.projectId === sandbox.project('OPS').id)!.key }));
  valueOf(await add(thrItemId, { kind: 'jql', label: 'support requests', jql: 'project = OPS' }));
  valueOf(await add(mobItemId, note('Mobile users want offline'), 'MOB'));
});

async function seedItemIn(project: string) {
  return valueOf(
    await sandbox.call('createRoadmapItem', {
      as: 'admin',
      in: inProject(project),
      payload: { item: { title: 'Offline mode', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' } },
    }),
  );
}

const listed = async (itemId: string, project = 'THR') => valueOf(await sandbox.call('listItemEvidence', { as: 'admin', in: inProject(project), payload: { itemId } }));

test('export → import → export carries every kind of evidence unchanged, and the item lists it again', async () => {
  const file = await exported();
  expect(file.records.evidence).toHaveLength(2);
  expect(file.records['evidence-notes']?.map((record) => record.key).sort()).toEqual([`${mobItemId}.0`, `${thrItemId}.0`, `${thrItemId}.1`].sort());
  const before = await listed(thrItemId);

  sandbox.forge.kvs.clear();
  const summary = valueOf(await preview(file));
  expect(summary.kinds.find((kind) => kind.kind === 'evidence')).toMatchObject({ inFile: 2, added: 2 });
  valueOf(await adminCall(sandbox, 'applyImport', { data: file, planId: summary.planId }));

  const again = await exported();
  expect(again.records.evidence).toEqual(file.records.evidence);
  expect(again.records['evidence-notes']).toEqual(file.records['evidence-notes']);
  expect(await listed(thrItemId)).toEqual(before);
  expect(before.summary).toMatchObject({ notes: 27, issues: 1, jql: [{ label: 'support requests' }] });
});

describe('hostile files are refused and change nothing', () => {
  const refusals: Array<[string, (file: ExportedFile) => ExportedFile, RegExp]> = [
    [
      'evidence naming another project’s item',
      (file) => mapRecords(file, 'evidence', (record) => (record.value.itemId === mobItemId ? { ...record, value: { ...record.value, projectId: sandbox.project('THR').id } } : record)),
      /another project|no evidence record/,
    ],
    ['evidence of an item the file does not have', (file) => ({ ...file, records: { ...file.records, 'roadmap-item': (file.records['roadmap-item'] ?? []).filter((record) => record.key !== mobItemId) } }), /not in the file/],
    ['a head under another item’s key', (file) => mapRecords(file, 'evidence', (record) => (record.value.itemId === mobItemId ? { ...record, key: thrItemId } : record)), /key/],
    ['a notes chunk the head does not count', (file) => mapRecords(file, 'evidence-notes', (record) => (record.key === `${thrItemId}.1` ? { ...record, value: { ...record.value, notes: [...(record.value.notes as unknown[]), ...(record.value.notes as unknown[])] } } : record)), /says otherwise|twice/],
    ['a head counting a chunk the file lacks', (file) => ({ ...file, records: { ...file.records, 'evidence-notes': (file.records['evidence-notes'] ?? []).filter((record) => record.key !== `${thrItemId}.1`) } }), /not in the file/],
    [
      `more than ${limits.evidenceJqlPerItem} saved searches`,
      (file) => mapRecords(file, 'evidence', (record) => (record.key === thrItemId ? { ...record, value: { ...record.value, jql: Array.from({ length: limits.evidenceJqlPerItem + 1 }, (_, n) => ({ ...(record.value.jql as Array<Record<string, unknown>>)[0], id: `ev-${n}` })) } } : record)),
      /too long or large/,
    ],
    ['a JQL that closes what it never opened', (file) => mapRecords(file, 'evidence', (record) => (record.key === thrItemId ? { ...record, value: { ...record.value, jql: [{ ...(record.value.jql as Array<Record<string, unknown>>)[0], jql: 'x = 1) OR (project = FIN' }] } } : record)), /JQL/],
    ['an issue key that is not a key', (file) => mapRecords(file, 'evidence', (record) => (record.key === thrItemId ? { ...record, value: { ...record.value, issues: [{ ...(record.value.issues as Array<Record<string, unknown>>)[0], key: 'DROP TABLE' }] } } : record)), /issue keys|not valid/],
  ];

  test.each(refusals)('%s', async (_name, hurt, message) => {
    const file = hurt(await exported());
    const before = sandbox.forge.kvs.snapshot();
    const answer = await preview(file);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!answer.ok) expect(answer.error.message).toMatch(message);
    expect(await adminCall(sandbox, 'applyImport', { data: file, planId: '0'.repeat(64) })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  test('importing a file without evidence removes the selected projects’ evidence with nothing orphaned', async () => {
    const file = await exported();
    const bare = { ...file, records: { ...file.records, evidence: [], 'evidence-notes': [] } };
    const summary = valueOf(await preview(bare));
    expect(summary.kinds.find((kind) => kind.kind === 'evidence')).toMatchObject({ removed: 2 });
    valueOf(await adminCall(sandbox, 'applyImport', { data: bare, planId: summary.planId }));
    expect(Object.keys(appData(sandbox).evidence ?? {})).toEqual([]);
    expect(Object.keys(appData(sandbox)['evidence-notes'] ?? {})).toEqual([]);
    expect((await listed(thrItemId)).entries).toEqual([]);
  });
});

function mapRecords(file: ExportedFile, kind: string, change: (record: Records[string][number]) => Records[string][number]): ExportedFile {
  return { ...file, records: { ...file.records, [kind]: (file.records[kind] ?? []).map(change) } };
}
