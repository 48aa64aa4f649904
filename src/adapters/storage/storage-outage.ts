/**
 * Telling Forge storage failing apart from the app misusing it. Only adapters import @forge/kvs, so
 * resolvers ask here instead of inspecting the package's error classes.
 */
import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * Storage (or the Forge proxy in front of it) failed for reasons of its own: a 5xx, or a 429
 * RATE_LIMIT_EXCEEDED for a quota (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs).
 * A later retry may succeed. Every other refusal (a 400 MAX_SIZE, an invalid key) means the app
 * sent something it must not, so it stays a bug and keeps throwing.
 */
export function isStorageOutage(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  const status = error.responseDetails.status;
  return status >= 500 || status === 429;
}
