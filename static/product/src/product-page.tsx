import { useEffect, useRef } from 'react';
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import { AnnouncerProvider } from '../../shared/announcer';
import { ErrorMessage } from '../../shared/error-message';
import { Loading } from '../../shared/loading';
import { messages } from '../../shared/messages';
import { UnlicensedNotice } from '../../shared/unlicensed-notice';
import { GoalsTab } from './goals/goals-tab';
import { AlignmentTab, FeedTab, OverviewTab, RoadmapTab, preloadLaterTabs } from './later-tabs';
import { productTabs } from '../../shared/product-route';
import type { ProductRoute, ProductTab } from '../../shared/product-route';
import { useProductRoute } from './use-product-route';
import { useStrategy } from './use-strategy';
import type { StrategyStore } from './use-strategy';
import { VisionTab } from './vision/vision-tab';
import { productPageName } from './page-title';
import { feed as feedMessages } from '../../shared/messages/feed';
import './product-tabs.css';

const panelStyles = xcss({ paddingBlockStart: 'space.300', width: '100%' });

/**
 * The "Product" project page: the vision, the goals with their KPIs, the roadmap, and the epics
 * and sprints they are delivered through. The strategy loads once for the first two tabs; the
 * roadmap, the alignment and the overview load when their tab is first opened (ADS tabs keep a visited panel
 * mounted, so drafts survive a switch). The open tab, roadmap layout and roadmap item are the
 * page's route in Jira's URL (use-product-route.ts), so a reload, back / forward or a shared link
 * show the same view.
 */
export function ProductPage() {
  const strategy = useStrategy();
  const { state } = strategy;
  const { route, go } = useProductRoute();
  // Leaving the roadmap and coming back reopens the layout and item it showed.
  const lastRoadmap = useRef<ProductRoute>({ tab: 'roadmap' });
  // The later tabs' chunks (later-tabs.tsx) come in once the first view has had its turn.
  useEffect(() => {
    const soon = setTimeout(preloadLaterTabs, 300);
    return () => clearTimeout(soon);
  }, []);
  if (route?.tab === 'roadmap') lastRoadmap.current = route;
  const selectTab = (index: number) => {
    const tab: ProductTab = productTabs[index] ?? 'vision';
    go(tab === 'roadmap' ? lastRoadmap.current : { tab }, 'push');
  };
  return (
    <AnnouncerProvider>
      <Box as="main" padding="space.300">
        {(state.status === 'loading' || (!route && state.status === 'ready')) && <Loading label={messages.loading} />}
        {state.status === 'failed' && state.error.code === 'forbidden' && <ErrorMessage error={state.error} />}
        {route && (state.status === 'ready' || (state.status === 'failed' && state.error.code !== 'forbidden')) && (
          <Stack space="space.200">
            <Heading size="large" as="h1">
              {messages.common.pageTitle(pageName(strategy))}
            </Heading>
            {state.status === 'ready' && !state.value.viewer.licensed && <UnlicensedNotice />}
            <Tabs id="product-tabs" selected={productTabs.indexOf(route.tab)} onChange={selectTab}>
              <TabList>
                <Tab>{messages.common.tabs.vision}</Tab>
                <Tab>{messages.common.tabs.goals}</Tab>
                <Tab>{messages.common.tabs.roadmap}</Tab>
                <Tab>{messages.common.tabs.alignment}</Tab>
                <Tab>{messages.common.tabs.overview}</Tab>
                <Tab>{feedMessages.tab}</Tab>
              </TabList>
              <TabPanel>
                <Box xcss={panelStyles}>
                  <StrategyPanel store={strategy} render={(view) => <VisionTab vision={view.vision} canEdit={view.viewer.canEdit} onChange={strategy.change} />} />
                </Box>
              </TabPanel>
              <TabPanel>
                <Box xcss={panelStyles}>
                  <StrategyPanel
                    store={strategy}
                    render={(view) => <GoalsTab goals={view.goals} canEdit={view.viewer.canEdit} viewer={view.viewer} onChange={strategy.change} refresh={strategy.refresh} />}
                  />
                </Box>
              </TabPanel>
              <TabPanel>
                <Box xcss={panelStyles}>
                  <RoadmapTab
                    layout={route.tab === 'roadmap' ? route.layout : lastRoadmap.current.layout}
                    itemId={route.tab === 'roadmap' ? route.item : lastRoadmap.current.item}
                    filter={route.tab === 'roadmap' ? route.filter : lastRoadmap.current.filter}
                    onRoute={(next, how) => go({ tab: 'roadmap', ...next }, how)}
                  />
                </Box>
              </TabPanel>
              <TabPanel>
                <Box xcss={panelStyles}>
                  <AlignmentTab />
                </Box>
              </TabPanel>
              <TabPanel>
                <Box xcss={panelStyles}>
                  <OverviewTab />
                </Box>
              </TabPanel>
              <TabPanel>
                <Box xcss={panelStyles}>
                  <StrategyPanel
                    store={strategy}
                    render={(view) => (
                      <FeedTab
                        goals={view.goals}
                        onOpenGoal={() => go({ tab: 'goals' }, 'push')}
                        onOpenItem={(item) => go({ tab: 'roadmap', layout: lastRoadmap.current.layout ?? 'horizons', item }, 'push')}
                        onOpenVision={() => go({ tab: 'vision' }, 'push')}
                      />
                    )}
                  />
                </Box>
              </TabPanel>
            </Tabs>
          </Stack>
        )}
      </Box>
    </AnnouncerProvider>
  );
}

function pageName({ state }: StrategyStore): string {
  if (state.status !== 'ready') return messages.common.productFallback;
  return productPageName(state.value);
}

/** A strategy tab: its content once the strategy is here, or why not (with a retry). */
function StrategyPanel({ store, render }: { store: StrategyStore; render: (view: Extract<StrategyStore['state'], { status: 'ready' }>['value']) => React.ReactNode }) {
  if (store.state.status === 'failed') return <ErrorMessage error={store.state.error} onRetry={store.reload} />;
  if (store.state.status !== 'ready') return <Loading />;
  return <>{render(store.state.value)}</>;
}
