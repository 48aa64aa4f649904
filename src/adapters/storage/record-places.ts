/**
 * Where each kind of the app's records is stored. Forge allows at most 20 custom entities an app
 * (https://developer.atlassian.com/platform/forge/limits-kvs-ce/), so the small kinds that are only
 * ever read by key share an entity with another kind, under a key prefix of their own so keys
 * never collide:
 *
 * | kind (export file, format 1) | entity          | key                          |
 * |------------------------------|-----------------|------------------------------|
 * | story-point-setting          | `settings`      | `story-points.<site|project>` |
 * | sprint-boards                | `settings`      | `sprint-boards.<project>`    |
 * | roadmap-lanes                | `settings`      | `lanes.<project>`            |
 * | evidence-notes               | `evidence`      | `notes.<item>.<n>`           |
 * | rollup-sync (cache)          | `project-shape` | `rollup-sync.<project>`      |
 * | epic-card (cache)            | `project-shape` | `card.<epic id>`             |
 *
 * An evidence notes chunk stores its project as `notesProjectId`, not `projectId`: the heads'
 * `by-project` index then never lists chunks (an index holds only records that have its
 * attributes), and chunks have their own `notes-by-project` index for the export.
 *
 * The export file keeps naming records by these kinds, so files exported before the merge import
 * unchanged, and files exported now import into older copies of the app.
 */

type Value = Record<string, unknown>;

interface SharedPlace {
  entityName: string;
  prefix: string;
  /** The stored name of the value's `projectId`, when another kind in the entity indexes `projectId`. */
  projectAttribute?: string;
}

const sharedPlaces: Readonly<Record<string, SharedPlace>> = {
  'story-point-setting': { entityName: 'settings', prefix: 'story-points.' },
  'sprint-boards': { entityName: 'settings', prefix: 'sprint-boards.' },
  'roadmap-lanes': { entityName: 'settings', prefix: 'lanes.' },
  'evidence-notes': { entityName: 'evidence', prefix: 'notes.', projectAttribute: 'notesProjectId' },
  'rollup-sync': { entityName: 'project-shape', prefix: 'rollup-sync.' },
  // Cards carry `key`, which a project's shape and sync marker lack: only cards are in its `by-project` index.
  'epic-card': { entityName: 'project-shape', prefix: 'card.' },
};

export interface StoredPlace {
  entityName: string;
  key: string;
}

/** The entity and key a record of `kind` with (logical) key `key` is stored under. */
export function placeOf(kind: string, key: string): StoredPlace {
  const shared = sharedPlaces[kind];
  return shared ? { entityName: shared.entityName, key: `${shared.prefix}${key}` } : { entityName: kind, key };
}

/** The kind and logical key of a stored record, from its entity and stored key. */
export function kindOf(entityName: string, storedKey: string): { kind: string; key: string } {
  for (const [kind, place] of Object.entries(sharedPlaces)) {
    if (place.entityName === entityName && storedKey.startsWith(place.prefix)) return { kind, key: storedKey.slice(place.prefix.length) };
  }
  return { kind: entityName, key: storedKey };
}

/** The value as stored (a renamed project attribute where the entity needs it). */
export function toStoredValue<T extends object>(kind: string, value: T): Value {
  const attribute = sharedPlaces[kind]?.projectAttribute;
  if (!attribute) return value as Value;
  const { projectId, ...rest } = value as Value;
  return { ...rest, [attribute]: projectId };
}

/** The value as its kind has it, from what is stored. */
export function fromStoredValue<T>(kind: string, stored: Value): T {
  const attribute = sharedPlaces[kind]?.projectAttribute;
  if (!attribute) return stored as T;
  const { [attribute]: projectId, ...rest } = stored;
  return { ...rest, projectId } as T;
}
