/**
 * The parts of manifest.yml the runtime needs: the app id, the permission scopes (reported by
 * `permissions.hasScope`) and the custom entity declarations that the KVS enforces.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EntityDeclaration } from './kvs/entity-schema';

export interface SandboxManifest {
  /** The uuid of `app.id: ari:cloud:ecosystem::app/<uuid>`. */
  appId?: string;
  scopes: string[];
  entities: EntityDeclaration[];
}

const indexSchema = z.union([
  z.string(),
  z.object({ name: z.string(), partition: z.array(z.string()).optional(), range: z.array(z.string()) }),
]);

const entitySchema = z.object({
  name: z.string(),
  attributes: z.record(z.string(), z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) })),
  indexes: z.array(indexSchema).optional(),
});

const manifestSchema = z.object({
  app: z
    .object({
      id: z.string().optional(),
      storage: z.object({ entities: z.array(entitySchema).optional() }).optional(),
    })
    .optional(),
  permissions: z.object({ scopes: z.array(z.string()).optional() }).optional(),
});

export function parseManifest(text: string): SandboxManifest {
  const manifest = manifestSchema.parse(parse(text) ?? {});
  const appId = manifest.app?.id?.match(/^ari:cloud:ecosystem::app\/(.+)$/)?.[1];
  return {
    ...(appId ? { appId } : {}),
    scopes: manifest.permissions?.scopes ?? [],
    entities: (manifest.app?.storage?.entities ?? []).map((entity) => ({
      name: entity.name,
      attributes: entity.attributes,
      ...(entity.indexes ? { indexes: entity.indexes } : {}),
    })),
  };
}

export function loadManifest(path: string): SandboxManifest {
  return parseManifest(readFileSync(path, 'utf8'));
}
