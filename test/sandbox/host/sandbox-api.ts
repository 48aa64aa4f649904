/**
 * The host's HTTP surface under `/__sandbox/` (see README.md): the same calls the host page's
 * bridge makes, open to curl and tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callerOf, resolveActingUser } from './acting-user';
import { dashboardRoute, gadgetTarget, resetDashboard, saveGadgetRoute } from './dashboard';
import { armFaults, parseFaults } from './faults';
import { fullContext, viewTarget } from './extension-context';
import { appIdentity } from './host-context';
import type { HostContext } from './host-context';
import { HttpError, optionalString, readJsonObject, requiredString, sendJson } from './http-util';
import { invokeRoute } from './invoke-route';
import { moduleBySlugOrType } from './manifest';
import { stateSummary } from './state-summary';
import type { DataSet } from './world';

type Route = (context: HostContext, request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

async function jiraRoute(context: HostContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readJsonObject(request);
  const site = context.world.jira.site;
  const actor = resolveActingUser(site, optionalString(body, 'user'));
  const path = requiredString(body, 'path');
  if (!path.startsWith('/')) throw new HttpError(400, 'invalid-request', '"path" must start with / (e.g. /rest/api/3/myself)');
  const rawBody = body['body'];
  const headers = typeof body['headers'] === 'object' && body['headers'] !== null ? (body['headers'] as Record<string, string>) : {};
  // Through Forge's proxy, as the bridge's requestJira goes: the manifest's scopes are checked first.
  const reply = await context.world.forge.productRequest({
    method: optionalString(body, 'method') ?? 'GET',
    path,
    headers,
    // curl users may pass the JSON body as an object; the bridge passes the text it was given.
    ...(rawBody === undefined || rawBody === null ? {} : { body: typeof rawBody === 'string' ? rawBody : JSON.stringify(rawBody) }),
    caller: callerOf(actor),
  });
  // The Jira reply as is: status, headers, body. Sandbox failures carry x-sandbox-error instead.
  response.writeHead(reply.status, { ...reply.headers, 'cache-control': 'no-store' });
  response.end(reply.body);
}

async function faultsRoute(context: HostContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const faults = parseFaults(await readJsonObject(request));
  armFaults(context.world, faults);
  context.faults = faults;
  sendJson(response, 200, { faults });
}

async function resetRoute(context: HostContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readJsonObject(request);
  const data = optionalString(body, 'data') ?? context.world.data;
  if (data !== 'demo' && data !== 'large' && data !== 'huge') throw new HttpError(400, 'invalid-request', '"data" must be demo, large or huge');
  context.world.reset(data as DataSet);
  resetDashboard(context);
  context.faults = { jira: {}, kvs: {} };
  context.invocations.length = 0;
  sendJson(response, 200, stateSummary(context));
}

async function contextRoute(context: HostContext, _request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const query = url.searchParams;
  const site = context.world.jira.site;
  const moduleName = query.get('module') ?? context.manifest.modules[0]?.type ?? 'jira:projectPage';
  const module = moduleBySlugOrType(context.manifest, moduleName);
  if (!module) throw new HttpError(404, 'unknown-module', `manifest.yml declares no UI module "${moduleName}"`);
  const gadget = gadgetTarget(context, query.get('gadget') ?? undefined, query.get('edit') === 'true');
  const target = viewTarget(site, module, { project: query.get('project') ?? undefined, issue: query.get('issue') ?? undefined, ...(gadget ? { gadget } : {}) });
  const actor = resolveActingUser(site, query.get('user') ?? undefined);
  const colorMode = query.get('theme') === 'dark' ? 'dark' : 'light';
  sendJson(response, 200, fullContext({ site, identity: appIdentity(context), target, actor, colorMode }));
}

const ROUTES: Record<string, Route> = {
  'GET /__sandbox/state': async (context, _request, response) => sendJson(response, 200, stateSummary(context)),
  'GET /__sandbox/context': contextRoute,
  'POST /__sandbox/invoke': invokeRoute,
  'POST /__sandbox/jira': jiraRoute,
  'GET /__sandbox/faults': async (context, _request, response) => sendJson(response, 200, { faults: context.faults }),
  'POST /__sandbox/faults': faultsRoute,
  'POST /__sandbox/reset': resetRoute,
  'GET /__sandbox/storage': async (context, _request, response) => sendJson(response, 200, context.world.forge.kvs.snapshot()),
  'GET /__sandbox/invocations': async (context, _request, response) => sendJson(response, 200, { invocations: context.invocations }),
  'GET /__sandbox/dashboard': dashboardRoute,
  'POST /__sandbox/dashboard/gadget': saveGadgetRoute,
};

export function sandboxApiRoute(method: string, pathname: string): Route | undefined {
  return ROUTES[`${method} ${pathname}`];
}

export function sandboxApiPaths(): string[] {
  return Object.keys(ROUTES);
}
