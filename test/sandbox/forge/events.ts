/**
 * Product event payloads shaped like Forge's ("Jira events", "Jira Software events" reference):
 * built from a simulated site so a test fires exactly what Jira would send after a change.
 * Built for any issue, whoever may see it: Forge delivers events of restricted projects and
 * issues too, and `asApp()` reads then get only what the app user may see (the add-on role's
 * permissions, issue security levels listing that role), so a handler must expect its read of the
 * event's own issue to answer 404.
 * @see https://developer.atlassian.com/platform/forge/events-reference/product_events/
 */
import type { SimIssue, SimSite, SimSprint } from '../jira/model';

export type IssueEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';
export type SprintEventType =
  | 'avi:jira-software:created:sprint'
  | 'avi:jira-software:updated:sprint'
  | 'avi:jira-software:started:sprint'
  | 'avi:jira-software:closed:sprint'
  | 'avi:jira-software:deleted:sprint';

/** One changelog item, as Jira's issue changelog reports it. */
export interface ChangeItem {
  field: string;
  fieldtype?: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface IssueEvent {
  eventType: IssueEventType;
  issue: { id: string; key: string; fields: Record<string, unknown> };
  atlassianId?: string;
  associatedUsers?: Array<{ accountId: string }>;
  changelog?: { id: string; items: ChangeItem[] };
}

export interface SprintEvent {
  eventType: SprintEventType;
  sprint: Record<string, unknown>;
  atlassianId?: string;
}

export function issueEvent(
  site: SimSite,
  params: { eventType: IssueEventType; issueKey: string; atlassianId?: string; changelog?: ChangeItem[] },
): IssueEvent {
  const issue = site.issues.find((candidate) => candidate.key === params.issueKey);
  if (!issue) throw new Error(`No issue ${params.issueKey} on the simulated site`);
  return {
    eventType: params.eventType,
    issue: { id: issue.id, key: issue.key, fields: eventFields(site, issue) },
    ...(params.atlassianId ? { atlassianId: params.atlassianId, associatedUsers: [{ accountId: params.atlassianId }] } : {}),
    ...(params.eventType === 'avi:jira:updated:issue'
      ? { changelog: { id: String(Date.now()), items: params.changelog ?? [] } }
      : {}),
  };
}

export function sprintEvent(site: SimSite, params: { eventType: SprintEventType; sprintId: number; atlassianId?: string }): SprintEvent {
  const sprint = site.sprints.find((candidate) => candidate.id === params.sprintId);
  if (!sprint) throw new Error(`No sprint ${params.sprintId} on the simulated site`);
  return {
    eventType: params.eventType,
    sprint: sprintFields(site, sprint),
    ...(params.atlassianId ? { atlassianId: params.atlassianId } : {}),
  };
}

/** The fields an issue event carries (a subset of the REST issue; no custom fields). */
function eventFields(site: SimSite, issue: SimIssue): Record<string, unknown> {
  const type = site.issueTypes.find((candidate) => candidate.id === issue.issueTypeId);
  const project = site.projects.find((candidate) => candidate.id === issue.projectId);
  const status = site.statuses.find((candidate) => candidate.id === issue.statusId);
  const user = (accountId: string | undefined): { accountId: string } | null => (accountId ? { accountId } : null);
  return {
    summary: issue.summary,
    issuetype: type && {
      id: type.id,
      name: type.name,
      subtask: type.hierarchyLevel === -1,
      hierarchyLevel: type.hierarchyLevel,
    },
    project: project && {
      id: project.id,
      key: project.key,
      name: project.name,
      projectTypeKey: project.projectTypeKey,
      simplified: project.style === 'next-gen',
    },
    status: status && { id: status.id, name: status.name, statusCategory: { key: status.category } },
    creator: user(issue.reporterAccountId),
    reporter: user(issue.reporterAccountId),
    assignee: user(issue.assigneeAccountId),
    created: issue.created,
    updated: issue.updated,
  };
}

function sprintFields(site: SimSite, sprint: SimSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${site.baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    originBoardId: sprint.boardId,
    ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
    ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
    ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
    ...(sprint.goal ? { goal: sprint.goal } : {}),
  };
}
