/**
 * The manifest's translations (https://developer.atlassian.com/platform/forge/manifest-reference/translations/):
 * Forge's validation only insists that the default locale has every `i18n` key; a key missing from
 * de-DE would quietly show English. Here every locale must have every key, with the same placeholders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORGE_SUPPORTED_LOCALE_CODES, extractI18nKeysFromModules, getTranslationValue } from '@forge/i18n';
import type { ForgeSupportedLocaleCode } from '@forge/i18n';
import { parse } from 'yaml';
import { placeholdersOf } from '../../src/i18n/message-format';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Translations {
  resources: Array<{ key: string; path: string }>;
  fallback: { default: string } & Record<string, unknown>;
}

const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { modules: Record<string, unknown[]>; translations: Translations };
const { translations } = manifest;
const locales: Record<string, Record<string, unknown>> = Object.fromEntries(
  translations.resources.map(({ key, path }) => [key, JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>]),
);

/** Every leaf of a locale file as `a.b.c` → text. */
function leaves(content: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    found.set(prefix, content);
    return found;
  }
  for (const [key, value] of Object.entries(content)) {
    for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key)) found.set(path, leaf);
  }
  return found;
}

/** The values a text names, in the message syntax every text uses (plural and select names included). */
const placeholders = (text: string): string[] => [...placeholdersOf(text)].sort();

describe('manifest translations', () => {
  test('English is the fallback, and German and Japanese are declared, all as locales Forge supports', () => {
    expect(translations.fallback.default).toBe('en-US');
    expect(Object.keys(locales).sort()).toEqual(['de-DE', 'en-US', 'ja-JP']);
    for (const locale of Object.keys(locales)) expect(FORGE_SUPPORTED_LOCALE_CODES).toContain(locale);
  });

  test('every module title is an i18n key, and every i18n key of the manifest has a text in every locale', () => {
    const keys = extractI18nKeysFromModules(manifest.modules as Parameters<typeof extractI18nKeysFromModules>[0]);
    expect(keys).toEqual(expect.arrayContaining(['modules.product.title', 'modules.portfolio.title', 'modules.settings.title']));
    for (const [type, entries] of Object.entries(manifest.modules)) {
      for (const entry of entries as Array<{ key: string; title?: unknown }>) {
        if (entry.title !== undefined) expect({ module: `${type} ${entry.key}`, plainTitle: typeof entry.title === 'string' }).toEqual({ module: `${type} ${entry.key}`, plainTitle: false });
      }
    }
    const missing = Object.keys(locales).flatMap((locale) =>
      keys.filter((key) => !getTranslationValue(locales, key, locale as ForgeSupportedLocaleCode)?.trim()).map((key) => `${locale}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  test('every locale file has exactly the keys of en-US, each a non-empty text with the same placeholders', () => {
    const english = leaves(locales['en-US']);
    for (const [locale, content] of Object.entries(locales)) {
      const own = leaves(content);
      expect({ locale, keys: [...own.keys()].sort() }).toEqual({ locale, keys: [...english.keys()].sort() });
      for (const [key, text] of own) {
        expect({ locale, key, isText: typeof text === 'string' && text.trim() !== '' }).toEqual({ locale, key, isText: true });
        expect({ locale, key, placeholders: placeholders(String(text)) }).toEqual({ locale, key, placeholders: placeholders(String(english.get(key))) });
      }
    }
  });
});
