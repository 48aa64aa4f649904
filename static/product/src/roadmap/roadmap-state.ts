/**
 * The roadmap as the tab holds it, and every change to it as data: after a write, or before it for
 * an optimistic move. Pure, so it is tested without React.
 */
import type { EpicLinksView, LaneView, RoadmapEpic, RoadmapItemView, RoadmapView } from '../../../../src/contract';
import type { LaneMode, Placement } from '../../../../src/domain/roadmap';
import { placed } from './board-model';

export type RoadmapChange =
  | { type: 'loaded'; view: RoadmapView }
  /** An item as saved (created, edited or moved); delivery is kept when the answer has none. */
  | { type: 'item'; item: RoadmapItemView }
  | { type: 'item-removed'; id: string }
  /** An optimistic move: the placement `applyMove` gave. */
  | { type: 'item-placed'; id: string; placement: Placement }
  | { type: 'lanes'; laneMode: LaneMode; lanes: LaneView[]; setupVersion: number }
  /** Epics' links after `linkEpics`; the items' `epicIds` follow them. */
  | { type: 'epic-links'; epics: EpicLinksView[] }
  /** An epic just created from an item: known to the roadmap at once, before Jira's search lists it. */
  | { type: 'epic-created'; itemId: string; epic: RoadmapEpic };

export function applyRoadmapChange(view: RoadmapView, change: RoadmapChange): RoadmapView {
  switch (change.type) {
    case 'loaded':
      return change.view;
    case 'item': {
      const known = view.items.find((i) => i.id === change.item.id);
      const item = { ...change.item, ...(change.item.delivery || !known?.delivery ? {} : { delivery: known.delivery }) };
      return { ...view, items: known ? view.items.map((i) => (i.id === item.id ? item : i)) : [...view.items, item] };
    }
    case 'item-removed':
      return {
        ...view,
        items: view.items.filter((i) => i.id !== change.id),
        epics: view.epics.map((e) => (e.roadmapItemIds.includes(change.id) ? { ...e, roadmapItemIds: e.roadmapItemIds.filter((id) => id !== change.id) } : e)),
      };
    case 'item-placed':
      return { ...view, items: view.items.map((i) => (i.id === change.id ? placed(i, change.placement) : i)) };
    case 'lanes':
      return { ...view, laneMode: change.laneMode, lanes: change.lanes, setupVersion: change.setupVersion };
    case 'epic-links': {
      const byEpic = new Map(change.epics.map((e) => [e.epicId, e]));
      const epics = view.epics.map((e) => {
        const links = byEpic.get(e.id);
        if (!links) return e;
        const { sync: _previous, ...rest } = e;
        const next = { ...rest, goalIds: links.goalIds, directGoalIds: links.directGoalIds, roadmapItemIds: links.roadmapItemIds, linksVersion: links.linksVersion };
        return links.sync ? { ...next, sync: links.sync } : next;
      });
      const items = view.items.map((item) => {
        let epicIds = item.epicIds;
        for (const links of change.epics) {
          const has = epicIds.includes(links.epicId);
          const should = links.roadmapItemIds.includes(item.id);
          if (has && !should) epicIds = epicIds.filter((id) => id !== links.epicId);
          if (!has && should) epicIds = [...epicIds, links.epicId];
        }
        return epicIds === item.epicIds ? item : { ...item, epicIds };
      });
      return { ...view, epics, items };
    }
    case 'epic-created': {
      const epics = view.epics.some((e) => e.id === change.epic.id) ? view.epics.map((e) => (e.id === change.epic.id ? change.epic : e)) : [...view.epics, change.epic];
      const items = view.items.map((item) => (item.id === change.itemId && !item.epicIds.includes(change.epic.id) ? { ...item, epicIds: [...item.epicIds, change.epic.id] } : item));
      return { ...view, epics, items };
    }
  }
}
