/**
 * The page loads a roadmap bigger than one answer whole: `getRoadmap`'s first page, then
 * `getRoadmapItems` page by page through the bridge (src/resolvers/roadmap/roadmap-pages.ts),
 * starting over when the board changed between pages instead of showing a mix of two boards.
 */
import { createItem } from '../../src/adapters/storage/roadmap-store';
import { initialRanks } from '../../src/domain/rank';
import { limits } from '../../src/validation/limits';
import { createSandbox } from '../integration/harness';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(120_000);

const sandbox = createSandbox();
installBridgeDouble(sandbox, { as: 'productManager' });
const count = 3_000;

beforeAll(async () => {
  const projectId = sandbox.project('THR').id;
  const now = new Date().toISOString();
  const ranks = initialRanks(count);
  await sandbox.forge.run(async () => {
    for (let i = 0; i < count; i += 1) {
      const item = { projectId, title: `Item ${i + 1}`, description: '', horizon: 'later' as const, status: 'planned' as const, rank: ranks[i]!, version: 1, createdAt: now, createdBy: 'seed', updatedAt: now, updatedBy: { accountId: 'seed', displayName: 'Seed' } };
      if ((await createItem({ id: `seeded-${i}`, item, maxItems: limits.itemsPerRoadmap, now })) !== 'committed') throw new Error('Seeding failed');
    }
  });
});

test('a board past one page is loaded whole, in rank order, with no cursor left', async () => {
  const { loadWholeRoadmap } = await import('../../static/product/src/roadmap/use-roadmap');
  const first = await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
  expect(first.ok && first.value.items.length).toBe(2_500);
  const whole = await loadWholeRoadmap();
  if (!whole.ok) throw new Error(JSON.stringify(whole.error));
  expect(whole.value.items.map((item) => item.id)).toEqual(Array.from({ length: count }, (_, i) => `seeded-${i}`));
  expect(whole.value.itemsPage).toBeUndefined();
});
