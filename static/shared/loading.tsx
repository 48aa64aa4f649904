import Spinner from '@atlaskit/spinner';
import { Inline, Text } from '@atlaskit/primitives';
import { product } from './messages/product';

/** A spinner with words: the label is visible, not only announced. */
export function Loading({ label = product.loading }: { label?: string }) {
  return (
    <Inline space="space.100" alignBlock="center">
      <Spinner size="medium" label={label} />
      <Text>{label}</Text>
    </Inline>
  );
}
