/**
 * The pseudo-locale: English texts with every letter accented and every word lengthened by ~40%,
 * each message in brackets (`[Šååvé]`), so a reviewer sees at a glance which text came from the
 * catalogs (untranslated text stays plain), where German-length text would clip, and where a
 * message is cut short (a missing `]`).
 *
 * Forge knows only its own locale codes (@forge/i18n FORGE_SUPPORTED_LOCALE_CODES) and a manifest's
 * `translations` may name only those, so there is no "pseudo" locale to deploy. The host models it
 * as what a pseudo-localised build would be: the context locale stays en-US (formats stay English)
 * and `__LOCALES__/en-US.json` is served rewritten. Placeholders, plural and select syntax are kept
 * (message-format's mapMessageText), so every text still formats with its values.
 */
import { mapMessageText } from '../../../src/i18n/message-format';
import type { HostManifest, HostTranslations } from './manifest';

/** The host's `lang` value for the pseudo-locale (not a Forge locale: see above). */
export const PSEUDO_LANG = 'pseudo';
/** The Forge locale a pseudo-localised page runs in. */
export const PSEUDO_BASE_LOCALE = 'en-US';

const plain = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const accented = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const accentOf = new Map([...plain].map((letter, index) => [letter, [...accented][index]!]));
const vowels = /[aeiouyAEIOUY]/;

/** How much longer a word gets: German runs 30–40% longer than English. */
const growth = 0.4;

/** One word accented and lengthened: its vowels repeated (the last letter when it has none). */
function pseudoWord(word: string): string {
  const letters = [...word];
  const extra = Math.ceil(letters.length * growth);
  let stretch = letters.flatMap((letter, index) => (vowels.test(letter) ? [index] : []));
  if (stretch.length === 0) stretch = [letters.length - 1];
  const repeats = new Array<number>(letters.length).fill(1);
  for (let i = 0; i < extra; i += 1) repeats[stretch[i % stretch.length]!]! += 1;
  return letters.map((letter, index) => (accentOf.get(letter) ?? letter).repeat(repeats[index]!)).join('');
}

/** A run of plain text (no message syntax) in the pseudo-locale. */
export function pseudoText(text: string): string {
  return text.replace(/[A-Za-z]+/g, pseudoWord);
}

/** A whole message in the pseudo-locale: its text parts rewritten, its syntax kept, in brackets. */
export function pseudoMessage(pattern: string): string {
  if (pattern === '') return pattern;
  return `[${mapMessageText(pattern, pseudoText)}]`;
}

/** Every text of a locale file (nested groups) in the pseudo-locale. */
export function pseudoTexts(resource: Record<string, unknown>): Record<string, unknown> {
  const walk = (value: unknown): unknown =>
    typeof value === 'string'
      ? pseudoMessage(value)
      : value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]))
        : value;
  return walk(resource) as Record<string, unknown>;
}

const pseudoManifests = new WeakMap<HostManifest, HostManifest>();

/**
 * The manifest of a pseudo-localised build: its en-US translations (the UI's texts, the module
 * titles Jira shows) rewritten; the other locales as they are. Made once per manifest.
 */
export function pseudoManifest(manifest: HostManifest): HostManifest {
  const { translations } = manifest;
  const english = translations?.resources[PSEUDO_BASE_LOCALE];
  if (!translations || !english) return manifest;
  let pseudo = pseudoManifests.get(manifest);
  if (!pseudo) {
    const rewritten: HostTranslations = { ...translations, resources: { ...translations.resources, [PSEUDO_BASE_LOCALE]: pseudoTexts(english) } };
    pseudo = { ...manifest, translations: rewritten };
    pseudoManifests.set(manifest, pseudo);
  }
  return pseudo;
}
