/**
 * The opt-in follow-up of a check-in: the same words as a Jira comment on the target's epics (an
 * item's linked epics; a goal's directly linked ones), AS THE USER, so Jira's watchers and
 * notifications carry it and Jira checks Add Comments on each epic.
 *
 * Posted within the user's own call, after the check-in is saved, not from a queue: a queue's
 * consumer runs with no user, where `asUser()` is refused (Forge has no user to act as; see
 * test/sandbox/forge/jira-routing.test.ts "where Forge has no user"), and a comment written as the
 * app would speak for the app, not for the owner. So the call bounds the work instead: at most
 * `maxEpicComments` epics, four at a time, and none started once less than `reserveMs` of the
 * invocation's 25 s remain; those are reported as not posted, never as a failure of the check-in.
 */
import type { EpicCommentReport, StatusUpdateTarget } from '../../contract';
import type { CheckInStatus } from '../../domain/status-updates';
import { mapWithConcurrency } from '../../adapters/concurrency';
import { invocationRemainingMs } from '../../adapters/forge-runtime';
import type { JiraClient } from '../../adapters/jira/client';
import { JiraError } from '../../adapters/jira/errors';
import { addIssueComment, checkInCommentBody } from '../../adapters/jira/issue-comments';
import { storedLinksOfProject } from '../../adapters/storage/epic-link-store';
import { readEpicCards } from '../../adapters/storage/project-cache';
import { coded } from '../../i18n/server-texts';

/** Epics one check-in comments on; a goal or item with more names the rest as not posted. */
export const maxEpicComments = 50;
const commentConcurrency = 4;
/** Time left in the invocation below which no further comment is started. */
const reserveMs = 6_000;

const statusWords: Record<CheckInStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
  paused: 'Paused',
};

export async function commentOnEpics(
  jira: JiraClient,
  options: { projectId: string; target: StatusUpdateTarget; title: string; status: CheckInStatus; text: string },
): Promise<EpicCommentReport> {
  const [links, cards] = await Promise.all([storedLinksOfProject(options.projectId), readEpicCards(options.projectId)]);
  const epicIds = links
    .filter((link) => (options.target.kind === 'item' ? link.roadmapItemIds.includes(options.target.id) : link.directGoalIds.includes(options.target.id)))
    .map((link) => link.id);
  const body = checkInCommentBody({
    headline: `Check-in on ${options.target.kind === 'goal' ? 'goal' : 'roadmap item'} “${options.title}”: ${statusWords[options.status]}`,
    text: options.text,
  });
  const report: EpicCommentReport = { posted: [], refused: [] };
  const keyOf = (epicId: string) => cards.get(epicId)?.key;
  const outcomes = await mapWithConcurrency(epicIds.slice(0, maxEpicComments), commentConcurrency, async (epicId) => {
    const remaining = invocationRemainingMs();
    if (remaining !== undefined && remaining < reserveMs) {
      return { epicId, refused: coded('updates.commentNoTime'), visible: true };
    }
    try {
      await addIssueComment(jira, epicId, body);
      return { epicId };
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      return { epicId, ...refusal(error) };
    }
  });
  for (const outcome of outcomes) {
    const key = keyOf(outcome.epicId);
    if (!('refused' in outcome) || outcome.refused === undefined) report.posted.push({ epicId: outcome.epicId, key: key ?? outcome.epicId });
    // An epic Jira hides from the user is not named by its key: the reply must not reveal it.
    else report.refused.push({ epicId: outcome.epicId, ...(key && outcome.visible ? { key } : {}), message: outcome.refused });
  }
  for (const epicId of epicIds.slice(maxEpicComments)) {
    const key = keyOf(epicId);
    report.refused.push({ epicId, ...(key ? { key } : {}), message: coded('updates.commentLimit', { max: maxEpicComments }) });
  }
  return report;
}

function refusal(error: JiraError): { refused: string; visible: boolean } {
  switch (error.kind) {
    case 'forbidden':
    case 'unauthenticated':
      return { refused: coded('updates.commentForbidden'), visible: true };
    case 'not-found':
      return { refused: coded('updates.commentEpicHidden'), visible: false };
    case 'scope-missing':
      return { refused: coded('results.scopeMissing'), visible: true };
    case 'rate-limited':
    case 'unavailable':
    case 'malformed':
    case 'out-of-time':
      return { refused: coded('updates.commentLate'), visible: true };
    default:
      return { refused: error.messages.join(' ') || coded('updates.commentRefused'), visible: true };
  }
}
