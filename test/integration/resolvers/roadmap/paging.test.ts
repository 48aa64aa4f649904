/**
 * A 5,000-item roadmap through the real resolvers within Forge's 5 MB per answer
 * (src/resolvers/roadmap/roadmap-pages.ts): `getRoadmap` answers the first page and a cursor,
 * `getRoadmapItems` the rest. The items are seeded through the app's storage adapter (5,000
 * resolver calls would each read the whole roadmap), with a few sentences of description each.
 */
import type { Result, RoadmapItemInput, RoadmapItemView, RoadmapItemsPage, RoadmapView } from '../../../../src/contract';
import { KVS_QUOTAS } from '../../../sandbox/forge/kvs/quotas';
import { INVOCATION_LIMITS } from '../../../sandbox/forge/invocation-limits';
import { createSandbox } from '../../harness';
import { horizonsInTurn, seedRoadmapItems } from '../../roadmap-seed';
import type { Sandbox } from '../../harness';
import { itemInput } from '../../security/kit';
import { makeResolver } from '@forge/resolver';
import { getRoadmap } from '../../../../src/resolvers/roadmap/roadmap-view';
import { DEMO_USERS } from '../../../sandbox/demo';
import type { ResolverHandler } from '../../../sandbox/forge/sandbox';

const big = 5_000;
const thr = { module: 'jira:projectPage', project: 'THR' } as const;
const mob = { module: 'jira:projectPage', project: 'MOB' } as const;
const bytesOf = (answer: unknown) => Buffer.byteLength(JSON.stringify(answer), 'utf8');

