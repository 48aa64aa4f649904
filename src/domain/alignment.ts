/**
 * Which epics serve which goals, for project managers: the epics × goals matrix, the open epics
 * that serve no goal, and the goals no epic serves. An epic serves a goal directly (linked to it)
 * or through a roadmap item of that goal; items are read as they are now, so an item moved to
 * another goal moves its epics at once, even where Jira refused to rewrite an epic's `goalIds`.
 * Archived goals do not count: an epic serving only archived goals serves none.
 */
import type { StatusCategory } from './model';

/** How an epic reaches a goal. */
export type GoalLinkKind = 'direct' | 'item' | 'both';

export interface AlignmentEpicInput {
  id: string;
  category: StatusCategory;
  directGoalIds: readonly string[];
  roadmapItemIds: readonly string[];
}

export interface AlignmentGoalInput {
  id: string;
  status: string;
}

export interface EpicGoalLink {
  goalId: string;
  via: GoalLinkKind;
}

export interface Alignment {
  /** Per epic, in the order given: the counted goals it serves, in the goals' order. */
  links: Map<string, EpicGoalLink[]>;
  /** Open epics (not done) serving no counted goal, in the order given. */
  unalignedEpicIds: string[];
  /** Counted goals no epic serves (done epics included: finished work still served the goal). */
  goalsWithoutWork: string[];
}

/** The goals one epic serves, with how, in the goals' order; goals not in `goalOrder` are left out. */
export function goalLinksOf(epic: Pick<AlignmentEpicInput, 'directGoalIds' | 'roadmapItemIds'>, goalOfItem: (itemId: string) => string | undefined, goalOrder: ReadonlyMap<string, number>): EpicGoalLink[] {
  const via = new Map<string, GoalLinkKind>();
  for (const goalId of epic.directGoalIds) via.set(goalId, 'direct');
  for (const itemId of epic.roadmapItemIds) {
    const goalId = goalOfItem(itemId);
    if (goalId === undefined) continue;
    via.set(goalId, via.get(goalId) === 'direct' || via.get(goalId) === 'both' ? 'both' : 'item');
  }
  return [...via]
    .filter(([goalId]) => goalOrder.has(goalId))
    .sort(([a], [b]) => (goalOrder.get(a) as number) - (goalOrder.get(b) as number))
    .map(([goalId, kind]) => ({ goalId, via: kind }));
}

export function alignmentOf(args: {
  epics: readonly AlignmentEpicInput[];
  /** In display order. */
  goals: readonly AlignmentGoalInput[];
  goalOfItem: (itemId: string) => string | undefined;
}): Alignment {
  const counted = args.goals.filter((goal) => goal.status !== 'archived');
  const goalOrder = new Map(counted.map((goal, index) => [goal.id, index]));
  const links = new Map<string, EpicGoalLink[]>();
  const served = new Set<string>();
  const unalignedEpicIds: string[] = [];
  for (const epic of args.epics) {
    const epicLinks = goalLinksOf(epic, args.goalOfItem, goalOrder);
    links.set(epic.id, epicLinks);
    for (const link of epicLinks) served.add(link.goalId);
    if (epicLinks.length === 0 && epic.category !== 'done') unalignedEpicIds.push(epic.id);
  }
  return { links, unalignedEpicIds, goalsWithoutWork: counted.filter((goal) => !served.has(goal.id)).map((goal) => goal.id) };
}

export type UnalignedOrder = 'size' | 'activity';

export interface SortableEpic {
  key: string;
  /** Story points of its children (estimated ones), and how many children. Absent while loading. */
  size?: { points: number; issues: number };
  /** The epic's own `updated` instant (ISO 8601). */
  updated?: string;
}

/**
 * Unaligned epics in the order a project manager asks for: the biggest first (points, then child
 * count; epics still loading last), or the most recently active first (undated last). Ties keep
 * the key order, so the list never shuffles between loads.
 */
export function sortUnaligned<T extends SortableEpic>(epics: readonly T[], order: UnalignedOrder): T[] {
  const byKey = (a: T, b: T) => a.key.localeCompare(b.key, 'en', { numeric: true });
  const compare =
    order === 'size'
      ? (a: T, b: T) => (b.size?.points ?? -1) - (a.size?.points ?? -1) || (b.size?.issues ?? -1) - (a.size?.issues ?? -1) || byKey(a, b)
      : (a: T, b: T) => (b.updated ? Date.parse(b.updated) : -Infinity) - (a.updated ? Date.parse(a.updated) : -Infinity) || byKey(a, b);
  return [...epics].sort((a, b) => {
    const result = compare(a, b);
    return Number.isNaN(result) ? byKey(a, b) : result;
  });
}
