import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoadmapView } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { usePendingLoad } from '../../../shared/use-pending-load';
import type { LoadState } from '../../../shared/use-result';
import type { Result, RoadmapItemsPage } from '../../../../src/contract';
import { applyRoadmapChange } from './roadmap-state';
import { fetchItemsPage } from './items-paging';
import type { PagingFailure } from './items-paging';
import type { RoadmapChange } from './roadmap-state';

export interface RoadmapStore {
  state: LoadState<RoadmapView>;
  change: (change: RoadmapChange) => void;
  /** Loads again showing the spinner (after a failure). */
  reload: () => void;
  /** Loads again behind the current board (after a conflict or a link); false when that failed. */
  refresh: () => Promise<boolean>;
  /** A further page that could not be had, even after waiting out storage's minute; absent otherwise. */
  pagingFailure?: PagingFailure | undefined;
}

export const renderMarks = { data: 'roadmap:data', committed: 'roadmap:committed' } as const;

/** A user-timing mark, where the page has them (jsdom's `performance` has none). */
export const markRender = (name: (typeof renderMarks)[keyof typeof renderMarks]): void => {
  if (typeof performance.mark === 'function') performance.mark(name);
};

/**
 * The roadmap, loaded when the tab is first shown. While the server reports epics it had no time
 * to roll up (`pending`), it is asked again until none are left; the board shows meanwhile.
 */
export function useRoadmap(): RoadmapStore {
  // User timing for the render benchmark (test/bench/roadmap-render.bench.ts): data in hand → board committed.
  // The first load paints the first page at once, the rest follows below; later loads (pending
  // roll-ups, a refresh behind the board) bring the whole board, so what is shown never shrinks.
  const painted = useRef(false);
  const load = useCallback(() => (painted.current ? loadWholeRoadmap() : invoke('getRoadmap', {})), []);
  const { state, setState, reload, refresh } = usePendingLoad(load, {
    onData: () => markRender(renderMarks.data),
    // A big project counted in the background: ask how far it got, load again when epics are done.
    pollCrawl: () => invoke('getRoadmapCrawl', {}),
  });
  const change = useCallback(
    (next: RoadmapChange) => setState((current) => (current.status === 'ready' ? { status: 'ready', value: applyRoadmapChange(current.value, next) } : current)),
    [setState],
  );
  if (state.status === 'ready') painted.current = true;

  // The further pages of a big board, one after another, each appended to what is shown (in rank
  // order, so every card lands after those already drawn). A page of a board that changed meanwhile
  // is refused: the whole board is loaded again behind the one shown.
  const cursor = state.status === 'ready' ? state.value.itemsPage?.cursor : undefined;
  const [pagingFailure, setPagingFailure] = useState<PagingFailure | undefined>(undefined);
  // Bumped by "Load the rest": the same page is asked for again.
  const [pagingAttempt, setPagingAttempt] = useState(0);
  useEffect(() => {
    if (cursor === undefined) return;
    let current = true;
    setPagingFailure(undefined);
    // Storage refused for now (Forge's per-minute read quota of the installation): asked again, the cards already drawn stay.
    void fetchItemsPage(cursor, { stillWanted: () => current }).then((page) => {
      if (!current) return;
      if (!page.ok) {
        if (page.error.code === 'conflict') void refresh();
        else setPagingFailure({ message: page.error.message, retry: () => setPagingAttempt((attempt) => attempt + 1) });
        return;
      }
      setState((shown) => {
        if (shown.status !== 'ready' || shown.value.itemsPage?.cursor !== cursor) return shown;
        const { itemsPage: _done, ...view } = shown.value;
        const items = [...shown.value.items, ...page.value.items];
        return { status: 'ready', value: page.value.cursor ? { ...view, items, itemsPage: { total: page.value.total, cursor: page.value.cursor } } : { ...view, items } };
      });
    });
    return () => {
      current = false;
    };
  }, [cursor, refresh, setState, pagingAttempt]);
  return { state, change, reload, refresh, pagingFailure };
}

/** Starts over this often when the board keeps changing while its pages load, then says so. */
const pagingAttempts = 3;

/**
 * The roadmap with every item: a big board comes in pages (Forge returns at most 5 MB per call,
 * src/resolvers/roadmap/roadmap-pages.ts). A page of a board that changed meanwhile is refused
 * (`conflict`): the load starts over rather than show a board made of two versions.
 */
export async function loadWholeRoadmap(): Promise<Result<RoadmapView>> {
  let result: Result<RoadmapView> = await invoke('getRoadmap', {});
  for (let attempt = 1; attempt <= pagingAttempts; attempt += 1) {
    if (!result.ok || !result.value.itemsPage) return result;
    const items = [...result.value.items];
    let cursor: string | undefined = result.value.itemsPage.cursor;
    let refused: Result<RoadmapView> | undefined;
    while (cursor !== undefined) {
      const page: Result<RoadmapItemsPage> = await fetchItemsPage(cursor);
      if (!page.ok) {
        const { current: _page, ...error } = page.error;
        refused = { ok: false, error };
        break;
      }
      items.push(...page.value.items);
      cursor = page.value.cursor;
    }
    if (!refused) {
      const { itemsPage: _whole, ...view } = result.value;
      return { ok: true, value: { ...view, items } };
    }
    if (refused.ok || refused.error.code !== 'conflict' || attempt === pagingAttempts) return refused;
    result = await invoke('getRoadmap', {});
  }
  return result;
}
