/**
 * `__LOCALES__/` beside every Custom UI resource, as Forge bundles it at deploy: `i18n-info.json`
 * (which locales exist, the fallback order, the manifest's i18n texts) and one `<locale>.json` per
 * locale of the manifest's `translations`. @forge/bridge's `i18n.getTranslations` and
 * `createTranslationFunction` fetch exactly these, relative to the resource page
 * (node_modules/@forge/bridge/out/i18n/index.js), so the real bridge code runs unchanged.
 */
import type { ServerResponse } from 'node:http';
import { I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME } from '@forge/i18n';
import { HttpError } from './http-util';
import { i18nInfo } from './manifest';
import type { HostManifest } from './manifest';

export const LOCALES_FOLDER: string = I18N_BUNDLE_FOLDER_NAME;

/** @param name the path under `__LOCALES__/`, e.g. `i18n-info.json` or `de-DE.json`. */
export function serveLocaleFile(manifest: HostManifest, response: ServerResponse, name: string, csp: string): void {
  const { translations } = manifest;
  let body: unknown;
  if (translations && name === I18N_INFO_FILE_NAME) body = i18nInfo(translations);
  else {
    const locale = /^([a-z]{2}-[A-Z]{2})\.json$/.exec(name)?.[1];
    // A locale the manifest has no file for is a 404, as on Forge's CDN: the bridge then falls back.
    if (translations && locale && Object.hasOwn(translations.resources, locale)) body = translations.resources[locale];
  }
  if (body === undefined) throw new HttpError(404, 'not-found', `No ${LOCALES_FOLDER}/${name}: manifest.yml's translations declare no such file`);
  const text = Buffer.from(JSON.stringify(body));
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(text.length),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(text);
}
