/**
 * A big roadmap for tests and benches: items stored straight through the app's storage adapter
 * (`createItem`, the same transaction a `createRoadmapItem` call commits), ranked in order. Thousands
 * of resolver calls would each read the whole board, and seeding is never what is measured.
 */
import { createItem } from '../../src/adapters/storage/roadmap-store';
import type { RoadmapItemRecord } from '../../src/adapters/storage/records';
import { initialRanks } from '../../src/domain/rank';
import { limits } from '../../src/validation/limits';
import type { Sandbox } from './harness';

export interface SeedShape {
  /** The i-th item's description (0-based); empty by default. */
  description?: (index: number) => string;
  /** The i-th item's horizon; `later` by default. */
  horizon?: (index: number) => RoadmapItemRecord['horizon'];
}

/** `count` items `Item 1` … `Item <count>` in THR's (or another project's) roadmap, ids `seeded-<i>`. */
export async function seedRoadmapItems(sandbox: Pick<Sandbox, 'forge' | 'project'>, projectKey: string, count: number, shape: SeedShape = {}): Promise<void> {
  const projectId = sandbox.project(projectKey).id;
  const now = new Date().toISOString();
  const ranks = initialRanks(count);
  await sandbox.forge.run(async () => {
    for (let i = 0; i < count; i += 1) {
      const item: RoadmapItemRecord = {
        projectId,
        title: `Item ${i + 1}`,
        description: shape.description?.(i) ?? '',
        horizon: shape.horizon?.(i) ?? 'later',
        status: 'planned',
        rank: ranks[i]!,
        version: 1,
        createdAt: now,
        createdBy: 'seed',
        updatedAt: now,
        updatedBy: { accountId: 'seed', displayName: 'Seed' },
      };
      if ((await createItem({ id: `seeded-${i}`, item, maxItems: limits.itemsPerRoadmap, now })) !== 'committed') throw new Error(`Seeding item ${i} failed`);
    }
  });
}

/** Now, next and later in turn. */
export const horizonsInTurn = (index: number): RoadmapItemRecord['horizon'] => (['now', 'next', 'later'] as const)[index % 3]!;
