import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../src/contract';
import { thrownMessage } from './errors';

/** A call's state as the screen sees it: one of three, never three booleans. */
export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: AppError | { code: 'unexpected'; message: string } };

/** Runs `call` on mount (and on `reload`), turning `Result` and thrown errors into a `LoadState`. */
export function useResult<T>(call: () => Promise<Result<T>>): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    call().then(
      (result) => {
        if (!current) return;
        setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
      },
      (error: unknown) => {
        if (!current) return;
        setState({ status: 'failed', error: { code: 'unexpected', message: thrownMessage(error) } });
      },
    );
    return () => {
      current = false;
    };
    // `call` is a new function each render; `attempt` is what asks for a new load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
