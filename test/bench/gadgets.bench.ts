/**
 * A Jira dashboard with the three Throughline gadgets, on the large generated site (1,000 epics,
 * 20,000 children over four projects) with Jira answering every request after 100 ms: each gadget
 * configured on one product, opened as a Jira admin through the real resolver, calling it the way
 * the gadget's UI does (once, and once more while roll-ups are still loading). Each product has
 * 8 goals and 100 roadmap items (a third of them Now), each delivered by one or two of its epics.
 *   cold: nothing cached (the gadgets are the first thing to open the product).
 *   warm: after 20 children per project changed, as on the next morning's refresh.
 * Target (issue 14): warm, ≤ 3 resolver calls per gadget and ≤ 1 s server time each.
 *
 * `npm run bench` (with the others), or alone: `npx tsx test/bench/gadgets.bench.ts`.
 */
import { resolve } from 'node:path';
import type { Result } from '../../src/contract';
import { resolver } from '../../src/index';
import { rankBetween } from '../../src/domain/rank';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import { createItem } from '../../src/adapters/storage/roadmap-store';
import { buildLargeSite, DEMO_USERS, STATUS_IDS } from '../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../sandbox/forge/sandbox';
import type { ResolverHandler } from '../sandbox/forge/sandbox';
import { report } from './report';
import { threadedJira } from './threaded-jira';

const latencyMs = 100;
const itemsPerProject = 100;
const goalsPerProject = 8;
const changedPerProject = 20;
const rows = 10;

const site = buildLargeSite();
const jira = await threadedJira(site, { latencyMs, threads: 1 });
const forge = new ForgeSandbox({ jira, manifest: loadManifest(resolve(process.cwd(), 'manifest.yml')) });
forge.install();

const levels = new Map(site.issueTypes.map((t) => [t.id, t.hierarchyLevel]));
const projects = site.projects.map((p) => ({
  key: p.key,
  id: p.id,
  epicIds: site.issues.filter((i) => i.projectId === p.id && levels.get(i.issueTypeId) === 1).map((i) => i.id),
}));

const gadgets = [
  { moduleKey: 'throughline-goal-health', functionKey: 'getGoalHealthGadget' },
  { moduleKey: 'throughline-roadmap-now', functionKey: 'getRoadmapNowGadget' },
  { moduleKey: 'throughline-unaligned-work', functionKey: 'getUnalignedWorkGadget' },
] as const;

async function call(functionKey: string, moduleKey: string, payload: unknown, extension: Record<string, unknown>): Promise<{ answer: Result<unknown>; serverMs: number }> {
  const answer = (await forge.callResolver(resolver as unknown as ResolverHandler, {
    functionKey,
    payload,
    extension,
    moduleKey,
    accountId: DEMO_USERS.admin,
    timezone: 'UTC',
  })) as Result<unknown>;
  const stats = forge.lastInvocation;
  if (!stats || stats.outcome !== 'ok') throw new Error(`${functionKey}: the invocation did not end well`);
  return { answer, serverMs: stats.serverMs };
}

