import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';

/**
 * A long table drawn a page at a time. "Show more" moves focus to the first row just drawn (its
 * issue key link), so a keyboard user carries on where the table grew.
 */
export function usePagedRows<T>(rows: readonly T[], pageSize: number) {
  const [shownCount, setShownCount] = useState(pageSize);
  const tableRef = useRef<HTMLDivElement>(null);
  const shown = rows.slice(0, shownCount);
  const more = rows.length - shown.length;
  const showMore = (count: number) => {
    const firstNew = shown.length;
    setShownCount(firstNew + count);
    requestAnimationFrame(() => tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody tr a.issue-key-link')[firstNew]?.focus());
  };
  /** Back to the first page (a new filter). */
  const reset = () => setShownCount(pageSize);
  return { shown, more, showMore, reset, tableRef };
}

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
