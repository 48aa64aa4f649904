/**
 * The tabs a reader opens after the first view (roadmap, alignment, epics & sprints, what changed),
 * each in a chunk of its own, loaded when first shown or soon after the page has rendered. The entry
 * script then holds what the first view needs (issue 4 and 12: the Product page's entry stays
 * ≤ 300 KB gzipped while the catalogs' English texts grow), and a tab click later finds its chunk
 * already fetched. Same names and props as the tabs themselves, so the page reads as before.
 */
import { Suspense, lazy, type ComponentProps, type ComponentType } from 'react';
import { ErrorMessage } from '../../shared/error-message';
import { Loading } from '../../shared/loading';
import { laterTabs } from '../../shared/messages/later-tabs';
import type { AlignmentTab as AlignmentTabNow } from './alignment/alignment-tab';
import type { FeedTab as FeedTabNow } from './feed/feed-tab';
import type { OverviewTab as OverviewTabNow } from './overview/overview-tab';
import type { RoadmapTab as RoadmapTabNow } from './roadmap/roadmap-tab';

const loadRoadmap = () => import('./roadmap/roadmap-tab');
const loadAlignment = () => import('./alignment/alignment-tab');
const loadOverview = () => import('./overview/overview-tab');
const loadFeed = () => import('./feed/feed-tab');

/**
 * `load`'s component, loaded when first rendered. A chunk that does not come (offline, a redeploy
 * replaced it) is said in the tab, with a reload, rather than taking the whole page down.
 */
export function later<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => {
    try {
      // lazy() wants a component of any props; the tab keeps the real component's props (P).
      return { default: (await load()) as ComponentType<object> };
    } catch (error) {
      console.error(error);
      return { default: NotLoaded };
    }
  });
  const Tab = (props: P) => (
    <Suspense fallback={<Loading />}>
      <Lazy {...(props as object)} />
    </Suspense>
  );
  return Tab;
}

function NotLoaded() {
  return <ErrorMessage error={{ code: 'unexpected', message: laterTabs.failed }} onRetry={() => window.location.reload()} />;
}

export const RoadmapTab = later<ComponentProps<typeof RoadmapTabNow>>(async () => (await loadRoadmap()).RoadmapTab);
export const AlignmentTab = later<ComponentProps<typeof AlignmentTabNow>>(async () => (await loadAlignment()).AlignmentTab);
export const OverviewTab = later<ComponentProps<typeof OverviewTabNow>>(async () => (await loadOverview()).OverviewTab);
export const FeedTab = later<ComponentProps<typeof FeedTabNow>>(async () => (await loadFeed()).FeedTab);

/** Fetches every later tab's chunk once the first view is up, so a tab click does not wait for one. */
export function preloadLaterTabs(): void {
  for (const load of [loadRoadmap, loadAlignment, loadOverview, loadFeed]) void load().catch(() => undefined);
}
