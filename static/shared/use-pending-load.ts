import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { Result, RoadmapCrawl } from '../../src/contract';
import { attempt } from './errors';
import type { LoadState } from './use-result';

/** How long to wait before asking again for epics a cold load had no time for. */
const pendingRetryMs = 300;
/** A server that never finishes must not be asked forever: the view works without the roll-ups. */
const maxPendingPolls = 60;
/**
 * While a big project is counted in the background (`crawl`), the page asks only how far it got
 * (a storage read) this often, and loads the whole view again only when more epics are done.
 */
export const crawlPollMs = 1_500;
/** A count runs minutes at most (issue 13: 100,000 issues in under one); stop asking after half an hour. */
const maxCrawlPolls = 1_200;

export interface PendingLoad<T> {
  state: LoadState<T>;
  setState: Dispatch<SetStateAction<LoadState<T>>>;
  /** Loads again showing the spinner (after a failure). */
  reload: () => void;
  /** Loads again behind what is shown (after a conflict or a link); false when that failed. */
  refresh: () => Promise<boolean>;
}

/**
 * A view whose answer lists `pending` epics (a cold load's roll-ups it had no time for): loaded on
 * mount, then asked again behind what is shown until nothing is pending, so progress fills in.
 * `onData` runs when the first answer arrives, before it is shown.
 */
export function usePendingLoad<T extends { pending: readonly unknown[]; crawl?: RoadmapCrawl }>(
  load: () => Promise<Result<T>>,
  options: { onData?: () => void; pollCrawl?: () => Promise<Result<{ crawl?: RoadmapCrawl }>> } = {},
): PendingLoad<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attemptNo, setAttemptNo] = useState(0);
  const mounted = useRef(true);
  // The latest `load` and `onData`, without making every render start a new load.
  const calls = useRef({ load, onData: options.onData, pollCrawl: options.pollCrawl });
  calls.current = { load, onData: options.onData, pollCrawl: options.pollCrawl };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void attempt(() => calls.current.load()).then((result) => {
      if (!current) return;
      calls.current.onData?.();
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [attemptNo]);

  const pending = state.status === 'ready' ? state.value.pending.length : 0;
  const counting = state.status === 'ready' && state.value.crawl !== undefined && state.value.crawl.finished !== true && options.pollCrawl !== undefined;
  const crawlPolls = useRef(0);
  const [crawlTick, setCrawlTick] = useState(0);
  useEffect(() => {
    if (!counting || state.status !== 'ready') {
      crawlPolls.current = 0;
      return;
    }
    if ((crawlPolls.current += 1) > maxCrawlPolls) return;
    const shown = state.value.crawl!;
    let current = true;
    const timer = setTimeout(() => {
      void attempt(() => calls.current.pollCrawl!()).then(async (polled) => {
        if (!current) return;
        const now = polled.ok ? polled.value.crawl : undefined;
        const moreDone = !now || now.finished === true || (now.epicsDone ?? 0) > (shown.epicsDone ?? 0);
        if (polled.ok && moreDone) {
          // New roll-ups to show: the whole view again, swapped in behind what is shown.
          const result = await attempt(() => calls.current.load());
          if (current && result.ok) return setState({ status: 'ready', value: result.value });
        } else if (polled.ok && now && now.done !== shown.done) {
          return setState((previous) => (previous.status === 'ready' ? { status: 'ready', value: { ...previous.value, crawl: now } } : previous));
        }
        if (current) setCrawlTick((n) => n + 1);
      });
    }, crawlPollMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [counting, state, crawlTick]);

  const polls = useRef(0);
  useEffect(() => {
    if (pending === 0 || counting) {
      polls.current = 0;
      return;
    }
    if ((polls.current += 1) > maxPendingPolls) return;
    let current = true;
    const timer = setTimeout(() => {
      void attempt(() => calls.current.load()).then((result) => {
        if (current && result.ok) setState({ status: 'ready', value: result.value });
      });
    }, pendingRetryMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // A new answer (even with the same count) asks again: `state` identity is the trigger.
  }, [pending, counting, state]);

  const reload = useCallback(() => setAttemptNo((n) => n + 1), []);
  const refresh = useCallback(async () => {
    const result = await attempt(() => calls.current.load());
    if (result.ok && mounted.current) setState({ status: 'ready', value: result.value });
    return result.ok;
  }, []);
  return { state, setState, reload, refresh };
}
