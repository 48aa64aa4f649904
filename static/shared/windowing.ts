/**
 * Windowing: a long list draws only the rows in its scroll box's view and a screen either side,
 * with spacers standing for the rest, so the DOM (and memory) stays the size of a few screens
 * whatever the list holds, and the scroll height stays the list's whole height.
 *
 * Rows may differ in height: each row's height is the one measured when it was last drawn, or an
 * estimate until then. A row the caller pins (focused, selected, being dragged) is always drawn, at
 * its place between spacers, so focus never falls to the page and a deep link can scroll to it.
 *
 * Forge sizes a Custom UI iframe to its content, so the page scrolls in Jira's document, where the
 * app cannot see it: every windowed list scrolls in a box of its own, bounded in height.
 * Where nothing is laid out (jsdom), every row is drawn.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** The scroll box's view: its scroll position and height, and where its top edge is on screen. */
export interface Viewport {
  scrollTop: number;
  height: number;
  /** The box's top edge in the window's coordinates (`getBoundingClientRect().top`). */
  edge: number;
}

/** How far past each end of the view rows are drawn: one screen, so a fast scroll or Tab finds them there. */
export const overscanScreens = 1;

/**
 * The scroll position of one box, read at most once per frame and handed to every subscriber,
 * so fifty lists in one box cost one layout read per frame between them.
 */
export class ViewportStore {
  private element: HTMLElement | null = null;
  private view: Viewport | 'all' | undefined;
  private readonly listeners = new Set<(view: Viewport | 'all') => void>();
  private frame = 0;

  /**
   * `source` is the box, once mounted: lists inside it measure themselves in their layout effects,
   * before the box's own owner has attached the store, and read the box then.
   */
  constructor(
    private readonly fallbackHeight: number,
    private readonly source?: () => HTMLElement | null,
  ) {}

  /** Watches `element` (its scrolls and size); returns the cleanup. */
  attach(element: HTMLElement): () => void {
    this.element = element;
    this.read();
    const onScroll = () => this.schedule();
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.schedule());
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      if (this.element === element) this.element = null;
    };
  }

  /** The view as last read; before the box is mounted, its top with the fallback height. */
  get(): Viewport | 'all' {
    if (this.view !== undefined) return this.view;
    const element = this.element ?? this.source?.();
    if (element) return (this.view = this.measure(element));
    return laidOut() ? { scrollTop: 0, height: this.fallbackHeight, edge: 0 } : 'all';
  }

  /** Where the box's top edge is now (the box may have moved: a message shown above it). */
  edgeNow(): number | undefined {
    return (this.element ?? this.source?.())?.getBoundingClientRect().top;
  }

  /**
   * Reads the box now and tells every list, unless the view is as it was: a sideways scroll (the
   * board's columns) or a width change moves no row, and fifty lists measuring themselves for
   * nothing would cost a layout each time the DOM changed between them.
   */
  read(): void {
    const element = this.element;
    if (!element) return;
    const before = this.view;
    this.view = this.measure(element);
    if (before !== undefined && sameView(before, this.view)) return;
    for (const listener of [...this.listeners]) listener(this.view);
  }

  private measure(element: HTMLElement): Viewport | 'all' {
    // Nothing laid out (jsdom): every row is drawn.
    if (!laidOut()) return 'all';
    return { scrollTop: element.scrollTop, height: element.clientHeight || this.fallbackHeight, edge: element.getBoundingClientRect().top };
  }

  subscribe(listener: (view: Viewport | 'all') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.read();
    });
  }
}

const sameView = (a: Viewport | 'all', b: Viewport | 'all'): boolean =>
  a === 'all' || b === 'all' ? a === b : a.scrollTop === b.scrollTop && a.height === b.height && a.edge === b.edge;

/** Whether an element is laid out at all (jsdom lays nothing out). */
export const laidOut = (): boolean => typeof ResizeObserver !== 'undefined' && typeof IntersectionObserver !== 'undefined';

const maxSettlingPasses = 4;
/** A band nothing falls in. */
const nowhere = { from: Infinity, to: -Infinity };

/** The rows of a list to draw, as runs: a drawn row, or a spacer standing for `count` rows. */
export type WindowEntry = { kind: 'row'; index: number } | { kind: 'spacer'; from: number; count: number; height: number };

/**
 * Rows `index` of `count` to draw for the band `[from, to]` (px from the list's first row),
 * given each row's height and the gap between rows, and the pinned rows; spacers for the rest.
 * A spacer's height is its rows' heights and the gaps between them, so with the gaps around it
 * the list is exactly as tall as if every row were drawn.
 */
