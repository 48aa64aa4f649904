import { route } from '@forge/api';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { boardPageSchema, sprintPageSchema } from './schemas';
import type { z } from 'zod';
import type { sprintSchema } from './schemas';

export type JiraBoard = z.infer<typeof boardPageSchema>['values'][number];
export type JiraSprint = z.infer<typeof sprintSchema>;

/**
 * What we ask for. Jira answers at most 50 a page whatever is asked (JSWCLOUD-18382) and may lower
 * that cap without notice (KB "Changing maxResults parameter for Jira Cloud REST API"), so every
 * page is read by what came back: the next page starts after the values received, and `isLast`
 * ends it.
 */
const agilePageSize = 50;

/** Pages of `{values, isLast}` until Jira says the last one came (or a page comes back empty). */
async function readAllPages<T>(readPage: (startAt: number) => Promise<{ values: T[]; isLast?: boolean | undefined }>): Promise<T[]> {
  const all: T[] = [];
  for (let startAt = 0; ; ) {
    const page = await readPage(startAt);
    all.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return all;
    startAt += page.values.length;
  }
}

/**
 * Every board whose filter references the project ("relevant to a project"): a board over two
 * projects is listed under both, with a `location` naming one of them.
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-get
 */
export async function boardsOfProject(client: JiraClient, projectId: string): Promise<JiraBoard[]> {
  return readAllPages((startAt) =>
    client.send({
      path: route`/rest/agile/1.0/board?projectKeyOrId=${projectId}&startAt=${startAt}&maxResults=${agilePageSize}`,
      schema: boardPageSchema,
    }),
  );
}

/**
 * Boards that may have sprints: scrum boards always, team-managed (`simple`) boards when their
 * project has the Sprints feature on, kanban boards never.
 */
export function mayHaveSprints(board: JiraBoard): boolean {
  return board.type === 'scrum' || board.type === 'simple';
}

/**
 * Closed, active and future sprints of a board, or `undefined` when the board runs none. Whether a
 * team-managed board has its Sprints feature on is not in the board list; `/board/{id}/features`
 * would tell but costs a request per board and the admin scope `read:board-scope.admin:jira-software`
 * (jira-software.v1.json, getFeaturesForBoard). Asking for the sprints costs the same one request
 * we need anyway, and Jira answers 400 "The board does not support sprints" for a board without them.
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-boardid-sprint-get
 */
export async function sprintsOfBoard(client: JiraClient, board: Pick<JiraBoard, 'id' | 'type'>): Promise<JiraSprint[] | undefined> {
  try {
    return await readAllPages((startAt) =>
      client.send({
        path: route`/rest/agile/1.0/board/${board.id}/sprint?state=${'active,future,closed'}&startAt=${startAt}&maxResults=${agilePageSize}`,
        schema: sprintPageSchema,
      }),
    );
  } catch (error) {
    // A scrum board always has sprints: a 400 there is not "no sprints" but a fault to surface.
    if (error instanceof JiraError && error.kind === 'bad-request' && board.type !== 'scrum') return undefined;
    throw error;
  }
}
