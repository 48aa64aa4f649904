/**
 * get / set / delete of one key, for the plain KVS, secrets and entities
 * (`/api/v1/{get,set,delete}`, `/api/v1/secret/…`, `/api/v1/entity/…`).
 */
import { asRecord, isRecord } from './body';
import type { EntitySchema } from './entity-schema';
import { itemView, type ItemView } from './item-view';
import { keyNotFound, KvsError, invalidBody } from './kvs-error';
import type { KvsStore } from './store';
import { resolveTarget, validateTargetValue, type TargetKind } from './target';
import { parseMetadataFields, parseTtlMs } from './validation';

export function getOne(store: KvsStore, schema: EntitySchema, rawBody: unknown, kind: TargetKind): ItemView {
  const body = asRecord(rawBody, 'body');
  const target = resolveTarget(schema, body, kind);
  const fields = parseMetadataFields(isRecord(body.options) ? body.options.metadataFields : undefined);
  const record = store.get(target.space, target.key);
  // @forge/kvs turns exactly this 404 into `undefined` (storage-api.js handleKeyNotFound).
  if (!record) throw keyNotFound();
  return itemView(target.key, record, fields);
}

/** Returns the item to answer with when `returnValue` asked for one, else undefined (204). */
export function setOne(store: KvsStore, schema: EntitySchema, rawBody: unknown, kind: TargetKind): ItemView | undefined {
  const body = asRecord(rawBody, 'body');
  const target = resolveTarget(schema, body, kind);
  const value = validateTargetValue(target, body.value);
  const options = body.options === undefined ? {} : asRecord(body.options, 'options');
  const ttlMs = parseTtlMs(options);
  const keyPolicy = options.keyPolicy ?? 'OVERRIDE';
  if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') throw invalidBody('keyPolicy must be OVERRIDE or FAIL_IF_EXISTS');
  const returnValue = options.returnValue;
  if (returnValue !== undefined && (returnValue !== 'PREVIOUS' && returnValue !== 'LATEST')) {
    throw invalidBody('returnValue must be PREVIOUS or LATEST');
  }
  const fields = parseMetadataFields(options.returnMetadataFields);

  const previous = store.get(target.space, target.key);
  if (keyPolicy === 'FAIL_IF_EXISTS' && previous) {
    // 409 is what apps observe for FAIL_IF_EXISTS on an existing key; the code name is ours.
    throw new KvsError(409, 'KEY_ALREADY_EXISTS', `Key '${target.key}' already exists`);
  }
  const previousView = previous ? itemView(target.key, previous, fields) : undefined;
  const latest = store.put(target.space, target.key, value, ttlMs);
  if (returnValue === 'LATEST') return itemView(target.key, latest, fields);
  if (returnValue === 'PREVIOUS') return previousView;
  return undefined;
}

export function deleteOne(store: KvsStore, schema: EntitySchema, rawBody: unknown, kind: TargetKind): void {
  const body = asRecord(rawBody, 'body');
  const target = resolveTarget(schema, body, kind);
  // The SDK swallows KEY_NOT_FOUND on delete; answering it keeps that path exercised.
  if (!store.remove(target.space, target.key)) throw keyNotFound();
}
