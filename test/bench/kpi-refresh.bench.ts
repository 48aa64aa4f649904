/**
 * Refreshing 100 JQL KPIs the way the daily scheduled trigger does, with Jira answering every
 * request after 100 ms. Target: at most 2 s of server time and at most 100 Jira requests.
 * Every run is checked afterwards: each KPI must hold today's value, equal to what the simulator
 * itself counts for its query, so a figure is never bought with a wrong or missing measurement.
 */
import { resolve } from 'node:path';
import { dailyKpiSnapshot } from '../../src/index';
import { storeDailyValue } from '../../src/adapters/storage/daily-values';
import { loadKpiHistory } from '../../src/resolvers/strategy/loaders';
import { createGoal } from '../../src/adapters/storage/goal-store';
import { createKpi } from '../../src/adapters/storage/kpi-store';
import type { KpiRecord } from '../../src/adapters/storage/records';
import type { KpiSource } from '../../src/domain/strategy';
import { buildDemoSite, DEMO_USERS } from '../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../sandbox/forge/sandbox';
import { JiraSimulator } from '../sandbox/jira/simulator';
import { report } from './report';

const latencyMs = 100;
const targetMs = 2_000;
const targetRequests = 100;
const projects = ['THR', 'MOB', 'OPS'];

const site = buildDemoSite();
const jira = new JiraSimulator(site);
const forge = new ForgeSandbox({ jira, manifest: loadManifest(resolve(process.cwd(), 'manifest.yml')) });
forge.install();

const projectId = (key: string): string => site.projects.find((p) => p.key === key)?.id ?? '';
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Seeds through the app's own storage adapters (no Jira): goals of 20 KPIs, each with yesterday's value. */
async function seed(sources: KpiSource[]): Promise<void> {
  forge.kvs.clear();
  await forge.run(async () => {
    const now = new Date().toISOString();
    for (const [index, source] of sources.entries()) {
      const key = projects[index % projects.length] as string;
      const pid = projectId(key);
      const goalId = `goal-bench-${key}-${Math.floor(index / (projects.length * 20))}`;
      if (index % (projects.length * 20) < projects.length) {
        const by = { accountId: DEMO_USERS.productManager, displayName: 'Maya Okafor' };
        const goal = { projectId: pid, title: `Bench ${goalId}`, description: '', status: 'on-track' as const, timeFrame: { kind: 'none' as const }, rank: 'i', version: 1, createdAt: now, createdBy: by.accountId, updatedAt: now, updatedBy: by };
        if ((await createGoal({ id: goalId, goal, maxGoals: 50, now })) !== 'committed') throw new Error('seeding a goal failed');
      }
      const kpiId = `kpi-bench-${index}`;
      const kpi: KpiRecord = {
        projectId: pid,
        goalId,
        name: `KPI ${index}`,
        unit: '',
        direction: 'increase',
        baseline: { value: 1, date: day(-30) },
        target: { value: 1000, date: day(60) },
        source,
        sourceKind: 'jql',
        version: 1,
        createdAt: now,
        createdBy: DEMO_USERS.productManager,
        updatedAt: now,
        updatedBy: DEMO_USERS.productManager,
      };
      if ((await createKpi({ id: kpiId, kpi, maxKpis: 20, now })).outcome !== 'committed') throw new Error('seeding a KPI failed');
      const yesterday = await storeDailyValue({ projectId: pid, kpiId, date: day(-1), value: index, recordedBy: 'app', now });
      if (yesterday.outcome !== 'stored') throw new Error('seeding a measurement failed');
    }
  });
}

/** What the simulator counts for a query in a project, asked directly (outside any invocation, not counted). */
async function simulatorCount(pid: string, jql: string): Promise<number> {
  const reply = await jira.handle({
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql: `project = ${pid} AND (${jql})` }),
    caller: { kind: 'app' },
  });
  if (reply.status !== 200) throw new Error(`the simulator refused ${jql}: ${reply.body}`);
  return (JSON.parse(reply.body) as { count: number }).count;
}

