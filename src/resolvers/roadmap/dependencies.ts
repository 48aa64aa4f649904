/** Setting an item's `dependsOn`: checked against the product's items, guarded against races. */
import type { DependsOnProblem } from '../../domain/dependencies';
import { dependsOnProblem, reachableFrom } from '../../domain/dependencies';
import { entityNames } from '../../adapters/storage/entities';
import type { Keyed, RoadmapItemRecord } from '../../adapters/storage/records';
import type { Transaction } from '../../adapters/storage/roadmap-store';
import { maxTransactionOperations, versionIs } from '../../adapters/storage/writes';
import { fail } from '../results';
import type { Failure } from '../../contract';
import { say } from '../../i18n/server-texts';

const field = 'item.dependsOn';

/** Why the list cannot be saved, as the typed error the editor shows next to the field; or undefined. */
export function refuseDependsOn(items: ReadonlyArray<Keyed<RoadmapItemRecord>>, itemId: string, dependsOn: readonly string[]): Failure<never> | undefined {
  const problem = dependsOnProblem(items, itemId, dependsOn);
  return problem ? fail('invalid', problemMessage(problem, items), field) : undefined;
}

function problemMessage(problem: DependsOnProblem, items: ReadonlyArray<Keyed<RoadmapItemRecord>>): string {
  switch (problem.code) {
    case 'self':
      return say('roadmap.dependsOnSelf');
    case 'duplicate':
      return say('roadmap.dependsOnTwice');
    case 'too-many':
      return say('roadmap.dependsOnTooMany', { max: problem.max });
    case 'unknown':
      return say('roadmap.dependsOnUnknown');
    case 'cycle': {
      const titles = new Map(items.map((item) => [item.id, item.title]));
      return say('roadmap.dependencyLoop', { path: problem.path.map((id) => titles.get(id) ?? say('roadmap.thisItem')).join(' → ') });
    }
  }
}

/**
 * Checks, in the item's write, that the items the cycle check read are unchanged: otherwise two
 * editors closing a loop from both ends could both succeed. `otherOperations`: what else the
 * transaction holds. When the chain is longer than a transaction allows, the guard is left out:
 * a loop then reads as no loop (the warnings and the timeline tolerate it) until someone edits it.
 */
export function guardReadChain(
  items: ReadonlyArray<Keyed<RoadmapItemRecord>>,
  itemId: string,
  dependsOn: readonly string[],
  otherOperations: number,
): ((transaction: Transaction) => void) | undefined {
  const chain = reachableFrom(items, dependsOn).filter((id) => id !== itemId);
  if (chain.length === 0 || chain.length + otherOperations > maxTransactionOperations) return undefined;
  const versions = new Map(items.map((item) => [item.id, item.version]));
  return (transaction) => {
    for (const id of chain) transaction.check(id, { entityName: entityNames.roadmapItem, conditions: versionIs(versions.get(id)!) });
  };
}
