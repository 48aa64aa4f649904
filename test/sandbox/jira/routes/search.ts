import { z } from 'zod';
import type { SimIssue } from '../model';
import type { RouteContext } from './context';
import { jsonBody, listParam } from './context';
import { MESSAGES, jiraError, ok, reject } from './http';
import { compileJql, matchJql, runJql } from './jql-search';
import { decodePageToken, encodePageToken } from './page-token';
import type { Route } from './router';
import { fieldNames, fieldSchemas, selectFields } from './shapes/fields';
import { issueBean } from './shapes/issue';

/** Page sizes of enhanced search: big pages for ids and keys only, small ones once fields or properties come along. */
const DEFAULT_PAGE = 50;
const MAX_PAGE_IDS_ONLY = 5000;
const MAX_PAGE_WITH_FIELDS = 100;
const MAX_PROPERTIES = 5;
const MAX_RECONCILE = 50;

interface SearchParams {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields: string[];
  properties: string[];
  expand: string[];
  reconcileIssues: number[];
}

function splitAll(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

/** SearchAndReconcileRequestBean; Jira rejects properties it does not know. */
const SearchBody = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).optional(),
});

function fromQuery(ctx: RouteContext): SearchParams {
  const maxResults = ctx.query.get('maxResults');
  if (maxResults !== null && !/^-?\d+$/.test(maxResults)) reject(400, `The 'maxResults' parameter must be an integer.`);
  const reconcile = listParam(ctx, 'reconcileIssues');
  // int64 issue ids (OpenAPI `searchAndReconsileIssuesUsingJql`): a key is not an id.
  if (reconcile.some((id) => !/^\d+$/.test(id))) reject(400, `The 'reconcileIssues' parameter must be a list of issue IDs.`);
  return {
    jql: ctx.query.get('jql') ?? '',
    ...(ctx.query.get('nextPageToken') ? { nextPageToken: ctx.query.get('nextPageToken') ?? '' } : {}),
    ...(maxResults !== null ? { maxResults: Number(maxResults) } : {}),
    fields: listParam(ctx, 'fields'),
    properties: listParam(ctx, 'properties'),
    expand: listParam(ctx, 'expand'),
    reconcileIssues: reconcile.map(Number),
  };
}

function fromBody(ctx: RouteContext): SearchParams {
  const body = jsonBody(ctx, SearchBody);
  return {
    jql: body.jql ?? '',
    ...(body.nextPageToken ? { nextPageToken: body.nextPageToken } : {}),
    ...(body.maxResults !== undefined ? { maxResults: body.maxResults } : {}),
    fields: splitAll(body.fields),
    properties: splitAll(body.properties),
    expand: splitAll(body.expand ? [body.expand] : []),
    reconcileIssues: body.reconcileIssues ?? [],
  };
}

/**
 * Matching, order and the returned fields and properties all come from the search index, which may
 * trail writes (see ./search-index.ts). `reconcileIssues` (at most 50 issue ids, "consistent with
 * each paginated request": OpenAPI `searchAndReconsileIssuesUsingJql[Post]`) reads those issues as
 * they are now; ids of missing issues are ignored, as Jira does since JRACLOUD-93328.
 * `fieldsByKeys` changes nothing here: field keys equal field ids on this site.
 */
function search(ctx: RouteContext, params: SearchParams) {
  if (params.properties.length > MAX_PROPERTIES) reject(400, MESSAGES.tooManyProperties);
  if (params.reconcileIssues.length > MAX_RECONCILE) reject(400, `You can reconcile at most ${MAX_RECONCILE} issues.`);
  const query = compileJql(ctx, params.jql, { searchEndpoint: true });
  const selection = selectFields(ctx.site, params.fields, ['id']);
  const idsOnly = selection.fieldIds.length === 0 && params.properties.length === 0;
  const limit = idsOnly ? MAX_PAGE_IDS_ONLY : MAX_PAGE_WITH_FIELDS;
  const pageSize = Math.min(Math.max(params.maxResults ?? DEFAULT_PAGE, 1), limit);
  const offset = decodePageToken(params.jql, params.nextPageToken);
  const found = runJql(ctx, query, ctx.searchIndex.issues(ctx.site, new Set(params.reconcileIssues.map(String))));
  const page = found.slice(offset, offset + pageSize);
  const isLast = offset + pageSize >= found.length;
  const options = { selection, properties: params.properties, expand: [], canSee: (other: SimIssue) => ctx.access.canSeeIssue(other) };
  return ok({
    issues: page.map((issue) => issueBean(ctx.index, issue, options)),
    ...(params.expand.includes('names') ? { names: fieldNames(ctx.index, selection.fieldIds) } : {}),
    ...(params.expand.includes('schema') ? { schema: fieldSchemas(ctx.index, selection.fieldIds) } : {}),
    // The last page carries no token at all (not null).
    ...(isLast ? {} : { nextPageToken: encodePageToken(params.jql, offset + pageSize) }),
    isLast,
  });
}

const CountBody = z.strictObject({ jql: z.string() });

export const searchRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/search/jql', handle: (ctx) => search(ctx, fromQuery(ctx)) },
  { method: 'POST', template: '/rest/api/3/search/jql', handle: (ctx) => search(ctx, fromBody(ctx)) },
  {
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    handle: (ctx) => {
      const query = compileJql(ctx, jsonBody(ctx, CountBody).jql, { searchEndpoint: true });
      // No reconcileIssues here (JQLCountRequestBean): the count is the index's.
      return ok({ count: matchJql(ctx, query, ctx.searchIndex.issues(ctx.site)).length });
    },
  },
  // The old search is gone from Jira Cloud; a client still calling it must fail loudly, as it would in production.
  { method: 'GET', template: '/rest/api/3/search', handle: () => jiraError(410, [MESSAGES.searchRemoved]) },
  { method: 'POST', template: '/rest/api/3/search', handle: () => jiraError(410, [MESSAGES.searchRemoved]) },
];
