/**
 * Issue 13, Jira's hourly points quota: 100,000 children cost more points than one hour allows (one
 * point per issue read: https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). The
 * crawl leaves people a fifth of the hour: at Jira's `X-RateLimit-NearLimit` (less than 20 % left)
 * it stops asking and waits for the reset, so people's own calls are still answered; a quota Jira
 * refuses outright (spent by others) pauses it alike. Here the quota is lowered so that a small
 * project's crawl reaches the mark half-way: its progress says so, its work items wait in the queue
 * without asking Jira, and once the hour has turned it finishes exactly.
 * Only `Date` is faked (to move into the next hour); timers and the queue run for real.
 */
import { jest } from '@jest/globals';
import type { RoadmapView } from '../../../src/contract';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { rollupCrawl } from '../../../src/index';
import { crawlStatus } from '../../../src/adapters/delivery/rollup-crawl';
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

describe('a crawl leaves people a fifth of Jira\'s hourly quota, waits for the next hour, then ends exact', () => {
  const thr = () => sandbox.site.projects.find((project) => project.key === 'THR')!;
  const resetAt = new Date(startMs - 60_000 + hourMs).toISOString();

  test('it stops at NearLimit, people\'s calls are still answered, it asks Jira nothing while paused, and completes after the hour turns', async () => {
    const first = await roadmap();
    expect(first.crawl).toMatchObject({ finished: false });
    const items = sandbox.forge.queue.size;
    expect(items).toBeGreaterThan(5);

    // A fresh hour, most of it spent by people's own loads: the crawl reaches NearLimit half-way.
    const quota = 1_500;
    sandbox.jira.rateLimits.reset();
    sandbox.jira.rateLimits.arm({ pointsPerHour: quota });
    while (sandbox.jira.rateLimits.pointsThisHour < quota * 0.8 - 200) await roadmap('developer');
    const peopleSpent = sandbox.jira.rateLimits.pointsThisHour;
    await sandbox.forge.drainQueue({ maxDeliveries: items });

    // As storage holds it (the record every load and poll reads).
    const paused = await sandbox.forge.run(async () => crawlStatus(await readCrawl(thr().id)), {});
    expect(paused).toMatchObject({ finished: false, pausedUntil: resetAt });
    expect(paused!.epicsDone).toBeGreaterThan(0);
    expect(paused!.epicsDone).toBeLessThan(first.epics.length);
    // Stopped at the signal, never refused: what is left of the hour is people's.
    expect(sandbox.jira.rateLimits.stats.refused).toBe(0);
    const spent = sandbox.jira.rateLimits.pointsThisHour;
    expect(spent - peopleSpent).toBeGreaterThan(0);
    expect(spent).toBeGreaterThanOrEqual(0.8 * quota);
    expect(spent).toBeLessThan(quota);
    const waiting = sandbox.forge.queue.snapshot();
    expect(waiting.length).toBeGreaterThan(0);
    // The queue's longest delay: the pause (59 minutes) is waited out in 15-minute steps.
    expect(waiting.every((event) => event.delayInSeconds === 900)).toBe(true);

    const asked = sandbox.jira.stats.requests;
    await sandbox.forge.drainQueue({ maxDeliveries: waiting.length * 2 });
    expect(sandbox.jira.stats.requests).toBe(asked);

    // People's own calls: answered from their share, the crawl's pause shown.
    const during = valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} }));
    expect(during.crawl).toMatchObject({ finished: false, pausedUntil: resetAt });
    // A whole roadmap load (the epics' cards and the rest) fits in what the crawl left.
    const load = await roadmap('developer');
    expect(load.crawl).toMatchObject({ pausedUntil: resetAt });
    expect(sandbox.jira.rateLimits.pointsThisHour).toBeLessThan(quota);
    expect(sandbox.jira.stats.requests).toBeGreaterThan(asked);
    expect(sandbox.jira.rateLimits.stats.refused).toBe(0);

    jest.setSystemTime(Date.parse(resetAt) + 1_000);
    const report = await sandbox.forge.drainQueue();
    expect(report).toMatchObject({ failed: 0, undeliverable: 0 });
    expect(sandbox.jira.rateLimits.stats.refused).toBe(0);
    sandbox.jira.rateLimits.arm(undefined);

    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expect(warm.crawl).toBeUndefined();
    for (const epic of warm.epics) expect({ id: epic.id, rollup: epic.rollup }).toEqual({ id: epic.id, rollup: rollupOf(kit.expectedFacts(epic.id, warm.storyPoints.fieldId)) });
  });

  test('a crawl asked for when the hour is near its limit already starts paused: its items ask Jira nothing until the reset', async () => {
    const quota = 2_900;
    sandbox.jira.rateLimits.reset();
    sandbox.jira.rateLimits.arm({ pointsPerHour: quota });
    // People's own loads (a crawl of THR is queued meanwhile, untouched) bring the hour under 20 %,
    // with room left for one more load.
    while (sandbox.jira.rateLimits.pointsThisHour <= 0.8 * quota) await roadmap('developer');
    expect(quota - sandbox.jira.rateLimits.pointsThisHour).toBeGreaterThanOrEqual(400);
    sandbox.forge.queue.clear();
    const mob = valueOf(await sandbox.call('getRoadmap', { as: 'admin', in: { module: 'jira:projectPage', project: 'MOB' }, payload: {} }));
    expect(mob.crawl).toMatchObject({ finished: false, epicsDone: 0, pausedUntil: resetAt });
    const items = sandbox.forge.queue.snapshot();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((event) => event.delayInSeconds === 900)).toBe(true);
    const asked = sandbox.jira.stats.requests;
    await sandbox.forge.drainQueue({ maxDeliveries: items.length * 2 });
    expect(sandbox.jira.stats.requests).toBe(asked);
    expect(sandbox.jira.rateLimits.stats.refused).toBe(0);

    jest.setSystemTime(Date.parse(resetAt) + 1_000);
    expect(await sandbox.forge.drainQueue()).toMatchObject({ failed: 0, undeliverable: 0 });
    const done = valueOf(await sandbox.call('getRoadmap', { as: 'admin', in: { module: 'jira:projectPage', project: 'MOB' }, payload: {} }));
    expect(done.pending).toEqual([]);
    expect(done.crawl).toBeUndefined();
  });

  test('a quota Jira refuses outright (spent by others) pauses the crawl until Jira\'s reset, without waiting inside an invocation', async () => {
    await roadmap();
    const items = sandbox.forge.queue.size;
    sandbox.jira.setFaults({ rateLimit: { count: 1, match: '/rest/api/3/search/jql', retryAfterSeconds: 59 * 60, reason: 'jira-quota-global-based' } });
    try {
      await sandbox.forge.drainQueue({ maxDeliveries: 1 });
      const paused = await sandbox.forge.run(async () => crawlStatus(await readCrawl(thr().id)), {});
      expect(paused).toMatchObject({ finished: false, pausedUntil: resetAt });
      // The refused item back in the queue, delayed; the others not started yet.
      expect(sandbox.forge.queue.size).toBe(items);
      const asked = sandbox.jira.stats.requests;
      await sandbox.forge.drainQueue({ maxDeliveries: items * 2 });
      expect(sandbox.jira.stats.requests).toBe(asked);
      jest.setSystemTime(Date.parse(resetAt) + 1_000);
      expect(await sandbox.forge.drainQueue()).toMatchObject({ failed: 0, undeliverable: 0 });
      expect(valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} })).crawl).toMatchObject({ finished: true });
    } finally {
      sandbox.jira.setFaults({});
    }
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
