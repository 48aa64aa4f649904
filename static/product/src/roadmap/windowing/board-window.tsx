/**
 * The roadmap board's windowing (issue 13.4): a board of 5,000 cards draws the cards in its view
 * and a screen above and below, in every lane and column, and spacers for the rest, so a layout
 * switch mounts a hundred cards, not five thousand, and the DOM stays a few screens' worth however
 * far the board is scrolled. The board's scroll height is the whole board's (cards drawn are
 * measured, the others estimated), so its scrollbar, a deep link's scroll and the browser's own
 * scroll-into-view on focus all work as if every card were there.
 *
 * Cards the board pins stay drawn wherever they are: the focused card (focus never falls to the
 * page), the card focus is about to go to after a keyboard move, the open item's card (a deep link
 * scrolls to it) and the card being dragged (the browser's drag needs its source).
 */
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { RoadmapItemView } from '../../../../../src/contract';
import { ViewportStore, useListWindow } from '../../../../shared/windowing';
import type { Viewport } from '../../../../shared/windowing';
import { cellOf } from '../board-model';
import type { Board } from '../board-model';
import './board-window.css';

/** The board's box before it is measured: its max-block-size, 44rem. */
const fallbackBoxHeight = 704;
/** The gap between cards in a cell, and a cell's padding (roadmap-board.css: space.100, space.050). */
const cardGapPx = 8;
const cellPaddingPx = 4;

export interface BoardWindow {
  store: ViewportStore;
  /** Measured card heights by item id, at the current column width. */
  heights: Map<string, number>;
  /** A card's height before it is drawn, at the current column width. */
  estimate: (item: RoadmapItemView) => number;
  /** Where each lane's cells are thought to start within the board's content, until laid out. */
  laneTops: ReadonlyMap<string, number>;
  /** Where each lane (its section, head included) is thought to be within the board's content. */
  laneSpans: ReadonlyMap<string, { top: number; height: number }>;
}

const BoardWindowContext = createContext<BoardWindow | undefined>(undefined);

/**
 * A card's likely height: its padding, title lines (at about 7 px a character), the meta line, and
 * the delivery lines a card with epics draws. Only until the card is drawn and measured.
 */
export function estimateCardHeight(item: RoadmapItemView, columnWidth: number): number {
  const titleChars = Math.max(12, Math.floor((columnWidth - 56) / 7.2));
  const titleLines = Math.max(1, Math.ceil(item.title.length / titleChars));
  let height = 16 + Math.max(24, titleLines * 20) + 6 + 16;
  if (item.evidence) height += 22;
  if (item.owner || item.scoreInputs) height += 22;
  if (item.checkIn && (item.checkIn.latest || item.checkIn.updateDue || item.checkIn.disagreements.length > 0)) height += 26;
  if (item.epicIds.length > 0) height += item.delivery ? 6 + 6 + 3 * 22 + (item.delivery.releaseRisks?.length ?? 0) * 22 : 22;
  return height;
}

/** Card height estimates by column width, then by item (a changed item is a new object, estimated again). */
const estimatesByWidth = new Map<number, WeakMap<RoadmapItemView, number>>();

/** A cell's height with every card in it: padding, cards and the gaps between them, at least 4rem. */
function cellHeight(items: readonly RoadmapItemView[], heightOf: (item: RoadmapItemView) => number): number {
  let sum = 2 * cellPaddingPx;
  items.forEach((item, i) => (sum += heightOf(item) + (i > 0 ? cardGapPx : 0)));
  return Math.max(64, sum);
}

/**
 * The board's window: a store of its box's scroll position, the card heights, and where each lane
 * likely starts (column heads, then each lane's head, its tallest cell and the gaps, as
 * roadmap-board.css lays them out), so a layout's first render draws the right cards in one pass.
 */
export function useBoardWindow(scroller: RefObject<HTMLElement | null>, board: Board, columnWidth: number | undefined, collapsed: ReadonlySet<string> | undefined): BoardWindow {
  const [store] = useState(() => new ViewportStore(fallbackBoxHeight, () => scroller.current));
  useLayoutEffect(() => {
    const element = scroller.current;
    return element ? store.attach(element) : undefined;
  }, [scroller, store]);
  const width = columnWidth ?? 240;
  // Heights hold for one column width; a narrower board wraps titles differently.
  const heights = useMemo(() => new Map<string, number>(), [width]);
  const estimate = useMemo(() => {
    // Kept per width across boards: a switch back to a layout's column width estimates no card again.
    let cache = estimatesByWidth.get(width);
    if (!cache) {
      // A window resized by dragging passes through many widths: only the last few are kept.
      if (estimatesByWidth.size >= 8) estimatesByWidth.clear();
      estimatesByWidth.set(width, (cache = new WeakMap()));
    }
    const known = cache;
    return (item: RoadmapItemView) => {
      let height = known.get(item);
      if (height === undefined) known.set(item, (height = estimateCardHeight(item, width)));
      return height;
    };
  }, [width]);
  const { laneTops, laneSpans } = useMemo(() => {
    const heightOf = (item: RoadmapItemView) => heights.get(item.id) ?? estimate(item);
    const tops = new Map<string, number>();
    const spans = new Map<string, { top: number; height: number }>();
    let y = 40 + 16;
    for (const lane of board.lanes) {
      tops.set(lane.id, y + 8 + 36);
      const tallest = collapsed?.has(lane.id) ? 0 : Math.max(0, ...board.columns.map((column) => cellHeight(cellOf(board, lane.id, column.key), heightOf)));
      spans.set(lane.id, { top: y, height: 8 + 36 + tallest + 8 });
      y += 8 + 36 + tallest + 8 + 16;
    }
    return { laneTops: tops, laneSpans: spans };
  }, [board, heights, estimate, collapsed]);
  return useMemo(() => ({ store, heights, estimate, laneTops, laneSpans }), [store, heights, estimate, laneTops, laneSpans]);
}

