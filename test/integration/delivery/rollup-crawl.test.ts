/**
 * Issue 13: a cold project's roll-ups are counted by the `rollup-crawl` queue's consumers, not in
 * the user's call. The first load answers at once with cards and links, every epic pending, and the
 * crawl's progress; the consumers (real queue, real invocations, as the app) finish it, whatever
 * Jira's 429s or an invocation cut short; the result is exactly what Jira holds. One crawl per
 * project, however many first visits; never started for someone who may not browse the project.
 */
import { jest } from '@jest/globals';
import type { RoadmapView } from '../../../src/contract';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { rollupCrawl, rollupIssueDeleted } from '../../../src/index';
import { workItemEpics } from '../../../src/adapters/delivery/rollup-crawl';
import { issueEvent } from '../../sandbox/forge/events';
import { buildLargeSite, loadEntityPropertyIndexes } from '../../sandbox/demo';
import type { AsyncEvent, ConsumerHandler } from '../../sandbox/forge/sandbox';
import { createSandbox, manifestPath } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { rollupKit } from './kit';

jest.setTimeout(60_000);

// THR: 98 epics (FIN 56) of 3 children each: more epics than a call crawls itself (inlineCrawlMaxEpics).
const sandbox = createSandbox({ site: buildLargeSite({ epics: 280, childrenPerEpic: 3, sprints: 12, entityPropertyIndexes: loadEntityPropertyIndexes(manifestPath) }) });
sandbox.forge.registerConsumer('rollup-crawl', rollupCrawl as unknown as ConsumerHandler);
const kit = rollupKit(sandbox);

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.kvs.setQuotas(undefined);
  sandbox.forge.queue.clear();
  sandbox.jira.setFaults({});
  sandbox.jira.rateLimits.arm(undefined);
});

const roadmap = async (as: 'productManager' | 'developer' | 'admin' = 'productManager', project = 'THR'): Promise<RoadmapView> =>
  valueOf(await sandbox.call('getRoadmap', { as, in: { module: 'jira:projectPage', project }, payload: {} }));

/** Every epic's roll-up as Jira holds it now (children with a security level left out, as the cache does). */
function expectExact(view: RoadmapView): void {
  for (const epic of view.epics) expect({ id: epic.id, rollup: epic.rollup }).toEqual({ id: epic.id, rollup: rollupOf(kit.expectedFacts(epic.id, view.storyPoints.fieldId)) });
}

/** Epics per work item for THR as the crawl cuts it (whole waves of items from Jira's estimate of the children). */
const thrEpicsPerItem = () => workItemEpics(kit.epicsOf('THR').length, kit.epicsOf('THR').flatMap((epic) => kit.childrenOf(epic.id)).length);

const crawlSearches = () => Object.entries(sandbox.jira.stats.byRoute).filter(([route]) => route.includes('/search/jql')).reduce((sum, [, n]) => sum + n, 0);

