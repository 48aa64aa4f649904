/**
 * Big roadmaps for tests and benches: items stored straight through the app's storage adapter
 * (`createItem`, the transaction a `createRoadmapItem` call commits: the item and the roadmap's
 * count), each ranked after the one before. Thousands of resolver calls would each read the whole
 * board, and seeding is never what is measured.
 */
import { createItem } from '../../src/adapters/storage/roadmap-store';
import type { RoadmapItemRecord } from '../../src/adapters/storage/records';
import { initialRanks, rankSalt, uniqueRankBetween } from '../../src/domain/rank';
import { limits } from '../../src/validation/limits';
import type { ForgeSandbox } from '../sandbox/forge/sandbox';

/** One item to store: its id and what differs from a planned, undated, goal-less item. */
export type StoredItem = { id: string; title: string } & Partial<Pick<RoadmapItemRecord, 'description' | 'goalId' | 'horizon' | 'status' | 'startDate' | 'endDate' | 'dependsOn'>>;

export interface StoreOptions {
  projectId: string;
  /** Items `from` (default 0) to `to` (exclusive), each as `itemAt` says. */
  from?: number;
  to: number;
  itemAt: (index: number) => StoredItem;
  /** The board's last rank: the items go after it (default: an empty board, items `from` 0). */
  afterRank?: string;
  /** The roadmap's item limit the writes are checked against. */
  maxItems?: number;
  /** Items per script invocation, each within Forge's 25 s. */
  perInvocation?: number;
  /** Who the records say created them. */
  by?: string;
}

export async function storeRoadmapItems(forge: Pick<ForgeSandbox, 'run'>, options: StoreOptions): Promise<void> {
  const { projectId, to, itemAt } = options;
  const perInvocation = options.perInvocation ?? 300;
  const by = options.by ?? 'seed';
  const now = new Date().toISOString();
  // An empty board gets evenly spread ranks (short: they add little to a 5,000-item answer); items
  // after an existing board are ranked one after another, as a create ranks a new item last.
  const spread = options.afterRank === undefined ? initialRanks(to) : undefined;
  let rank = options.afterRank;
  for (let start = options.from ?? 0; start < to; start += perInvocation) {
    await forge.run(async () => {
      for (let i = start; i < Math.min(to, start + perInvocation); i += 1) {
        const { id, ...fields } = itemAt(i);
        rank = spread ? spread[i]! : uniqueRankBetween(rank, undefined, rankSalt(id));
        const item: RoadmapItemRecord = {
          projectId,
          description: '',
          horizon: 'later',
          status: 'planned',
          ...fields,
          rank,
          version: 1,
          createdAt: now,
          createdBy: by,
          updatedAt: now,
          updatedBy: { accountId: by, displayName: by.charAt(0).toUpperCase() + by.slice(1) },
        };
        const outcome = await createItem({ id, item, maxItems: options.maxItems ?? limits.itemsPerRoadmap, now });
        if (outcome !== 'committed') throw new Error(`Seeding item ${i} (${id}): ${outcome}`);
      }
    });
  }
}

export interface SeedShape {
  /** The i-th item's description (0-based); empty by default. */
  description?: (index: number) => string;
  /** The i-th item's horizon; `later` by default. */
  horizon?: (index: number) => RoadmapItemRecord['horizon'];
}

/** `count` items `Item 1` … `Item <count>` in a project's roadmap, ids `seeded-<i>`. */
export async function seedRoadmapItems(sandbox: { forge: Pick<ForgeSandbox, 'run'>; project(key: string): { id: string } }, projectKey: string, count: number, shape: SeedShape = {}): Promise<void> {
  await storeRoadmapItems(sandbox.forge, {
    projectId: sandbox.project(projectKey).id,
    to: count,
    perInvocation: count,
    itemAt: (i) => ({
      id: `seeded-${i}`,
      title: `Item ${i + 1}`,
      ...(shape.description ? { description: shape.description(i) } : {}),
      ...(shape.horizon ? { horizon: shape.horizon(i) } : {}),
    }),
  });
}

/** Now, next and later in turn. */
export const horizonsInTurn = (index: number): RoadmapItemRecord['horizon'] => (['now', 'next', 'later'] as const)[index % 3]!;
