/**
 * Issue 13: the crawl paces itself to Jira's per-endpoint rate instead of provoking 429s. Atlassian
 * publishes no figure for that rate, so the crawl learns it from the first burst 429
 * (`X-RateLimit-Limit`, https://developer.atlassian.com/cloud/jira/platform/rate-limiting/) and keeps
 * it on the project's crawl record: the parallel work items of a later crawl start paced and Jira
 * refuses none of their requests. Held at two rates and latencies, with consumers in parallel as
 * Forge runs them; counts only (requests refused, pages asked), never timings.
 */
import { jest } from '@jest/globals';
import type { RoadmapView } from '../../../src/contract';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { rollupCrawl } from '../../../src/index';
import { crawlConcurrency, crawlPageConcurrency, epicsPerQuery } from '../../../src/adapters/delivery/rollup-crawl';
import { readCrawl } from '../../../src/adapters/storage/rollup-crawl-store';
import { buildLargeSite, loadEntityPropertyIndexes } from '../../sandbox/demo';
import type { ConsumerHandler } from '../../sandbox/forge/sandbox';
import { createSandbox, manifestPath } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { rollupKit } from './kit';

jest.setTimeout(120_000);

const sandbox = createSandbox({ site: buildLargeSite({ epics: 280, childrenPerEpic: 3, sprints: 12, entityPropertyIndexes: loadEntityPropertyIndexes(manifestPath) }) });
sandbox.forge.registerConsumer('rollup-crawl', rollupCrawl as unknown as ConsumerHandler);
const kit = rollupKit(sandbox);
const searchRoute = 'POST /rest/api/3/search/jql';

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.queue.clear();
  sandbox.jira.setFaults({});
  sandbox.jira.rateLimits.reset();
  sandbox.jira.rateLimits.arm(undefined);
});

afterAll(() => {
  sandbox.jira.setFaults({});
  sandbox.jira.rateLimits.arm(undefined);
});

const roadmap = async (payload: { refresh?: 'full' } = {}, project = 'THR'): Promise<RoadmapView> =>
  valueOf(await sandbox.call('getRoadmap', { as: 'admin', in: { module: 'jira:projectPage', project }, payload }));

/** Search pages one crawl of THR must read: one per `parent in (…)` batch (3 children an epic, one page each). */
function pagesNeeded(): number {
  const view = sandbox.forge.queue.snapshot().map((event) => (event.body as { epicIds: string[] }).epicIds.length);
  return view.reduce((sum, epics) => sum + Math.ceil(epics / epicsPerQuery), 0);
}

async function crawlOnce(refresh: boolean): Promise<{ refused: number; pagesAsked: number; pagesNeeded: number }> {
  await roadmap(refresh ? { refresh: 'full' } : {});
  const needed = pagesNeeded();
  expect(needed).toBeGreaterThan(crawlConcurrency);
  sandbox.jira.rateLimits.reset();
  sandbox.jira.resetStats();
  const report = await sandbox.forge.drainQueue({ parallel: 16 });
  expect(report).toMatchObject({ failed: 0, undeliverable: 0 });
  const stats = { refused: sandbox.jira.rateLimits.stats.refused, pagesAsked: sandbox.jira.stats.byRoute[searchRoute] ?? 0, pagesNeeded: needed };
  const done = valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} })).crawl;
  expect(done).toMatchObject({ finished: true });
  return stats;
}

async function expectExact(project = 'THR'): Promise<void> {
  sandbox.jira.rateLimits.arm(undefined);
  sandbox.jira.setFaults({});
  const view = await roadmap({}, project);
  expect(view.pending).toEqual([]);
  for (const epic of view.epics) expect({ id: epic.id, rollup: epic.rollup }).toEqual({ id: epic.id, rollup: rollupOf(kit.expectedFacts(epic.id, view.storyPoints.fieldId)) });
}

