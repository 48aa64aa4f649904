/**
 * Issues by id, as the actor may see them: Bulk fetch issues leaves out (in `issueErrors`) an issue
 * the actor may not browse, where a JQL `id in (…)` would refuse the whole search with a 400 for it.
 * At most 100 ids per request.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './client';
import { searchPageSchema } from './schemas';
import type { SearchedIssue } from './schemas';

export const maxBulkFetchIssues = 100;

const bulkFetchSchema = z.looseObject({ issues: searchPageSchema.shape.issues });

export async function visibleIssuesByIds(
  client: JiraClient,
  ids: readonly string[],
  options: { fields: readonly string[]; properties?: readonly string[] },
): Promise<SearchedIssue[]> {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += maxBulkFetchIssues) batches.push(unique.slice(start, start + maxBulkFetchIssues));
  const pages = await Promise.all(
    batches.map((batch) =>
      client.send({
        method: 'POST',
        path: route`/rest/api/3/issue/bulkfetch`,
        body: { issueIdsOrKeys: batch, fields: [...options.fields], ...(options.properties ? { properties: [...options.properties] } : {}) },
        schema: bulkFetchSchema,
      }),
    ),
  );
  return pages.flatMap((page) => page.issues);
}
