import { decideRetry, defaultRetryPolicy } from '../../../src/adapters/jira/retry-policy';
import type { RetryInput } from '../../../src/adapters/jira/retry-policy';

const now = Date.parse('2026-11-20T09:00:00Z');

function input(overrides: Partial<RetryInput> = {}): RetryInput {
  return {
    status: 429,
    retryAfter: null,
    rateLimitReset: null,
    retriesSoFar: 0,
    nowMs: now,
    remainingMs: 25_000,
    random: () => 0.5,
    ...overrides,
  };
}

describe('decideRetry', () => {
  test.each([
    ['honours Retry-After in seconds', input({ retryAfter: '3' }), { retry: true, delayMs: 3000 }],
    ['honours fractional Retry-After', input({ retryAfter: '0.25' }), { retry: true, delayMs: 250 }],
    ['honours Retry-After as an HTTP date', input({ retryAfter: new Date(now + 4000).toUTCString() }), { retry: true, delayMs: 4000 }],
    ['falls back to X-RateLimit-Reset', input({ rateLimitReset: new Date(now + 2500).toISOString() }), { retry: true, delayMs: 2500 }],
    ['prefers Retry-After over X-RateLimit-Reset', input({ retryAfter: '1', rateLimitReset: new Date(now + 9000).toISOString() }), { retry: true, delayMs: 1000 }],
    ['backs off when the reset instant is already past (clocks disagree)', input({ rateLimitReset: new Date(now - 5000).toISOString(), random: () => 1 }), { retry: true, delayMs: 500 }],
    ['backs off when a Retry-After date is already past', input({ retryAfter: new Date(now - 5000).toUTCString(), random: () => 0 }), { retry: true, delayMs: 250 }],
    ['waits for a reset instant 2 s ahead', input({ rateLimitReset: new Date(now + 2000).toISOString() }), { retry: true, delayMs: 2000 }],
    ['backs off exponentially with jitter when Jira gives no hint', input({ retriesSoFar: 2, random: () => 0.5 }), { retry: true, delayMs: 1500 }],
    ['jitter spans half to the whole step (low end)', input({ retriesSoFar: 1, random: () => 0 }), { retry: true, delayMs: 500 }],
    ['jitter spans half to the whole step (high end)', input({ retriesSoFar: 1, random: () => 1 }), { retry: true, delayMs: 1000 }],
    ['ignores a Retry-After it cannot read and backs off instead', input({ retryAfter: 'soon', random: () => 1 }), { retry: true, delayMs: 500 }],
    ['retries a 503 with Retry-After', input({ status: 503, retryAfter: '2' }), { retry: true, delayMs: 2000 }],
    ['caps a long wait at the maximum delay', input({ retryAfter: '3600', remainingMs: undefined }), { retry: true, delayMs: defaultRetryPolicy.maxDelayMs }],
    ['retries when the runtime cannot tell the time left', input({ remainingMs: undefined, retryAfter: '5' }), { retry: true, delayMs: 5000 }],
  ])('%s', (_name, given, expected) => {
    expect(decideRetry(given)).toEqual(expected);
  });

  test.each([
    ['does not retry a 500', input({ status: 500 }), 'not-retryable'],
    ['does not retry a 400', input({ status: 400 }), 'not-retryable'],
    ['does not retry a 404', input({ status: 404 }), 'not-retryable'],
    ['stops after the last allowed retry', input({ retriesSoFar: defaultRetryPolicy.maxRetries }), 'retries-exhausted'],
    ['never waits past the time left in the invocation', input({ retryAfter: '20', remainingMs: 15_000 }), 'out-of-time'],
    ['keeps room for the request after the wait', input({ retryAfter: '2', remainingMs: 3_000 }), 'out-of-time'],
    ['never waits for a reset instant past the time left', input({ rateLimitReset: new Date(now + 20_000).toISOString(), remainingMs: 15_000 }), 'out-of-time'],
  ])('%s', (_name, given, reason) => {
    expect(decideRetry(given)).toEqual({ retry: false, reason });
  });
});
