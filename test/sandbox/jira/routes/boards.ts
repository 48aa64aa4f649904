import type { SimBoard, SimStatus, StatusCategoryKey } from '../model';
import type { RouteContext } from './context';
import { intParam, listParam, numericParam } from './context';
import { MESSAGES, ok, reject } from './http';
import type { Route } from './router';
import { boardBean, sprintBean } from './shapes/agile';

/** The agile API refuses anonymous callers outright (its OpenAPI: 401 "the user is not logged in"). */
export function requireLogin(ctx: RouteContext): void {
  if (ctx.caller.kind === 'anonymous') reject(401, MESSAGES.notAuthenticated);
}

/** A board is visible when its project is; otherwise Jira answers as if it did not exist. */
export function visibleBoard(ctx: RouteContext): SimBoard {
  requireLogin(ctx);
  const board = ctx.index.board(numericParam(ctx, 'boardId', MESSAGES.boardNotFound));
  if (!board || !ctx.access.canBrowseProjectId(board.projectId)) reject(404, MESSAGES.boardNotFound);
  return board;
}

/**
 * The agile API pages with startAt/maxResults and answers at most 50 a page whatever is asked, with
 * `maxResults: 50` (JSWCLOUD-18382: /board, /board/{id}/sprint, /board/{id}/project, /board/{id}/epic).
 * A site may cap lower (`SimSite.agileMaxResults`): Jira says caps change without notice, so clients
 * must page by what came back.
 */
export function agilePage(ctx: RouteContext, cap = 50): { startAt: number; maxResults: number } {
  const siteCap = ctx.site.agileMaxResults ?? cap;
  return {
    startAt: Math.max(0, intParam(ctx, 'startAt', 0)),
    maxResults: Math.min(Math.max(intParam(ctx, 'maxResults', 50), 1), cap, siteCap),
  };
}

/**
 * Scrum boards have sprints; a team-managed (`simple`) board only with its project's Sprints feature
 * on; kanban boards never. The others answer 400 "The board does not support sprints".
 */
export function boardHasSprints(board: SimBoard): boolean {
  return board.type === 'scrum' || (board.type === 'simple' && board.sprintsEnabled === true);
}

/**
 * `projectKeyOrId` finds the boards "relevant to a project": those whose filter references it
 * (getAllBoards in jira-software.v1.json), so a board over two projects is listed under both while
 * its `location` names one.
 */
export function boardCoversProject(board: SimBoard, projectId: string): boolean {
  return (board.filterProjectIds ?? [board.projectId]).includes(projectId);
}

function listBoards(ctx: RouteContext) {
  requireLogin(ctx);
  const { startAt, maxResults } = agilePage(ctx);
  const projectRef = ctx.query.get('projectKeyOrId');
  const project = projectRef ? ctx.index.project(projectRef) : undefined;
  const types = new Set(listParam(ctx, 'type'));
  const name = ctx.query.get('name')?.toLowerCase() ?? '';
  const boards = ctx.site.boards
    .filter((b) => ctx.access.canBrowseProjectId(b.projectId))
    // An unknown or hidden project simply has no boards to show.
    .filter((b) => !projectRef || (project !== undefined && ctx.access.canBrowseProjectId(project.id) && boardCoversProject(b, project.id)))
    .filter((b) => types.size === 0 || types.has(b.type))
    .filter((b) => name === '' || b.name.toLowerCase().includes(name));
  const page = boards.slice(startAt, startAt + maxResults);
  return ok({
    maxResults,
    startAt,
    total: boards.length,
    isLast: startAt + maxResults >= boards.length,
    values: page.map((b) => boardBean(ctx.site.baseUrl, b, ctx.index.project(b.projectId))),
  });
}

const COLUMN_OF: Record<StatusCategoryKey, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

/** Columns by status category; the estimation field only where the board estimates with one. */
function configuration(ctx: RouteContext) {
  const board = visibleBoard(ctx);
  const baseUrl = ctx.site.baseUrl;
  const project = ctx.index.project(board.projectId);
  const column = (category: StatusCategoryKey) => ({
    name: COLUMN_OF[category],
    statuses: ctx.site.statuses
      .filter((s: SimStatus) => s.category === category)
      .map((s) => ({ id: s.id, self: `${baseUrl}/rest/api/2/status/${s.id}` })),
  });
  const estimationField = board.estimationFieldId ? ctx.index.field(board.estimationFieldId) : undefined;
  const rankField = ctx.site.fields.find((f) => f.schema.custom === 'com.pyxis.greenhopper.jira:gh-lexo-rank');
  const filterId = String(10000 + board.id);
  return ok({
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${baseUrl}/rest/agile/1.0/board/${board.id}/configuration`,
    location: {
      type: 'project',
      ...(project ? { key: project.key, id: project.id, self: `${baseUrl}/rest/api/2/project/${project.id}`, name: project.name } : {}),
    },
    filter: { id: filterId, self: `${baseUrl}/rest/api/2/filter/${filterId}` },
    ...(board.type === 'kanban' ? { subQuery: { query: 'fixVersion in unreleasedVersions() OR fixVersion is EMPTY' } } : {}),
    columnConfig: { columns: (['new', 'indeterminate', 'done'] as const).map(column), constraintType: 'none' },
    ...(estimationField
      ? { estimation: { type: 'field', field: { fieldId: estimationField.id, displayName: estimationField.name } } }
      : {}),
    ...(rankField?.schema.customId !== undefined ? { ranking: { rankCustomFieldId: rankField.schema.customId } } : {}),
  });
}

const STATE_ORDER = { closed: 0, active: 1, future: 2 } as const;

/** Sprints created on the board, closed → active → future (Jira's order), 50 a page, no `total`. */
function boardSprints(ctx: RouteContext) {
  const board = visibleBoard(ctx);
  if (!boardHasSprints(board)) reject(400, MESSAGES.boardWithoutSprints);
  const { startAt, maxResults } = agilePage(ctx);
  const states = new Set(listParam(ctx, 'state'));
  const invalid = [...states].filter((s) => !Object.hasOwn(STATE_ORDER, s));
  if (invalid.length > 0) reject(400, `Invalid sprint state: ${invalid.join(', ')}. Valid values are future, active and closed.`);
  const sprints = ctx.site.sprints
    .filter((s) => s.boardId === board.id && (states.size === 0 || states.has(s.state)))
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.id - b.id);
  return ok({
    maxResults,
    startAt,
    isLast: startAt + maxResults >= sprints.length,
    values: sprints.slice(startAt, startAt + maxResults).map((s) => sprintBean(ctx.site.baseUrl, s)),
  });
}

export const boardRoutes: Route[] = [
  { method: 'GET', template: '/rest/agile/1.0/board', handle: listBoards },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{boardId}',
    handle: (ctx) => {
      const board = visibleBoard(ctx);
      return ok(boardBean(ctx.site.baseUrl, board, ctx.index.project(board.projectId)));
    },
  },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}/configuration', handle: configuration },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}/sprint', handle: boardSprints },
];
