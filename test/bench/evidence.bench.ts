/**
 * The roadmap of the large generated site with evidence on every item (issue 15): one project with
 * 1,000 roadmap items, each with 3 evidence entries (a note, an issue linked by key, and a third:
 * a saved JQL on every 10th item, another note otherwise), so 100 JQL evidence entries in all; each
 * of the project's epics delivers an item. Jira answers every request after 100 ms.
 *   cold / warm getRoadmap: the card counts come from the stored evidence heads (no Jira request);
 *   countEvidenceJql: what the board asks after it rendered, the live JQL counts as the viewer,
 *   one Jira request per distinct query (here all 100 differ, the worst case), 5 at a time.
 * Targets: warm getRoadmap ≤ 1 s and no more Jira requests than the same roadmap without evidence;
 * the counts call: one permission check plus one request per distinct query, within one resolver
 * invocation (≤ 25 s).
 *
 * `npx tsx test/bench/run.ts evidence`, or alone: `npx tsx test/bench/evidence.bench.ts`.
 */
import { resolve } from 'node:path';
import type { Result, RoadmapView } from '../../src/contract';
import { resolver } from '../../src/index';
import { rankBetween } from '../../src/domain/rank';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import { createItem } from '../../src/adapters/storage/roadmap-store';
import { notesChunkKey, writeEvidence } from '../../src/adapters/storage/evidence-store';
import type { EvidenceHeadRecord } from '../../src/adapters/storage/evidence-store';
import { buildLargeSite, DEMO_USERS } from '../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../sandbox/forge/sandbox';
import type { ResolverHandler } from '../sandbox/forge/sandbox';
import { report } from './report';
import { threadedJira } from './threaded-jira';

const latencyMs = 100;
const items = 1_000;
const jqlEvery = 10;

const site = buildLargeSite();
const jira = await threadedJira(site, { latencyMs, threads: 1 });
const forge = new ForgeSandbox({ jira, manifest: loadManifest(resolve(process.cwd(), 'manifest.yml')) });
forge.install();

const levels = new Map(site.issueTypes.map((t) => [t.id, t.hierarchyLevel]));
const project = site.projects[0]!;
const epicIds = site.issues.filter((i) => i.projectId === project.id && levels.get(i.issueTypeId) === 1).map((i) => i.id);
const issueKeys = site.issues.filter((i) => i.projectId === project.id && levels.get(i.issueTypeId) === 0).map((i) => i.key);
const admin = { accountId: DEMO_USERS.admin, displayName: 'Admin' };

const evidence: Array<{ head: EvidenceHeadRecord; notes: Parameters<typeof writeEvidence>[0]['chunk'] extends infer C ? (C extends { notes: infer N } ? N : never) : never }> = [];

async function seedEvidence(): Promise<void> {
  for (const { head, notes } of evidence) {
    const outcome = await forge.run(() => writeEvidence({ read: { chunks: new Map() }, head, chunk: { number: 0, notes } }), { accountId: DEMO_USERS.admin });
    if (outcome !== 'committed') throw new Error(`Seeding ${notesChunkKey(head.itemId, 0)} failed`);
  }
}

