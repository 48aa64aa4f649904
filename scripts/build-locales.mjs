/**
 * Builds `locales/<locale>.json`, the files manifest.yml `translations` names, from their sources:
 *   locales/modules.<locale>.json               → `modules`  (the manifest's module titles)
 *   static/shared/messages/<catalog>.<locale>.json → `<catalog>` (camelCase: `check-ins` → `checkIns`)
 *   src/i18n/messages/<area>.<locale>.json       → `server.<area>`
 * Each source is owned by its catalog and translated beside it; Forge wants one file per locale.
 * The output is committed (Forge deploys it as it is); the locale guard test fails when it is stale.
 *
 *   node scripts/build-locales.mjs          write the files
 *   node scripts/build-locales.mjs --check  exit 1 when a committed file differs from its sources
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const sourceFolders = [
  { folder: 'static/shared/messages', into: [] },
  { folder: 'src/i18n/messages', into: ['server'] },
];

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The locales there are: one `locales/modules.<locale>.json` each. */
export function localesOf(base = root) {
  return readdirSync(join(base, 'locales'))
    .map((name) => /^modules\.([a-z]{2}-[A-Z]{2})\.json$/.exec(name)?.[1])
    .filter(Boolean)
    .sort((a, b) => (a === 'en-US' ? -1 : b === 'en-US' ? 1 : a.localeCompare(b)));
}

/** Every source file of one locale: its catalog's place in the output and its texts. */
export function sourcesOf(locale, base = root) {
  const sources = [{ path: join('locales', `modules.${locale}.json`), place: ['modules'] }];
  for (const { folder, into } of sourceFolders) {
    if (!existsSync(join(base, folder))) continue;
    for (const name of readdirSync(join(base, folder)).sort()) {
      const match = /^([a-z0-9-]+)\.([a-z]{2}-[A-Z]{2})\.json$/.exec(name);
      if (match && match[2] === locale) sources.push({ path: join(folder, name), place: [...into, camel(match[1])] });
    }
  }
  return sources.map((source) => ({ ...source, texts: readJson(join(base, source.path)) }));
}

/** One locale's whole file, as Forge serves it. */
export function localeFile(locale, base = root) {
  const out = {};
  for (const { place, texts, path } of sourcesOf(locale, base)) {
    let at = out;
    for (const part of place.slice(0, -1)) at = at[part] ??= {};
    const last = place[place.length - 1];
    if (at[last] !== undefined) throw new Error(`${path}: “${place.join('.')}” is given by two sources`);
    at[last] = texts;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function staleLocaleFiles(base = root) {
  return localesOf(base).filter((locale) => {
    const path = join(base, 'locales', `${locale}.json`);
    return !existsSync(path) || readFileSync(path, 'utf8') !== localeFile(locale, base);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleLocaleFiles();
    if (stale.length) {
      console.error(`locales out of date: ${stale.join(', ')} (run node scripts/build-locales.mjs)`);
      process.exit(1);
    }
  } else {
    for (const locale of localesOf()) writeFileSync(join(root, 'locales', `${locale}.json`), localeFile(locale));
  }
}
