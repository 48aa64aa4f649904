/** Runs one function invocation: builds its runtime, binds it to the async context, enforces the deadline, meters it. */
import { performance } from 'node:perf_hooks';
import { withDeadline } from './deadline';
import { InvocationTimeoutError } from './errors';
import { defineGlobals, runInInvocation } from './globals';
import { newStats, type Invocation, type InvocationKind, type InvocationStats, type PlatformEndpoint, type UserContext } from './invocation';
import { buildRuntime, type EnvironmentType } from './runtime';

/** What stays the same for every invocation of one installed app. */
export interface Installation {
  endpoint: PlatformEndpoint;
  appId: string;
  environmentId: string;
  environmentType: EnvironmentType;
  installationId: string;
  cloudId: string;
  scopes: string[];
  /** The deployed function bundle's folder (function-bundle.ts). */
  appCodeDir?: string;
  onEnd(stats: InvocationStats): void;
}

export interface InvocationSpec {
  kind: InvocationKind;
  moduleKey: string;
  functionKey?: string;
  user: UserContext;
  timeoutMs: number;
  license?: Record<string, unknown>;
  installation?: unknown;
}

export async function invoke<T>(installation: Installation, spec: InvocationSpec, fn: () => T | Promise<T>): Promise<T> {
  defineGlobals();
  const accountId = spec.user.kind === 'user' ? spec.user.accountId : undefined;
  const runtime = buildRuntime({
    appId: installation.appId,
    environmentId: installation.environmentId,
    environmentType: installation.environmentType,
    installationId: installation.installationId,
    moduleKey: spec.moduleKey,
    cloudId: installation.cloudId,
    scopes: installation.scopes,
    deadline: Date.now() + spec.timeoutMs,
    ...(installation.appCodeDir ? { appCodeDir: installation.appCodeDir } : {}),
    ...(accountId ? { accountId } : {}),
    ...(spec.license ? { license: spec.license } : {}),
    ...(spec.installation === undefined ? {} : { installation: spec.installation }),
  });
  const invocation: Invocation = {
    id: runtime.appContext.invocationId,
    endpoint: installation.endpoint,
    user: spec.user,
    runtime,
    stats: newStats(spec.kind, spec.moduleKey, {
      ...(spec.functionKey ? { functionKey: spec.functionKey } : {}),
      ...(accountId ? { accountId } : {}),
    }),
    ended: false,
  };
  const started = performance.now();
  try {
    const result = await withDeadline(spec.timeoutMs, () => runInInvocation(invocation, async () => fn()));
    invocation.stats.outcome = 'ok';
    return result;
  } catch (error) {
    invocation.stats.outcome = error instanceof InvocationTimeoutError ? 'timeout' : 'error';
    throw error;
  } finally {
    invocation.ended = true;
    invocation.stats.serverMs = performance.now() - started;
    installation.onEnd(invocation.stats);
  }
}
