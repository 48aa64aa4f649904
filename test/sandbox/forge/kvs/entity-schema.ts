/**
 * Custom entities as declared in manifest.yml (`app.storage.entities[]`). Forge only stores and
 * queries entities that the manifest declares, and queries only through declared indexes.
 */
import { isRecord, type JsonRecord } from './body';
import { badRequest } from './kvs-error';
import { validateEntityName } from './validation';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** An index is either an attribute name (range only) or `{name, partition?, range}`. */
export type IndexDeclaration = string | { name: string; partition?: string[]; range: string[] };

export interface EntityDeclaration {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes?: IndexDeclaration[];
}

export interface EntityIndex {
  name: string;
  partition: string[];
  range: string;
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
/** Floats: 0, or a magnitude in [1E-130, 9.9999999999999999999999999999999999999E+125] (docs). */
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE = 9.9999999999999999999999999999999999999e125;

export class EntityDefinition {
  readonly indexes: ReadonlyMap<string, EntityIndex>;

  constructor(readonly declaration: EntityDeclaration) {
    const indexes = new Map<string, EntityIndex>();
    for (const raw of declaration.indexes ?? []) {
      const index = typeof raw === 'string' ? { name: raw, partition: [], range: raw } : toIndex(raw, declaration.name);
      for (const attribute of [...index.partition, index.range]) {
        if (!(attribute in declaration.attributes)) {
          throw new Error(`Entity '${declaration.name}': index '${index.name}' uses undeclared attribute '${attribute}'`);
        }
      }
      indexes.set(index.name, index);
    }
    this.indexes = indexes;
  }

  get name(): string {
    return this.declaration.name;
  }

  attributeType(attribute: string): AttributeType | undefined {
    return this.declaration.attributes[attribute]?.type;
  }

  index(name: unknown): EntityIndex {
    const index = typeof name === 'string' ? this.indexes.get(name) : undefined;
    if (!index) {
      throw badRequest('INDEX_NOT_DECLARED', `Entity '${this.name}' declares no index '${String(name)}' in manifest.yml`);
    }
    return index;
  }

  /**
   * An entity value is an object of declared attributes, each of its declared type. Stricter than
   * the docs state for undeclared attributes and `null`: storing either is rejected, so the
   * manifest stays the one description of what is stored.
   */
  validateValue(value: unknown): JsonRecord {
    if (!isRecord(value)) throw badRequest('INVALID_ATTRIBUTE', `A '${this.name}' value must be an object of attributes`);
    for (const [attribute, attributeValue] of Object.entries(value)) {
      const type = this.attributeType(attribute);
      if (!type) {
        throw badRequest('INVALID_ATTRIBUTE', `Entity '${this.name}' declares no attribute '${attribute}'`);
      }
      if (!matchesType(attributeValue, type)) {
        throw badRequest('INVALID_ATTRIBUTE', `Attribute '${this.name}.${attribute}' must be ${describe(type)}, got ${JSON.stringify(attributeValue)}`);
      }
    }
    return value;
  }
}

function toIndex(raw: Exclude<IndexDeclaration, string>, entity: string): EntityIndex {
  const [range, ...extra] = raw.range;
  if (range === undefined || extra.length > 0) {
    throw new Error(`Entity '${entity}': index '${raw.name}' must have exactly one range attribute`);
  }
  return { name: raw.name, partition: raw.partition ?? [], range };
}

function matchesType(value: unknown, type: AttributeType): boolean {
  switch (type) {
    case 'any':
      return value !== undefined;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude <= FLOAT_MAX_MAGNITUDE);
    }
  }
}

function describe(type: AttributeType): string {
  return type === 'integer' ? 'a 32-bit signed integer' : type === 'float' ? 'a float within the documented range' : `a ${type}`;
}

/**
 * Forge's custom entity limits: at most 20 entities an app and 7 indexes an entity ("Limitations",
 * https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities/ and
 * https://developer.atlassian.com/platform/forge/limits-kvs-ce/). `forge deploy` refuses a manifest
 * over them, although `@forge/manifest`'s offline validate() does not check them; so does the sandbox.
 */
export const maxCustomEntities = 20;
export const maxIndexesPerEntity = 7;

/** Why Forge would refuse these entity declarations, if it would. */
export function entityLimitProblem(entities: ReadonlyArray<{ name: string; indexes?: readonly unknown[] }>): string | undefined {
  if (entities.length > maxCustomEntities) {
    return `manifest.yml declares ${entities.length} custom entities; Forge allows at most ${maxCustomEntities} an app (app.storage.entities)`;
  }
  const crowded = entities.find((entity) => (entity.indexes?.length ?? 0) > maxIndexesPerEntity);
  return crowded ? `Custom entity '${crowded.name}' declares ${crowded.indexes?.length} indexes; Forge allows at most ${maxIndexesPerEntity} an entity` : undefined;
}

/** The declared entities of the app. */
export class EntitySchema {
  private readonly entities: Map<string, EntityDefinition>;

  constructor(declarations: readonly EntityDeclaration[]) {
    const problem = entityLimitProblem(declarations);
    if (problem) throw new Error(problem);
    this.entities = new Map(declarations.map((declaration) => [declaration.name, new EntityDefinition(declaration)]));
  }

  entity(rawName: unknown): EntityDefinition {
    const name = validateEntityName(rawName);
    const entity = this.entities.get(name);
    if (!entity) throw badRequest('ENTITY_NOT_DECLARED', `Entity '${name}' is not declared in manifest.yml (app.storage.entities)`);
    return entity;
  }

  get names(): string[] {
    return [...this.entities.keys()];
  }
}
