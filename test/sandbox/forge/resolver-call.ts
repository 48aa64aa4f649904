/**
 * How Forge calls a resolver function for a Custom UI `invoke`. @forge/resolver 2.0.1
 * (out/index.js getDefinitions) reads `call.{functionKey, payload, jobId}` and `context` from the
 * first argument and `installContext`, `principal.accountId`, `license`, `installation` from the
 * second, then merges them into the `context` the resolver function sees.
 */

export type ResolverRequest = {
  call: { functionKey: string; payload?: unknown; jobId?: string };
  context: Record<string, unknown>;
};

/** The platform's second argument ("backend runtime payload"). */
export type BackendRuntimePayload = {
  principal?: { accountId: string };
  installContext: string;
  license?: Record<string, unknown>;
  installation?: unknown;
};

/** What `new Resolver().getDefinitions()` / `makeResolver()` return. */
export type ResolverHandler = (request: ResolverRequest, backend: BackendRuntimePayload) => unknown;

export type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

export interface ResolverCall {
  functionKey: string;
  /** What the browser passed to `invoke`; crosses as JSON. */
  payload?: unknown;
  /** The module's extension context, e.g. `{type: 'jira:projectPage', project: {id, key, type}, location}`. */
  extension: Record<string, unknown>;
  moduleKey: string;
  /** The viewing user; undefined for an anonymous viewer. */
  accountId?: string;
  accountType?: AccountType;
  locale?: string;
  timezone?: string;
  /** Present only for paid apps in production; undefined otherwise, as on Forge. */
  license?: Record<string, unknown>;
  localId?: string;
  installation?: unknown;
  /** Defaults to the platform's 25 s. */
  timeoutMs?: number;
}

export interface SiteIdentity {
  appId: string;
  environmentId: string;
  environmentType: string;
  cloudId: string;
  siteUrl: string;
}

/** The context Custom UI's invocation carries, as `view.getContext()` describes it (FullContext). */
export function resolverContext(call: ResolverCall, site: SiteIdentity): Record<string, unknown> {
  return {
    localId: call.localId ?? `ari:cloud:ecosystem::extension/${site.appId}/${site.environmentId}/static/${call.moduleKey}`,
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    environmentId: site.environmentId,
    environmentType: site.environmentType,
    moduleKey: call.moduleKey,
    extension: call.extension,
    accountId: call.accountId,
    accountType: call.accountType ?? (call.accountId ? 'licensed' : 'anonymous'),
    locale: call.locale ?? 'en-US',
    timezone: call.timezone ?? 'UTC',
    license: call.license,
  };
}

export function backendPayload(call: ResolverCall, installContext: string): BackendRuntimePayload {
  return {
    ...(call.accountId ? { principal: { accountId: call.accountId } } : {}),
    installContext,
    ...(call.license ? { license: call.license } : {}),
    ...(call.installation === undefined ? {} : { installation: call.installation }),
  };
}
