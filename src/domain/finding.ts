/**
 * Finding things in long lists: the roadmap's filter and the alignment tab's epic filter. Pure, so
 * the rules are tested as tables; the UI applies them to what it already holds (no resolver call).
 */
import { horizons, itemStatuses } from './roadmap';
import type { Horizon, RoadmapItemStatus } from './roadmap';

/** Case and accents folded, so "cafe" finds "Café" and "thr-12" finds "THR-12". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded: what every match must contain. Blank: no words, which matches all. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** Every word of the query appears in one of the fields (in any order): narrowing as one types more. */
export function matchesQuery(query: string, fields: readonly string[]): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const haystack = fields.map(foldText);
  return words.every((word) => haystack.some((field) => field.includes(word)));
}

/** `goal`: `''` any goal, `noGoal` items serving none, else a goal id. `status`: `''` any. */
export interface RoadmapFilter {
  text: string;
  goal: string;
  status: RoadmapItemStatus | '';
  atRisk: boolean;
  /** Only the viewer's own items (they own them). */
  mine?: boolean;
  /** Only items scoring at least this (unscored items never pass). */
  minScore?: number;
  /** Not a filter but how lanes are drawn: by owner ("who carries what"). Kept with the filter in the route. */
  byOwner?: boolean;
  /** Only items on this horizon (Now, Next, Later); absent: any. */
  horizon?: Horizon;
  /** Only items no epic delivers yet: the plan not yet turned into work. */
  noEpics?: boolean;
}

export const noGoal = 'none';
export const emptyRoadmapFilter: RoadmapFilter = { text: '', goal: '', status: '', atRisk: false };

export const isFiltering = (filter: RoadmapFilter): boolean =>
  queryWords(filter.text).length > 0 || filter.goal !== '' || filter.status !== '' || filter.atRisk || filter.mine === true || filter.minScore !== undefined || filter.horizon !== undefined || filter.noEpics === true;

/** What the filter looks at in an item: its title, its epics' keys and summaries, goal, status, risk. */
export interface FilterableItem {
  title: string;
  goalId?: string;
  status: RoadmapItemStatus;
  horizon?: Horizon;
  epicIds: readonly string[];
  atRisk: boolean;
  /** The viewer owns it. */
  mine?: boolean;
  /** Its priority score; absent: unscored. */
  score?: number;
}

/** The items the filter lets through, in their order. `epicText`: an epic's key and summary, by id. */
export function filterRoadmapItems<T extends FilterableItem>(items: readonly T[], filter: RoadmapFilter, epicText: (epicId: string) => readonly string[]): T[] {
  if (!isFiltering(filter)) return [...items];
  return items.filter(
    (item) =>
      (filter.goal === '' || (filter.goal === noGoal ? !item.goalId : item.goalId === filter.goal)) &&
      (filter.status === '' || item.status === filter.status) &&
      (!filter.atRisk || item.atRisk) &&
      (!filter.mine || item.mine === true) &&
      (filter.minScore === undefined || (item.score !== undefined && item.score >= filter.minScore)) &&
      (filter.horizon === undefined || item.horizon === filter.horizon) &&
      (!filter.noEpics || item.epicIds.length === 0) &&
      matchesQuery(filter.text, [item.title, ...item.epicIds.flatMap(epicText)]),
  );
}

/** Query text is cut here: a filter is a few words, and a URL carrying it stays short. */
export const maxQueryLength = 100;

/** A filter from untrusted parts (a URL, a form): anything unknown is dropped, never thrown on. */
export function roadmapFilterOf(parts: {
  text?: unknown;
  goal?: unknown;
  status?: unknown;
  atRisk?: unknown;
  mine?: unknown;
  minScore?: unknown;
  byOwner?: unknown;
  horizon?: unknown;
  noEpics?: unknown;
}): RoadmapFilter {
  const text = typeof parts.text === 'string' ? parts.text.slice(0, maxQueryLength) : '';
  const goal = typeof parts.goal === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(parts.goal) ? parts.goal : '';
  const status = itemStatuses.find((s) => s === parts.status) ?? '';
  const horizon = horizons.find((h) => h === parts.horizon);
  // A score bound is a finite number of sensible size (scores of bounded inputs stay far below 1e12).
  const minScore = typeof parts.minScore === 'number' && Number.isFinite(parts.minScore) && Math.abs(parts.minScore) <= 1e12 ? parts.minScore : undefined;
  return {
    text,
    goal,
    status,
    atRisk: parts.atRisk === true,
    ...(parts.mine === true ? { mine: true } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...(parts.byOwner === true ? { byOwner: true } : {}),
    ...(horizon ? { horizon } : {}),
    ...(parts.noEpics === true ? { noEpics: true } : {}),
  };
}
