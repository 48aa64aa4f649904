import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AlignmentView } from '../../../../src/contract';
import { investmentChart } from '../../../shared/charts/investment-chart';
import { formatCompact } from '../../../shared/format';
import { messages } from '../../../shared/messages';
import { sliceColor } from './investment-colors';

const m = messages.alignment;
const width = 720;
const labelWidth = 170;
const chartStyles = xcss({ width: '100%', maxWidth: '60rem' });
const noGoalKey = 'none';

export type Measure = 'points' | 'issues';

/**
 * Two stacked bars per sprint: committed (solid) above completed (lighter, outlined), slices by
 * goal in the same colours as the legend, which comes first so the colours are known before the bars. `role="img"` with a summary in words; the table that
 * follows (`tableId`) has every figure as text.
 */
export function InvestmentChart({ view, measure, tableId }: { view: AlignmentView; measure: Measure; tableId: string }) {
  const summaryId = useId();
  const goalIndex = new Map(view.goals.map((goal, index) => [goal.id, index]));
  const keyOf = (goalId: string | null) => goalId ?? noGoalKey;
  const colorOf = (key: string) => sliceColor(key === noGoalKey ? undefined : goalIndex.get(key));
  const g = investmentChart({
    width,
    labelWidth,
    bars: view.investment.map((sprint) => ({
      sprintId: sprint.sprintId,
      committed: sprint.slices.map((slice) => ({ key: keyOf(slice.goalId), value: slice.committed[measure] })),
      completed: sprint.slices.map((slice) => ({ key: keyOf(slice.goalId), value: slice.completed[measure] })),
    })),
  });
  const text = token('color.text.subtle');
  const grid = token('color.border');
  const surface = token('elevation.surface');
  const sliceKeys = new Set(view.investment.flatMap((sprint) => sprint.slices.map((slice) => keyOf(slice.goalId))));
  const legend = [...view.goals.filter((goal) => sliceKeys.has(goal.id)).map((goal) => ({ key: goal.id, label: goal.title })), ...(sliceKeys.has(noGoalKey) ? [{ key: noGoalKey, label: m.noGoalSlice }] : [])];
  const sprintById = new Map(view.investment.map((sprint) => [sprint.sprintId, sprint]));
  return (
    <Stack space="space.100">
      <Inline space="space.200" shouldWrap alignBlock="center">
        <Inline space="space.075" alignBlock="center">
          <svg width={28} height={12} aria-hidden="true">
            <rect x={0} y={0} width={12} height={12} fill={token('color.chart.neutral')} />
            <rect x={15.5} y={0.5} width={11} height={11} fill={token('color.chart.neutral')} fillOpacity={0.45} stroke={token('color.chart.neutral')} />
          </svg>
          <Text size="small" color="color.text.subtle">
            {m.committedAndCompleted}
          </Text>
        </Inline>
        {legend.map((entry) => (
          <Inline key={entry.key} space="space.075" alignBlock="center">
            <svg width={12} height={12} aria-hidden="true">
              <rect x={0} y={0} width={12} height={12} fill={colorOf(entry.key)} />
            </svg>
            <Text size="small" color="color.text.subtle">
              {entry.label}
            </Text>
          </Inline>
        ))}
      </Inline>
      <Box xcss={chartStyles}>
        <svg viewBox={`0 0 ${g.width} ${g.height}`} width="100%" role="img" aria-labelledby={summaryId} aria-describedby={tableId} style={{ display: 'block' }} data-testid="investment-chart">
          {g.xTicks.map((tick) => (
            <g key={`x${tick.value}`}>
              <line x1={tick.x} x2={tick.x} y1={g.plot.top - 4} y2={g.plot.bottom} stroke={grid} strokeWidth={1} />
              <text x={tick.x} y={g.plot.bottom + 16} textAnchor="middle" fontSize={11} fill={text}>
                {formatCompact(tick.value)}
              </text>
            </g>
          ))}
          {g.rows.map((row) => {
            const sprint = sprintById.get(row.sprintId)!;
            return (
              <g key={row.sprintId}>
                <text x={labelWidth - 10} y={row.labelY} dy="-0.2em" textAnchor="end" fontSize={12} fill={token('color.text')}>
                  {truncate(sprint.name, 24)}
                </text>
                <text x={labelWidth - 10} y={row.labelY} dy="1.05em" textAnchor="end" fontSize={10} fill={text}>
                  {m.sprintState[sprint.state]}
                </text>
                {row.committed.segments.map((segment) => (
                  <rect key={`c${segment.key}`} x={segment.x} y={row.committed.y} width={segment.width} height={g.barHeight} fill={colorOf(segment.key)} stroke={surface} strokeWidth={1}>
                    <title>{m.barLabel(sprint.name, 'committed', labelOf(segment.key), m.value(segment.value), measure)}</title>
                  </rect>
                ))}
                {row.completed.segments.map((segment) => (
                  <rect
                    key={`d${segment.key}`}
                    x={segment.x + 0.5}
                    y={row.completed.y + 0.5}
                    width={Math.max(0, segment.width - 1)}
                    height={g.barHeight - 1}
                    fill={colorOf(segment.key)}
                    fillOpacity={0.45}
                    stroke={colorOf(segment.key)}
                    strokeWidth={1}
                  >
                    <title>{m.barLabel(sprint.name, 'completed', labelOf(segment.key), m.value(segment.value), measure)}</title>
                  </rect>
                ))}
                <text x={(row.committed.segments.at(-1)?.x ?? labelWidth) + (row.committed.segments.at(-1)?.width ?? 0) + 4} y={row.committed.y + g.barHeight / 2} dy="0.35em" fontSize={10} fill={text}>
                  {m.value(row.committed.total)}
                </text>
                <text x={(row.completed.segments.at(-1)?.x ?? labelWidth) + (row.completed.segments.at(-1)?.width ?? 0) + 4} y={row.completed.y + g.barHeight / 2} dy="0.35em" fontSize={10} fill={text}>
                  {m.value(row.completed.total)}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
      <Text size="small" color="color.text.subtle" id={summaryId}>
        {m.chartSummary(measure, view.investment.length, legend.length)}
      </Text>
    </Stack>
  );

  function labelOf(key: string): string {
    return key === noGoalKey ? m.noGoalSlice : view.goals.find((goal) => goal.id === key)?.title ?? key;
  }
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
