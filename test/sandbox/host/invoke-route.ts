/**
 * `POST /__sandbox/invoke`: a Custom UI `invoke(functionKey, payload)` from a module, as a user.
 * The host page's bridge uses it, and so can curl. The resolver's JSON result is the reply body
 * (204 when it returned nothing); platform refusals and resolver throws are JSON errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FORGE_SUPPORTED_LOCALE_CODES } from '@forge/i18n';
import { ForgeSandboxError } from '../forge/sandbox';
import type { ResolverHandler } from '../forge/sandbox';
import { resolveActingUser } from './acting-user';
import { extensionContext, localIdOf, localeOf, timezoneOf, viewTarget } from './extension-context';
import { gadgetTarget } from './dashboard';
import { appIdentity } from './host-context';
import type { HostContext } from './host-context';
import { HttpError, optionalString, readJsonObject, requiredString, sendJson } from './http-util';
import { moduleBySlugOrType } from './manifest';

export async function invokeRoute(context: HostContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readJsonObject(request);
  const { manifest, world } = context;
  const site = world.jira.site;
  const actor = resolveActingUser(site, optionalString(body, 'user'));
  const moduleName = optionalString(body, 'module') ?? manifest.modules[0]?.type ?? 'jira:projectPage';
  const module = moduleBySlugOrType(manifest, moduleName);
  if (!module) throw new HttpError(404, 'unknown-module', `manifest.yml declares no UI module "${moduleName}"`);
  if (!module.functionKey) throw new HttpError(400, 'no-resolver', `Module ${module.key} has no resolver function`);
  const handlerRef = manifest.functions[module.functionKey];
  if (!handlerRef) throw new HttpError(500, 'unknown-function', `manifest.yml has no function "${module.functionKey}"`);
  const target = viewTarget(site, module, {
    project: optionalString(body, 'project'),
    issue: optionalString(body, 'issue'),
    modal: body['modal'],
    // A gadget's calls carry what Jira saved for that gadget, never what the browser says it saved.
    ...(module.type === 'jira:dashboardGadget' ? gadgetOf(context, body) : {}),
  });
  const functionKey = requiredString(body, 'functionKey');
  // A sandbox knob (not a Forge one): tests shorten the 25 s limit to see a timeout quickly.
  const timeoutMs = typeof body['timeoutMs'] === 'number' ? body['timeoutMs'] : undefined;
  // Forge's `context.license` as a paid app in production gets it, e.g. `{"isActive": false}`; absent by default.
  const license = typeof body['license'] === 'object' && body['license'] !== null ? (body['license'] as Record<string, unknown>) : undefined;
  const handler = (await context.handler(handlerRef)) as ResolverHandler;
  const identity = appIdentity(context);

  // The host's language switcher stands in for the user's Jira language setting.
  const locale = localeParam(optionalString(body, 'locale')) ?? localeOf(actor);
  let result: unknown;
  try {
    result = await world.forge.callResolver(handler, {
      functionKey,
      payload: body['payload'],
      extension: extensionContext(site, identity, target),
      moduleKey: module.key,
      localId: localIdOf(identity, module),
      locale,
      timezone: timezoneOf(actor),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(license ? { license } : {}),
      ...(actor.kind === 'user' ? { accountId: actor.accountId } : { accountType: 'anonymous' as const }),
    });
  } catch (error) {
    if (error instanceof ForgeSandboxError) {
      throw new HttpError(error.httpStatus, error.code, error.message);
    }
    // The resolver threw: on Forge the browser's invoke rejects; show what threw, stack included.
    const failure = error instanceof Error ? error : new Error(String(error));
    sendJson(
      response,
      500,
      { error: { code: 'RESOLVER_ERROR', name: failure.name, message: failure.message, stack: failure.stack?.split('\n') } },
      { 'x-sandbox-error': 'RESOLVER_ERROR' },
    );
    return;
  }
  if (result === undefined) {
    response.writeHead(204, { 'cache-control': 'no-store' });
    response.end();
    return;
  }
  sendJson(response, 200, result);
}

function localeParam(locale: string | undefined): string | undefined {
  if (locale === undefined) return undefined;
  if (!(FORGE_SUPPORTED_LOCALE_CODES as readonly string[]).includes(locale)) throw new HttpError(400, 'unknown-locale', `No Jira language "${locale}"`);
  return locale;
}

function gadgetOf(context: HostContext, body: Record<string, unknown>) {
  const gadgetId = optionalString(body, 'gadget');
  const gadget = gadgetTarget(context, gadgetId, body['edit'] === true);
  if (!gadget) throw new HttpError(400, 'unknown-gadget', `The sandbox dashboard has no gadget ${JSON.stringify(gadgetId)}`);
  return { gadget };
}
