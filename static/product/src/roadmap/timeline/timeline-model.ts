/**
 * What the timeline draws, as data: lanes with one row per dated item, the undated items apart,
 * release milestones placed in label rows that do not overlap, and dependency connectors with
 * their warnings. Pure (geometry from src/domain/timeline.ts), so it is tested without a browser.
 */
import type { ReleaseView, RoadmapItemView, RoadmapView } from '../../../../../src/contract';
import { laneOf } from '../../../../../src/domain/roadmap';
import { dependencyWarnings } from '../../../../../src/domain/dependencies';
import { barGeometry, itemSpan, timelineScale, xOfDate } from '../../../../../src/domain/timeline';
import type { Span, TimelineScale, TimelineZoom } from '../../../../../src/domain/timeline';
import type { Board } from '../board-model';

/** Row and lane-head heights in px (timeline.css uses the same). */
export const rowHeight = 36;
export const laneHeadHeight = 36;
export const laneGap = 8;

export interface TimelineRow {
  item: RoadmapItemView;
  span: Span;
  x: number;
  width: number;
  /** Top of the row within the body, px. */
  y: number;
}

export interface TimelineLane {
  id: string;
  name: string;
  y: number;
  height: number;
  rows: TimelineRow[];
}

export interface TimelineConnector {
  key: string;
  fromId: string;
  toId: string;
  /** SVG path from the blocker's end to the dependent's start. */
  path: string;
  suggested: boolean;
  late: boolean;
}

export interface TimelineRelease {
  release: ReleaseView;
  date: string;
  x: number;
  /** Label row (0, 1, 2); labels that would overlap in every row are left to the diamond's tooltip. */
  row: number | undefined;
}

export interface TimelineModel {
  scale: TimelineScale;
  lanes: TimelineLane[];
  bodyHeight: number;
  undated: RoadmapItemView[];
  releases: TimelineRelease[];
  /** Releases not drawn for want of a date (archived ones, when hidden, are not counted). */
  releasesUndated: number;
  connectors: TimelineConnector[];
  /** Per dependent item: its blockers (titles) and which of them end late, for text beside the bar. */
  blockers: Map<string, Array<{ id: string; title: string; late: boolean; suggested: boolean; epicKeys?: [string, string] }>>;
}

/** Rows in the board's order (rank), so a date change never makes a bar jump to another row. */
const byRank = (a: TimelineRow, b: TimelineRow) => (a.item.rank < b.item.rank ? -1 : a.item.rank > b.item.rank ? 1 : 0);

export const releaseLabelRows = 3;
/**
 * A milestone label's width in px, estimated from its text (no layout to measure in a model): the
 * name, a date of about 12 characters and the state's word, at about 6.5 px a character.
 */
const labelWidth = (release: ReleaseView) => 24 + (release.name.length + 15 + (release.state === 'unreleased' ? 10 : 8)) * 6.5;

