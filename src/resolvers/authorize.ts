import type { JiraClient } from '../adapters/jira/client';
import { myProjectPermissions } from '../adapters/jira/projects';
import type { ProjectPermission } from '../adapters/jira/projects';
import type { TrustedContext } from './context';
import { fail, ok } from './results';
import type { Outcome } from './results';

export interface ProjectAccess {
  accountId: string;
  project: { id: string; key: string };
  permissions: ReadonlySet<ProjectPermission>;
}

const askedPermissions: ProjectPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'];

/**
 * The caller may see the project the module is shown in: they are signed in, the context names a
 * project, and Jira says they hold Browse Projects there. Asked as the user, so Jira decides.
 */
export async function authorizeProjectView(jira: JiraClient, context: TrustedContext): Promise<Outcome<ProjectAccess>> {
  if (!context.accountId) return fail('forbidden', 'Sign in to Jira to see this product.');
  if (!context.project) return fail('forbidden', 'This view is only available inside a Jira project.');
  const permissions = await myProjectPermissions(jira, context.project.id, askedPermissions);
  if (!permissions.has('BROWSE_PROJECTS')) {
    return fail('forbidden', 'You do not have permission to browse this project. Ask a Jira administrator for access.');
  }
  return ok({ accountId: context.accountId, project: context.project, permissions });
}
