/** Shared by the security suites: what storage holds, compared without the store's empty buckets. */
import type { Sandbox } from '../harness';

/**
 * Everything stored, as JSON text with empty entity tables left out: a read can open an empty table
 * in the sandbox store, which stores nothing, so it does not count as a change.
 */
export function storedData(sandbox: Sandbox): string {
  const snapshot = sandbox.forge.kvs.snapshot() as unknown as { entities?: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const entities = Object.fromEntries(Object.entries(snapshot.entities ?? {}).filter(([, table]) => Object.keys(table).length > 0));
  return JSON.stringify({ ...snapshot, entities });
}
