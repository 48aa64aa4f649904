/**
 * "Rebuild link index": everything the app derives from the epics' `throughline-links` property,
 * computed again. For each project the admin administers, as the app restricted to that project:
 * every epic's `goalIds` is recomputed from its direct goals and its items' current goals (and
 * written back when it differs), then the project's roll-up cache is dropped so it rebuilds from
 * Jira on the next load. The app keeps no other index of links: the roadmap reads them inline.
 * Epics the app linked in the last minutes are reconciled in the epic search, since Jira's index
 * would show their links only later, and each rewrite is recorded as recent in turn.
 * The app sees what the add-on role may see: a project whose permission scheme does not grant it
 * Browse Projects is reported (`appCannotBrowse`) with its caches dropped, and the others go on;
 * epics whose security level leaves out the add-on role are not seen, so not checked.
 * @see https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-project-role-in-jira-cloud/
 */
import type { LinkIndexReport } from '../../contract';
import { servedGoalIds } from '../../domain/epic-links';
import { nowIso } from '../../adapters/clock';
import { saveEpicLinks } from '../../adapters/delivery/epic-link-writes';
import { recentlyLinkedEpicIds } from '../../adapters/delivery/recent-link-writes';
import { createJiraClient } from '../../adapters/jira/client';
import { listEpicsWithLinks } from '../../adapters/jira/epic-links';
import { JiraError } from '../../adapters/jira/errors';
import { epicIssueTypeIds } from '../../adapters/jira/projects';
import { administeredProjects } from '../../adapters/jira/site-admin';
import { dropProjectRollups } from '../../adapters/storage/rollup-reset';
import { itemsOfProject } from '../../adapters/storage/roadmap-store';
import { ok } from '../results';
import { adminRead } from './admin-call';

export const rebuildLinkIndex = adminRead(async ({ jira }) => {
  const projects = await administeredProjects(jira);
  // No person is behind the rewrite of another person's epics: the app writes, one project at a time.
  const app = createJiraClient({ actor: 'app' });
  const report: LinkIndexReport = { projects: [] };
  for (const project of projects) {
    let epicTypeIds: string[];
    try {
      epicTypeIds = await epicIssueTypeIds(app, project.id);
    } catch (error) {
      if (!(error instanceof JiraError && (error.kind === 'not-found' || error.kind === 'forbidden'))) throw error;
      console.warn(`Rebuild link index: the app may not browse project ${project.key} (${error.kind}); its epics were not checked`);
      const rollupsDropped = await dropProjectRollups(project.id);
      report.projects.push({ id: project.id, key: project.key, epicsChecked: 0, epicsUpdated: [], rollupsDropped, refused: [], appCannotBrowse: true });
      continue;
    }
    const items = await itemsOfProject(project.id);
    const goalOfItem = new Map(items.map((item) => [item.id, item.goalId]));
    const reconcileIssues = await recentlyLinkedEpicIds(nowIso());
    const epics = (await listEpicsWithLinks(app, { projectId: project.id, epicTypeIds, reconcileIssues })).filter(
      (epic) => epic.links.directGoalIds.length + epic.links.roadmapItemIds.length + epic.links.goalIds.length > 0,
    );
    const updated: LinkIndexReport['projects'][number]['epicsUpdated'] = [];
    const refused: string[] = [];
    for (const epic of epics) {
      const goalIds = servedGoalIds(epic.links, (itemId) => goalOfItem.get(itemId));
      if (sameIds(goalIds, epic.links.goalIds)) continue;
      try {
        const links = { ...epic.links, goalIds, version: epic.links.version + 1 };
        // A property write does not move the epic's `updated`: the roadmap's cached card must follow by hand.
        await saveEpicLinks(app, epic.id, links);
        updated.push({ key: epic.key, before: epic.links.goalIds, after: goalIds });
      } catch (error) {
        if (!(error instanceof JiraError && (error.kind === 'forbidden' || error.kind === 'not-found'))) throw error;
        refused.push(epic.key);
      }
    }
    const rollupsDropped = await dropProjectRollups(project.id);
    report.projects.push({ id: project.id, key: project.key, epicsChecked: epics.length, epicsUpdated: updated, rollupsDropped, refused });
  }
  return ok(report);
}, { writes: true });

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, n) => id === b[n]);
