/** Steps the admin tests share: calls made on the admin page, and what storage holds. */
import type { Defs } from '../../../src/contract';
import type { Actor, Sandbox } from '../harness';
import { fromStoredValue, kindOf } from '../../../src/adapters/storage/record-places';

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
// `project-shape` also holds the roll-up sync markers and epic cards (kinds `rollup-sync`, `epic-card`: src/adapters/storage/record-places.ts).
export const derivedEntities = ['epic-rollup', 'project-shape', 'link-sync', 'rollup-crawl', 'rollup-crawl-part'];

/**
 * The app's own data that the export file does not carry yet (issue 11's feed): the activity log,
 * which storage drops after a year by TTL (an imported copy would never expire), and each
 * person's follow list. Listed here so the export test still names every other entity.
 */
export const notExportedYet = ['activity', 'follow'];

/**
 * The app's own records as stored now, by record kind and key as the export file names them (kinds
 * that share an entity are told apart by their key prefix, record-places.ts); derived caches left out.
 */
export function appData(sandbox: Sandbox): Record<string, Record<string, unknown>> {
  const { entities } = sandbox.forge.kvs.snapshot();
  const byKind: Record<string, Record<string, unknown>> = {};
  for (const [name, records] of Object.entries(entities)) {
    if (derivedEntities.includes(name) || notExportedYet.includes(name)) continue;
    for (const [storedKey, record] of Object.entries(records)) {
      const { kind, key } = kindOf(name, storedKey);
      (byKind[kind] ??= {})[key] = fromStoredValue(kind, valueOf(record) as Record<string, unknown>);
    }
  }
  return byKind;
}

/** A stored record's value, whatever metadata the store keeps beside it. */
function valueOf(record: unknown): unknown {
  return typeof record === 'object' && record !== null && 'value' in record ? (record as { value: unknown }).value : record;
}
