import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { KpiHealth } from '../../../../src/domain/strategy';
import { messages } from '../../../shared/messages';
import { kpiProgressText } from '../../../shared/kpi-progress-text';

const trackStyles = xcss({
  width: '100%',
  minWidth: '6rem',
  height: '8px',
  borderRadius: 'radius.full',
  overflow: 'hidden',
  backgroundColor: 'color.background.neutral',
});
const fillStyles = {
  'on-track': xcss({ height: '100%', backgroundColor: 'color.background.success.bold' }),
  'at-risk': xcss({ height: '100%', backgroundColor: 'color.background.warning.bold' }),
  'off-track': xcss({ height: '100%', backgroundColor: 'color.background.danger.bold' }),
  'no-data': xcss({ height: '100%', backgroundColor: 'color.background.neutral.bold' }),
};

/** How far from baseline to target, as a bar and a percentage (a progressbar for screen readers). */
export function KpiProgress({ progress, health, name }: { progress?: number; health: KpiHealth; name: string }) {
  if (progress === undefined) {
    return (
      <Text size="small" color="color.text.subtlest">
        {messages.kpis.progressNone}
      </Text>
    );
  }
  const percent = Math.round(progress * 100);
  const width = `${Math.max(0, Math.min(100, percent))}%`;
  return (
    <Stack space="space.050">
      <Box
        xcss={trackStyles}
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.max(0, Math.min(100, percent))}
        aria-valuetext={kpiProgressText(progress)}
      >
        <Box xcss={fillStyles[health]} style={{ width }} />
      </Box>
      <Inline>
        <Text size="small" color="color.text.subtle">
          {kpiProgressText(progress)}
        </Text>
      </Inline>
    </Stack>
  );
}
