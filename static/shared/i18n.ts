/**
 * The reader's language and time zone, from the Forge context, and the app's translations for it
 * (manifest.yml `translations` through @forge/bridge i18n). Called once at boot, before the first
 * render, so every format (static/shared/format.ts) is in the reader's locale from the start.
 */
import { appTranslations, uiContext } from './bridge';
import { setFormatLocale } from './format';
import { setLoadedTexts } from './messages/runtime';

/** How long the first render waits for the locale's texts before it shows the bundled English. */
const textsWaitMs = 4000;

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
  // The first render waits for the reader's texts (one small file from Forge's CDN, fetched once),
  // so no page flips from English to German under the reader's eyes; but a CDN that does not answer
  // must not leave the page blank: after textsWaitMs it renders in the bundled English.
  translationsLoaded = appTranslations(context.locale).then(
    (loaded) => {
      current = { locale: context.locale, timeZone: context.timezone, textLocale: loaded.locale, t: loaded.t };
      if (loaded.translations) setLoadedTexts({ locale: loaded.locale, texts: loaded.translations as never });
    },
    () => undefined, // none reachable: formats still follow the locale, texts stay the catalogs' English
  );
  await Promise.race([translationsLoaded, new Promise((settle) => setTimeout(settle, textsWaitMs))]);
  return current;
}

/** Settles once the translation files have loaded (or failed to). */
export const translationsReady = (): Promise<void> => translationsLoaded;

/** The language startI18n found; English and the browser's zone before it ran. */
export function readerLanguage(): ReaderLanguage {
  return current ?? { locale: 'en-US', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, textLocale: 'en-US', t: (key, fallback) => fallback ?? key };
}
