import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { IconButton } from '@atlaskit/button/new';
import { dropTargetForElements, monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import type { RoadmapItemView } from '../../../../src/contract';
import { AddIcon } from '../../../shared/icons';
import { messages } from '../../../shared/messages';
import { finding } from '../../../shared/messages/create-epic';
import { cellOf, commandTarget, placeOf } from './board-model';
import type { Board, BoardColumn as RoadmapColumn, BoardLane, MoveCommand, MoveTarget } from './board-model';
import type { MoveChoice } from './card-move-menu';
import { RoadmapCard } from './roadmap-card';
import { cardDragType } from './use-card-drag';
import { markRender, renderMarks } from './use-roadmap';
import type { Edge } from './use-card-drag';
import { BoardWindowProvider, WindowedCards, useBoardWindow, useLaneInBand, usePinned } from './windowing/board-window';
import './roadmap-board.css';

const m = messages.roadmap;
const cellDragType = 'roadmap-cell';

export interface RoadmapBoardProps {
  board: Board;
  canEdit: boolean;
  selectedId: string | undefined;
  onOpen: (itemId: string) => void;
  /** Moves a card; false when the move changes nothing. */
  onMove: (itemId: string, target: MoveTarget) => boolean;
  onAdd: (laneId: string) => void;
  /** Lanes this person keeps collapsed (their heading stays, with the count of items hidden). */
  collapsed?: ReadonlySet<string>;
  onToggleLane?: (laneId: string, laneName: string) => void;
}

/**
 * Lanes (rows) × columns, cards in rank order per cell. Every cell is a list named by its column
 * and lane, every lane a region named by its heading. A drop (watched once, here) or a keyboard
 * command becomes a move target; focus follows the moved card.
 */
export function RoadmapBoard(props: RoadmapBoardProps) {
  const { board, canEdit } = props;
  const titles = useRef(new Map<string, HTMLButtonElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string>();
  const latest = useRef(props);
  latest.current = props;
  // Read through `latest`, so the memoised callbacks below always see the board as shown.
  const itemOf = (itemId: string): RoadmapItemView | undefined => {
    for (const cell of latest.current.board.cells.values()) {
      const found = cell.find((i) => i.id === itemId);
      if (found) return found;
    }
    return undefined;
  };

  useLayoutEffect(() => {
    if (!focusId) return;
    titles.current.get(focusId)?.focus();
    setFocusId(undefined);
  }, [board, focusId]);

  useLayoutEffect(() => {
    markRender(renderMarks.committed);
  }, [board]);

  const fit = useWholeColumns(scroller, board.columns.length);
  const firstShown = useRef(0);
  // Cards drawn a screen around the view (windowing/board-window.tsx); these stay drawn wherever they are.
  const [focusedItem, setFocusedItem] = useState<string>();
  const [draggedItem, setDraggedItem] = useState<string>();
  const pinned = usePinned(focusId, focusedItem, props.selectedId, draggedItem);
  const boardWindow = useBoardWindow(scroller, board, fit?.width, props.collapsed);

  // A layout opens on the present: the column before the current one (or the first to come) at the
  // left edge, whole, so no card is sliced. A change of width (the details panel opening) keeps the
  // same first column, and the open item's column in sight.
  const selectedColumn = (() => {
    const item = props.selectedId ? itemOf(props.selectedId) : undefined;
    return item ? board.columns.findIndex((c) => c.key === placeOf(board, item).column) : -1;
  })();
  const openedLayout = useRef<string>();
  const firstColumn = (): number => {
    if (!fit) return 0;
    let first = firstShown.current;
    if (openedLayout.current !== board.layout) {
      const present = board.columns.findIndex((c) => c.when === 'current');
      const next = present >= 0 ? present : board.columns.findIndex((c) => c.when === 'future');
      first = Math.max(0, next - 1);
    }
    if (selectedColumn >= 0 && selectedColumn < first) first = selectedColumn;
    if (selectedColumn >= first + fit.shown) first = selectedColumn - fit.shown + 1;
    return Math.max(0, Math.min(first, board.columns.length - fit.shown));
  };
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !fit) return;
    const first = firstColumn();
    openedLayout.current = board.layout;
    firstShown.current = first;
    element.scrollLeft = first * fit.step;
  }, [board.layout, fit, selectedColumn]);
  // Columns scrolled out of sight sideways draw no cards: the columns shown, and one either side.
  const [, setScrolledColumn] = useState(0);
  const drawnColumns = fit ? { from: firstColumn() - 1, to: firstColumn() + fit.shown } : undefined;

  // An item opened from a link (or back / forward) may sit far down the board: the board scrolls
  // itself (not Jira's page) to show its card, once per item, and leaves a card already in view alone.
  // Until the board is laid out as a scroll box (its stylesheet and column widths arrive after the
  // first render) there is nothing to scroll: it tries again on the next frames, for a moment only.
  const revealed = useRef<{ id?: string; since: number; done: boolean }>({ since: 0, done: true });
  if (props.selectedId !== revealed.current.id) revealed.current = { id: props.selectedId, since: Date.now(), done: props.selectedId === undefined };
  useLayoutEffect(() => {
    const reveal = (): boolean => {
      const state = revealed.current;
      const element = scroller.current;
      const card = state.id ? titles.current.get(state.id)?.closest('li') : undefined;
      if (state.done || !element || !card || Date.now() - state.since > revealWindowMs) return true;
      if (element.scrollHeight <= element.clientHeight) return false;
      state.done = true;
      const box = element.getBoundingClientRect();
      const at = card.getBoundingClientRect();
      if (at.top < box.top || at.bottom > box.bottom) element.scrollTop += at.top - box.top - Math.max(0, (box.height - at.height) / 2);
      return true;
    };
    if (reveal()) return;
    let frame = 0;
    const again = () => {
      if (!reveal()) frame = requestAnimationFrame(again);
    };
    frame = requestAnimationFrame(again);
    return () => cancelAnimationFrame(frame);
  }, [props.selectedId, board, fit]);

  useEffect(() => {
    if (!canEdit) return;
    return monitorForElements({
      canMonitor: ({ source }) => source.data['type'] === cardDragType,
      onDragStart: ({ source }) => setDraggedItem(String(source.data['itemId'])),
      onDrop: ({ source, location }) => {
        setDraggedItem(undefined);
        const targets = location.current.dropTargets;
        const cell = targets.find((t) => t.data['type'] === cellDragType);
        if (!cell) return;
        const itemId = String(source.data['itemId']);
        const lane = String(cell.data['lane']);
        const column = String(cell.data['column']);
        const others = cellOf(latest.current.board, lane, column).filter((i) => i.id !== itemId);
        const card = targets.find((t) => t.data['type'] === cardDragType);
        let index = others.length;
        if (card) {
          const at = others.findIndex((i) => i.id === card.data['itemId']);
          if (at >= 0) index = (card.data['edge'] as Edge) === 'top' ? at : at + 1;
        }
        latest.current.onMove(itemId, { lane, column, index });
      },
    });
  }, [canEdit]);

  const registerTitle = useCallback((itemId: string, element: HTMLButtonElement | null) => {
    if (element) titles.current.set(itemId, element);
    else titles.current.delete(itemId);
  }, []);

  const onCommand = useCallback((itemId: string, command: MoveCommand) => {
    const item = itemOf(itemId);
    if (!item) return;
    const target = commandTarget(latest.current.board, item, command);
    if (target && latest.current.onMove(itemId, target)) setFocusId(itemId);
  }, []);

  // Every column and every lane, not only the neighbours: the menu is the keyboard's way to a far cell.
  const moveChoices = useCallback((itemId: string): MoveChoice[] => {
    const current = latest.current.board;
    const item = itemOf(itemId);
    if (!item) return [];
    const from = placeOf(current, item);
    const choice = (command: MoveCommand, label: string): MoveChoice => ({ command, label, isDisabled: !commandTarget(current, item, command) });
    return [
      choice('up', m.moveUp),
      choice('down', m.moveDown),
      ...current.columns.filter((c) => c.key !== from.column).map((c) => choice(`column:${c.key}`, m.moveToColumn(c.label))),
      ...current.lanes.filter((l) => l.id !== from.lane).map((l) => choice(`lane:${l.id}`, m.moveToLane(l.name))),
    ].filter((c) => !c.isDisabled || c.command === 'up' || c.command === 'down');
  }, []);

  const laneOfItem = (itemId: string | undefined) => {
    const item = itemId ? itemOf(itemId) : undefined;
    return item ? placeOf(board, item).lane : undefined;
  };
  const focusLane = laneOfItem(focusId);
  const selectedLane = laneOfItem(props.selectedId);
  const template = { gridTemplateColumns: fit ? `repeat(${board.columns.length}, ${fit.width}px)` : `repeat(${board.columns.length}, minmax(${columnRem}rem, 1fr))` };
  const minWidth = fit ? { width: 'max-content' } : { minWidth: `calc(${board.columns.length} * ${columnRem + gapRem}rem)` };
  return (
    <div
      ref={scroller}
      className="rm-board"
      data-testid="roadmap-board"
      onScroll={
        fit
          ? (event) => {
              firstShown.current = Math.round(event.currentTarget.scrollLeft / fit.step);
              setScrolledColumn(firstShown.current);
            }
          : undefined
      }
      onFocus={(event) => setFocusedItem(cardIdOf(event.target))}
    >
      <BoardWindowProvider value={boardWindow}>
      <div className="rm-board-inner" style={minWidth}>
        <div className="rm-columns" style={template} aria-hidden="true">
          {board.columns.map((column) => (
            <ColumnHead key={column.key} column={column} />
          ))}
        </div>
        {board.lanes.map((lane) => (
          <Lane
            // A new layout starts the drawing afresh: the cards in view now, the others as they come near.
            key={`${board.layout}:${lane.id}`}
            lane={lane}
            eager={lane.id === focusLane || lane.id === selectedLane}
            board={board}
            template={template}
            canEdit={canEdit}
            selectedId={props.selectedId}
            onOpen={props.onOpen}
            onAdd={props.onAdd}
            onCommand={onCommand}
            moveChoices={moveChoices}
            registerTitle={registerTitle}
            isCollapsed={props.collapsed?.has(lane.id) === true && lane.id !== focusLane && lane.id !== selectedLane}
            pinned={pinned}
            drawnColumns={drawnColumns}
            {...(props.onToggleLane ? { onToggle: props.onToggleLane } : {})}
          />
        ))}
      </div>
      </BoardWindowProvider>
    </div>
  );
}

