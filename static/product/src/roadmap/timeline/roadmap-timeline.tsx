import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RoadmapItemView, RoadmapView } from '../../../../../src/contract';
import { dragDays, keyboardStepDays, openingScrollLeft, shiftSpan, timelineZooms, barGeometry, dateAtX, xOfDate } from '../../../../../src/domain/timeline';
import type { BarEdit, Span, TimelineZoom } from '../../../../../src/domain/timeline';
import { limits } from '../../../../../src/validation/limits';
import { useAnnounce } from '../../../../shared/announcer';
import { formatDay, formatNumber } from '../../../../shared/format';
import { formatList } from '../../../../shared/list-format';
import { messages } from '../../../../shared/messages';
import { RadioGroup } from '../../../../shared/radio-group';
import type { Board } from '../board-model';
import { markRender, renderMarks } from '../use-roadmap';
import { ListSpacer, WindowBox, useWindowedRows } from '../../../../shared/windowed-list';
import { tickLabel, tickLongLabel } from './tick-label';
import { connectorPath, linkInBand, releaseLabelRows, rowHeight, rowsInBand, sharedTimelineLayout, timelinePlacement } from './timeline-model';
import type { TimelineBlockers, TimelinePlacement, TimelineRelease, TimelineRow } from './timeline-model';
import './timeline.css';

const t = messages.timeline;
const zoomKey = 'throughline.roadmap.timeline.zoom';
const bounds = { firstYear: limits.firstYear, lastYear: limits.lastYear };
/** The box's height before it is measured (its max-block-size, 44rem), and how far a scroll goes before rows are redrawn. */
const fallbackViewHeight = 704;
const windowStepPx = 4 * rowHeight;
/** A pointer must travel this far before a press on a bar is a drag rather than a click. */
const dragThresholdPx = 4;

function rememberedZoom(): TimelineZoom {
  try {
    const saved = window.sessionStorage.getItem(zoomKey);
    return timelineZooms.find((zoom) => zoom === saved) ?? 'months';
  } catch {
    return 'months';
  }
}

export interface RoadmapTimelineProps {
  view: RoadmapView;
  /** The items shown (the filter applied). */
  items: readonly RoadmapItemView[];
  board: Board;
  canEdit: boolean;
  selectedId: string | undefined;
  onOpen: (itemId: string) => void;
  /** Saves exact dates for an item; false when nothing changed. */
  onSetDates: (itemId: string, span: Span) => boolean;
}

/** An edit in progress: the bar drawn at these dates until it is saved or cancelled. */
interface Draft {
  itemId: string;
  span: Span;
}

/**
 * The Timeline layout: each dated item a bar from its start to its end date, in the board's lanes,
 * on a month / quarter / year scale with today marked; releases as milestones in the sticky header;
 * dependencies as connectors. The box scrolls itself both ways (the header sticks to its top, as the
 * board's column heads do) and opens on today. Editors drag a bar or its ends, or use the keys the
 * help text names; every change goes through `onSetDates` (one write path, `moveRoadmapItem`).
 */
