// Forge entry points: wiring only. The manifest names these exports (`index.resolver`, `index.dailyKpiSnapshot`).
import { makeResolver } from '@forge/resolver';
import type { Defs } from './contract';
import { handlers } from './resolvers/handlers';

export const resolver = makeResolver<Defs>(handlers);
export { dailyKpiSnapshot } from './jobs/daily-kpi-snapshot';
// Roll-up cache: issue events (manifest triggers) keep cached epic facts in step between loads.
export { rollupIssueChanged, rollupIssueDeleted } from './adapters/delivery/issue-events';
// Sprint events: the roadmap's cached sprints are read again at the next load.
export { sprintChanged } from './adapters/delivery/sprint-events';
// Link changes recorded in storage, carried to the epics' property by the `epic-link-sync` queue.
export { linkSyncConsumer } from './adapters/delivery/link-sync';
// Cold projects' roll-ups, crawled by the `rollup-crawl` queue's consumer outside the user's call.
export { rollupCrawl } from './adapters/delivery/rollup-crawl';
