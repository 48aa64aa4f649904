/**
 * What the host needs from manifest.yml: the UI modules it can show, the resource directory each
 * one serves, the function behind its resolver, and the content permissions that shape the CSP.
 * Read loosely: the full schema is @forge/manifest's job (its validation runs in the test suite).
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { extractI18nKeysFromModules, getTranslationValue } from '@forge/i18n';
import type { ForgeSupportedLocaleCode } from '@forge/i18n';
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
  /** The manifest's plain title, or its `i18n` key when it has no plain one (see `moduleTitle`). */
  title: string;
  /** `title: { i18n: key }`: Jira shows the text of the user's locale (`moduleTitle`). */
  titleI18nKey?: string;
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
  /** The manifest's `translations`: each locale's file as read, and the fallback order. */
  translations?: HostTranslations;
}

export interface HostTranslations {
  resources: Record<string, Record<string, unknown>>;
  fallback: { default: string } & Record<string, string | string[]>;
  /** Every `i18n` key the manifest's modules use. */
  i18nKeys: string[];
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

const translationsSchema = z.object({
  resources: z.array(z.object({ key: z.string(), path: z.string() })).min(1),
  fallback: z.object({ default: z.string() }).catchall(z.array(z.string())),
});

const manifestSchema = z
  .object({
    app: z.object({ id: z.string() }).loose(),
    modules: z.record(z.string(), z.array(z.unknown())).optional(),
    translations: translationsSchema.optional(),
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
        ...(typeof module.title === 'object' && module.title ? { titleI18nKey: module.title.i18n } : {}),
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
  let translations: HostTranslations | undefined;
  if (raw.translations) {
    const files: Record<string, Record<string, unknown>> = {};
    for (const { key, path } of raw.translations.resources) {
      files[key] = JSON.parse(await readFile(isAbsolute(path) ? path : resolve(rootDir, path), 'utf8')) as Record<string, unknown>;
    }
    const i18nKeys = extractI18nKeysFromModules((raw.modules ?? {}) as Parameters<typeof extractI18nKeysFromModules>[0]);
    translations = { resources: files, fallback: raw.translations.fallback, i18nKeys };
    // Outside any user's view (gadget lists, logs) a module is called by its default-locale title.
    for (const module of modules) {
      if (module.titleI18nKey) module.title = translatedTitle(translations, module.titleI18nKey, translations.fallback.default) ?? module.titleI18nKey;
    }
  }
  return {
    ...(translations ? { translations } : {}),
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

/**
 * The locales Forge tries for `locale`, in order: itself, its fallbacks, the default; only those
 * the manifest has a file for (@forge/i18n TranslationsGetter.getLocaleLookupOrder).
 */
export function localeLookupOrder(translations: HostTranslations, locale: string): string[] {
  const fallbacks = translations.fallback[locale];
  const order = [locale, ...(Array.isArray(fallbacks) ? fallbacks : []), translations.fallback.default];
  return [...new Set(order)].filter((candidate) => Object.hasOwn(translations.resources, candidate));
}

/** A module's title as Jira shows it to a user of `locale`: the i18n key's text, falling back as Forge does. */
export function moduleTitle(manifest: HostManifest, module: UiModule, locale: string): string {
  const { translations } = manifest;
  if (!module.titleI18nKey || !translations) return module.title;
  return translatedTitle(translations, module.titleI18nKey, locale) ?? module.titleI18nKey;
}

function translatedTitle(translations: HostTranslations, key: string, locale: string): string | undefined {
  for (const candidate of localeLookupOrder(translations, locale)) {
    const text = getTranslationValue(translations.resources, key, candidate as ForgeSupportedLocaleCode);
    if (text) return text;
  }
  return undefined;
}

/** The manifest as a user of `locale` sees it: every module's title in that locale. */
export function localizedManifest(manifest: HostManifest, locale: string): HostManifest {
  if (!manifest.translations) return manifest;
  return { ...manifest, modules: manifest.modules.map((module) => ({ ...module, title: moduleTitle(manifest, module, locale) })) };
}

/**
 * What Forge bundles beside each Custom UI resource as `__LOCALES__/i18n-info.json`, which
 * @forge/bridge's i18n reads first (its `config`), then `__LOCALES__/<locale>.json`.
 */
export function i18nInfo(translations: HostTranslations): { translations: Record<string, Record<string, string>>; config: { locales: string[]; fallback: HostTranslations['fallback'] } } {
  const texts: Record<string, Record<string, string>> = {};
  for (const key of translations.i18nKeys) {
    const perLocale: Record<string, string> = {};
    for (const locale of Object.keys(translations.resources)) {
      const text = getTranslationValue(translations.resources, key, locale as ForgeSupportedLocaleCode);
      if (text) perLocale[locale] = text;
    }
    texts[key] = perLocale;
  }
  return { translations: texts, config: { locales: Object.keys(translations.resources), fallback: translations.fallback } };
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
