/**
 * The product's activity log as data: what happened, to what, by whom. Each write that changes
 * something a stakeholder follows appends one entry in its own transaction (see
 * src/adapters/storage/activity-store.ts); the "What changed" feed reads them back. Pure: the
 * clock is always an argument.
 */
import type { GoalStatus, KpiHealth } from './strategy';
import type { Horizon } from './roadmap';

export const activityKinds = [
  'check-in',
  'vision-version',
  'goal-added',
  'goal-closed',
  'item-moved-horizon',
  'epic-linked',
  'epic-unlinked',
  'kpi-health-changed',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** A check-in's status as the check-in work defines it; kept open here so the feed shows any. */
export type CheckInStatus = 'on-track' | 'at-risk' | 'off-track' | 'done' | 'paused' | (string & {});

/**
 * What the feed says about one entry, by kind. Titles are copied at write time: the feed of a
 * deleted goal still reads, and a page costs no lookup per entry.
 */
export type ActivitySummary =
  | { kind: 'check-in'; targetKind: 'goal' | 'item'; title: string; status: CheckInStatus; text: string }
  | { kind: 'vision-version'; version: number; fields: string[]; restoredFrom?: number }
  | { kind: 'goal-added'; title: string; status: GoalStatus }
  | { kind: 'goal-closed'; title: string; how: 'done' | 'deleted' }
  | { kind: 'item-moved-horizon'; title: string; from: Horizon; to: Horizon }
  /** Epic keys are not kept: a reader who may not see an epic must not learn it exists. */
  | { kind: 'epic-linked' | 'epic-unlinked'; targetKind: 'goal' | 'item' | 'several'; title: string; epics: number }
  | { kind: 'kpi-health-changed'; title: string; from: KpiHealth; to: KpiHealth };

/** How long the feed looks back. */
export const feedWindowDays = 30;
/** Entries per feed page. */
export const feedPageSize = 30;
/** Longest check-in excerpt an activity keeps (the check-in itself keeps the whole text). */
export const activityTextLength = 280;

/** The instant `days` days before `now` (ISO, UTC). */
export function daysBefore(now: string, days: number): string {
  return new Date(Date.parse(now) - days * 86_400_000).toISOString();
}

/**
 * The sort key an entry is stored and paged under: its instant, then its id, so entries of the
 * same millisecond still have one order and a cursor names exactly one place.
 */
export const activitySortKey = (at: string, id: string): string => `${at}#${id}`;

/** A feed cursor is the sort key of the last entry shown: an ISO instant, `#`, a record id. */
export const isActivityCursor = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z#[A-Za-z0-9._:-]{1,120}$/.test(value);

/** Shortens text to `max` characters at a word boundary where one is near, with an ellipsis. */
export function excerpt(text: string, max: number = activityTextLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
