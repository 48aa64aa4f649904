/**
 * Issue 11.4–11.6: the product feed ("What changed"), following, and the vision history's sittings,
 * through the real resolver. Each hooked write records its entry in its own transaction: a storage
 * fault on that transaction leaves neither the change nor its entry.
 */
import { kvs } from '@forge/kvs';
import type { ActivityEntry, ProductFeed } from '../../../../src/contract';
import { commit } from '../../../../src/adapters/storage/writes';
import { stageActivity } from '../../../../src/adapters/storage/activity-store';
import { activitySortKey, daysBefore, feedPageSize } from '../../../../src/domain/activity';
import { limits } from '../../../../src/validation/limits';
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { goalInput, kpiInput, valueOf, visionBoard } from '../strategy/builders';
import { seedGoal, seedKpi, seedMeasurements } from '../strategy/kit';
import { epicsOf, moveOf, roadmap, seedItem } from '../roadmap/kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.forge.kvs.setFaults({});
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
});

async function feed(as: Actor = 'developer', payload: Record<string, unknown> = {}): Promise<ProductFeed> {
  return valueOf(await sandbox.call('getProductFeed', { as, payload }));
}
const kinds = (entries: ActivityEntry[]) => entries.map((entry) => entry.summary.kind);
const projectId = () => sandbox.project('THR').id;

/** Entries written straight to storage through the app's own adapter (the bench and paging need many). */
async function seedEntries(count: number, options: { goalId?: string; itemId?: string; daysAgo?: (n: number) => number } = {}) {
  await sandbox.forge.run(async () => {
    const now = new Date().toISOString();
    for (let start = 0; start < count; start += 20) {
      await commit((transaction) => {
        for (let n = start; n < Math.min(count, start + 20); n += 1) {
          stageActivity(transaction, {
            projectId: projectId(),
            at: new Date(Date.parse(daysBefore(now, options.daysAgo?.(n) ?? 0)) - n * 60_000).toISOString(),
            ...(options.goalId ? { goalId: options.goalId } : {}),
            ...(options.itemId ? { itemId: options.itemId } : {}),
            summary: { kind: 'goal-added', title: `Seeded ${n}`, status: 'on-track' },
          });
        }
      });
    }
  });
}

describe('the feed tells of each change, newest first', () => {
  test('goal added, done and deleted; an item moved between horizons; a vision version with its fields', async () => {
    const goal = await seedGoal(sandbox, { title: 'Faster checkout' });
    valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'Faster checkout', status: 'done' }), baseVersion: 1 } }));
    const doomed = await seedGoal(sandbox, { title: 'Old goal' });
    valueOf(await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: doomed.id, baseVersion: 1 } }));
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: moveOf({ itemId: item.id, lane: goal.id, column: { kind: 'horizon', horizon: 'next' } }), baseVersion: 1 } }));
    valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ needs: '' }), baseVersion: 0 } }));

    const read = await feed('developer');
    expect(kinds(read.entries)).toEqual(['vision-version', 'item-moved-horizon', 'goal-closed', 'goal-added', 'goal-closed', 'goal-added']);
    expect(read.entries[0]).toMatchObject({ by: { displayName: 'Maya Okafor' }, summary: { version: 1, fields: ['productName', 'vision', 'targetGroup', 'product', 'businessGoals'] } });
    expect(read.entries[1]).toMatchObject({ itemId: item.id, goalId: goal.id, summary: { title: 'One-tap payment', from: 'now', to: 'next' } });
    expect(read.entries[2]!.summary).toEqual({ kind: 'goal-closed', title: 'Old goal', how: 'deleted' });
    expect(read.entries[4]).toMatchObject({ goalId: goal.id, summary: { kind: 'goal-closed', how: 'done' } });
    expect(read.nextCursor).toBeUndefined();
  });

  test('edits that tell stakeholders nothing add nothing: a move within a horizon, a goal edited but not closed', async () => {
    const goal = await seedGoal(sandbox);
    const item = await seedItem(sandbox);
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: moveOf({ itemId: item.id }), baseVersion: 1 } }));
    valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'Renamed' }), baseVersion: 1 } }));
    expect(kinds((await feed()).entries)).toEqual(['goal-added']);
  });

  test('epics linked and unlinked: one entry per item, with a count and no epic keys, named as the reader sees Jira', async () => {
    const goal = await seedGoal(sandbox);
    const item = await seedItem(sandbox, { title: 'One-tap payment', goalId: goal.id });
    const [first, second] = epicsOf(sandbox, 'THR');
    const versions = async () => new Map((await roadmap(sandbox)).epics.map((epic) => [epic.id, epic.linksVersion]));
    let v = await versions();
    valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [first!, second!].map((e) => ({ epicId: e.id, linksVersion: v.get(e.id) ?? 0 })), unlink: [] } }));
    v = await versions();
    valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target: { kind: 'item', id: item.id }, link: [], unlink: [{ epicId: first!.id, linksVersion: v.get(first!.id)! }] } }));

    const entries = (await feed()).entries.filter((entry) => entry.summary.kind.startsWith('epic-'));
    expect(entries.map((entry) => entry.summary)).toEqual([
      { kind: 'epic-unlinked', targetKind: 'item', title: 'One-tap payment', epics: 1 },
      { kind: 'epic-linked', targetKind: 'item', title: 'One-tap payment', epics: 2 },
    ]);
    expect(entries[0]).toMatchObject({ itemId: item.id, goalId: goal.id, by: { displayName: 'Maya Okafor' } });
    expect(JSON.stringify(entries)).not.toContain(first!.key);
  });

  test('a KPI whose health changes is told once, with from and to; a measurement keeping it is not', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id, kpiInput({ name: 'Conversion' }));
    await seedMeasurements(sandbox, kpi.id, [{ value: 50 }, { value: 49.5 }]);
    const health = (await feed()).entries.filter((entry) => entry.summary.kind === 'kpi-health-changed');
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ kpiId: kpi.id, goalId: goal.id, by: { displayName: 'Maya Okafor' }, summary: { title: 'Conversion', from: 'no-data', to: 'on-track' } });
  });
});