/** The item whose card holds `element` (focus inside a card), if any. */
function cardIdOf(element: EventTarget): string | undefined {
  const card = element instanceof Element ? element.closest('[data-testid^="roadmap-card-"]') : null;
  return card?.getAttribute('data-testid')?.slice('roadmap-card-'.length);
}

function ColumnHead({ column }: { column: RoadmapColumn }) {
  return (
    <div className="rm-column-head" data-when={column.when} title={column.label}>
      <span>{column.label}</span>
      {column.when === 'current' ? <span className="rm-column-dates">{m.currentColumn}</span> : null}
    </div>
  );
}

/** How long after an item is opened the board may still scroll to it (layout settling after a load). */
const revealWindowMs = 3_000;

/** A column's narrowest width, and the gap between columns (as roadmap-board.css has them). */
const columnRem = 15;
const gapRem = 0.5;
/** The lanes' padding on each side, which the column heads repeat. */
const paddingRem = 0.5;

interface ColumnFit {
  /** Columns shown whole side by side. */
  shown: number;
  /** Each column's width and the distance from one column's start to the next, in px. */
  width: number;
  step: number;
}

/**
 * Column widths that fit whole columns in the board's own width: as many as fit at `columnRem` or
 * wider, sharing the room, the rest reached by scrolling sideways a whole column at a time (the
 * board snaps to column starts). The width is measured, so a details panel beside the board
 * narrows it to fewer whole columns instead of slicing the last one. Undefined until measured
 * (and in jsdom, which lays nothing out): the stylesheet's flexible columns then apply.
 */