export function RoadmapTimeline(props: RoadmapTimelineProps) {
  const { view, items, board, canEdit } = props;
  const announce = useAnnounce();
  const [zoom, setZoomState] = useState<TimelineZoom>(rememberedZoom);
  const [showArchived, setShowArchived] = useState(false);
  const [draft, setDraft] = useState<Draft>();
  const scroller = useRef<HTMLDivElement>(null);
  const boxWidth = useBoxWidth(scroller);
  // The board's lanes and rows once per board version (kept across a switch away and back); the
  // scale per zoom and width; px only for what is drawn.
  const layout = useMemo(() => sharedTimelineLayout({ items, board, view }), [items, board, view.suggestedDependencies]);
  const model = useMemo(() => timelinePlacement({ layout, view, zoom, showArchived, boxWidth }), [layout, view.today, view.releases, zoom, showArchived, boxWidth]);
  const latest = useRef({ model, layout, props, draft });
  latest.current = { model, layout, props, draft };

  useLayoutEffect(() => {
    markRender(renderMarks.committed);
  }, [layout, model]);

  // Opens on today; a zoom keeps the day at the middle of the box in the middle.
  const anchorDay = useRef<string>();
  const opened = useRef(false);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    if (!opened.current) {
      opened.current = true;
      element.scrollLeft = openingScrollLeft(model.scale, element.clientWidth);
    } else if (anchorDay.current) {
      element.scrollLeft = Math.max(0, xOfDate(model.scale, anchorDay.current) - element.clientWidth / 2);
      anchorDay.current = undefined;
    }
  }, [model.scale]);

  const setZoom = (next: TimelineZoom) => {
    const element = scroller.current;
    if (element) anchorDay.current = dateAtX(model.scale, element.scrollLeft + element.clientWidth / 2);
    setZoomState(next);
    try {
      window.sessionStorage.setItem(zoomKey, next);
    } catch {
      // Storage may be off in the iframe; the zoom is then kept for this visit only.
    }
  };

  const spanOf = useCallback((itemId: string): Span | undefined => {
    const { draft: current, layout: drawn } = latest.current;
    if (current?.itemId === itemId) return current.span;
    return drawn.rowOf.get(itemId)?.span;
  }, []);
  const originalSpan = useCallback((itemId: string): Span | undefined => latest.current.layout.rowOf.get(itemId)?.span, []);
  const titleOf = (itemId: string) => latest.current.props.items.find((item) => item.id === itemId)?.title ?? '';

  const commit = useCallback((itemId: string, span: Span | undefined) => {
    setDraft(undefined);
    if (span) latest.current.props.onSetDates(itemId, span);
  }, []);

  const onKeyDown = useCallback(
    (itemId: string, event: React.KeyboardEvent<HTMLButtonElement>) => {
      const current = latest.current.draft?.itemId === itemId ? latest.current.draft : undefined;
      if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !event.ctrlKey && !event.metaKey) {
        const edit: BarEdit = event.shiftKey ? 'end' : event.altKey ? 'start' : 'move';
        const from = current?.span ?? originalSpan(itemId);
        if (!from) return;
        event.preventDefault();
        const step = keyboardStepDays(latest.current.model.scale.zoom) * (event.key === 'ArrowLeft' ? -1 : 1);
        const span = shiftSpan(from, edit, step, bounds);
        setDraft({ itemId, span });
        announce(t.draft(formatDay(span.startDate), formatDay(span.endDate)));
      } else if (event.key === 'Enter' && current) {
        event.preventDefault();
        commit(itemId, current.span);
      } else if (event.key === 'Escape' && current) {
        event.preventDefault();
        event.stopPropagation();
        setDraft(undefined);
        announce(t.draftCancelled(titleOf(itemId)));
      }
    },
    [announce, commit, originalSpan],
  );

  const onBlur = useCallback(
    (itemId: string) => {
      if (latest.current.draft?.itemId !== itemId || dragging.current) return;
      setDraft(undefined);
      announce(t.draftCancelled(titleOf(itemId)));
    },
    [announce],
  );

  // A pointer drag of a bar (edit 'move') or of one of its ends.
  // The drag keeps its own span: a pointerup may come before React has rendered the last move.
  const dragging = useRef<{ itemId: string; edit: BarEdit; startX: number; from: Span; span: Span; moved: boolean }>();
  const suppressClick = useRef(false);
  const onPointerDown = useCallback((itemId: string, event: React.PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    const from = originalSpan(itemId);
    if (!from) return;
    const edit = ((event.target as HTMLElement).dataset['edit'] as BarEdit | undefined) ?? 'move';
    dragging.current = { itemId, edit, startX: event.clientX, from, span: from, moved: false };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }, [originalSpan]);
  const onPointerMove = useCallback((event: React.PointerEvent<HTMLButtonElement>) => {
    const drag = dragging.current;
    if (!drag) return;
    const dx = event.clientX - drag.startX;
    if (!drag.moved && Math.abs(dx) < dragThresholdPx) return;
    drag.moved = true;
    const span = shiftSpan(drag.from, drag.edit, dragDays(latest.current.model.scale.zoom, dx), bounds);
    drag.span = span;
    setDraft((current) => (current?.itemId === drag.itemId && current.span.startDate === span.startDate && current.span.endDate === span.endDate ? current : { itemId: drag.itemId, span }));
  }, []);
  const onPointerUp = useCallback((event: React.PointerEvent<HTMLButtonElement>) => {
    const drag = dragging.current;
    dragging.current = undefined;
    if (!drag?.moved) return;
    suppressClick.current = true;
    event.currentTarget.releasePointerCapture?.(event.pointerId);
    commit(drag.itemId, drag.span);
  }, [commit]);
  const onPointerCancel = useCallback(() => {
    dragging.current = undefined;
    setDraft(undefined);
  }, []);
  const onClick = useCallback((itemId: string) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    latest.current.props.onOpen(itemId);
  }, []);

  // Rows are drawn a screen above and below the box's view, like the board's lanes: 1,000 bars
  // mounted at once cost more than the 200 ms a layout or zoom change may take. The focused bar
  // always stays, so focus never falls to the page.
  const [visible, setVisible] = useState<{ top: number; height: number } | 'all'>({ top: 0, height: fallbackViewHeight });
  const [keepId, setKeepId] = useState<string>();
  const frameRequest = useRef(0);
  useLayoutEffect(() => {
    const element = scroller.current;
    // Nothing laid out (jsdom): every row is drawn.
    if (element && element.clientHeight === 0) setVisible('all');
  }, []);
  const onScroll = () => {
    if (frameRequest.current) return;
    frameRequest.current = requestAnimationFrame(() => {
      frameRequest.current = 0;
      const element = scroller.current;
      if (!element || element.clientHeight === 0) return;
      setVisible((current) =>
        current !== 'all' && Math.abs(current.top - element.scrollTop) < windowStepPx && current.height === element.clientHeight ? current : { top: element.scrollTop, height: element.clientHeight },
      );
    });
  };
  useEffect(() => () => cancelAnimationFrame(frameRequest.current), []);
  const shown = visible === 'all' ? { from: -Infinity, to: Infinity } : { from: visible.top - visible.height, to: visible.top + 2 * visible.height };
  const onFocusBar = useCallback((itemId: string | undefined) => setKeepId(itemId), []);

  const handlers = { onKeyDown, onBlur, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onClick, onFocusBar };
  const { scale } = model;
  const archivedCount = (view.releases ?? []).filter((release) => release.archived).length;
  // Hundreds of undated items are a list in a box of their own, drawn a few screens at a time.
  const undated = useWindowedRows({ count: layout.undated.length, keyOf: (index) => layout.undated[index]!.id, estimate: 30, gap: 8 });
  // Connectors as rows are: those crossing the rows drawn, and those of a bar kept drawn (focused, edited).
  const pinnedRow = (id: string) => id === keepId || id === draft?.itemId;
  // A lane scrolled out of the band still draws a focused or edited bar of its own, so focus stays on it.
  const pinnedIn = (lane: { y: number; height: number }) =>
    [keepId, draft?.itemId].some((id) => {
      const row = id === undefined ? undefined : layout.rowOf.get(id);
      return row !== undefined && row.y >= lane.y && row.y < lane.y + lane.height;
    });
  const connectors = layout.links.filter((link) => {
    const from = layout.rowOf.get(link.fromId)!;
    const to = layout.rowOf.get(link.toId)!;
    return linkInBand(from, to, shown) || pinnedRow(link.fromId) || pinnedRow(link.toId);
  });
  const stepDays = keyboardStepDays(zoom);
  return (
    <div className="tl">
      <div className="tl-toolbar">
        <RadioGroup legend={t.zoomLegend} value={zoom} options={timelineZooms.map((value) => ({ value, label: t.zooms[value] }))} onChange={setZoom} />
        {archivedCount > 0 ? (
          <label className="tl-check">
            <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
            {t.showArchived}
          </label>
        ) : null}
      </div>
      <p className="tl-help" id="tl-help">
        {canEdit ? t.help(stepDays) : t.readerHelp}
      </p>
      <div ref={scroller} className="tl-scroller" data-testid="roadmap-timeline" role="region" aria-label={t.regionLabel} tabIndex={-1} onScroll={onScroll}>
        <div className="tl-canvas" style={{ width: scale.width }}>
          <TimelineHead model={model} />
          <div className="tl-body" style={{ height: Math.max(layout.bodyHeight, rowHeight) }}>
            {/* Lines only as tall as the rows drawn: a dashed line 36,000 px tall costs its whole length to paint. */}
            <div className="tl-grid" aria-hidden="true" style={gridBand(shown, layout.bodyHeight)}>
              {scale.minor.map((tick) => (
                <div key={tick.key} className="tl-gridline" style={{ left: tick.x }} />
              ))}
              {model.releases.map((r) => (
                <div key={r.release.id} className="tl-release-line" data-state={r.release.state} style={{ left: r.x }} />
              ))}
              <div className="tl-today-line" style={{ left: scale.todayX + scale.dayWidth / 2 }} data-testid="timeline-today" />
            </div>
            {layout.links.length > 0 ? (
              <svg className="tl-connectors" width={scale.width} height={layout.bodyHeight} aria-hidden="true" data-testid="timeline-connectors">
                <defs>
                  <marker id="tl-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                    <path d="M 0 0 L 8 4 L 0 8 z" className="tl-arrowhead" />
                  </marker>
                  <marker id="tl-arrow-late" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                    <path d="M 0 0 L 8 4 L 0 8 z" className="tl-arrowhead" data-late="true" />
                  </marker>
                </defs>
                {connectors.map((connector) => (
                  <path
                    key={connector.key}
                    d={connectorPath(scale, layout.rowOf.get(connector.fromId)!, layout.rowOf.get(connector.toId)!)}
                    className="tl-connector"
                    data-suggested={connector.suggested || undefined}
                    data-late={connector.late || undefined}
                    markerEnd={connector.late ? 'url(#tl-arrow-late)' : 'url(#tl-arrow)'}
                  />
                ))}
              </svg>
            ) : null}
            {layout.lanes.map((lane, index) => ({ lane, index })).filter(({ lane }) => (lane.y + lane.height >= shown.from && lane.y <= shown.to) || pinnedIn(lane)).map(({ lane, index }) => (
              // Every other lane shaded by its place on the timeline, not among the lanes drawn (which scroll in and out).
              <section key={lane.id} className="tl-lane" data-shaded={index % 2 === 1 || undefined} style={{ top: lane.y, height: lane.height }} aria-labelledby={`tl-lane-${lane.id}`} data-testid={`timeline-lane-${lane.id}`}>
                <h3 className="tl-lane-title" id={`tl-lane-${lane.id}`}>
                  {lane.name} <span className="tl-lane-count">({formatNumber(lane.rows.length)})</span>
                </h3>
                <ul className="tl-rows" aria-label={t.lane(lane.name, lane.rows.length)}>
                  {rowsDrawn(lane.rows, shown, layout.rowOf, [keepId, draft?.itemId]).map((row) => (
                    <Bar
                      key={row.item.id}
                      row={row}
                      top={row.y - lane.y}
                      draft={draft?.itemId === row.item.id ? draft.span : undefined}
                      scale={scale}
                      canEdit={canEdit}
                      selected={row.item.id === props.selectedId}
                      blockers={layout.blockers.get(row.item.id)}
                      handlers={handlers}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </div>
      </div>
      {layout.links.length > 0 ? (
        <ul className="tl-legend" aria-label={t.legendDependency}>
          <li>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="28" y2="5" className="tl-connector" />
            </svg>
            {t.legendDependency}
          </li>
          {layout.links.some((c) => c.suggested) ? (
            <li>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" className="tl-connector" data-suggested="true" />
              </svg>
              {t.legendSuggested}
            </li>
          ) : null}
          {layout.links.some((c) => c.late) ? (
            <li>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" className="tl-connector" data-late="true" />
              </svg>
              {t.legendLate}
            </li>
          ) : null}
        </ul>
      ) : null}
      {model.releasesUndated > 0 ? <p className="tl-help">{t.releasesUndated(model.releasesUndated)}</p> : null}
      <section className="tl-undated" aria-labelledby="tl-undated-heading" data-testid="timeline-undated">
        <h3 id="tl-undated-heading" className="tl-undated-heading">
          {t.undatedHeading(layout.undated.length)}
        </h3>
        {layout.undated.length === 0 ? (
          <p className="tl-help">{t.undatedNone}</p>
        ) : (
          <>
            <p className="tl-help">{t.undatedHint}</p>
            <WindowBox window={undated} label={t.undatedHeading(layout.undated.length)}>
              <ul ref={undated.list as React.RefObject<HTMLUListElement>} className="tl-undated-list" data-windowed={undated.windowed || undefined}>
                {undated.entries.map((entry) => {
                  if (entry.kind === 'spacer') return <ListSpacer key={`spacer-${entry.from}`} entry={entry} />;
                  const item = layout.undated[entry.index]!;
                  return (
                    <li key={item.id} data-row-index={entry.index} aria-posinset={undated.windowed ? entry.index + 1 : undefined} aria-setsize={undated.windowed ? layout.undated.length : undefined}>
                      <button type="button" className="tl-undated-item" aria-current={item.id === props.selectedId ? 'true' : undefined} onClick={() => props.onOpen(item.id)}>
                        {item.title}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </WindowBox>
          </>
        )}
      </section>
    </div>
  );
}

/**
 * A lane's rows within the band, found by halving (a lane of thousands costs a few steps), and the
 * pinned rows of this lane wherever they are, in the lane's order.
 */
function rowsDrawn(rows: readonly TimelineRow[], band: { from: number; to: number }, rowOf: ReadonlyMap<string, TimelineRow>, pinned: ReadonlyArray<string | undefined>): TimelineRow[] {
  const { start, end } = rowsInBand(rows, band);
  const drawn = rows.slice(start, end);
  for (const id of pinned) {
    const row = id === undefined ? undefined : rowOf.get(id);
    if (!row || drawn.includes(row)) continue;
    if (rows.indexOf(row) >= 0) drawn.push(row);
  }
  return drawn.sort((a, b) => a.y - b.y);
}

/** The stretch of the body the grid lines cover: the rows drawn, within the body. */
function gridBand(shown: { from: number; to: number }, bodyHeight: number): React.CSSProperties | undefined {
  if (shown.from === -Infinity) return undefined;
  const top = Math.max(0, shown.from);
  return { top, bottom: 'auto', height: Math.max(0, Math.min(bodyHeight + rowHeight, shown.to) - top) };
}

/**
 * The box's inner width, kept up to date (0 where nothing is laid out, as in jsdom). A timeline
 * mounted again (back from another layout) starts from the width last measured, so its first
 * render is its last: not a scale for width 0, then another once measured.
 */
function useBoxWidth(box: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(lastBoxWidth);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      lastBoxWidth = element.clientWidth;
      setWidth(lastBoxWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return width;
}

/** The width the last timeline measured (0 until one is laid out, and always in jsdom). */
let lastBoxWidth = 0;

/** The sticky header: two bands of the scale, today's label, and the release milestones. */
const TimelineHead = memo(function TimelineHead({ model }: { model: TimelinePlacement }) {
  const { scale } = model;
  return (
    <div className="tl-head">
      <div className="tl-band" aria-hidden="true">
        {scale.major.map((tick) => (
          <div key={tick.key} className="tl-tick tl-tick-major" data-current={tick.current || undefined} style={{ left: tick.x, width: tick.width }}>
            <span>{tickLabel(tick.period)}</span>
          </div>
        ))}
      </div>
      <ol className="tl-band" aria-label={t.scaleLabel}>
        {scale.minor.map((tick) => (
          <li key={tick.key} className="tl-tick" data-current={tick.current || undefined} style={{ left: tick.x, width: tick.width }} title={tickLongLabel(tick.period)}>
            <span aria-hidden="true">{tickLabel(tick.period)}</span>
            <span className="tl-visually-hidden">{tickLongLabel(tick.period)}</span>
          </li>
        ))}
      </ol>
      <div className="tl-today-flag" style={{ left: scale.todayX + scale.dayWidth / 2 }} title={t.todayLabel(formatDay(scale.today))}>
        <span aria-hidden="true">{t.today}</span>
        <span className="tl-visually-hidden">{t.todayLabel(formatDay(scale.today))}</span>
      </div>
      {model.releases.length > 0 ? (
        <ul className="tl-releases" aria-label={t.releasesLabel} style={{ height: releaseLabelRows * 18 + 16 }} data-testid="timeline-releases">
          {model.releases.map((release) => (
            <Milestone key={release.release.id} placed={release} />
          ))}
        </ul>
      ) : null}
    </div>
  );
});

function Milestone({ placed }: { placed: TimelineRelease }) {
  const { release } = placed;
  const state = t.releaseState[release.state];
  const text = t.release(release.name, formatDay(placed.date), state);
  return (
    <li className="tl-milestone" data-state={release.state} data-archived={release.archived || undefined} style={{ left: placed.x }} title={text} data-testid={`timeline-release-${release.id}`}>
      <span className="tl-diamond" aria-hidden="true" />
      {placed.row === undefined ? (
        <span className="tl-visually-hidden">{text}</span>
      ) : (
        <span className="tl-milestone-label" style={{ top: placed.row * 18 }}>
          <span className="tl-milestone-name">{release.name}</span> {formatDay(placed.date)} · <span className="tl-milestone-state">{state}</span>
        </span>
      )}
    </li>
  );
}

interface BarHandlers {
  onKeyDown: (itemId: string, event: React.KeyboardEvent<HTMLButtonElement>) => void;
  onBlur: (itemId: string) => void;
  onPointerDown: (itemId: string, event: React.PointerEvent<HTMLButtonElement>) => void;
  onPointerMove: (event: React.PointerEvent<HTMLButtonElement>) => void;
  onPointerUp: (event: React.PointerEvent<HTMLButtonElement>) => void;
  onPointerCancel: () => void;
  onClick: (itemId: string) => void;
  onFocusBar: (itemId: string | undefined) => void;
}

interface BarProps {
  row: TimelineRow;
  top: number;
  draft: Span | undefined;
  scale: TimelinePlacement['scale'];
  canEdit: boolean;
  selected: boolean;
  blockers: ReturnType<TimelineBlockers['get']>;
  handlers: BarHandlers;
}

/** A bar narrower than this shows its title beside it rather than inside. */
const titleInsidePx = 96;

const Bar = memo(
  function Bar(props: BarProps) {
    const { row, draft, scale, canEdit, handlers, blockers } = props;
    const { item } = row;
    const span = draft ?? row.span;
    const { x, width } = barGeometry(scale, span.startDate, span.endDate);
    const name =
      span.startDate === span.endDate ? t.barOneDay(item.title, formatDay(span.startDate)) : t.bar(item.title, formatDay(span.startDate), formatDay(span.endDate));
    const late = blockers?.filter((b) => b.late) ?? [];
    const descriptionId = `tl-desc-${item.id}`;
    const description = [
      ...(blockers?.some((b) => !b.suggested) ? [t.dependsOn(formatList(blockers.filter((b) => !b.suggested).map((b) => b.title)))] : []),
      ...(blockers?.filter((b) => b.suggested).map((b) => t.suggested(b.title, b.epicKeys?.join(' → ') ?? '')) ?? []),
    ].join(' ');
    const outside = width < titleInsidePx;
    return (
      <li className="tl-row" style={{ top: props.top }}>
        <button
          type="button"
          className="tl-bar"
          data-status={item.status}
          data-selected={props.selected || undefined}
          data-editing={draft ? true : undefined}
          data-editable={canEdit || undefined}
          data-testid={`timeline-bar-${item.id}`}
          data-start={span.startDate}
          data-end={span.endDate}
          style={{ left: x, width }}
          aria-label={name}
          aria-describedby={[description ? descriptionId : '', late.length > 0 ? `tl-late-${item.id}` : '', 'tl-help'].filter(Boolean).join(' ')}
          onClick={() => handlers.onClick(item.id)}
          onKeyDown={canEdit ? (event) => handlers.onKeyDown(item.id, event) : undefined}
          onFocus={() => handlers.onFocusBar(item.id)}
          onBlur={() => {
            handlers.onFocusBar(undefined);
            if (canEdit) handlers.onBlur(item.id);
          }}
          onPointerDown={canEdit ? (event) => handlers.onPointerDown(item.id, event) : undefined}
          onPointerMove={canEdit ? handlers.onPointerMove : undefined}
          onPointerUp={canEdit ? handlers.onPointerUp : undefined}
          onPointerCancel={canEdit ? handlers.onPointerCancel : undefined}
        >
          {canEdit ? <span className="tl-handle" data-edit="start" data-testid={`timeline-start-${item.id}`} aria-hidden="true" /> : null}
          {outside ? null : <span className="tl-bar-title" aria-hidden="true">{item.title}</span>}
          {canEdit ? <span className="tl-handle" data-edit="end" data-testid={`timeline-end-${item.id}`} aria-hidden="true" /> : null}
        </button>
        <span className="tl-after" style={{ left: x + width + 6 }}>
          {outside ? <span className="tl-after-title" aria-hidden="true">{item.title}</span> : null}
          {late.length > 0 ? (
            <span className="tl-warning" id={`tl-late-${item.id}`} data-testid={`timeline-warning-${item.id}`}>
              <span aria-hidden="true">⚠ </span>
              {late.map((b) => t.blockerLate(b.title)).join('; ')}
            </span>
          ) : null}
        </span>
        {description ? (
          <span className="tl-visually-hidden" id={descriptionId}>
            {description}
          </span>
        ) : null}
      </li>
    );
  },
  (a, b) =>
    a.row.item === b.row.item &&
    a.top === b.top &&
    a.draft === b.draft &&
    // A scale grown at its end (the box measured) moves no bar.
    a.scale.startDate === b.scale.startDate &&
    a.scale.dayWidth === b.scale.dayWidth &&
    a.canEdit === b.canEdit &&
    a.selected === b.selected &&
    JSON.stringify(a.blockers) === JSON.stringify(b.blockers),
);