describe('one sitting is one version', () => {
  test('the same person saving again within minutes replaces their version; the history and the feed show one, each entry its own change', async () => {
    valueOf(await sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard(), baseVersion: 0 } }));
    valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'Checkout in one tap.' }), baseVersion: 1 } }));
    const third = valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'Checkout in one tap.', needs: 'Trust' }), baseVersion: 2 } }));
    expect(third.version).toBe(3);

    const history = valueOf(await sandbox.call('listVisionVersions', { as: 'developer' }));
    expect(history.map((entry) => [entry.version, entry.changed, entry.excerpt])).toEqual([
      [3, ['vision', 'needs'], 'Checkout in one tap.'],
      [1, ['productName', 'vision', 'targetGroup', 'needs', 'product', 'businessGoals'], 'Thrive Web'],
    ]);
    const versions = (await feed()).entries.filter((entry) => entry.summary.kind === 'vision-version');
    expect(versions.map((entry) => entry.summary)).toEqual([
      { kind: 'vision-version', version: 3, fields: ['vision', 'needs'] },
      { kind: 'vision-version', version: 1, fields: ['productName', 'vision', 'targetGroup', 'needs', 'product', 'businessGoals'] },
    ]);
  });

  test('a sitting is still version-checked: a stale save from the replaced version is a conflict', async () => {
    valueOf(await sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard(), baseVersion: 0 } }));
    valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'A' }), baseVersion: 1 } }));
    const [mine, stale] = await Promise.all([
      sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ vision: 'B' }), baseVersion: 2 } }),
      sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard({ vision: 'C' }), baseVersion: 2 } }),
    ]);
    expect([mine.ok, stale.ok].filter(Boolean)).toHaveLength(1);
    const late = await sandbox.call('saveVision', { as: 'admin', payload: { board: visionBoard({ vision: 'D' }), baseVersion: 2 } });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict', current: { version: 3 } } });
  });
});