function useWholeColumns(scroller: React.RefObject<HTMLElement | null>, count: number): ColumnFit | undefined {
  // A board mounted again (back from the Timeline) starts from the last width measured: laid out
  // once in whole columns, not once flexible and again after measuring (two layouts of every card).
  const [width, setWidth] = useState(lastBoardWidth);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      lastBoardWidth = element.clientWidth;
      rootRem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setWidth(lastBoardWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);
  // Worked out as the board renders, not after: a layout with another number of columns is laid
  // out once in its own widths, not once in the last layout's and again after an effect.
  const fit = useRef<ColumnFit | undefined>(undefined);
  const next = fitOf(width, count);
  if (!(fit.current && next && fit.current.shown === next.shown && fit.current.width === next.width)) fit.current = next;
  return fit.current;
}

/** The width the last board measured (0 until one is laid out, and always in jsdom), and the root font size then. */
let lastBoardWidth = 0;
let rootRem = 16;

function fitOf(width: number, count: number): ColumnFit | undefined {
  if (width <= 0 || count === 0) return undefined;
  const rem = rootRem;
  const gap = gapRem * rem;
  const room = width - 2 * paddingRem * rem;
  const shown = Math.max(1, Math.min(count, Math.floor((room + gap) / (columnRem * rem + gap))));
  const columnWidth = Math.floor((room - (shown - 1) * gap) / shown);
  return { shown, width: columnWidth, step: columnWidth + gap };
}


