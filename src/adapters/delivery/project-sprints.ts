/**
 * The project's sprints for the timeline, velocity and forecasts: every sprint of its scrum boards
 * once, with the boards that show it. Kanban boards have no sprints (Jira answers 400), so a
 * kanban-only project has none and the timeline falls back to dates. By default every scrum
 * board supplies sprints; a Jira admin can narrow that per project (Throughline settings).
 */
import { mapWithConcurrency } from '../concurrency';
import type { TimelineSprint } from '../../domain/delivery';
import type { SprintState } from '../../domain/model';
import { boardsOfProject, sprintsOfBoard } from '../jira/agile';
import type { JiraBoard } from '../jira/agile';
import type { JiraClient } from '../jira/client';
import { loadSprintBoards } from '../storage/sprint-board-setting';

const sprintStates: ReadonlySet<string> = new Set<SprintState>(['closed', 'active', 'future']);

export async function loadProjectSprints(
  jira: JiraClient,
  options: { projectId: string; boards?: readonly JiraBoard[] },
): Promise<{ boards: JiraBoard[]; sprints: TimelineSprint[] }> {
  const [boards, selection] = await Promise.all([
    options.boards ? [...options.boards] : boardsOfProject(jira, options.projectId),
    loadSprintBoards(options.projectId),
  ]);
  // A chosen board that no longer exists (or that the viewer cannot see) simply supplies nothing.
  const chosen = selection.boardIds ? new Set(selection.boardIds) : undefined;
  const scrum = boards.filter((board) => board.type === 'scrum' && (chosen === undefined || chosen.has(board.id)));
  const perBoard = await mapWithConcurrency(scrum, 4, async (board) => ({ boardId: board.id, sprints: await sprintsOfBoard(jira, board.id) }));
  const byId = new Map<number, TimelineSprint & { boardIds: number[] }>();
  for (const { boardId, sprints } of perBoard) {
    for (const sprint of sprints) {
      if (!sprintStates.has(sprint.state)) continue; // a state Jira may add later: not on a timeline
      const known = byId.get(sprint.id);
      if (known) {
        if (!known.boardIds.includes(boardId)) known.boardIds.push(boardId);
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
  return { boards, sprints: [...byId.values()] };
}
