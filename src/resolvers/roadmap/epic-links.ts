/**
 * Linking epics to a roadmap item or a goal from the project page or the Alignment tab. The links
 * are stored in the app, version-checked, with the intent to write each epic's property; the user
 * must hold Edit Issues on each epic in Jira (asked before anything is stored). See link-change.ts.
 */
import type { EpicChoice } from '../../contract';
import { maxLinksPerEpic } from '../../domain/epic-links';
import { epicsByIds } from '../../adapters/jira/epic-links';
import { searchProjectEpics } from '../../adapters/jira/epic-search';
import { epicIssueTypeIds } from '../../adapters/jira/projects';
import { goalOf } from '../../adapters/storage/goal-store';
import { itemOf } from '../../adapters/storage/roadmap-store';
import { limits } from '../../validation/limits';
import { fail, ok } from '../results';
import { notFound } from '../failures';
import { linkerCall, viewerCall } from '../calls';
import { changeEpicLinks, currentLinks } from './link-change';
import { epicStatus, linksView } from './views';
import { say } from '../../i18n/server-texts';

export const searchEpics = viewerCall('searchEpics', async ({ jira, access, projectId, payload }) => {
  const epicTypeIds = await epicIssueTypeIds(jira, projectId);
  const epics = await searchProjectEpics(jira, { projectId, projectKey: access.project.key, epicTypeIds, query: payload.query, limit: limits.epicPickerResults });
  return ok(epics.map((epic): EpicChoice => ({ id: epic.id, key: epic.key, summary: epic.summary, status: epicStatus(epic) })));
});

export const linkEpics = linkerCall('linkEpics', async ({ jira, access, projectId, payload }) => {
  const { target } = payload;
  const targetExists = target.kind === 'item' ? await itemOf(projectId, target.id) : await goalOf(projectId, target.id);
  if (!targetExists) return notFound(target.kind === 'item' ? 'item' : 'goal');

  const requests = [...payload.link.map((epic) => ({ ...epic, linked: true })), ...payload.unlink.map((epic) => ({ ...epic, linked: false }))];
  const [epicTypeIds, found] = await Promise.all([epicIssueTypeIds(jira, projectId), epicsByIds(jira, requests.map((r) => r.epicId))]);
  const byId = new Map(found.map((epic) => [epic.id, epic]));
  const epicTypes = new Set(epicTypeIds);
  const current = await currentLinks(projectId, found);

  // Check everything before storing anything: a bad or stale epic refuses the whole call.
  for (const request of requests) {
    const epic = byId.get(request.epicId);
    if (!epic || epic.projectId !== projectId || !epic.issueTypeId || !epicTypes.has(epic.issueTypeId)) {
      return fail('invalid', say('roadmap.chooseProjectEpics'), 'link');
    }
    const links = current.get(epic.id)!.links;
    if (links.version !== request.linksVersion) return linkConflict(epic.key);
    const kind = target.kind === 'item' ? links.roadmapItemIds : links.directGoalIds;
    if (request.linked && !kind.includes(target.id) && kind.length >= maxLinksPerEpic) {
      return fail('invalid', say(target.kind === 'item' ? 'roadmap.epicServesTooManyItems' : 'roadmap.epicServesTooManyGoals', { key: epic.key, max: maxLinksPerEpic }), 'link');
    }
  }

  const toggle = (ids: readonly string[], linked: boolean) => (linked ? [...ids, target.id] : ids.filter((id) => id !== target.id));
  const outcome = await changeEpicLinks(
    jira,
    projectId,
    requests.map((request) => ({
      epic: byId.get(request.epicId)!,
      expectedVersion: request.linksVersion,
      edit: (links) =>
        target.kind === 'item'
          ? { directGoalIds: [...links.directGoalIds], roadmapItemIds: toggle(links.roadmapItemIds, request.linked) }
          : { directGoalIds: toggle(links.directGoalIds, request.linked), roadmapItemIds: [...links.roadmapItemIds] },
    })),
    access.accountId,
  );
  if (outcome.outcome === 'conflict') return linkConflict(outcome.key);
  return ok({
    epics: outcome.saved.map((saved) => ({ ...linksView(saved.epicId, saved.links), ...(saved.sync ? { sync: saved.sync } : {}) })),
    refused: outcome.refused,
    pendingEpicIds: outcome.pendingEpicIds,
  });
});

const linkConflict = (key: string) =>
  ({ ok: false, error: { code: 'conflict', message: say('roadmap.epicLinksChanged', { key }) } }) as const;
