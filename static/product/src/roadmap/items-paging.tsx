import { useEffect, useRef } from 'react';
import { Inline, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { useAnnounce } from '../../../shared/announcer';
import { itemsPaging as m } from '../../../shared/messages/items-paging';

/**
 * "Loading items: 2,500 of 5,000" beside the layouts while a big board's further pages come in
 * (use-roadmap.ts), said once to screen readers as it starts and once when every item is in:
 * the announcer is polite, and a line per page would be noise.
 */
export function ItemsPaging({ loaded, total }: { loaded: number; total: number | undefined }) {
  const announce = useAnnounce();
  const announced = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (total !== undefined && announced.current === undefined) {
      announced.current = total;
      announce(m.loadingItems(loaded, total));
    } else if (total === undefined && announced.current !== undefined) {
      announce(m.allLoaded(announced.current));
      announced.current = undefined;
    }
  }, [announce, loaded, total]);
  if (total === undefined) return null;
  return (
    <Inline space="space.100" alignBlock="center" testId="roadmap-items-paging">
      <Spinner size="small" />
      <Text size="small" color="color.text.subtle">
        {m.loadingItems(loaded, total)}
      </Text>
    </Inline>
  );
}
