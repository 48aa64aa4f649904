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
 * Physical floor beside each figure, whatever the design: the search pages that must be read (100
 * issues a page with fields, 5,000 ids-only) at the per-endpoint rate, and at least one round trip;
 * Jira points: one per issue read plus one per request. "In a row": the longest chain of Jira
 * requests of the call where each started after the previous one answered (× latency: what a
 * design with that many dependent steps cannot beat).
 * Jira's clock is the wall clock, as the app's (`clock: 'wall'`): the warm load's delta search
 * (`updated >= "-<minutes since the sync + 5>m"`) then finds the 20 changed children, not the
 * issues the generator dated in the five minutes before the data set's frozen "now".
 *
 * `npm run bench scale`, or alone: `npx tsx test/bench/scale.bench.ts`.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { cpuUsage } from 'node:process';
import type { Result, RoadmapView } from '../../src/contract';
import { resolver, rollupCrawl, rollupIssueChanged } from '../../src/index';
import { crawlConcurrency, crawlPageConcurrency } from '../../src/adapters/delivery/rollup-crawl';
import { kvsRollupStore } from '../../src/adapters/storage/epic-rollups';
import { adoptLinks } from '../../src/adapters/storage/epic-link-store';
import { createItem } from '../../src/adapters/storage/roadmap-store';
import { rankSalt, uniqueRankBetween } from '../../src/domain/rank';
import { issueEvent } from '../sandbox/forge/events';
import { buildHugeSite, DEMO_USERS, STATUS_IDS } from '../sandbox/demo';
import { ForgeSandbox, KVS_QUOTAS, loadManifest } from '../sandbox/forge/sandbox';
import type { ConsumerHandler, InvocationStats, JiraBackend, ResolverHandler } from '../sandbox/forge/sandbox';
import { JIRA_POINTS, JiraRateLimiter, tierTwoPointsPerHour } from '../sandbox/jira/simulator';
import { NEAR_LIMIT_SHARE } from '../sandbox/jira/routes/rate-limits';
import type { JiraRateLimits } from '../sandbox/jira/simulator';
import { report } from './report';
import { threadedJira } from './threaded-jira';

// Other Jira latencies and per-endpoint rates (the targets are set for 100 ms and 100/s): `SCALE_JIRA_LATENCY_MS`, `SCALE_JIRA_RATE`.
const latencyMs = Number(process.env.SCALE_JIRA_LATENCY_MS ?? 100);
const jiraRequestsPerSecond = Number(process.env.SCALE_JIRA_RATE ?? 100);
const queueParallel = 16;
/** A storage round trip on Forge, for the warm row's second figure (an assumption: no published figure). */
const storageLatencyMs = 25;
/** Roadmap items on the board; epic k is linked to item k mod 200: every epic to one item, 5 epics an item. */
const linkedItems = 200;
/** Enhanced search: at most 100 issues a page once fields come along, 5,000 with ids only. */
const pageSize = 100;
const idsPageSize = 5_000;

