/** Which key space a request addresses, validated: a plain KVS key, a secret, or an entity key. */
import type { JsonRecord } from './body';
import type { EntityDefinition, EntitySchema } from './entity-schema';
import { invalidBody } from './kvs-error';
import { entitySpace, KV, SECRET, type KeySpace } from './store';
import { validateKey, validateValue } from './validation';

export interface Target {
  space: KeySpace;
  key: string;
  entity?: EntityDefinition;
}

/**
 * `kv`, `secret` and `entity` are the single-key endpoints; `mixed` is a batch or transaction
 * item, which addresses an entity when it names one and the plain KVS otherwise.
 */
export type TargetKind = 'kv' | 'secret' | 'entity' | 'mixed';

export function resolveTarget(schema: EntitySchema, raw: JsonRecord, kind: TargetKind): Target {
  const named = raw.entityName !== undefined;
  if (kind === 'entity' && !named) throw invalidBody('entityName is required');
  if ((kind === 'kv' || kind === 'secret') && named) throw invalidBody('entityName is not allowed here');
  if (named) {
    const entity = schema.entity(raw.entityName);
    return { space: entitySpace(entity.name), key: validateKey(raw.key, 'entity'), entity };
  }
  return { space: kind === 'secret' ? SECRET : KV, key: validateKey(raw.key, 'kv') };
}

/** The size and depth limits hold for every value; entity values must also fit the declaration. */
export function validateTargetValue(target: Target, value: unknown): unknown {
  validateValue(value);
  return target.entity ? target.entity.validateValue(value) : value;
}

/** Identity of a key across key spaces, for "each key once" rules. */
export function targetId(target: Target): string {
  return target.space.kind === 'entity' ? `entity:${target.space.entityName}:${target.key}` : `${target.space.kind}:${target.key}`;
}
