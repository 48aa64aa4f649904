import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RoadmapView } from '../../../../src/contract';
import { emptyRoadmapFilter, filterRoadmapItems, isFiltering } from '../../../../src/domain/finding';
import type { RoadmapFilter } from '../../../../src/domain/finding';
import { noLane } from '../../../../src/domain/roadmap';
import type { RoadmapLayout } from '../../../../src/domain/roadmap';
import { ErrorMessage } from '../../../shared/error-message';
import { AddIcon } from '../../../shared/icons';
import { Loading } from '../../../shared/loading';
import { messages } from '../../../shared/messages';
import { RadioGroup } from '../../../shared/radio-group';
import { hasRouteState, roadmapViews } from '../../../shared/product-route';
import type { RoadmapViewKey } from '../../../shared/product-route';
import { PriorityList } from './priority-list';
import { itemsReadingJql, ownerBoard, priorityFactsOf, scoresOf } from './priority-model';
import { useJqlCountsOf } from './evidence-counts';
import { ScoresContext } from './scores-context';
import { boardOf } from './board-model';
import { FilterBar } from './filter-bar';
import { ItemPanel } from './item-panel';
import type { PanelState } from './item-panel';
import { LaneEditor } from './lane-editor';
import { RoadmapBoard } from './roadmap-board';
import type { RoadmapChange } from './roadmap-state';
import { useRoadmap } from './use-roadmap';
import { RoadmapTimeline } from './timeline/roadmap-timeline';
import { UndoFlag } from './timeline/undo-flag';
import { useRoadmapMoves } from './use-roadmap-moves';
import { isAtRisk } from './delivery-text';
import { useLanePrefs } from './use-lane-prefs';
import type { MoveNotice } from './use-roadmap-moves';
import { CrawlProgress } from './crawl-progress';
import { ItemsPaging } from './items-paging';
import type { PagingFailure } from './items-paging';
import { formatNumber } from '../../../shared/format';

const m = messages.roadmap;
const layoutKey = 'throughline.roadmap.layout';
const bodyStyles = xcss({ display: 'flex', gap: 'space.200', alignItems: 'flex-start' });
const boardStyles = xcss({ flexGrow: 1, minWidth: '0' });
const panelStyles = xcss({ flexShrink: 0, width: '24rem', maxWidth: '45%', position: 'sticky', insetBlockStart: 'space.0' });

function noticeTitle(notice: MoveNotice): string {
  switch (notice.kind) {
    case 'conflict':
      return m.moveConflict;
    case 'failed':
      return m.moveFailed(notice.title);
    case 'undo-conflict':
      return messages.timeline.undoConflict(notice.title);
    case 'undo-failed':
      return messages.timeline.undoFailed(notice.title);
  }
}

/** The layout last chosen in this browser tab, for a route that names none (the Roadmap tab opened plainly). */
function rememberedLayout(): RoadmapViewKey {
  try {
    const saved = window.sessionStorage.getItem(layoutKey);
    return roadmapViews.find((l) => l === saved) ?? 'horizons';
  } catch {
    return 'horizons';
  }
}

/** The tab's part of the product page's route: the layout and the open item (static/shared/product-route.ts). */
export interface RoadmapRouteProps {
  layout: RoadmapViewKey | undefined;
  itemId: string | undefined;
  /** The filter the route names (a shared link, back / forward); absent: none. */
  filter?: RoadmapFilter | undefined;
  onRoute: (next: { layout: RoadmapViewKey; item?: string; filter?: RoadmapFilter }, how: 'push' | 'replace') => void;
}

/** The Roadmap tab: loads the roadmap when first opened, then the board with its details panel. */
export function RoadmapTab(route: RoadmapRouteProps) {
  const store = useRoadmap();
  const { state } = store;
  if (state.status === 'loading') return <Loading label={m.loading} />;
  if (state.status === 'failed') return <ErrorMessage error={state.error} onRetry={store.reload} />;
  return <RoadmapScreen view={state.value} onChange={store.change} refresh={store.refresh} route={route} pagingFailure={store.pagingFailure} />;
}

