/**
 * `POST /api/v1/batch/{set,get,delete}`: each item succeeds or fails on its own and lands in
 * `successfulKeys` or `failedKeys`. The whole request fails when it is empty, has more than 25
 * items, repeats a key, or (set) exceeds 4 MB ("Executing batch operations").
 */
import { asArray, asRecord, isRecord, jsonBytes } from './body';
import type { EntitySchema } from './entity-schema';
import { itemView, type ItemView } from './item-view';
import { badRequest, invalidBody, KvsError, keyNotFound } from './kvs-error';
import { KVS_LIMITS } from './limits';
import type { KvsStore } from './store';
import { resolveTarget, validateTargetValue, type Target } from './target';
import { parseMetadataFields, parseTtlMs } from './validation';

interface BatchKey {
  key: string;
  entityName?: string;
}

interface BatchFailure extends BatchKey {
  error: { code: string; message: string };
}

export interface BatchResult<Success> {
  successfulKeys: Success[];
  failedKeys: BatchFailure[];
}

export function batchSet(store: KvsStore, schema: EntitySchema, rawBody: unknown): BatchResult<BatchKey> {
  const bytes = jsonBytes(rawBody);
  if (bytes > KVS_LIMITS.maxRequestBytes) {
    throw badRequest('PAYLOAD_TOO_LARGE', `A batch is limited to ${KVS_LIMITS.maxRequestBytes} bytes, got ${bytes}`);
  }
  return runBatch(schema, rawBody, (target, item) => {
    const value = validateTargetValue(target, item.value);
    store.put(target.space, target.key, value, parseTtlMs(item.options));
    return keyOf(target);
  });
}

export function batchGet(store: KvsStore, schema: EntitySchema, rawBody: unknown): BatchResult<ItemView & { entityName?: string }> {
  return runBatch(schema, rawBody, (target, item) => {
    const fields = parseMetadataFields(isRecord(item.options) ? item.options.metadataFields : undefined);
    const record = store.get(target.space, target.key);
    if (!record) throw keyNotFound();
    return { ...itemView(target.key, record, fields), ...entityNameOf(target) };
  });
}

export function batchDelete(store: KvsStore, schema: EntitySchema, rawBody: unknown): BatchResult<BatchKey> {
  return runBatch(schema, rawBody, (target) => {
    // The SDK's tests show a missing key reported per item as KEY_NOT_FOUND.
    if (!store.remove(target.space, target.key)) throw keyNotFound();
    return keyOf(target);
  });
}

function runBatch<Success>(
  schema: EntitySchema,
  rawBody: unknown,
  apply: (target: Target, item: Record<string, unknown>) => Success,
): BatchResult<Success> {
  const items = asArray(rawBody, 'body');
  if (items.length === 0) throw invalidBody('a batch needs at least one item');
  if (items.length > KVS_LIMITS.maxBatchItems) {
    throw badRequest('TOO_MANY_OPERATIONS', `A batch can contain at most ${KVS_LIMITS.maxBatchItems} keys, got ${items.length}`);
  }
  const seen = new Set<string>();
  const prepared = items.map((raw, i) => {
    const item = asRecord(raw, `item ${i}`);
    const id = `${String(item.entityName ?? '')}\u0000${String(item.key)}`;
    if (seen.has(id)) throw badRequest('DUPLICATE_KEYS', `A batch cannot repeat key '${String(item.key)}'`);
    seen.add(id);
    return item;
  });

  const result: BatchResult<Success> = { successfulKeys: [], failedKeys: [] };
  for (const item of prepared) {
    try {
      const target = resolveTarget(schema, item, 'mixed');
      result.successfulKeys.push(apply(target, item));
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      result.failedKeys.push({
        key: String(item.key),
        ...(typeof item.entityName === 'string' ? { entityName: item.entityName } : {}),
        error: error.toBody(),
      });
    }
  }
  return result;
}

function entityNameOf(target: Target): { entityName?: string } {
  return target.space.kind === 'entity' ? { entityName: target.space.entityName } : {};
}

function keyOf(target: Target): BatchKey {
  return { key: target.key, ...entityNameOf(target) };
}
