/**
 * Issue 13, one big project: the real `getRoadmap` resolver and the real `rollup-crawl` consumers
 * (queue, invocations, limits) against a Jira simulator answering after 100 ms, on its own threads.
 *   cold 20k: one project of 1,000 epics and 20,000 children, nothing cached: the user's call
 *     (first useful paint: cards, links, sprints; ≤ 1.5 s server time), then the queue's consumers
 *     until the crawl is finished (roll-ups complete, counted from the user's call; ≤ 4 s);
 *   cold 100k: 1,000 epics and 100,000 children, the same through the queue (≤ 60 s, no invocation
 *     over its limit, no storage quota exceeded);
 *   warm 100k: after 20 children changed (≤ 1 s, ≤ 3 Jira requests).
 * Limits armed: Forge's storage quotas (KVS_QUOTAS) and, for Jira, a per-endpoint rate of
 * `jiraRequestsPerSecond` (Atlassian publishes no figure: ours); Jira's points are counted against
 * the hourly quota (tier 1: 65,000; tier 2: 100,000 + 10 × users), not enforced (an hour's wait).
 * Consumers run `queueParallel` at once (Forge publishes no figure either), within the crawl's own
 * concurrency key.
 * Physical floor beside each figure: the search pages that must be read (100 issues a page), at the
 * per-endpoint rate, or at the latency over the requests the design keeps in flight, whichever is longer.
 *
 * `npm run bench scale`, or alone: `npx tsx test/bench/scale.bench.ts`.
 */
import { resolve } from 'node:path';
import type { Result, RoadmapView } from '../../src/contract';
import { resolver, rollupCrawl } from '../../src/index';
import { crawlConcurrency, crawlPageConcurrency } from '../../src/adapters/delivery/rollup-crawl';
import { buildHugeSite, DEMO_USERS, STATUS_IDS } from '../sandbox/demo';
import { ForgeSandbox, KVS_QUOTAS, loadManifest } from '../sandbox/forge/sandbox';
import type { ConsumerHandler, InvocationStats, JiraBackend, ResolverHandler } from '../sandbox/forge/sandbox';
import { JIRA_POINTS, JiraRateLimiter, tierTwoPointsPerHour } from '../sandbox/jira/simulator';
import { report } from './report';
import { threadedJira } from './threaded-jira';

const latencyMs = 100;
const jiraRequestsPerSecond = 100;
const queueParallel = 16;
const pageSize = 100;

