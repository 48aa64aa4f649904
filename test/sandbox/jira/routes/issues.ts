import { z } from 'zod';
import type { SimIssue } from '../model';
import type { RouteContext } from './context';
import { jsonBody, listParam, param } from './context';
import { MESSAGES, ok, reject } from './http';
import type { Route } from './router';
import { selectFields } from './shapes/fields';
import { issueBean } from './shapes/issue';

const MAX_PROPERTIES = 5;
const MAX_BULK = 100;

/**
 * The issue, if the caller may see it: Jira answers the same 404 for "missing" and "hidden", be it
 * hidden by the project's permissions or by the issue's security level.
 */
export function visibleIssue(ctx: RouteContext, idOrKey: string): SimIssue {
  const issue = ctx.index.issue(idOrKey);
  if (!issue || !ctx.access.canSeeIssue(issue)) reject(404, MESSAGES.issueNotFound);
  return issue;
}

function getIssue(ctx: RouteContext) {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const properties = listParam(ctx, 'properties');
  if (properties.length > MAX_PROPERTIES) reject(400, MESSAGES.tooManyProperties);
  // Unlike search, GET issue returns every field unless told otherwise.
  const selection = selectFields(ctx.site, listParam(ctx, 'fields'), ['*all']);
  const canSee = (other: SimIssue) => ctx.access.canSeeIssue(other);
  return ok(issueBean(ctx.index, issue, { selection: { ...selection, idOnly: false }, properties, expand: listParam(ctx, 'expand'), canSee }));
}

/** BulkFetchIssueRequestBean. */
const BulkFetchBody = z.strictObject({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
});

/** Issues that are missing or hidden are simply left out; `issueErrors` is for retriable failures only. */
function bulkFetch(ctx: RouteContext) {
  const body = jsonBody(ctx, BulkFetchBody);
  if (body.issueIdsOrKeys.length === 0) reject(400, 'No issue IDs or keys were provided.');
  if (body.issueIdsOrKeys.length > MAX_BULK) reject(400, `A maximum of ${MAX_BULK} issue IDs or keys can be provided.`);
  const properties = (body.properties ?? []).flatMap((p) => p.split(',')).filter((p) => p.trim() !== '');
  if (properties.length > MAX_PROPERTIES) reject(400, MESSAGES.tooManyProperties);
  const tokens = (body.fields ?? []).flatMap((f) => f.split(',')).map((f) => f.trim()).filter((f) => f !== '');
  const selection = { ...selectFields(ctx.site, tokens, ['*navigable']), idOnly: false };
  const seen = new Set<string>();
  const issues: SimIssue[] = [];
  for (const idOrKey of body.issueIdsOrKeys) {
    const issue = ctx.index.issue(idOrKey.trim());
    if (!issue || seen.has(issue.id) || !ctx.access.canSeeIssue(issue)) continue;
    seen.add(issue.id);
    issues.push(issue);
  }
  const options = { selection, properties, expand: body.expand ?? [], canSee: (other: SimIssue) => ctx.access.canSeeIssue(other) };
  return ok({ issues: issues.map((issue) => issueBean(ctx.index, issue, options)), issueErrors: [] });
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handle: bulkFetch },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handle: getIssue },
];
