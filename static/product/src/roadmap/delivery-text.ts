/**
 * An item's delivery in words: progress, forecast and sprints, short for the card and in full for
 * the details. Pure, so the card stays a light component and the words are tested on their own.
 */
import type { EpicRollup } from '../../../../src/domain/epic-rollup';
import type { Forecast } from '../../../../src/domain/forecast';
import type { WorkBySprint } from '../../../../src/domain/work-sprints';
import type { ItemDelivery } from '../../../../src/domain/item-delivery';
import { forecastGapSentence } from '../../../shared/messages/forecast-detail';
import { releases as r } from '../../../shared/messages/releases';
import { formatDay, formatNearDay, formatNearDays, shownPoints } from '../../../shared/format';
import { messages } from '../../../shared/messages';

const m = messages.roadmap;

export interface ProgressShares {
  unit: 'pts' | 'issues';
  done: number;
  inProgress: number;
  todo: number;
  total: number;
  /** Percentages for the bar. */
  doneShare: number;
  inProgressShare: number;
  /** "8 of 21 pts done", or the issue count when nothing is estimated. */
  text: string;
  /** "3 unestimated", when some issues have no story points. */
  unestimated?: string;
  label: string;
}

/** Story points when there are any, else issue counts; unestimated issues said as such. */
export function progressOf(rollup: EpicRollup): ProgressShares | undefined {
  if (rollup.counts.total === 0) return undefined;
  const byPoints = rollup.points.total > 0;
  const source = byPoints ? rollup.points : rollup.counts;
  const total = byPoints ? rollup.points.total : rollup.counts.total;
  const share = (n: number) => (total === 0 ? 0 : (100 * n) / total);
  const unit = byPoints ? 'pts' : 'issues';
  return {
    unit,
    done: source.done,
    inProgress: source.inProgress,
    todo: source.todo,
    total,
    doneShare: share(source.done),
    inProgressShare: share(source.inProgress),
    // Points are sums of estimates (halves, 0.375 from a split): said to one decimal, as formatPoints does.
    text: byPoints ? m.pointsDone(shownPoints(source.done), shownPoints(total)) : m.issuesDone(source.done, total),
    ...(byPoints && rollup.unestimated.total > 0 ? { unestimated: m.unestimated(rollup.unestimated.total) } : {}),
    label: byPoints ? m.progressLabel(unit, shownPoints(source.done), shownPoints(source.inProgress), shownPoints(source.todo)) : m.progressLabel(unit, source.done, source.inProgress, source.todo),
  };
}

/** "Forecast: Sprint 7 (ends 12 Jun)", "Delivered", or "No forecast: <why>". */
export function forecastLine(forecast: Forecast): string {
  switch (forecast.kind) {
    case 'done':
      return m.forecastDone;
    case 'none':
      return m.noForecast(m.forecastGap[forecast.reason]);
    case 'forecast': {
      const end = formatNearDay(forecast.finishDate);
      return m.forecastFinish(forecast.finish.name ? m.forecastSprint(forecast.finish.name, end) : m.forecastProjected(end));
    }
  }
}

/** The forecast's reasoning for the details panel. */
export function forecastDetail(forecast: Forecast): string[] {
  // A forecast from before `detail` existed (a cached roll-up) still has the server's sentence.
  if (forecast.kind === 'none') return [forecast.detail ? forecastGapSentence(forecast.detail) : forecast.message];
  if (forecast.kind === 'done') return [];
  const lines = [m.forecastBasis(shownPoints(forecast.velocity), forecast.sprintsOfWork)];
  if (forecast.assumedPoints > 0) lines.push(m.forecastAssumed(shownPoints(forecast.assumedPoints), forecast.unestimatedRemaining));
  if (forecast.atRisk) lines.push(m.atRiskDetail(forecast.daysLate));
  return lines;
}

/** At risk: the forecast passes the item's end date, or a release its open work is in. */
export function isAtRisk(delivery: ItemDelivery | undefined): boolean {
  return delivery !== undefined && (delivery.forecast.atRisk || (delivery.releaseRisks?.length ?? 0) > 0);
}

/** Why the item is at risk of missing its releases: "Forecast 12 Mar passes release 2.4 on 1 Mar." */
export function releaseRiskLines(delivery: ItemDelivery | undefined): string[] {
  return (delivery?.releaseRisks ?? []).map((risk) => r.releaseRisk(formatNearDay(risk.forecastDate), risk.releaseName, formatNearDay(risk.releaseDate)));
}

/** "In Sprint 5 · Planned: Sprint 6 +1 · 2 past sprints", short enough for a card. */
export function sprintsLine(sprints: WorkBySprint): string {
  const names = (list: readonly { name: string }[], max: number) =>
    list.length <= max ? list.map((s) => s.name).join(', ') : `${list.slice(0, max).map((s) => s.name).join(', ')} ${m.more(list.length - max)}`;
  const parts: string[] = [];
  if (sprints.active.length > 0) parts.push(m.sprintsActive(names(sprints.active, 1)));
  if (sprints.future.length > 0) parts.push(m.sprintsFuture(names(sprints.future, 1)));
  if (sprints.past.length > 0) parts.push(m.sprintsPast(sprints.past.length));
  return parts.length > 0 ? parts.join(' · ') : m.sprintsNone;
}

/** An item's dates, short ("3 Mar – 30 Jun", the year only where it is not this one) or long (with the year). */
export function datesText(item: { startDate?: string; endDate?: string }, long = false): string {
  if (long) return m.dates(item.startDate && formatDay(item.startDate), item.endDate && formatDay(item.endDate));
  const [start, end] = formatNearDays(item.startDate, item.endDate);
  return m.dates(start, end);
}
