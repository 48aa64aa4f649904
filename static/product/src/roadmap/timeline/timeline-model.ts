/**
 * What the timeline draws, as data: lanes with one row per dated item, the undated items apart,
 * release milestones placed in label rows that do not overlap, and dependency connectors with
 * their warnings. Pure (geometry from src/domain/timeline.ts), so it is tested without a browser.
 *
 * In two stages, so a 5,000-item timeline does O(items) work once per board version, not once per
 * render: `timelineLayout` (lanes, rows, undated items, dependencies: what the items say, whatever
 * the zoom) and `timelinePlacement` (the scale and the releases on it: a zoom or the box's width).
 * Where a bar or a connector sits in px is worked out only for those drawn (`barGeometry`,
 * `connectorPath`), a screen's worth, not for every row.
 */
import type { ReleaseView, RoadmapItemView, RoadmapView } from '../../../../../src/contract';
import { isCalendarDate } from '../../../../../src/domain/calendar';
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
  /** Top of the row within the body, px. */
  y: number;
}

export interface TimelineLane {
  id: string;
  name: string;
  y: number;
  height: number;
  /** In rank order, so `y` grows along the list. */
  rows: TimelineRow[];
}

/** A dependency between two items, whatever the zoom. */
export interface TimelineLink {
  key: string;
  fromId: string;
  toId: string;
  suggested: boolean;
  late: boolean;
}

export interface TimelineConnector extends TimelineLink {
  /** SVG path from the blocker's end to the dependent's start. */
  path: string;
}

export interface TimelineRelease {
  release: ReleaseView;
  date: string;
  x: number;
  /** Label row (0, 1, 2); labels that would overlap in every row are left to the diamond's tooltip. */
  row: number | undefined;
}

export type TimelineBlockers = Map<string, Array<{ id: string; title: string; late: boolean; suggested: boolean; epicKeys?: [string, string] }>>;

/** What the items say, whatever the zoom: rows in lanes, the undated items, dependencies. */
export interface TimelineLayout {
  lanes: TimelineLane[];
  bodyHeight: number;
  undated: RoadmapItemView[];
  /** Each dated item's row, by item id. */
  rowOf: ReadonlyMap<string, TimelineRow>;
  /** The earliest and the latest calendar day any item names (none when no item is dated): the scale's reach. */
  extent: string[];
  /** Dependencies whose both ends have a bar. */
  links: TimelineLink[];
  /** Per dependent item: its blockers (titles) and which of them end late, for text beside the bar. */
  blockers: TimelineBlockers;
}

/** The scale at a zoom and the releases on it. */
export interface TimelinePlacement {
  scale: TimelineScale;
  releases: TimelineRelease[];
  /** Releases not drawn for want of a date (archived ones, when hidden, are not counted). */
  releasesUndated: number;
}

export interface TimelineModel extends TimelinePlacement {
  lanes: TimelineLane[];
  bodyHeight: number;
  undated: RoadmapItemView[];
  connectors: TimelineConnector[];
  blockers: TimelineBlockers;
}

/** Rows in the board's order (rank), so a date change never makes a bar jump to another row. */
const byRank = (a: TimelineRow, b: TimelineRow) => (a.item.rank < b.item.rank ? -1 : a.item.rank > b.item.rank ? 1 : 0);

export const releaseLabelRows = 3;
/**
 * A milestone label's width in px, estimated from its text (no layout to measure in a model): the
 * name, a date of about 12 characters and the state's word, at about 6.5 px a character.
 */
const labelWidth = (release: ReleaseView) => 24 + (release.name.length + 15 + (release.state === 'unreleased' ? 10 : 8)) * 6.5;