interface LaneProps {
  lane: BoardLane;
  eager: boolean;
  board: Board;
  template: React.CSSProperties;
  canEdit: boolean;
  selectedId: string | undefined;
  onOpen: (itemId: string) => void;
  onAdd: (laneId: string) => void;
  onCommand: (itemId: string, command: MoveCommand) => void;
  moveChoices: (itemId: string) => MoveChoice[];
  registerTitle: (itemId: string, element: HTMLButtonElement | null) => void;
  isCollapsed?: boolean;
  onToggle?: (laneId: string, laneName: string) => void;
  pinned: ReadonlySet<string>;
  /** The columns whose cards are drawn (all when undefined: nothing measured yet). */
  drawnColumns: { from: number; to: number } | undefined;
}

function Lane(props: LaneProps) {
  const { lane, board } = props;
  const headingId = `rm-lane-${lane.id}`;
  const count = board.columns.reduce((sum, column) => sum + cellOf(board, lane.id, column.key).length, 0);
  const section = useRef<HTMLElement>(null);
  // Every lane draws its cells; a cell draws the cards near the view, spacers for the others. A
  // lane with none of its cards drawn says it is not ready (`aria-busy`) until it comes near.
  const near = useLaneInBand(section, lane.id) || props.eager;
  return (
    <section
      ref={section}
      className="rm-lane"
      aria-labelledby={headingId}
      data-testid={`roadmap-lane-${lane.id}`}
      aria-busy={near || props.isCollapsed ? undefined : true}
    >
      <div className="rm-lane-head">
        {props.onToggle ? <LaneToggle lane={lane} isCollapsed={props.isCollapsed === true} cellsId={`${headingId}-cells`} onToggle={props.onToggle} /> : null}
        <h3 className="rm-lane-title" id={headingId}>
          {lane.name}
        </h3>
        <span className="rm-lane-count" aria-hidden="true">
          {count}
        </span>
        {props.isCollapsed ? <span className="rm-lane-count">{finding.collapsedCount(count)}</span> : null}
        {props.canEdit ? <IconButton icon={AddIcon} label={m.addItemTo(lane.name)} appearance="subtle" spacing="compact" onClick={() => props.onAdd(lane.id)} /> : null}
      </div>
      <div className="rm-cells" id={`${headingId}-cells`} style={props.template} hidden={props.isCollapsed}>
        {!props.isCollapsed && board.columns.map((column, index) => (
          <Cell
            key={column.key}
            lane={lane}
            column={column}
            items={cellOf(board, lane.id, column.key)}
            canEdit={props.canEdit}
            selectedId={props.selectedId}
            onOpen={props.onOpen}
            onCommand={props.onCommand}
            moveChoices={props.moveChoices}
            registerTitle={props.registerTitle}
            pinned={props.pinned}
            drawn={!props.drawnColumns || (index >= props.drawnColumns.from && index <= props.drawnColumns.to)}
          />
        ))}
      </div>
    </section>
  );
}

