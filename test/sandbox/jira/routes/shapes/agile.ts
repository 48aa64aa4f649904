import type { SimBoard, SimProject, SimSprint } from '../../model';

/** A sprint as the agile API shows it: `originBoardId` (the sprint field of REST v3 says `boardId`). */
export function sprintBean(baseUrl: string, sprint: SimSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate ? { startDate: new Date(sprint.startDate).toISOString() } : {}),
    ...(sprint.endDate ? { endDate: new Date(sprint.endDate).toISOString() } : {}),
    ...(sprint.completeDate ? { completeDate: new Date(sprint.completeDate).toISOString() } : {}),
    originBoardId: sprint.boardId,
    goal: sprint.goal ?? '',
  };
}

export function boardBean(baseUrl: string, board: SimBoard, project: SimProject | undefined): Record<string, unknown> {
  return {
    id: board.id,
    self: `${baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    ...(project
      ? {
          location: {
            projectId: Number(project.id),
            displayName: `${project.name} (${project.key})`,
            projectName: project.name,
            projectKey: project.key,
            projectTypeKey: project.projectTypeKey,
            avatarURI: `${baseUrl}/rest/api/2/universal_avatar/view/type/project/avatar/10400?size=small`,
            name: `${project.name} (${project.key})`,
          },
        }
      : {}),
    isPrivate: false,
  };
}
