import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoadmapView } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { LoadState } from '../../../shared/use-result';
import { applyRoadmapChange } from './roadmap-state';
import type { RoadmapChange } from './roadmap-state';

export interface RoadmapStore {
  state: LoadState<RoadmapView>;
  change: (change: RoadmapChange) => void;
  /** Loads again showing the spinner (after a failure). */
  reload: () => void;
  /** Loads again behind the current board (after a conflict or a link); false when that failed. */
  refresh: () => Promise<boolean>;
}

export const renderMarks = { data: 'roadmap:data', committed: 'roadmap:committed' } as const;

/** A user-timing mark, where the page has them (jsdom's `performance` has none). */
export const markRender = (name: (typeof renderMarks)[keyof typeof renderMarks]): void => {
  if (typeof performance.mark === 'function') performance.mark(name);
};

/** How long to wait before asking again for epics a cold load had no time for. */
const pendingRetryMs = 300;
const maxPendingPolls = 60;

/**
 * The roadmap, loaded when the tab is first shown. While the server reports epics it had no time
 * to roll up (`pending`), it is asked again until none are left; the board shows meanwhile.
 */
export function useRoadmap(): RoadmapStore {
  const [state, setState] = useState<LoadState<RoadmapView>>({ status: 'loading' });
  const [attemptNo, setAttemptNo] = useState(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void attempt(() => invoke('getRoadmap', {})).then((result) => {
      if (!current) return;
      // User timing for the render benchmark (test/bench/roadmap-render.bench.ts): data in hand → board committed.
      markRender(renderMarks.data);
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [attemptNo]);

  const pending = state.status === 'ready' ? state.value.pending.length : 0;
  const polls = useRef(0);
  useEffect(() => {
    if (pending === 0) {
      polls.current = 0;
      return;
    }
    // A server that never finishes must not be asked forever: the board works without the roll-ups.
    if ((polls.current += 1) > maxPendingPolls) return;
    let current = true;
    const timer = setTimeout(() => {
      void attempt(() => invoke('getRoadmap', {})).then((result) => {
        if (current && result.ok) setState({ status: 'ready', value: result.value });
      });
    }, pendingRetryMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // A new answer (even with the same count) asks again: `state` identity is the trigger.
  }, [pending, state]);

  const change = useCallback((next: RoadmapChange) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', value: applyRoadmapChange(current.value, next) } : current));
  }, []);

  const refresh = useCallback(async () => {
    const result = await attempt(() => invoke('getRoadmap', {}));
    if (result.ok && mounted.current) change({ type: 'loaded', view: result.value });
    return result.ok;
  }, [change]);

  const reload = useCallback(() => setAttemptNo((n) => n + 1), []);
  return { state, change, reload, refresh };
}
