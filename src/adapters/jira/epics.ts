import type { JiraClient } from './client';
import { inBatches, mapWithConcurrency } from '../concurrency';
import { searchAllIssues } from './search';
import { parentFieldSchema, statusFieldSchema } from './schemas';
import type { SearchedIssue } from './schemas';

export interface JiraEpic {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  statusCategoryKey: string | undefined;
}

export interface JiraChildIssue {
  id: string;
  key: string;
  parentId: string;
  statusCategoryKey: string | undefined;
}

/** Epic ids per `parent in (…)` query: keeps the JQL well under Jira's length limit. */
const parentsPerQuery = 50;
/** Parallel child searches: enough to hide latency, few enough to stay under the burst limit. */
const childSearchConcurrency = 4;

/** The project's epics in rank order, as the client's actor may see them. */
export async function listEpics(
  client: JiraClient,
  options: { projectId: string; epicTypeIds: readonly string[] },
): Promise<JiraEpic[]> {
  if (options.epicTypeIds.length === 0) return [];
  const issues = await searchAllIssues(client, {
    jql: `project = ${options.projectId} AND issuetype in (${options.epicTypeIds.join(', ')}) ORDER BY rank ASC`,
    fields: ['summary', 'status'],
  });
  return issues.map((issue) => {
    const status = statusFieldSchema.safeParse(issue.fields?.status);
    return {
      id: issue.id,
      key: issue.key,
      summary: typeof issue.fields?.summary === 'string' ? issue.fields.summary : issue.key,
      statusName: status.success ? status.data.name : 'Unknown',
      statusCategoryKey: status.success ? status.data.statusCategory?.key : undefined,
    };
  });
}

/** The direct children of the given epics (stories, tasks, bugs: not subtasks), batched and in parallel. */
export async function listChildren(client: JiraClient, epicIds: readonly string[]): Promise<JiraChildIssue[]> {
  const pages = await mapWithConcurrency(inBatches(epicIds, parentsPerQuery), childSearchConcurrency, (batch) =>
    searchAllIssues(client, { jql: `parent in (${batch.join(', ')})`, fields: ['parent', 'status'] }),
  );
  return pages.flat().flatMap((issue) => toChild(issue) ?? []);
}

function toChild(issue: SearchedIssue): JiraChildIssue | undefined {
  const parent = parentFieldSchema.safeParse(issue.fields?.parent);
  if (!parent.success) return undefined; // moved out of the epic between query and answer
  const status = statusFieldSchema.safeParse(issue.fields?.status);
  return {
    id: issue.id,
    key: issue.key,
    parentId: parent.data.id,
    statusCategoryKey: status.success ? status.data.statusCategory?.key : undefined,
  };
}