export function timelineLayout(args: {
  items: readonly RoadmapItemView[];
  board: Pick<Board, 'lanes' | 'context'>;
  view: Pick<RoadmapView, 'suggestedDependencies'>;
}): TimelineLayout {
  const { items, board, view } = args;
  const rowsByLane = new Map<string, TimelineRow[]>();
  const undated: RoadmapItemView[] = [];
  let earliest: string | undefined;
  let latest: string | undefined;
  // YYYY-MM-DD strings order as the days they name; the scale skips what is not a calendar day.
  const reach = (date: string | undefined) => {
    if (date === undefined || (earliest !== undefined && latest !== undefined && date >= earliest && date <= latest)) return;
    if (!isCalendarDate(date)) return;
    if (earliest === undefined || date < earliest) earliest = date;
    if (latest === undefined || date > latest) latest = date;
  };
  for (const item of items) {
    reach(item.startDate);
    reach(item.endDate);
    const span = itemSpan(item);
    if (!span) {
      undated.push(item);
      continue;
    }
    const lane = laneOf(item, board.context.mode, board.context.laneIds);
    const row: TimelineRow = { item, span, y: 0 };
    const list = rowsByLane.get(lane);
    if (list) list.push(row);
    else rowsByLane.set(lane, [row]);
  }
  const lanes: TimelineLane[] = [];
  const rowOf = new Map<string, TimelineRow>();
  let y = 0;
  for (const lane of board.lanes) {
    const rows = (rowsByLane.get(lane.id) ?? []).sort(byRank);
    if (rows.length === 0) continue;
    rows.forEach((row, index) => {
      row.y = y + laneHeadHeight + index * rowHeight;
      rowOf.set(row.item.id, row);
    });
    const height = laneHeadHeight + rows.length * rowHeight;
    lanes.push({ id: lane.id, name: lane.name, y, height, rows });
    y += height + laneGap;
  }

  // Only the items on either end of a dependency are looked at again: a board of 5,000 with a few
  // hundred dependencies builds no map of all 5,000.
  const suggestedBlockers = new Map<string, string[]>();
  for (const suggestion of view.suggestedDependencies ?? []) suggestedBlockers.set(suggestion.itemId, [...(suggestedBlockers.get(suggestion.itemId) ?? []), suggestion.blockedById]);
  const involved = new Set<string>();
  for (const item of items) {
    if (!item.dependsOn?.length) continue;
    involved.add(item.id);
    for (const id of item.dependsOn) involved.add(id);
  }
  for (const [itemId, blockerIds] of suggestedBlockers) {
    involved.add(itemId);
    for (const id of blockerIds) involved.add(id);
  }
  const ends = items.filter((item) => involved.has(item.id));
  const titleOf = new Map(ends.map((item) => [item.id, item.title]));
  const links: TimelineLink[] = [];
  const blockers: TimelineBlockers = new Map();
  const seen = new Set<string>();
  // Suggested dependencies are warned about as set ones are: the schedule is as wrong either way.
  const lateKeys = new Set(
    dependencyWarnings(
      ends.map((item) => {
        const suggested = suggestedBlockers.get(item.id);
        return suggested ? { ...item, dependsOn: [...(item.dependsOn ?? []), ...suggested] } : item;
      }),
    ).map((warning) => `${warning.blockedById}>${warning.itemId}`),
  );
  const connect = (dependentId: string, blockerId: string, suggested: boolean, epicKeys?: [string, string]) => {
    const key = `${blockerId}>${dependentId}`;
    if (seen.has(key) || dependentId === blockerId) return;
    const title = titleOf.get(blockerId);
    if (title === undefined) return;
    seen.add(key);
    const late = lateKeys.has(key);
    const list = blockers.get(dependentId) ?? [];
    list.push({ id: blockerId, title, late, suggested, ...(epicKeys ? { epicKeys } : {}) });
    blockers.set(dependentId, list);
    if (!rowOf.has(dependentId) || !rowOf.has(blockerId)) return;
    links.push({ key, fromId: blockerId, toId: dependentId, suggested, late });
  };
  for (const item of ends) for (const blockerId of item.dependsOn ?? []) connect(item.id, blockerId, false);
  for (const suggestion of view.suggestedDependencies ?? []) connect(suggestion.itemId, suggestion.blockedById, true, suggestion.epicKeys);

  const extent = earliest === undefined || latest === undefined ? [] : [earliest, latest];
  return { lanes, bodyHeight: Math.max(y - laneGap, 0), undated, rowOf, extent, links, blockers };
}

