/** Narrowing helpers for request bodies: everything that arrives over `__forge_fetch__` is `unknown`. */
import { invalidBody } from './kvs-error';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown, what: string): JsonRecord {
  if (!isRecord(value)) throw invalidBody(`${what} must be an object`);
  return value;
}

export function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw invalidBody(`${what} must be an array`);
  return value;
}

export function optionalString(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidBody(`${what} must be a string`);
  return value;
}

export function optionalArray(value: unknown, what: string): unknown[] | undefined {
  return value === undefined ? undefined : asArray(value, what);
}

/** Size of a value as the platform meters it: UTF-8 bytes of its JSON text. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
