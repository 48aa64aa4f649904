import type { ProjectPermissionKey, SimProject, SimUser } from '../model';
import type { RouteContext } from './context';
import { listParam } from './context';
import { MESSAGES, jiraError, ok, reject } from './http';
import { visibleIssue } from './issues';
import { browsableProject } from './projects';
import type { Route } from './router';
import { userBean } from './shapes/common';

function currentUser(ctx: RouteContext): SimUser | undefined {
  if (ctx.caller.kind === 'app') return ctx.index.appUser();
  if (ctx.caller.kind === 'user') return ctx.index.user(ctx.caller.accountId);
  return undefined;
}

function myself(ctx: RouteContext) {
  const user = currentUser(ctx);
  if (!user) return jiraError(401, [MESSAGES.notAuthenticated]);
  return ok({
    ...userBean(ctx.site.baseUrl, user),
    locale: user.locale,
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  });
}

/** The permissions the simulator models, with Jira's ids, names and descriptions. */
const CATALOG: Record<string, { id: string; name: string; type: 'PROJECT' | 'GLOBAL'; description: string }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
};

function isProjectPermission(key: string): key is ProjectPermissionKey {
  return CATALOG[key]?.type === 'PROJECT';
}

/** The project the question is about, from whichever of the four context parameters was given. */
function contextProject(ctx: RouteContext): SimProject | undefined {
  const projectRef = ctx.query.get('projectKey') ?? ctx.query.get('projectId');
  if (projectRef) return browsableProject(ctx, projectRef);
  const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
  if (issueRef) return ctx.index.project(visibleIssue(ctx, issueRef).projectId);
  return undefined;
}

/**
 * Without a project, a project permission counts as held when the caller holds it in any project
 * (Jira's rule). Keys Jira has but the simulator does not model are refused loudly rather than
 * answered wrongly.
 */
function myPermissions(ctx: RouteContext) {
  const keys = listParam(ctx, 'permissions');
  if (keys.length === 0) reject(400, 'The permissions query parameter is required.');
  const unknown = keys.filter((k) => !Object.hasOwn(CATALOG, k));
  if (unknown.length > 0) reject(400, ...unknown.map((k) => `Permission key '${k}' is not valid (or not modelled by the Jira simulator).`));
  const project = contextProject(ctx);
  const holds = (key: string): boolean => {
    if (!isProjectPermission(key)) return ctx.access.isJiraAdmin();
    return project ? ctx.access.has(project, key) : ctx.site.projects.some((p) => ctx.access.has(p, key));
  };
  const permissions = Object.fromEntries(
    keys.map((key) => {
      const entry = CATALOG[key];
      return [key, { ...entry, key, havePermission: holds(key) }];
    }),
  );
  return ok({ permissions });
}

export const peopleRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/myself', handle: myself },
  { method: 'GET', template: '/rest/api/3/mypermissions', handle: myPermissions },
];