export function timelineModel(args: {
  items: readonly RoadmapItemView[];
  board: Pick<Board, 'lanes' | 'context'>;
  view: Pick<RoadmapView, 'today' | 'releases' | 'suggestedDependencies'>;
  zoom: TimelineZoom;
  showArchived: boolean;
  /** The box's width in px (0 before it is measured): the scale fills at least that. */
  boxWidth?: number;
}): TimelineModel {
  const { items, board, view } = args;
  const releases = (view.releases ?? []).filter((release) => args.showArchived || !release.archived);
  const dates: string[] = [];
  for (const item of items) {
    if (item.startDate) dates.push(item.startDate);
    if (item.endDate) dates.push(item.endDate);
  }
  for (const release of releases) if (release.releaseDate) dates.push(release.releaseDate);
  const scale = timelineScale({ zoom: args.zoom, today: view.today, dates, minWidth: args.boxWidth ?? 0 });

  const rowsByLane = new Map<string, TimelineRow[]>();
  const undated: RoadmapItemView[] = [];
  for (const item of items) {
    const span = itemSpan(item);
    if (!span) {
      undated.push(item);
      continue;
    }
    const lane = laneOf(item, board.context.mode, board.context.laneIds);
    const { x, width } = barGeometry(scale, span.startDate, span.endDate);
    const row: TimelineRow = { item, span, x, width, y: 0 };
    const list = rowsByLane.get(lane);
    if (list) list.push(row);
    else rowsByLane.set(lane, [row]);
  }
  const lanes: TimelineLane[] = [];
  let y = 0;
  for (const lane of board.lanes) {
    const rows = (rowsByLane.get(lane.id) ?? []).sort(byRank);
    if (rows.length === 0) continue;
    rows.forEach((row, index) => (row.y = y + laneHeadHeight + index * rowHeight));
    const height = laneHeadHeight + rows.length * rowHeight;
    lanes.push({ id: lane.id, name: lane.name, y, height, rows });
    y += height + laneGap;
  }

  const placed: TimelineRelease[] = [];
  const rowEnds = Array.from({ length: releaseLabelRows }, () => -Infinity);
  let releasesUndated = 0;
  const dated = releases.filter((release) => release.releaseDate !== undefined).sort((a, b) => (a.releaseDate! < b.releaseDate! ? -1 : a.releaseDate! > b.releaseDate! ? 1 : 0));
  releasesUndated = releases.length - dated.length;
  for (const release of dated) {
    const x = xOfDate(scale, release.releaseDate!) + scale.dayWidth / 2;
    const row = rowEnds.findIndex((end) => end < x - 8);
    if (row >= 0) rowEnds[row] = x + labelWidth(release);
    placed.push({ release, date: release.releaseDate!, x, row: row >= 0 ? row : undefined });
  }

  const rowOf = new Map<string, TimelineRow>();
  for (const lane of lanes) for (const row of lane.rows) rowOf.set(row.item.id, row);
  const titleOf = new Map(items.map((item) => [item.id, item.title]));
  const connectors: TimelineConnector[] = [];
  const blockers = new Map<string, Array<{ id: string; title: string; late: boolean; suggested: boolean; epicKeys?: [string, string] }>>();
  const seen = new Set<string>();
  // Suggested dependencies are warned about as set ones are: the schedule is as wrong either way.
  const suggestedBlockers = new Map<string, string[]>();
  for (const suggestion of view.suggestedDependencies ?? []) suggestedBlockers.set(suggestion.itemId, [...(suggestedBlockers.get(suggestion.itemId) ?? []), suggestion.blockedById]);
  const lateKeys = new Set(
    dependencyWarnings(items.map((item) => ({ ...item, dependsOn: [...(item.dependsOn ?? []), ...(suggestedBlockers.get(item.id) ?? [])] }))).map(
      (warning) => `${warning.blockedById}>${warning.itemId}`,
    ),
  );
  const connect = (dependentId: string, blockerId: string, suggested: boolean, epicKeys?: [string, string]) => {
    const key = `${blockerId}>${dependentId}`;
    if (seen.has(key) || dependentId === blockerId) return;
    const dependent = rowOf.get(dependentId);
    const blocker = rowOf.get(blockerId);
    const title = titleOf.get(blockerId);
    if (title === undefined) return;
    seen.add(key);
    const late = lateKeys.has(key);
    const list = blockers.get(dependentId) ?? [];
    list.push({ id: blockerId, title, late, suggested, ...(epicKeys ? { epicKeys } : {}) });
    blockers.set(dependentId, list);
    if (!dependent || !blocker) return;
    connectors.push({ key, fromId: blockerId, toId: dependentId, path: connectorPath(blocker, dependent), suggested, late });
  };
  for (const item of items) for (const blockerId of item.dependsOn ?? []) connect(item.id, blockerId, false);
  for (const suggestion of view.suggestedDependencies ?? []) connect(suggestion.itemId, suggestion.blockedById, true, suggestion.epicKeys);

  return { scale, lanes, bodyHeight: Math.max(y - laneGap, 0), undated, releases: placed, releasesUndated, connectors, blockers };
}

/** From the middle of the blocker's right end to the middle of the dependent's left end, as an S-curve. */
function connectorPath(blocker: TimelineRow, dependent: TimelineRow): string {
  const x1 = blocker.x + blocker.width;
  const y1 = blocker.y + rowHeight / 2;
  const x2 = dependent.x;
  const y2 = dependent.y + rowHeight / 2;
  const bend = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}
