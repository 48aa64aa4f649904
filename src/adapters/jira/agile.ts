import { route } from '@forge/api';
import type { JiraClient } from './client';
import { boardPageSchema, sprintPageSchema } from './schemas';
import type { z } from 'zod';
import type { sprintSchema } from './schemas';

export type JiraBoard = z.infer<typeof boardPageSchema>['values'][number];
export type JiraSprint = z.infer<typeof sprintSchema>;

const agilePageSize = 50;

/** @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-get */
export async function boardsOfProject(client: JiraClient, projectId: string): Promise<JiraBoard[]> {
  const boards: JiraBoard[] = [];
  for (let startAt = 0; ; startAt += agilePageSize) {
    const page = await client.send({
      path: route`/rest/agile/1.0/board?projectKeyOrId=${projectId}&startAt=${startAt}&maxResults=${agilePageSize}`,
      schema: boardPageSchema,
    });
    boards.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return boards;
  }
}

/**
 * Closed, active and future sprints of a scrum board. Only scrum boards have sprints: Jira answers
 * 400 for a kanban board, so callers filter by `type` first.
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-boardid-sprint-get
 */
export async function sprintsOfBoard(client: JiraClient, boardId: number): Promise<JiraSprint[]> {
  const sprints: JiraSprint[] = [];
  for (let startAt = 0; ; startAt += agilePageSize) {
    const page = await client.send({
      path: route`/rest/agile/1.0/board/${boardId}/sprint?state=${'active,future,closed'}&startAt=${startAt}&maxResults=${agilePageSize}`,
      schema: sprintPageSchema,
    });
    sprints.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return sprints;
  }
}
