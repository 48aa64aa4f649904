/**
 * Many epics' cards at once, for a project too big for one search page: the epic list's pages come
 * one after another (`nextPageToken`), 100 cards a page, so 1,000 epics would cost ten round trips
 * in a row. Given the ids (the viewer's own ids-only search, up to 5,000 a page), the cards are read
 * as `id in (…)` batches of a page each, a few at once: two round trips whatever the size.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
import { epicLinksPropertyKey } from '../../domain/epic-links';
import { inBatches, mapWithConcurrency } from '../concurrency';
import type { JiraClient } from './client';
import { assertIssueIds } from './child-facts';
import { epicCardFields, toLinkedEpic } from './epic-links';
import type { LinkedJiraEpic } from './epic-links';
import { maxReconciledIssues, searchAllIssues } from './search';

/** A page of cards with fields (Jira's cap with fields is 100). */
const cardsPerQuery = 100;
/**
 * Queries in flight: the cards of 1,000 epics in one round trip, ten requests at once (Jira publishes
 * no burst figure per endpoint; the crawl keeps to 16, see rollup-crawl.ts).
 */
const cardConcurrency = 10;

/**
 * The cards of these epics as the client's actor may see them (ids it may not see are absent), in
 * no particular order. `reconcileIssues`: ids the app wrote lately, read as they are now.
 */
export async function epicCardsByIds(client: JiraClient, ids: readonly string[], reconcileIssues: readonly string[] = []): Promise<LinkedJiraEpic[]> {
  const unique = [...new Set(ids)];
  assertIssueIds(unique);
  const recent = new Set(reconcileIssues);
  const pages = await mapWithConcurrency(inBatches(unique, cardsPerQuery), cardConcurrency, async (batch) => {
    const reconcile = batch.filter((id) => recent.has(id)).slice(0, maxReconciledIssues);
    const issues = await searchAllIssues(client, {
      jql: `id in (${batch.join(', ')})`,
      fields: epicCardFields,
      properties: [epicLinksPropertyKey],
      pageSize: cardsPerQuery,
      ...(reconcile.length > 0 ? { reconcileIssues: reconcile } : {}),
    });
    return issues.map(toLinkedEpic);
  });
  return pages.flat();
}
