/** The roadmap's releases and dependencies, as the view carries them. */
import type { ReleaseView, RoadmapItemView, SuggestedDependency } from '../../contract';
import { liveDependsOn, suggestDependencies } from '../../domain/dependencies';
import { releaseState } from '../../domain/releases';
import type { Release } from '../../domain/releases';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';

/** The project's releases in Jira's order, each with its state on the viewer's day. */
export function releaseViews(releases: readonly Release[], today: string): ReleaseView[] {
  return releases.map((release) => ({
    id: release.id,
    name: release.name,
    ...(release.startDate ? { startDate: release.startDate } : {}),
    ...(release.releaseDate ? { releaseDate: release.releaseDate } : {}),
    state: releaseState(release, today),
    archived: release.archived,
  }));
}

/** Items with the blockers that still exist: a deleted item drops out of the lists that name it. */
export function withLiveDependencies(items: RoadmapItemView[]): RoadmapItemView[] {
  const ids = new Set(items.map((item) => item.id));
  return items.map((item) => {
    if (!item.dependsOn) return item;
    const { dependsOn, ...rest } = item;
    const live = liveDependsOn(dependsOn, ids, item.id);
    return live.length > 0 ? { ...rest, dependsOn: live } : rest;
  });
}

/** Jira's Blocks links between the epics the viewer sees, as dependencies not yet set. */
export function suggestedDependencies(epics: readonly LinkedJiraEpic[], items: readonly RoadmapItemView[]): SuggestedDependency[] {
  return suggestDependencies(
    epics.map((epic) => ({
      id: epic.id,
      key: epic.key,
      roadmapItemIds: epic.links.roadmapItemIds,
      ...(epic.blocks ? { blocks: epic.blocks } : {}),
      ...(epic.blockedBy ? { blockedBy: epic.blockedBy } : {}),
    })),
    items,
  );
}
