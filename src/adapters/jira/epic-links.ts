/**
 * Epics and their link property, read and written through the caller's Jira client. Written as the
 * user, Jira itself decides whether they may edit that epic (403 otherwise), and it indexes the
 * property for JQL as the manifest's `jira:entityProperty` declares.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { epicLinksPropertyKey, hasLinks, readEpicLinks } from '../../domain/epic-links';
import type { EpicLinks } from '../../domain/epic-links';
import type { LinkSyncState } from '../../domain/link-sync';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { maxReconciledIssues, reconcileIds, searchAllIssues } from './search';
import { inBatches } from '../concurrency';
import { issueTypeFieldSchema, statusFieldSchema } from './schemas';
import type { SearchedIssue } from './schemas';

export interface LinkedJiraEpic {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  statusCategoryKey: string | undefined;
  /** The project the epic is in now (it may have moved since it was linked). */
  projectId: string | undefined;
  issueTypeId: string | undefined;
  links: EpicLinks;
  /** Jira's `updated` of the epic itself (its own fields, comments, links), not of its children. */
  updated: string | undefined;
  /** Set when `links` come from storage and the epic's property has yet to follow (delivery/link-sync.ts). */
  sync?: LinkSyncState;
  /** Ids of issues this epic blocks, and of those blocking it (Jira issue links of type Blocks), as the reader saw them. */
  blocks?: string[];
  blockedBy?: string[];
}

/** What an epic's card needs: the roadmap shows these and checks the type and project. */
export const epicCardFields = ['summary', 'status', 'project', 'issuetype', 'updated', 'issuelinks'];
const epicFields = epicCardFields;

/**
 * Ids of the project's epics the actor may see, in rank order. Asking for ids alone lets Jira
 * answer up to 5,000 a page (100 with fields), so this is one request for any real project.
 * `reconcileIssues` (at most 50): epics the app created or linked moments ago, which Jira's search
 * index may not list yet ("read-after-write" for those issues, as the user may see them).
 */
