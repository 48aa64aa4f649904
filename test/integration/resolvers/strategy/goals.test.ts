import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import { daysFromToday, goalInput, kpiInput, valueOf } from './builders';
import { inProject, recordsMentioning, seedGoal, seedKpi, seedMeasurements } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

const goalsNow = async () => valueOf(await sandbox.call('getStrategy', { as: 'developer' })).goals;

describe('goals', () => {
  test('a project administrator creates a goal with an owner Jira names, and everyone who browses sees it', async () => {
    const goal = await seedGoal(sandbox, { ownerAccountId: DEMO_USERS.developer, timeFrame: { kind: 'date', date: '2027-03-31' } });
    expect(goal).toMatchObject({
      title: 'Faster checkout',
      owner: { accountId: DEMO_USERS.developer, displayName: 'Lukas Becker', avatarUrl: expect.stringMatching(/^https:/) },
      status: 'on-track',
      timeFrame: { kind: 'date', date: '2027-03-31' },
      version: 1,
      kpis: [],
      epics: [],
      updated: { by: { displayName: 'Maya Okafor' } },
    });
    expect(await goalsNow()).toEqual([goal]);
  });

  test('an edit and a move answer the goal as the Goals tab shows it, its latest check-in included', async () => {
    const goal = await seedGoal(sandbox, { title: 'A' });
    const other = await seedGoal(sandbox, { title: 'B' });
    valueOf(await sandbox.call('postStatusUpdate', { as: 'productManager', payload: { target: { kind: 'goal', id: goal.id }, status: 'at-risk', text: 'Checkout is slow.' } }));
    const edited = valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'A2' }), baseVersion: 1 } }));
    expect(edited.checkIn).toMatchObject({ latest: { status: 'at-risk' }, count: 1 });
    expect((await goalsNow()).find((g) => g.id === goal.id)).toEqual(edited);
    const moved = valueOf(await sandbox.call('moveGoal', { as: 'productManager', payload: { id: goal.id, afterId: other.id, beforeId: null, baseVersion: 2 } }));
    expect((await goalsNow()).find((g) => g.id === goal.id)).toEqual(moved);
  });

  test('new goals go to the end, in rank order', async () => {
    const titles = ['One', 'Two', 'Three'];
    for (const title of titles) await seedGoal(sandbox, { title });
    const goals = await goalsNow();
    expect(goals.map((g) => g.title)).toEqual(titles);
    expect(goals.map((g) => g.rank)).toEqual([...goals.map((g) => g.rank)].sort());
  });

  test('an edit replaces the content and bumps the version; clearing the owner clears it', async () => {
    const goal = await seedGoal(sandbox, { ownerAccountId: DEMO_USERS.developer });
    const edited = valueOf(
      await sandbox.call('updateGoal', {
        as: 'admin',
        payload: { id: goal.id, goal: goalInput({ title: 'Checkout in a minute', status: 'at-risk', ownerAccountId: null }), baseVersion: 1 },
      }),
    );
    expect(edited).toMatchObject({ title: 'Checkout in a minute', status: 'at-risk', version: 2, rank: goal.rank, updated: { by: { displayName: 'Priya Raman' } } });
    expect(edited.owner).toBeUndefined();
  });

  test('archived goals come last, whatever their rank', async () => {
    const first = await seedGoal(sandbox, { title: 'First' });
    await seedGoal(sandbox, { title: 'Second' });
    valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: first.id, goal: goalInput({ title: 'First', status: 'archived' }), baseVersion: 1 } }));
    expect((await goalsNow()).map((g) => [g.title, g.status])).toEqual([
      ['Second', 'on-track'],
      ['First', 'archived'],
    ]);
  });

  describe('moving', () => {
    async function threeGoals() {
      const a = await seedGoal(sandbox, { title: 'A' });
      const b = await seedGoal(sandbox, { title: 'B' });
      const c = await seedGoal(sandbox, { title: 'C' });
      return { a, b, c };
    }

    test.each([
      ['to the top', (g: Awaited<ReturnType<typeof threeGoals>>) => ({ id: g.c.id, afterId: null, beforeId: g.a.id }), ['C', 'A', 'B']],
      ['to the end', (g: Awaited<ReturnType<typeof threeGoals>>) => ({ id: g.a.id, afterId: g.c.id, beforeId: null }), ['B', 'C', 'A']],
      ['between two others', (g: Awaited<ReturnType<typeof threeGoals>>) => ({ id: g.c.id, afterId: g.a.id, beforeId: g.b.id }), ['A', 'C', 'B']],
    ])('%s writes one record: the moved goal', async (_, move, order) => {
      const goals = await threeGoals();
      const payload = move(goals);
      sandbox.forge.kvs.resetStats();
      const moved = valueOf(await sandbox.call('moveGoal', { as: 'productManager', payload: { ...payload, baseVersion: 1 } }));
      expect(moved.version).toBe(2);
      expect(sandbox.forge.kvs.stats).toMatchObject({ transactions: 1, writes: 1 });
      expect((await goalsNow()).map((g) => g.title)).toEqual(order);
    });

    test('many moves to the same spot keep a strict order', async () => {
      const { a, b } = await threeGoals();
      let moving = await seedGoal(sandbox, { title: 'D' });
      let after = a;
      for (let i = 0; i < 12; i += 1) {
        // D goes right after A, then the goal just before B moves there, and so on.
        moving = valueOf(await sandbox.call('moveGoal', { as: 'productManager', payload: { id: moving.id, afterId: after.id, beforeId: b.id, baseVersion: moving.version } }));
        after = moving;
        moving = await seedGoal(sandbox, { title: `E${i}` });
      }
      const ranks = (await goalsNow()).map((g) => g.rank);
      expect(new Set(ranks).size).toBe(ranks.length);
      expect(ranks.slice(0, -2)).toEqual([...ranks.slice(0, -2)].sort());
    });

    test('from a stale version: a conflict with the goal as it is now', async () => {
      const { a, c } = await threeGoals();
      valueOf(await sandbox.call('updateGoal', { as: 'admin', payload: { id: a.id, goal: goalInput({ title: 'A2' }), baseVersion: 1 } }));
      const result = await sandbox.call('moveGoal', { as: 'productManager', payload: { id: a.id, afterId: c.id, beforeId: null, baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', current: { id: a.id, title: 'A2', version: 2 } } });
    });

    test('between neighbours that are no longer in that order: a conflict, nothing written', async () => {
      const { a, b, c } = await threeGoals();
      const result = await sandbox.call('moveGoal', { as: 'productManager', payload: { id: a.id, afterId: c.id, beforeId: b.id, baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/reordered/), current: { id: a.id, version: 1 } } });
      expect((await goalsNow()).map((g) => g.title)).toEqual(['A', 'B', 'C']);
    });

    test('next to itself is invalid', async () => {
      const { a, b } = await threeGoals();
      const result = await sandbox.call('moveGoal', { as: 'productManager', payload: { id: a.id, afterId: a.id, beforeId: b.id, baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'afterId' } });
    });
  });

  describe('two people editing', () => {
    test('the second edit from the same version gets a conflict carrying the first, which stays', async () => {
      const goal = await seedGoal(sandbox);
      valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'Mine' }), baseVersion: 1 } }));
      const second = await sandbox.call('updateGoal', { as: 'admin', payload: { id: goal.id, goal: goalInput({ title: 'Theirs' }), baseVersion: 1 } });
      expect(second).toEqual({
        ok: false,
        error: { code: 'conflict', message: expect.any(String), current: expect.objectContaining({ title: 'Mine', version: 2 }) },
      });
      expect((await goalsNow())[0]?.title).toBe('Mine');
    });

    test('two edits racing from the same version: exactly one lands', async () => {
      const goal = await seedGoal(sandbox);
      const results = await Promise.all(
        ['Mine', 'Theirs'].map((title) => sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title }), baseVersion: 1 } })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'conflict' }) })]);
      expect((await goalsNow())[0]?.version).toBe(2);
    });
  });

  describe('limits', () => {
    test('a product holds at most 50 goals', async () => {
      for (let i = 0; i < 50; i += 1) await seedGoal(sandbox, { title: `Goal ${i}` });
      const result = await sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput() } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/at most 50 goals/) } });
      expect(await goalsNow()).toHaveLength(50);
    });

    test('the limit holds when the last places are taken concurrently', async () => {
      for (let i = 0; i < 48; i += 1) await seedGoal(sandbox, { title: `Goal ${i}` });
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput({ title: `Late ${i}` }) } })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(2);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['invalid', 'invalid', 'invalid']);
      expect(await goalsNow()).toHaveLength(50);
    });
  });

  describe('bad input, each next to its field', () => {
    test.each([
      ['an empty title', { title: ' ' }, 'goal.title', /title/],
      ['a title over 120 characters', { title: 'x'.repeat(121) }, 'goal.title', /120 characters/],
      ['a description over 2,000 characters', { description: 'x'.repeat(2001) }, 'goal.description', /2,000 characters/],
      ['an unknown status', { status: 'green' }, 'goal.status', /on track, at risk/],
      ['a quarter 5', { timeFrame: { kind: 'quarter', year: 2027, quarter: 5 } }, 'goal.timeFrame.quarter', /quarter from 1 to 4/],
      ['a date that does not exist', { timeFrame: { kind: 'date', date: '2027-02-30' } }, 'goal.timeFrame.date', /real date/],
      ['a date in another format', { timeFrame: { kind: 'date', date: '31/03/2027' } }, 'goal.timeFrame.date', /YYYY-MM-DD/],
      ['an unknown time frame', { timeFrame: { kind: 'someday' } }, 'goal.timeFrame.kind', /time frame/],
    ])('%s', async (_, override, field, message) => {
      const result = await sandbox.call('createGoal', { as: 'productManager', payload: { goal: { ...goalInput(), ...override } } });
      expect(result).toEqual({ ok: false, error: { code: 'invalid', field, message: expect.stringMatching(message) } });
    });

    test('an owner Jira does not know', async () => {
      const result = await sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput({ ownerAccountId: '712020:not-a-person' }) } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'goal.ownerAccountId' } });
      expect(await goalsNow()).toEqual([]);
    });

    test('an id the app never issued', async () => {
      const result = await sandbox.call('updateGoal', { as: 'productManager', payload: { id: '../goal/x', goal: goalInput(), baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } });
    });
  });

  describe('deleting', () => {
    test('removes the goal with its KPIs and their measurements, in one transaction', async () => {
      const goal = await seedGoal(sandbox);
      const kpis = [await seedKpi(sandbox, goal.id, { name: 'One' }), await seedKpi(sandbox, goal.id, { name: 'Two' })];
      await seedMeasurements(sandbox, kpis[0]?.id ?? '', [{ date: daysFromToday(-2), value: 25 }, { value: 27 }]);
      await seedMeasurements(sandbox, kpis[1]?.id ?? '', [{ value: 31 }]);
      const other = await seedGoal(sandbox, { title: 'Keep me' });

      sandbox.forge.kvs.resetStats();
      const deleted = valueOf(await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: goal.id, baseVersion: 1 } }));
      expect(deleted).toEqual({ id: goal.id, kpis: 2, measurements: 3 });
      expect(sandbox.forge.kvs.stats.transactions).toBe(1);
      // Only the feed's log still tells of the goal (added, then deleted, the latter in the same transaction).
      const outsideLog = (id: string) => recordsMentioning(sandbox, id).filter((key) => !key.startsWith('activity/'));
      for (const id of [goal.id, ...kpis.map((k) => k.id)]) expect(outsideLog(id)).toEqual([]);
      const log = Object.values(sandbox.forge.kvs.snapshot().entities['activity'] ?? {}).map((record) => record.value as { goalId?: string; summary: { kind: string; how?: string } });
      const ofGoal = log.filter((entry) => entry.goalId === goal.id && entry.summary.kind.startsWith('goal-'));
      expect(ofGoal.map((entry) => entry.summary.how ?? entry.summary.kind).sort()).toEqual(['deleted', 'goal-added']);
      expect((await goalsNow()).map((g) => g.id)).toEqual([other.id]);
    });

    test('frees its place under the 50-goal limit and takes its KPIs out of the count', async () => {
      for (let i = 0; i < 50; i += 1) await seedGoal(sandbox, { title: `Goal ${i}` });
      const [first] = await goalsNow();
      valueOf(await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: first?.id ?? '', baseVersion: 1 } }));
      valueOf(await sandbox.call('createGoal', { as: 'productManager', payload: { goal: goalInput() } }));
    });

    test('refuses, deleting nothing, when everything under it does not fit one transaction, and suggests archiving', async () => {
      const goal = await seedGoal(sandbox);
      // 8 KPIs with a measurement each: 2 + 8 × 3 operations, over Forge's 25.
      for (let i = 0; i < 8; i += 1) {
        const kpi = await seedKpi(sandbox, goal.id, { name: `KPI ${i}` });
        await seedMeasurements(sandbox, kpi.id, [{ value: 30 + i }]);
      }
      const before = sandbox.forge.kvs.snapshot();
      const result = await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: goal.id, baseVersion: 1 } });
      expect(result).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/8 KPIs with 8 measurements.*Archive the goal instead/) } });
      expect(sandbox.forge.kvs.snapshot()).toEqual(before);
    });

    test('from a stale version: a conflict, and the goal stays', async () => {
      const goal = await seedGoal(sandbox);
      valueOf(await sandbox.call('updateGoal', { as: 'admin', payload: { id: goal.id, goal: goalInput({ title: 'Changed' }), baseVersion: 1 } }));
      const result = await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: goal.id, baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect((await goalsNow()).map((g) => g.title)).toEqual(['Changed']);
    });

    test('a KPI cannot be added to a goal once it is deleted', async () => {
      const goal = await seedGoal(sandbox);
      valueOf(await sandbox.call('deleteGoal', { as: 'productManager', payload: { id: goal.id, baseVersion: 1 } }));
      const result = await sandbox.call('createKpi', { as: 'productManager', payload: { goalId: goal.id, kpi: kpiInput() } });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });

    test('a KPI added while the goal is being deleted is deleted with it or refused, never left behind', async () => {
      const goal = await seedGoal(sandbox);
      const [deleted, created] = await Promise.all([
        sandbox.call('deleteGoal', { as: 'productManager', payload: { id: goal.id, baseVersion: 1 } }),
        sandbox.call('createKpi', { as: 'admin', payload: { goalId: goal.id, kpi: kpiInput() } }),
      ]);
      expect(deleted.ok).toBe(true);
      if (created.ok) expect(recordsMentioning(sandbox, created.value.id)).toEqual([]);
      else expect(created.error.code).toBe('not-found');
      expect(sandbox.forge.kvs.snapshot().entities.kpi ?? {}).toEqual({});
    });
  });

  describe('refuses', () => {
    test.each([
      ['createGoal', () => ({ goal: goalInput() })],
      ['updateGoal', (id: string) => ({ id, goal: goalInput(), baseVersion: 1 })],
      ['moveGoal', (id: string) => ({ id, afterId: null, beforeId: null, baseVersion: 1 })],
      ['deleteGoal', (id: string) => ({ id, baseVersion: 1 })],
    ] as const)('%s by a developer under the default rule, and lets them once issue editors may edit', async (call, payload) => {
      const goal = await seedGoal(sandbox);
      const refused = await sandbox.call(call, { as: 'developer', payload: payload(goal.id) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await sandbox.setEditRule('issue-editors');
      const allowed = await sandbox.call(call, { as: 'developer', payload: payload(goal.id) });
      expect(allowed.ok).toBe(true);
    });

    test.each(['outsider', 'anonymous'] as const)('the %s, to read or write', async (actor) => {
      const goal = await seedGoal(sandbox);
      expect(await sandbox.call('getStrategy', { as: actor })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await sandbox.call('updateGoal', { as: actor, payload: { id: goal.id, goal: goalInput(), baseVersion: 1 } })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    test('another project’s goal named in the payload: not found, never touched, never shown', async () => {
      const mobile = await seedGoal(sandbox, { title: 'Mobile goal' }, { in: inProject('MOB') });
      const attempts = [
        sandbox.call('updateGoal', { as: 'productManager', payload: { id: mobile.id, goal: goalInput({ title: 'Hijacked' }), baseVersion: 1 } }),
        sandbox.call('moveGoal', { as: 'productManager', payload: { id: mobile.id, afterId: null, beforeId: null, baseVersion: 1 } }),
        sandbox.call('deleteGoal', { as: 'productManager', payload: { id: mobile.id, baseVersion: 1 } }),
        sandbox.call('createKpi', { as: 'productManager', payload: { goalId: mobile.id, kpi: kpiInput() } }),
      ];
      for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await goalsNow()).toEqual([]);
      const inMobile = valueOf(await sandbox.call('getStrategy', { as: 'productManager', in: inProject('MOB') })).goals;
      expect(inMobile).toEqual([expect.objectContaining({ id: mobile.id, title: 'Mobile goal', version: 1, kpis: [] })]);
    });

    test('a neighbour from another project in a move', async () => {
      const mine = await seedGoal(sandbox);
      const mobile = await seedGoal(sandbox, {}, { in: inProject('MOB') });
      const result = await sandbox.call('moveGoal', { as: 'productManager', payload: { id: mine.id, afterId: mobile.id, beforeId: null, baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });
  });
});

describe('versions out of range', () => {
  test.each([2 ** 31, Number.MAX_SAFE_INTEGER])('a baseVersion of %d is refused as invalid and changes nothing', async (baseVersion) => {
    const goal = await seedGoal(sandbox, { title: 'Keep me' });
    const before = sandbox.forge.kvs.snapshot();
    const reply = await sandbox.call('updateGoal', { as: 'productManager', payload: { id: goal.id, goal: goalInput({ title: 'Changed' }), baseVersion } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', field: 'baseVersion' } });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });
});

