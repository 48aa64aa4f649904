/**
 * The per-invocation `__forge_runtime__` object. Fields are the ones @forge/api 8.3 reads
 * (out/api/runtime.js getAppContext, fetch.js, permissions.js, authorization, i18n, webTrigger).
 */
import { randomUUID } from 'node:crypto';

export type EnvironmentType = 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';

interface Timer {
  stop(tags?: Record<string, string>): void;
}

export interface ForgeRuntime {
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: EnvironmentType;
    invocationId: string;
    installationId: string;
    moduleKey: string;
    license?: Record<string, unknown>;
    installation?: unknown;
    permissions: { scopes: string[]; external: Record<string, unknown> };
  };
  lambdaContext: { getRemainingTimeInMillis(): number };
  metrics: {
    counter(name: string, tags?: Record<string, string>): { incr(): void; decr(): void };
    timing(name: string, tags?: Record<string, string>): { measure(): Timer };
    gauge(name: string, tags?: Record<string, string>): { set(value: number): void };
  };
  tracing: { traceId: string; spanId: string };
  /** Only the direct KVS transport reads the token; kept for completeness. */
  proxy: { token: string; url: string };
  contextAri: string;
  /** The invoking user's account id (`authorize()` reads it). */
  aaid?: string;
  container: { appCodeDir?: string };
  externalAuth: unknown[];
}

export interface RuntimeParams {
  appId: string;
  environmentId: string;
  environmentType: EnvironmentType;
  installationId: string;
  moduleKey: string;
  cloudId: string;
  accountId?: string;
  license?: Record<string, unknown>;
  installation?: unknown;
  scopes: string[];
  /** Epoch ms at which Forge stops the function. */
  deadline: number;
  /** Where the function bundle is unpacked (its `__LOCALES__/` among it); the working folder when absent. */
  appCodeDir?: string;
}

// Metrics go to Atlassian's collector in production; locally they are dropped.
const noopMetrics: ForgeRuntime['metrics'] = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

const hex = (length: number): string => randomUUID().replace(/-/g, '').slice(0, length);

export function buildRuntime(params: RuntimeParams): ForgeRuntime {
  return {
    appContext: {
      appId: params.appId,
      appVersion: '1.0.0',
      environmentId: params.environmentId,
      environmentType: params.environmentType,
      invocationId: randomUUID(),
      installationId: params.installationId,
      moduleKey: params.moduleKey,
      ...(params.license ? { license: params.license } : {}),
      ...(params.installation === undefined ? {} : { installation: params.installation }),
      permissions: { scopes: [...params.scopes], external: {} },
    },
    lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, params.deadline - Date.now()) },
    metrics: noopMetrics,
    tracing: { traceId: hex(32), spanId: hex(16) },
    proxy: { token: 'forge-sandbox', url: 'http://forge-sandbox.invalid' },
    contextAri: `ari:cloud:jira::site/${params.cloudId}`,
    ...(params.accountId ? { aaid: params.accountId } : {}),
    container: { appCodeDir: params.appCodeDir ?? process.cwd() },
    externalAuth: [],
  };
}
