/**
 * The product record of a project: which goals exist and how many KPIs each has. Creating or
 * deleting a goal or a KPI rewrites it on condition of the version read, which serialises those
 * structural changes: the count limits hold exactly, and a goal deletion cannot miss a KPI that
 * was added while it ran. Content edits (titles, definitions, measurements, moves) never touch it,
 * so they never contend on it.
 */
import { entities, entityNames } from './entities';
import type { ProductRecord } from './records';
import { isAbsent, versionIs } from './writes';
import type { kvs } from '@forge/kvs';

type Transaction = ReturnType<typeof kvs.transact>;

/** The product as stored, or an empty one (version 0) before the project's first goal. */
export async function loadProduct(projectId: string, now: string): Promise<ProductRecord> {
  const stored = await entities.product.get(projectId);
  return stored ?? { projectId, goalCount: 0, kpiCounts: {}, version: 0, createdAt: now };
}

export const hasGoal = (product: ProductRecord, goalId: string): boolean => Object.hasOwn(product.kpiCounts, goalId);

/** Adds "write `next` if the product is still as read" to a transaction. */
export function writeProduct(transaction: Transaction, read: ProductRecord, next: Omit<ProductRecord, 'version'>): void {
  transaction.set(
    read.projectId,
    { ...next, version: read.version + 1 },
    { entityName: entityNames.product, conditions: read.version === 0 ? isAbsent() : versionIs(read.version) },
  );
}

export function withGoal(product: ProductRecord, goalId: string): Omit<ProductRecord, 'version'> {
  return { ...product, goalCount: product.goalCount + 1, kpiCounts: { ...product.kpiCounts, [goalId]: 0 } };
}

export function withoutGoal(product: ProductRecord, goalId: string): Omit<ProductRecord, 'version'> {
  const { [goalId]: _removed, ...kpiCounts } = product.kpiCounts;
  return { ...product, goalCount: Math.max(0, product.goalCount - 1), kpiCounts };
}

export function withKpiCount(product: ProductRecord, goalId: string, change: 1 | -1): Omit<ProductRecord, 'version'> {
  const count = Math.max(0, (product.kpiCounts[goalId] ?? 0) + change);
  return { ...product, kpiCounts: { ...product.kpiCounts, [goalId]: count } };
}

/**
 * Structural writes retry by themselves when only the product record moved on (someone added
 * another goal meanwhile): the writer's intent did not depend on it. Bounded, as contention is rare.
 */
export const structuralAttempts = 4;
