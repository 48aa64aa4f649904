import type { SimIssue } from '../model';
import type { RouteContext } from './context';
import { param } from './context';
import { MESSAGES, empty, ok, reject } from './http';
import { visibleIssue } from './issues';
import type { Route } from './router';

/** Jira's limits on entity properties. */
const MAX_VALUE_LENGTH = 32_768;
const MAX_KEY_LENGTH = 255;

function propertyUrl(ctx: RouteContext, issue: SimIssue, key: string): string {
  return `${ctx.site.baseUrl}/rest/api/3/issue/${issue.key}/properties/${encodeURIComponent(key)}`;
}

function editableIssue(ctx: RouteContext): SimIssue {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const project = ctx.index.project(issue.projectId);
  if (!project || !ctx.access.has(project, 'EDIT_ISSUES')) reject(403, MESSAGES.noEditPermission);
  return issue;
}

function listKeys(ctx: RouteContext) {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  return ok({ keys: Object.keys(issue.properties).map((key) => ({ key, self: propertyUrl(ctx, issue, key) })) });
}

function getProperty(ctx: RouteContext) {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const key = param(ctx, 'propertyKey');
  if (!Object.hasOwn(issue.properties, key)) reject(404, MESSAGES.propertyNotFound(key));
  return ok({ key, value: issue.properties[key] });
}

/** A property write is an issue edit: it bumps `updated`; JQL sees it once the search index caught up. */
function setProperty(ctx: RouteContext) {
  const issue = editableIssue(ctx);
  const key = param(ctx, 'propertyKey');
  if (key.length > MAX_KEY_LENGTH) reject(400, MESSAGES.propertyKeyTooLong);
  let value: unknown;
  try {
    value = JSON.parse(ctx.body ?? '');
  } catch {
    reject(400, MESSAGES.invalidPayload);
  }
  if (JSON.stringify(value).length > MAX_VALUE_LENGTH) reject(400, MESSAGES.propertyTooLong);
  const created = !Object.hasOwn(issue.properties, key);
  ctx.searchIndex.write(issue, () => {
    // defineProperty, not assignment: a property may legally be called `__proto__`.
    Object.defineProperty(issue.properties, key, { value, enumerable: true, writable: true, configurable: true });
    issue.updated = ctx.now.toISOString();
  });
  return empty(created ? 201 : 200);
}

/** Per the OpenAPI document, a caller who may see the issue but not edit it gets 404 here, not 403. */
function deleteProperty(ctx: RouteContext) {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const key = param(ctx, 'propertyKey');
  const project = ctx.index.project(issue.projectId);
  if (!project || !ctx.access.has(project, 'EDIT_ISSUES')) reject(404, MESSAGES.issueNotFound);
  if (!Object.hasOwn(issue.properties, key)) reject(404, MESSAGES.propertyNotFound(key));
  ctx.searchIndex.write(issue, () => {
    delete issue.properties[key];
    issue.updated = ctx.now.toISOString();
  });
  return empty(204);
}

const PROPERTY = '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';

export const issuePropertyRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/properties', handle: listKeys },
  { method: 'GET', template: PROPERTY, handle: getProperty },
  { method: 'PUT', template: PROPERTY, handle: setProperty },
  { method: 'DELETE', template: PROPERTY, handle: deleteProperty },
];
