/** Steps the admin tests share: calls made on the admin page, and what storage holds. */
import type { Defs } from '../../../src/contract';
import type { Actor, Sandbox } from '../harness';

export const onAdminPage = { module: 'jira:adminPage' } as const;

type Payload<K extends keyof Defs> = Parameters<Defs[K]> extends [infer P] ? P : undefined;

/** Calls an admin function from the admin page, as `as` (the Jira admin unless told). */
export function adminCall<K extends keyof Defs>(sandbox: Sandbox, functionKey: K, payload?: Payload<K>, options: { as?: Actor; license?: Record<string, unknown> } = {}) {
  return sandbox.call(functionKey, {
    as: options.as ?? 'admin',
    in: onAdminPage,
    ...(payload === undefined ? {} : { payload }),
    ...(options.license ? { license: options.license } : {}),
  });
}

/** Entities that hold only what the app derives from Jira (caches): never exported, rebuilt on demand. */
// `link-sync`: changes still being carried to epics' properties (pending work, not data: an import records its own).
export const derivedEntities = ['epic-rollup', 'rollup-sync', 'project-shape', 'epic-card', 'link-sync', 'rollup-crawl', 'rollup-crawl-part'];

/** The app's own custom entities as stored now (derived caches left out). */
export function appData(sandbox: Sandbox): Record<string, Record<string, unknown>> {
  const { entities } = sandbox.forge.kvs.snapshot();
  const kept = Object.entries(entities).filter(([name, records]) => !derivedEntities.includes(name) && Object.keys(records).length > 0);
  return Object.fromEntries(kept.map(([name, records]) => [name, Object.fromEntries(Object.entries(records).map(([key, record]) => [key, valueOf(record)]))]));
}

/** A stored record's value, whatever metadata the store keeps beside it. */
function valueOf(record: unknown): unknown {
  return typeof record === 'object' && record !== null && 'value' in record ? (record as { value: unknown }).value : record;
}
