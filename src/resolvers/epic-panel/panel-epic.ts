/**
 * The first steps of every epic panel call: the user, the project and the issue from the Forge
 * context (never the payload), Browse Projects as the user, then the issue as the user's Jira shows
 * it, refused unless it is an epic of that project (hierarchy level 1, as the project defines it).
 */
import type { Request } from '@forge/resolver';
import { createJiraClient } from '../../adapters/jira/client';
import type { JiraClient } from '../../adapters/jira/client';
import { getEpic } from '../../adapters/jira/epic-links';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import { epicIssueTypeIds } from '../../adapters/jira/projects';
import { withStoredLinks } from '../../adapters/delivery/link-sync';
import { nowIso } from '../../adapters/clock';
import { authorizeProjectView } from '../authorize';
import type { ProjectAccess } from '../authorize';
import { trustedContext } from '../context';
import type { TrustedContext } from '../context';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { say } from '../../i18n/server-texts';

export interface PanelEpic {
  jira: JiraClient;
  access: ProjectAccess;
  context: TrustedContext;
  epic: LinkedJiraEpic;
}

export async function panelEpic(request: Request): Promise<Outcome<PanelEpic>> {
  const jira = createJiraClient({ actor: 'user' });
  const context = trustedContext(request.context);
  const access = await authorizeProjectView(jira, context);
  if (!access.ok) return access;
  const { issue } = context;
  if (!issue) return fail('invalid', say('epics.openAnEpic'));
  const projectId = access.value.project.id;
  const [epic, epicTypeIds] = await Promise.all([getEpic(jira, issue.id), epicIssueTypeIds(jira, projectId)]);
  // Moved to another project since the page was opened reads like a missing issue: the panel's project no longer holds it.
  if (!epic || (epic.projectId !== undefined && epic.projectId !== projectId)) {
    return fail('not-found', say('epics.notInProject', { key: issue.key }));
  }
  if (epic.issueTypeId === undefined || !epicTypeIds.includes(epic.issueTypeId)) {
    return fail('invalid', issue.type ? say('epics.notAnEpicTyped', { key: epic.key, type: issue.type }) : say('epics.notAnEpic', { key: epic.key }));
  }
  // Its links as the app stores them: the property follows storage and may still be catching up.
  const [stored] = await withStoredLinks(projectId, [epic], nowIso());
  return ok({ jira, access: access.value, context, epic: stored ?? epic });
}
