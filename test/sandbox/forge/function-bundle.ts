/**
 * The part of a deployed function bundle that the runtime reads from disk: `__LOCALES__/`.
 * `forge deploy` puts the manifest's `translations` into every function bundle as
 * `__LOCALES__/i18n-info.json` (the locales there are, their fallback order, the module titles'
 * texts) and one `__LOCALES__/<locale>.json` per locale; @forge/api's `i18n`
 * (out/api/i18n.js) reads them from `__forge_runtime__.container.appCodeDir`. Writing the same
 * files here lets the real, unmodified @forge/api i18n run in tests, `npm start` and the benches.
 *
 * https://developer.atlassian.com/platform/forge/manifest-reference/translations/
 * https://developer.atlassian.com/platform/forge/runtime-reference/forge-api-i18n/ (unverified
 * address; the layout is the one @forge/api 8.3 and @forge/i18n 1.0 read).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME } from '@forge/i18n';
import { i18nInfo } from '../host/manifest';
import type { FunctionTranslations } from './manifest';

/** The files of `__LOCALES__/`, by name. */
export function localeBundleFiles(translations: FunctionTranslations): Record<string, string> {
  const files: Record<string, string> = { [I18N_INFO_FILE_NAME]: JSON.stringify(i18nInfo(translations)) };
  for (const [locale, texts] of Object.entries(translations.resources)) files[`${locale}.json`] = JSON.stringify(texts);
  return files;
}

/**
 * A function bundle directory holding `__LOCALES__/`, named by its content, so every sandbox of
 * the same manifest (jest workers, the host) shares one and a changed locale file gets a new one.
 * Written through a rename, so a parallel worker never reads a half-written file.
 *
 * @param root where bundles go; the system's temporary folder unless a test wants its own.
 */
export function functionBundleDir(translations: FunctionTranslations, root: string = tmpdir()): string {
  const files = localeBundleFiles(translations);
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(name).update('\0').update(files[name]!).update('\0');
  const dir = join(root, `throughline-function-bundle-${hash.digest('hex').slice(0, 16)}`);
  const folder = join(dir, I18N_BUNDLE_FOLDER_NAME);
  if (existsSync(join(folder, I18N_INFO_FILE_NAME))) return dir;
  const staging = `${folder}.${process.pid}.${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(staging, name), text);
  try {
    renameSync(staging, folder);
  } catch (error) {
    // Another process wrote the same content first: theirs is as good as ours.
    if (!existsSync(join(folder, I18N_INFO_FILE_NAME))) throw error;
  }
  return dir;
}
