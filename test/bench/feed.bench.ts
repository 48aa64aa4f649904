/**
 * The "What changed" feed of a big product: 2 years of weekly check-ins on 50 goals and 1,000
 * roadmap items (109,200 activity entries written, those past the one-year TTL already gone as
 * Forge drops them), plus the other kinds of entry. Seeded straight into storage with the app's
 * own record builder. Target for the first page (and for one goal's, and for "Following"): at most
 * 5 storage queries and 300 ms of server time, measured as the median of 5 warm calls.
 * Every run checks the page: 30 entries, newest first, all within the last 30 days.
 */
import { resolve } from 'node:path';
import type { ProductFeed, Result } from '../../src/contract';
import { resolver } from '../../src/index';
import { activityRecord, activityRetentionDays } from '../../src/adapters/storage/activity-store';
import type { ActivitySummary } from '../../src/domain/activity';
import { daysBefore, feedPageSize, feedWindowDays } from '../../src/domain/activity';
import { buildDemoSite, DEMO_USERS } from '../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../sandbox/forge/sandbox';
import type { ResolverHandler } from '../sandbox/forge/sandbox';
import { JiraSimulator } from '../sandbox/jira/simulator';
import { report } from './report';

const targetQueries = 5;
const targetMs = 300;
const weeks = 104;
const goals = 50;
const items = 1_000;

const site = buildDemoSite();
const jira = new JiraSimulator(site);
const forge = new ForgeSandbox({ jira, manifest: loadManifest(resolve(process.cwd(), 'manifest.yml')) });
forge.install();
const project = site.projects.find((p) => p.key === 'THR')!;

function seed(): { written: number; live: number } {
  const now = Date.now();
  const by = { accountId: DEMO_USERS.productManager, displayName: 'Maya Okafor' };
  const records: Record<string, { value: unknown; createdAt: number; updatedAt: number; expiresAt: number }> = {};
  let written = 0;
  const add = (at: number, fields: { goalId?: string; itemId?: string; summary: ActivitySummary }) => {
    const { key, record } = activityRecord({ projectId: project.id, at: new Date(at).toISOString(), by, ...fields });
    written += 1;
    const expiresAt = at + activityRetentionDays * 86_400_000;
    if (expiresAt > now) records[key] = { value: record, createdAt: at, updatedAt: at, expiresAt };
  };
  const statuses = ['on-track', 'at-risk', 'off-track'] as const;
  for (let week = 0; week < weeks; week += 1) {
    const weekStart = now - week * 7 * 86_400_000;
    for (let g = 0; g < goals; g += 1) {
      add(weekStart - g * 60_000, { goalId: `goal-${g}`, summary: { kind: 'check-in', targetKind: 'goal', title: `Goal ${g}`, status: statuses[(g + week) % 3]!, text: 'On plan; the vendor API lands next sprint.' } });
    }
    for (let i = 0; i < items; i += 1) {
      add(weekStart - (goals + i) * 30_000, { goalId: `goal-${i % goals}`, itemId: `item-${i}`, summary: { kind: 'check-in', targetKind: 'item', title: `Item ${i}`, status: statuses[(i + week) % 3]!, text: 'Two stories left; QA starts Monday.' } });
    }
    // A few moves and health changes a week, as a busy product has.
    for (let n = 0; n < 5; n += 1) {
      add(weekStart - n * 3_600_000, { goalId: `goal-${n}`, itemId: `item-${n}`, summary: { kind: 'item-moved-horizon', title: `Item ${n}`, from: 'next', to: 'now' } });
    }
  }
  // The reader follows one goal and one item (each of its pages reads this record once).
  const follow = { projectId: project.id, accountId: DEMO_USERS.developer, targets: [{ kind: 'goal', id: 'goal-3' }, { kind: 'item', id: 'item-10' }], version: 1, updatedAt: new Date(now).toISOString() };
  const followKey = `${project.id}.${DEMO_USERS.developer}`;
  forge.kvs.restore({ version: 1, kv: {}, secrets: {}, entities: { activity: records, follow: { [followKey]: { value: follow, createdAt: now, updatedAt: now } } } });
  return { written, live: Object.keys(records).length };
}

async function page(payload: Record<string, unknown>): Promise<{ feed: ProductFeed; queries: number; ops: number; ms: number }> {
  const before = forge.kvs.stats.queries;
  const answer = (await forge.callResolver(resolver as unknown as ResolverHandler, {
    functionKey: 'getProductFeed',
    payload,
    moduleKey: 'throughline-product',
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
    accountId: DEMO_USERS.developer,
  })) as Result<ProductFeed>;
  if (!answer.ok) throw new Error(`getProductFeed failed: ${answer.error.code} ${answer.error.message}`);
  const stats = forge.lastInvocation!;
  return { feed: answer.value, queries: forge.kvs.stats.queries - before, ops: stats.storageOps, ms: stats.serverMs };
}

function check(feed: ProductFeed, what: string, full: boolean): void {
  const since = daysBefore(new Date().toISOString(), feedWindowDays + 1);
  const ats = feed.entries.map((entry) => entry.at);
  if (full ? feed.entries.length !== feedPageSize : feed.entries.length === 0) throw new Error(`${what}: ${feed.entries.length} entries`);
  if (ats.some((at, n) => n > 0 && at > ats[n - 1]!)) throw new Error(`${what}: not newest first`);
  if (ats.some((at) => at < since)) throw new Error(`${what}: an entry older than the window`);
  if (!feed.nextCursor) throw new Error(`${what}: no next page`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `full`: the page must hold a whole page. Following may stop early at its scan bound, with a
 * cursor; it is measured without a target (the target is the product's first page).
 */
async function measure(scenario: string, payload: Record<string, unknown>, full = true): Promise<void> {
  await page(payload); // warm
  const runs = [];
  for (let n = 0; n < 5; n += 1) runs.push(await page(payload));
  for (const run of runs) check(run.feed, scenario, full);
  const queries = Math.max(...runs.map((run) => run.queries));
  const ms = median(runs.map((run) => run.ms));
  report({
    bench: 'feed',
    scenario,
    figures: { entries: runs[0]!.feed.entries.length, 'storage queries': queries, 'storage ops': Math.max(...runs.map((run) => run.ops)), 'server ms': Math.round(ms) },
    ...(full ? { target: { text: `≤ ${targetQueries} queries, ≤ ${targetMs} ms`, met: queries <= targetQueries && ms <= targetMs } } : {}),
  });
}

const seeded = seed();
console.log(`seeded ${seeded.written} activity entries (${seeded.live} within the ${activityRetentionDays}-day TTL)`);
await measure('first page', {});
await measure('second page', { cursor: (await page({})).feed.nextCursor });
await measure('one goal', { goalId: 'goal-7' });
await measure('Following (1 goal, 1 item)', { following: true }, false);
forge.uninstall();
