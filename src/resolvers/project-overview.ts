import type { ProjectOverview, Result, SprintSummary } from '../contract';
import type { Request } from '@forge/resolver';
import { createJiraClient } from '../adapters/jira/client';
import { boardsOfProject, sprintsOfBoard } from '../adapters/jira/agile';
import type { JiraBoard } from '../adapters/jira/agile';
import { listChildren, listEpics } from '../adapters/jira/epics';
import { epicIssueTypeIds, getProject } from '../adapters/jira/projects';
import { mapWithConcurrency } from '../adapters/concurrency';
import type { JiraClient } from '../adapters/jira/client';
import { countChildrenByParent, emptyChildCounts } from '../domain/child-counts';
import { orderSprints } from '../domain/sprint-order';
import { statusCategoryFromJira } from '../domain/status-category';
import type { SprintState } from '../domain/model';
import { authorizeProjectView } from './authorize';
import { trustedContext } from './context';
import { ok } from './results';

/** The project page's first screen: the project's epics with child counts, and its sprints. */
export async function getProjectOverview(request: Request): Promise<Result<ProjectOverview>> {
  const jira = createJiraClient({ actor: 'user' });
  const access = await authorizeProjectView(jira, trustedContext(request.context));
  if (!access.ok) return access;
  const projectId = access.value.project.id;

  const [project, epicTypeIds, boards] = await Promise.all([
    getProject(jira, projectId),
    epicIssueTypeIds(jira, projectId),
    boardsOfProject(jira, projectId),
  ]);
  const [epics, sprints] = await Promise.all([
    listEpics(jira, { projectId, epicTypeIds }),
    sprintsOfBoards(jira, boards),
  ]);
  const children = await listChildren(jira, epics.map((epic) => epic.id));
  const counts = countChildrenByParent(
    epics.map((epic) => epic.id),
    children.map((child) => ({ parentId: child.parentId, category: statusCategoryFromJira(child.statusCategoryKey) })),
  );

  return ok({
    project: { id: project.id, key: project.key, name: project.name },
    epics: epics.map((epic) => ({
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      status: { name: epic.statusName, category: statusCategoryFromJira(epic.statusCategoryKey) },
      children: counts.get(epic.id) ?? emptyChildCounts(),
    })),
    sprints,
    boards: boards.map((board) => ({ id: board.id, name: board.name, type: board.type })),
  });
}

const sprintStates: readonly string[] = ['closed', 'active', 'future'] satisfies SprintState[];

/** Sprints of every scrum board, once each: one sprint can appear on several boards. */
async function sprintsOfBoards(jira: JiraClient, boards: readonly JiraBoard[]): Promise<SprintSummary[]> {
  const scrumBoards = boards.filter((board) => board.type === 'scrum');
  const perBoard = await mapWithConcurrency(scrumBoards, 4, async (board) => ({
    boardId: board.id,
    sprints: await sprintsOfBoard(jira, board.id),
  }));
  const byId = new Map<number, SprintSummary>();
  for (const { boardId, sprints } of perBoard) {
    for (const sprint of sprints) {
      if (!sprintStates.includes(sprint.state)) continue; // a state Jira may add later: not on a timeline
      const known = byId.get(sprint.id);
      if (known) {
        known.boardIds.push(boardId);
        continue;
      }
      byId.set(sprint.id, {
        id: sprint.id,
        name: sprint.name,
        state: sprint.state as SprintState,
        ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
        ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
        ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
        ...(sprint.goal ? { goal: sprint.goal } : {}),
        boardIds: [boardId],
      });
    }
  }
  return orderSprints([...byId.values()]);
}
