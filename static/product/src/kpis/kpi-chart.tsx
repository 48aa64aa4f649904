import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { KpiView } from '../../../../src/contract';
import type { Measurement } from '../../../../src/domain/strategy';
import { kpiChart } from '../../../shared/charts/kpi-chart';
import { formatCompact, formatDay, formatShortDay, formatValue, timeToDay } from '../../../shared/format';
import { messages } from '../../../shared/messages';

const box = { width: 640, height: 240, margin: { top: 24, right: 16, bottom: 28, left: 56 } };
const chartStyles = xcss({ width: '100%', maxWidth: '48rem' });
const swatch = (color: string, dashed = false) => (
  <svg width={18} height={8} aria-hidden="true">
    <line x1={1} x2={17} y1={4} y2={4} stroke={color} strokeWidth={2} strokeDasharray={dashed ? '4 3' : undefined} />
  </svg>
);

/**
 * A KPI's whole history: measurements as a line, the plan from baseline to target as a dashed
 * straight line, the target marked, dates and values on the axes. `role="img"` with a summary in
 * words; the measurements table next to it is the same data as text.
 */
export function KpiChart({ kpi, measurements, tableId }: { kpi: KpiView; measurements: readonly Measurement[]; tableId?: string }) {
  const summaryId = useId();
  const g = kpiChart({ measurements, baseline: kpi.baseline, target: kpi.target, box });
  const latest = measurements[measurements.length - 1];
  const summary = messages.kpis.chartSummary(
    kpi.name,
    measurements.length,
    latest ? `${formatValue(latest.value, kpi.unit)} (${formatDay(latest.date)})` : undefined,
    formatValue(kpi.baseline.value, kpi.unit),
    formatValue(kpi.target.value, kpi.unit),
    formatDay(kpi.target.date),
  );
  const text = token('color.text.subtle');
  const grid = token('color.border');
  const brand = token('color.chart.brand');
  const plan = token('color.chart.neutral');
  const targetColor = token('color.chart.success.bold');
  // The chart sits on the KPI detail's sunken panel (kpi-detail.tsx).
  const halo = token('elevation.surface.sunken');
  const years = new Set(g.xTicks.map((t) => timeToDay(t.time).slice(0, 4)));
  const dayLabel = (time: number) => (years.size > 1 ? formatDay(timeToDay(time)) : formatShortDay(timeToDay(time)));
  return (
    <Stack space="space.100">
      <Box xcss={chartStyles}>
        <svg viewBox={`0 0 ${box.width} ${box.height}`} width="100%" role="img" aria-labelledby={summaryId} aria-describedby={tableId} style={{ display: 'block' }}>
          {g.yTicks.map((tick) => (
            <g key={`y${tick.value}`}>
              <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} stroke={grid} strokeWidth={1} />
              <text x={g.plot.left - 8} y={tick.y} dy="0.32em" textAnchor="end" fontSize={11} fill={text}>
                {formatCompact(tick.value)}
              </text>
            </g>
          ))}
          {kpi.unit ? (
            <text x={g.plot.left - 8} y={g.plot.top - 10} textAnchor="end" fontSize={11} fill={text}>
              {kpi.unit}
            </text>
          ) : null}
          {g.xTicks.map((tick, i) => (
            <text
              key={`x${tick.time}`}
              x={tick.x}
              y={g.plot.bottom + 18}
              textAnchor={i === 0 ? 'start' : i === g.xTicks.length - 1 ? 'end' : 'middle'}
              fontSize={11}
              fill={text}
            >
              {dayLabel(tick.time)}
            </text>
          ))}
          <line x1={g.plan.from.x} y1={g.plan.from.y} x2={g.plan.to.x} y2={g.plan.to.y} stroke={plan} strokeWidth={1.5} strokeDasharray="6 4" />
          <circle cx={g.plan.from.x} cy={g.plan.from.y} r={3.5} fill={plan} />
          <g transform={`translate(${g.plan.to.x} ${g.plan.to.y})`}>
            <path d="M0,-6L6,0L0,6L-6,0Z" fill={targetColor} />
            {/* The plan line runs into this label; a halo in the panel's colour keeps it legible. */}
            <text x={-10} y={0} dy="0.32em" textAnchor="end" fontSize={11} fontWeight={600} fill={text} stroke={halo} strokeWidth={4} strokeLinejoin="round" paintOrder="stroke">
              {messages.kpis.chartLegendTarget} {formatValue(kpi.target.value, kpi.unit)}
            </text>
          </g>
          {g.points.length > 1 ? <path d={g.line} fill="none" stroke={brand} strokeWidth={2.25} strokeLinejoin="round" strokeLinecap="round" /> : null}
          {g.points.map((p) => (
            <circle key={`${p.date}-${p.x}-${p.value}`} cx={p.x} cy={p.y} r={3} fill={brand} />
          ))}
        </svg>
      </Box>
      <Inline space="space.200" shouldWrap alignBlock="center">
        <Inline space="space.075" alignBlock="center">
          {swatch(brand)}
          <Text size="small" color="color.text.subtle">{messages.kpis.chartLegendMeasured}</Text>
        </Inline>
        <Inline space="space.075" alignBlock="center">
          {swatch(plan, true)}
          <Text size="small" color="color.text.subtle">{messages.kpis.chartLegendPlan}</Text>
        </Inline>
      </Inline>
      <Text size="small" color="color.text.subtle" id={summaryId}>
        {summary}
      </Text>
    </Stack>
  );
}
