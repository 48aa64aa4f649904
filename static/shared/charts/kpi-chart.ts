import type { DatedValue } from '../../../src/domain/strategy';
import { dayToTime } from '../format';
import { linePath } from './path';
import type { Point } from './path';
import { dayTicks, linearScale, niceDomain } from './scale';

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface KpiChartGeometry {
  plot: { left: number; top: number; right: number; bottom: number };
  /** The measurements, oldest first. */
  points: Array<Point & { date: string; value: number }>;
  line: string;
  /** The planned path: a straight line from baseline to target. */
  plan: { from: Point; to: Point };
  xTicks: Array<{ x: number; time: number }>;
  yTicks: Array<{ y: number; value: number }>;
}

/**
 * A KPI's full chart: time on x from the earliest of baseline and measurements to the latest of
 * target and measurements; values on y over round numbers covering baseline, target and every value.
 */
export function kpiChart(options: {
  measurements: ReadonlyArray<{ date: string; value: number }>;
  baseline: DatedValue;
  target: DatedValue;
  box: ChartBox;
}): KpiChartGeometry {
  const { measurements, baseline, target, box } = options;
  const plot = {
    left: box.margin.left,
    top: box.margin.top,
    right: box.width - box.margin.right,
    bottom: box.height - box.margin.bottom,
  };
  const times = [baseline.date, target.date, ...measurements.map((m) => m.date)].map(dayToTime);
  const start = Math.min(...times);
  const end = Math.max(...times);
  const x = linearScale([start, end], [plot.left, plot.right]);
  const domain = niceDomain([baseline.value, target.value, ...measurements.map((m) => m.value)], 4);
  const y = linearScale([domain.min, domain.max], [plot.bottom, plot.top]);
  const at = (d: { date: string; value: number }) => ({ x: x(dayToTime(d.date)), y: y(d.value) });
  const points = measurements.map((m) => ({ ...at(m), date: m.date, value: m.value }));
  return {
    plot,
    points,
    line: linePath(points),
    plan: { from: at(baseline), to: at(target) },
    xTicks: dayTicks(start, end, 5).map((time) => ({ x: x(time), time })),
    yTicks: domain.ticks.map((value) => ({ y: y(value), value })),
  };
}