async function scenario(childrenPerEpic: number) {
  const genStart = performance.now();
  const site = buildHugeSite({ childrenPerEpic });
  const generationMs = performance.now() - genStart;
  const project = site.projects[0]!;
  const levels = new Map(site.issueTypes.map((t) => [t.id, t.hierarchyLevel]));
  const children = site.issues.filter((i) => levels.get(i.issueTypeId) === 0).length;
  const epics = site.issues.filter((i) => levels.get(i.issueTypeId) === 1).length;
  const threaded = await threadedJira(site, { latencyMs, threads: 2, workerSite: { site: 'huge', childrenPerEpic } });
  const limiter = new JiraRateLimiter();
  limiter.arm({ requestsPerSecondPerEndpoint: jiraRequestsPerSecond });
  // Jira's limits in front of the simulator threads: one budget for the site, as Jira keeps it.
  const jira: JiraBackend & { requests: number } = {
    site: threaded.site,
    requests: 0,
    async handle(request) {
      this.requests += 1;
      const endpoint = `${request.method} ${request.path.split('?')[0]?.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
      const refused = limiter.admit(endpoint);
      if (refused) {
        await new Promise((r) => setTimeout(r, latencyMs));
        return refused;
      }
      const reply = await threaded.handle(request);
      limiter.charge(request.method, request.path, reply);
      return reply;
    },
  };
  const invocations: InvocationStats[] = [];
  const forge = new ForgeSandbox({ jira, manifest: loadManifest(resolve(process.cwd(), 'manifest.yml')), onInvocation: (stats) => invocations.push(stats) });
  forge.install();
  forge.kvs.setQuotas(KVS_QUOTAS);
  forge.registerConsumer('rollup-crawl', rollupCrawl as unknown as ConsumerHandler);

  const open = async () => {
    const answer = (await forge.callResolver(resolver as unknown as ResolverHandler, {
      functionKey: 'getRoadmap',
      payload: {},
      extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
      moduleKey: 'throughline-product',
      accountId: DEMO_USERS.admin,
      timezone: 'UTC',
    })) as Result<RoadmapView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return { view: answer.value, serverMs: forge.lastInvocation!.serverMs };
  };

  const t0 = performance.now();
  jira.requests = 0;
  const first = await open();
  const firstRequests = jira.requests;
  const drained = await forge.drainQueue({ parallel: queueParallel });
  const completeMs = performance.now() - t0;
  const after = await open();
  const consumers = invocations.filter((stats) => stats.kind === 'consumer');
  const slowestConsumerMs = Math.max(0, ...consumers.map((stats) => stats.serverMs));
  const overLimit = invocations.filter((stats) => stats.outcome === 'timeout').length;
  const pages = Math.ceil(children / pageSize) + Math.ceil(epics / pageSize);
  const inFlight = crawlConcurrency * crawlPageConcurrency;
  const floorMs = Math.max((pages / jiraRequestsPerSecond) * 1000, (pages / inFlight) * latencyMs);
  const pointsNeeded = children + pages * JIRA_POINTS.base;

  // Warm: 20 children changed since.
  const open20 = site.issues.filter((i) => levels.get(i.issueTypeId) === 0 && i.statusId !== STATUS_IDS.done).slice(0, 20);
  await threaded.edit(open20.map((issue) => ({ issueId: issue.id, statusId: STATUS_IDS.done, updated: new Date(Date.now() + 60_000).toISOString() })));
  jira.requests = 0;
  const warm = await open();
  const warmRequests = jira.requests;
  const simulatorBusyMs = threaded.simulatorBusyMs;
  await threaded.close();
  forge.uninstall();
  return {
    site: { epics, children, generationMs },
    first: { ...first, requests: firstRequests },
    completeMs,
    after,
    drained,
    consumers: consumers.length,
    slowestConsumerMs,
    overLimit,
    quota: forge.kvs.quotaStats,
    jira: limiter.stats,
    pages,
    floorMs,
    pointsNeeded,
    warm: { ...warm, requests: warmRequests },
    simulatorBusyMs,
  };
}

const users = 6;
for (const childrenPerEpic of [20, 100]) {
  const run = await scenario(childrenPerEpic);
  const size = `${run.site.epics.toLocaleString('en')} epics / ${run.site.children.toLocaleString('en')} children`;
  const complete = run.after.view.pending.length === 0 && run.after.view.epics.every((epic) => epic.rollup !== undefined);
  const quotaOk = run.quota.refused === 0;
  const floor = `${(run.floorMs / 1000).toFixed(1)} s (${run.pages} pages)`;
  console.log(`${size}: generated in ${Math.round(run.site.generationMs)} ms; consumers ${run.consumers}, slowest ${Math.round(run.slowestConsumerMs)} ms; Jira points ${run.jira.points} (refused ${run.jira.refused}); simulator CPU ${Math.round(run.simulatorBusyMs)} ms over ${run.jira.requests} requests; storage peaks ${run.quota.peakRequestsPerSecond} req/s, ${run.quota.peakWriteUnitsPerMinute} write units/min`);
  if (childrenPerEpic === 20) {
    report({
      bench: 'scale',
      scenario: `cold ${size}: first paint`,
      figures: { 'server ms': Math.round(run.first.serverMs), 'Jira requests': run.first.requests, pending: run.first.view.pending.length, floor: `${latencyMs * 7} ms (7 round trips in a row)` },
      target: { text: '≤ 1.5 s server time, cards and links', met: run.first.serverMs <= 1_500 && run.first.view.epics.length === run.site.epics },
    });
    report({
      bench: 'scale',
      scenario: `cold ${size}: roll-ups complete`,
      figures: { 'server ms': Math.round(run.completeMs), consumers: run.consumers, 'Jira requests': run.jira.requests, floor },
      target: { text: '≤ 4 s', met: complete && run.completeMs <= 4_000 },
    });
  } else {
    report({
      bench: 'scale',
      scenario: `cold ${size}: first paint`,
      figures: { 'server ms': Math.round(run.first.serverMs), 'Jira requests': run.first.requests, pending: run.first.view.pending.length },
      target: { text: '≤ 1.5 s server time', met: run.first.serverMs <= 1_500 },
    });
    report({
      bench: 'scale',
      scenario: `cold ${size}: through the queue`,
      figures: {
        'server ms': Math.round(run.completeMs),
        consumers: run.consumers,
        'slowest invocation ms': Math.round(run.slowestConsumerMs),
        'storage refused': run.quota.refused,
        'Jira points': run.jira.points,
        floor,
      },
      target: {
        text: '≤ 60 s, no invocation over its limit, no storage quota exceeded',
        met: complete && run.completeMs <= 60_000 && run.overLimit === 0 && quotaOk,
      },
    });
    report({
      bench: 'scale',
      scenario: `cold ${size}: Jira hourly points`,
      figures: { 'Jira points': run.jira.points, floor: `${run.pointsNeeded} points`, 'tier 1 quota': JIRA_POINTS.tierOnePointsPerHour, 'tier 2 quota': tierTwoPointsPerHour(users) },
      target: { text: 'within one hour\'s quota (tier 2)', met: run.jira.points <= tierTwoPointsPerHour(users) },
    });
    report({
      bench: 'scale',
      scenario: `--data huge: generating ${size}`,
      figures: { 'server ms': Math.round(run.site.generationMs) },
    });
    report({
      bench: 'scale',
      scenario: `warm ${size}`,
      figures: { 'server ms': Math.round(run.warm.serverMs), 'Jira requests': run.warm.requests, pending: run.warm.view.pending.length },
      target: { text: '≤ 1 s, ≤ 3 Jira requests', met: run.warm.serverMs <= 1_000 && run.warm.requests <= 3 },
    });
  }
}
process.exit(0);
