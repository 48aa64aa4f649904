/**
 * `POST /api/v1/transaction`: `kvs.transact().set(…).delete(…).check(…).execute()`.
 * All operations commit or none do. Limits from the "KVS Transactions" page: at most 25
 * operations, each key once, 4 MB of payload.
 */
import { asRecord, isRecord, jsonBytes, optionalArray, type JsonRecord } from './body';
import { matchesFilters, parseFilters, type Filters } from './conditions';
import { badRequest, invalidBody, KvsError } from './kvs-error';
import { KVS_LIMITS } from './limits';
import type { EntitySchema } from './entity-schema';
import type { KvsStore, StoredRecord } from './store';
import { resolveTarget, targetId, validateTargetValue, type Target } from './target';
import { parseTtlMs } from './validation';

type Operation =
  | { kind: 'set'; target: Target; value: unknown; ttlMs: number | undefined; conditions?: Filters }
  | { kind: 'delete'; target: Target; conditions?: Filters }
  | { kind: 'check'; target: Target; conditions: Filters };

export interface TransactionOutcome {
  sets: number;
  deletes: number;
}

export function executeTransaction(store: KvsStore, schema: EntitySchema, rawBody: unknown): TransactionOutcome {
  const body = asRecord(rawBody, 'body');
  const sets = optionalArray(body.set, 'set') ?? [];
  const deletes = optionalArray(body.delete, 'delete') ?? [];
  const checks = optionalArray(body.check, 'check') ?? [];
  const count = sets.length + deletes.length + checks.length;
  if (count === 0) throw invalidBody('a transaction needs at least one operation');
  if (count > KVS_LIMITS.maxTransactionOperations) {
    throw badRequest('TOO_MANY_OPERATIONS', `A transaction can contain at most ${KVS_LIMITS.maxTransactionOperations} operations, got ${count}`);
  }
  const bytes = jsonBytes(body);
  if (bytes > KVS_LIMITS.maxRequestBytes) {
    throw badRequest('PAYLOAD_TOO_LARGE', `A transaction is limited to ${KVS_LIMITS.maxRequestBytes} bytes, got ${bytes}`);
  }

  const operations = [
    ...sets.map((raw, i) => parseSet(schema, raw, `set[${i}]`)),
    ...deletes.map((raw, i) => parseDelete(schema, raw, `delete[${i}]`)),
    ...checks.map((raw, i) => parseCheck(schema, raw, `check[${i}]`)),
  ];
  const seen = new Set<string>();
  for (const { target } of operations) {
    const id = targetId(target);
    if (seen.has(id)) throw badRequest('DUPLICATE_KEYS', `Each key can only be used once in a transaction: '${target.key}'`);
    seen.add(id);
  }

  const failed = operations.filter((operation) => !conditionHolds(operation, store.get(operation.target.space, operation.target.key)));
  if (failed.length > 0) {
    const which = failed.map((operation) => `${operation.kind} '${operation.target.key}'`).join(', ');
    throw new KvsError(409, 'CONDITIONAL_CHECK_FAILED', `Transaction cancelled: conditions not met for ${which}`);
  }

  for (const operation of operations) {
    if (operation.kind === 'set') store.put(operation.target.space, operation.target.key, operation.value, operation.ttlMs);
    // "Deletes a value by key, this succeeds whether the key exists or not."
    if (operation.kind === 'delete') store.remove(operation.target.space, operation.target.key);
  }
  return { sets: sets.length, deletes: deletes.length };
}

/**
 * A condition is tested against the stored attributes; a missing record has none, so
 * `notExists('version')` holds for a create. A check also needs the record to exist
 * ("check if key exists and meets conditions").
 */
function conditionHolds(operation: Operation, current: StoredRecord | undefined): boolean {
  if (operation.kind === 'check' && !current) return false;
  if (!operation.conditions) return true;
  const attributes = current && isRecord(current.value) ? current.value : {};
  return matchesFilters(attributes, operation.conditions);
}

function parseSet(schema: EntitySchema, raw: unknown, what: string): Operation {
  const item = asRecord(raw, what);
  const target = resolveTarget(schema, item, 'mixed');
  return {
    kind: 'set',
    target,
    value: validateTargetValue(target, item.value),
    ttlMs: parseTtlMs(item.options),
    ...conditionsOf(target, item, what, false),
  };
}

function parseDelete(schema: EntitySchema, raw: unknown, what: string): Operation {
  const item = asRecord(raw, what);
  const target = resolveTarget(schema, item, 'mixed');
  return { kind: 'delete', target, ...conditionsOf(target, item, what, false) };
}

function parseCheck(schema: EntitySchema, raw: unknown, what: string): Operation {
  const item = asRecord(raw, what);
  const target = resolveTarget(schema, item, 'mixed');
  const { conditions } = conditionsOf(target, item, what, true);
  if (!conditions) throw invalidBody(`${what}: a check needs an entityName and conditions`);
  return { kind: 'check', target, conditions };
}

/** Conditions exist for custom entities only: they name entity attributes. */
function conditionsOf(target: Target, item: JsonRecord, what: string, required: boolean): { conditions?: Filters } {
  if (item.conditions === undefined && !required) return {};
  if (!target.entity) throw invalidBody(`${what}: conditions need an entityName`);
  const conditions = parseFilters(item.conditions, target.entity, `${what}.conditions`);
  return conditions ? { conditions } : {};
}
