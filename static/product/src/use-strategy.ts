import { useCallback, useEffect, useRef, useState } from 'react';
import type { StrategyView } from '../../../src/contract';
import { invoke } from '../../shared/bridge';
import { attempt } from '../../shared/errors';
import type { LoadState } from '../../shared/use-result';
import { applyChange } from './strategy-state';
import type { StrategyChange } from './strategy-state';

export interface StrategyStore {
  state: LoadState<StrategyView>;
  change: (change: StrategyChange) => void;
  /** Loads again showing the spinner (after a failure). */
  reload: () => void;
  /** Loads again behind the current screen (after a conflict); false when that failed too. */
  refresh: () => Promise<boolean>;
}

export function useStrategy(): StrategyStore {
  const [state, setState] = useState<LoadState<StrategyView>>({ status: 'loading' });
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
    void attempt(() => invoke('getStrategy')).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [attemptNo]);

  const change = useCallback((next: StrategyChange) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', value: applyChange(current.value, next) } : current));
  }, []);

  const refresh = useCallback(async () => {
    const result = await attempt(() => invoke('getStrategy'));
    if (result.ok && mounted.current) change({ type: 'loaded', view: result.value });
    return result.ok;
  }, [change]);

  const reload = useCallback(() => setAttemptNo((n) => n + 1), []);
  return { state, change, reload, refresh };
}
