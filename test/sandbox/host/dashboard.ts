/**
 * The sandbox's Jira dashboard: one gadget of each `jira:dashboardGadget` module, and the
 * configuration each gadget's edit view saved with `view.submit`. Jira keeps that configuration
 * per gadget (a dashboard item property) and hands it back in the context of the gadget's frames
 * and resolver calls (`extension.gadgetConfiguration`). Kept in the host's memory, so it survives
 * page reloads until the host restarts or `POST /__sandbox/reset`.
 * @see https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget/
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActingUser } from './acting-user';
import { resolveActingUser, userParam } from './acting-user';
import type { FrameConfig, GadgetFrames } from './browser/host-config';
import type { AppIdentity, ColorMode, GadgetTarget } from './extension-context';
import { fullContext, viewTarget } from './extension-context';
import type { HostContext } from './host-context';
import { appIdentity } from './host-context';
import { HttpError, optionalString, readJsonObject, requiredString, sendJson } from './http-util';
import type { HostManifest } from './manifest';
import type { SimSite } from '../jira/model';

export const DASHBOARD_ID = '10000';

export interface SandboxGadget {
  id: string;
  moduleKey: string;
  configuration: Record<string, unknown>;
}

const dashboards = new WeakMap<object, SandboxGadget[]>();

/** The dashboard of this host: one gadget per gadget module, unconfigured until someone edits it. */
export function dashboardOf(context: Pick<HostContext, 'manifest'>): SandboxGadget[] {
  let gadgets = dashboards.get(context);
  if (!gadgets) {
    gadgets = context.manifest.modules
      .filter((module) => module.type === 'jira:dashboardGadget')
      .map((module, index) => ({ id: String(10100 + index), moduleKey: module.key, configuration: {} }));
    dashboards.set(context, gadgets);
  }
  return gadgets;
}

export function resetDashboard(context: Pick<HostContext, 'manifest'>): void {
  dashboards.delete(context);
}

export function gadgetTarget(context: Pick<HostContext, 'manifest'>, gadgetId: string | undefined, edit: boolean): GadgetTarget | undefined {
  const gadget = dashboardOf(context).find((candidate) => candidate.id === gadgetId);
  return gadget ? { dashboardId: DASHBOARD_ID, id: gadget.id, configuration: gadget.configuration, edit } : undefined;
}

/** Jira stores the configuration as a dashboard item property: a JSON object of at most 32,768 characters. */
const maxConfigurationLength = 32_768;

/**
 * What Jira accepts from `view.submit` in a gadget's edit view. Stricter where unsure: a JSON object
 * only, at most 32,768 characters (the dashboard item property limit, OpenAPI
 * `setDashboardItemProperty`), and `refresh`, when present, a positive whole number of minutes
 * ("the API accepts positive integers for this field", the gadget module's docs).
 */
export function checkConfiguration(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid-configuration', 'A gadget configuration is a JSON object');
  }
  if (JSON.stringify(value).length > maxConfigurationLength) {
    throw new HttpError(400, 'invalid-configuration', `A gadget configuration is at most ${maxConfigurationLength} characters of JSON`);
  }
  const refresh = (value as Record<string, unknown>)['refresh'];
  if (refresh !== undefined && !(typeof refresh === 'number' && Number.isInteger(refresh) && refresh > 0)) {
    throw new HttpError(400, 'invalid-configuration', '"refresh" must be a positive whole number of minutes');
  }
  return value as Record<string, unknown>;
}

/**
 * `POST /__sandbox/dashboard/gadget` `{gadgetId, configuration, user?, theme?}`: what the edit view's
 * `view.submit` saves. Answers the gadget and its frames with the new configuration in their context.
 */
export async function saveGadgetRoute(context: HostContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readJsonObject(request);
  const gadgetId = requiredString(body, 'gadgetId');
  const gadget = dashboardOf(context).find((candidate) => candidate.id === gadgetId);
  if (!gadget) throw new HttpError(404, 'unknown-gadget', `The sandbox dashboard has no gadget "${gadgetId}"`);
  const actor = resolveActingUser(context.world.jira.site, optionalString(body, 'user'));
  gadget.configuration = checkConfiguration(body['configuration']);
  const [frames] = gadgetFramesFor(context, actor, body['theme'] === 'dark' ? 'dark' : 'light', gadget.id);
  sendJson(response, 200, { gadget, frames });
}

/** `GET /__sandbox/dashboard`: the gadgets and their saved configuration. */
export async function dashboardRoute(context: HostContext, _request: IncomingMessage, response: ServerResponse): Promise<void> {
  sendJson(response, 200, { id: DASHBOARD_ID, gadgets: dashboardOf(context) });
}

/** The frames the host page shows for each gadget: its view and, when it has one, its edit view. */
export function gadgetFrames(options: {
  site: SimSite;
  manifest: HostManifest;
  identity: AppIdentity;
  gadgets: ReadonlyArray<SandboxGadget>;
  actor: ActingUser;
  colorMode: ColorMode;
  /** The host's language (absent: the user's profile locale). */
  locale?: string;
}): GadgetFrames[] {
  const { site, manifest, identity, actor, colorMode, locale } = options;
  return options.gadgets.flatMap((gadget) => {
    const module = manifest.modules.find((candidate) => candidate.key === gadget.moduleKey);
    if (!module) return [];
    const frame = (edit: boolean, resourceKey: string): FrameConfig => {
      const target = viewTarget(site, module, { gadget: { dashboardId: DASHBOARD_ID, id: gadget.id, configuration: gadget.configuration, edit } });
      return {
        resourceKey,
        moduleType: module.type,
        context: fullContext({ site, identity, target, actor, colorMode, ...(locale ? { locale } : {}) }),
        invoke: { user: userParam(actor), module: module.key, gadget: gadget.id, ...(locale ? { locale } : {}), ...(edit ? { edit: true as const } : {}) },
        autoHeight: true,
      };
    };
    const refresh = gadget.configuration['refresh'];
    return [
      {
        id: gadget.id,
        title: module.title,
        ...(typeof refresh === 'number' ? { refresh } : {}),
        view: frame(false, module.resourceKey),
        ...(module.editResourceKey ? { edit: frame(true, module.editResourceKey) } : {}),
      },
    ];
  });
}

export function gadgetFramesFor(context: HostContext, actor: ActingUser, colorMode: ColorMode, gadgetId?: string): GadgetFrames[] {
  const gadgets = dashboardOf(context).filter((gadget) => gadgetId === undefined || gadget.id === gadgetId);
  return gadgetFrames({ site: context.world.jira.site, manifest: context.manifest, identity: appIdentity(context), gadgets, actor, colorMode });
}