export async function visibleEpicIds(
  client: JiraClient,
  options: { projectId: string; epicTypeIds: readonly string[]; reconcileIssues?: readonly string[] },
): Promise<string[]> {
  if (options.epicTypeIds.length === 0) return [];
  const reconcile = reconcileIds(options.reconcileIssues);
  const ids: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await client.send({
      method: 'POST',
      path: route`/rest/api/3/search/jql`,
      body: {
        jql: `project = ${options.projectId} AND issuetype in (${options.epicTypeIds.join(', ')}) ORDER BY rank ASC`,
        fields: ['id'],
        maxResults: 5_000,
        ...(reconcile.length > 0 ? { reconcileIssues: reconcile } : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
      },
      schema: idPageSchema,
    });
    ids.push(...page.issues.map((issue) => issue.id));
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
  return ids;
}

/** An ids-only search page: issues carry their `id` and nothing else. */
const idPageSchema = z.looseObject({ issues: z.array(z.looseObject({ id: z.string() })), nextPageToken: z.string().nullish() });

/**
 * The project's epics in rank order with their links, as the client's actor may see them: one paged
 * search. `reconcileIssues` (at most 50): epics whose links the app wrote moments ago, which Jira's
 * search index may not show yet.
 */
export async function listEpicsWithLinks(
  client: JiraClient,
  options: { projectId: string; epicTypeIds: readonly string[]; reconcileIssues?: readonly string[] },
): Promise<LinkedJiraEpic[]> {
  if (options.epicTypeIds.length === 0) return [];
  const issues = await searchAllIssues(client, {
    jql: `project = ${options.projectId} AND issuetype in (${options.epicTypeIds.join(', ')}) ORDER BY rank ASC`,
    fields: epicFields,
    properties: [epicLinksPropertyKey],
    ...(options.reconcileIssues ? { reconcileIssues: options.reconcileIssues } : {}),
  });
  return issues.map(toLinkedEpic);
}

/**
 * Given epics by id, with their links as they are now; ids Jira does not show the user are simply
 * absent. Every id is reconciled: callers check a links version against it before writing, and
 * the search index may still hold an older version (a lost update if it matched a stale request).
 */
export async function epicsByIds(client: JiraClient, ids: readonly string[]): Promise<LinkedJiraEpic[]> {
  if (ids.length === 0) return [];
  const found: LinkedJiraEpic[] = [];
  for (const batch of inBatches([...new Set(ids)], maxReconciledIssues)) {
    const issues = await searchAllIssues(client, {
      jql: `id in (${batch.join(', ')})`,
      fields: epicFields,
      properties: [epicLinksPropertyKey],
      reconcileIssues: batch,
    });
    found.push(...issues.map(toLinkedEpic));
  }
  return found;
}

/** One epic by id or key with its links; undefined when Jira does not show it to the actor. */
export async function getEpic(client: JiraClient, idOrKey: string): Promise<LinkedJiraEpic | undefined> {
  try {
    const issue = await client.send({
      path: route`/rest/api/3/issue/${idOrKey}?fields=${epicFields.join(',')}&properties=${epicLinksPropertyKey}`,
      schema: singleIssueSchema,
    });
    return toLinkedEpic(issue);
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

/**
 * Writes the epic's links, or deletes the property once nothing is linked (so JQL's
 * `throughlineGoal IS EMPTY` and Jira's own views stay clean). Throws Jira's 403 as a JiraError.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-put
 */
export async function writeEpicLinks(client: JiraClient, epicId: string, links: EpicLinks): Promise<void> {
  if (!hasLinks(links)) {
    try {
      await client.send({ method: 'DELETE', path: route`/rest/api/3/issue/${epicId}/properties/${epicLinksPropertyKey}`, schema: z.unknown() });
    } catch (error) {
      if (!(error instanceof JiraError && error.kind === 'not-found')) throw error; // already gone
    }
    return;
  }
  await client.send({ method: 'PUT', path: route`/rest/api/3/issue/${epicId}/properties/${epicLinksPropertyKey}`, body: links, schema: z.unknown() });
}

const singleIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

const projectFieldSchema = z.looseObject({ id: z.union([z.string(), z.number()]) });

export function toLinkedEpic(issue: Pick<SearchedIssue, 'id' | 'key' | 'fields' | 'properties'>): LinkedJiraEpic {
  const status = statusFieldSchema.safeParse(issue.fields?.status);
  const project = projectFieldSchema.safeParse(issue.fields?.project);
  const issueType = issueTypeFieldSchema.safeParse(issue.fields?.issuetype);
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : issue.key,
    statusName: status.success ? status.data.name : 'Unknown',
    statusCategoryKey: status.success ? status.data.statusCategory?.key : undefined,
    projectId: project.success ? String(project.data.id) : undefined,
    issueTypeId: issueType.success ? String(issueType.data.id) : undefined,
    links: readEpicLinks(issue.properties?.[epicLinksPropertyKey]),
    updated: typeof issue.fields?.updated === 'string' && Number.isFinite(Date.parse(issue.fields.updated)) ? new Date(issue.fields.updated).toISOString() : undefined,
    ...blockLinksOf(issue.fields?.issuelinks),
  };
}

const issueLinksSchema = z.array(
  z.looseObject({
    type: z.looseObject({ name: z.string().optional() }).optional(),
    outwardIssue: z.looseObject({ id: z.string() }).optional(),
    inwardIssue: z.looseObject({ id: z.string() }).optional(),
  }),
);

/**
 * Blocks links from the epic's side: `outwardIssue` is an issue it blocks, `inwardIssue` one that
 * blocks it. Jira lists only links to issues the reader may see. Matched by the type's name, the
 * one Jira Cloud creates ("Blocks": blocks / is blocked by); a renamed type is not recognised.
 * @see https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-linking/
 */
function blockLinksOf(value: unknown): { blocks?: string[]; blockedBy?: string[] } {
  const parsed = issueLinksSchema.safeParse(value);
  if (!parsed.success) return {};
  const blocking = parsed.data.filter((link) => link.type?.name === 'Blocks');
  const blocks = [...new Set(blocking.flatMap((link) => (link.outwardIssue ? [link.outwardIssue.id] : [])))];
  const blockedBy = [...new Set(blocking.flatMap((link) => (link.inwardIssue ? [link.inwardIssue.id] : [])))];
  return { ...(blocks.length > 0 ? { blocks } : {}), ...(blockedBy.length > 0 ? { blockedBy } : {}) };
}

/** A JQL string literal: quotes and backslashes escaped, so user text stays text. */
export function jqlString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
