/** The goal owner picker: people who can browse the project, searched as the editor. */
import { assignableUsers, projectBrowsers } from '../../adapters/jira/users';
import { ok } from '../results';
import { editorCall } from '../calls';

const maxSuggestions = 20;

/**
 * Jira lets only project administrators search who may browse a project. Editors who are not (the
 * wider `issue-editors` rule) get the project's assignable people instead: a search Jira allows
 * them, and the people goals are usually owned by.
 */
export const searchUsers = editorCall('searchUsers', async ({ jira, access, payload }) => {
  const options = { projectKey: access.project.key, query: payload.query, max: maxSuggestions };
  const people = access.permissions.has('ADMINISTER_PROJECTS') ? await projectBrowsers(jira, options) : await assignableUsers(jira, options);
  return ok(people);
});
