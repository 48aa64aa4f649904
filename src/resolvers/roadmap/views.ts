/** Stored roadmap records and Jira's epics, shaped as the contract's views. */
import type { EpicLinksView, RoadmapEpic, RoadmapItemView } from '../../contract';
import type { EpicRollup } from '../../domain/epic-rollup';
import type { EpicLinks } from '../../domain/epic-links';
import type { ItemDelivery } from '../../domain/item-delivery';
import { statusCategoryFromJira } from '../../domain/status-category';
import type { LinkedJiraEpic } from '../../adapters/jira/epic-links';
import type { Keyed, RoadmapItemRecord } from '../../adapters/storage/records';
import { priorityView } from './item-priority';

export function itemView(item: Keyed<RoadmapItemRecord>, epicIds: readonly string[], delivery?: ItemDelivery): RoadmapItemView {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    ...(item.goalId ? { goalId: item.goalId } : {}),
    ...(item.laneId ? { laneId: item.laneId } : {}),
    horizon: item.horizon,
    ...(item.startDate ? { startDate: item.startDate } : {}),
    ...(item.endDate ? { endDate: item.endDate } : {}),
    status: item.status,
    rank: item.rank,
    version: item.version,
    epicIds: [...epicIds],
    ...(delivery ? { delivery } : {}),
    ...priorityView(item),
    updated: { at: item.updatedAt, by: item.updatedBy },
    ...(item.dependsOn?.length ? { dependsOn: [...item.dependsOn] } : {}),
  };
}

export function linksView(epicId: string, links: EpicLinks): EpicLinksView {
  return {
    epicId,
    goalIds: links.goalIds,
    directGoalIds: links.directGoalIds,
    roadmapItemIds: links.roadmapItemIds,
    linksVersion: links.version,
  };
}

export function epicStatus(epic: Pick<LinkedJiraEpic, 'statusName' | 'statusCategoryKey'>) {
  return { name: epic.statusName, category: statusCategoryFromJira(epic.statusCategoryKey) };
}

export function roadmapEpic(epic: LinkedJiraEpic, rollup: EpicRollup | undefined): RoadmapEpic {
  return {
    id: epic.id,
    key: epic.key,
    summary: epic.summary,
    status: epicStatus(epic),
    goalIds: epic.links.goalIds,
    directGoalIds: epic.links.directGoalIds,
    roadmapItemIds: epic.links.roadmapItemIds,
    linksVersion: epic.links.version,
    ...(epic.sync ? { sync: epic.sync } : {}),
    ...(rollup ? { rollup } : {}),
  };
}

/** Item id → the ids of the epics that name it in their link property, in the epics' order. */
export function epicsByItem(epics: readonly Pick<LinkedJiraEpic, 'id' | 'links'>[]): Map<string, string[]> {
  const byItem = new Map<string, string[]>();
  for (const epic of epics) {
    for (const itemId of epic.links.roadmapItemIds) {
      const list = byItem.get(itemId);
      if (list) list.push(epic.id);
      else byItem.set(itemId, [epic.id]);
    }
  }
  return byItem;
}
