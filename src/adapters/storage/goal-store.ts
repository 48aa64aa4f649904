/** Goals: one record each, indexed by project and rank. */
import { entities, entityNames, queryPageSize } from './entities';
import { allRows } from './paging';
import { loadProduct, structuralAttempts, withGoal, writeProduct } from './product-store';
import type { GoalRecord, Keyed } from './records';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

export async function goalsOfProject(projectId: string): Promise<Array<Keyed<GoalRecord>>> {
  return allRows((cursor) => {
    const query = entities.goal.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

/** The goal, if it exists and belongs to this project; another project's goal reads as missing. */
export async function goalOf(projectId: string, id: string): Promise<Keyed<GoalRecord> | undefined> {
  const goal = await entities.goal.get(id);
  return goal?.projectId === projectId ? { ...goal, id } : undefined;
}

export type GoalCreation = 'committed' | 'limit-reached' | 'conflict';

/** Adds a goal to its product, unless the product already has `maxGoals`. */
/** `alsoStage`: writes that land with the goal or not at all (its activity entry). */
export async function createGoal(options: { id: string; goal: GoalRecord; maxGoals: number; now: string; alsoStage?: (transaction: Transaction) => void }): Promise<GoalCreation> {
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const product = await loadProduct(options.goal.projectId, options.now);
    if (product.goalCount >= options.maxGoals) return 'limit-reached';
    const outcome = await commit((transaction) => {
      writeProduct(transaction, product, withGoal(product, options.id));
      transaction.set(options.id, options.goal, { entityName: entityNames.goal, conditions: isAbsent() });
      options.alsoStage?.(transaction);
    });
    if (outcome === 'committed') return outcome;
  }
  return 'conflict';
}

/** Replaces a goal's content; it must still be at `baseVersion`. */
export function updateGoal(id: string, goal: GoalRecord, baseVersion: number, alsoStage?: (transaction: Transaction) => void): Promise<Commit> {
  return commit((transaction) => {
    transaction.set(id, goal, { entityName: entityNames.goal, conditions: versionIs(baseVersion) });
    alsoStage?.(transaction);
  });
}

type Transaction = Parameters<Parameters<typeof commit>[0]>[0];
