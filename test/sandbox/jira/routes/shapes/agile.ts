import { zoneOffsetMs } from '../../jql/dates';
import type { SimBoard, SimProject, SimSprint } from '../../model';

/**
 * The zone sprint dates are written in. Real sites answer with an offset, not `Z`
 * (`"startDate":"2015-04-11T15:22:00.000+10:00"` in jira-software.v1.json, GET
 * /rest/agile/1.0/sprint/{sprintId}); which zone Cloud picks (the site's default or the caller's)
 * is not documented, so the simulator takes Sydney, the zone of Atlassian's example: far from UTC
 * (a sprint starting at 09:00 there is the day before in UTC) and with DST (first Sundays of
 * October and April), so offsets differ between sprints of one board.
 */
export const SPRINT_DATE_TIME_ZONE = 'Australia/Sydney';

/** `2026-11-11T09:00:00.000+11:00`: the instant on Sydney's clock, with Sydney's offset then. */
export function sprintDateTime(iso: string, timeZone: string = SPRINT_DATE_TIME_ZONE): string {
  const ms = Date.parse(iso);
  const offset = zoneOffsetMs(ms, timeZone);
  const wall = new Date(ms + offset).toISOString().slice(0, 23);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A sprint as the agile API shows it: `originBoardId` (the sprint field of REST v3 says `boardId`). */
export function sprintBean(baseUrl: string, sprint: SimSprint): Record<string, unknown> {
  return {
    id: sprint.id,
    self: `${baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
    state: sprint.state,
    name: sprint.name,
    ...(sprint.startDate ? { startDate: sprintDateTime(sprint.startDate) } : {}),
    ...(sprint.endDate ? { endDate: sprintDateTime(sprint.endDate) } : {}),
    ...(sprint.completeDate ? { completeDate: sprintDateTime(sprint.completeDate) } : {}),
    originBoardId: sprint.boardId,
    // Real sites send `goal: null` for a sprint nobody gave a goal, though SprintBean in
    // jira-software.v1.json types it as a string: clients must take both.
    goal: sprint.goal ?? null,
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
