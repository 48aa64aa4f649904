/**
 * What the host needs from manifest.yml: the UI modules it can show, the resource directory each
 * one serves, the function behind its resolver, and the content permissions that shape the CSP.
 * Read loosely: the full schema is @forge/manifest's job (its validation runs in the test suite).
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDisplayConditions } from './display-conditions';
import type { DisplayCondition } from './display-conditions';

export const UI_MODULE_TYPES = [
  'jira:projectPage',
  'jira:issuePanel',
  'jira:globalPage',
  'jira:adminPage',
  'jira:dashboardGadget',
] as const;
export type UiModuleType = (typeof UI_MODULE_TYPES)[number];

/** Short names for URLs: `?module=issue-panel` reads better than `?module=jira%3AissuePanel`. */
export const MODULE_SLUGS: Record<UiModuleType, string> = {
  'jira:projectPage': 'project-page',
  'jira:issuePanel': 'issue-panel',
  'jira:globalPage': 'global-page',
  'jira:adminPage': 'admin-page',
  'jira:dashboardGadget': 'dashboard',
};

export interface UiModule {
  type: UiModuleType;
  key: string;
  title: string;
  resourceKey: string;
  /** The manifest `function` key the module's resolver names, when it has one. */
  functionKey?: string;
  /** Jira renders the module only where this holds (absent: everywhere the module type appears). */
  displayConditions?: DisplayCondition;
  /** A dashboard gadget's edit view (`edit.resource`): what Jira shows when someone edits the gadget. */
  editResourceKey?: string;
}

export interface HostManifest {
  /** The app's id without the ARI prefix (the part URLs and extension ids carry). */
  appUuid: string;
  appAri: string;
  modules: UiModule[];
  /** resource key → absolute directory. */
  resources: Record<string, string>;
  /** function key → handler reference, e.g. `index.resolver`. */
  functions: Record<string, string>;
  content: { scripts: string[]; styles: string[] };
  external: { fetchClient: string[]; images: string[]; fonts: string[]; styles: string[]; scripts: string[] };
}

const titleSchema = z.union([z.string(), z.object({ i18n: z.string() }).loose()]);
const uiModuleSchema = z
  .object({
    key: z.string(),
    title: titleSchema.optional(),
    resource: z.string().optional(),
    resolver: z.object({ function: z.string().optional() }).loose().optional(),
    displayConditions: z.unknown().optional(),
    edit: z.object({ resource: z.string().optional() }).loose().optional(),
  })
  .loose();
const stringList = z.array(z.string()).optional();
const externalEntry = z.union([z.string(), z.object({ address: z.string() }).loose()]);
const externalList = z.array(externalEntry).optional();

const manifestSchema = z
  .object({
    app: z.object({ id: z.string() }).loose(),
    modules: z.record(z.string(), z.array(z.unknown())).optional(),
    resources: z.array(z.object({ key: z.string(), path: z.string() }).loose()).optional(),
    permissions: z
      .object({
        content: z.object({ scripts: stringList, styles: stringList }).loose().optional(),
        external: z
          .object({
            fetch: z.object({ client: externalList }).loose().optional(),
            images: externalList,
            fonts: externalList,
            styles: externalList,
            scripts: externalList,
          })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const functionSchema = z.object({ key: z.string(), handler: z.string() }).loose();

function addresses(list: Array<z.infer<typeof externalEntry>> | undefined): string[] {
  return (list ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.address));
}

/**
 * @param rootDir the app's root: resource paths in the manifest are relative to it (Forge resolves
 *   them against the directory `forge deploy` runs in, which is where manifest.yml lives).
 */
export async function readHostManifest(manifestPath: string, rootDir = dirname(manifestPath)): Promise<HostManifest> {
  const raw = manifestSchema.parse(parse(await readFile(manifestPath, 'utf8')));
  const modules: UiModule[] = [];
  for (const type of UI_MODULE_TYPES) {
    for (const entry of raw.modules?.[type] ?? []) {
      const module = uiModuleSchema.parse(entry);
      if (!module.resource) continue; // UI Kit modules (render: native) have no resource to serve
      const title = typeof module.title === 'string' ? module.title : (module.title?.i18n ?? module.key);
      modules.push({
        type,
        key: module.key,
        title,
        resourceKey: module.resource,
        ...(module.resolver?.function ? { functionKey: module.resolver.function } : {}),
        ...(module.displayConditions === undefined ? {} : { displayConditions: parseDisplayConditions(module.displayConditions, module.key) }),
        ...(module.edit?.resource ? { editResourceKey: module.edit.resource } : {}),
      });
    }
  }
  const functions: Record<string, string> = {};
  for (const entry of raw.modules?.['function'] ?? []) {
    const fn = functionSchema.parse(entry);
    functions[fn.key] = fn.handler;
  }
  const resources: Record<string, string> = {};
  for (const resource of raw.resources ?? []) {
    resources[resource.key] = isAbsolute(resource.path) ? resource.path : resolve(rootDir, resource.path);
  }
  const external = raw.permissions?.external;
  return {
    appAri: raw.app.id,
    appUuid: raw.app.id.replace(/^ari:cloud:ecosystem::app\//, ''),
    modules,
    resources,
    functions,
    content: {
      scripts: raw.permissions?.content?.scripts ?? [],
      styles: raw.permissions?.content?.styles ?? [],
    },
    external: {
      fetchClient: addresses(external?.fetch?.client),
      images: addresses(external?.images),
      fonts: addresses(external?.fonts),
      styles: addresses(external?.styles),
      scripts: addresses(external?.scripts),
    },
  };
}

export function moduleBySlugOrType(manifest: HostManifest, name: string): UiModule | undefined {
  return manifest.modules.find(
    (module) => module.type === name || MODULE_SLUGS[module.type] === name || module.key === name,
  );
}

export function isUiModuleType(name: string): name is UiModuleType {
  return (UI_MODULE_TYPES as readonly string[]).includes(name);
}

/** `?module=` value → module type, whether or not the manifest declares it. */
export function moduleTypeOf(name: string): UiModuleType | undefined {
  if (isUiModuleType(name)) return name;
  return UI_MODULE_TYPES.find((type) => MODULE_SLUGS[type] === name);
}
