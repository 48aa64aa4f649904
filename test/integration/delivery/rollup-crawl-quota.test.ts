/**
 * Issue 13, Jira's hourly points quota: 100,000 children cost more points than one hour allows (one
 * point per issue read: https://developer.atlassian.com/cloud/jira/platform/rate-limiting/), so a
 * crawl that spends the quota must wait for Jira's reset rather than fail or keep asking. Here the
 * quota is lowered so that a small project's crawl spends it half-way: the crawl pauses until the
 * instant Jira names, its progress says so, its work items wait in the queue without asking Jira,
 * and once the hour has turned it finishes exactly.
 * Only `Date` is faked (to move into the next hour); timers and the queue run for real.
 */
import { jest } from '@jest/globals';
import type { RoadmapView } from '../../../src/contract';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { rollupCrawl } from '../../../src/index';
import { crawlPageConcurrency, crawlStatus } from '../../../src/adapters/delivery/rollup-crawl';
import { readCrawl } from '../../../src/adapters/storage/rollup-crawl-store';
import { buildLargeSite, loadEntityPropertyIndexes } from '../../sandbox/demo';
import type { ConsumerHandler } from '../../sandbox/forge/sandbox';
import { createSandbox, manifestPath } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { rollupKit } from './kit';

jest.setTimeout(60_000);

const sandbox = createSandbox({ site: buildLargeSite({ epics: 280, childrenPerEpic: 3, sprints: 12, entityPropertyIndexes: loadEntityPropertyIndexes(manifestPath) }) });
sandbox.forge.registerConsumer('rollup-crawl', rollupCrawl as unknown as ConsumerHandler);
const kit = rollupKit(sandbox);

const hourMs = 3_600_000;
/** One minute into an hour: Jira's quota window (a fixed hour) resets 59 minutes later. */
const startMs = Math.floor(Date.now() / hourMs) * hourMs + hourMs + 60_000;

beforeEach(() => {
  jest.useFakeTimers({
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    now: startMs,
  });
  sandbox.forge.kvs.clear();
  sandbox.forge.queue.clear();
  sandbox.jira.rateLimits.reset();
  sandbox.jira.rateLimits.arm(undefined);
});

afterEach(() => {
  sandbox.jira.rateLimits.arm(undefined);
  jest.useRealTimers();
});

const roadmap = async (as: 'productManager' | 'developer' = 'productManager'): Promise<RoadmapView> =>
  valueOf(await sandbox.call('getRoadmap', { as, in: { module: 'jira:projectPage', project: 'THR' }, payload: {} }));

describe('a crawl that spends Jira\'s hourly quota waits for the next hour, then ends exact', () => {
  test('it pauses at Jira\'s reset, says so, asks Jira nothing while paused, and completes after the hour turns', async () => {
    const first = await roadmap();
    expect(first.crawl).toMatchObject({ finished: false });
    expect(first.crawl?.pausedUntil).toBeUndefined();
    const items = sandbox.forge.queue.size;
    expect(items).toBeGreaterThan(5);

    // A fresh hour's quota, about half of what the crawl's searches cost.
    sandbox.jira.rateLimits.reset();
    sandbox.jira.rateLimits.arm({ pointsPerHour: 150 });
    await sandbox.forge.drainQueue({ maxDeliveries: items });

    const resetAt = new Date(startMs - 60_000 + hourMs).toISOString();
    // As storage holds it (the record every load and poll reads).
    const thr = sandbox.site.projects.find((project) => project.key === 'THR')!;
    const paused = await sandbox.forge.run(async () => crawlStatus(await readCrawl(thr.id)), {});
    expect(paused).toMatchObject({ finished: false, pausedUntil: resetAt });
    expect(paused!.epicsDone).toBeGreaterThan(0);
    expect(paused!.epicsDone).toBeLessThan(first.epics.length);
    // Refused in one invocation only (its searches in flight, each retried once), then the whole crawl waits.
    const refusedAtPause = sandbox.jira.rateLimits.stats.refused;
    expect(refusedAtPause).toBeGreaterThan(0);
    expect(refusedAtPause).toBeLessThanOrEqual(2 * crawlPageConcurrency);
    const waiting = sandbox.forge.queue.snapshot();
    expect(waiting.length).toBeGreaterThan(0);
    // The queue's longest delay: the pause (59 minutes) is waited out in 15-minute steps.
    expect(waiting.every((event) => event.delayInSeconds === 900)).toBe(true);

    const asked = sandbox.jira.stats.requests;
    await sandbox.forge.drainQueue({ maxDeliveries: waiting.length * 2 });
    expect(sandbox.jira.stats.requests).toBe(asked);
    expect(sandbox.jira.rateLimits.stats.refused).toBe(refusedAtPause);

    // Jira refuses the app everything until the reset, people's own calls included (one quota per
    // app): they get the typed "Jira is busy" answer, never a wrong roadmap.
    const during = await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} });
    expect(during).toMatchObject({ ok: false, error: { code: 'rate-limited' } });

    jest.setSystemTime(Date.parse(resetAt) + 1_000);
    const report = await sandbox.forge.drainQueue();
    expect(report).toMatchObject({ failed: 0, undeliverable: 0 });
    sandbox.jira.rateLimits.arm(undefined);

    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expect(warm.crawl).toBeUndefined();
    for (const epic of warm.epics) expect({ id: epic.id, rollup: epic.rollup }).toEqual({ id: epic.id, rollup: rollupOf(kit.expectedFacts(epic.id, warm.storyPoints.fieldId)) });
  });

  test('a short wait (the per-second rate) pauses nothing: the item retries through the queue as before', async () => {
    await roadmap();
    sandbox.jira.setFaults({ rateLimit: { count: 3, match: '/rest/api/3/search/jql', retryAfterSeconds: 2 } });
    try {
      const report = await sandbox.forge.drainQueue();
      expect(report.failed).toBe(0);
      const done = valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} })).crawl;
      expect(done).toMatchObject({ finished: true });
      expect(done?.pausedUntil).toBeUndefined();
    } finally {
      sandbox.jira.setFaults({});
    }
  });
});
