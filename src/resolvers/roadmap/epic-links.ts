/**
 * Linking epics to a roadmap item or a goal from the project page. Each epic's link property is
 * written as the user, so Jira checks Edit Issues on that epic; the app asks the same permission
 * first, so a viewer who may not edit issues changes nothing at all.
 */
import type { EpicChoice } from '../../contract';
import { changeLinks, hasLinks, maxLinksPerEpic, noLinks } from '../../domain/epic-links';
import type { LinkChange } from '../../domain/epic-links';
import { epicsByIds } from '../../adapters/jira/epic-links';
import { searchProjectEpics } from '../../adapters/jira/epic-search';
import { saveEpicLinks } from '../../adapters/delivery/epic-link-writes';
import { JiraError } from '../../adapters/jira/errors';
import { epicIssueTypeIds } from '../../adapters/jira/projects';
import { goalOf } from '../../adapters/storage/goal-store';
import { itemOf } from '../../adapters/storage/roadmap-store';
import { limits } from '../../validation/limits';
import { fail, ok } from '../results';
import { notFound } from '../strategy/failures';
import { linkerCall, viewerCall } from '../strategy/calls';
import { itemGoals } from './item-epics';
import { epicStatus, linksView } from './views';

export const searchEpics = viewerCall('searchEpics', async ({ jira, access, projectId, payload }) => {
  const epicTypeIds = await epicIssueTypeIds(jira, projectId);
  const epics = await searchProjectEpics(jira, { projectId, projectKey: access.project.key, epicTypeIds, query: payload.query, limit: limits.epicPickerResults });
  return ok(epics.map((epic): EpicChoice => ({ id: epic.id, key: epic.key, summary: epic.summary, status: epicStatus(epic) })));
});

export const linkEpics = linkerCall('linkEpics', async ({ jira, projectId, payload }) => {
  const { target } = payload;
  const targetExists = target.kind === 'item' ? await itemOf(projectId, target.id) : await goalOf(projectId, target.id);
  if (!targetExists) return notFound(target.kind === 'item' ? 'roadmap item' : 'goal');

  const requests = [...payload.link.map((epic) => ({ ...epic, linked: true })), ...payload.unlink.map((epic) => ({ ...epic, linked: false }))];
  const [epicTypeIds, found, goalOfItem] = await Promise.all([epicIssueTypeIds(jira, projectId), epicsByIds(jira, requests.map((r) => r.epicId)), itemGoals(projectId)]);
  const byId = new Map(found.map((epic) => [epic.id, epic]));
  const epicTypes = new Set(epicTypeIds);

  // Check everything before writing anything: a bad or stale epic refuses the whole call.
  for (const request of requests) {
    const epic = byId.get(request.epicId);
    if (!epic || epic.projectId !== projectId || !epic.issueTypeId || !epicTypes.has(epic.issueTypeId)) {
      return fail('invalid', 'Choose epics of this project.', 'link');
    }
    if (epic.links.version !== request.linksVersion) {
      return {
        ok: false,
        error: { code: 'conflict', message: `Someone else changed the links of ${epic.key} since you loaded them. Reload and try again.` },
      };
    }
    const kind = target.kind === 'item' ? epic.links.roadmapItemIds : epic.links.directGoalIds;
    if (request.linked && !kind.includes(target.id) && kind.length >= maxLinksPerEpic) {
      return fail('invalid', `${epic.key} already serves ${maxLinksPerEpic} ${target.kind === 'item' ? 'roadmap items' : 'goals'}.`, 'link');
    }
  }

  const written = [];
  const refused = [];
  for (const request of requests) {
    const epic = byId.get(request.epicId)!;
    const change: LinkChange = target.kind === 'item' ? { kind: 'item', itemId: target.id, linked: request.linked } : { kind: 'goal', goalId: target.id, linked: request.linked };
    const next = changeLinks(epic.links, [change], goalOfItem);
    try {
      await saveEpicLinks(jira, epic.id, next);
      // Without links the property is gone, which Jira reads as version 0: answer what the next call will be checked against.
      written.push(linksView(epic.id, hasLinks(next) ? next : noLinks()));
    } catch (error) {
      // Edit Issues can be narrowed per issue (issue security, workflow properties): Jira decides.
      if (!(error instanceof JiraError && (error.kind === 'forbidden' || error.kind === 'not-found'))) throw error;
      refused.push({ epicId: epic.id, key: epic.key, message: `Jira did not let you change ${epic.key}.` });
    }
  }
  return ok({ epics: written, refused });
});
