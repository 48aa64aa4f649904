/** What Jira holds, worked out from the simulator's data, so tests never hard-code a count. */
import { DEMO_USERS } from '../../../sandbox/demo';
import type { DemoUserRole } from '../../../sandbox/demo';
import type { SimIssue } from '../../../sandbox/jira/model';
import type { Sandbox } from '../../harness';

/**
 * Issues of the project that match, as `seenBy` sees them: an issue with a security level counts
 * only for the level's members. Without `seenBy`, every issue (what a member of every level sees).
 */
export function countIssues(
  sandbox: Sandbox,
  projectKey: string,
  matches: (issue: SimIssue, typeName: string, category: string) => boolean,
  seenBy?: DemoUserRole,
): number {
  const { site } = sandbox;
  const project = sandbox.project(projectKey);
  const levels = new Map((site.securityLevels ?? []).map((level) => [level.id, level]));
  const sees = (issue: SimIssue) =>
    seenBy === undefined || issue.securityLevelId === undefined || (levels.get(issue.securityLevelId)?.memberAccountIds.includes(DEMO_USERS[seenBy]) ?? false);
  return site.issues.filter((issue) => {
    if (issue.projectId !== project.id || !sees(issue)) return false;
    const typeName = site.issueTypes.find((t) => t.id === issue.issueTypeId)?.name ?? '';
    const category = site.statuses.find((s) => s.id === issue.statusId)?.category ?? '';
    return matches(issue, typeName, category);
  }).length;
}

export const bugs = (sandbox: Sandbox, projectKey: string, seenBy?: DemoUserRole) => countIssues(sandbox, projectKey, (_, type) => type === 'Bug', seenBy);

export const doneBugs = (sandbox: Sandbox, projectKey: string, seenBy?: DemoUserRole) =>
  countIssues(sandbox, projectKey, (_, type, category) => type === 'Bug' && category === 'done', seenBy);
