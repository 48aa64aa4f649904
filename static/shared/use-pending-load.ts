import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { Result } from '../../src/contract';
import { attempt } from './errors';
import type { LoadState } from './use-result';

/** How long to wait before asking again for epics a cold load had no time for. */
const pendingRetryMs = 300;
/** A server that never finishes must not be asked forever: the view works without the roll-ups. */
const maxPendingPolls = 60;

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
export function usePendingLoad<T extends { pending: readonly unknown[] }>(load: () => Promise<Result<T>>, options: { onData?: () => void } = {}): PendingLoad<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attemptNo, setAttemptNo] = useState(0);
  const mounted = useRef(true);
  // The latest `load` and `onData`, without making every render start a new load.
  const calls = useRef({ load, onData: options.onData });
  calls.current = { load, onData: options.onData };

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
  const polls = useRef(0);
  useEffect(() => {
    if (pending === 0) {
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
  }, [pending, state]);

  const reload = useCallback(() => setAttemptNo((n) => n + 1), []);
  const refresh = useCallback(async () => {
    const result = await attempt(() => calls.current.load());
    if (result.ok && mounted.current) setState({ status: 'ready', value: result.value });
    return result.ok;
  }, []);
  return { state, setState, reload, refresh };
}
