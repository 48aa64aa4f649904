import { linearScale, niceDomain } from './scale';

export interface InvestmentBarInput {
  sprintId: number;
  /** Values per slice, in slice order. */
  committed: ReadonlyArray<{ key: string; value: number }>;
  completed: ReadonlyArray<{ key: string; value: number }>;
}

export interface BarSegment {
  key: string;
  x: number;
  width: number;
  value: number;
}

export interface InvestmentBarGeometry {
  sprintId: number;
  /** Middle of the sprint's group, for its label. */
  labelY: number;
  committed: { y: number; total: number; segments: BarSegment[] };
  completed: { y: number; total: number; segments: BarSegment[] };
}

export interface InvestmentChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  barHeight: number;
  rows: InvestmentBarGeometry[];
  xTicks: Array<{ x: number; value: number }>;
}

const layout = { barHeight: 12, barGap: 3, groupGap: 16, top: 8, bottom: 26 };

/**
 * Horizontal stacked bars, two per sprint (committed above completed), slices side by side in
 * slice order, on one scale from 0 to a round number above the largest committed total. Sprints
 * read top to bottom in timeline order; the label column on the left is `labelWidth` wide.
 */
export function investmentChart(options: { bars: readonly InvestmentBarInput[]; width: number; labelWidth: number; rightPad?: number }): InvestmentChartGeometry {
  const { bars, width, labelWidth } = options;
  const sum = (values: ReadonlyArray<{ value: number }>) => values.reduce((total, v) => total + v.value, 0);
  const largest = Math.max(0, ...bars.map((bar) => Math.max(sum(bar.committed), sum(bar.completed))));
  const domain = niceDomain([0, largest > 0 ? largest : 1], 5);
  const plot = { left: labelWidth, right: width - (options.rightPad ?? 40), top: layout.top, bottom: 0 };
  const x = linearScale([0, domain.max], [plot.left, plot.right]);
  const groupHeight = layout.barHeight * 2 + layout.barGap;
  const stack = (values: ReadonlyArray<{ key: string; value: number }>): BarSegment[] => {
    let running = 0;
    return values
      .filter((v) => v.value > 0)
      .map((v) => {
        const segment = { key: v.key, x: x(running), width: Math.max(0, x(running + v.value) - x(running)), value: v.value };
        running += v.value;
        return segment;
      });
  };
  const rows = bars.map((bar, index): InvestmentBarGeometry => {
    const y = layout.top + index * (groupHeight + layout.groupGap);
    return {
      sprintId: bar.sprintId,
      labelY: y + groupHeight / 2,
      committed: { y, total: sum(bar.committed), segments: stack(bar.committed) },
      completed: { y: y + layout.barHeight + layout.barGap, total: sum(bar.completed), segments: stack(bar.completed) },
    };
  });
  plot.bottom = layout.top + bars.length * (groupHeight + layout.groupGap) - layout.groupGap + 6;
  return {
    width,
    height: plot.bottom + layout.bottom,
    plot,
    barHeight: layout.barHeight,
    rows,
    xTicks: domain.ticks.filter((value) => value >= 0).map((value) => ({ x: x(value), value })),
  };
}
