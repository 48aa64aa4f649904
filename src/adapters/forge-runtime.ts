import { getAppContext } from '@forge/api';

/**
 * Milliseconds left before Forge stops this invocation (25 s for a resolver), or undefined when the
 * runtime cannot tell (older tunnels throw instead of answering).
 */
export function invocationRemainingMs(): number | undefined {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return undefined;
  }
}
