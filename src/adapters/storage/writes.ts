/**
 * Optimistic writes: a record is replaced or deleted only if it still has the version the writer
 * read, checked by the store inside the transaction, so two writers from the same version cannot
 * both win. A failed condition is a conflict to report, never something to overwrite.
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';

type Versioned = { version: number };

/** The record is still at `version`. */
export const versionIs = (version: number) => new Filter<Versioned>().and('version', FilterConditions.equalTo(version));

/** The record does not exist yet (creates, and keys that must be new). */
export const isAbsent = () => new Filter<Versioned>().and('version', FilterConditions.notExists());

/** At most this many operations in one transaction (Forge's limit). */
export const maxTransactionOperations = 25;

export type Commit = 'committed' | 'conflict';

/** Runs a transaction; a failed condition comes back as `conflict`, anything else throws. */
export async function commit(build: (transaction: ReturnType<typeof kvs.transact>) => void): Promise<Commit> {
  const transaction = kvs.transact();
  build(transaction);
  try {
    await transaction.execute();
    return 'committed';
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    throw error;
  }
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);
}
