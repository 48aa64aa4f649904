/**
 * How Forge calls trigger functions: `handler(event, context)`. Documented function context:
 * `{principal: {accountId} | undefined, installContext, workspaceId?, license?}`. Product events
 * and scheduled triggers also carry `context: {cloudId, moduleKey}` and an opaque `contextToken`
 * ("Scheduled trigger events" reference).
 */
import { randomUUID } from 'node:crypto';

export type FunctionContext = {
  principal: { accountId: string } | undefined;
  installContext: string;
  workspaceId?: string;
  license?: Record<string, unknown>;
};

export interface TriggerOptions {
  /** Key of the trigger module in the manifest. */
  moduleKey?: string;
  /**
   * The principal, when the platform runs the function for a user. Without it `asUser()` has no
   * one to act as and the proxy refuses (scheduled triggers "run without a user context").
   */
  accountId?: string;
  license?: Record<string, unknown>;
  /**
   * Shortens the platform's limit (a test sees a timeout quickly); it never lengthens it. The limit
   * is 25 s for product events; for scheduled triggers and consumers 55 s, or the function's
   * `timeoutSeconds` from the manifest.
   */
  timeoutMs?: number;
}

export function functionContext(options: TriggerOptions, installContext: string): FunctionContext {
  return {
    principal: options.accountId ? { accountId: options.accountId } : undefined,
    installContext,
    ...(options.license ? { license: options.license } : {}),
  };
}

/** What the platform adds to every trigger payload. */
export type TriggerEnvelope = { context: { cloudId: string; moduleKey: string }; contextToken: string };

export function invocationEnvelope(cloudId: string, moduleKey: string): TriggerEnvelope {
  // The token means nothing to apps ("This value has no meaning to an app").
  return { context: { cloudId, moduleKey }, contextToken: `sandbox.${randomUUID()}` };
}

/**
 * What a `consumer` function receives (@forge/events 3.x `AsyncEvent`, out/types.d.ts): the pushed
 * event's `body` (and `delayInSeconds` / `concurrency` if set) plus `queueName`, `jobId`, `eventId`
 * and, on a retry, `retryContext`.
 */
export interface AsyncEvent<B extends Record<string, unknown> = Record<string, unknown>> {
  body: B;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown; retentionWindow?: { startTime: string; remainingTimeMs: number } };
}

/** One pushed event as a consumer sees it; ids are fresh unless the test gives them. */
export function asyncEvent<B extends Record<string, unknown>>(
  queueName: string,
  pushed: { body: B; delayInSeconds?: number; concurrency?: { key: string; limit: number } },
  delivery: { jobId?: string; eventId?: string; retryContext?: AsyncEvent['retryContext'] } = {},
): AsyncEvent<B> {
  return {
    ...pushed,
    queueName,
    jobId: delivery.jobId ?? `sandbox-job-${randomUUID()}`,
    eventId: delivery.eventId ?? `sandbox-event-${randomUUID()}`,
    ...(delivery.retryContext ? { retryContext: delivery.retryContext } : {}),
  };
}
