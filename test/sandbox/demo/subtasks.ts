import type { SimIssue, SimIssueType } from '../jira/model';
import { STATUS_IDS } from './catalog';
import type { IssueNumbering } from './issues';
import type { Random } from './random';
import { subtaskSummaries } from './summaries';

const HOUR_MS = 3600_000;

/** Subtasks under a few stories that are in flight or done: the -1 level of the hierarchy. */
export function addSubtasks(args: {
  issues: SimIssue[];
  issueTypes: SimIssueType[];
  projectKeys: Map<string, string>;
  parents: number;
  random: Random;
  numbering: IssueNumbering;
  now: number;
}): SimIssue[] {
  const { issues, issueTypes, projectKeys, random, numbering, now } = args;
  const typeById = new Map(issueTypes.map((t) => [t.id, t]));
  const scoped = (projectId: string): boolean => issueTypes.some((t) => t.scopeProjectId === projectId);
  const subtaskTypeOf = (projectId: string): string | undefined =>
    issueTypes.find(
      (t) => t.hierarchyLevel === -1 && (t.scopeProjectId === projectId || (t.scopeProjectId === undefined && !scoped(projectId))),
    )?.id;
  const candidates = issues.filter(
    (i) => typeById.get(i.issueTypeId)?.hierarchyLevel === 0 && i.statusId !== STATUS_IDS.backlog && i.sprintIds.length > 0,
  );
  const subtasks: SimIssue[] = [];
  for (let n = 0; n < args.parents && candidates.length > 0; n += 1) {
    const [parent] = candidates.splice(random.int(0, candidates.length - 1), 1);
    const typeId = parent ? subtaskTypeOf(parent.projectId) : undefined;
    const key = parent ? projectKeys.get(parent.projectId) : undefined;
    if (!parent || !typeId || !key) continue;
    const parentDone = parent.resolutiondate !== undefined;
    for (const summary of subtaskSummaries(random, random.int(1, 3))) {
      const created = Math.min(now - 2 * HOUR_MS, Date.parse(parent.created) + random.int(2, 48) * HOUR_MS);
      const done = parentDone || random.chance(0.4);
      const resolved = done ? Math.min(now, Date.parse(parent.resolutiondate ?? parent.updated)) : undefined;
      const updated = Math.max(created + HOUR_MS, resolved ?? Math.min(now, created + random.int(1, 72) * HOUR_MS));
      subtasks.push({
        ...numbering.next(key),
        projectId: parent.projectId,
        issueTypeId: typeId,
        summary,
        statusId: done ? STATUS_IDS.done : random.pick([STATUS_IDS.toDo, STATUS_IDS.inProgress]),
        parentId: parent.id,
        sprintIds: parent.sprintIds,
        labels: [],
        ...(parent.assigneeAccountId ? { assigneeAccountId: parent.assigneeAccountId } : {}),
        reporterAccountId: parent.assigneeAccountId ?? parent.reporterAccountId,
        priorityName: parent.priorityName,
        created: new Date(created).toISOString(),
        updated: new Date(updated).toISOString(),
        ...(resolved !== undefined ? { resolutiondate: new Date(Math.max(resolved, created + HOUR_MS)).toISOString() } : {}),
        customFields: {},
        properties: {},
      });
    }
  }
  return subtasks;
}