describe('paging, the 30-day window and the goal filter', () => {
  test('pages of 30, newest first, each page after the cursor; nothing older than 30 days', async () => {
    await seedEntries(70, { daysAgo: (n) => (n >= 65 ? 31 : 0) });
    const first = await feed();
    expect(first.entries).toHaveLength(feedPageSize);
    const second = await feed('developer', { cursor: first.nextCursor });
    const third = await feed('developer', { cursor: second.nextCursor });
    const all = [...first.entries, ...second.entries, ...third.entries];
    expect(all.map((entry) => entry.summary)).toEqual(Array.from({ length: 65 }, (_, n) => expect.objectContaining({ title: `Seeded ${n}` })));
    expect(third.nextCursor).toBeUndefined();
  });

  test('one goal: its own entries, its items’ and its KPIs’', async () => {
    const goal = await seedGoal(sandbox, { title: 'Mine' });
    const other = await seedGoal(sandbox, { title: 'Other' });
    const item = await seedItem(sandbox, { goalId: goal.id });
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: moveOf({ itemId: item.id, lane: goal.id, column: { kind: 'horizon', horizon: 'later' } }), baseVersion: 1 } }));
    const read = await feed('developer', { goalId: goal.id });
    expect(kinds(read.entries)).toEqual(['item-moved-horizon', 'goal-added']);
    expect(read.entries.every((entry) => entry.goalId === goal.id)).toBe(true);
    expect((await feed('developer', { goalId: other.id })).entries).toHaveLength(1);
  });

  test('another project’s goal id shows nothing of that project', async () => {
    const theirs = await seedGoal(sandbox, { title: 'Mobile' }, { in: { module: 'jira:projectPage', project: 'MOB' } });
    expect((await feed('productManager', { goalId: theirs.id })).entries).toEqual([]);
  });
});

