import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlignmentView } from '../../../../src/contract';
import { invoke } from '../../../shared/bridge';
import { attempt } from '../../../shared/errors';
import type { LoadState } from '../../../shared/use-result';

export interface AlignmentStore {
  state: LoadState<AlignmentView>;
  reload: () => void;
  /** Loads again behind what is shown (after a link); false when that failed. */
  refresh: () => Promise<boolean>;
}

const pendingRetryMs = 300;
const maxPendingPolls = 60;

/**
 * The Alignment view, loaded when its tab is first shown. While a cold load leaves epics pending,
 * it asks again (as the roadmap does) so sizes and sprint investment fill in.
 */
export function useAlignment(): AlignmentStore {
  const [state, setState] = useState<LoadState<AlignmentView>>({ status: 'loading' });
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
    void attempt(() => invoke('getAlignment')).then((result) => {
      if (current) setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
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
      void attempt(() => invoke('getAlignment')).then((result) => {
        if (current && result.ok) setState({ status: 'ready', value: result.value });
      });
    }, pendingRetryMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [pending, state]);

  const reload = useCallback(() => setAttemptNo((n) => n + 1), []);
  const refresh = useCallback(async () => {
    const result = await attempt(() => invoke('getAlignment'));
    if (result.ok && mounted.current) setState({ status: 'ready', value: result.value });
    return result.ok;
  }, []);
  return { state, reload, refresh };
}