function valueOf<T>(answer: Result<T>): T {
  if (!answer.ok) throw new Error(`Refused: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** A few sentences each: what a real board's items carry (2,000 characters each: test/bench/roadmap-pages.bench.ts). */
const seedItems = (sandbox: Sandbox, projectKey: string, count: number) =>
  seedRoadmapItems(sandbox, projectKey, count, {
    description: (i) => `Item ${i + 1}. ${'Why it matters to customers and what done looks like. '.repeat(6)}`,
    horizon: horizonsInTurn,
  });

/** Every item of the board, as the page loads it: the first answer, then page after page. */
async function loadAll(sandbox: Sandbox, between?: (pageNo: number) => Promise<void>) {
  const first = await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} });
  const sizes = [bytesOf(first)];
  const view: RoadmapView = valueOf(first);
  const items: RoadmapItemView[] = [...view.items];
  let cursor = view.itemsPage?.cursor;
  let last: Result<RoadmapItemsPage> | undefined;
  for (let pageNo = 1; cursor !== undefined; pageNo += 1) {
    await between?.(pageNo);
    last = await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor } });
    sizes.push(bytesOf(last));
    if (!last.ok) break;
    expect(last.value.offset).toBe(items.length);
    items.push(...last.value.items);
    cursor = last.value.cursor;
  }
  return { view, items, sizes, last };
}

describe('a 5,000-item roadmap', () => {
  const sandbox = createSandbox();
  let ranked: string[];

  beforeAll(async () => {
    await seedItems(sandbox, 'THR', big);
    ranked = Array.from({ length: big }, (_, i) => `seeded-${i}`);
  }, 120_000);

  test('loads complete and in rank order, every answer within 5 MB and the storage quotas', async () => {
    sandbox.forge.kvs.resetStats();
    sandbox.forge.kvs.setQuotas(KVS_QUOTAS);
    try {
      const { view, items, sizes, last } = await loadAll(sandbox);
      expect(last && !last.ok ? last.error : undefined).toBeUndefined();
      expect(view.itemsPage?.total).toBe(big);
      expect(items.map((item) => item.id)).toEqual(ranked);
      expect(sizes.length).toBe(2);
      for (const size of sizes) expect(size).toBeLessThanOrEqual(INVOCATION_LIMITS.maxResponseBytes);
      const quota = sandbox.forge.kvs.quotaStats;
      expect(quota.refused).toBe(0);
      // Each answer reads the whole board once (the pages are cut from it).
      expect(quota.peakReadUnitsPerMinute).toBeLessThan(KVS_QUOTAS.readUnitsPerMinute);
      console.log(`5,000 items: answers ${sizes.map((size) => `${(size / 1e6).toFixed(2)} MB`).join(', ')}; storage read units ${quota.readUnits} (peak/min ${quota.peakReadUnitsPerMinute})`);
    } finally {
      sandbox.forge.kvs.setQuotas(undefined);
    }
  }, 120_000);

  test('the limit is 5,000 items: the next create is refused and nothing is stored', async () => {
    const answer = await sandbox.call('createRoadmapItem', { as: 'productManager', in: thr, payload: { item: itemInput } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('invalid');
    expect(valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} })).itemsPage?.total).toBe(big);
  }, 60_000);

  test("a cursor is bound to its project: THR's cursor in MOB is refused", async () => {
    const { itemsPage } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    const answer = await sandbox.call('getRoadmapItems', { as: 'productManager', in: mob, payload: { cursor: itemsPage!.cursor } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 60_000);

  test('a tampered cursor is a typed invalid error', async () => {
    const { itemsPage } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    const cursor = itemsPage!.cursor;
    for (const tampered of [`${cursor}x`, cursor.slice(0, -3), 'not a cursor', Buffer.from('{"v":1,"p":"x","o":-1,"f":"a"}').toString('base64url'), 'a'.repeat(401)]) {
      const answer = await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor: tampered } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  }, 60_000);

  test('a reader without Browse Projects is refused, cursor or not', async () => {
    const { itemsPage } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    expect(await sandbox.call('getRoadmapItems', { as: 'outsider', in: thr, payload: { cursor: itemsPage!.cursor } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sandbox.call('getRoadmapItems', { as: 'outsider', in: thr, payload: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sandbox.call('getRoadmap', { as: 'outsider', in: thr, payload: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 60_000);

  test('a further page reads only its own items: one Jira request (the permission check) and storage in proportion to the page', async () => {
    const first = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    const jiraBefore = sandbox.jira.stats.requests;
    sandbox.forge.kvs.resetStats();
    const page = await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor: first.itemsPage!.cursor } });
    const { items } = valueOf(page);
    expect(sandbox.jira.stats.requests - jiraBefore).toBe(1);
    const ownBytes = Buffer.byteLength(JSON.stringify(items), 'utf8');
    const quota = sandbox.forge.kvs.quotaStats;
    // Its items twice at most (their records for the texts, the stored views for the rest) and a few
    // small reads (the board's version, the edit rule): never the other 2,000-odd items.
    expect(quota.readUnits).toBeLessThanOrEqual(Math.ceil((2 * ownBytes) / KVS_QUOTAS.unitBytes) + 10);
    // The board's version, one batch of the page's parts, one query per 100 items and the edit rule.
    expect(sandbox.forge.kvs.stats.operations).toBeLessThanOrEqual(3 + Math.ceil(items.length / 100) + 1);
    expect(sandbox.forge.kvs.stats.writes).toBe(0);
  }, 60_000);

  test('the first page reads the board once: its items are not read again to check the epics\' link targets', async () => {
    await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} });
    const itemBytes = Buffer.byteLength(JSON.stringify(sandbox.forge.kvs.snapshot().entities['roadmap-item'] ?? {}), 'utf8');
    const itemUnits = Math.ceil(itemBytes / KVS_QUOTAS.unitBytes);
    expect(itemUnits).toBeGreaterThan(100);
    sandbox.forge.kvs.resetStats();
    valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    // The items once, plus everything else a warm load reads (lanes, goals, links, roll-ups, check-ins,
    // the stored pages' parts are written, not read): well under a second read of the items.
    expect(sandbox.forge.kvs.quotaStats.readUnits).toBeLessThan(itemUnits * 1.5);
  }, 60_000);

  test("another person's cursor is refused: the pages were computed for the viewer who loaded them", async () => {
    const { itemsPage } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    expect(await sandbox.call('getRoadmapItems', { as: 'developer', in: thr, payload: { cursor: itemsPage!.cursor } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The owner still pages on.
    expect((await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor: itemsPage!.cursor } })).ok).toBe(true);
  }, 60_000);

  test("a cursor of a load that is gone (its pages' time to live passed) or never was is a conflict: load again", async () => {
    const { itemsPage } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    const fields = JSON.parse(Buffer.from(itemsPage!.cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const unknown = Buffer.from(JSON.stringify({ ...fields, l: '00000000-0000-4000-8000-000000000000' }), 'utf8').toString('base64url');
    expect(await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor: unknown } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);

  test('lanes saved between pages: a conflict', async () => {
    const { itemsPage, setupVersion } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    valueOf(await sandbox.call('saveLaneSetup', { as: 'productManager', in: thr, payload: { mode: 'custom', lanes: [{ id: null, name: `Lane ${setupVersion + 1}` }], baseVersion: setupVersion } }));
    expect(await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor: itemsPage!.cursor } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);

  test('an epic linked to an item between pages: a conflict', async () => {
    const { itemsPage, epics } = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: thr, payload: {} }));
    const epic = epics[0]!;
    valueOf(
      await sandbox.call('linkEpics', {
        as: 'productManager',
        in: thr,
        payload: { target: { kind: 'item', id: ranked[big - 1]! }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] },
      }),
    );
    expect(await sandbox.call('getRoadmapItems', { as: 'productManager', in: thr, payload: { cursor: itemsPage!.cursor } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 60_000);

  test('an edit between pages is a conflict, never a page of the changed board; loading again gives the new board whole', async () => {
    const { items: before } = await loadAll(sandbox);
    const moved = before[4_900]!;
    const { last } = await loadAll(sandbox, async (pageNo) => {
      if (pageNo !== 1) return;
      // Someone moves a late item to the top of the board while the first pages are shown.
      const answer = await sandbox.call('moveRoadmapItem', {
        as: 'productManager',
        in: thr,
        payload: { move: { itemId: moved.id, lane: 'none', column: { kind: 'horizon', horizon: 'now' }, afterId: null, beforeId: before[0]!.id }, baseVersion: moved.version },
      });
      valueOf(answer);
    });
    expect(last).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const again = await loadAll(sandbox);
    expect(again.last?.ok).toBe(true);
    expect(again.items).toHaveLength(big);
    expect(again.items[0]!.id).toBe(moved.id);
    expect(new Set(again.items.map((item) => item.id)).size).toBe(big);
  }, 120_000);
});

test('a roadmap that fits one answer has no cursor, and getRoadmapItems without one answers the same items', async () => {
  const sandbox = createSandbox();
  await seedItems(sandbox, 'THR', 30);
  const view = valueOf(await sandbox.call('getRoadmap', { as: 'developer', in: thr, payload: {} }));
  expect(view.itemsPage).toBeUndefined();
  const page = valueOf(await sandbox.call('getRoadmapItems', { as: 'developer', in: thr, payload: {} }));
  expect(page).toEqual({ items: view.items, offset: 0, total: 30 });
}, 60_000);

/**
 * The further pages carry what the first page's load computed for their items (epics and their
 * delivery, evidence, check-ins, live dependencies, in the viewer's calendar) and their texts from
 * storage: item for item, exactly the board the whole view gives. The board here is a little past
 * one page, so the whole view still fits one answer to compare with.
 */
test('every paged item is the item as the whole board computes it, for the viewer (their epics, their calendar)', async () => {
  const sandbox = createSandbox();
  const count = 1_100;
  await seedRoadmapItems(sandbox, 'THR', count, { description: (i) => `Item ${i + 1}. ${'Why it matters and what done looks like. '.repeat(85)}` });
  const as = 'productManager' as const;
  const timezone = 'Australia/Sydney';
  // New items go to the end of the board: onto the second page, each with something the view adds.
  const created = async (title: string, extra: Partial<RoadmapItemInput> = {}) =>
    valueOf(await sandbox.call('createRoadmapItem', { as, in: thr, payload: { item: { ...itemInput, title, ...extra } } }));
  const blocked = await created('Blocked by the first item', { dependsOn: ['seeded-0'] });
  const delivered = await created('Delivered by an epic', { endDate: '2026-01-31' });
  const evidenced = await created('With evidence');
  const checkedIn = await created('With a check-in');
  const { epics } = valueOf(await sandbox.call('getRoadmap', { as, in: thr, payload: {} }));
  valueOf(await sandbox.call('linkEpics', { as, in: thr, payload: { target: { kind: 'item', id: delivered.id }, link: [{ epicId: epics[0]!.id, linksVersion: epics[0]!.linksVersion }], unlink: [] } }));
  valueOf(await sandbox.call('addEvidence', { as, in: thr, payload: { itemId: evidenced.id, evidence: { kind: 'note', note: { text: 'We need this.', source: 'Call', customer: 'Acme', date: '2026-01-02' } } } }));
  valueOf(await sandbox.call('postStatusUpdate', { as, in: thr, payload: { target: { kind: 'item', id: checkedIn.id }, status: 'at-risk', text: 'Slipping.' } }));

  const first = valueOf(await sandbox.call('getRoadmap', { as, in: thr, payload: {}, timezone }));
  expect(first.itemsPage).toBeDefined();
  const paged = [...first.items];
  for (let cursor = first.itemsPage?.cursor; cursor !== undefined; ) {
    const page = valueOf(await sandbox.call('getRoadmapItems', { as, in: thr, payload: { cursor }, timezone }));
    paged.push(...page.items);
    cursor = page.cursor;
  }

  // The whole view as the app's own summaries read it (`getRoadmap` of roadmap-view.ts), through Forge's resolver.
  const whole = makeResolver({ wholeRoadmap: getRoadmap } as never);
  const p = sandbox.project('THR');
  const answer = (await sandbox.forge.callResolver(whole as unknown as ResolverHandler, {
    functionKey: 'wholeRoadmap',
    payload: {},
    extension: { type: 'jira:projectPage', project: { id: p.id, key: p.key, type: 'software' }, location: `${sandbox.site.baseUrl}/jira/software/projects/${p.key}/apps` },
    moduleKey: 'throughline-product',
    accountId: DEMO_USERS[as],
    timezone,
  })) as Result<RoadmapView>;
  const wholeItems = valueOf(answer).items;
  expect(paged).toHaveLength(count + 4);
  expect(paged).toEqual(wholeItems);
  // The second page did carry what the view adds: otherwise this compares texts only.
  const later = new Map(paged.slice(first.items.length).map((item) => [item.id, item]));
  expect(later.get(blocked.id)?.dependsOn).toEqual(['seeded-0']);
  expect(later.get(delivered.id)?.epicIds).toEqual([epics[0]!.id]);
  expect(later.get(delivered.id)?.delivery).toBeDefined();
  expect(later.get(evidenced.id)?.evidence).toMatchObject({ notes: 1 });
  expect(later.get(checkedIn.id)?.checkIn).toBeDefined();
}, 120_000);
