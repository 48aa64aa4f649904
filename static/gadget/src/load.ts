import type { Result } from '../../../src/contract';

/**
 * One resolver call, and one more when the answer says roll-ups were still loading (a cold cache):
 * at most two calls per view, inside the three a dashboard gadget may make.
 */
export async function loadSettled<T extends { loading?: boolean }>(call: () => Promise<Result<T>>, waitMs = 1500): Promise<Result<T>> {
  const first = await call();
  if (!first.ok || !first.value.loading) return first;
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  return call();
}
