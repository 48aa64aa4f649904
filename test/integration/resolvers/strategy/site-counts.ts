/** What Jira holds, worked out from the simulator's data, so tests never hard-code a count. */
import type { SimIssue } from '../../../sandbox/jira/model';
import type { Sandbox } from '../../harness';

export function countIssues(sandbox: Sandbox, projectKey: string, matches: (issue: SimIssue, typeName: string, category: string) => boolean): number {
  const { site } = sandbox;
  const project = sandbox.project(projectKey);
  return site.issues.filter((issue) => {
    if (issue.projectId !== project.id) return false;
    const typeName = site.issueTypes.find((t) => t.id === issue.issueTypeId)?.name ?? '';
    const category = site.statuses.find((s) => s.id === issue.statusId)?.category ?? '';
    return matches(issue, typeName, category);
  }).length;
}

export const bugs = (sandbox: Sandbox, projectKey: string) => countIssues(sandbox, projectKey, (_, type) => type === 'Bug');

export const doneBugs = (sandbox: Sandbox, projectKey: string) =>
  countIssues(sandbox, projectKey, (_, type, category) => type === 'Bug' && category === 'done');
