/**
 * The project's sprints for the timeline, velocity and forecasts: every sprint of its boards once,
 * with the boards that show it. Scrum boards have sprints, team-managed (`simple`) boards when the
 * project has sprints on, kanban boards none; a project without sprints gets a date timeline. By
 * default every such board supplies sprints; a Jira admin can narrow that per project (Throughline
 * settings).
 *
 * Cross-project boards: Jira lists a board under every project its filter references, so a board
 * over THR and MOB supplies its sprints to both. That is how they count here too: the sprint is on
 * both timelines, and each project measures it only through its own issues (velocity and forecasts
 * read the project's epics' children), so no project is credited with another's work. A sprint in
 * which the project did nothing is a zero for that project, which is the share of the team's
 * sprint it got; a board that is not this team's (a programme board) is left out in the settings.
 */
import { mapWithConcurrency } from '../concurrency';
import type { TimelineSprint } from '../../domain/delivery';
import type { SprintState } from '../../domain/model';
import { boardsOfProject, mayHaveSprints, sprintsOfBoard } from '../jira/agile';
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
  const supplying = boards.filter((board) => mayHaveSprints(board) && (chosen === undefined || chosen.has(board.id)));
  const perBoard = await mapWithConcurrency(supplying, 4, async (board) => ({ boardId: board.id, sprints: (await sprintsOfBoard(jira, board)) ?? [] }));
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
