/** "3 hours ago", "yesterday": an instant relative to now in the reader's locale (Intl.RelativeTimeFormat). */
import { formatLocale, formatRelative } from './format';

/** @param locale absent: the reader's (static/shared/i18n.ts), never the browser's guess. */
export function relativeTime(iso: string, now: number = Date.now(), locale?: string): string {
  return formatRelative(iso, now, locale === undefined ? formatLocale() : { ...formatLocale(), locale });
}
