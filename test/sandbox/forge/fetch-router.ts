/**
 * The platform end of `__forge_fetch__`: product requests (`{type:'fpp', remote:'jira'}`) pass
 * Forge's scope check (scope-check.ts) and go to the Jira simulator as the right caller, storage requests (`{remote:'kvs'}`) to the KVS,
 * async event pushes (`{remote:'stargate'}`, `/webhook/queue/…`) to the queue, and
 * anything else (Confluence, Bitbucket, GraphQL, egress) is refused the way the proxy
 * refuses: a Response with `forge-proxy-error`.
 */
import { parseInit, parseMeta, type FetchMeta } from './fetch-request';
import { proxyErrorResponse, toResponse } from './http-response';
import type { Invocation, PlatformEndpoint } from './invocation';
import type { Caller, JiraBackend } from './jira-boundary';
import type { SandboxKvs } from './kvs/sandbox-kvs';
import type { SandboxQueue } from './queue/async-queue';
import type { ProxyFaults } from './proxy-faults';
import { scopeRefusal } from './scope-check';

export interface RouterParts {
  jira: JiraBackend;
  kvs: SandboxKvs;
  faults: ProxyFaults;
  /** Async events (`@forge/events` pushes through the app's stargate remote); refused when absent. */
  queue?: SandboxQueue;
  /** The installation's granted scopes (manifest.yml); undefined = not checked (no manifest given). */
  scopes?: readonly string[];
}

export function createPlatformEndpoint(parts: RouterParts): PlatformEndpoint {
  return {
    async forgeFetch(invocation, rawMeta, rawPath, rawInit) {
      const meta = parseMeta(rawMeta);
      const path = typeof rawPath === 'string' ? rawPath : String(rawPath);
      const init = parseInit(rawInit);
      if (invocation?.ended) return proxyErrorResponse('INVOCATION_ENDED', 500);
      const remote = meta.remote ?? meta.type;
      const fault = parts.faults.take(remote);
      if (fault) return proxyErrorResponse(fault.error, fault.status);

      if (remote === 'kvs') {
        if (invocation) invocation.stats.storageOps += 1;
        const reply = await parts.kvs.handle(path, init.body);
        return toResponse(reply.status, reply.body, reply.body === undefined ? {} : { 'content-type': 'application/json' });
      }
      if (meta.type === 'fpp' && meta.remote === 'jira') {
        const caller = callerFor(meta, invocation);
        // Forge has no user to act as in a trigger or outside an invocation (code name ours).
        if (!caller) return proxyErrorResponse('NO_USER_CONTEXT', 401);
        // asUser and asApp alike: the scopes are the app's, whoever it acts as.
        const reply =
          scopeRefusal(parts.scopes, init.method, path) ??
          (await parts.jira.handle({ method: init.method, path, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }), caller }));
        if (invocation) {
          invocation.stats.jiraRequests += 1;
          invocation.stats.jiraCalls.push({ method: init.method, path, status: reply.status, as: caller.kind === 'user' ? 'user' : caller.kind });
        }
        return toResponse(reply.status, reply.body, reply.headers);
      }
      // @forge/events pushes as the app (`__requestAtlassianAsApp`); other stargate calls are GraphQL, not modelled.
      if (meta.type === 'fpp' && meta.remote === 'stargate' && meta.provider === 'app' && parts.queue && path.startsWith('/webhook/queue/')) {
        const reply = parts.queue.handle(path, init.body);
        return toResponse(reply.status, reply.body, { 'content-type': 'application/json' });
      }
      return proxyErrorResponse('UNSUPPORTED_REMOTE', 400);
    },
  };
}

/**
 * `asUser()` sends no account id: the proxy uses the invocation's user. `asApp()` (and the bare
 * `requestJira` of the default export, provider 'none') run as the app.
 */
function callerFor(meta: FetchMeta, invocation: Invocation | undefined): Caller | undefined {
  if (meta.provider !== 'user') return { kind: 'app' };
  if (meta.accountId) return { kind: 'user', accountId: meta.accountId };
  const user = invocation?.user;
  if (!user || user.kind === 'none') return undefined;
  return user;
}