export function windowEntries(count: number, heightOf: (index: number) => number, gap: number, band: { from: number; to: number } | 'all', pinned: ReadonlySet<number>): WindowEntry[] {
  if (band === 'all') return Array.from({ length: count }, (_, index) => ({ kind: 'row', index }));
  const entries: WindowEntry[] = [];
  let y = 0;
  let spacer: { from: number; count: number; height: number } | undefined;
  for (let index = 0; index < count; index += 1) {
    const height = heightOf(index);
    const shown = (y + height >= band.from && y <= band.to) || pinned.has(index);
    if (shown) {
      if (spacer) entries.push({ kind: 'spacer', ...spacer });
      spacer = undefined;
      entries.push({ kind: 'row', index });
    } else if (spacer) {
      spacer.count += 1;
      spacer.height += gap + height;
    } else {
      spacer = { from: index, count: 1, height };
    }
    y += height + gap;
  }
  if (spacer) entries.push({ kind: 'spacer', ...spacer });
  return entries;
}

/** The band of a list's own coordinates to draw: its view, a screen either side. */
export function bandOf(view: Viewport | 'all', listTopInView: number): { from: number; to: number } | 'all' {
  if (view === 'all') return 'all';
  const margin = view.height * overscanScreens;
  return { from: -listTopInView - margin, to: -listTopInView + view.height + margin };
}

/** A key that changes exactly when the drawn rows change (a list re-renders only then). */
export const entriesKey = (entries: readonly WindowEntry[]): string => entries.map((e) => (e.kind === 'row' ? e.index : `s${e.count}`)).join(',');

/**
 * One list's window within a shared scroll box: which rows to draw now, kept up to date as the
 * box scrolls or the list moves (content above it growing), and the heights of rows drawn.
 *
 * `list` is the element whose first child is row 0 (children in the order of the entries);
 * `estimatedTop` is where the list is thought to start within the box's content, used until
 * it is laid out (the first render of a layout draws the right rows in one pass).
 */
export function useListWindow(options: {
  store: ViewportStore;
  list: RefObject<HTMLElement | null>;
  count: number;
  keyOf: (index: number) => string;
  heights: Map<string, number>;
  estimate: (index: number) => number;
  gap: number;
  pinned: ReadonlySet<number>;
  estimatedTop?: number;
  /** The list draws nothing (a collapsed lane): no measuring. */
  idle?: boolean;
  /** The list is out of sight another way (a column scrolled away sideways): only its pinned rows are drawn. */
  off?: boolean;
}): WindowEntry[] {
  const { store, list, count, keyOf, heights, estimate, gap, pinned } = options;
  const heightOf = (index: number) => heights.get(keyOf(index)) ?? estimate(index);
  const topInView = useRef<number | undefined>(undefined);
  const compute = (view: Viewport | 'all'): WindowEntry[] => {
    const top = topInView.current ?? (view === 'all' ? 0 : (options.estimatedTop ?? 0) - view.scrollTop);
    return windowEntries(count, heightOf, gap, options.off ? nowhere : bandOf(view, top), pinned);
  };
  const [, setVersion] = useState(0);
  // Re-renders asked for by measuring, since the last scroll: a few settle the heights; more would
  // be rows flickering at the band's edge, which the next scroll settles instead.
  const settling = useRef({ passes: 0, at: 0 });
  const entries = compute(store.get());
  const latest = useRef({ entries, compute, options });
  latest.current = { entries, compute, options };

  // Where the list is now, in the box's view: measured after each commit and each scroll frame.
  const measureTop = (view: Viewport | 'all'): void => {
    const element = list.current;
    if (!element || view === 'all') return;
    topInView.current = element.getBoundingClientRect().top - (store.edgeNow() ?? view.edge);
  };

  useLayoutEffect(() => {
    if (options.idle) return;
    const element = list.current;
    const view = store.get();
    if (!element || view === 'all') return;
    // Heights of the rows drawn: a row drawn taller or shorter than thought moves the rows after it.
    const drawn = latest.current.entries;
    const children = element.children;
    for (let i = 0; i < drawn.length && i < children.length; i += 1) {
      const entry = drawn[i]!;
      if (entry.kind !== 'row') continue;
      const key = keyOf(entry.index);
      const height = (children[i] as HTMLElement).offsetHeight;
      if (height > 0) heights.set(key, height);
    }
    measureTop(view);
    const now = performance.now();
    if (now - settling.current.at > 50) settling.current.passes = 0;
    // A spacer's height is its own rows' (none of them drawn, so none measured now): only a
    // different set of rows to draw is worth another render, not a height alone.
    if (entriesKey(compute(view)) !== entriesKey(drawn) && settling.current.passes < maxSettlingPasses) {
      settling.current = { passes: settling.current.passes + 1, at: now };
      setVersion((v) => v + 1);
    }
  });

  useEffect(() => {
    if (options.idle) return;
    return store.subscribe((view) => {
      settling.current.passes = 0;
      measureTop(view);
      const next = latest.current.compute(view);
      if (entriesKey(next) !== entriesKey(latest.current.entries)) setVersion((v) => v + 1);
    });
  }, [store, options.idle]);

  return entries;
}
