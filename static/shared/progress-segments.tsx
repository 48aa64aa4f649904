import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ChildCounts } from '../../src/domain/model';
import { product } from './messages/product';

const trackStyles = xcss({
  display: 'flex',
  width: '100%',
  minWidth: '8rem',
  height: '8px',
  borderRadius: 'radius.small',
  overflow: 'hidden',
  backgroundColor: 'color.background.neutral',
});

const segmentStyles = {
  done: xcss({ backgroundColor: 'color.background.success.bold' }),
  inProgress: xcss({ backgroundColor: 'color.background.information.bold' }),
};

/** Done and in-progress shares of an epic's children, with the numbers spelled out for screen readers. */
export function ProgressSegments({ counts }: { counts: ChildCounts }) {
  const share = (n: number) => (counts.total === 0 ? '0%' : `${(100 * n) / counts.total}%`);
  return (
    <Stack space="space.050">
      <Box
        xcss={trackStyles}
        role="img"
        aria-label={product.childProgressLabel(counts.todo, counts.inProgress, counts.done)}
      >
        <Box xcss={segmentStyles.done} style={{ width: share(counts.done) }} />
        <Box xcss={segmentStyles.inProgress} style={{ width: share(counts.inProgress) }} />
      </Box>
      <Inline>
        <Text size="small" color="color.text.subtle">
          {product.childProgress(counts.done, counts.total)}
        </Text>
      </Inline>
    </Stack>
  );
}
