/**
 * `router.navigate` / `router.getUrl` in the sandbox: a NavigationLocation becomes the URL Jira
 * would use, and Jira URLs the host can show (an issue, one of the app's pages) become host
 * URLs. Pure, so the mapping is tested without a browser.
 */

export interface HostView {
  project?: string;
  module?: string;
  issue?: string;
  user?: string;
  theme?: string;
  /** The host's language switcher (a Forge locale code). */
  lang?: string;
  path?: string;
}

export interface NavigationSite {
  siteUrl: string;
  appUuid: string;
  environmentId: string;
  /** Host origin, e.g. http://127.0.0.1:4300 */
  hostOrigin: string;
  /** The manifest's UI modules: key → `{type, slug}`. */
  modules: Record<string, { type: string; slug: string }>;
  /** What every host link keeps: the acting user and the theme. */
  keep: Pick<HostView, 'user' | 'theme' | 'lang'>;
  /** The project being shown, for module targets that name none. */
  currentProject?: string;
}

const VIEW_PARAMS = ['project', 'module', 'issue', 'user', 'theme', 'lang', 'path'] as const;

export function hostUrl(site: Pick<NavigationSite, 'hostOrigin'>, view: HostView): string {
  const query = new URLSearchParams();
  for (const name of VIEW_PARAMS) {
    const value = view[name];
    if (value) query.set(name, value);
  }
  return `${site.hostOrigin}/?${query.toString()}`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** The Jira URL of a NavigationLocation; throws for targets a Jira site cannot show. */
export function jiraUrlOf(site: NavigationSite, location: unknown): string {
  const target = asRecord(location);
  const app = `${site.appUuid}/${site.environmentId}`;
  switch (target['target']) {
    case 'issue':
      return `${site.siteUrl}/browse/${encodeURIComponent(text(target['issueKey']))}`;
    case 'module': {
      const module = site.modules[text(target['moduleKey'])];
      if (!module) throw new Error(`No module "${text(target['moduleKey'])}" in the manifest`);
      const path = trimSlashes(text(target['path']));
      const suffix = path ? `/${path}` : '';
      if (module.type === 'jira:projectPage') {
        const project = text(target['projectKey']) || site.currentProject || '';
        return `${site.siteUrl}/jira/software/projects/${project}/apps/${app}${suffix}`;
      }
      if (module.type === 'jira:globalPage') return `${site.siteUrl}/jira/apps/${app}${suffix}`;
      if (module.type === 'jira:adminPage') return `${site.siteUrl}/jira/settings/apps/${app}${suffix}`;
      throw new Error(`Module "${text(target['moduleKey'])}" (${module.type}) is not a page one can navigate to`);
    }
    case 'projectSettingsDetails':
      return `${site.siteUrl}/jira/software/projects/${text(target['projectKey'])}/settings/details`;
    case 'userProfile':
      return `${site.siteUrl}/jira/people/${encodeURIComponent(text(target['accountId']))}`;
    case 'dashboard':
      return `${site.siteUrl}/jira/dashboards/${encodeURIComponent(text(target['dashboardId']))}`;
    default:
      throw new Error(`Navigation target "${String(target['target'])}" does not exist in Jira`);
  }
}

function moduleSlugOfType(site: NavigationSite, type: string): string | undefined {
  return Object.values(site.modules).find((module) => module.type === type)?.slug;
}

/** Host URL for a Jira URL the sandbox can show, or undefined (a Jira page it does not model). */
export function hostUrlOfJiraUrl(site: NavigationSite, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, site.siteUrl);
  } catch {
    return undefined;
  }
  if (parsed.origin === site.hostOrigin) return parsed.href;
  if (parsed.origin !== new URL(site.siteUrl).origin) return undefined;
  const app = `${site.appUuid}/${site.environmentId}`;
  const path = parsed.pathname;
  const keep = site.keep;
  const browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)\/?$/i.exec(path);
  if (browse?.[1]) {
    const slug = moduleSlugOfType(site, 'jira:issuePanel');
    return slug ? hostUrl(site, { ...keep, module: slug, issue: browse[1].toUpperCase() }) : undefined;
  }
  const pages: Array<[RegExp, string]> = [
    [new RegExp(`^/jira/(?:software|core)(?:/c)?/projects/([^/]+)/apps/${app}(/.*)?$`), 'jira:projectPage'],
    [new RegExp(`^/jira/settings/apps/${app}(/.*)?$`), 'jira:adminPage'],
    [new RegExp(`^/jira/apps/${app}(/.*)?$`), 'jira:globalPage'],
  ];
  for (const [pattern, type] of pages) {
    const match = pattern.exec(path);
    const slug = moduleSlugOfType(site, type);
    if (!match || !slug) continue;
    const project = type === 'jira:projectPage' ? match[1] : undefined;
    const rest = type === 'jira:projectPage' ? match[2] : match[1];
    return hostUrl(site, { ...keep, module: slug, ...(project ? { project } : {}), ...(rest ? { path: rest } : {}) });
  }
  return undefined;
}
