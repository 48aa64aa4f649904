/**
 * Scores, owners and the Priority order as the roadmap shows them: the facts each item's live
 * inputs read (its evidence count, its epics' remaining points), the board regrouped into owner
 * lanes ("who carries what"), and the ranked list. Pure, no React.
 */
import type { EvidenceSummary, RoadmapItemView, RoadmapView } from '../../../../src/contract';
import { compareByScore, meetsMinScore, scoreItem } from '../../../../src/domain/scoring';
import type { ItemScore, ScoreFacts } from '../../../../src/domain/scoring';
import { noLane } from '../../../../src/domain/roadmap';
import { messages } from '../../../shared/messages';
import type { Board, BoardLane } from './board-model';
import { cellKey } from './board-model';

/** What reach from evidence counts: a single saved JQL's own label ("support requests"), else requests. */
export function evidenceLabel(evidence: EvidenceSummary): string {
  const [only] = evidence.jql;
  return evidence.jql.length === 1 && evidence.issues === 0 && only?.label ? only.label : 'requests';
}

/**
 * The facts an item's live inputs read. Effort from epics is known once every epic is rolled up
 * (`delivery` present) and the item has epics: an item with none has no remaining points to
 * speak of, rather than zero of them.
 */
export function factsOf(item: Pick<RoadmapItemView, 'evidence' | 'delivery' | 'epicIds'>, liveJqlCounts?: Record<string, number | undefined>): ScoreFacts {
  return {
    ...(item.evidence ? { evidence: { count: requestsOf(item.evidence, liveJqlCounts), label: evidenceLabel(item.evidence) } } : {}),
    ...(item.delivery && item.epicIds.length > 0 ? { remainingPoints: item.delivery.rollup.points.remaining } : {}),
  };
}

/**
 * What the evidence counts now: issues linked by key plus each saved search's count, the live one
 * (counted as the viewer after the board renders) before the one the roadmap arrived with.
 */
export function requestsOf(evidence: EvidenceSummary, liveJqlCounts?: Record<string, number | undefined>): number {
  if (!liveJqlCounts) return evidence.requests;
  return evidence.issues + evidence.jql.reduce((sum, query) => sum + (liveJqlCounts[query.id] ?? query.count ?? 0), 0);
}

/** The items whose score reads live JQL counts: reach from evidence that has saved searches. */
export function itemsReadingJql(view: Pick<RoadmapView, 'items' | 'scoring'>): string[] {
  if (view.scoring?.method !== 'rice') return [];
  return view.items.filter((item) => item.scoreInputs?.reach?.source === 'live' && (item.evidence?.jql.length ?? 0) > 0).map((item) => item.id);
}

/** Every item's score under the product's method; `liveJqlCounts`: evidence searches counted since the roadmap loaded. */
export function scoresOf(view: Pick<RoadmapView, 'items' | 'scoring'>, liveJqlCounts?: ReadonlyMap<string, Record<string, number | undefined>>): Map<string, ItemScore> {
  const method = view.scoring?.method ?? 'none';
  return new Map(view.items.map((item) => [item.id, scoreItem(method, item.scoreInputs, factsOf(item, liveJqlCounts?.get(item.id)))]));
}

/** The items in priority order with their scores, cut by a "score at least" filter. */
export function priorityList<T extends Pick<RoadmapItemView, 'id' | 'rank'>>(items: readonly T[], scores: ReadonlyMap<string, ItemScore>, minScore?: number): Array<{ item: T; score: ItemScore }> {
  return items
    .map((item) => ({ item, rank: item.rank, score: scores.get(item.id) ?? ({ kind: 'off' } as ItemScore) }))
    .filter((entry) => meetsMinScore(entry.score, minScore))
    .sort(compareByScore)
    .map(({ item, score }) => ({ item, score }));
}

const byRank = (a: { rank: string }, b: { rank: string }) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);

/**
 * The board with its lanes replaced by owners: one lane per person who owns a shown item (the
 * viewer's first, then by name), and "No owner" last. Columns stay the layout's. A lane here is a
 * person, so this board is for reading: cards keep their goal or custom lane when they move.
 */
export function ownerBoard(board: Board, items: readonly RoadmapItemView[], viewerAccountId: string | undefined): Board {
  const lanes = new Map<string, BoardLane>();
  for (const item of items) if (item.owner) lanes.set(item.owner.accountId, { id: item.owner.accountId, name: item.owner.displayName });
  const people = [...lanes.values()].sort((a, b) => (a.id === viewerAccountId ? -1 : b.id === viewerAccountId ? 1 : a.name.localeCompare(b.name)));
  const laneOfItem = new Map(items.map((item) => [item.id, item.owner?.accountId ?? noLane]));
  const cells = new Map<string, RoadmapItemView[]>();
  for (const [key, cellItems] of board.cells) {
    const column = key.slice(key.indexOf('|') + 1);
    for (const item of cellItems) {
      const target = cellKey(laneOfItem.get(item.id) ?? noLane, column);
      const cell = cells.get(target);
      if (cell) cell.push(item);
      else cells.set(target, [item]);
    }
  }
  for (const cell of cells.values()) cell.sort(byRank);
  return { ...board, lanes: [...people, { id: noLane, name: messages.priority.noOwner }], cells };
}

/** What the roadmap filter reads of an item's owner and score: whether the viewer owns it, and its score. */
export function priorityFactsOf(scores: ReadonlyMap<string, ItemScore>, viewerAccountId: string | undefined) {
  return (item: Pick<RoadmapItemView, 'id' | 'owner'>): { mine: boolean; score?: number } => {
    const score = scores.get(item.id);
    return { mine: item.owner !== undefined && item.owner.accountId === viewerAccountId, ...(score?.kind === 'scored' ? { score: score.score } : {}) };
  };
}
