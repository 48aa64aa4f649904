/**
 * Check-ins on goals and roadmap items: the owner's status and words, when the next one is due,
 * and where the status disagrees with the facts beside it. Pure: "now" and the viewer's time zone
 * always arrive as arguments.
 *
 * Honest status, decided here once: a goal's or an item's status is its latest check-in's status.
 * Before its first check-in the stored manual field stands (goals: on track / at risk / off track /
 * done; items: their roadmap status). The app never rewrites the owner's words or status: it only
 * flags a disagreement with the facts, in one sentence beside it.
 */
import { dayIn, dayNumber, isCalendarDate } from './calendar';
import type { KpiHealth, TimeFrame } from './strategy';
import type { TextRef } from './text-codes';

export const checkInStatuses = ['on-track', 'at-risk', 'off-track', 'done', 'paused'] as const;
export type CheckInStatus = (typeof checkInStatuses)[number];

/** How often a product expects a check-in on each open goal and item. */
export const checkInCadences = ['weekly', 'fortnightly', 'monthly'] as const;
export type CheckInCadence = (typeof checkInCadences)[number];
export const defaultCheckInCadence: CheckInCadence = 'weekly';

/** Check-in text: plain text (links are written out), at most this many characters. */
export const checkInTextLength = 2_000;
/** An author may correct their check-in for this long after posting it (server clock). */
export const checkInEditWindowMs = 24 * 60 * 60 * 1000;

/** Whether the author may still edit a check-in posted at `postedAt`, judged at `now` (ISO instants). */
export function isWithinEditWindow(postedAt: string, now: string): boolean {
  const posted = Date.parse(postedAt);
  const at = Date.parse(now);
  return Number.isFinite(posted) && Number.isFinite(at) && at - posted < checkInEditWindowMs && at >= posted - 60_000;
}

/** The day a cadence after `day` ends: 7 or 14 days on, or the same day of the next month (its last day if shorter). */
export function nextDueDay(day: string, cadence: CheckInCadence): string {
  if (cadence === 'weekly' || cadence === 'fortnightly') {
    const days = cadence === 'weekly' ? 7 : 14;
    return new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);
  }
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const nextMonth = month === 12 ? 1 : month + 1;
  const nextYear = month === 12 ? year + 1 : year;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  return `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(Math.min(date, lastDay)).padStart(2, '0')}`;
}

export interface UpdateDueInput {
  /** When the latest check-in was posted (ISO instant); absent before the first. */
  lastCheckInAt?: string;
  /** When the goal or item was created (ISO instant): the clock starts there before any check-in. */
  createdAt: string;
  cadence: CheckInCadence;
  /** ISO instant. */
  now: string;
  /** The viewer's time zone: a week ends on their calendar, not the server's. */
  timeZone?: string;
  /** Done, archived, parked or paused: nothing more to report, never due. */
  settled: boolean;
}

export interface UpdateDue {
  due: boolean;
  /** The viewer's day from which an update is due (absent when settled). */
  dueOn?: string;
}

/** "Update due": a cadence has passed, in the viewer's calendar, since the last check-in (or since creation). */
export function updateDue(input: UpdateDueInput): UpdateDue {
  if (input.settled) return { due: false };
  const since = Date.parse(input.lastCheckInAt ?? input.createdAt);
  const now = Date.parse(input.now);
  if (!Number.isFinite(since) || !Number.isFinite(now)) return { due: false };
  const dueOn = nextDueDay(dayIn(since, input.timeZone), input.cadence);
  return { due: dayIn(now, input.timeZone) >= dueOn, dueOn };
}

/** The status people see: the latest check-in's, else the stored manual status. */
export function effectiveStatus<S extends string>(manual: S, latest: { status: CheckInStatus } | undefined): S | CheckInStatus {
  return latest ? latest.status : manual;
}

export type DisagreementKind = 'kpi-off-track' | 'forecast-past-end' | 'time-frame-over';

export interface Disagreement {
  kind: DisagreementKind;
  /**
   * One sentence a reader understands without the screen around it: a text key
   * (`server.updates.*`) and its values; the resolver says it in the reader's language.
   */
  sentence: TextRef;
}

export interface StatusFacts {
  /**
   * The status as it stands (latest check-in, else the manual field) in check-in words; `open` for
   * an item's roadmap status before any check-in (idea, planned, in progress), which claims nothing.
   */
  status: CheckInStatus | 'open';
  kpis?: ReadonlyArray<{ name: string; health: KpiHealth }>;
  /** The item's forecast finish and its end date (YYYY-MM-DD), when both are known. */
  forecastFinish?: string;
  endDate?: string;
  /** The last day of the goal's time frame or of the item's dates (YYYY-MM-DD). */
  timeFrameEnd?: string;
  /** The viewer's day. */
  today: string;
}

/**
 * Where the status says one thing and the facts another, each in one sentence; empty when they
 * agree. Only claims the facts can contradict are flagged: "on track" beside an off-track KPI or a
 * forecast past the end date, and any open status once the time frame is over.
 */
export function statusDisagreements(facts: StatusFacts): Disagreement[] {
  const found: Disagreement[] = [];
  if (facts.status === 'on-track') {
    const offTrack = (facts.kpis ?? []).filter((kpi) => kpi.health === 'off-track');
    if (offTrack.length > 0) {
      found.push({ kind: 'kpi-off-track', sentence: { key: 'updates.kpisOffTrack', params: { count: offTrack.length, names: { names: offTrack.map((kpi) => kpi.name) } } } });
    }
    if (facts.forecastFinish && facts.endDate && isCalendarDate(facts.forecastFinish) && isCalendarDate(facts.endDate) && facts.forecastFinish > facts.endDate) {
      found.push({ kind: 'forecast-past-end', sentence: { key: 'updates.forecastPastEnd', params: { forecast: { day: facts.forecastFinish }, end: { day: facts.endDate } } } });
    }
  }
  const open = facts.status !== 'done' && facts.status !== 'paused';
  if (open && facts.timeFrameEnd && isCalendarDate(facts.timeFrameEnd) && facts.today > facts.timeFrameEnd) {
    found.push({ kind: 'time-frame-over', sentence: { key: 'updates.timeFrameOver', params: { end: { day: facts.timeFrameEnd }, status: facts.status } } });
  }
  return found;
}

/** The last day of a goal's time frame (YYYY-MM-DD), if it has one. */
export function timeFrameEnd(timeFrame: TimeFrame): string | undefined {
  if (timeFrame.kind === 'date') return timeFrame.date;
  if (timeFrame.kind === 'quarter') {
    const lastMonth = timeFrame.quarter * 3;
    const lastDay = new Date(Date.UTC(timeFrame.year, lastMonth, 0)).getUTCDate();
    return `${timeFrame.year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
  }
  return undefined;
}

/** A goal's or item's stored status in check-in words, for judging it before any check-in. */
export function asCheckInStatus(status: string): CheckInStatus | 'open' {
  switch (status) {
    case 'on-track':
    case 'at-risk':
    case 'off-track':
    case 'done':
    case 'paused':
      return status;
    case 'archived':
    case 'parked':
      return 'paused';
    default:
      return 'open';
  }
}

/** A text is plain: no control characters other than line breaks and tabs. */
export function isPlainText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
}
