import { route } from '@forge/api';
import type { JiraClient } from './client';
import { approximateCountSchema, searchPageSchema } from './schemas';
import type { SearchedIssue } from './schemas';

export interface SearchRequest {
  jql: string;
  /** Only the fields needed: every extra field costs Jira time and the app payload. */
  fields: string[];
  /** Issue property keys to return inline (Jira allows 5). */
  properties?: string[];
  /** Page size; Jira caps it (100 with fields, 5,000 for ids only) and may return fewer. */
  pageSize?: number;
  /** Stop after this many pages (a picker wants the first matches, not all of them). */
  maxPages?: number;
  /**
   * Issue ids (at most `maxReconciledIssues`) that must be read as they are now, not as Jira's
   * search index last saw them: the issues the app itself just wrote. The same list goes with
   * every page, as Jira asks.
   */
  reconcileIssues?: readonly string[];
}

/**
 * Jira's search is eventually consistent: "subsequent search operations … without the
 * reconcileIssues parameter may return stale or outdated data", for seconds to minutes, and
 * `reconcileIssues` takes at most 50 issue ids.
 * @see https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
 */
export const maxReconciledIssues = 50;

/**
 * Every issue a JQL query finds, following `nextPageToken` (the enhanced search has no totals and
 * no page jumps, so pages come one after another).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
export async function searchAllIssues(client: JiraClient, request: SearchRequest): Promise<SearchedIssue[]> {
  const reconcile = reconcileIds(request.reconcileIssues);
  const issues: SearchedIssue[] = [];
  let nextPageToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send({
      method: 'POST',
      path: route`/rest/api/3/search/jql`,
      body: {
        jql: request.jql,
        fields: request.fields,
        ...(request.properties?.length ? { properties: request.properties } : {}),
        maxResults: request.pageSize ?? 100,
        ...(reconcile.length > 0 ? { reconcileIssues: reconcile } : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
      },
      schema: searchPageSchema,
    });
    issues.push(...page.issues);
    pages += 1;
    if (request.maxPages !== undefined && pages >= request.maxPages) break;
    nextPageToken = page.isLast === false || page.nextPageToken ? page.nextPageToken ?? undefined : undefined;
  } while (nextPageToken);
  return issues;
}

/** The ids as Jira's `reconcileIssues` takes them (int64); more than Jira allows is a bug of the caller. */
export function reconcileIds(ids: readonly string[] | undefined): number[] {
  if (!ids || ids.length === 0) return [];
  const unique = [...new Set(ids)];
  if (unique.length > maxReconciledIssues) throw new RangeError(`Jira reconciles at most ${maxReconciledIssues} issues per search, not ${unique.length}`);
  return unique.map((id) => {
    if (!/^\d+$/.test(id)) throw new RangeError(`Not an issue id: ${id}`);
    return Number(id);
  });
}

/** Jira's estimate of how many issues match; cheap, and enough for KPI counts. */
export async function approximateCount(client: JiraClient, jql: string): Promise<number> {
  const { count } = await client.send({
    method: 'POST',
    path: route`/rest/api/3/search/approximate-count`,
    body: { jql },
    schema: approximateCountSchema,
  });
  return count;
}
