/**
 * A goal's or an item's check-in state as every surface shows it (goal card, roadmap card, epic
 * panel, portfolio, gadget): its latest check-in, whether an update is due in the viewer's
 * calendar, and where the status shown disagrees with the facts now. Storage is read once per
 * product (`loadCheckInState`: the heads query and the cadence record); the rest is pure.
 */
import type { CheckInSummary, StatusUpdateTarget } from '../../contract';
import type { KpiHealth, TimeFrame } from '../../domain/strategy';
import { asCheckInStatus, statusDisagreements, timeFrameEnd, updateDue } from '../../domain/status-updates';
import type { CheckInCadence } from '../../domain/status-updates';
import { dayIn } from '../../domain/calendar';
import { cadenceOf, headOf, headsOfProject } from '../../adapters/storage/status-update-store';
import type { CheckInHeadRecord } from '../../adapters/storage/status-update-store';
import { sayRef } from '../../i18n/server-texts';

export interface CheckInState {
  heads: ReadonlyMap<string, CheckInHeadRecord>;
  cadence: CheckInCadence;
  cadenceVersion: number;
}

export async function loadCheckInState(projectId: string): Promise<CheckInState> {
  const [heads, cadence] = await Promise.all([headsOfProject(projectId), cadenceOf(projectId)]);
  return { heads, cadence: cadence.cadence, cadenceVersion: cadence.version };
}

/**
 * The state one goal's summary needs, in two parallel reads (its head, the cadence) instead of the
 * product's heads query: a goal write answers with the same `checkIn` the Goals tab shows.
 * A goal not yet stored has no head (`goalId` undefined: the cadence alone).
 */
export async function loadGoalCheckInState(projectId: string, goalId: string | undefined): Promise<CheckInState> {
  const [head, cadence] = await Promise.all([goalId ? headOf(projectId, goalId) : undefined, cadenceOf(projectId)]);
  return { heads: new Map(head && goalId ? [[goalId, head]] : []), cadence: cadence.cadence, cadenceVersion: cadence.version };
}

export interface Judging {
  /** ISO instant (server clock). */
  now: string;
  timeZone: string | undefined;
}

function summary(
  state: CheckInState,
  target: StatusUpdateTarget,
  base: { createdAt: string; settledByField: boolean },
  judge: Judging,
  disagreementsFor: (status: ReturnType<typeof asCheckInStatus>) => string[],
): CheckInSummary {
  const head = state.heads.get(target.id);
  const latest = head && head.targetKind === target.kind ? head : undefined;
  const settled = latest ? latest.status === 'done' || latest.status === 'paused' : base.settledByField;
  const due = updateDue({
    ...(latest ? { lastCheckInAt: latest.latestAt } : {}),
    createdAt: base.createdAt,
    cadence: state.cadence,
    now: judge.now,
    ...(judge.timeZone ? { timeZone: judge.timeZone } : {}),
    settled,
  });
  return {
    target,
    ...(latest ? { latest: { id: latest.latestId, status: latest.status, at: latest.latestAt } } : {}),
    count: latest?.count ?? 0,
    updateDue: due.due,
    ...(due.dueOn ? { dueOn: due.dueOn } : {}),
    disagreements: disagreementsFor(latest?.status ?? 'open'),
  };
}

/** A goal: its KPIs' health and its time frame against the latest check-in (else its manual status). */
export function goalCheckIn(
  state: CheckInState,
  goal: { id: string; status: string; createdAt: string; timeFrame: TimeFrame },
  kpis: ReadonlyArray<{ name: string; health: KpiHealth }>,
  judge: Judging,
): CheckInSummary {
  const today = dayIn(Date.parse(judge.now), judge.timeZone);
  const end = timeFrameEnd(goal.timeFrame);
  return summary(
    state,
    { kind: 'goal', id: goal.id },
    { createdAt: goal.createdAt, settledByField: goal.status === 'done' || goal.status === 'archived' },
    judge,
    (latestStatus) => {
      const status = state.heads.get(goal.id)?.targetKind === 'goal' && latestStatus !== 'open' ? latestStatus : asCheckInStatus(goal.status);
      return statusDisagreements({ status, kpis, ...(end ? { timeFrameEnd: end } : {}), today }).map((found) => sayRef(found.sentence));
    },
  );
}

/** An item: its forecast and end date against the latest check-in (else its roadmap status). */
export function itemCheckIn(
  state: CheckInState,
  item: { id: string; status: string; createdAt: string; endDate?: string },
  /** The forecast finish (YYYY-MM-DD) when the roadmap has one; absent while unknown. */
  finish: string | undefined,
  judge: Judging,
): CheckInSummary {
  const today = dayIn(Date.parse(judge.now), judge.timeZone);
  return summary(
    state,
    { kind: 'item', id: item.id },
    { createdAt: item.createdAt, settledByField: item.status === 'done' || item.status === 'parked' },
    judge,
    (latestStatus) => {
      const status = state.heads.get(item.id)?.targetKind === 'item' && latestStatus !== 'open' ? latestStatus : asCheckInStatus(item.status);
      return statusDisagreements({
        status,
        ...(finish ? { forecastFinish: finish } : {}),
        ...(item.endDate ? { endDate: item.endDate, timeFrameEnd: item.endDate } : {}),
        today,
      }).map((found) => sayRef(found.sentence));
    },
  );
}

/** The roadmap's item views with their check-in state; the forecast each view carries is judged against the latest status. */
export function withCheckIns<V extends { id: string; status: string; endDate?: string; delivery?: { forecast: { kind: string; finishDate?: string } } }>(
  views: readonly V[],
  records: ReadonlyArray<{ id: string; createdAt: string }>,
  state: CheckInState,
  judge: Judging,
): Array<V & { checkIn: CheckInSummary }> {
  const createdAt = new Map(records.map((record) => [record.id, record.createdAt]));
  return views.map((item) => {
    const forecast = item.delivery?.forecast;
    const finish = forecast?.kind === 'forecast' ? forecast.finishDate : undefined;
    const checkIn = itemCheckIn(
      state,
      { id: item.id, status: item.status, createdAt: createdAt.get(item.id) ?? judge.now, ...(item.endDate ? { endDate: item.endDate } : {}) },
      finish,
      judge,
    );
    return { ...item, checkIn };
  });
}

/** How many open goals and items of a product have a check-in due (the portfolio's "3 updates due"). */
export function updatesDue(
  state: CheckInState,
  goals: ReadonlyArray<{ id: string; status: string; createdAt: string; timeFrame: TimeFrame }>,
  items: ReadonlyArray<{ id: string; status: string; createdAt: string; endDate?: string }>,
  judge: Judging,
): number {
  const due = [
    ...goals.map((goal) => goalCheckIn(state, goal, [], judge)),
    ...items.map((item) => itemCheckIn(state, { id: item.id, status: item.status, createdAt: item.createdAt, ...(item.endDate ? { endDate: item.endDate } : {}) }, undefined, judge)),
  ];
  return due.filter((summary) => summary.updateDue).length;
}
