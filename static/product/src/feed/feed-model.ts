/** The feed as a stakeholder reads it: entries grouped by the reader's calendar day, newest first. Pure. */
import type { ActivityEntry } from '../../../../src/contract';

export interface FeedDay {
  /** `YYYY-MM-DD` in the reader's time zone. */
  day: string;
  entries: ActivityEntry[];
}

/** The reader's calendar day of an instant (`timeZone` undefined: the browser's). */
export function dayOf(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Consecutive entries of one day together, in the order given (newest first). */
export function groupByDay(entries: readonly ActivityEntry[], timeZone?: string): FeedDay[] {
  const days: FeedDay[] = [];
  for (const entry of entries) {
    const day = dayOf(entry.at, timeZone);
    const last = days.at(-1);
    if (last && last.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}
