/** Validation of keys, values, limits and options, with the error codes the platform documents. */
import { asRecord, isRecord, jsonBytes } from './body';
import { badRequest, invalidBody } from './kvs-error';
import { ENTITY_NAME_PATTERN, KEY_PATTERN, KVS_LIMITS } from './limits';

export function validateKey(raw: unknown, scope: 'kv' | 'entity'): string {
  if (typeof raw !== 'string') throw invalidBody('key must be a string');
  // The two stores document different codes for the same mistake.
  if (raw.length === 0) {
    throw scope === 'entity'
      ? badRequest('EMPTY_KEY', 'Key cannot be empty.')
      : badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  }
  if (raw.length > KVS_LIMITS.maxKeyLength) {
    throw badRequest('KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`);
  }
  if (!KEY_PATTERN.test(raw)) {
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN.source}`);
  }
  return raw;
}

export function validateEntityName(raw: unknown): string {
  if (typeof raw !== 'string') throw invalidBody('entityName must be a string');
  if (raw.length < KVS_LIMITS.minEntityNameLength) {
    throw badRequest('ENTITY_TYPE_TOO_SHORT', `Entity name '${raw}' is shorter than ${KVS_LIMITS.minEntityNameLength} characters.`);
  }
  if (raw.length > KVS_LIMITS.maxEntityNameLength) {
    throw badRequest('ENTITY_TYPE_TOO_LARGE', `Entity name exceeds the maximum ${KVS_LIMITS.maxEntityNameLength} characters.`);
  }
  if (!ENTITY_NAME_PATTERN.test(raw)) {
    throw badRequest('INVALID_ENTITY_TYPE', `Entity name '${raw}' does not match ${ENTITY_NAME_PATTERN.source}`);
  }
  return raw;
}

/** A storable value: a JSON string, number, boolean, array or object within the size and depth limits. */
export function validateValue(raw: unknown): unknown {
  // JSON.stringify drops `undefined`, so a missing value arrives as an absent field.
  if (raw === undefined || raw === null) throw invalidBody('value is required and cannot be null');
  const bytes = jsonBytes(raw);
  if (bytes > KVS_LIMITS.maxValueBytes) {
    throw badRequest('MAX_SIZE', `The provided value (${bytes} bytes) has exceeded the maximum size limit of ${KVS_LIMITS.maxValueBytes} bytes.`);
  }
  const depth = containerDepth(raw);
  if (depth > KVS_LIMITS.maxContainerDepth) {
    throw badRequest('MAX_DEPTH', `The provided value has exceeded the maximum object depth (${KVS_LIMITS.maxContainerDepth + 1}) limit.`);
  }
  return raw;
}

/** How many objects/arrays are nested inside each other: `1` → 0, `{a: 1}` → 1, `{a: [1]}` → 2. */
export function containerDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, containerDepth(child));
  return deepest + 1;
}

export function parseLimit(raw: unknown): number {
  if (raw === undefined) return KVS_LIMITS.defaultQueryLimit;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > KVS_LIMITS.maxQueryLimit) {
    throw badRequest('INVALID_LIMIT', `limit must be an integer between 1 and ${KVS_LIMITS.maxQueryLimit}, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

function isTtlUnit(unit: unknown): unit is keyof typeof TTL_UNIT_MS {
  return typeof unit === 'string' && unit in TTL_UNIT_MS;
}

/** `options.ttl = {value, unit}` → milliseconds, or undefined when no TTL is asked for. */
export function parseTtlMs(options: unknown): number | undefined {
  if (options === undefined) return undefined;
  const ttl = asRecord(options, 'options').ttl;
  if (ttl === undefined) return undefined;
  if (!isRecord(ttl) || !isTtlUnit(ttl.unit) || typeof ttl.value !== 'number' || !Number.isInteger(ttl.value) || ttl.value < 1) {
    throw badRequest('INVALID_TTL', 'ttl must be {value: positive integer, unit: SECONDS | MINUTES | HOURS | DAYS}');
  }
  return ttl.value * TTL_UNIT_MS[ttl.unit];
}

export type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';
const METADATA_FIELDS: readonly string[] = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'];

export function parseMetadataFields(raw: unknown): MetadataField[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((field): field is MetadataField => typeof field === 'string' && METADATA_FIELDS.includes(field))) {
    throw invalidBody(`metadataFields must be a subset of ${METADATA_FIELDS.join(', ')}`);
  }
  return raw;
}