function RoadmapScreen(props: { view: RoadmapView; onChange: (change: RoadmapChange) => void; refresh: () => Promise<boolean>; route: RoadmapRouteProps; pagingFailure?: PagingFailure | undefined }) {
  const { view, route } = props;
  const canEdit = view.viewer.canEdit;
  const [remembered] = useState<RoadmapViewKey>(rememberedLayout);
  const layout = route.layout ?? remembered;
  // The Priority view lists items; the board under it (for moves) is the Now / Next / Later one.
  const boardLayout: RoadmapLayout = layout === 'priority' ? 'horizons' : layout;
  // The route names the open item; an id the roadmap does not hold (deleted, mistyped) opens nothing.
  const routedItem = route.itemId && view.items.some((item) => item.id === route.itemId) ? route.itemId : undefined;
  const [panel, setPanelState] = useState<PanelState | undefined>(routedItem ? { kind: 'view', itemId: routedItem } : undefined);
  const onRoute = useRef(route.onRoute);
  onRoute.current = route.onRoute;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  // The field's own text (a trailing space while typing) is kept here; the route holds it trimmed.
  const routedFilter = route.filter ?? emptyRoadmapFilter;
  const [filter, setFilterState] = useState<RoadmapFilter>(routedFilter);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const routedFilterKey = JSON.stringify({ ...routedFilter, text: routedFilter.text.trim() });
  useEffect(() => {
    setFilterState((current) => (JSON.stringify({ ...current, text: current.text.trim() }) === routedFilterKey ? current : (JSON.parse(routedFilterKey) as RoadmapFilter)));
  }, [routedFilterKey]);
  const withFilter = () => (hasRouteState(filterRef.current) ? { filter: filterRef.current } : {});
  /** Opening or closing an item is a step in the URL (back closes it again); a new-item form is not. */
  const setPanel = useCallback((next: PanelState | undefined) => {
    setPanelState(next);
    onRoute.current({ layout: layoutRef.current, ...(next?.kind === 'view' ? { item: next.itemId } : {}), ...withFilter() }, 'push');
  }, []);
  // Back / forward, or a link, changed the route's item: the panel follows.
  useEffect(() => {
    setPanelState((open) => {
      if (routedItem) return open?.kind === 'view' && open.itemId === routedItem ? open : { kind: 'view', itemId: routedItem };
      return open?.kind === 'view' ? undefined : open;
    });
  }, [routedItem]);
  const [editingLanes, setEditingLanes] = useState(false);
  const [notice, setNotice] = useState<MoveNotice>();
  const addButton = useRef<HTMLButtonElement>(null);
  const epicText = useMemo(() => {
    const byId = new Map(view.epics.map((epic) => [epic.id, [epic.key, epic.summary]]));
    return (epicId: string) => byId.get(epicId) ?? [];
  }, [view.epics]);
  // Reach from evidence reads the saved searches' live counts, asked for once for the whole roadmap.
  const jqlItemIds = useMemo(() => itemsReadingJql(view), [view]);
  const jqlCounts = useJqlCountsOf(jqlItemIds);
  const scores = useMemo(() => ({ method: view.scoring?.method ?? 'none', byItem: scoresOf(view, jqlCounts) }), [view, jqlCounts]);
  const priorityFacts = useMemo(() => priorityFactsOf(scores.byItem, view.viewer.accountId), [scores, view.viewer.accountId]);
  // Unfiltered, the items as they came: copying 5,000 items with the filter's facts weighs on the first render.
  const shownItems = useMemo<RoadmapView['items']>(
    () => (isFiltering(filter) ? filterRoadmapItems(view.items.map((item) => ({ ...item, ...priorityFacts(item), atRisk: isAtRisk(item.delivery) })), filter, epicText) : view.items),
    [view.items, filter, epicText, priorityFacts],
  );
  const filtered = shownItems.length !== view.items.length;
  const board = useMemo(() => boardOf(filtered ? { ...view, items: shownItems } : view, boardLayout), [view, shownItems, filtered, boardLayout]);
  // Owner lanes are for reading "who carries what": a lane there is a person, so cards don't move.
  const byOwner = filter.byOwner === true;
  const shownBoard = useMemo(() => (byOwner ? ownerBoard(board, shownItems, view.viewer.accountId) : board), [byOwner, board, shownItems, view.viewer.accountId]);
  /** A filter is a setting, not a step: it replaces the URL entry rather than adding one per keystroke. */
  const setFilter = (next: RoadmapFilter) => {
    setFilterState(next);
    filterRef.current = next;
    onRoute.current({ layout, ...(panel?.kind === 'view' ? { item: panel.itemId } : {}), ...withFilter() }, 'replace');
  };
  const lanePrefs = useLanePrefs();
  const moves = useRoadmapMoves({ board, items: view.items, onChange: props.onChange, refresh: props.refresh, onNotice: setNotice });

  const setLayout = (next: RoadmapViewKey) => {
    onRoute.current({ layout: next, ...(panel?.kind === 'view' ? { item: panel.itemId } : {}), ...withFilter() }, 'replace');
    try {
      window.sessionStorage.setItem(layoutKey, next);
    } catch {
      // Storage may be off in the iframe; the layout is then kept for this visit only.
    }
  };

  const openItem = panel?.kind === 'view' ? panel.itemId : undefined;
  const onOpen = useCallback((itemId: string) => setPanel(openItem === itemId ? undefined : { kind: 'view', itemId }), [openItem, setPanel]);
  const onAdd = useCallback(
    (laneId: string) => {
      const lane = laneId === noLane ? null : laneId;
      setPanel({ kind: 'create', preset: view.laneMode === 'goals' ? { goalId: lane } : { laneId: lane } });
    },
    [view.laneMode, setPanel],
  );
  const closePanel = (focusItemId?: string) => {
    setPanel(undefined);
    requestAnimationFrame(() => {
      const title = focusItemId ? document.getElementById(`rm-title-${focusItemId}`) : null;
      (title ?? addButton.current)?.focus();
    });
  };

  const selectedId = panel?.kind === 'view' ? panel.itemId : undefined;
  const timelineFallback = layout === 'timeline' && view.sprints.length === 0;
  return (
    <ScoresContext.Provider value={scores}>
    <Stack space="space.200">
      <Inline space="space.200" alignBlock="end" spread="space-between" shouldWrap>
        <Stack space="space.050">
          <Heading size="medium" as="h2">
            {m.heading} <Text color="color.text.subtlest">({formatNumber(view.items.length)})</Text>
          </Heading>
          <Text color="color.text.subtle">{m.intro}</Text>
        </Stack>
        {canEdit ? (
          <Inline space="space.100">
            <Button onClick={() => setEditingLanes(true)} isDisabled={editingLanes}>
              {m.editLanes}
            </Button>
            <Button ref={addButton} appearance="primary" iconBefore={AddIcon} onClick={() => onAdd(noLane)}>
              {m.addItem}
            </Button>
          </Inline>
        ) : null}
      </Inline>
      <Inline space="space.300" alignBlock="center" shouldWrap>
        <RadioGroup legend={m.layoutLegend} value={layout} options={roadmapViews.map((value) => ({ value, label: value === 'priority' ? messages.priority.priorityView : m.layouts[value] }))} onChange={setLayout} />
        <ItemsPaging loaded={view.items.length} total={view.itemsPage?.total} failure={props.pagingFailure} />
        {view.crawl && !view.crawl.finished ? (
          <CrawlProgress crawl={view.crawl} />
        ) : view.pending.length > 0 ? (
          <Inline space="space.100" alignBlock="center" testId="roadmap-pending">
            <Spinner size="small" label={m.pendingProgress(view.pending.length)} />
            <Text size="small" color="color.text.subtle">
              {m.pendingProgress(view.pending.length)}
            </Text>
          </Inline>
        ) : null}
      </Inline>
      {editingLanes ? <LaneEditor view={view} onChange={props.onChange} onClose={() => setEditingLanes(false)} /> : null}
      {notice ? (
        <SectionMessage
          appearance={notice.kind === 'conflict' || notice.kind === 'undo-conflict' ? 'warning' : 'error'}
          headingLevel="h3"
          title={noticeTitle(notice)}
          actions={[
            <Button key="dismiss" onClick={() => setNotice(undefined)}>
              {messages.common.dismiss}
            </Button>,
          ]}
        >
          {notice.kind === 'failed' || notice.kind === 'undo-failed' ? <Text as="p">{notice.error.message}</Text> : null}
        </SectionMessage>
      ) : null}
      {timelineFallback ? <Text size="small" color="color.text.subtle">{m.timelineFallback}</Text> : null}
      {view.items.length > 0 ? <FilterBar filter={filter} goals={view.goals} shown={shownItems.length} total={view.items.length} onChange={setFilter} /> : null}
      {view.items.length === 0 ? <Text color="color.text.subtle">{canEdit ? m.emptyEditor : m.emptyReader}</Text> : null}
      {view.items.length > 0 && shownItems.length === 0 ? (
        <Inline space="space.100" alignBlock="center" testId="roadmap-filter-empty">
          <Text color="color.text.subtle">{m.filterEmpty}</Text>
          <Button spacing="compact" onClick={() => setFilter(emptyRoadmapFilter)}>
            {m.filterClear}
          </Button>
        </Inline>
      ) : null}
      <UndoFlag undoable={moves.undoable} onUndo={moves.undo} onDismiss={moves.dismissUndo} />
      {canEdit && view.items.length > 0 && layout !== 'gantt' && layout !== 'priority' ? (
        <Text size="small" color="color.text.subtlest">
          {byOwner ? messages.priority.ownerLanesReadOnly : m.moveHint}
        </Text>
      ) : null}
      <Box xcss={bodyStyles}>
        <Box xcss={boardStyles}>
          {layout === 'priority' ? (
            <PriorityList view={view} items={shownItems} selectedId={selectedId} onOpen={onOpen} onChange={props.onChange} />
          ) : layout === 'gantt' ? (
            <RoadmapTimeline view={view} items={shownItems} board={board} canEdit={canEdit} selectedId={selectedId} onOpen={onOpen} onSetDates={moves.setDates} />
          ) : (
            <RoadmapBoard board={shownBoard} canEdit={canEdit && !byOwner} selectedId={selectedId} onOpen={onOpen} onMove={moves.move} onAdd={onAdd} collapsed={lanePrefs.collapsed} onToggleLane={lanePrefs.toggle} />
          )}
        </Box>
        {panel ? (
          <Box xcss={panelStyles}>
            <ItemPanel panel={panel} view={view} onChange={props.onChange} refresh={props.refresh} onClose={closePanel} />
          </Box>
        ) : null}
      </Box>
    </Stack>
    </ScoresContext.Provider>
  );
}
