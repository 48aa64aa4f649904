import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { EpicRollup } from '../../../src/domain/epic-rollup';
import { formatNumber } from '../../shared/format';
import { epicPanel as m } from '../../shared/messages/epic-panel';
import { PanelSection } from './section';

const trackStyles = xcss({
  display: 'flex',
  width: '100%',
  height: '8px',
  borderRadius: 'radius.small',
  overflow: 'hidden',
  backgroundColor: 'color.background.neutral',
});
const segmentStyles = {
  done: xcss({ backgroundColor: 'color.background.success.bold' }),
  inProgress: xcss({ backgroundColor: 'color.background.information.bold' }),
};

/**
 * The epic's children by status category, counted and in story points. Unestimated issues are
 * counted and said to be unestimated, never shown as 0 points.
 */
export function ProgressSection({ rollup }: { rollup: EpicRollup }) {
  const { counts, points, unestimated } = rollup;
  const share = (n: number) => (counts.total === 0 ? '0%' : `${(100 * n) / counts.total}%`);
  return (
    <PanelSection id="epic-progress-heading" title={m.progressHeading} testId="epic-progress">
      {counts.total === 0 ? (
        <Text as="p">{m.progressEmpty}</Text>
      ) : (
        <Stack space="space.075">
          <Box xcss={trackStyles} role="img" aria-label={m.issuesBreakdown(counts.todo, counts.inProgress, counts.done)}>
            <Box xcss={segmentStyles.done} style={{ width: share(counts.done) }} />
            <Box xcss={segmentStyles.inProgress} style={{ width: share(counts.inProgress) }} />
          </Box>
          <Text as="p">
            {m.issuesDone(counts.done, counts.total)}{' '}
            <Text color="color.text.subtle">({m.issuesBreakdown(counts.todo, counts.inProgress, counts.done)})</Text>
          </Text>
          <Text as="p">{points.total > 0 ? m.pointsDone(formatNumber(points.done), formatNumber(points.total)) : m.noPoints}</Text>
          {unestimated.total > 0 ? (
            <Text as="p" size="small" color="color.text.subtle">
              {m.unestimatedNote(unestimated.total)}
            </Text>
          ) : null}
        </Stack>
      )}
    </PanelSection>
  );
}