export function timelinePlacement(args: {
  layout: Pick<TimelineLayout, 'extent'>;
  view: Pick<RoadmapView, 'today' | 'releases'>;
  zoom: TimelineZoom;
  showArchived: boolean;
  /** The box's width in px (0 before it is measured): the scale fills at least that. */
  boxWidth?: number;
}): TimelinePlacement {
  const { view } = args;
  const releases = (view.releases ?? []).filter((release) => args.showArchived || !release.archived);
  const dates = [...args.layout.extent];
  for (const release of releases) if (release.releaseDate) dates.push(release.releaseDate);
  const scale = timelineScale({ zoom: args.zoom, today: view.today, dates, minWidth: args.boxWidth ?? 0 });

  const placed: TimelineRelease[] = [];
  const rowEnds = Array.from({ length: releaseLabelRows }, () => -Infinity);
  const dated = releases.filter((release) => release.releaseDate !== undefined).sort((a, b) => (a.releaseDate! < b.releaseDate! ? -1 : a.releaseDate! > b.releaseDate! ? 1 : 0));
  for (const release of dated) {
    const x = xOfDate(scale, release.releaseDate!) + scale.dayWidth / 2;
    const row = rowEnds.findIndex((end) => end < x - 8);
    if (row >= 0) rowEnds[row] = x + labelWidth(release);
    placed.push({ release, date: release.releaseDate!, x, row: row >= 0 ? row : undefined });
  }
  return { scale, releases: placed, releasesUndated: releases.length - dated.length };
}

/** Both stages and every connector's path: the whole timeline as data (for tests and small boards). */
export function timelineModel(args: {
  items: readonly RoadmapItemView[];
  board: Pick<Board, 'lanes' | 'context'>;
  view: Pick<RoadmapView, 'today' | 'releases' | 'suggestedDependencies'>;
  zoom: TimelineZoom;
  showArchived: boolean;
  boxWidth?: number;
}): TimelineModel {
  const layout = timelineLayout(args);
  const placement = timelinePlacement({ ...args, layout });
  const connectors = layout.links.map((link) => ({ ...link, path: connectorPath(placement.scale, layout.rowOf.get(link.fromId)!, layout.rowOf.get(link.toId)!) }));
  return { ...placement, lanes: layout.lanes, bodyHeight: layout.bodyHeight, undated: layout.undated, connectors, blockers: layout.blockers };
}

/**
 * The layout of the board last asked for, kept across mounts: switching to the Timeline and back
 * with the same items (the same array, the same lanes) reuses it instead of grouping 5,000 items again.
 */
let lastLayout: { items: readonly RoadmapItemView[]; suggested: RoadmapView['suggestedDependencies']; lanes: string; layout: TimelineLayout } | undefined;

export function sharedTimelineLayout(args: Parameters<typeof timelineLayout>[0]): TimelineLayout {
  const { board } = args;
  const lanes = `${board.context.mode}\u0000${[...board.context.laneIds].join('\u0000')}\u0001${board.lanes.map((lane) => `${lane.id}\u0000${lane.name}`).join('\u0001')}`;
  if (lastLayout && lastLayout.items === args.items && lastLayout.suggested === args.view.suggestedDependencies && lastLayout.lanes === lanes) return lastLayout.layout;
  const layout = timelineLayout(args);
  lastLayout = { items: args.items, suggested: args.view.suggestedDependencies, lanes, layout };
  return layout;
}

/**
 * The rows of a lane (sorted by `y`) that overlap `[from, to]` in the body's px, as an index range:
 * found by halving, so a render looks at the rows drawn, not at the lane's thousands.
 */
export function rowsInBand(rows: readonly TimelineRow[], band: { from: number; to: number }): { start: number; end: number } {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle]!.y + rowHeight < band.from) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < rows.length && rows[end]!.y <= band.to) end += 1;
  return { start: low, end };
}

/** Whether a connector between two rows crosses the band (either end in it, or passing through). */
export function linkInBand(from: TimelineRow, to: TimelineRow, band: { from: number; to: number }): boolean {
  const top = Math.min(from.y, to.y);
  const bottom = Math.max(from.y, to.y) + rowHeight;
  return bottom >= band.from && top <= band.to;
}

/** From the middle of the blocker's right end to the middle of the dependent's left end, as an S-curve. */
export function connectorPath(scale: Pick<TimelineScale, 'startDate' | 'dayWidth'>, blocker: TimelineRow, dependent: TimelineRow): string {
  const from = barGeometry(scale, blocker.span.startDate, blocker.span.endDate);
  const x1 = from.x + from.width;
  const y1 = blocker.y + rowHeight / 2;
  const x2 = barGeometry(scale, dependent.span.startDate, dependent.span.endDate).x;
  const y2 = dependent.y + rowHeight / 2;
  const bend = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
}
