/**
 * The one-off move of settings out of the entities that earlier releases declared on their own
 * (`story-point-setting`, `sprint-boards`, `roadmap-lanes`) into `settings` under their key
 * prefixes (record-places.ts). Forge keeps the data of an entity the manifest stops declaring but
 * refuses to read or write it (the sandbox answers ENTITY_NOT_DECLARED), and it migrates nothing by
 * itself; so this runs in a bridge release whose manifest still declares the old entities next to
 * `settings` (with its new attributes), before the release that drops them.
 *
 * A moved record keeps its version, so an admin page opened before the move still saves (or
 * conflicts) as it would have. Where `settings` already holds a record (saved since the upgrade),
 * that newer one wins and the old is dropped. Each record moves in one transaction with the
 * removal of its old copy, conditioned on both, so running it again, or alongside edits, neither
 * loses nor duplicates a setting. The roll-up sync markers (`rollup-sync`) are not moved: they are
 * a cache, and without one a project is crawled afresh once.
 */
import { kvs } from '@forge/kvs';
import { inBatches } from '../concurrency';
import { placeOf } from './record-places';
import { commit, isAbsent, versionIs } from './writes';

type Value = Record<string, unknown> & { version: number };

/** The kinds moved, each once stored in an entity of its own name, keyed by project id (and `site`). */
export const legacySettingKinds = ['story-point-setting', 'sprint-boards', 'roadmap-lanes'] as const;

export interface LegacyMove {
  /** Records now in `settings` that were only in their old entity. */
  moved: number;
  /** Old records dropped because `settings` already held a newer one. */
  superseded: number;
  /** Records left where they were because someone wrote meanwhile: the next run moves them. */
  conflicts: number;
}

/**
 * Moves the old records of the site and of `projectIds` (every project of the site: the old
 * entities have no index to list them by).
 */
export async function moveLegacySettings(projectIds: readonly string[]): Promise<LegacyMove> {
  const outcome: LegacyMove = { moved: 0, superseded: 0, conflicts: 0 };
  for (const kind of legacySettingKinds) {
    const keys = kind === 'story-point-setting' ? ['site', ...projectIds] : [...projectIds];
    for (const batch of inBatches(keys, 25)) {
      const old = await found(batch.map((key) => ({ key, entityName: kind })));
      if (old.size === 0) continue;
      const current = await found([...old.keys()].map((key) => placeOf(kind, key)));
      for (const [key, value] of old) {
        const place = placeOf(kind, key);
        const newer = current.get(place.key);
        const result = await commit((transaction) => {
          if (!newer) transaction.set(place.key, value, { entityName: place.entityName, conditions: isAbsent() });
          transaction.delete(key, { entityName: kind, conditions: versionIs(value.version) });
        });
        if (result === 'conflict') outcome.conflicts += 1;
        else if (newer) outcome.superseded += 1;
        else outcome.moved += 1;
      }
    }
  }
  return outcome;
}

/** The records found among `keys`, by key. */
async function found(keys: Array<{ key: string; entityName: string }>): Promise<Map<string, Value>> {
  const result = await kvs.batchGet<Value>(keys);
  const failed = result.failedKeys.filter((failure) => failure.error?.code !== 'KEY_NOT_FOUND');
  if (failed.length > 0) throw new Error(`Storage did not read ${failed.length} settings records: ${failed[0]?.error?.code ?? 'unknown'}`);
  return new Map(result.successfulKeys.flatMap((item) => (item.value === undefined ? [] : [[item.key, item.value] as const])));
}
