/**
 * What resolvers say to people, in the caller's language: the texts of `server.<area>.<key>` in
 * manifest.yml `translations` (sources: src/i18n/messages/<area>.<locale>.json, built into
 * locales/<locale>.json by scripts/build-locales.mjs), in the Forge context's `locale`, with dates
 * in its `timezone` (`sayDay`, `sayInstant`).
 *
 * The caller's texts are scoped per invocation implicitly: `speakingTo` runs the whole resolver
 * call inside an AsyncLocalStorage, and `say(key, params)` reads it. Why not a parameter: about a
 * hundred expected failures are worded deep inside helpers (authorisation, validation, conflicts,
 * Jira errors, refusals computed three calls down), `fail()` is synchronous and shared by every
 * call, and threading a `texts` argument through each helper would change most signatures of
 * src/resolvers for no safety gained: the scope is set once, at the resolver edge
 * (src/resolvers/handlers.ts), from the trusted Forge context, and AsyncLocalStorage keeps two
 * concurrent invocations in one process apart (test/integration/i18n/server-texts.test.ts, "concurrent
 * invocations"). Outside a call (queue consumers, scheduled jobs, unit tests) `say` speaks
 * English; such code, the domain and anything stored keep text codes instead of sentences
 * (src/domain/text-codes.ts), said when someone reads them (`sayRef`, `sayCoded`).
 *
 * Each locale's texts are loaded once per process (@forge/api caches the file, this caches the
 * lookup) and English is bundled, so a missing locale file or key never blanks a message.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { loadLocaleTexts } from '../adapters/forge-i18n';
import { formatPercent, formatQuantity } from '../domain/number-format';
import { formatMessage, type MessageParams } from './message-format';
import { decodeText, type TextRef, type TextValue } from '../domain/text-codes';
import access from './messages/access.en-US.json';
import admin from './messages/admin.en-US.json';
import epics from './messages/epics.en-US.json';
import feed from './messages/feed.en-US.json';
import health from './messages/health.en-US.json';
import imports from './messages/imports.en-US.json';
import records from './messages/records.en-US.json';
import results from './messages/results.en-US.json';
import roadmap from './messages/roadmap.en-US.json';
import strategy from './messages/strategy.en-US.json';
import updates from './messages/updates.en-US.json';
import validation from './messages/validation.en-US.json';

export type { MessageParams };
export { coded, codedRef, decodeText } from '../domain/text-codes';
export type { TextRef, TextValue } from '../domain/text-codes';

const english = { access, admin, epics, feed, health, imports, records, results, roadmap, strategy, updates, validation };

type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];

/** `area.key`: every server text, checked by the compiler against the English sources. */
export type ServerTextKey = Leaves<typeof english>;

export const DEFAULT_LOCALE = 'en-US';

export interface CallerTexts {
  /** The locale the texts are in (en-US when the caller's locale has no file). */
  readonly locale: string;
  /** The caller's IANA time zone; UTC when Forge sent none. */
  readonly timeZone: string;
  say(key: ServerTextKey, params?: MessageParams): string;
}

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: unknown, path: readonly string[]): string | undefined {
  let at = tree;
  for (const part of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Tree)[part];
  }
  return typeof at === 'string' ? at : undefined;
}

function textsIn(locale: string, server: unknown, timeZone: string): CallerTexts {
  return {
    locale,
    timeZone,
    say(key, params) {
      const path = key.split('.');
      const own = lookup(server, path);
      if (own !== undefined) return formatMessage(own, params, locale);
      const fallback = lookup(english, path);
      // The compiler refuses keys English lacks; should one arrive at run time, say the key, not nothing.
      return fallback === undefined ? key : formatMessage(fallback, params, DEFAULT_LOCALE);
    },
  };
}

const englishTexts = (timeZone: string): CallerTexts => textsIn(DEFAULT_LOCALE, undefined, timeZone);

interface Loaded {
  locale: string;
  server: unknown;
}

const loading = new Map<string, Promise<Loaded>>();
let loads = 0;

/** How many locale files this process has asked @forge/api for (once per locale, whatever the number of calls). */
export const serverTextLoads = (): number => loads;