/** Each KPI holds today's value, and it is the simulator's count (or ratio of counts) for its source. */
async function checkStoredValues(scenario: string, sources: KpiSource[]): Promise<void> {
  const today = day(0);
  for (const [index, source] of sources.entries()) {
    const pid = projectId(projects[index % projects.length] as string);
    const history = await forge.run(() => loadKpiHistory(pid, `kpi-bench-${index}`, today));
    const latest = history?.kpi.latest;
    let expected: number;
    if (source.kind === 'jql-count') expected = await simulatorCount(pid, source.jql);
    else if (source.kind === 'jql-ratio') expected = (await simulatorCount(pid, source.numeratorJql)) / (await simulatorCount(pid, source.denominatorJql));
    else continue;
    if (latest?.date !== today || latest.value !== expected) {
      throw new Error(`${scenario}: KPI ${index} holds ${latest ? `${latest.value} on ${latest.date}` : 'nothing'}, expected ${expected} on ${today}`);
    }
  }
}

async function measure(scenario: string, sources: KpiSource[], options: { storageLatencyMs?: number } = {}): Promise<void> {
  const kpis = sources.length;
  jira.resetStats();
  forge.kvs.resetStats();
  jira.setFaults({ latency: { fixedMs: latencyMs } });
  if (options.storageLatencyMs) forge.kvs.setFaults({ latencyMs: options.storageLatencyMs });
  const response = (await forge.fireScheduledTrigger(dailyKpiSnapshot, { moduleKey: 'daily-kpi-snapshot' })) as { statusCode: number; body: string };
  jira.clearFaults();
  forge.kvs.setFaults({});
  const summary = JSON.parse(response.body) as { stored: number; failed: number };
  const stats = forge.lastInvocation;
  if (!stats || summary.stored !== kpis || summary.failed !== 0) throw new Error(`${scenario}: stored ${summary.stored} of ${kpis}, ${summary.failed} failed`);
  // Copied before the check below, which reads storage and Jira itself.
  const storage = { ...forge.kvs.stats };
  const requests = jira.stats.requests;
  const serverMs = stats.serverMs;
  const storageOps = stats.storageOps;
  await checkStoredValues(scenario, sources);
  report({
    bench: 'kpi-refresh',
    scenario,
    figures: {
      KPIs: kpis,
      'Jira requests': requests,
      'storage ops': storageOps,
      'reads/queries/tx': `${storage.reads}/${storage.queries}/${storage.transactions}`,
      'server ms': Math.round(serverMs),
    },
    target: {
      text: `≤ ${targetMs / 1000} s, ≤ ${targetRequests} requests (${latencyMs} ms Jira latency${options.storageLatencyMs ? `, ${options.storageLatencyMs} ms storage latency` : ''})`,
      met: serverMs <= targetMs && requests <= targetRequests,
    },
  });
}

// 100 count KPIs, each its own query (no sharing to help).
const counts: KpiSource[] = Array.from({ length: 100 }, (_, n) => ({ kind: 'jql-count', jql: `issuetype = Bug AND created >= -${n + 1}d` }));
await seed(counts);
await measure('100 counts, first run of the day', counts);
await measure('100 counts, second run the same day', counts);
// The sandbox's storage answers at once; Forge's does not. A plausible 20 ms per call shows what
// the run's storage operations add to its time.
await measure('100 counts, 20 ms storage latency', counts, { storageLatencyMs: 20 });

// A mix: 80 counts and 20 ratios of "done bugs / all bugs" kind, whose denominator is also a count
// KPI of each project: one run counts a query once, so the ratios add one request each, not two.
const mix: KpiSource[] = Array.from({ length: 100 }, (_, n) =>
  n < 80
    ? { kind: 'jql-count', jql: n < projects.length ? 'issuetype = Bug' : `issuetype = Bug AND created >= -${n}d` }
    : { kind: 'jql-ratio', numeratorJql: `issuetype = Bug AND statusCategory = Done AND created >= -${n}d`, denominatorJql: 'issuetype = Bug' },
);
await seed(mix);
await measure('80 counts + 20 ratios', mix);