describe.each([
  { rate: 12, latency: { fixedMs: 40 } },
  { rate: 20, latency: { minMs: 5, maxMs: 60 } },
])('Jira answering $rate requests a second per endpoint, latency $latency', ({ rate, latency }) => {
  test('the first crawl learns the rate from Jira\'s 429 once; the next starts paced and is refused nothing; both exact', async () => {
    sandbox.jira.setFaults({ latency });
    sandbox.jira.rateLimits.arm({ requestsPerSecondPerEndpoint: rate });
    const cold = await crawlOnce(false);
    // Nothing known yet: only requests sent before the first 429 reached the items can be refused,
    // and each refused page is asked once more, never dropped.
    expect(cold.refused).toBeLessThanOrEqual(crawlConcurrency * crawlPageConcurrency);
    expect(cold.pagesAsked).toBe(cold.pagesNeeded + cold.refused);
    const thr = kit.projectOf('THR');
    const learned = await sandbox.forge.run(async () => (await readCrawl(thr.id))?.pace, {});
    expect(cold.refused).toBeGreaterThan(0);
    expect(learned).toEqual({ [searchRoute]: rate });

    sandbox.jira.setFaults({ latency });
    sandbox.jira.rateLimits.arm({ requestsPerSecondPerEndpoint: rate });
    const next = await crawlOnce(true);
    expect(next).toMatchObject({ refused: 0, pagesAsked: next.pagesNeeded });
    expect(sandbox.jira.rateLimits.stats.peakEndpointRequestsPerSecond).toBeLessThanOrEqual(rate);
    await expectExact();
  });
});

test('two projects crawled at once share each endpoint\'s rate: items refused although paced slow down and finish in their invocation, none goes back to the queue', async () => {
  const rate = 12;
  sandbox.jira.rateLimits.arm({ requestsPerSecondPerEndpoint: rate });
  // Each project's crawl learned the rate alone first.
  for (const project of ['THR', 'MOB']) {
    await roadmap({}, project);
    expect(await sandbox.forge.drainQueue({ parallel: 16 })).toMatchObject({ failed: 0 });
  }
  await roadmap({ refresh: 'full' }, 'THR');
  await roadmap({ refresh: 'full' }, 'MOB');
  const items = sandbox.forge.queue.size;
  expect(items).toBeGreaterThan(crawlConcurrency);
  sandbox.jira.rateLimits.reset();
  const report = await sandbox.forge.drainQueue({ parallel: 32 });
  // 16 items at a tenth of the rate each: more than Jira allows, so some paced requests were refused.
  expect(sandbox.jira.rateLimits.stats.refused).toBeGreaterThan(0);
  expect(report).toMatchObject({ deliveries: items, retried: 0, failed: 0, undeliverable: 0 });
  await expectExact('THR');
  await expectExact('MOB');
});

test('a running work item stores what it counted as it goes: the progress moves before the item ends', async () => {
  sandbox.jira.rateLimits.arm({ requestsPerSecondPerEndpoint: 12 });
  // Learned once: items are paced to about one page a second, so one item runs for seconds.
  await crawlOnce(false);
  await roadmap({ refresh: 'full' });
  const [first] = sandbox.forge.queue.snapshot();
  const itemEpics = (first!.body as { epicIds: string[] }).epicIds.length;
  expect(Math.ceil(itemEpics / epicsPerQuery)).toBeGreaterThan(1);
  const seen: number[] = [];
  let running = true;
  const delivering = sandbox.forge.drainQueue({ maxDeliveries: 1 }).finally(() => {
    running = false;
  });
  while (running) {
    const crawl = valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} })).crawl;
    if (running && crawl) seen.push(crawl.epicsDone ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(await delivering).toMatchObject({ succeeded: 1 });
  // Seen while the item ran: some of its epics counted, not all.
  expect(seen.some((epicsDone) => epicsDone > 0 && epicsDone < itemEpics)).toBe(true);
  const after = valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} })).crawl;
  expect(after).toMatchObject({ epicsDone: itemEpics, finished: false });
});
