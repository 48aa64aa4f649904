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
}

/**
 * Every issue a JQL query finds, following `nextPageToken` (the enhanced search has no totals and
 * no page jumps, so pages come one after another).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
export async function searchAllIssues(client: JiraClient, request: SearchRequest): Promise<SearchedIssue[]> {
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
