import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import { useWindowedRows } from '../../../shared/windowed-list';

/**
 * A long table drawn a page at a time. "Show more" moves focus to the first row just drawn (its
 * issue key link), so a keyboard user carries on where the table grew. Past a few pages ("Show
 * all" on a site of 5,000 epics) the table scrolls in a box of its own and draws only the rows
 * near its view (static/shared/windowed-list.tsx): the DOM stays a few screens' worth.
 */
export function usePagedRows<T>(rows: readonly T[], pageSize: number, keyOf: (row: T) => string) {
  const [shownCount, setShownCount] = useState(pageSize);
  const tableRef = useRef<HTMLDivElement>(null);
  const shown = rows.slice(0, shownCount);
  const more = rows.length - shown.length;
  const window = useWindowedRows({ count: shown.length, keyOf: (index) => keyOf(shown[index]!), estimate: 41 });
  const showMore = (count: number) => {
    const firstNew = shown.length;
    setShownCount(firstNew + count);
    // Drawn (and scrolled to) wherever it is, then focused.
    window.scrollTo(firstNew);
    requestAnimationFrame(() => tableRef.current?.querySelector<HTMLAnchorElement>(`tbody tr[data-row-index="${firstNew}"] a.issue-key-link`)?.focus());
  };
  /** Back to the first page (a new filter). */
  const reset = () => setShownCount(pageSize);
  return { shown, more, showMore, reset, tableRef, window };
}

/** The attributes of a drawn row: its index (focus and "Show more" find it by it) and its place for screen readers, after the header row. */
export const rowAttributes = (index: number, windowed: boolean) => ({ 'data-row-index': index, ...(windowed ? { 'aria-rowindex': index + 2 } : {}) });

/** "Show N more" and, when more than a page is left, "Show all". */
export function ShowMoreButtons(props: { more: number; pageSize: number; showMore: (count: number) => void; moreLabel: (count: number) => string; allLabel: string }) {
  const { more, pageSize, showMore } = props;
  if (more <= 0) return null;
  return (
    <Inline space="space.100">
      <Button onClick={() => showMore(pageSize)}>{props.moreLabel(Math.min(more, pageSize))}</Button>
      {more > pageSize ? (
        <Button appearance="subtle" onClick={() => showMore(more)}>
          {props.allLabel}
        </Button>
      ) : null}
    </Inline>
  );
}
