import { z } from 'zod';
import type { SimIssue, SimIssueType, SimProject } from '../model';
import type { RouteContext } from './context';
import { intParam, param } from './context';
import { json, jiraError, MESSAGES, ok, reject } from './http';
import type { Route } from './router';
import { issueTypeAvatarId } from './shapes/common';

/**
 * Creating issues and the create metadata that says what a create needs:
 * - GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes[/{issueTypeId}]: "Create issues
 *   project permission in the requested projects" (OpenAPI getCreateIssueMetaIssueTypes,
 *   getCreateIssueMetaIssueTypeId). A caller without it is told nothing: no issue types, and 404 for
 *   an issue type's fields, the stricter of the readings (Jira documents no status for it).
 * - POST /rest/api/3/issue (OpenAPI createIssue): Browse projects and Create issues; 400 with
 *   `errors: {fieldId: message}` for a missing required field, a field that cannot be set, or a
 *   caller without permission; `properties` are set with the issue, in the same write.
 * A created issue reaches JQL only after the search index lag (search-index.ts), like any write.
 */

const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;
const MAX_SUMMARY = 255;
const MAX_PROPERTY_VALUE = 32_768;

/** System fields every create screen here shows: id → [name, schema, required, hasDefaultValue]. */
const SYSTEM_FIELDS: ReadonlyArray<{ id: string; name: string; schema: Record<string, unknown>; required: boolean; hasDefaultValue: boolean }> = [
  { id: 'summary', name: 'Summary', schema: { type: 'string', system: 'summary' }, required: true, hasDefaultValue: false },
  { id: 'issuetype', name: 'Issue Type', schema: { type: 'issuetype', system: 'issuetype' }, required: true, hasDefaultValue: false },
  { id: 'project', name: 'Project', schema: { type: 'project', system: 'project' }, required: true, hasDefaultValue: false },
  { id: 'reporter', name: 'Reporter', schema: { type: 'user', system: 'reporter' }, required: true, hasDefaultValue: true },
  { id: 'description', name: 'Description', schema: { type: 'string', system: 'description' }, required: false, hasDefaultValue: false },
  { id: 'labels', name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' }, required: false, hasDefaultValue: false },
  { id: 'assignee', name: 'Assignee', schema: { type: 'user', system: 'assignee' }, required: false, hasDefaultValue: false },
  { id: 'priority', name: 'Priority', schema: { type: 'priority', system: 'priority' }, required: false, hasDefaultValue: true },
  { id: 'components', name: 'Component/s', schema: { type: 'array', items: 'component', system: 'components' }, required: false, hasDefaultValue: false },
  { id: 'duedate', name: 'Due date', schema: { type: 'date', system: 'duedate' }, required: false, hasDefaultValue: false },
];

interface CreateField {
  fieldId: string;
  name: string;
  schema: Record<string, unknown>;
  required: boolean;
  hasDefaultValue: boolean;
}

function creatableProject(ctx: RouteContext, idOrKey: string): SimProject | undefined {
  const project = ctx.index.project(idOrKey);
  if (!ctx.access.canBrowse(project)) return undefined;
  return ctx.access.has(project, 'CREATE_ISSUES') ? project : undefined;
}

/** The project's creatable types: subtasks need a parent, which this simulator's creates never carry. */
function projectTypes(ctx: RouteContext, project: SimProject): SimIssueType[] {
  return project.issueTypeIds.map((id) => ctx.index.issueType(id)).filter((type): type is SimIssueType => type !== undefined);
}

/** What the create screen of this project and type holds; the project's `requiredOnCreate` fields are required. */
function createFields(ctx: RouteContext, project: SimProject, type: SimIssueType): CreateField[] {
  const required = new Set(project.requiredOnCreate ?? []);
  const system = SYSTEM_FIELDS.filter((field) => field.id !== 'components' || project.style === 'classic' || required.has('components')).map((field) => ({
    fieldId: field.id,
    name: field.name,
    schema: field.schema,
    required: field.required || required.has(field.id),
    hasDefaultValue: field.hasDefaultValue,
  }));
  const parent = type.hierarchyLevel < 1 ? [{ fieldId: 'parent', name: 'Parent', schema: { type: 'issuelink', system: 'parent' }, required: type.hierarchyLevel === -1, hasDefaultValue: false }] : [];
  const custom = ctx.site.fields
    .filter((field) => field.custom && field.id !== 'customfield_10019')
    .map((field) => ({ fieldId: field.id, name: field.name, schema: field.schema, required: required.has(field.id), hasDefaultValue: false }));
  return [...system, ...parent, ...custom];
}

function page<T>(ctx: RouteContext, all: readonly T[]): { startAt: number; maxResults: number; total: number; values: T[] } {
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = intParam(ctx, 'maxResults', DEFAULT_PAGE);
  if (maxResults > MAX_PAGE) reject(400, `Parameter 'maxResults' must not exceed the limit '${MAX_PAGE}'`);
  const size = Math.max(1, maxResults);
  return { startAt, maxResults: size, total: all.length, values: all.slice(startAt, startAt + size) };
}

function createMetaIssueTypes(ctx: RouteContext) {
  const project = creatableProject(ctx, param(ctx, 'projectIdOrKey'));
  const types = project ? projectTypes(ctx, project) : [];
  const { values, ...paging } = page(ctx, types);
  return ok({
    ...paging,
    issueTypes: values.map((type) => ({
      self: `${ctx.site.baseUrl}/rest/api/3/issuetype/${type.id}`,
      id: type.id,
      description: '',
      iconUrl: `${ctx.site.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${issueTypeAvatarId(type)}?size=medium`,
      name: type.name,
      subtask: type.hierarchyLevel === -1,
      avatarId: issueTypeAvatarId(type),
      hierarchyLevel: type.hierarchyLevel,
    })),
  });
}

function createMetaFields(ctx: RouteContext) {
  const project = creatableProject(ctx, param(ctx, 'projectIdOrKey'));
  const typeId = param(ctx, 'issueTypeId');
  const type = project ? projectTypes(ctx, project).find((candidate) => candidate.id === typeId) : undefined;
  if (!project || !type) reject(404, `Issue type with id '${typeId}' does not exist or you do not have permission to create issues of it.`);
  const { values, ...paging } = page(ctx, createFields(ctx, project, type));
  return ok({
    ...paging,
    fields: values.map((field) => ({ ...field, key: field.fieldId, operations: ['set'] })),
  });
}

const IdOrKey = z.looseObject({ id: z.string().optional(), key: z.string().optional() });
const CreateBody = z.looseObject({
  fields: z.record(z.string(), z.unknown()),
  update: z.record(z.string(), z.unknown()).optional(),
  properties: z.array(z.strictObject({ key: z.string(), value: z.unknown() })).optional(),
});

/** Atlassian Document Format at its root: what v3 takes for `description` (a plain string is refused). */
const isAdfDocument = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc' && (value as { version?: unknown }).version === 1 && Array.isArray((value as { content?: unknown }).content);

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function createIssue(ctx: RouteContext) {
  if (ctx.caller.kind === 'anonymous') return jiraError(401, [MESSAGES.notAuthenticated]);
  const body = (() => {
    try {
      return CreateBody.safeParse(JSON.parse(ctx.body ?? ''));
    } catch {
      return undefined;
    }
  })();
  if (!body?.success) return jiraError(400, [MESSAGES.invalidPayload]);
  const { fields, properties = [] } = body.data;

  const projectRef = IdOrKey.safeParse(fields.project);
  const projectIdOrKey = projectRef.success ? (projectRef.data.id ?? projectRef.data.key) : undefined;
  const seen = projectIdOrKey === undefined ? undefined : ctx.index.project(projectIdOrKey);
  if (!ctx.access.canBrowse(seen)) return jiraError(400, [], { project: 'valid project is required' });
  if (!ctx.access.has(seen, 'CREATE_ISSUES')) return jiraError(400, [], { project: 'You do not have permission to create issues in this project.' });
  const project = seen;

  const typeRef = IdOrKey.safeParse(fields.issuetype);
  const type = typeRef.success && typeRef.data.id ? projectTypes(ctx, project).find((candidate) => candidate.id === typeRef.data.id) : undefined;
  if (!type) return jiraError(400, [], { issuetype: 'Specify an issue type' });

  const screen = createFields(ctx, project, type);
  const byId = new Map(screen.map((field) => [field.fieldId, field]));
  const errors: Record<string, string> = {};
  for (const fieldId of Object.keys(fields)) {
    if (!byId.has(fieldId)) errors[fieldId] = `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
  }
  for (const field of screen) {
    if (field.required && !field.hasDefaultValue && isEmptyValue(fields[field.fieldId]) && errors[field.fieldId] === undefined) {
      errors[field.fieldId] = field.fieldId === 'summary' ? 'You must specify a summary of the issue.' : `${field.name} is required.`;
    }
  }
  const summary = fields.summary;
  if (summary !== undefined && typeof summary !== 'string') errors.summary = 'Operation value must be a string';
  else if (typeof summary === 'string' && summary.length > MAX_SUMMARY) errors.summary = 'Summary must be less than 255 characters.';
  else if (typeof summary === 'string' && /[\r\n]/.test(summary)) errors.summary = 'Field summary cannot contain newline characters.';
  if (fields.description !== undefined && fields.description !== null && !isAdfDocument(fields.description)) {
    errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
  }
  if (type.hierarchyLevel === -1) errors.parent = 'Issue type is a sub-task but parent issue key or id not specified.';
  for (const property of properties) {
    if (property.key.length === 0 || property.key.length > 255) return jiraError(400, [MESSAGES.propertyKeyTooLong]);
    if (JSON.stringify(property.value ?? null).length > MAX_PROPERTY_VALUE) return jiraError(400, [MESSAGES.propertyTooLong]);
  }
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);

  const numbers = ctx.site.issues.filter((issue) => issue.projectId === project.id).map((issue) => Number(issue.key.split('-')[1]) || 0);
  const id = String(Math.max(10_000, ...ctx.site.issues.map((issue) => Number(issue.id) || 0)) + 1);
  const key = `${project.key}-${Math.max(0, ...numbers) + 1}`;
  const lastRank = ctx.site.issues.reduce((max, issue) => (issue.rank > max ? issue.rank : max), '0|i00000:');
  const status = ctx.site.statuses.find((candidate) => candidate.category === 'new');
  if (!status) throw new Error('The site has no status in the To Do category');
  const now = ctx.now.toISOString();
  const issue: SimIssue = {
    id,
    key,
    projectId: project.id,
    issueTypeId: type.id,
    summary: summary as string,
    statusId: status.id,
    sprintIds: [],
    labels: Array.isArray(fields.labels) ? fields.labels.filter((label): label is string => typeof label === 'string') : [],
    reporterAccountId: ctx.caller.kind === 'user' ? ctx.caller.accountId : (ctx.index.appUser()?.accountId ?? ''),
    priorityName: 'Medium',
    created: now,
    updated: now,
    rank: `${lastRank}0`,
    customFields: Object.fromEntries(Object.entries(fields).filter(([fieldId]) => fieldId.startsWith('customfield_'))),
    properties: {},
  };
  for (const property of properties) {
    Object.defineProperty(issue.properties, property.key, { value: property.value, enumerable: true, writable: true, configurable: true });
  }
  ctx.searchIndex.create(ctx.site, issue);
  return json(201, { id, key, self: `${ctx.site.baseUrl}/rest/api/3/issue/${id}` });
}

export const issueCreateRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue', handle: createIssue },
  { method: 'GET', template: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', handle: createMetaIssueTypes },
  { method: 'GET', template: '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', handle: createMetaFields },
];