/** Goals through the real resolver; items straight into storage; links on the epics through Jira's REST, as the admin. */
async function seed(project: (typeof projects)[number]): Promise<void> {
  const page = { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } };
  const goalIds: string[] = [];
  for (let n = 0; n < goalsPerProject; n += 1) {
    const { answer } = await call('createGoal', 'throughline-product', { goal: { title: `Goal ${n}`, description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } }, page);
    if (!answer.ok) throw new Error(`createGoal: ${answer.error.message}`);
    goalIds.push((answer.value as { id: string }).id);
  }
  const now = new Date().toISOString();
  const links = new Map<string, string[]>();
  let rank: string | undefined;
  for (let n = 0; n < itemsPerProject; n += 1) {
    const id = `item-bench-${project.key}-${n}`;
    rank = rankBetween(rank);
    const record = {
      projectId: project.id,
      title: `Item ${n}`,
      description: '',
      // Goals 0..5 get items; 6 and 7 are goals without work.
      goalId: goalIds[n % 6]!,
      horizon: (['now', 'next', 'later'] as const)[n % 3]!,
      status: 'in-progress' as const,
      rank,
      version: 1,
      createdAt: now,
      createdBy: DEMO_USERS.admin,
      updatedAt: now,
      updatedBy: { accountId: DEMO_USERS.admin, displayName: 'Admin' },
    };
    await forge.run(() => createItem({ id, item: record, maxItems: 1_000, now }), { accountId: DEMO_USERS.admin });
    for (const epicId of project.epicIds.slice(n * 2, n * 2 + 1 + (n % 2))) links.set(epicId, [...(links.get(epicId) ?? []), id]);
  }
  await Promise.all(
    [...links].map(([epicId, itemIds]) =>
      jira.handle({
        method: 'PUT',
        path: `/rest/api/3/issue/${epicId}/properties/${epicLinksPropertyKey}`,
        body: JSON.stringify({ roadmapItemIds: itemIds, directGoalIds: [], goalIds: [], version: 1 }),
        caller: { kind: 'user', accountId: DEMO_USERS.admin },
      }),
    ),
  );
}

/** One gadget as its UI loads it: one call, and one more when the answer says roll-ups were still loading. */
async function openGadget(project: (typeof projects)[number], gadget: (typeof gadgets)[number]) {
  const extension = { type: 'jira:dashboardGadget', dashboard: { id: '10000' }, gadget: { id: '10100' }, gadgetConfiguration: { projectId: project.id, rows } };
  const payload = { projectId: project.id, rows, goalId: null };
  jira.resetStats();
  let resolverCalls = 0;
  let worstMs = 0;
  let answer: Result<unknown>;
  do {
    const measured = await call(gadget.functionKey, gadget.moduleKey, payload, extension);
    resolverCalls += 1;
    worstMs = Math.max(worstMs, measured.serverMs);
    answer = measured.answer;
    if (!answer.ok) throw new Error(`${gadget.functionKey} ${project.key}: ${answer.error.message}`);
  } while ((answer.value as { loading?: boolean }).loading && resolverCalls < 2);
  return { value: answer.value as Record<string, unknown>, resolverCalls, worstMs, requests: jira.stats.requests };
}

async function changeChildren(projectId: string, count: number): Promise<void> {
  const open = site.issues.filter((i) => i.projectId === projectId && levels.get(i.issueTypeId) === 0 && i.statusId !== STATUS_IDS.done);
  const updated = new Date(Date.now() + 60_000).toISOString();
  const edits = open.slice(0, count).map((issue) => ({ issueId: issue.id, statusId: issue.statusId === STATUS_IDS.inProgress ? STATUS_IDS.done : STATUS_IDS.inProgress, updated }));
  await jira.edit(edits);
}

for (const project of projects) await seed(project);

for (const scenario of ['cold', 'warm'] as const) {
  for (const project of projects) {
    if (scenario === 'warm') await changeChildren(project.id, changedPerProject);
    for (const gadget of gadgets) {
      const measured = await openGadget(project, gadget);
      const shown = (measured.value['goals'] ?? measured.value['items'] ?? measured.value['epics']) as unknown[];
      report({
        bench: 'gadgets',
        scenario: `${scenario} ${project.key} ${gadget.moduleKey.replace('throughline-', '')}`,
        figures: {
          rows: shown.length,
          'resolver calls': measured.resolverCalls,
          'Jira requests': measured.requests,
          'server ms': Math.round(measured.worstMs),
        },
        ...(scenario === 'warm'
          ? { target: { text: `≤ 3 calls, ≤ 1 s each (${latencyMs} ms latency)`, met: measured.resolverCalls <= 3 && measured.worstMs <= 1_000 } }
          : {}),
      });
    }
  }
}
await jira.close();
process.exit(0);
