/**
 * Whether the client's actor may edit one issue, asked of Jira before anything is recorded: Edit
 * Issues can be narrowed per issue (issue security levels, workflow properties), so the project's
 * answer is not enough, and the property write itself would come too late (the change is stored first).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get
 */
import { route } from '@forge/api';
import type { JiraClient } from './client';
import { JiraError } from './errors';
import { myPermissionsSchema } from './schemas';

export async function mayEditIssue(client: JiraClient, issueId: string): Promise<boolean> {
  try {
    const answer = await client.send({ path: route`/rest/api/3/mypermissions?issueId=${issueId}&permissions=EDIT_ISSUES`, schema: myPermissionsSchema });
    return answer.permissions.EDIT_ISSUES?.havePermission === true;
  } catch (error) {
    // An issue the actor may not see answers 404, as one that does not exist.
    if (error instanceof JiraError && error.kind === 'not-found') return false;
    throw error;
  }
}
