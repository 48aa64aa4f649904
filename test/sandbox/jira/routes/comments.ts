/**
 * Issue comments (REST v3, ADF bodies): add one, list them.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/
 *
 * Adding needs Browse Projects and Add Comments in the issue's project, and issue-level security
 * membership (the OpenAPI operation `addComment`). An issue the caller may not see is a 404; one
 * they see but may not comment on is a 403 (the document lists no 403 for this operation, but
 * Jira Cloud answers it; either way the comment is refused and nothing changes). A body that is
 * not an Atlassian Document Format `doc` is a 400, as is one past Jira's 32,767 characters; past
 * the per-issue comment limit (5,000) the answer is the documented 413.
 */
import { z } from 'zod';
import type { SimComment } from '../model';
import type { RouteContext } from './context';
import { intParam, jsonBody, param } from './context';
import { json, ok, reject } from './http';
import { visibleIssue } from './issues';
import type { Route } from './router';
import { userBean } from './shapes/common';

/** Jira's limit on a comment body, in characters of its JSON. */
export const MAX_COMMENT_BODY_LENGTH = 32_767;
/** Jira Cloud's per-issue limit on comments (the 413 of `addComment`). */
export const MAX_COMMENTS_PER_ISSUE = 5_000;

/** An ADF node: a type, and content or text as ADF nodes have them (marks and attrs as given). */
const adfNode: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1),
      text: z.string().optional(),
      content: z.array(adfNode).optional(),
      marks: z.array(z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() }).strict()).optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
    })
    .strict(),
);

const addCommentBody = z
  .object({
    body: z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(adfNode) }).strict(),
    visibility: z.object({ type: z.enum(['group', 'role']), value: z.string().optional(), identifier: z.string().optional() }).strict().optional(),
    properties: z.array(z.object({ key: z.string(), value: z.unknown() }).strict()).optional(),
  })
  .strict();

function commentBean(ctx: RouteContext, issueId: string, comment: SimComment): Record<string, unknown> {
  const author = ctx.index.user(comment.authorAccountId);
  const authorBean = author ? userBean(ctx.site.baseUrl, author) : { accountId: comment.authorAccountId, active: false, displayName: 'Former user' };
  return {
    self: `${ctx.site.baseUrl}/rest/api/3/issue/${issueId}/comment/${comment.id}`,
    id: comment.id,
    author: authorBean,
    body: comment.body,
    updateAuthor: authorBean,
    created: comment.created,
    updated: comment.created,
    jsdPublic: true,
  };
}

function addComment(ctx: RouteContext) {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const project = ctx.index.project(issue.projectId);
  if (ctx.caller.kind !== 'user' && ctx.caller.kind !== 'app') reject(401, 'You are not authorized to perform this operation. Please log in.');
  if (!project || !ctx.access.has(project, 'ADD_COMMENTS')) reject(403, 'You do not have the permission to comment on this issue.');
  const request = jsonBody(ctx, addCommentBody);
  if (JSON.stringify(request.body).length > MAX_COMMENT_BODY_LENGTH) reject(400, 'The comment is too long.');
  const comments = (issue.comments ??= []);
  if (comments.length >= MAX_COMMENTS_PER_ISSUE) reject(413, 'The per-issue limit of comments has been breached.');
  const authorAccountId = ctx.caller.kind === 'user' ? ctx.caller.accountId : (ctx.index.appUser()?.accountId ?? 'app');
  const comment: SimComment = {
    id: String(10_000 + ctx.site.issues.reduce((total, other) => total + (other.comments?.length ?? 0), 0)),
    authorAccountId,
    body: request.body,
    created: ctx.now.toISOString(),
  };
  // A comment is an issue change: `updated` moves, and JQL sees it after the index lag.
  ctx.searchIndex.write(issue, () => {
    comments.push(comment);
    issue.updated = ctx.now.toISOString();
  });
  return json(201, commentBean(ctx, issue.id, comment));
}

function listComments(ctx: RouteContext) {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const startAt = Math.max(0, intParam(ctx, 'startAt', 0));
  const maxResults = Math.min(100, Math.max(1, intParam(ctx, 'maxResults', 50)));
  const all = issue.comments ?? [];
  const page = all.slice(startAt, startAt + maxResults);
  return ok({ comments: page.map((comment) => commentBean(ctx, issue.id, comment)), maxResults, total: all.length, startAt });
}

const COMMENTS = '/rest/api/3/issue/{issueIdOrKey}/comment';

export const commentRoutes: Route[] = [
  { method: 'GET', template: COMMENTS, handle: listComments },
  { method: 'POST', template: COMMENTS, handle: addComment },
];
