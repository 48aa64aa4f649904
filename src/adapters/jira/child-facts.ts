/**
 * Epics' child issues as roll-up facts: status category, story points, sprints. Three ways to get
 * them: a full crawl of some epics (`parent in (…)`, batched, in parallel, within the time left),
 * the project's changes since a moment (`updated >= …`, the incremental sync), and one issue by id
 * (issue events).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { inBatches, mapWithConcurrency } from '../concurrency';
import { invocationRemainingMs } from '../forge-runtime';
import type { ChildFact } from '../../domain/delivery';
import type { ObservedChild } from '../../domain/epic-facts';
import { statusCategoryFromJira } from '../../domain/status-category';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { QuotaReserveReached } from './pacing';
import { parentFieldSchema, statusFieldSchema } from './schemas';
import { searchAllIssues } from './search';
import { epicCardFields, toLinkedEpic } from './epic-links';
import type { LinkedJiraEpic } from './epic-links';
import { epicLinksPropertyKey } from '../../domain/epic-links';

/** The custom fields facts are read from; either may be missing on a site. */
export interface FactFields {
  storyPointFieldId?: string;
  sprintFieldId?: string;
}

/** Only what facts need: every extra field costs Jira time and payload. */
export function factSearchFields(fields: FactFields): string[] {
  return ['parent', 'status', 'issuetype', 'security', 'fixVersions', ...(fields.storyPointFieldId ? [fields.storyPointFieldId] : []), ...(fields.sprintFieldId ? [fields.sprintFieldId] : [])];
}

const issueTypeSchema = z.looseObject({ subtask: z.boolean().optional(), hierarchyLevel: z.number().optional() });

/**
 * An issue's facts, or undefined for subtasks and epics (never an epic's children here) and for
 * issues with a security level. The facts go to a cache that every browser of the project reads,
 * and a level hides its issues from some of them (and from the app, unless the level lists the
 * add-on role): such a child is never counted, for anyone, so no roll-up reveals its status,
 * points or sprints to someone Jira hides it from.
 * @see https://support.atlassian.com/jira-service-management-cloud/docs/create-security-levels-for-issues/
 */
export function observedChildOf(issue: { id: string; fields?: Record<string, unknown> }, fields: FactFields): ObservedChild | undefined {
  if (hasSecurityLevel(issue)) return undefined;
  const type = issueTypeSchema.safeParse(issue.fields?.issuetype);
  const level = type.success ? (type.data.hierarchyLevel ?? (type.data.subtask ? -1 : 0)) : 0;
  if (level !== 0) return undefined;
  const parent = parentFieldSchema.safeParse(issue.fields?.parent);
  const status = statusFieldSchema.safeParse(issue.fields?.status);
  const points = fields.storyPointFieldId ? pointsOf(issue.fields?.[fields.storyPointFieldId]) : undefined;
  return {
    id: issue.id,
    category: statusCategoryFromJira(status.success ? status.data.statusCategory?.key : undefined),
    ...(points === undefined ? {} : { points }),
    sprintIds: fields.sprintFieldId ? sprintIdsOf(issue.fields?.[fields.sprintFieldId]) : [],
    ...fixVersionsOf(issue.fields?.fixVersions),
    ...(parent.success ? { parentId: parent.data.id } : {}),
  };
}

const fixVersionsSchema = z.array(z.looseObject({ id: z.string() }));

/** `fixVersions`: Version beans; only their ids are kept (names and dates come from the project's versions). */
function fixVersionsOf(value: unknown): { fixVersionIds?: string[] } {
  const parsed = fixVersionsSchema.safeParse(value);
  const ids = parsed.success ? [...new Set(parsed.data.map((version) => version.id))] : [];
  return ids.length > 0 ? { fixVersionIds: ids } : {};
}

/** The `security` field names a level (SecurityLevel bean); null or absent = every project browser sees the issue. */
export function hasSecurityLevel(issue: { fields?: Record<string, unknown> }): boolean {
  const security = issue.fields?.security;
  return typeof security === 'object' && security !== null;
}

/** A usable estimate: a finite, non-negative number. Anything else is "unestimated", never 0. */
function pointsOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The sprint field: REST v3 gives sprint objects (`{id, name, state, …}`), oldest first; older
 * payloads gave strings like `com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=12,…]`.
 */
function sprintIdsOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  const ids = value.flatMap((entry): number[] => {
    if (typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'number') return [(entry as { id: number }).id];
    const match = typeof entry === 'string' ? /\bid=(\d+)/.exec(entry) : null;
    return match ? [Number(match[1])] : [];
  });
  return [...new Set(ids)];
}

export interface CrawlOptions {
  epicIds: readonly string[];
  fields: FactFields;
  /** Epic ids per `parent in (…)` query: small enough that most batches are one page, so pages run in parallel. */
  epicsPerQuery?: number;
  /** Batches in flight: hides latency without tripping Jira's burst rate limit. */
  concurrency?: number;
  /** Batches are not started with less time left than this: the rest is reported pending. */
  reserveMs?: number;
  remainingMs?: () => number | undefined;
  /** Each batch's epics as soon as they are complete (a long crawl stores them as it goes). */
  onBatch?: (byEpic: ReadonlyMap<string, ChildFact[]>) => void;
}

