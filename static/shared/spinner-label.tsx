import Spinner from '@atlaskit/spinner';
import { Inline, Text } from '@atlaskit/primitives';

/** A spinner with words (the label is visible, not only announced). Not shared/loading: that one defaults to the whole message catalog. */
export function Loading({ label }: { label: string }) {
  return (
    <Inline space="space.100" alignBlock="center">
      <Spinner size="medium" label={label} />
      <Text>{label}</Text>
    </Inline>
  );
}
