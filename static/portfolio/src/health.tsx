/** KPI health as a coloured dot beside its word and count: the colour helps, the words carry it. */
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import type { KpiHealth } from '../../../src/domain/strategy';
import { kpiHealths } from '../../../src/domain/portfolio';
import { portfolio as m } from '../../shared/messages/portfolio';

const dot = xcss({ display: 'inline-block', width: '8px', height: '8px', borderRadius: 'radius.full', flexShrink: '0' });

const dotColours: Record<KpiHealth, ReturnType<typeof xcss>> = {
  'on-track': xcss({ backgroundColor: 'color.background.success.bold' }),
  'at-risk': xcss({ backgroundColor: 'color.background.warning.bold' }),
  'off-track': xcss({ backgroundColor: 'color.background.danger.bold' }),
  'no-data': xcss({ backgroundColor: 'color.background.accent.gray.subtle' }),
};

export function HealthDot({ health }: { health: KpiHealth }) {
  return <Box as="span" xcss={[dot, dotColours[health]]} aria-hidden="true" />;
}

const list = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0', display: 'flex', flexWrap: 'wrap', columnGap: 'space.200', rowGap: 'space.050' });

/** The four healths with their counts; zeros stay, so products compare at a glance. */
// css-reset spaces `li + li` from the top, which would lift the first item out of line.
const item = xcss({ marginBlockStart: 'space.0' });

export function HealthCounts({ counts, labelledBy }: { counts: Record<KpiHealth, number>; labelledBy: string }) {
  return (
    <Box as="ul" xcss={list} aria-labelledby={labelledBy} testId="kpi-health">
      {kpiHealths.map((health) => (
        <Box as="li" key={health} xcss={item}>
          <Inline space="space.075" alignBlock="center">
            <HealthDot health={health} />
            <Text size="small">{m.healthCount(counts[health], health)}</Text>
          </Inline>
        </Box>
      ))}
    </Box>
  );
}
