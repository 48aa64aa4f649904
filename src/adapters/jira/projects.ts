import { route } from '@forge/api';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { myPermissionsSchema, projectHierarchySchema, projectSchema } from './schemas';

export type ProjectPermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS' | 'CREATE_ISSUES';

/**
 * Which of `permissions` the client's actor holds in the project. Unknown projects and projects
 * the user may not see both come back as holding nothing: Jira does not tell them apart either.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get
 */
export async function myProjectPermissions(
  client: JiraClient,
  projectId: string,
  permissions: readonly ProjectPermission[],
): Promise<Set<ProjectPermission>> {
  let answer;
  try {
    answer = await client.send({
      path: route`/rest/api/3/mypermissions?projectId=${projectId}&permissions=${permissions.join(',')}`,
      schema: myPermissionsSchema,
    });
  } catch (error) {
    // Jira answers 404 for a project the user may not see, exactly as for one that does not exist.
    if (error instanceof JiraError && error.kind === 'not-found') return new Set();
    throw error;
  }
  return new Set(permissions.filter((key) => answer.permissions[key]?.havePermission === true));
}

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get */
export async function getProject(client: JiraClient, projectIdOrKey: string) {
  return client.send({ path: route`/rest/api/3/project/${projectIdOrKey}`, schema: projectSchema });
}

/**
 * Ids of the project's epic-level issue types (hierarchy level 1). "Epic Link" is deprecated:
 * both company- and team-managed projects put children under epics with `parent`, and the epic
 * type's name and id differ between them, so the app asks the hierarchy instead of guessing.
 */
export async function epicIssueTypeIds(client: JiraClient, projectId: string): Promise<string[]> {
  const { hierarchy } = await client.send({
    path: route`/rest/api/3/project/${projectId}/hierarchy`,
    schema: projectHierarchySchema,
  });
  return hierarchy.filter((level) => level.level === 1).flatMap((level) => level.issueTypes.map((type) => String(type.id)));
}
