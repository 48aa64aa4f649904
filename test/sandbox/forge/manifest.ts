/**
 * The parts of manifest.yml the runtime needs: the app id, the permission scopes (reported by
 * `permissions.hasScope`), the custom entity declarations that the KVS enforces, and which function
 * backs which module (with its `timeoutSeconds`), for the per-kind invocation time limits.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { extractI18nKeysFromModules } from '@forge/i18n';
import { parse } from 'yaml';
import { z } from 'zod';
import { entityLimitProblem } from './kvs/entity-schema';
import type { EntityDeclaration } from './kvs/entity-schema';

export interface ManifestFunction {
  handler: string;
  /** 1–900; honoured only for functions referenced solely by scheduledTrigger / consumer modules. */
  timeoutSeconds?: number;
}

/** A module and the function it invokes (`function:`, or `resolver.function` for UI modules). */
export interface ManifestModule {
  /** The manifest's module type, e.g. `trigger`, `scheduledTrigger`, `consumer`, `jira:projectPage`. */
  type: string;
  key: string;
  functionKey?: string;
  /** A consumer's queue. */
  queue?: string;
}

export interface SandboxManifest {
  /** The uuid of `app.id: ari:cloud:ecosystem::app/<uuid>`. */
  appId?: string;
  scopes: string[];
  entities: EntityDeclaration[];
  /** By function key. */
  functions: Record<string, ManifestFunction>;
  /** Every module that invokes a function (`function` itself excluded). */
  modules: ManifestModule[];
  /**
   * The manifest's `translations`, each locale's file as read: `forge deploy` bundles them into
   * every function as `__LOCALES__/` (see function-bundle.ts), where @forge/api's `i18n` reads them.
   */
  translations?: FunctionTranslations;
}

export interface FunctionTranslations {
  /** By locale: the file's texts. */
  resources: Record<string, Record<string, unknown>>;
  fallback: { default: string } & Record<string, string | string[]>;
  /** Every `i18n` key the manifest's modules use (i18n-info.json carries their texts). */
  i18nKeys: string[];
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

// "timeoutSeconds: 1–900" (manifest reference, function module); Forge's validator refuses others.
const functionSchema = z.object({
  key: z.string(),
  handler: z.string(),
  timeoutSeconds: z.number().int().min(1).max(900).optional(),
});

const moduleSchema = z.looseObject({
  key: z.string(),
  function: z.string().optional(),
  queue: z.string().optional(),
  resolver: z.looseObject({ function: z.string().optional() }).optional(),
});

const manifestSchema = z.object({
  app: z
    .object({
      id: z.string().optional(),
      storage: z.object({ entities: z.array(entitySchema).optional() }).optional(),
    })
    .optional(),
  permissions: z.object({ scopes: z.array(z.string()).optional() }).optional(),
  modules: z.record(z.string(), z.array(z.unknown())).optional(),
  // https://developer.atlassian.com/platform/forge/manifest-reference/translations/
  translations: z
    .object({
      resources: z.array(z.object({ key: z.string(), path: z.string() })),
      fallback: z.looseObject({ default: z.string() }),
    })
    .optional(),
});

/** @param baseDir where the manifest's relative paths (translation files) start: its own folder. */
export function parseManifest(text: string, baseDir: string = process.cwd()): SandboxManifest {
  const manifest = manifestSchema.parse(parse(text) ?? {});
  const problem = entityLimitProblem(manifest.app?.storage?.entities ?? []);
  if (problem) throw new Error(problem);
  const appId = manifest.app?.id?.match(/^ari:cloud:ecosystem::app\/(.+)$/)?.[1];
  return {
    ...(appId ? { appId } : {}),
    scopes: manifest.permissions?.scopes ?? [],
    entities: (manifest.app?.storage?.entities ?? []).map((entity) => ({
      name: entity.name,
      attributes: entity.attributes,
      ...(entity.indexes ? { indexes: entity.indexes } : {}),
    })),
    ...functionsAndModules(manifest.modules ?? {}),
    ...(manifest.translations ? { translations: readTranslations(manifest.translations, manifest.modules ?? {}, baseDir) } : {}),
  };
}

function readTranslations(
  declared: { resources: Array<{ key: string; path: string }>; fallback: { default: string } & Record<string, unknown> },
  modules: Record<string, unknown[]>,
  baseDir: string,
): FunctionTranslations {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const { key, path } of declared.resources) {
    resources[key] = JSON.parse(readFileSync(isAbsolute(path) ? path : resolve(baseDir, path), 'utf8')) as Record<string, unknown>;
  }
  const i18nKeys = extractI18nKeysFromModules(modules as Parameters<typeof extractI18nKeysFromModules>[0]);
  return { resources, fallback: declared.fallback as FunctionTranslations['fallback'], i18nKeys };
}

function functionsAndModules(declared: Record<string, unknown[]>): Pick<SandboxManifest, 'functions' | 'modules'> {
  const functions: Record<string, ManifestFunction> = {};
  for (const entry of declared['function'] ?? []) {
    const fn = functionSchema.parse(entry);
    functions[fn.key] = { handler: fn.handler, ...(fn.timeoutSeconds === undefined ? {} : { timeoutSeconds: fn.timeoutSeconds }) };
  }
  const modules: ManifestModule[] = [];
  for (const [type, entries] of Object.entries(declared)) {
    if (type === 'function') continue;
    for (const entry of entries) {
      const parsed = moduleSchema.safeParse(entry);
      if (!parsed.success) continue; // modules without a key (none in Forge) cannot be invoked
      const functionKey = parsed.data.function ?? parsed.data.resolver?.function;
      const { key, queue } = parsed.data;
      modules.push({ type, key, ...(functionKey ? { functionKey } : {}), ...(queue ? { queue } : {}) });
    }
  }
  return { functions, modules };
}

export function loadManifest(path: string): SandboxManifest {
  return parseManifest(readFileSync(path, 'utf8'), dirname(resolve(path)));
}
