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

export interface ItemDelivery {
  rollup: ItemRollup;
  sprints: WorkBySprint;
  forecast: Forecast;
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
}): ItemDelivery {
  const rollup = rollupOfEpics(args.epics);
  return {
    rollup,
    sprints: workBySprint(distinctChildren(args.epics), args.sprints),
    forecast: forecastOf({
      rollup,
      velocity: args.velocity,
      sprints: args.sprints,
      today: args.today,
      hasEstimateField: args.hasEstimateField,
      ...(args.endDate ? { endDate: args.endDate } : {}),
      ...(args.basis ? { basis: args.basis } : {}),
    }),
  };
}