/** The lane's disclosure button: `aria-expanded` on it, the lane's cells the region it controls. */
function LaneToggle(props: { lane: BoardLane; isCollapsed: boolean; cellsId: string; onToggle: (laneId: string, laneName: string) => void }) {
  const { lane, isCollapsed } = props;
  return (
    <button
      type="button"
      className="rm-lane-toggle"
      aria-expanded={!isCollapsed}
      aria-controls={props.cellsId}
      aria-label={isCollapsed ? finding.expandLane(lane.name) : finding.collapseLane(lane.name)}
      data-testid={`roadmap-lane-toggle-${lane.id}`}
      onClick={() => props.onToggle(lane.id, lane.name)}
    >
      <span aria-hidden="true" className="rm-lane-chevron" data-collapsed={isCollapsed || undefined} />
    </button>
  );
}

interface CellProps {
  lane: BoardLane;
  column: RoadmapColumn;
  items: readonly RoadmapItemView[];
  canEdit: boolean;
  selectedId: string | undefined;
  onOpen: (itemId: string) => void;
  onCommand: (itemId: string, command: MoveCommand) => void;
  moveChoices: (itemId: string) => MoveChoice[];
  registerTitle: (itemId: string, element: HTMLButtonElement | null) => void;
  pinned: ReadonlySet<string>;
  /** False while its column is out of sight sideways: spacers only (and the pinned cards). */
  drawn: boolean;
}

/** A cell re-renders only when its own items (or the selection) change: a move touches two cells. */
const Cell = memo(
  function Cell(props: CellProps) {
    const { lane, column, canEdit } = props;
    const list = useRef<HTMLUListElement>(null);
    const [over, setOver] = useState(false);
    useEffect(() => {
      const element = list.current;
      if (!canEdit || !element) return;
      return dropTargetForElements({
        element,
        canDrop: ({ source }) => source.data['type'] === cardDragType,
        getData: () => ({ type: cellDragType, lane: lane.id, column: column.key }),
        onDragEnter: () => setOver(true),
        onDragLeave: () => setOver(false),
        onDrop: () => setOver(false),
      });
    }, [canEdit, lane.id, column.key]);
    return (
      <ul ref={list} className="rm-cell" data-over={over || undefined} aria-label={m.cellLabel(column.label, lane.name, props.items.length)} data-testid={`roadmap-cell-${lane.id}-${column.key}`}>
        <WindowedCards
          list={list}
          laneId={lane.id}
          items={props.items}
          pinned={props.pinned}
          drawn={props.drawn}
          renderCard={(item, position) => (
            <RoadmapCard
              key={item.id}
              item={item}
              canEdit={canEdit}
              selected={item.id === props.selectedId}
              onOpen={props.onOpen}
              onCommand={props.onCommand}
              moveChoices={props.moveChoices}
              registerTitle={props.registerTitle}
              posInSet={position.index + 1}
              setSize={position.setSize}
            />
          )}
        />
      </ul>
    );
  },
  (a, b) =>
    // The same cell of the same (cached) board is the same array: no walk through its items.
    (a.items === b.items || (a.items.length === b.items.length && a.items.every((item, i) => item === b.items[i]))) &&
    a.canEdit === b.canEdit &&
    a.lane.name === b.lane.name &&
    a.column.label === b.column.label &&
    a.onOpen === b.onOpen &&
    a.pinned === b.pinned &&
    a.drawn === b.drawn &&
    (a.selectedId === b.selectedId || (!a.items.some((i) => i.id === a.selectedId || i.id === b.selectedId) && !b.items.some((i) => i.id === a.selectedId || i.id === b.selectedId))),
);
