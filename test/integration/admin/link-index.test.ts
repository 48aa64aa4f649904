/** "Rebuild link index": epics' goalIds recomputed from their items' current goals, caches dropped. */
import { epicLinksPropertyKey } from '../../../src/domain/epic-links';
import { createSandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { seedGoal } from '../resolvers/strategy/kit';
import { epicsOf, jqlKeys, searchIndexLags, seedItem } from '../resolvers/roadmap/kit';
import { adminCall } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties[epicLinksPropertyKey];
  // The rebuild runs right after links were made: Jira's index does not show them yet.
  searchIndexLags(sandbox);
});

async function linkedEpic() {
  const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
  const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
  const epic = epicsOf(sandbox, 'THR')[0];
  if (!epic) throw new Error('THR has no epics');
  valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: 0 }], unlink: [] } }));
  return { goal, item, epic };
}

test('an epic whose goalIds went stale gets its items’ goals back, and JQL finds it again', async () => {
  const { goal, epic } = await linkedEpic();
  // Someone's automation rewrote the property without the derived goals.
  const property = epic.properties[epicLinksPropertyKey] as { goalIds: string[]; version: number };
  epic.properties[epicLinksPropertyKey] = { ...property, goalIds: [] };
  valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: { refresh: 'full' } }));
  expect(await jqlKeys(sandbox, `throughlineGoal = "${goal.id}"`)).toEqual([]);

  const report = valueOf(await adminCall(sandbox, 'rebuildLinkIndex'));
  const thr = report.projects.find((project) => project.key === 'THR');
  expect(thr).toMatchObject({ epicsChecked: 1, epicsUpdated: [{ key: epic.key, before: [], after: [goal.id] }], refused: [] });
  expect(await jqlKeys(sandbox, `throughlineGoal = "${goal.id}"`)).toEqual([epic.key]);
  // The property is an index of storage: rewritten with storage's links and version, which did not change.
  expect(epic.properties[epicLinksPropertyKey]).toMatchObject({ goalIds: [goal.id], version: property.version });
  const roadmap = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {} }));
  expect(roadmap.epics.find((candidate) => candidate.key === epic.key)).toMatchObject({ goalIds: [goal.id], linksVersion: property.version });
});

test('epics already in step are checked and left alone', async () => {
  const { epic } = await linkedEpic();
  const property = structuredClone(epic.properties[epicLinksPropertyKey]);
  const report = valueOf(await adminCall(sandbox, 'rebuildLinkIndex'));
  expect(report.projects.find((project) => project.key === 'THR')).toMatchObject({ epicsChecked: 1, epicsUpdated: [] });
  expect(epic.properties[epicLinksPropertyKey]).toEqual(property);
});

test('the roll-up cache of every project is dropped, and the next roadmap load rebuilds it', async () => {
  await linkedEpic();
  valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {} }));
  // Each epic's facts record and its summary (`summary.<epic id>`): epics are counted by facts.
  const records = () => Object.keys(sandbox.forge.kvs.snapshot().entities['epic-rollup'] ?? {});
  const cached = () => records().filter((key) => !key.startsWith('summary.')).length;
  const before = cached();
  expect(records()).toHaveLength(2 * before);
  expect(before).toBeGreaterThan(0);
  const report = valueOf(await adminCall(sandbox, 'rebuildLinkIndex'));
  expect(report.projects.reduce((sum, project) => sum + project.rollupsDropped, 0)).toBe(before);
  expect(records()).toEqual([]);
  expect(Object.keys(sandbox.forge.kvs.snapshot().entities['project-shape'] ?? {}).filter((key) => key.startsWith('rollup-sync.'))).toEqual([]);
  valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {} }));
  expect(cached()).toBe(before);
});
