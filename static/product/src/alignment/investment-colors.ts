import { token } from '@atlaskit/tokens';

const categorical = [
  token('color.chart.categorical.1'),
  token('color.chart.categorical.2'),
  token('color.chart.categorical.3'),
  token('color.chart.categorical.4'),
  token('color.chart.categorical.5'),
  token('color.chart.categorical.6'),
  token('color.chart.categorical.7'),
  token('color.chart.categorical.8'),
];

/** A slice's colour: goals in rank order take the chart palette in turn; work serving no goal is neutral. */
export const sliceColor = (goalIndex: number | undefined): string =>
  goalIndex === undefined ? token('color.chart.neutral') : (categorical[goalIndex % categorical.length] as string);