/** The longest chain of requests each started after the previous one answered. */
function inARow(spans: ReadonlyArray<{ start: number; end: number }>): number {
  const sorted = [...spans].sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((span, i) => {
    let best = 0;
    for (let j = 0; j < i; j += 1) if (sorted[j]!.end <= span.start) best = Math.max(best, depth[j]!);
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}

/** The huge site of `childrenPerEpic`, Jira on its threads behind its limits, the Forge sandbox with the crawl's consumer. */
async function setUp(childrenPerEpic: number, limits: JiraRateLimits) {
  const genStart = performance.now();
  const site = buildHugeSite({ childrenPerEpic });
  const generationMs = performance.now() - genStart;
  const project = site.projects[0]!;
  const levels = new Map(site.issueTypes.map((t) => [t.id, t.hierarchyLevel]));
  const children = site.issues.filter((i) => levels.get(i.issueTypeId) === 0).length;
  const epics = site.issues.filter((i) => levels.get(i.issueTypeId) === 1).length;
  const threaded = await threadedJira(site, { latencyMs, threads: 2, workerSite: { site: 'huge', childrenPerEpic, clock: 'wall' } });
  const limiter = new JiraRateLimiter();
  limiter.arm(limits);
  // Jira's limits in front of the simulator threads: one budget for the site, as Jira keeps it.
  const jira: JiraBackend & { requests: number; spans: Array<{ start: number; end: number }>; forward: JiraBackend['handle'] } = {
    site: threaded.site,
    requests: 0,
    spans: [],
    async handle(request) {
      this.requests += 1;
      const span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
      this.spans.push(span);
      try {
        return await this.forward(request);
      } finally {
        span.end = performance.now();
      }
    },
    async forward(request: Parameters<JiraBackend['handle']>[0]) {
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
    // CPU of the whole process (app, storage double, and the simulator threads' share) during the call:
    // unlike server ms, it does not grow when other work shares the machine's two cores.
    const cpuBefore = cpuUsage();
    const storageBefore = forge.kvs.quotaStats;
    const answer = (await forge.callResolver(resolver as unknown as ResolverHandler, {
      functionKey: 'getRoadmap',
      payload: {},
      extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
      moduleKey: 'throughline-product',
      accountId: DEMO_USERS.admin,
      timezone: 'UTC',
    })) as Result<RoadmapView>;
    if (!answer.ok) throw new Error(answer.error.message);
    const cpu = cpuUsage(cpuBefore);
    const storageAfter = forge.kvs.quotaStats;
    const storage = { ops: forge.lastInvocation!.storageOps, readUnits: storageAfter.readUnits - storageBefore.readUnits, writeUnits: storageAfter.writeUnits - storageBefore.writeUnits };
    return { view: answer.value, serverMs: forge.lastInvocation!.serverMs, cpuMs: (cpu.user + cpu.system) / 1000, storage };
  };
  return { site, project, levels, children, epics, generationMs, threaded, limiter, jira, invocations, forge, open };
}

async function scenario(childrenPerEpic: number) {
  const { site, project, levels, children, epics, generationMs, threaded, limiter, jira, invocations, forge, open } = await setUp(childrenPerEpic, { requestsPerSecondPerEndpoint: jiraRequestsPerSecond });
  // A board that uses the roll-ups: `linkedItems` roadmap items linking all 1,000 epics (5 each),
  // stored before the cold load through the app's own storage functions, as people linking epics
  // on the roadmap leave them (epic-link records: storage is the source of links). So the warm
  // figure includes every item's delivery and forecast. Storage quotas off while seeding.
  forge.kvs.setQuotas(undefined);
  const itemIds = Array.from({ length: linkedItems }, (_, i) => `scale-item-${i}`);
  await forge.run(async () => {
    const now = new Date().toISOString();
    let rank: string | undefined;
    for (const [i, id] of itemIds.entries()) {
      rank = uniqueRankBetween(rank, undefined, rankSalt(id));
      const item = { projectId: project.id, title: `Scale item ${i + 1}`, description: '', horizon: 'now' as const, startDate: '2026-11-02', endDate: '2027-03-31', status: 'planned' as const, rank, version: 1, createdAt: now, createdBy: 'bench', updatedAt: now, updatedBy: { accountId: 'bench', displayName: 'Bench' } };
      if ((await createItem({ id, maxItems: 5_000, now, item })) !== 'committed') throw new Error(`seeding item ${id}`);
    }
    const epicIds = site.issues.filter((issue) => issue.projectId === project.id && levels.get(issue.issueTypeId) === 1).map((issue) => issue.id);
    for (const [k, epicId] of epicIds.entries()) {
      if ((await adoptLinks(epicId, { projectId: project.id, directGoalIds: [], roadmapItemIds: [itemIds[k % linkedItems]!], version: 1, updatedAt: now })) !== 'committed') throw new Error(`linking epic ${epicId}`);
    }
  }, {});
  // Seeded long before in real life: its requests leave the quota windows and the figures.
  forge.kvs.resetStats();
  forge.kvs.setQuotas(KVS_QUOTAS);
  const t0 = performance.now();
  jira.requests = 0;
  jira.spans = [];
  const first = await open();
  const firstRequests = jira.requests;
  const firstInARow = inARow(jira.spans);
  const crawlCpuBefore = cpuUsage();
  const drained = await forge.drainQueue({ parallel: queueParallel });
  const completeMs = performance.now() - t0;
  const crawlCpu = cpuUsage(crawlCpuBefore);
  const crawlCpuMs = (crawlCpu.user + crawlCpu.system) / 1000;
  const after = await open();
  const consumers = invocations.filter((stats) => stats.kind === 'consumer');
  const slowestConsumerMs = Math.max(0, ...consumers.map((stats) => stats.serverMs));
  const overLimit = invocations.filter((stats) => stats.outcome === 'timeout').length;
  // Every child read once with its facts, the epics' ids once (one ids-only page) and their cards once.
  const pages = Math.ceil(children / pageSize) + Math.ceil(epics / idsPageSize) + Math.ceil(epics / pageSize);
  const floorMs = Math.max(latencyMs, (pages / jiraRequestsPerSecond) * 1000);
  const pointsNeeded = (children + 2 * epics) * JIRA_POINTS.perObject + pages * JIRA_POINTS.base;

  // Warm: 20 children changed since.
  const doneStatuses = new Set(site.statuses.filter((status) => status.category === 'done').map((status) => status.id));
  const open20 = site.issues.filter((i) => levels.get(i.issueTypeId) === 0 && !doneStatuses.has(i.statusId) && i.securityLevelId === undefined).slice(0, 20);
  await threaded.edit(open20.map((issue) => ({ issueId: issue.id, statusId: STATUS_IDS.done })));
  jira.requests = 0;
  jira.spans = [];
  const warm = await open();
  const warmRequests = jira.requests;
  const warmInARow = inARow(jira.spans);
  // Forge's storage answers over the network, the bench's in process: the same warm load again
  // with every storage request a round trip of `storageLatencyMs` (Atlassian publishes no figure)
  // shows what the sequential query pages of a 1,000-epic project cost there.
  forge.kvs.setFaults({ latencyMs: storageLatencyMs });
  const warmStorageLatency = await open();
  forge.kvs.setFaults({});
  const edited = new Map(open20.map((issue) => [issue.id, issue.parentId!]));
  const warmDone = new Map(warm.view.epics.map((epic) => [epic.id, epic.rollup?.counts.done]));
  const afterDone = new Map(after.view.epics.map((epic) => [epic.id, epic.rollup?.counts.done]));

  // Kept fresh by the issue-event trigger, without a crawl: one more child done, its event fired.
  const nextOpen = site.issues.find((i) => levels.get(i.issueTypeId) === 0 && !doneStatuses.has(i.statusId) && i.securityLevelId === undefined && !edited.has(i.id))!;
  const epicId = nextOpen.parentId!;
  const cachedDone = async () => (await forge.run(async () => (await kvsRollupStore().readEpics([epicId])).get(epicId), {}))?.children.filter((child) => child.category === 'done').length;
  const doneBefore = await cachedDone();
  await threaded.edit([{ issueId: nextOpen.id, statusId: STATUS_IDS.done }]);
  const previousStatus = nextOpen.statusId;
  nextOpen.statusId = STATUS_IDS.done;
  const event = issueEvent(site, {
    eventType: 'avi:jira:updated:issue',
    issueKey: nextOpen.key,
    changelog: [{ field: 'status', fieldId: 'status', from: previousStatus, fromString: previousStatus, to: STATUS_IDS.done, toString: STATUS_IDS.done }],
  });
  jira.requests = 0;
  const outcome = await forge.fireTrigger(rollupIssueChanged as never, event, { moduleKey: 'issue-changed-rollups' });
  const trigger = { outcome, ms: forge.lastInvocation!.serverMs, requests: jira.requests, before: doneBefore, after: await cachedDone() };
  const simulatorBusyMs = threaded.simulatorBusyMs;
  await threaded.close();
  forge.uninstall();
  return {
    site: { epics, children, generationMs },
    first: { ...first, requests: firstRequests, inARow: firstInARow },
    completeMs,
    crawlCpuMs,
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
    warm: { ...warm, requests: warmRequests, inARow: warmInARow, withStorageLatencyMs: warmStorageLatency.serverMs },
    trigger,
    warmSeesEdits: [...new Set(edited.values())].every((epicId) => warmDone.get(epicId) !== afterDone.get(epicId)),
    simulatorBusyMs,
  };
}

/**
 * Jira's hourly points with the tier-2 quota enforced (100,000 + 10 × the site's users): the 100,000
 * children cost more than one hour allows, so the crawl stops at Jira's NearLimit (less than 20 % of
 * the hour left), people's own calls are answered meanwhile, and the crawl ends in the next hour.
 * The clock (`Date`, as the app, the queue and Jira's quota read it) starts one minute into an hour
 * and is moved to Jira's reset once only the paused crawl's delayed events are left: an hour's wait
 * is not slept. The per-second rate stays armed.
 */
async function pointsScenario(childrenPerEpic: number, users: number) {
  const RealDate = Date;
  let shiftMs = 0;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + shiftMs);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + shiftMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  try {
    const hourMs = 3_600_000;
    shiftMs = Math.floor(RealDate.now() / hourMs) * hourMs + hourMs + 60_000 - RealDate.now();
    const quota = tierTwoPointsPerHour(users);
    const { children, epics, threaded, limiter, forge, open, invocations } = await setUp(childrenPerEpic, { requestsPerSecondPerEndpoint: jiraRequestsPerSecond, pointsPerHour: quota });
    const first = await open();
    await forge.drainQueue({ parallel: queueParallel, dueOnly: true });
    const crawlFirstHour = limiter.pointsThisHour;
    const refusedFirstHour = limiter.stats.refusedForQuota;
    const burstRefused = limiter.stats.refused - limiter.stats.refusedForQuota;
    // People's own roadmap load from what the crawl left: answered (open throws on a refusal).
    const during = await open().then((load) => ({ ok: true as const, view: load.view }), (error: unknown) => ({ ok: false as const, error: String(error) }));
    const firstHour = limiter.pointsThisHour;
    const pausedUntil = during.ok ? during.view.crawl?.pausedUntil : undefined;
    const refusedPeople = limiter.stats.refusedForQuota - refusedFirstHour;
    if (pausedUntil) shiftMs += Date.parse(pausedUntil) - Date.now() + 1_000;
    const drained = await forge.drainQueue({ parallel: queueParallel });
    const after = await open();
    const nextHour = limiter.pointsThisHour;
    const overLimit = invocations.filter((stats) => stats.outcome === 'timeout').length;
    await threaded.close();
    forge.uninstall();
    return {
      quota,
      children,
      epics,
      firstPaintPoints: first.view.epics.length,
      crawlFirstHour,
      firstHour,
      refusedFirstHour,
      refusedPeople,
      burstRefused,
      peopleAnswered: during.ok,
      pausedUntil,
      nextHour,
      totalPoints: limiter.stats.points,
      complete: after.view.pending.length === 0 && after.view.epics.every((epic) => epic.rollup !== undefined) && drained.failed === 0 && overLimit === 0,
    };
  } finally {
    globalThis.Date = RealDate;
  }
}

const users = 6;
// `SCALE_ROWS=20k` runs the 20,000-child rows alone; `100k`, `points` the others (comma-separated; all by default).
const rows = new Set((process.env.SCALE_ROWS ?? '20k,100k,points').split(','));
const sizes = [...(rows.has('20k') ? [20] : []), ...(rows.has('100k') ? [100] : [])];
for (const childrenPerEpic of sizes) {
  const run = await scenario(childrenPerEpic);
  const size = `${run.site.epics.toLocaleString('en')} epics / ${run.site.children.toLocaleString('en')} children`;
  const complete = run.after.view.pending.length === 0 && run.after.view.epics.every((epic) => epic.rollup !== undefined);
  const quotaOk = run.quota.refused === 0;
  const floor = `${(run.floorMs / 1000).toFixed(1)} s (${run.pages} pages at ${jiraRequestsPerSecond}/s)`;
  console.log(`load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} (1, 5, 15 min)`);
  console.log(`${size}: generated in ${Math.round(run.site.generationMs)} ms; consumers ${run.consumers}, slowest ${Math.round(run.slowestConsumerMs)} ms; Jira points ${run.jira.points} (refused ${run.jira.refused}); simulator CPU ${Math.round(run.simulatorBusyMs)} ms over ${run.jira.requests} requests; storage peaks ${run.quota.peakRequestsPerSecond} req/s, ${run.quota.peakWriteUnitsPerMinute} write units/min`);
  if (childrenPerEpic === 20) {
    report({
      bench: 'scale',
      scenario: `cold ${size}: first paint`,
      figures: { 'server ms': Math.round(run.first.serverMs), 'CPU ms': Math.round(run.first.cpuMs), 'Jira requests': run.first.requests, 'in a row': run.first.inARow, pending: run.first.view.pending.length, floor: `${latencyMs * run.first.inARow} ms (${run.first.inARow} round trips in a row × ${latencyMs} ms)` },
      target: { text: '≤ 1.5 s server time, cards and links', met: run.first.serverMs <= 1_500 && run.first.view.epics.length === run.site.epics },
    });
    report({
      bench: 'scale',
      scenario: `cold ${size}: roll-ups complete`,
      figures: { 'server ms': Math.round(run.completeMs), 'crawl CPU ms': Math.round(run.crawlCpuMs), consumers: run.consumers, 'Jira requests': run.jira.requests, 'refused (429)': run.jira.refused, floor },
      target: { text: '≤ 4 s', met: complete && run.completeMs <= 4_000 },
    });
  } else {
    report({
      bench: 'scale',
      scenario: `cold ${size}: first paint`,
      figures: { 'server ms': Math.round(run.first.serverMs), 'CPU ms': Math.round(run.first.cpuMs), 'Jira requests': run.first.requests, 'in a row': run.first.inARow, pending: run.first.view.pending.length, floor: `${latencyMs * run.first.inARow} ms` },
      target: { text: '≤ 1.5 s server time, cards and links', met: run.first.serverMs <= 1_500 && run.first.view.epics.length === run.site.epics },
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
      scenario: `--data huge: generating ${size}`,
      figures: { 'server ms': Math.round(run.site.generationMs) },
    });
    report({
      bench: 'scale',
      scenario: `${size}: a child edited, its issue event`,
      figures: {
        'server ms': Math.round(run.trigger.ms),
        'Jira requests': run.trigger.requests,
        outcome: JSON.stringify(run.trigger.outcome),
        'epic done before → after': `${run.trigger.before} → ${run.trigger.after}`,
        floor: `${latencyMs} ms (the issue read as the app)`,
      },
      target: { text: 'the epic\'s roll-up updated without a crawl', met: run.trigger.before !== undefined && run.trigger.after === run.trigger.before + 1 && run.trigger.requests <= 2 },
    });
    report({
      bench: 'scale',
      scenario: `warm ${size}`,
      figures: {
        'server ms': Math.round(run.warm.serverMs),
        'CPU ms': Math.round(run.warm.cpuMs),
        'Jira requests': run.warm.requests,
        'in a row': run.warm.inARow,
        pending: run.warm.view.pending.length,
        'changed epics updated': run.warmSeesEdits ? 'yes' : 'NO',
        'items with delivery': `${run.warm.view.items.filter((item) => item.delivery !== undefined).length} of ${linkedItems}`,
        'storage ops': run.warm.storage.ops,
        [`server ms at ${storageLatencyMs} ms a storage request`]: Math.round(run.warm.withStorageLatencyMs),
        'storage units read/written': `${run.warm.storage.readUnits}/${run.warm.storage.writeUnits} (10 KB each)`,
        floor: `${latencyMs * run.warm.inARow} ms (${run.warm.inARow} in a row)`,
      },
      target: { text: '≤ 1 s, ≤ 3 Jira requests', met: run.warm.serverMs <= 1_000 && run.warm.requests <= 3 && run.warmSeesEdits && run.warm.view.items.filter((item) => item.delivery !== undefined).length === linkedItems },
    });
  }
}
// Jira's hourly points, enforced: the 100,000-child crawl over the hour boundary.
if (rows.has('points')) {
  const run = await pointsScenario(100, users);
  // At the NearLimit signal the crawl's requests already in flight are still answered: at most one page each.
  const inFlightPoints = crawlConcurrency * crawlPageConcurrency * (pageSize + 1);
  const leftToPeople = (run.quota - run.crawlFirstHour) / run.quota;
  report({
    bench: 'scale',
    scenario: `cold ${run.epics.toLocaleString('en')} epics / ${run.children.toLocaleString('en')} children: Jira hourly points (tier-2 quota ${run.quota.toLocaleString('en')} enforced, ${users} users)`,
    figures: {
      'crawl + first paint, first hour': run.crawlFirstHour,
      'left to people': `${(leftToPeople * 100).toFixed(1)} %`,
      'people\'s roadmap load after the pause': run.peopleAnswered ? `answered (${run.firstHour - run.crawlFirstHour} points)` : 'REFUSED',
      'refused for the quota': run.refusedFirstHour + run.refusedPeople,
      'refused per second (first 429s, rate learned)': run.burstRefused,
      'crawl resumed at': run.pausedUntil ?? 'never paused',
      'next hour': run.nextHour,
      'all points': run.totalPoints,
      complete: run.complete ? 'yes' : 'NO',
    },
    target: {
      text: `people keep Jira's NearLimit share (${NEAR_LIMIT_SHARE * 100} % of the hour, less the crawl's pages in flight at the signal, ≤ ${inFlightPoints} points); the crawl completes after the reset`,
      met: run.peopleAnswered && run.refusedFirstHour + run.refusedPeople === 0 && run.quota - run.crawlFirstHour >= NEAR_LIMIT_SHARE * run.quota - inFlightPoints && run.pausedUntil !== undefined && run.complete,
    },
  });
}
process.exit(0);
