/**
 * The context Jira gives a module: the `extension` object the resolver receives and the full
 * context `view.getContext()` returns in the iframe. Shapes as documented for each module type
 * (see shared/docs/platform.md); the URLs follow Jira Cloud's routes for Forge pages.
 */
import type { SimIssue, SimProject, SimSite } from '../jira/model';
import type { ActingUser } from './acting-user';
import { HttpError } from './http-util';
import type { UiModule } from './manifest';

/** Which app and environment the Forge runtime presents itself as (ForgeSandbox's own ids). */
export interface AppIdentity {
  appUuid: string;
  environmentId: string;
  environmentType: string;
}

export type ColorMode = 'light' | 'dark';

export interface ViewTarget {
  module: UiModule;
  project?: SimProject;
  issue?: SimIssue;
  /** What `Modal.open({context})` passed, for a modal's frame. */
  modal?: unknown;
  /** A dashboard gadget: which one, its saved configuration, and whether its edit view is shown. */
  gadget?: GadgetTarget;
}

export interface GadgetTarget {
  dashboardId: string;
  id: string;
  configuration: Record<string, unknown>;
  edit: boolean;
}

export function findProject(site: SimSite, keyOrId: string | undefined): SimProject | undefined {
  if (!keyOrId) return undefined;
  const wanted = keyOrId.toUpperCase();
  return site.projects.find((project) => project.key === wanted || project.id === keyOrId);
}

export function findIssue(site: SimSite, keyOrId: string | undefined): SimIssue | undefined {
  if (!keyOrId) return undefined;
  const wanted = keyOrId.toUpperCase();
  return site.issues.find((issue) => issue.key === wanted || issue.id === keyOrId);
}

/** Builds the target a module is shown on, refusing combinations Jira would never produce. */
export function viewTarget(
  site: SimSite,
  module: UiModule,
  names: { project?: string; issue?: string; modal?: unknown; gadget?: GadgetTarget },
): ViewTarget {
  const modal = names.modal === undefined ? {} : { modal: names.modal };
  if (module.type === 'jira:issuePanel') {
    const issue = findIssue(site, names.issue);
    if (!issue) throw new HttpError(400, 'unknown-issue', `jira:issuePanel needs an existing "issue" (got ${JSON.stringify(names.issue)})`);
    const project = site.projects.find((candidate) => candidate.id === issue.projectId);
    return { module, issue, ...(project ? { project } : {}), ...modal };
  }
  if (module.type === 'jira:projectPage') {
    const project = findProject(site, names.project);
    if (!project) throw new HttpError(400, 'unknown-project', `jira:projectPage needs an existing "project" (got ${JSON.stringify(names.project)})`);
    return { module, project, ...modal };
  }
  if (module.type === 'jira:dashboardGadget') {
    if (!names.gadget) throw new HttpError(400, 'unknown-gadget', 'jira:dashboardGadget needs a gadget of the sandbox dashboard ("gadget": its id)');
    return { module, gadget: names.gadget, ...modal };
  }
  return { module, ...modal };
}

function projectRef(project: SimProject): { id: string; key: string; type: string } {
  return { id: project.id, key: project.key, type: project.projectTypeKey };
}

/** The page URL Jira shows the module on: `extension.location`. */
export function jiraLocation(site: SimSite, identity: AppIdentity, target: ViewTarget): string {
  const app = `${identity.appUuid}/${identity.environmentId}`;
  switch (target.module.type) {
    case 'jira:projectPage': {
      const product = target.project?.projectTypeKey === 'business' ? 'core' : 'software';
      return `${site.baseUrl}/jira/${product}/projects/${target.project?.key ?? ''}/apps/${app}`;
    }
    case 'jira:issuePanel':
      return `${site.baseUrl}/browse/${target.issue?.key ?? ''}`;
    case 'jira:globalPage':
      return `${site.baseUrl}/jira/apps/${app}`;
    case 'jira:adminPage':
      return `${site.baseUrl}/jira/settings/apps/${app}`;
    case 'jira:dashboardGadget':
      return `${site.baseUrl}/jira/dashboards/${target.gadget?.dashboardId ?? ''}`;
  }
}

export function extensionContext(site: SimSite, identity: AppIdentity, target: ViewTarget): Record<string, unknown> {
  const location = jiraLocation(site, identity, target);
  const modal = target.modal === undefined ? {} : { modal: target.modal };
  const { module, project, issue } = target;
  if (module.type === 'jira:projectPage' && project) {
    return { type: module.type, project: projectRef(project), location, ...modal };
  }
  if (module.type === 'jira:issuePanel' && issue) {
    const issueType = site.issueTypes.find((type) => type.id === issue.issueTypeId);
    return {
      type: module.type,
      issue: { id: issue.id, key: issue.key, type: issueType?.name ?? 'Unknown', typeId: issue.issueTypeId },
      ...(project ? { project: projectRef(project) } : {}),
      isNewToIssue: false,
      location,
      ...modal,
    };
  }
  if (module.type === 'jira:dashboardGadget' && target.gadget) {
    // No project: a gadget's context names its dashboard and gadget, and carries what its edit view
    // saved (`gadgetConfiguration`); the edit view's frame also has `entryPoint: 'edit'`.
    const { gadget } = target;
    return {
      type: module.type,
      dashboard: { id: gadget.dashboardId },
      gadget: { id: gadget.id },
      gadgetConfiguration: gadget.configuration,
      ...(gadget.edit ? { entryPoint: 'edit' } : {}),
      location,
      ...modal,
    };
  }
  return { type: module.type, location, ...modal };
}

export function localIdOf(identity: AppIdentity, module: UiModule): string {
  return `ari:cloud:ecosystem::extension/${identity.appUuid}/${identity.environmentId}/static/${module.key}`;
}

/** Jira's profile locale is `en_US`; Forge contexts carry BCP 47 (`en-US`). */
export function localeOf(actor: ActingUser): string {
  return actor.kind === 'user' ? actor.user.locale.replace('_', '-') : 'en-US';
}

export function timezoneOf(actor: ActingUser): string {
  return actor.kind === 'user' ? actor.user.timeZone : 'UTC';
}

/** What `view.getContext()` resolves to in the iframe (FullContext of @forge/bridge). */
export function fullContext(options: {
  site: SimSite;
  identity: AppIdentity;
  target: ViewTarget;
  actor: ActingUser;
  colorMode: ColorMode;
  /** The language Jira shows (the host's switcher); the user's profile locale when absent. */
  locale?: string;
}): Record<string, unknown> {
  const { site, identity, target, actor, colorMode } = options;
  return {
    ...(actor.kind === 'user' ? { accountId: actor.accountId } : {}),
    cloudId: site.cloudId,
    siteUrl: site.baseUrl,
    extension: extensionContext(site, identity, target),
    environmentId: identity.environmentId,
    environmentType: identity.environmentType,
    localId: localIdOf(identity, target.module),
    locale: options.locale ?? localeOf(actor),
    moduleKey: target.module.key,
    timezone: timezoneOf(actor),
    theme: themeState(colorMode),
    surfaceColor: null,
  };
}

/** The ThemeState Jira reports; `data-theme` on <html> is built from the same pairs. */
export function themeState(colorMode: ColorMode): Record<string, string> {
  return { colorMode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' };
}
