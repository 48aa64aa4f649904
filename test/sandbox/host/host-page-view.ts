/** The host page's view as URL values, and links to other views that keep user and theme. */
import type { ActingUser } from './acting-user';
import { userParam } from './acting-user';
import { hostUrl } from './browser/navigation';
import type { HostView } from './browser/navigation';
import type { AppIdentity } from './extension-context';
import type { SimSite } from '../jira/model';
import { MODULE_SLUGS } from './manifest';
import type { HostManifest, UiModuleType } from './manifest';
import type { HostViewState } from './view-state';

export const MODULE_LABELS: Record<UiModuleType, string> = {
  'jira:projectPage': 'Project page',
  'jira:issuePanel': 'Epic panel',
  'jira:globalPage': 'Global page',
  'jira:adminPage': 'Admin page',
  'jira:dashboardGadget': 'Dashboard',
};

export interface PageInput {
  site: SimSite;
  manifest: HostManifest;
  identity: AppIdentity;
  state: HostViewState;
  dataSet: string;
  /** The sandbox dashboard's gadgets with their saved configuration (the Dashboard view). */
  dashboard?: ReadonlyArray<{ id: string; moduleKey: string; configuration: Record<string, unknown> }>;
}

export function viewOf(state: HostViewState): HostView & { module: string; user: string; theme: 'light' | 'dark' } {
  return {
    module: MODULE_SLUGS[state.moduleType],
    user: userParam(state.actor),
    theme: state.colorMode,
    ...(state.lang ? { lang: state.lang } : {}),
    ...(state.project ? { project: state.project.key } : {}),
    ...(state.issue ? { issue: state.issue.key } : {}),
    ...(state.path ? { path: state.path } : {}),
  };
}

/** A relative link to another view that keeps the user and theme. */

/** A relative link to another view that keeps the user and theme. */
export function link(state: HostViewState, change: HostView): string {
  const { user, theme, lang } = viewOf(state);
  return hostUrl({ hostOrigin: '' }, { user, theme, ...(lang ? { lang } : {}), ...change });
}

export function actorName(actor: ActingUser): string {
  return actor.kind === 'user' ? actor.user.displayName : 'Anonymous';
}