describe('following', () => {
  test('a reader follows a goal and an item; the Following filter shows only what is about them', async () => {
    const goal = await seedGoal(sandbox, { title: 'Followed' });
    const other = await seedGoal(sandbox, { title: 'Not followed' });
    const item = await seedItem(sandbox, { title: 'Followed item' });
    valueOf(await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: moveOf({ itemId: item.id, column: { kind: 'horizon', horizon: 'next' } }), baseVersion: 1 } }));
    expect(valueOf(await sandbox.call('followTarget', { as: 'developer', payload: { target: { kind: 'goal', id: goal.id } } }))).toEqual([{ kind: 'goal', id: goal.id }]);
    expect(valueOf(await sandbox.call('followTarget', { as: 'developer', payload: { target: { kind: 'item', id: item.id } } }))).toHaveLength(2);
    // Following twice is once.
    expect(valueOf(await sandbox.call('followTarget', { as: 'developer', payload: { target: { kind: 'goal', id: goal.id } } }))).toHaveLength(2);

    const following = await feed('developer', { following: true });
    expect(following.entries.map((entry) => entry.summary)).toEqual([
      expect.objectContaining({ kind: 'item-moved-horizon', title: 'Followed item' }),
      expect.objectContaining({ kind: 'goal-added', title: 'Followed' }),
    ]);
    expect(JSON.stringify(following)).not.toContain(other.id);
    expect(following.following).toHaveLength(2);
    // Someone else's list is their own.
    expect((await feed('productManager', { following: true })).entries).toEqual([]);
    expect(valueOf(await sandbox.call('getFollowing', { as: 'productManager' }))).toEqual([]);

    expect(valueOf(await sandbox.call('unfollowTarget', { as: 'developer', payload: { target: { kind: 'goal', id: goal.id } } }))).toEqual([{ kind: 'item', id: item.id }]);
    expect(valueOf(await sandbox.call('getFollowing', { as: 'developer' }))).toEqual([{ kind: 'item', id: item.id }]);
  });

  test('Following pages through many other entries with bounded reads, answering a cursor to go on', async () => {
    const goal = await seedGoal(sandbox, { title: 'Followed' });
    valueOf(await sandbox.call('followTarget', { as: 'developer', payload: { target: { kind: 'goal', id: goal.id } } }));
    // 450 newer entries about nothing followed stand before the goal's own.
    await seedEntries(450, { daysAgo: () => -1 });
    sandbox.forge.kvs.resetStats();
    const first = await feed('developer', { following: true });
    expect(sandbox.forge.kvs.stats.queries).toBeLessThanOrEqual(4);
    expect(first.entries).toEqual([]);
    expect(first.nextCursor).toBeDefined();
    const second = await feed('developer', { following: true, cursor: first.nextCursor });
    expect(second.entries.map((entry) => entry.goalId)).toEqual([goal.id]);
  });

  test('limits and refusals: at most 100, only this product’s targets, typed bad input that changes nothing', async () => {
    const goal = await seedGoal(sandbox);
    await sandbox.forge.run(() =>
      kvs.entity('follow').set(`${projectId()}.${sandbox.site.users.find((u) => u.displayName === 'Lukas Becker')!.accountId}`, {
        projectId: projectId(),
        accountId: sandbox.site.users.find((u) => u.displayName === 'Lukas Becker')!.accountId,
        targets: Array.from({ length: limits.followsPerPerson }, (_, n) => ({ kind: 'item', id: `item-${n}` })),
        version: 1,
        updatedAt: new Date().toISOString(),
      }),
    );
    expect(await sandbox.call('followTarget', { as: 'developer', payload: { target: { kind: 'goal', id: goal.id } } })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'target' } });

    const mob = await seedGoal(sandbox, {}, { in: { module: 'jira:projectPage', project: 'MOB' } });
    expect(await sandbox.call('followTarget', { as: 'productManager', payload: { target: { kind: 'goal', id: mob.id } } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await sandbox.call('followTarget', { as: 'productManager', payload: { target: { kind: 'goal', id: 'goal-missing' } } })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const before = JSON.stringify(sandbox.forge.kvs.snapshot().entities);
    for (const payload of [{ target: { kind: 'epic', id: goal.id } }, { target: { kind: 'goal', id: 'has spaces' } }, { target: 'goal' }, {}]) {
      expect(await sandbox.call('followTarget', { as: 'productManager', payload })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    for (const payload of [{ cursor: 'not-a-cursor' }, { cursor: 7 }, { following: 'yes' }, { goalId: 'a b' }]) {
      expect(await sandbox.call('getProductFeed', { as: 'developer', payload })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(JSON.stringify(sandbox.forge.kvs.snapshot().entities)).toBe(before);
  });

  test('who may: anyone who browses reads and follows; an outsider and an anonymous caller may not; an unlicensed site only reads', async () => {
    const goal = await seedGoal(sandbox);
    for (const as of ['outsider', 'anonymous'] as const) {
      expect(await sandbox.call('getProductFeed', { as, payload: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await sandbox.call('followTarget', { as, payload: { target: { kind: 'goal', id: goal.id } } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await sandbox.call('getFollowing', { as })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const inactive = { isActive: false };
    expect(await sandbox.call('getProductFeed', { as: 'developer', payload: {}, license: inactive })).toMatchObject({ ok: true });
    expect(await sandbox.call('followTarget', { as: 'developer', payload: { target: { kind: 'goal', id: goal.id } }, license: inactive })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('a change and its entry land together or not at all', () => {
  test.each([
    ['createGoal', async () => sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput() } })],
    ['saveVision', async () => sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 0 } })],
  ] as const)('%s: storage failing on the transaction leaves neither', async (_name, write) => {
    sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR', paths: ['/api/v1/transaction'] } });
    const answer = await write();
    sandbox.forge.kvs.setFaults({});
    expect(answer).toMatchObject({ ok: false, error: { code: 'storage-unavailable' } });
    expect(sandbox.forge.kvs.snapshot().entities).toEqual({});
  });

  test('an item move and a KPI health change: a failed transaction leaves the item, the series and the feed as they were', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id);
    const item = await seedItem(sandbox);
    const before = JSON.stringify(sandbox.forge.kvs.snapshot().entities);
    sandbox.forge.kvs.setFaults({ failure: { status: 500, code: 'INTERNAL_SERVER_ERROR', paths: ['/api/v1/transaction'] } });
    const moved = await sandbox.call('moveRoadmapItem', { as: 'productManager', payload: { move: moveOf({ itemId: item.id, column: { kind: 'horizon', horizon: 'later' } }), baseVersion: 1 } });
    const measured = await sandbox.call('addMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, measurement: { date: new Date().toISOString().slice(0, 10), value: 40 }, baseVersion: 0 } });
    sandbox.forge.kvs.setFaults({});
    expect([moved.ok, measured.ok]).toEqual([false, false]);
    expect(JSON.stringify(sandbox.forge.kvs.snapshot().entities)).toBe(before);
  });
});

test('an entry older than the window stays stored until its TTL, but no page shows it', async () => {
  await seedEntries(1, { daysAgo: () => 40 });
  expect((await feed()).entries).toEqual([]);
  const stored = Object.values(sandbox.forge.kvs.snapshot().entities['activity'] ?? {});
  expect(stored).toHaveLength(1);
  expect(activitySortKey('x', 'y')).toBe('x#y');
});
