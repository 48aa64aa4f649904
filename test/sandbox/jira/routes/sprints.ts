import type { SimIssue, SimSprint } from '../model';
import { agilePage, requireLogin } from './boards';
import type { RouteContext } from './context';
import { listParam, numericParam } from './context';
import { MESSAGES, ok, reject } from './http';
import { compileJql, runJql } from './jql-search';
import type { Route } from './router';
import { sprintBean } from './shapes/agile';
import { selectFields } from './shapes/fields';
import { issueBean } from './shapes/issue';

/** Fields only the agile API adds to an issue. */
const AGILE_FIELDS = ['sprint', 'closedSprints', 'flagged'];

/**
 * Jira shows a sprint to whoever can see the board it was created on, or at least one of its issues;
 * to anyone else it does not exist.
 */
function visibleSprint(ctx: RouteContext): SimSprint {
  requireLogin(ctx);
  const sprint = ctx.index.sprint(numericParam(ctx, 'sprintId', MESSAGES.sprintNotFound));
  if (!sprint) reject(404, MESSAGES.sprintNotFound);
  const board = ctx.index.board(sprint.boardId);
  const visible =
    (board !== undefined && ctx.access.canBrowseProjectId(board.projectId)) ||
    ctx.site.issues.some((i) => i.sprintIds.includes(sprint.id) && ctx.access.canSeeIssue(i));
  if (!visible) reject(404, MESSAGES.sprintNotFound);
  return sprint;
}

function agileFields(ctx: RouteContext, issue: SimIssue, wanted: Set<string>): Record<string, unknown> {
  const sprints = issue.sprintIds.map((id) => ctx.index.sprint(id)).filter((s): s is SimSprint => s !== undefined);
  const current = sprints.find((s) => s.state !== 'closed');
  const fields: Record<string, unknown> = {};
  if (wanted.has('sprint')) fields.sprint = current ? sprintBean(ctx.site.baseUrl, current) : null;
  if (wanted.has('closedSprints')) {
    fields.closedSprints = sprints.filter((s) => s.state === 'closed').map((s) => sprintBean(ctx.site.baseUrl, s));
  }
  if (wanted.has('flagged')) fields.flagged = false;
  return fields;
}

/**
 * Issues in the sprint the caller may see, by rank unless the JQL orders them (the JQL needs no
 * restriction here: the sprint bounds it). Agile pages use startAt/maxResults and report a `total`.
 */
function sprintIssues(ctx: RouteContext) {
  const sprint = visibleSprint(ctx);
  // Page size cap unverified: the agile API documents none; 100 matches the platform search with fields.
  const { startAt, maxResults } = agilePage(ctx, 100);
  const inSprint = ctx.site.issues.filter((i) => i.sprintIds.includes(sprint.id));
  const jql = ctx.query.get('jql') ?? '';
  const query = jql.trim() === '' ? undefined : compileJql(ctx, jql, { searchEndpoint: false });
  const found = query
    ? runJql(ctx, query, inSprint)
    : inSprint.filter((i) => ctx.access.canSeeIssue(i)).sort((a, b) => a.rank.localeCompare(b.rank));
  const ordered = query && query.orderBy.length === 0 ? [...found].sort((a, b) => a.rank.localeCompare(b.rank)) : found;
  // By default every navigable field plus the agile ones; a `fields` list picks among both.
  const tokens = listParam(ctx, 'fields');
  const wanted = new Set(tokens.length === 0 ? AGILE_FIELDS : tokens.filter((t) => AGILE_FIELDS.includes(t)));
  const platformTokens = tokens.filter((t) => !AGILE_FIELDS.includes(t));
  const chosen = tokens.length === 0 ? [] : platformTokens.length > 0 ? platformTokens : ['id'];
  const selection = { ...selectFields(ctx.site, chosen, ['*navigable']), idOnly: false };
  const issues = ordered.slice(startAt, startAt + maxResults).map((issue) =>
    issueBean(ctx.index, issue, { selection, properties: [], expand: [], api: 'agile', extraFields: agileFields(ctx, issue, wanted) }),
  );
  return ok({ expand: 'schema,names', startAt, maxResults, total: ordered.length, issues });
}

export const sprintRoutes: Route[] = [
  { method: 'GET', template: '/rest/agile/1.0/sprint/{sprintId}', handle: (ctx) => ok(sprintBean(ctx.site.baseUrl, visibleSprint(ctx))) },
  { method: 'GET', template: '/rest/agile/1.0/sprint/{sprintId}/issue', handle: sprintIssues },
];
