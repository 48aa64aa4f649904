import { DATE_FUNCTIONS } from './dates';

/** Functions whose value is a list: only IN and NOT IN take them, as in Jira. */
export const LIST_FUNCTIONS: ReadonlySet<string> = new Set([
  'opensprints',
  'closedsprints',
  'futuresprints',
  'standardissuetypes',
  'subtaskissuetypes',
]);

export const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...LIST_FUNCTIONS,
  'currentuser',
  ...Object.keys(DATE_FUNCTIONS),
]);

/**
 * The rest of Jira Cloud's JQL functions: naming one gets "unsupported by the subset", not Jira's
 * "Unable to find JQL function", which would send a reader looking for a typo.
 */
const OTHER_JIRA_FUNCTIONS: ReadonlySet<string> = new Set(
  [
    'approved', 'approver', 'breached', 'cascadeOption', 'completed', 'componentsLeadByUser',
    'currentLogin', 'earliestUnreleasedVersion', 'elapsed', 'everbreached', 'issueHistory',
    'issuesWithRemoteLinksByGlobalId', 'lastLogin', 'latestReleasedVersion', 'linkedIssues',
    'membersOf', 'myApproval', 'myPending', 'paused', 'pending', 'pendingBy', 'projectsLeadByUser',
    'projectsWhereUserHasPermission', 'projectsWhereUserHasRole', 'releasedVersions', 'remaining',
    'running', 'unreleasedVersions', 'updatedBy', 'votedIssues', 'watchedIssues',
    'withinCalendarHours', 'portfolioChildIssuesOf', 'portfolioParentIssuesOf',
  ].map((f) => f.toLowerCase()),
);

export function isKnownJiraFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return SUPPORTED_FUNCTIONS.has(lower) || OTHER_JIRA_FUNCTIONS.has(lower);
}
