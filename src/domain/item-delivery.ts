/**
 * Everything the roadmap shows of one item's delivery, from its epics' facts: the roll-up, the
 * sprints that carry the work and the forecast. Velocity is the project's, computed once per load
 * with `velocityOf` over all of the project's epics' children and passed to every item.
 */
import type { TimelineSprint } from './delivery';
import { forecastOf } from './forecast';
import type { Forecast, VelocityBasis } from './forecast';
import { distinctChildren, rollupOfEpics } from './rollup-merge';
import type { EpicChildren, ItemRollup } from './rollup-merge';
import type { Velocity } from './velocity';
import { workBySprint } from './work-sprints';
import type { WorkBySprint } from './work-sprints';
import { itemReleases, releaseRisks } from './releases';
import type { ItemRelease, Release, ReleaseRisk } from './releases';

export interface ItemDelivery {
  rollup: ItemRollup;
  sprints: WorkBySprint;
  forecast: Forecast;
  /** The releases its epics' issues are in (their fix versions); absent when the project's releases are unknown. */
  releases?: ItemRelease[];
  /** Releases its forecast passes: the item is at risk of missing them. Absent when none. */
  releaseRisks?: ReleaseRisk[];
}

export function itemDelivery(args: {
  epics: readonly EpicChildren[];
  velocity: Velocity;
  sprints: readonly TimelineSprint[];
  today: string;
  /** The item's end date, YYYY-MM-DD: the forecast passing it flags the item at risk. */
  endDate?: string;
  hasEstimateField: boolean;
  basis?: VelocityBasis;
  /**
   * The product manager marked the item done or parked: its end date is no longer a promise, so a
   * forecast past it is not a risk (the forecast itself still says when the remaining work ends).
   */
  settled?: boolean;
  /** The viewer's time zone: the forecast's days are theirs. */
  timeZone?: string;
  /** The project's releases (Jira versions), when known: the item's are found among them. */
  releases?: readonly Release[];
}): ItemDelivery {
  const rollup = rollupOfEpics(args.epics);
  const forecast = forecastOf({
      rollup,
      velocity: args.velocity,
      sprints: args.sprints,
      today: args.today,
      hasEstimateField: args.hasEstimateField,
      ...(args.endDate ? { endDate: args.endDate } : {}),
      ...(args.basis ? { basis: args.basis } : {}),
      ...(args.timeZone ? { timeZone: args.timeZone } : {}),
    });
  const children = distinctChildren(args.epics);
  const releases = args.releases ? itemReleases(children, args.releases, args.today) : undefined;
  const risks = releases ? releaseRisks(forecast, releases, args.settled) : [];
  return {
    rollup,
    sprints: workBySprint(children, args.sprints),
    forecast: args.settled && forecast.kind === 'forecast' ? settledForecast(forecast) : forecast,
    ...(releases ? { releases } : {}),
    ...(risks.length > 0 ? { releaseRisks: risks } : {}),
  };
}

function settledForecast(forecast: Extract<Forecast, { kind: 'forecast' }>): Forecast {
  const { daysLate: _late, ...rest } = forecast;
  return { ...rest, atRisk: false };
}