export interface Crawl {
  /** Every crawled epic, with its children (possibly none). */
  byEpic: Map<string, ChildFact[]>;
  /** Epics not crawled for lack of time in this invocation, or because the job stopped at Jira's NearLimit. */
  pending: string[];
  /** The job's pacer stopped it at Jira's NearLimit: the hourly quota resets then (epoch ms). */
  quotaResumeAt?: number;
}

export const crawlDefaults = { epicsPerQuery: 10, concurrency: 6, reserveMs: 5_000 } as const;

/** The children of the given epics, all of them, batched and in parallel within the time left. */
export async function crawlChildren(jira: JiraClient, options: CrawlOptions): Promise<Crawl> {
  assertIssueIds(options.epicIds);
  const size = options.epicsPerQuery ?? crawlDefaults.epicsPerQuery;
  const reserveMs = options.reserveMs ?? crawlDefaults.reserveMs;
  const remainingMs = options.remainingMs ?? invocationRemainingMs;
  const batches = inBatches(options.epicIds, size);

  const byEpic = new Map<string, ChildFact[]>();
  const pending: string[] = [];
  let quotaResumeAt: number | undefined;
  await mapWithConcurrency(batches, options.concurrency ?? crawlDefaults.concurrency, async (batch) => {
    const left = remainingMs();
    if (left !== undefined && left < reserveMs) {
      pending.push(...batch);
      return;
    }
    let issues;
    try {
      issues = await searchAllIssues(jira, { jql: `parent in (${batch.join(', ')})`, fields: factSearchFields(options.fields) });
    } catch (error) {
      // Out of time mid-batch: the epics stay uncached and the next load picks them up.
      if (error instanceof JiraError && error.kind === 'out-of-time') {
        pending.push(...batch);
        return;
      }
      // People keep the rest of the hour: the batch (even half-read) waits for the reset.
      if (error instanceof QuotaReserveReached) {
        quotaResumeAt = Math.max(quotaResumeAt ?? 0, error.resumeAt);
        pending.push(...batch);
        return;
      }
      throw error;
    }
    const found = new Map<string, ChildFact[]>(batch.map((epicId) => [epicId, []]));
    for (const issue of issues) {
      const child = observedChildOf(issue, options.fields);
      // A child that moved out between query and answer is simply not here.
      if (!child?.parentId || !found.has(child.parentId)) continue;
      const { parentId, ...fact } = child;
      found.get(parentId)?.push(fact);
    }
    for (const [epicId, children] of found) byEpic.set(epicId, children);
    options.onBatch?.(found);
  });
  return { byEpic, pending, ...(quotaResumeAt === undefined ? {} : { quotaResumeAt }) };
}

/**
 * Issues of the project changed since the JQL date literal (`-95m`, see domain/jql-date.ts): standard issues
 * with their facts, and the ids of the others (epics, subtasks), which are no epic's children now
 * even if one of them was (an issue converted to a subtask).
 */
export async function changedSince(
  jira: JiraClient,
  options: { projectId: string; literal: string; fields: FactFields; epicCards?: boolean },
): Promise<{ children: ObservedChild[]; others: string[]; epics: LinkedJiraEpic[] }> {
  assertIssueIds([options.projectId]);
  const issues = await searchAllIssues(jira, {
    jql: `project = ${options.projectId} AND updated >= "${options.literal}"`,
    // With `epicCards`, changed epics come back whole (summary, status, links) in the same search.
    fields: options.epicCards ? [...factSearchFields(options.fields), ...epicCardFields.filter((field: string) => field !== 'status' && field !== 'issuetype')] : factSearchFields(options.fields),
    ...(options.epicCards ? { properties: [epicLinksPropertyKey] } : {}),
  });
  const children: ObservedChild[] = [];
  const others: string[] = [];
  const epics: LinkedJiraEpic[] = [];
  for (const issue of issues) {
    const child = observedChildOf(issue, options.fields);
    if (child) children.push(child);
    else others.push(issue.id);
    if (options.epicCards && issueTypeSchema.safeParse(issue.fields?.issuetype).data?.hierarchyLevel === 1) epics.push(toLinkedEpic(issue));
  }
  return { children, others, epics };
}

/** Ids go into JQL: only Jira's numeric ids, never text from elsewhere. */
export function assertIssueIds(ids: readonly string[]): void {
  const bad = ids.find((id) => !/^\d+$/.test(id));
  if (bad !== undefined) throw new RangeError(`Not a Jira id: ${JSON.stringify(bad)}`);
}

const issueSchema = z.looseObject({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()).optional() });

/**
 * One issue's facts now, or `missing` when Jira no longer shows it (deleted, or not visible to the
 * actor) or it carries a security level (never in the shared cache, see `observedChildOf`).
 * `not-child` for subtasks and epics.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 */
export async function fetchChild(jira: JiraClient, issueId: string, fields: FactFields): Promise<ObservedChild | 'missing' | 'not-child'> {
  try {
    const issue = await jira.send({
      path: route`/rest/api/3/issue/${issueId}?fields=${factSearchFields(fields).join(',')}`,
      schema: issueSchema,
    });
    if (hasSecurityLevel(issue)) return 'missing';
    return observedChildOf(issue, fields) ?? 'not-child';
  } catch (error) {
    if (error instanceof JiraError && (error.kind === 'not-found' || error.kind === 'forbidden')) return 'missing';
    throw error;
  }
}
