/**
 * What the SDKs pass to `__forge_fetch__`, narrowed from `unknown`: the routing `meta` and the
 * RequestInit (headers as an object, a Headers instance or pairs; a string body).
 */
import { isRecord } from './kvs/body';

export interface FetchMeta {
  type?: string;
  provider?: string;
  remote?: string;
  /** `asUser(accountId)` names a user explicitly. */
  accountId?: string;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function parseMeta(raw: unknown): FetchMeta {
  if (!isRecord(raw)) return {};
  const meta = raw;
  const accountId = asString(meta.accountId);
  return {
    type: asString(meta.type),
    provider: asString(meta.provider),
    remote: asString(meta.remote),
    ...(accountId ? { accountId } : {}),
  };
}

export function parseInit(raw: unknown): FetchInit {
  const init = isRecord(raw) ? raw : {};
  return {
    method: (asString(init.method) ?? 'GET').toUpperCase(),
    headers: normaliseHeaders(init.headers),
    ...bodyOf(init.body),
  };
}

/** Header names lower-cased: HTTP header names are case-insensitive. */
function normaliseHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  const add = (name: unknown, value: unknown): void => {
    if (typeof name === 'string' && value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  };
  if (raw === undefined || raw === null) return headers;
  if (Array.isArray(raw)) {
    for (const pair of raw) if (Array.isArray(pair)) add(pair[0], pair[1]);
  } else if (typeof raw === 'object' && typeof (raw as { forEach?: unknown }).forEach === 'function') {
    // A Headers instance, possibly from another realm, so no instanceof.
    (raw as { forEach(cb: (value: string, name: string) => void): void }).forEach((value, name) => add(name, value));
  } else if (typeof raw === 'object') {
    for (const [name, value] of Object.entries(raw)) add(name, value);
  }
  return headers;
}

function bodyOf(raw: unknown): { body?: string } {
  if (raw === undefined || raw === null) return {};
  if (typeof raw === 'string') return { body: raw };
  if (raw instanceof URLSearchParams) return { body: raw.toString() };
  if (raw instanceof Uint8Array || raw instanceof ArrayBuffer) return { body: new TextDecoder().decode(raw) };
  throw new TypeError(`The Forge sandbox only passes string bodies to product APIs, got ${Object.prototype.toString.call(raw)}`);
}
