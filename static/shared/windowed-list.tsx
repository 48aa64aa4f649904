/**
 * A long list or table in its own scroll box, drawn a few screens at a time (see windowing.ts):
 * the Priority view's ranking, the Timeline's undated items, the Alignment tab's tables after
 * "Show all", the Overview's epics. Short lists are drawn whole, in the page's flow, as before.
 *
 * Rows carry their position for screen readers (`aria-posinset` / `aria-setsize` on list items,
 * `aria-rowindex` on table rows with `aria-rowcount` on the table), since most are not in the DOM.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { ViewportStore, useListWindow } from './windowing';
import type { WindowEntry } from './windowing';
import './windowed-list.css';

/** Lists longer than this are windowed, in a box of their own; shorter ones are drawn whole. */
export const windowFrom = 100;
/** The box's height before it is measured (its max-block-size, 44rem). */
const fallbackBoxHeight = 704;

export interface ListWindow {
  /** Whether the list is windowed (long enough): then it sits in `box`, which scrolls. */
  windowed: boolean;
  box: RefObject<HTMLDivElement>;
  /** The element whose children are the rows (a `<ul>`, `<ol>` or `<tbody>`). */
  list: RefObject<HTMLElement | null>;
  entries: WindowEntry[];
  /** Scrolls row `index` into the box's view (drawn at once, then in view). */
  scrollTo: (index: number) => void;
}

/**
 * The rows of a list to draw. `pinned` rows are always drawn (the focused one, one about to be
 * focused); `estimate` is a row's height before it is drawn.
 */
export function useWindowedRows(options: { count: number; keyOf: (index: number) => string; estimate: number; gap?: number; pinned?: ReadonlySet<number> }): ListWindow {
  const windowed = options.count > windowFrom;
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLElement>(null);
  const [store] = useState(() => new ViewportStore(fallbackBoxHeight, () => box.current));
  useLayoutEffect(() => {
    const element = box.current;
    return windowed && element ? store.attach(element) : undefined;
  }, [windowed, store]);
  const heights = useMemo(() => new Map<string, number>(), []);
  const [target, setTarget] = useState<number>();
  const focused = useFocusedRow(list, windowed);
  const pinned = useMemo(() => {
    const set = new Set(options.pinned ?? []);
    if (target !== undefined) set.add(target);
    if (focused !== undefined && focused < options.count) set.add(focused);
    return set;
  }, [options.pinned, target, focused, options.count]);
  const entries = useListWindow({
    store,
    list,
    count: options.count,
    keyOf: options.keyOf,
    heights,
    estimate: () => options.estimate,
    gap: options.gap ?? 0,
    pinned,
    estimatedTop: 0,
    idle: !windowed,
  });
  const all = useMemo<WindowEntry[]>(() => Array.from({ length: options.count }, (_, index) => ({ kind: 'row', index })), [options.count]);
  // A row asked for (Show more's first new row) is drawn, then scrolled to, then let go.
  useLayoutEffect(() => {
    if (target === undefined) return;
    const element = list.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`);
    const container = box.current;
    if (windowed && element && container) {
      const top = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
      if (top < 0 || top > container.clientHeight - element.offsetHeight) container.scrollTop += top;
    }
    setTarget(undefined);
  }, [target, windowed]);
  return { windowed, box, list, entries: windowed ? entries : all, scrollTo: setTarget };
}

/** The row index (`data-row-index`) of the row holding focus, kept drawn while it has it. */
function useFocusedRow(list: RefObject<HTMLElement | null>, active: boolean): number | undefined {
  const [focused, setFocused] = useState<number>();
  useLayoutEffect(() => {
    const element = list.current;
    if (!element || !active) return;
    const onFocus = (event: FocusEvent) => {
      const row = (event.target as Element).closest?.('[data-row-index]');
      const index = row ? Number(row.getAttribute('data-row-index')) : undefined;
      if (index !== undefined && Number.isFinite(index)) setFocused(index);
    };
    element.addEventListener('focusin', onFocus);
    return () => element.removeEventListener('focusin', onFocus);
  });
  return focused;
}

/** The scroll box around a windowed list (nothing around a short one). */
export function WindowBox({ window, label, children, testId }: { window: ListWindow; label?: string; children: ReactNode; testId?: string }) {
  if (!window.windowed) return <>{children}</>;
  return (
    // Focusable, so the keyboard can scroll it (axe: scrollable regions must be reachable); a group,
    // not a landmark, as it usually sits in a section of the same name.
    <div ref={window.box} className="windowed-box" role="group" aria-label={label} tabIndex={0} data-testid={testId}>
      {children}
    </div>
  );
}

/** A spacer `<li>` standing for rows not drawn. */
export function ListSpacer({ entry }: { entry: Extract<WindowEntry, { kind: 'spacer' }> }) {
  return <li className="windowed-spacer" aria-hidden="true" style={{ height: entry.height }} />;
}

/** A spacer `<tr>` standing for rows not drawn. */
export function RowSpacer({ entry, columns }: { entry: Extract<WindowEntry, { kind: 'spacer' }>; columns: number }) {
  return (
    <tr className="windowed-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height: entry.height }} />
    </tr>
  );
}
