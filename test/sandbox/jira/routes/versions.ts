/**
 * Project versions (releases). Both lists need Browse Projects on the project and answer 404 for a
 * project the caller may not see, exactly as for one that does not exist; every browser of the
 * project sees every version (Jira has no per-version permission).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-versions-get
 */
import type { SimSite, SimVersion } from '../model';
import type { RouteContext } from './context';
import { intParam, listParam, param } from './context';
import { ok, reject } from './http';
import { browsableProject } from './projects';
import type { Route } from './router';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The site's "Day/Month/Year Format" as a fresh site has it: `6/Jul/2010`. */
function userDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date}/${MONTHS[month - 1]}/${year}`;
}

/**
 * Version bean. Jira computes `overdue` on its own clock and in its own zone (the site's "today",
 * not the viewer's): unreleased with a release date before today.
 */
export function versionBean(site: SimSite, version: SimVersion, today: string): Record<string, unknown> {
  return {
    self: `${site.baseUrl}/rest/api/3/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: version.archived,
    released: version.released,
    ...(version.startDate ? { startDate: version.startDate, userStartDate: userDate(version.startDate) } : {}),
    ...(version.releaseDate ? { releaseDate: version.releaseDate, userReleaseDate: userDate(version.releaseDate) } : {}),
    overdue: !version.released && version.releaseDate !== undefined && version.releaseDate < today,
    projectId: Number(version.projectId),
  };
}

function projectVersions(ctx: RouteContext): SimVersion[] {
  const project = browsableProject(ctx, param(ctx, 'projectIdOrKey'));
  return (ctx.site.versions ?? []).filter((version) => version.projectId === project.id);
}

const today = (ctx: RouteContext) => ctx.now.toISOString().slice(0, 10);

/** GET /project/{projectIdOrKey}/versions: every version, not paged, in the project's order. */
function allVersions(ctx: RouteContext) {
  return ok(projectVersions(ctx).map((version) => versionBean(ctx.site, version, today(ctx))));
}

const ORDER_KEYS: Record<string, (version: SimVersion, sequence: number) => string | number> = {
  sequence: (_version, sequence) => sequence,
  name: (version) => version.name.toLowerCase(),
  description: (version) => version.description.toLowerCase(),
  // Versions without the date sort last, as Jira lists them.
  releaseDate: (version) => version.releaseDate ?? '9999-12-31',
  startDate: (version) => version.startDate ?? '9999-12-31',
};

const STATUSES = new Set(['released', 'unreleased', 'archived']);

/** GET /project/{projectIdOrKey}/version: PageBeanVersion, with `orderBy`, `query` and `status`. */
function pagedVersions(ctx: RouteContext) {
  const versions = projectVersions(ctx);
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.min(Math.max(intParam(ctx, 'maxResults', 50), 1), 50);
  const orderBy = ctx.query.get('orderBy') ?? 'sequence';
  const orderKey = ORDER_KEYS[orderBy.replace(/^[+-]/, '')];
  if (!orderKey) reject(400, `Invalid orderBy value '${orderBy}'.`);
  const statuses = listParam(ctx, 'status');
  const unknown = statuses.find((status) => !STATUSES.has(status));
  if (unknown !== undefined) reject(400, `Invalid status value '${unknown}'.`);
  const text = ctx.query.get('query')?.toLowerCase() ?? '';
  const statusOf = (version: SimVersion) => (version.archived ? 'archived' : version.released ? 'released' : 'unreleased');
  const direction = orderBy.startsWith('-') ? -1 : 1;
  const matching = versions
    .map((version, sequence) => ({ version, key: orderKey(version, sequence) }))
    .filter(({ version }) => statuses.length === 0 || statuses.includes(statusOf(version)))
    .filter(({ version }) => text === '' || version.name.toLowerCase().includes(text) || version.description.toLowerCase().includes(text))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * direction)
    .map(({ version }) => version);
  const page = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= matching.length;
  const base = `${ctx.site.baseUrl}/rest/api/3/project/${param(ctx, 'projectIdOrKey')}/version`;
  return ok({
    self: `${base}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${base}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: page.map((version) => versionBean(ctx.site, version, today(ctx))),
  });
}

export const versionRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/versions', handle: allVersions },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/version', handle: pagedVersions },
];
