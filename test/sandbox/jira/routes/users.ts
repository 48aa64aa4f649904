import type { ProjectPermissionKey, SimProject, SimUser } from '../model';
import { Access } from './access';
import type { RouteContext } from './context';
import { intParam, listParam } from './context';
import { MESSAGES, jiraError, ok, reject } from './http';
import { browsableProject } from './projects';
import type { Route } from './router';
import { userBean } from './shapes/common';

const PROJECT_PERMISSIONS: readonly string[] = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'] satisfies ProjectPermissionKey[];
const isProjectPermission = (key: string): key is ProjectPermissionKey => PROJECT_PERMISSIONS.includes(key);

function requireSignedIn(ctx: RouteContext): void {
  if (ctx.caller.kind === 'anonymous') reject(401, MESSAGES.notAuthenticated);
}

/** Whether `user` holds `permission` in `project`, by the same rules that answer the caller's own questions. */
function userHolds(ctx: RouteContext, project: SimProject, user: SimUser, permission: ProjectPermissionKey): boolean {
  return new Access(ctx.site, { kind: 'user', accountId: user.accountId }).has(project, permission);
}

/**
 * Jira's user search matches the start of the display name, of any word in it, or of the email
 * address, ignoring case.
 */
function matchesQuery(user: SimUser, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  const name = user.displayName.toLowerCase();
  return name.startsWith(needle) || name.split(/\s+/).some((word) => word.startsWith(needle)) || user.emailAddress.toLowerCase().startsWith(needle);
}

/** `query` and `accountId` narrow a search; Jira wants exactly one of them. */
function searchFilter(ctx: RouteContext): (user: SimUser) => boolean {
  const query = ctx.query.get('query');
  const accountId = ctx.query.get('accountId');
  if (query === null && accountId === null) reject(400, 'The query or accountId parameter is required.');
  if (query !== null && accountId !== null) reject(400, 'Only one of query or accountId can be provided.');
  return accountId !== null ? (user) => user.accountId === accountId : (user) => matchesQuery(user, query ?? '');
}

/** People (not app accounts), in the order the site lists them; Jira pages these searches by offset. */
function page(ctx: RouteContext, users: SimUser[]): SimUser[] {
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.min(Math.max(intParam(ctx, 'maxResults', 50), 1), 1000);
  return users.slice(startAt, startAt + maxResults);
}

/** PageBeanUser of the people with the given account ids; unknown ids are left out, as Jira does. */
function bulkGet(ctx: RouteContext) {
  requireSignedIn(ctx);
  const accountIds = listParam(ctx, 'accountId');
  if (accountIds.length === 0) reject(400, 'The accountId query parameter needs to be provided.');
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.min(Math.max(intParam(ctx, 'maxResults', 10), 1), 200);
  const found = [...new Set(accountIds)].map((id) => ctx.index.user(id)).filter((user): user is SimUser => user !== undefined);
  const values = found.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= found.length;
  const base = `${ctx.site.baseUrl}/rest/api/3/user/bulk`;
  return ok({
    self: `${base}?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast ? {} : { nextPage: `${base}?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: found.length,
    isLast,
    values: values.map((user) => userBean(ctx.site.baseUrl, user)),
  });
}

/**
 * People holding every listed permission in the project. Jira lets only project administrators
 * (and Jira administrators, and the app) ask this.
 */
function permissionSearch(ctx: RouteContext) {
  requireSignedIn(ctx);
  const permissions = listParam(ctx, 'permissions');
  if (permissions.length === 0) reject(400, 'The permissions query parameter is required.');
  const unknown = permissions.filter((key) => !isProjectPermission(key));
  if (unknown.length > 0) reject(400, ...unknown.map((key) => `Permission key '${key}' is not valid (or not modelled by the Jira simulator).`));
  const projectRef = ctx.query.get('projectKey');
  if (!projectRef) reject(400, 'The issueKey or projectKey parameter is required.');
  const filter = searchFilter(ctx);
  const project = browsableProject(ctx, projectRef);
  if (!ctx.access.has(project, 'ADMINISTER_PROJECTS')) {
    return jiraError(403, ['You do not have the permission to search for users with permissions in this project.']);
  }
  const holders = ctx.site.users.filter(
    (user) => user.active && filter(user) && permissions.every((key) => isProjectPermission(key) && userHolds(ctx, project, user, key)),
  );
  return ok(page(ctx, holders).map((user) => userBean(ctx.site.baseUrl, user)));
}

/**
 * People who can be assigned issues in the project. The simulator models no Assignable User or
 * Assign Issues permission: Edit Issues stands in for both (who may be assigned, and who may ask).
 * A caller who may not assign gets nobody rather than an error the API documents no status for.
 */
function assignableSearch(ctx: RouteContext) {
  requireSignedIn(ctx);
  const projectRef = ctx.query.get('project');
  if (!projectRef) reject(400, 'One of the issueKey, issueId or project parameters is required.');
  const filter = searchFilter(ctx);
  const project = browsableProject(ctx, projectRef);
  if (!ctx.access.has(project, 'EDIT_ISSUES') && !ctx.access.has(project, 'ADMINISTER_PROJECTS')) return ok([]);
  const assignable = ctx.site.users.filter(
    (user) => user.active && user.accountType === 'atlassian' && filter(user) && userHolds(ctx, project, user, 'EDIT_ISSUES'),
  );
  return ok(page(ctx, assignable).map((user) => userBean(ctx.site.baseUrl, user)));
}

export const userRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/user/bulk', handle: bulkGet },
  { method: 'GET', template: '/rest/api/3/user/permission/search', handle: permissionSearch },
  { method: 'GET', template: '/rest/api/3/user/assignable/search', handle: assignableSearch },
];