async function seed(): Promise<void> {
  const now = new Date().toISOString();
  const stamp = { at: now, by: admin };
  const links = new Map<string, string[]>();
  let rank: string | undefined;
  for (let n = 0; n < items; n += 1) {
    const itemId = `item-ev-${n}`;
    rank = rankBetween(rank);
    const record = { projectId: project.id, title: `Item ${n}`, description: '', horizon: (['now', 'next', 'later'] as const)[n % 3]!, status: 'planned' as const, rank, version: 1, createdAt: now, createdBy: DEMO_USERS.admin, updatedAt: now, updatedBy: admin };
    const note = (k: number) => ({ id: `ev-note-${n}-${k}`, version: 1, added: stamp, text: `Customers keep asking for item ${n} (${k}).`, source: 'Support', customer: 'Retail', date: '2026-11-01' });
    const withJql = n % jqlEvery === 0;
    const notes = withJql ? [note(0)] : [note(0), note(1)];
    const head: EvidenceHeadRecord = {
      projectId: project.id,
      itemId,
      version: 1,
      noteChunks: [notes.length],
      issues: [{ id: `ev-issue-${n}`, version: 1, added: stamp, key: issueKeys[n % issueKeys.length]! }],
      jql: withJql ? [{ id: `ev-jql-${n}`, version: 1, added: stamp, label: 'support requests', jql: `project = ${project.key} AND updated >= "-${n + 1}d"` }] : [],
      updatedAt: now,
    };
    await forge.run(() => createItem({ id: itemId, item: record, maxItems: 1_000, now }), { accountId: DEMO_USERS.admin });
    evidence.push({ head, notes });
    const epicId = epicIds[n % epicIds.length];
    if (epicId && n < epicIds.length) links.set(epicId, [itemId]);
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

async function call<T>(functionKey: string, payload: unknown) {
  jira.resetStats();
  forge.kvs.resetStats();
  const answer = (await forge.callResolver(resolver as unknown as ResolverHandler, {
    functionKey,
    payload,
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
    moduleKey: 'throughline-product',
    accountId: DEMO_USERS.admin,
    timezone: 'UTC',
  })) as Result<T>;
  if (!answer.ok) throw new Error(`${functionKey}: ${answer.error.message}`);
  const stats = forge.lastInvocation;
  if (!stats || stats.outcome !== 'ok') throw new Error(`${functionKey}: the invocation did not end well`);
  return { value: answer.value, serverMs: Math.round(stats.serverMs), storageOps: stats.storageOps, requests: jira.stats.requests, byRoute: { ...jira.stats.byRoute } };
}

await seed();
// The same roadmap without evidence first: what evidence adds is the difference.
await call<RoadmapView>('getRoadmap', {});
const bare = await call<RoadmapView>('getRoadmap', {});
report({
  bench: 'evidence',
  scenario: `getRoadmap warm, no evidence ${project.key}`,
  figures: { items: bare.value.items.length, 'items with evidence': 0, 'evidence entries': 0, 'Jira requests': bare.requests, 'storage ops': bare.storageOps, 'server ms': bare.serverMs },
});
await seedEvidence();

for (const scenario of ['cold', 'warm'] as const) {
  const measured = await call<RoadmapView>('getRoadmap', {});
  const withEvidence = measured.value.items.filter((item) => item.evidence).length;
  const entries = measured.value.items.reduce((sum, item) => sum + (item.evidence ? item.evidence.notes + item.evidence.issues + item.evidence.jql.length : 0), 0);
  const target = scenario === 'warm' ? { ms: 1_000, requests: bare.requests } : undefined;
  report({
    bench: 'evidence',
    scenario: `getRoadmap ${scenario} ${project.key}`,
    figures: { items: measured.value.items.length, 'items with evidence': withEvidence, 'evidence entries': entries, 'Jira requests': measured.requests, 'storage ops': measured.storageOps, 'server ms': measured.serverMs },
    ...(target
      ? { target: { text: `≤ ${target.ms / 1000} s, no Jira request more than without evidence (${latencyMs} ms latency)`, met: measured.serverMs <= target.ms && measured.requests <= target.requests } }
      : {}),
  });
  if (scenario === 'warm') console.log(`warm getRoadmap requests by route: ${JSON.stringify(measured.byRoute)}`);
}

const itemIds = Array.from({ length: items }, (_, n) => `item-ev-${n}`);
const counted = await call<{ counts: Array<{ count?: number }> }>('countEvidenceJql', { itemIds });
report({
  bench: 'evidence',
  scenario: `countEvidenceJql ${items} items`,
  figures: {
    items,
    'evidence entries': counted.value.counts.length,
    'Jira requests': counted.requests,
    'storage ops': counted.storageOps,
    'server ms': counted.serverMs,
  },
  // One permission check, then one count per distinct query.
  target: { text: `1 + one request per distinct JQL (100), ≤ 25 s`, met: counted.requests <= 1 + items / jqlEvery && counted.serverMs <= 25_000 && counted.value.counts.every((entry) => entry.count !== undefined) },
});
await jira.close();
process.exit(0);
