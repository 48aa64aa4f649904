/**
 * When to try a Jira request again, and after how long. Pure: the clock and the randomness are
 * parameters, so every branch is table-tested.
 *
 * Jira Cloud answers 429 when a rate limit is hit, sometimes with `Retry-After` (seconds), sometimes
 * with only `X-RateLimit-Reset` (an ISO 8601 instant), and sometimes with neither; 503 can carry
 * `Retry-After` too. Atlassian asks apps to honour those headers first and otherwise back off
 * exponentially with jitter, and no SDK here retries on its own.
 */

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  /** First backoff step when Jira gives no hint. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** Time a request needs after its wait; a retry that cannot finish in time is not started. */
  requestAllowanceMs: number;
  /**
   * A hinted wait longer than this is not waited out here (an hourly quota's reset): the caller
   * gets the error with Jira's wait and decides (a background job pauses). Unset: capped at `maxDelayMs`.
   */
  giveUpBeyondMs?: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  requestAllowanceMs: 1_500,
};

export interface RetryInput {
  status: number;
  retryAfter: string | null;
  rateLimitReset: string | null;
  /** Retries already made for this request (0 after the first failure). */
  retriesSoFar: number;
  nowMs: number;
  /** Time left in the invocation, or undefined when the runtime cannot tell. */
  remainingMs: number | undefined;
  random: () => number;
  policy?: RetryPolicy;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-retryable' | 'retries-exhausted' | 'out-of-time' | 'wait-too-long' };

export const isRetryableStatus = (status: number): boolean => status === 429 || status === 503;

export function decideRetry(input: RetryInput): RetryDecision {
  const policy = input.policy ?? defaultRetryPolicy;
  if (!isRetryableStatus(input.status)) return { retry: false, reason: 'not-retryable' };
  if (input.retriesSoFar >= policy.maxRetries) return { retry: false, reason: 'retries-exhausted' };

  const hinted = hintedDelayMs(input);
  if (hinted !== undefined && policy.giveUpBeyondMs !== undefined && hinted > policy.giveUpBeyondMs) return { retry: false, reason: 'wait-too-long' };
  const delayMs = Math.min(policy.maxDelayMs, hinted ?? backoffDelayMs(input, policy));
  if (input.remainingMs !== undefined && delayMs + policy.requestAllowanceMs > input.remainingMs) {
    return { retry: false, reason: 'out-of-time' };
  }
  return { retry: true, delayMs };
}

/**
 * The server's own hint: `Retry-After` (delta seconds or an HTTP date), then `X-RateLimit-Reset`.
 * An instant that is already past says only that our clock and Jira's disagree; it is no hint, and
 * retrying at once would meet the same limit, so the caller backs off instead.
 */
export function hintedDelayMs({ retryAfter, rateLimitReset, nowMs }: Pick<RetryInput, 'retryAfter' | 'rateLimitReset' | 'nowMs'>): number | undefined {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at) && at > nowMs) return at - nowMs;
  }
  if (rateLimitReset !== null && rateLimitReset.trim() !== '') {
    const at = Date.parse(rateLimitReset);
    if (!Number.isNaN(at) && at > nowMs) return at - nowMs;
  }
  return undefined;
}

/** "Equal jitter": half the exponential step for sure, the other half at random, so clients spread. */
function backoffDelayMs({ retriesSoFar, random }: RetryInput, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesSoFar);
  return Math.round(step / 2 + (step / 2) * random());
}
