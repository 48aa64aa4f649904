/**
 * How a catalog finds its texts. Each catalog (`messages/<catalog>.ts`) keeps its English texts in
 * `<catalog>.en-US.json` beside it, bundled, and exposes typed functions and getters over them; the
 * reader's locale comes from manifest.yml `translations` through @forge/bridge i18n at boot
 * (static/shared/i18n.ts), where `locales/<locale>.json` (built by scripts/build-locales.mjs from
 * every `<catalog>.<locale>.json`) holds each catalog under its name. Only the English texts are in
 * a bundle: a German reader's page fetches `de-DE.json` once, on demand.
 *
 * A text the reader's locale lacks is said in English (and the locale guard test keeps that from
 * happening in a release). Texts are read when shown, never copied at module load, so everything
 * rendered after boot is in the reader's language.
 */
import { formatMessage, type MessageParams } from '../../../src/i18n/message-format';

export type { MessageParams };

/** A catalog's texts: strings, or groups of strings (`status.on-track`). */
export interface CatalogTexts {
  readonly [key: string]: string | CatalogTexts;
}

/** `a` | `group.b`: every text's path in a catalog. */
export type TextKey<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${TextKey<T[K]>}`;
}[keyof T & string];

interface Loaded {
  /** The locale the loaded texts are in (what plural rules and numbers follow). */
  locale: string;
  texts: CatalogTexts;
}

let loaded: Loaded | undefined;

/**
 * The reader's texts, as @forge/bridge i18n returned them (all catalogs, by catalog name). Called
 * once at boot, before the first render; `undefined` returns to the bundled English.
 */
export function setLoadedTexts(next: Loaded | undefined): void {
  loaded = next;
}

/** The locale texts are being said in (en-US until a locale's texts are loaded). */
export const textLocale = (): string => loaded?.locale ?? 'en-US';

function lookup(texts: CatalogTexts | undefined, path: readonly string[]): string | undefined {
  let at: string | CatalogTexts | undefined = texts;
  for (const part of path) {
    if (at === undefined || typeof at === 'string') return undefined;
    at = at[part];
  }
  return typeof at === 'string' ? at : undefined;
}

/**
 * The text function of one catalog: `t('created', { title })` says the catalog's `created` text in
 * the reader's locale, or in English when that locale has none.
 */
export function catalog<T extends CatalogTexts>(name: string, english: T): (key: TextKey<T>, params?: MessageParams) => string {
  return (key, params) => {
    const path = key.split('.');
    const translated = lookup(loaded?.texts[name] as CatalogTexts | undefined, path);
    if (translated !== undefined) return formatMessage(translated, params, loaded!.locale);
    const fallback = lookup(english, path);
    // A key the English file lacks is a bug the typecheck already refuses; say the key, not nothing.
    return fallback === undefined ? key : formatMessage(fallback, params, 'en-US');
  };
}

/**
 * A group of texts by value (`status[goal.status]`), read when used: for maps from a code to its
 * label. `keys` are the group's codes, in the order the UI lists them.
 */
export function textGroup<K extends string>(keys: readonly K[], say: (key: K) => string): Readonly<Record<K, string>> {
  const group = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(group, key, { get: () => say(key), enumerable: true });
  return group;
}
