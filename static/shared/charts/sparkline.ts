import { dayToTime } from '../format';
import { linePath } from './path';
import type { Point } from './path';
import { linearScale } from './scale';

export interface SparklineGeometry {
  /** The measurements' line; empty without measurements. */
  path: string;
  points: Point[];
  /** Where the target value sits, so the line can be read against it. */
  targetY: number;
  last?: Point;
}

/**
 * A small trend line: dates spread along x (by index when they are all the same day), values on y
 * with the target always in view.
 */
export function sparkline(options: {
  recent: ReadonlyArray<{ date: string; value: number }>;
  target: number;
  width: number;
  height: number;
  pad?: number;
}): SparklineGeometry {
  const { recent, target, width, height, pad = 3 } = options;
  const values = [...recent.map((m) => m.value), target];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const y = linearScale([lo, hi], [height - pad, pad]);
  const times = recent.map((m) => dayToTime(m.date));
  const first = times[0] ?? 0;
  const lastTime = times[times.length - 1] ?? 0;
  const byIndex = lastTime === first;
  const x = byIndex ? linearScale([0, Math.max(1, recent.length - 1)], [pad, width - pad]) : linearScale([first, lastTime], [pad, width - pad]);
  const points = recent.map((m, i) => ({ x: byIndex ? (recent.length === 1 ? width - pad : x(i)) : x(times[i]!), y: y(m.value) }));
  return { path: points.length > 1 ? linePath(points) : '', points, targetY: y(target), last: points[points.length - 1] };
}
