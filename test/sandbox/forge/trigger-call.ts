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
  /** Defaults to 900 s. */
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