export function BoardWindowProvider({ value, children }: { value: BoardWindow; children: ReactNode }) {
  return <BoardWindowContext.Provider value={value}>{children}</BoardWindowContext.Provider>;
}

/**
 * A cell's cards, windowed: the cards within a screen of the board's view (and the pinned ones),
 * each told its position in the cell for screen readers, spacers (hidden from them) for the rest.
 * `list` is the cell's `<ul>`; the children rendered here are its only children.
 */
export function WindowedCards(props: {
  list: RefObject<HTMLElement | null>;
  laneId: string;
  items: readonly RoadmapItemView[];
  pinned: ReadonlySet<string>;
  /** False: the cell's column is out of sight sideways, its cards are spacers (the pinned ones drawn). */
  drawn?: boolean;
  renderCard: (item: RoadmapItemView, position: { index: number; setSize: number }) => ReactNode;
}) {
  const window = useContext(BoardWindowContext);
  if (!window) return <>{props.items.map((item, index) => props.renderCard(item, { index, setSize: props.items.length }))}</>;
  return <WindowedCardsIn window={window} {...props} />;
}

function WindowedCardsIn(props: Parameters<typeof WindowedCards>[0] & { window: BoardWindow }) {
  const { window, items } = props;
  const pinnedIndexes = useMemo(() => {
    const set = new Set<number>();
    if (props.pinned.size > 0) items.forEach((item, index) => props.pinned.has(item.id) && set.add(index));
    return set;
  }, [items, props.pinned]);
  const entries = useListWindow({
    store: window.store,
    list: props.list,
    count: items.length,
    keyOf: (index) => items[index]!.id,
    heights: window.heights,
    estimate: (index) => window.estimate(items[index]!),
    gap: cardGapPx,
    pinned: pinnedIndexes,
    estimatedTop: (window.laneTops.get(props.laneId) ?? 0) + cellPaddingPx,
    off: props.drawn === false,
    // A column out of sight sideways draws spacers (and pinned cards): nothing to measure until it
    // comes into sight, so a layout of twenty sprint columns measures the three or four in view.
    idle: props.drawn === false,
  });
  return (
    <>
      {entries.map((entry) =>
        entry.kind === 'row' ? (
          props.renderCard(items[entry.index]!, { index: entry.index, setSize: items.length })
        ) : (
          <li key={`spacer-${entry.from}`} className="rm-spacer" aria-hidden="true" style={{ height: entry.height }} />
        ),
      )}
    </>
  );
}

/**
 * Whether a lane is within a screen of the board's view (its cards may be drawn), kept up to date
 * as the board scrolls; always true where nothing is laid out.
 */
export function useLaneInBand(section: RefObject<HTMLElement | null>, laneId?: string): boolean {
  const window = useContext(BoardWindowContext);
  // A lane's first render guesses from where the lane is thought to be, so the check after it is
  // laid out usually agrees and changes nothing (no second render of every lane in a new layout).
  const [inBand, setInBand] = useState(() => {
    const view = window?.store.get();
    if (!window || view === undefined || view === 'all') return true;
    const span = laneId === undefined ? undefined : window.laneSpans.get(laneId);
    if (!span) return false;
    const top = span.top - view.scrollTop;
    return top + span.height >= -view.height && top <= 2 * view.height;
  });
  const check = (view: Viewport | 'all') => {
    const element = section.current;
    if (view === 'all' || !element) return setInBand(true);
    const box = element.getBoundingClientRect();
    const top = box.top - (window?.store.edgeNow() ?? view.edge);
    setInBand(top + box.height >= -view.height && top <= 2 * view.height);
  };
  useLayoutEffect(() => {
    if (window) check(window.store.get());
  });
  useEffect(() => window?.store.subscribe(check), [window]);
  return inBand;
}

/** The item ids the board keeps drawn, as one stable set while they stay the same. */
export function usePinned(...ids: Array<string | undefined>): ReadonlySet<string> {
  const key = ids.filter(Boolean).sort().join(' ');
  const previous = useRef<{ key: string; set: ReadonlySet<string> }>({ key: '', set: new Set() });
  if (previous.current.key !== key) previous.current = { key, set: new Set(ids.filter((id): id is string => !!id)) };
  return previous.current.set;
}
