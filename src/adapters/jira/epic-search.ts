/**
 * The epic picker's search, built the way Jira's text index answers it.
 *
 * `summary ~ "…"` is a Lucene query: special characters have meaning (and a stray one answers 400),
 * English stop words are dropped, and words are stemmed at index and query time, but wildcard terms
 * are not: `performance*` misses "Checkout performance" (indexed as a stem) while `performance`
 * and `perf*` find it. So each word the user types becomes `(word OR word*)`: the whole word
 * through the analyser, the started word as a prefix. Only runs of letters (with their marks) and
 * digits are kept, the way the analyser tokenises, so nothing the user types is Lucene syntax;
 * each word is Lucene-escaped all the same, and the whole Lucene text is a JQL string literal, so
 * nothing is JQL syntax either.
 * https://support.atlassian.com/jira-software-cloud/docs/search-syntax-for-text-fields/
 *
 * Keys are not in the text index, and `key = THR-99999` answers 400 for the whole query when the
 * issue does not exist (or the user may not see it). So a key-shaped query ("THR-193", "193" in
 * this project) is looked up by GET issue, which answers 404 instead, in parallel with the text
 * search: one extra request only when the text looks like a key, and no extra round trip.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 */
import type { JiraClient } from './client';
import { epicLinksPropertyKey } from '../../domain/epic-links';
import { epicCardFields, getEpic, jqlString, toLinkedEpic } from './epic-links';
import type { LinkedJiraEpic } from './epic-links';
import { searchAllIssues } from './search';

/** Lucene's English stop words, which Jira's analyser drops: searched alone they would find nothing. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of',
  'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

/** More words only narrow the result; past this many a query is noise, and each prefix costs Jira a term expansion. */
const MAX_WORDS = 8;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d{1,15})$/;
const ISSUE_NUMBER = /^#?(\d{1,15})$/;

/** What the picker asks Jira for: the words to search summaries with, and a key to look up. */
export interface EpicSearchPlan {
  words: string[];
  key: string | undefined;
}

export function planEpicSearch(query: string, projectKey: string): EpicSearchPlan {
  const trimmed = query.trim();
  const words = [...new Set((trimmed.toLowerCase().match(WORD) ?? []).filter((word) => !STOP_WORDS.has(word)))].slice(0, MAX_WORDS);
  const keyed = ISSUE_KEY.exec(trimmed);
  const numbered = ISSUE_NUMBER.exec(trimmed);
  const key = keyed
    ? `${keyed[1]!.toUpperCase()}-${Number(keyed[2])}`
    : numbered
      ? `${projectKey}-${Number(numbered[1])}`
      : undefined;
  return { words, key };
}

/** Lucene's special characters, each escaped with a backslash. */
export function luceneEscape(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}

/**
 * The picker's JQL. Without words (only stop words or punctuation typed) it lists the project's
 * epics most recently updated first, rather than sending a text query that can only find nothing.
 */
export function epicSearchJql(options: { projectId: string; epicTypeIds: readonly string[]; words: readonly string[] }): string {
  const scope = `project = ${options.projectId} AND issuetype in (${options.epicTypeIds.join(', ')})`;
  if (options.words.length === 0) return `${scope} ORDER BY updated DESC`;
  const lucene = options.words.map((word) => `(${luceneEscape(word)} OR ${luceneEscape(word)}*)`).join(' AND ');
  return `${scope} AND summary ~ ${jqlString(lucene)} ORDER BY rank ASC`;
}

/**
 * The project's epics whose summary words start with what the user typed, or whose key it is, at
 * most `limit`, the key match first. Never a 400 for what the user typed.
 */
export async function searchProjectEpics(
  client: JiraClient,
  options: { projectId: string; projectKey: string; epicTypeIds: readonly string[]; query: string; limit: number },
): Promise<LinkedJiraEpic[]> {
  if (options.epicTypeIds.length === 0) return [];
  const plan = planEpicSearch(options.query, options.projectKey);
  const [byKey, bySummary] = await Promise.all([
    plan.key ? getEpic(client, plan.key) : Promise.resolve(undefined),
    searchAllIssues(client, {
      jql: epicSearchJql({ projectId: options.projectId, epicTypeIds: options.epicTypeIds, words: plan.words }),
      fields: epicCardFields,
      properties: [epicLinksPropertyKey],
      pageSize: options.limit,
      maxPages: 1,
    }),
  ]);
  const epicTypes = new Set(options.epicTypeIds);
  // A key can name an issue of another project (or one moved away): only this project's epics count.
  const keyMatch = byKey && byKey.projectId === options.projectId && byKey.issueTypeId && epicTypes.has(byKey.issueTypeId) ? [byKey] : [];
  const rest = bySummary.map(toLinkedEpic).filter((epic) => epic.id !== keyMatch[0]?.id);
  return [...keyMatch, ...rest].slice(0, options.limit);
}