describe('a cold project is crawled by the queue, not in the call', () => {
  test('the first load answers with cards, every epic pending and the progress; the consumers finish it exactly', async () => {
    const epics = kit.epicsOf('THR');
    expect(epics.length).toBeGreaterThan(50);
    kit.resetMeters();
    const first = await roadmap();
    expect(first.epics.map((epic) => epic.id).sort()).toEqual(epics.map((epic) => epic.id).sort());
    expect(first.epics.every((epic) => epic.rollup === undefined)).toBe(true);
    expect(first.pending.sort()).toEqual(epics.map((epic) => epic.id).sort());
    expect(first.crawl).toMatchObject({ done: 0, total: epics.flatMap((epic) => kit.childrenOf(epic.id)).length, epicsDone: 0, epics: epics.length, finished: false });
    // No child was searched for in the user's call: only the epic list (ids, then cards).
    expect(sandbox.jira.stats.byRoute['POST /rest/api/3/search/jql'] ?? 0).toBeLessThanOrEqual(2);
    expect(sandbox.forge.queue.size).toBe(Math.ceil(epics.length / thrEpicsPerItem()));

    const report = await sandbox.forge.drainQueue();
    expect(report).toMatchObject({ failed: 0, undeliverable: 0 });
    expect(valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} }))).toMatchObject({ crawl: { finished: true, epics: epics.length } });

    kit.resetMeters();
    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expect(warm.crawl).toBeUndefined();
    expectExact(warm);
    // Warm: the viewer's epic ids and one delta search; nothing crawled again.
    expect(crawlSearches()).toBeLessThanOrEqual(2);
  });

  test('while the crawl runs, loads show the epics it has done and the progress grows', async () => {
    await roadmap();
    await sandbox.forge.drainQueue({ maxDeliveries: 3 });
    const during = await roadmap('developer');
    const done = during.epics.filter((epic) => epic.rollup !== undefined);
    expect(done).toHaveLength(3 * thrEpicsPerItem());
    expect(during.pending).toHaveLength(during.epics.length - 3 * thrEpicsPerItem());
    expect(during.crawl).toMatchObject({ epicsDone: 3 * thrEpicsPerItem(), finished: false });
    expect(during.crawl!.done).toBe(done.reduce((sum, epic) => sum + kit.expectedFacts(epic.id, during.storyPoints.fieldId).length, 0));
    expectExact({ ...during, epics: done });
    // The page's cheap poll says the same, and asks Jira nothing but the permission check.
    kit.resetMeters();
    expect(valueOf(await sandbox.call('getRoadmapCrawl', { as: 'developer', payload: {} }))).toEqual({ crawl: during.crawl });
    expect(sandbox.jira.stats.requests).toBe(1);
  });

  test('a child deleted while the first crawl runs leaves the epic already counted (no search would ever show it)', async () => {
    const first = await roadmap();
    await sandbox.forge.drainQueue({ maxDeliveries: 1 });
    const counted = first.pending.slice(0, 10);
    const doomed = counted.map((epicId) => kit.childrenOf(epicId)[0]).find((child) => child !== undefined)!;
    const event = issueEvent(sandbox.site, { eventType: 'avi:jira:deleted:issue', issueKey: doomed.key });
    sandbox.site.issues.splice(sandbox.site.issues.indexOf(doomed), 1);
    try {
      expect(await sandbox.forge.fireTrigger(rollupIssueDeleted as never, event, { moduleKey: 'issue-deleted-rollups' })).toMatchObject({ action: 'applied' });
      await sandbox.forge.drainQueue();
      const warm = await roadmap('developer');
      expect(warm.pending).toEqual([]);
      expectExact(warm);
    } finally {
      sandbox.site.issues.push(doomed);
    }
  });

  test('Jira 429s send work items back to the queue with a delay; the result is exact', async () => {
    await roadmap();
    sandbox.jira.setFaults({ rateLimit: { count: 12, match: '/rest/api/3/search/jql', retryAfterSeconds: 1 } });
    const report = await sandbox.forge.drainQueue();
    expect(report.retried).toBeGreaterThan(0);
    expect(report.failed).toBe(0);
    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expectExact(warm);
  });

  test('with Jira\'s per-endpoint rate and storage\'s request rate lowered, the crawl backs off and still ends exact', async () => {
    await roadmap();
    sandbox.jira.rateLimits.reset();
    sandbox.forge.kvs.resetStats();
    sandbox.jira.rateLimits.arm({ requestsPerSecondPerEndpoint: 6 });
    sandbox.forge.kvs.setQuotas({ requestsPerSecond: 40, readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000 });
    const report = await sandbox.forge.drainQueue();
    expect(report.failed).toBe(0);
    // The limits were met and answered; nothing was lost to them.
    expect(sandbox.jira.rateLimits.stats.refused + sandbox.forge.kvs.quotaStats.refused).toBeGreaterThan(0);
    sandbox.jira.rateLimits.arm(undefined);
    sandbox.forge.kvs.setQuotas(undefined);
    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expectExact(warm);
  });

  test('a work item given too little time splits itself instead of running over; the rest completes it exactly', async () => {
    await roadmap();
    const [first] = sandbox.forge.queue.snapshot();
    const before = sandbox.forge.queue.size;
    // The same event, delivered with a deadline shorter than its pages need (as Forge's 55 s would be to a huge item).
    await sandbox.forge.fireConsumer(rollupCrawl as unknown as (event: AsyncEvent<Record<string, unknown>>) => unknown, { body: first!.body }, { moduleKey: 'rollup-crawl', timeoutMs: 2_000 });
    expect(sandbox.forge.lastInvocation?.outcome).toBe('ok');
    expect(sandbox.forge.queue.size).toBe(before + 1);
    expect(sandbox.forge.queue.snapshot().at(-1)?.body).toMatchObject({ part: 0, epicIds: (first!.body as { epicIds: string[] }).epicIds });
    expect(await sandbox.forge.drainQueue()).toMatchObject({ failed: 0 });
    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expectExact(warm);
  });

  test('a consumer killed by its time limit (storage slow) leaves nothing wrong; the queue redelivers and completes it', async () => {
    await roadmap();
    const [first] = sandbox.forge.queue.snapshot();
    sandbox.forge.kvs.setFaults({ latencyMs: 500 });
    await expect(
      sandbox.forge.fireConsumer(rollupCrawl as unknown as (event: AsyncEvent<Record<string, unknown>>) => unknown, { body: first!.body }, { moduleKey: 'rollup-crawl', timeoutMs: 400 }),
    ).rejects.toThrow();
    sandbox.forge.kvs.setFaults({});
    expect(await sandbox.forge.drainQueue()).toMatchObject({ failed: 0 });
    const warm = await roadmap('developer');
    expect(warm.pending).toEqual([]);
    expectExact(warm);
  });

  test('two first visits at once start one crawl', async () => {
    const [a, b] = await Promise.all([roadmap('productManager'), roadmap('developer')]);
    expect(a.crawl?.startedAt).toBeDefined();
    expect(b.crawl?.startedAt).toBe(a.crawl?.startedAt);
    expect(sandbox.forge.queue.size).toBe(Math.ceil(kit.epicsOf('THR').length / thrEpicsPerItem()));
    expect(Object.keys(sandbox.forge.kvs.snapshot().entities['rollup-crawl'] ?? {})).toEqual([kit.projectOf('THR').id]);
  });

  test('someone who may not browse the project starts nothing', async () => {
    const denied = await sandbox.call('getRoadmap', { as: 'outsider', payload: {} });
    expect(denied).toMatchObject({ ok: false });
    expect(await sandbox.call('getRoadmapCrawl', { as: 'outsider', payload: {} })).toMatchObject({ ok: false });
    expect(sandbox.forge.queue.size).toBe(0);
    expect(sandbox.forge.kvs.snapshot().entities['rollup-crawl']).toBeUndefined();
  });

  test('a project the app may not browse is crawled in the call, as the user (the app would see nothing)', async () => {
    const fin = kit.projectOf('FIN');
    expect(fin.addonRolePermissions ?? []).not.toContain('BROWSE_PROJECTS');
    expect(kit.epicsOf('FIN').length).toBeGreaterThan(50);
    let view = await roadmap('admin', 'FIN');
    for (let n = 0; n < 5 && view.pending.length > 0; n += 1) view = await roadmap('admin', 'FIN');
    expect(sandbox.forge.queue.size).toBe(0);
    expect(view.crawl).toBeUndefined();
    expect(view.pending).toEqual([]);
    expectExact(view);
  });
});
