/**
 * A check-in posted as a Jira comment on an epic, as the user: Jira checks Browse Projects, Add
 * Comments and issue security on that epic, and its watchers are notified as for any comment.
 * POST /rest/api/3/issue/{issueIdOrKey}/comment (operation `addComment`) takes an Atlassian
 * Document Format body: https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './client';

const commentSchema = z.looseObject({ id: z.string() });

type AdfText = { type: 'text'; text: string; marks?: Array<{ type: 'strong' } | { type: 'link'; attrs: { href: string } }> };
type AdfParagraph = { type: 'paragraph'; content: AdfText[] };
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfParagraph[];
}

/** Links people write in a check-in: http(s) URLs, up to the first space or closing bracket. */
const urlPattern = /https?:\/\/[^\s<>"')\]]+/g;

/** Plain text as ADF: one paragraph per line break run, URLs as link marks. */
function paragraphs(text: string): AdfParagraph[] {
  return text
    .split(/\n{1,}/)
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0)
    .map((line) => {
      const content: AdfText[] = [];
      let at = 0;
      for (const match of line.matchAll(urlPattern)) {
        const start = match.index ?? 0;
        if (start > at) content.push({ type: 'text', text: line.slice(at, start) });
        content.push({ type: 'text', text: match[0], marks: [{ type: 'link', attrs: { href: match[0] } }] });
        at = start + match[0].length;
      }
      if (at < line.length) content.push({ type: 'text', text: line.slice(at) });
      return { type: 'paragraph', content };
    });
}

/** The comment: a bold headline naming the goal or item and the status, then the owner's words unchanged. */
export function checkInCommentBody(options: { headline: string; text: string }): AdfDoc {
  return {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: options.headline, marks: [{ type: 'strong' }] }] }, ...paragraphs(options.text)],
  };
}

/** Adds the comment as the client's actor; Jira's refusal throws a JiraError (403, 404, 413…). */
export async function addIssueComment(jira: JiraClient, issueId: string, body: AdfDoc): Promise<{ id: string }> {
  return jira.send({ method: 'POST', path: route`/rest/api/3/issue/${issueId}/comment`, body: { body }, schema: commentSchema });
}
