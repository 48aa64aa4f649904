/**
 * "Rebuild link index": the epics' `throughline-links` property is an index derived from the links
 * the app stores (src/domain/link-sync.ts); this brings it back in step. For each project the admin
 * administers, as the app restricted to that project: changes still waiting are finished (epics
 * Jira refused to the app before are tried again), every epic whose property disagrees with
 * storage (or, for an epic linked before links were stored, with its own links and its items'
 * current goals) is recorded in one intent and written, and the project's roll-up cache is dropped
 * so it rebuilds from Jira on the next load. What Jira does not take now goes to the queue
 * (`pending`). Epics the app linked in the last minutes are reconciled in the epic search.
 * The app sees what the add-on role may see: a project whose permission scheme does not grant it
 * Browse Projects is reported (`appCannotBrowse`) with its caches dropped, and the others go on;
 * epics whose security level leaves out the add-on role are not seen, so not checked.
 * @see https://support.atlassian.com/jira/kb/the-atlassian-addons-project-access-project-role-in-jira-cloud/
 */
import type { LinkIndexReport } from '../../contract';
import { hasLinks } from '../../domain/epic-links';
import { derivedLinks, propertyAgrees } from '../../domain/link-sync';
import { nowIso } from '../../adapters/clock';
import { linkTargets, newLinkIntent, queueLinkSync, runLinkSync } from '../../adapters/delivery/link-sync';
import { recentlyLinkedEpicIds } from '../../adapters/delivery/recent-link-writes';
import { createJiraClient } from '../../adapters/jira/client';
import { listEpicsWithLinks } from '../../adapters/jira/epic-links';
import { JiraError } from '../../adapters/jira/errors';
import { epicIssueTypeIds } from '../../adapters/jira/projects';
import { administeredProjects } from '../../adapters/jira/site-admin';
import { commitLinkChange, openLinkSyncs, retryRefused, storedLinksOfProject } from '../../adapters/storage/epic-link-store';
import { dropProjectRollups } from '../../adapters/storage/rollup-reset';
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
    const reconcileIssues = await recentlyLinkedEpicIds(nowIso());
    const [listed, stored, targets, syncs] = await Promise.all([
      listEpicsWithLinks(app, { projectId: project.id, epicTypeIds, reconcileIssues }),
      storedLinksOfProject(project.id),
      linkTargets(project.id),
      openLinkSyncs(project.id),
    ]);
    const storedById = new Map(stored.map(({ id, ...record }) => [id, record]));
    const epics = listed.filter((epic) => hasLinks(epic.links) || epic.links.goalIds.length > 0 || storedById.has(epic.id));
    // Storage is the source; an epic linked before links were stored is its own source (adopted on write).
    const desired = new Map(epics.map((epic) => [epic.id, derivedLinks(storedById.get(epic.id) ?? epic.links, targets)]));
    const mismatched = epics.filter((epic) => !propertyAgrees(epic.links, desired.get(epic.id)!));
    const now = nowIso();
    // Changes still waiting (refused ones too: the scheme may allow the app now) are finished first.
    for (const { id, ...sync } of syncs) {
      if ((sync.refusedEpicIds ?? []).length > 0) await retryRefused(id, sync, now);
      await runLinkSync(app, id, { refusedIsFinal: true });
    }
    const intent = newLinkIntent(project.id, mismatched.map((epic) => epic.id), 'rebuild', now);
    const pass = mismatched.length > 0 && (await commitLinkChange(intent, [])) === 'committed' ? await runLinkSync(app, intent.id, { refusedIsFinal: true }) : undefined;
    if (pass && pass.pending.length > 0) await queueLinkSync(intent.id);
    const keyOf = new Map(epics.map((epic) => [epic.id, epic.key]));
    const updated: LinkIndexReport['projects'][number]['epicsUpdated'] = (pass?.agreed ?? []).map((epicId) => ({
      key: keyOf.get(epicId) ?? epicId,
      before: epics.find((epic) => epic.id === epicId)?.links.goalIds ?? [],
      after: desired.get(epicId)?.goalIds ?? [],
    }));
    const refused = (pass?.refused ?? []).map((epicId) => keyOf.get(epicId) ?? epicId);
    const pending = (pass?.pending ?? []).map((epicId) => keyOf.get(epicId) ?? epicId);
    const rollupsDropped = await dropProjectRollups(project.id);
    report.projects.push({ id: project.id, key: project.key, epicsChecked: epics.length, epicsUpdated: updated, rollupsDropped, refused, ...(pending.length > 0 ? { pending } : {}) });
  }
  return ok(report);
}, { writes: true });

