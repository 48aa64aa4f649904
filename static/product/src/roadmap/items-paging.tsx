import { useEffect, useRef } from 'react';
import { Inline, Text } from '@atlaskit/primitives';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import type { Result, RoadmapItemsPage } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { useAnnounce } from '../../../shared/announcer';
import { itemsPaging as m } from '../../../shared/messages/items-paging';

/**
 * Forge storage allows each installation 4,000 read units of 10 KB a minute
 * (https://developer.atlassian.com/platform/forge/limits-kvs-ce/), over a sliding minute here: a
 * page refused for it (`storage-unavailable`) is asked again every 15 s for a minute and a half,
 * so the retries span a whole window. The cards already drawn stay meanwhile.
 */
export const pageRetry = { attempts: 6, waitMs: 15_000 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A further page of the roadmap (`getRoadmapItems`), asked again while storage refuses it for now.
 * `stillWanted` stops the retries once nobody waits for the page (the tab closed, a reload began).
 */
export async function fetchItemsPage(cursor: string, options: { stillWanted?: () => boolean; wait?: (ms: number) => Promise<void> } = {}): Promise<Result<RoadmapItemsPage>> {
  const stillWanted = options.stillWanted ?? (() => true);
  const wait = options.wait ?? sleep;
  let page: Result<RoadmapItemsPage> = await invoke('getRoadmapItems', { cursor });
  for (let retry = 0; retry < pageRetry.attempts && !page.ok && page.error.code === 'storage-unavailable' && stillWanted(); retry += 1) {
    await wait(pageRetry.waitMs);
    if (!stillWanted()) break;
    page = await invoke('getRoadmapItems', { cursor });
  }
  return page;
}

/** A further page that could not be had after its retries (not a changed board: that reloads by itself). */
export interface PagingFailure {
  message: string;
  retry: () => void;
}

/**
 * "Loading items: 2,500 of 5,000" beside the layouts while a big board's further pages come in
 * (use-roadmap.ts), said once to screen readers as it starts and once when every item is in:
 * the announcer is polite, and a line per page would be noise. When a page could not be had even
 * after waiting out storage's minute, the line says how many items are shown and why, and offers
 * to load the rest, so a partial board never passes for the whole.
 */
export function ItemsPaging({ loaded, total, failure }: { loaded: number; total: number | undefined; failure?: PagingFailure | undefined }) {
  const announce = useAnnounce();
  const announced = useRef<number | undefined>(undefined);
  const failed = failure?.message;
  useEffect(() => {
    if (total !== undefined && announced.current === undefined) {
      announced.current = total;
      announce(m.loadingItems(loaded, total));
    } else if (total === undefined && announced.current !== undefined) {
      announce(m.allLoaded(announced.current));
      announced.current = undefined;
    }
  }, [announce, loaded, total]);
  useEffect(() => {
    if (failed !== undefined && total !== undefined) announce(m.someNotLoaded(loaded, total, failed));
  }, [announce, failed, loaded, total]);
  if (total === undefined) return null;
  if (failure) {
    return (
      <Inline space="space.100" alignBlock="center" testId="roadmap-items-paging">
        <Text size="small" color="color.text.warning">
          {m.someNotLoaded(loaded, total, failure.message)}
        </Text>
        <Button spacing="compact" onClick={failure.retry}>
          {m.loadRest}
        </Button>
      </Inline>
    );
  }
  return (
    <Inline space="space.100" alignBlock="center" testId="roadmap-items-paging">
      <Spinner size="small" />
      <Text size="small" color="color.text.subtle">
        {m.loadingItems(loaded, total)}
      </Text>
    </Inline>
  );
}
