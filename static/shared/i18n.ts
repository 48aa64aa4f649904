/**
 * The reader's language and time zone, from the Forge context, and the app's translations for it
 * (manifest.yml `translations` through @forge/bridge i18n). Called once at boot, before the first
 * render, so every format (static/shared/format.ts) is in the reader's locale from the start.
 */
import { appTranslations, uiContext } from './bridge';
import { setFormatLocale } from './format';

export interface ReaderLanguage {
  /** The Jira language of the reader (context.locale), e.g. `de-DE`. */
  locale: string;
  /** The reader's Jira time zone (context.timezone). */
  timeZone: string;
  /** The locale whose texts were found (the reader's, or en-US when the app has none for it). */
  textLocale: string;
  /** A manifest text by key (`modules.product.title`), the key itself when no locale has it. */
  t: (key: string, fallback?: string) => string;
}

let current: ReaderLanguage | undefined;
let translationsLoaded: Promise<void> = Promise.resolve();

export async function startI18n(): Promise<ReaderLanguage> {
  const context = await uiContext();
  setFormatLocale({ locale: context.locale, timeZone: context.timezone });
  document.documentElement.lang = context.locale;
  current = { locale: context.locale, timeZone: context.timezone, textLocale: context.locale, t: (key, fallback) => fallback ?? key };
  // The first render waits for the locale (formats), never for the translation files: a slow CDN
  // must not leave the page blank. Texts switch to the loaded ones when they arrive.
  translationsLoaded = appTranslations(context.locale).then(
    (loaded) => {
      current = { locale: context.locale, timeZone: context.timezone, textLocale: loaded.locale, t: loaded.t };
    },
    () => undefined, // none reachable: formats still follow the locale, texts stay the catalogs' English
  );
  return current;
}

/** Settles once the translation files have loaded (or failed to). */
export const translationsReady = (): Promise<void> => translationsLoaded;

/** The language startI18n found; English and the browser's zone before it ran. */
export function readerLanguage(): ReaderLanguage {
  return current ?? { locale: 'en-US', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, textLocale: 'en-US', t: (key, fallback) => fallback ?? key };
}
