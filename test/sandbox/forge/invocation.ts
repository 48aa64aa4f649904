/** One function invocation: who runs it, its runtime object, its deadline and what it cost. */
import type { ForgeRuntime } from './runtime';

export type InvocationKind = 'resolver' | 'trigger' | 'scheduled-trigger' | 'consumer' | 'web-trigger' | 'script';

/**
 * Whose identity `asUser()` carries: a signed-in user, an anonymous viewer (Jira answers as
 * anonymous), or nobody at all (triggers and scripts: Forge has no user to act as).
 */
export type UserContext = { kind: 'user'; accountId: string } | { kind: 'anonymous' } | { kind: 'none' };

export interface JiraCall {
  method: string;
  path: string;
  status: number;
  as: 'user' | 'anonymous' | 'app';
}

export interface InvocationStats {
  kind: InvocationKind;
  moduleKey: string;
  functionKey?: string;
  accountId?: string;
  jiraRequests: number;
  jiraCalls: JiraCall[];
  /** Requests to the storage API (each get, set, query, batch or transaction is one). */
  storageOps: number;
  /** Wall-clock time the function ran. */
  serverMs: number;
  outcome: 'ok' | 'error' | 'timeout' | 'running';
}

/** The platform side that serves an invocation's `__forge_fetch__` calls. */
export interface PlatformEndpoint {
  forgeFetch(invocation: Invocation | undefined, meta: unknown, path: unknown, init: unknown): Promise<Response>;
}

export interface Invocation {
  readonly id: string;
  readonly endpoint: PlatformEndpoint;
  readonly user: UserContext;
  readonly runtime: ForgeRuntime;
  readonly stats: InvocationStats;
  /**
   * Set when the function finished or was stopped. Forge freezes or kills the function then, so
   * a platform call that still arrives (an un-awaited promise, work after a timeout) is refused.
   */
  ended: boolean;
}

export function newStats(kind: InvocationKind, moduleKey: string, extra: { functionKey?: string; accountId?: string } = {}): InvocationStats {
  return { kind, moduleKey, ...extra, jiraRequests: 0, jiraCalls: [], storageOps: 0, serverMs: 0, outcome: 'running' };
}
