import type { ProjectOverview, Result } from '../contract';
import type { Request } from '@forge/resolver';
import { createJiraClient } from '../adapters/jira/client';
import { loadProjectSprints } from '../adapters/delivery/project-sprints';
import { listChildren, listEpics } from '../adapters/jira/epics';
import { epicIssueTypeIds, getProject } from '../adapters/jira/projects';
import { countChildrenByParent, emptyChildCounts } from '../domain/child-counts';
import { orderSprints } from '../domain/sprint-order';
import { statusCategoryFromJira } from '../domain/status-category';
import { authorizeProjectView } from './authorize';
import { trustedContext } from './context';
import { ok } from './results';
import { inlineCrawlMaxEpics, loadEpicRollups } from '../adapters/delivery/load-epic-rollups';
import { kvsRollupStore } from '../adapters/storage/epic-rollups';
import { nowIso } from '../adapters/clock';
import { roadmapCrawl } from './roadmap/roadmap-crawl';

/** The project page's first screen: the project's epics with child counts, and its sprints. */
export async function getProjectOverview(request: Request): Promise<Result<ProjectOverview>> {
  const jira = createJiraClient({ actor: 'user' });
  const access = await authorizeProjectView(jira, trustedContext(request.context));
  if (!access.ok) return access;
  const projectId = access.value.project.id;

  const [project, epicTypeIds, { boards, sprints }] = await Promise.all([
    getProject(jira, projectId),
    epicIssueTypeIds(jira, projectId),
    loadProjectSprints(jira, { projectId }),
  ]);
  const epics = await listEpics(jira, { projectId, epicTypeIds });
  // A big project's children (100,000 of them) cannot be listed within one call: the roll-up cache
  // counts them, crawled by the queue (rollup-crawl.ts) and kept in step by issue events.
  const cached =
    epics.length > inlineCrawlMaxEpics
      ? await loadEpicRollups(jira, kvsRollupStore(), { projectId, epicIds: epics.map((epic) => epic.id), now: nowIso(), allEpics: true, boards, crawlInBackground: true })
      : undefined;
  const counting = new Set(cached?.pending ?? []);
  const counts = cached
    ? new Map(cached.epics.map((entry) => [entry.epicId, entry.rollup.counts]))
    : countChildrenByParent(
        epics.map((epic) => epic.id),
        (await listChildren(jira, epics.map((epic) => epic.id))).map((child) => ({ parentId: child.parentId, category: statusCategoryFromJira(child.statusCategoryKey) })),
      );

  return ok({
    project: { id: project.id, key: project.key, name: project.name },
    epics: epics.map((epic) => ({
      id: epic.id,
      key: epic.key,
      summary: epic.summary,
      status: { name: epic.statusName, category: statusCategoryFromJira(epic.statusCategoryKey) },
      children: counts.get(epic.id) ?? emptyChildCounts(),
      ...(counting.has(epic.id) ? { counting: true as const } : {}),
    })),
    sprints: orderSprints(sprints).map((sprint) => ({ ...sprint, boardIds: [...(sprint.boardIds ?? [])] })),
    boards: boards.map((board) => ({ id: board.id, name: board.name, type: board.type })),
    ...(cached?.crawl ? { crawl: roadmapCrawl(cached.crawl) } : {}),
  });
}

