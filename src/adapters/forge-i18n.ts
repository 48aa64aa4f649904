/**
 * The texts of a locale as the deployed function has them: manifest.yml `translations`, bundled by
 * `forge deploy` into the function's `__LOCALES__/`, read through @forge/api's `i18n`.
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.i18n/ (unverified
 * address; behaviour read in @forge/api 8.3 out/api/i18n.js and @forge/i18n 1.0 translationsGetter.js).
 *
 * `getTranslations(locale)` answers the first file in Forge's lookup order (the locale, its manifest
 * fallbacks, the default) with the locale that file is in, so plural rules and number formats follow
 * the language the text is actually in. @forge/api caches each file for the life of the process.
 */
import { i18n } from '@forge/api';

export interface LocaleTexts {
  /** The locale of the file that answered (en-US for a reader of a locale the app has no file for). */
  locale: string;
  /** The whole locale file (UI catalogs, module titles and `server`). */
  texts: Record<string, unknown>;
}

/** Undefined when the bundle has no translations (an app deployed without them): callers fall back to English. */
export async function loadLocaleTexts(locale: string): Promise<LocaleTexts | undefined> {
  try {
    const found = await i18n.getTranslations(locale);
    return found.translations ? { locale: found.locale, texts: found.translations as Record<string, unknown> } : undefined;
  } catch (error) {
    // TranslationGetterError: no `__LOCALES__` in the bundle. Anything else is a bug.
    if (error instanceof Error && error.name === 'TranslationGetterError') return undefined;
    throw error;
  }
}
