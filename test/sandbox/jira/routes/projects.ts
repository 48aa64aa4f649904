import type { ProjectPermissionKey, SimIssueType, SimProject } from '../model';
import type { RouteContext } from './context';
import { intParam, listParam, param } from './context';
import { MESSAGES, ok, reject } from './http';
import type { Route } from './router';
import { entityIdOf, issueTypeAvatarId, issueTypeBean, projectAvatarUrls, userBean } from './shapes/common';

function projectNotFound(idOrKey: string): never {
  return reject(404, /^\d+$/.test(idOrKey) ? MESSAGES.projectNotFoundById(idOrKey) : MESSAGES.projectNotFoundByKey(idOrKey));
}

export function browsableProject(ctx: RouteContext, idOrKey: string): SimProject {
  const project = ctx.index.project(idOrKey);
  if (!ctx.access.canBrowse(project)) projectNotFound(idOrKey);
  return project;
}

function projectTypes(ctx: RouteContext, project: SimProject): SimIssueType[] {
  return project.issueTypeIds.map((id) => ctx.index.issueType(id)).filter((t): t is SimIssueType => t !== undefined);
}

/** Project as /project/search lists it. */
function projectSummary(ctx: RouteContext, project: SimProject): Record<string, unknown> {
  const baseUrl = ctx.site.baseUrl;
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: projectAvatarUrls(baseUrl, project),
    projectTypeKey: project.projectTypeKey,
    simplified: project.style === 'next-gen',
    style: project.style,
    isPrivate: false,
    properties: {},
    entityId: entityIdOf(`project:${project.id}`),
    uuid: entityIdOf(`project:${project.id}`),
  };
}

/** Project as GET /project/{idOrKey} returns it: the summary plus lead, issue types and roles. */
function projectDetail(ctx: RouteContext, project: SimProject): Record<string, unknown> {
  const baseUrl = ctx.site.baseUrl;
  const lead = ctx.index.user(project.leadAccountId);
  return {
    ...projectSummary(ctx, project),
    description: '',
    ...(lead ? { lead: userBean(baseUrl, lead) } : {}),
    components: [],
    issueTypes: projectTypes(ctx, project).map((t) => issueTypeBean(baseUrl, t)),
    assigneeType: 'UNASSIGNED',
    versions: [],
    roles: {
      Administrators: `${baseUrl}/rest/api/3/project/${project.id}/role/10002`,
      Member: `${baseUrl}/rest/api/3/project/${project.id}/role/10003`,
    },
  };
}

/** `action` of /project/search: which permission the caller needs on a project to see it listed. */
const ACTION_PERMISSION: Record<string, ProjectPermissionKey> = {
  view: 'BROWSE_PROJECTS',
  browse: 'BROWSE_PROJECTS',
  create: 'CREATE_ISSUES',
  edit: 'ADMINISTER_PROJECTS',
};

function searchProjects(ctx: RouteContext) {
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.min(Math.max(intParam(ctx, 'maxResults', 50), 1), 100);
  const ids = new Set(listParam(ctx, 'id'));
  const keys = new Set(listParam(ctx, 'keys').map((k) => k.toUpperCase()));
  const types = new Set(listParam(ctx, 'typeKey'));
  const text = ctx.query.get('query')?.toLowerCase() ?? '';
  const needed = ACTION_PERMISSION[ctx.query.get('action') ?? 'view'] ?? 'BROWSE_PROJECTS';
  const orderBy = ctx.query.get('orderBy') ?? 'key';
  const byName = orderBy.replace(/^[+-]/, '') === 'name';
  const matching = ctx.access
    .browsableProjects()
    .filter((p) => ctx.access.has(p, needed))
    .filter((p) => ids.size === 0 || ids.has(p.id))
    .filter((p) => keys.size === 0 || keys.has(p.key.toUpperCase()))
    .filter((p) => types.size === 0 || types.has(p.projectTypeKey))
    .filter((p) => text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
    .sort((a, b) => (byName ? a.name.localeCompare(b.name) : a.key.localeCompare(b.key)) * (orderBy.startsWith('-') ? -1 : 1));
  const page = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= matching.length;
  const self = `${ctx.site.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  return ok({
    self,
    ...(isLast ? {} : { nextPage: `${ctx.site.baseUrl}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: page.map((p) => projectSummary(ctx, p)),
  });
}

const LEVEL_NAMES: Record<number, string> = { 1: 'Epic', 0: 'Base', [-1]: 'Subtask' };

/** ProjectIssueTypeHierarchy: the project's issue types by level, levels in Jira's order (base, epic, subtask). */
function hierarchy(ctx: RouteContext) {
  const raw = param(ctx, 'projectId');
  if (!/^\d+$/.test(raw)) reject(400, `The project ID '${raw}' is not a number.`);
  const project = browsableProject(ctx, raw);
  const types = projectTypes(ctx, project);
  const levels = [0, 1, -1].filter((level) => types.some((t) => t.hierarchyLevel === level));
  return ok({
    projectId: Number(project.id),
    hierarchy: levels.map((level) => ({
      entityId: entityIdOf(`level:${project.id}:${level}`),
      level,
      name: LEVEL_NAMES[level],
      issueTypes: types
        .filter((t) => t.hierarchyLevel === level)
        .map((t) => ({ id: Number(t.id), entityId: entityIdOf(`issuetype:${t.id}`), name: t.name, avatarId: issueTypeAvatarId(t) })),
    })),
  });
}

export const projectRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/project/search', handle: searchProjects },
  { method: 'GET', template: '/rest/api/3/project/{projectId}/hierarchy', handle: hierarchy },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}',
    handle: (ctx) => ok(projectDetail(ctx, browsableProject(ctx, param(ctx, 'projectIdOrKey')))),
  },
];