function loaded(locale: string): Promise<Loaded> {
  let pending = loading.get(locale);
  if (!pending) {
    loads += 1;
    pending = loadLocaleTexts(locale).then(
      (found) => (found ? { locale: found.locale, server: found.texts['server'] } : { locale: DEFAULT_LOCALE, server: undefined }),
      (error: unknown) => {
        loading.delete(locale); // a bug or a platform hiccup: the next call tries again
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** The texts of a caller of `locale` (a Forge context's BCP 47 tag; absent: en-US) in `timeZone`. */
export async function callerTexts(locale: string | undefined, timeZone: string | undefined): Promise<CallerTexts> {
  const zone = validTimeZone(timeZone);
  if (!locale || locale === DEFAULT_LOCALE) return englishTexts(zone);
  const found = await loaded(locale);
  return textsIn(found.locale, found.server, zone);
}

/** The texts of whoever made this Forge call: its context's `locale` and `timezone` (both from Jira, trusted). */
export function callerTextsOf(context: unknown): Promise<CallerTexts> {
  const { locale, timezone } = (typeof context === 'object' && context !== null ? context : {}) as { locale?: unknown; timezone?: unknown };
  return callerTexts(typeof locale === 'string' ? locale : undefined, typeof timezone === 'string' ? timezone : undefined);
}

function validTimeZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

const caller = new AsyncLocalStorage<CallerTexts>();

/** Runs `body` with `texts` as the current caller's: everything it says is in their language. */
export function speakingTo<T>(texts: CallerTexts, body: () => T): T {
  return caller.run(texts, body);
}

const current = (): CallerTexts => caller.getStore() ?? englishTexts('UTC');

/** A server text in the current caller's language (English outside a call). */
export function say(key: ServerTextKey, params?: MessageParams): string {
  return current().say(key, params);
}

/** A stored or computed `TextRef` said now, in the current caller's language. */
export function sayRef(ref: TextRef): string {
  // A key the English sources lack is refused by the guard (test/guard/server-strings.test.ts).
  const key = ref.key as ServerTextKey;
  if (!ref.params) return say(key);
  const locale = callerLocale();
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(ref.params)) params[name] = valueIn(value, locale);
  return say(key, params);
}

function valueIn(value: TextValue, locale: string): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('day' in value) return sayDay(value.day);
  if ('quantity' in value) return formatQuantity(value.quantity, value.unit, locale);
  if ('percent' in value) return formatPercent(value.percent, locale);
  if ('ref' in value) return sayRef(value.ref);
  return sayList(value.names.map((name) => quoted(name, locale)));
}

/** A name in the quotation marks of `locale`'s language (“…”, „…“, 「…」). */
function quoted(name: string, locale: string): string {
  const language = locale.slice(0, 2);
  return language === 'de' ? `„${name}“` : language === 'ja' ? `「${name}」` : `“${name}”`;
}

/** The current caller's locale (what Intl formats follow). */
export const callerLocale = (): string => current().locale;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (`2026-12-07`) as the caller writes dates: `Dec 7, 2026`, `07.12.2026`,
 * `2026/12/07`. A day has no time zone: it is formatted as the same day everywhere.
 */
export function sayDay(isoDay: string): string {
  const locale = callerLocale();
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  const at = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(at) ? isoDay : format.format(at);
}

/** An instant (`2026-12-07T09:30:00Z`) as the caller reads it: their locale, their time zone, to the minute. */
export function sayInstant(iso: string): string {
  const { locale, timeZone } = current();
  const id = `${locale}|${timeZone}`;
  let format = instantFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    instantFormats.set(id, format);
  }
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : format.format(at);
}

/**
 * A list of names as the caller's language joins them (`A, B and C`, `A, B und C`, `A、B、C`).
 */
export function sayList(items: readonly string[]): string {
  return new Intl.ListFormat(callerLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A coded text (`coded(...)`, src/i18n/server-text-codes.ts) said in the current caller's
 * language; any other string passes unchanged: Jira's own messages (Jira already wrote them in the
 * user's language) and sentences stored before texts were stored as codes.
 */
export function sayCoded(message: string): string {
  const ref = decodeText(message);
  return ref ? sayRef(ref) : message;
}
