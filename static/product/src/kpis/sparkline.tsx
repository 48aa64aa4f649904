import { token } from '@atlaskit/tokens';
import type { KpiView } from '../../../../src/contract';
import { sparkline } from '../../../shared/charts/sparkline';
import { formatValue } from '../../../shared/format';
import { messages } from '../../../shared/messages';

const width = 112;
const height = 32;

/** The recent trend with the target as a dashed line: hand-rolled SVG, described in words. */
export function Sparkline({ kpi }: { kpi: KpiView }) {
  const geometry = sparkline({ recent: kpi.recent, target: kpi.target.value, width, height });
  const first = kpi.recent[0];
  const last = kpi.recent[kpi.recent.length - 1];
  const label = messages.kpis.sparklineLabel(
    kpi.recent.length,
    first ? formatValue(first.value, kpi.unit) : '',
    last ? formatValue(last.value, kpi.unit) : '',
    formatValue(kpi.target.value, kpi.unit),
  );
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} style={{ overflow: 'visible', flexShrink: 0 }}>
      <line x1={0} x2={width} y1={geometry.targetY} y2={geometry.targetY} stroke={token('color.chart.neutral')} strokeWidth={1} strokeDasharray="3 3" />
      {geometry.path ? <path d={geometry.path} fill="none" stroke={token('color.chart.brand')} strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" /> : null}
      {geometry.last ? <circle cx={geometry.last.x} cy={geometry.last.y} r={2.75} fill={token('color.chart.brand')} /> : null}
    </svg>
  );
}
