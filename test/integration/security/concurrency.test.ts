/**
 * Issue 9, "no lost update": many editors writing the same records at once, with storage and Jira
 * latency armed so the calls really interleave (every storage request waits, Jira answers after a
 * random delay). Every call must be applied or refused as a `conflict` (or, for creates past the
 * limit, `invalid`), nothing else; and what is stored afterwards must be exactly what the applied
 * calls wrote: version = start + applied, content = the applied call with the highest version,
 * counts = records, ranks all distinct. Interleavings (start delays, which version each editor
 * writes from, retries after a conflict) come from fast-check; the seed is printed on failure
 * (re-run one with CONCURRENCY_SEED=<seed>; CONCURRENCY_RUNS=<n> for more interleavings than the default 2).
 */
import fc from 'fast-check';
import { createSandbox } from '../harness';
import type { Actor, ModuleContext, Sandbox } from '../harness';
import { goalInput, itemInput, kpiInput } from './kit';
import { createItem } from '../../../src/adapters/storage/roadmap-store';
import { initialRanks } from '../../../src/domain/rank';
import { limits } from '../../../src/validation/limits';

const seed = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 2 ** 31);
const runs = { numRuns: Number(process.env.CONCURRENCY_RUNS ?? 2), seed, endOnFailure: true };
/** What each scenario saw, printed at the end: calls, applied, conflicts, limit refusals. */
const figures: Record<string, { calls: number; applied: number; conflict: number; invalid: number; notFound: number }> = {};

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; current?: unknown } };

function tally(scenario: string, answers: readonly Answer[]): void {
  const row = (figures[scenario] ??= { calls: 0, applied: 0, conflict: 0, invalid: 0, notFound: 0 });
  for (const answer of answers) {
    row.calls += 1;
    if (answer.ok) row.applied += 1;
    else if (answer.error.code === 'conflict') row.conflict += 1;
    else if (answer.error.code === 'invalid') row.invalid += 1;
    else if (answer.error.code === 'not-found') row.notFound += 1;
  }
}

/** Every answer is applied or one of the refusals allowed here; anything else fails with the answer shown. */
function expectOnly(answers: readonly Answer[], allowed: readonly string[] = ['conflict']): void {
  const unexpected = answers.filter((answer) => !answer.ok && !allowed.includes(answer.error.code));
  expect(unexpected).toEqual([]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function armLatency(sandbox: Sandbox): void {
  sandbox.forge.kvs.setFaults({ latencyMs: 2 });
  sandbox.jira.setFaults({ latency: { minMs: 0, maxMs: 12 } });
}

function disarm(sandbox: Sandbox): void {
  sandbox.forge.kvs.setFaults({});
  sandbox.jira.setFaults({});
}

function value<T>(answer: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!answer.ok) throw new Error(`Expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/**
 * How one editor writes: after `delayMs`, from the version they opened (`stale`) or the newest one
 * any editor has seen applied so far (`latest`); `retry` editors write once more after a conflict,
 * from the version the conflict showed them.
 */
const editorPlan = fc.record({ delayMs: fc.integer({ min: 0, max: 400 }), base: fc.constantFrom('stale', 'latest'), retry: fc.boolean() });
type EditorPlan = { delayMs: number; base: 'stale' | 'latest'; retry: boolean };
const fiftyEditors = fc.array(editorPlan, { minLength: 50, maxLength: 50 });

/**
 * Runs the editors at once. `write(i, base)` is editor i's call; `versionOf` reads the version from
 * an applied answer or from a conflict's `current`. Returns every answer with the payload index.
 */
async function editConcurrently(
  plans: readonly EditorPlan[],
  start: number,
  write: (index: number, baseVersion: number) => Promise<Answer>,
  versionOf: (shown: unknown) => number | undefined,
): Promise<Array<{ index: number; answer: Answer }>> {
  let latest = start;
  const results: Array<{ index: number; answer: Answer }> = [];
  const seen = (answer: Answer) => {
    const shown = answer.ok ? answer.value : answer.error.current;
    const version = shown === undefined ? undefined : versionOf(shown);
    if (answer.ok && version !== undefined) latest = Math.max(latest, version);
    return version;
  };
  await Promise.all(
    plans.map(async (plan, index) => {
      await sleep(plan.delayMs);
      const base = plan.base === 'stale' ? start : latest;
      const first = await write(index, base);
      results.push({ index, answer: first });
      const shownVersion = seen(first);
      expectProgress(first, base, shownVersion);
      if (!first.ok && plan.retry && shownVersion !== undefined) {
        const second = await write(index + plans.length, shownVersion);
        expectProgress(second, shownVersion, seen(second));
        results.push({ index: index + plans.length, answer: second });
      }
    }),
  );
  return results;
}

/**
 * An applied write answers the version after the one it wrote from; a conflict shows the record as it
 * is now, at another version than the editor sent, so applying the change again can succeed.
 */
function expectProgress(answer: Answer, base: number, shown: number | undefined): void {
  if (answer.ok) expect(shown).toBe(base + 1);
  else if (answer.error.current !== undefined) expect(shown).not.toBe(base);
}

/** The applied versions are start+1 … start+n, each once: no two calls applied over the same version. */
function expectContiguous(applied: readonly number[], start: number): void {
  expect([...applied].sort((a, b) => a - b)).toEqual(applied.map((_, i) => start + 1 + i));
}

function entitiesOf(sandbox: Sandbox, name: string): Record<string, Record<string, unknown>> {
  const table = sandbox.forge.kvs.snapshot().entities[name] ?? {};
  return Object.fromEntries(Object.entries(table).map(([key, stored]) => [key, stored.value as Record<string, unknown>]));
}

function recordsOfProject(sandbox: Sandbox, name: string, projectId: string): Array<Record<string, unknown> & { id: string }> {
  return Object.entries(entitiesOf(sandbox, name))
    .filter(([, record]) => record.projectId === projectId)
    .map(([id, record]) => ({ ...record, id }));
}

/**
 * What must hold in storage whatever interleaved: the counts the limits rely on equal the records,
 * no KPI without its goal or series (nor the reverse), no chunk outside its series, each series
 * counts exactly the measurements its chunks hold, and no two goals or items of a project share a rank.
 */
function expectConsistent(sandbox: Sandbox, projectKey: string): void {
  const projectId = sandbox.project(projectKey).id;
  const goals = recordsOfProject(sandbox, 'goal', projectId);
  const kpis = recordsOfProject(sandbox, 'kpi', projectId);
  const series = recordsOfProject(sandbox, 'kpi-series', projectId);
  const chunks = recordsOfProject(sandbox, 'measurement-chunk', projectId);
  const items = recordsOfProject(sandbox, 'roadmap-item', projectId);
  const product = entitiesOf(sandbox, 'product')[projectId] as { goalCount: number; kpiCounts: Record<string, number> } | undefined;
  expect(product?.goalCount ?? 0).toBe(goals.length);
  expect(Object.keys(product?.kpiCounts ?? {}).sort()).toEqual(goals.map((goal) => goal.id).sort());
  for (const goal of goals) expect([goal.id, product?.kpiCounts[goal.id]]).toEqual([goal.id, kpis.filter((kpi) => kpi.goalId === goal.id).length]);
  expect(kpis.filter((kpi) => !goals.some((goal) => goal.id === kpi.goalId))).toEqual([]);
  expect(series.map((head) => head.id).sort()).toEqual(kpis.map((kpi) => kpi.id).sort());
  for (const head of series as Array<{ id: string; chunks: number; count: number }>) {
    const own = chunks.filter((chunk) => chunk.kpiId === head.id) as unknown as Array<{ chunk: number; measurements: unknown[] }>;
    expect(own.every((chunk) => chunk.chunk < head.chunks)).toBe(true);
    expect(own.reduce((sum, chunk) => sum + chunk.measurements.length, 0)).toBe(head.count);
  }
  expect(chunks.filter((chunk) => !series.some((head) => head.id === chunk.kpiId))).toEqual([]);
  const setup = entitiesOf(sandbox, 'roadmap-setup')[projectId] as { itemCount: number } | undefined;
  expect(setup?.itemCount ?? 0).toBe(items.length);
  expectDistinctRanks(goals.map((goal) => goal.rank as string));
  expectDistinctRanks(items.map((item) => item.rank as string));
}

const pm = 'productManager' as const;
const thr: ModuleContext = { module: 'jira:projectPage', project: 'THR' };
const mob: ModuleContext = { module: 'jira:projectPage', project: 'MOB' };
const call = (sandbox: Sandbox, as: Actor, where: ModuleContext) => ({ as, in: where });

afterAll(() => {
  const lines = Object.entries(figures).map(([scenario, row]) => `${scenario}: ${row.calls} calls, ${row.applied} applied, ${row.conflict} conflict, ${row.invalid} invalid (limit), ${row.notFound} not-found`);
  console.log(`Concurrency figures (seed ${seed}):\n${lines.join('\n')}`);
});

describe('50 concurrent edits of one record: each applied or conflict, the final state is the applied ones', () => {
  test('one goal: edits and moves mixed', async () => {
    const sandbox = createSandbox();
    const anchor = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: { ...goalInput, title: 'Anchor' } } }));
    await fc.assert(
      fc.asyncProperty(fiftyEditors, async (plans) => {
        disarm(sandbox);
        const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
        // Every fourth editor moves the goal (above or below the anchor) instead of editing it.
        const moves = (index: number) => index % 4 === 0;
        armLatency(sandbox);
        const results = await editConcurrently(
          plans,
          goal.version,
          (index, baseVersion) =>
            (moves(index)
              ? sandbox.call('moveGoal', {
                  ...call(sandbox, pm, thr),
                  payload: { id: goal.id, afterId: index % 8 === 0 ? anchor.id : null, beforeId: index % 8 === 0 ? null : anchor.id, baseVersion },
                })
              : sandbox.call('updateGoal', { ...call(sandbox, pm, thr), payload: { id: goal.id, goal: { ...goalInput, title: `Edit ${index}` }, baseVersion } })) as Promise<Answer>,
          (shown) => (shown as { version: number }).version,
        );
        disarm(sandbox);
        const answers = results.map((result) => result.answer);
        tally('goal edits and moves', answers);
        expectOnly(answers);
        const applied = results.flatMap(({ index, answer }) => (answer.ok ? [{ index, view: answer.value as { version: number; rank: string; title: string } }] : []));
        expect(applied.length).toBeGreaterThan(0);
        expectContiguous(applied.map((a) => a.view.version), goal.version);
        const stored = entitiesOf(sandbox, 'goal')[goal.id] as { version: number; title: string; rank: string };
        const byVersion = [...applied].sort((a, b) => a.view.version - b.view.version);
        const lastEdit = byVersion.filter((a) => !moves(a.index)).at(-1);
        const lastMove = byVersion.filter((a) => moves(a.index)).at(-1);
        expect(stored.version).toBe(goal.version + applied.length);
        expect(stored.title).toBe(lastEdit ? `Edit ${lastEdit.index}` : goalInput.title);
        expect(stored.rank).toBe(lastMove ? lastMove.view.rank : goal.rank);
        expect(byVersion.at(-1)!.view).toMatchObject({ title: stored.title, rank: stored.rank });
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);

  test('one roadmap item: edits and moves mixed', async () => {
    const sandbox = createSandbox();
    await fc.assert(
      fc.asyncProperty(fiftyEditors, async (plans) => {
        disarm(sandbox);
        const item = value(await sandbox.call('createRoadmapItem', { ...call(sandbox, pm, thr), payload: { item: itemInput } }));
        // Every fourth editor drags the item to the Now column instead of editing it.
        const moves = (index: number) => index % 4 === 0;
        const horizonOf = (index: number) => (moves(index) ? 'now' : index % 2 === 0 ? 'next' : 'later');
        armLatency(sandbox);
        const results = await editConcurrently(
          plans,
          item.version,
          (index, baseVersion) =>
            (moves(index)
              ? sandbox.call('moveRoadmapItem', {
                  ...call(sandbox, pm, thr),
                  payload: { move: { itemId: item.id, lane: 'none', column: { kind: 'horizon', horizon: 'now' }, afterId: null, beforeId: null }, baseVersion },
                })
              : sandbox.call('updateRoadmapItem', {
                  ...call(sandbox, pm, thr),
                  payload: { id: item.id, item: { ...itemInput, title: `Edit ${index}`, horizon: horizonOf(index) }, baseVersion },
                })) as Promise<Answer>,
          (shown) => (shown as { version: number }).version,
        );
        disarm(sandbox);
        const answers = results.map((result) => result.answer);
        tally('item edits and moves', answers);
        expectOnly(answers);
        const applied = results.flatMap(({ index, answer }) => (answer.ok ? [{ index, view: answer.value as { version: number; rank: string; title: string; horizon: string } }] : []));
        expectContiguous(applied.map((a) => a.view.version), item.version);
        const stored = entitiesOf(sandbox, 'roadmap-item')[item.id] as { version: number; title: string; horizon: string; rank: string };
        const byVersion = [...applied].sort((a, b) => a.view.version - b.view.version);
        const lastEdit = byVersion.filter((a) => !moves(a.index)).at(-1);
        const lastMove = byVersion.filter((a) => moves(a.index)).at(-1);
        const newest = byVersion.at(-1)!;
        expect(stored).toMatchObject({
          version: item.version + applied.length,
          title: lastEdit ? `Edit ${lastEdit.index}` : itemInput.title,
          horizon: horizonOf(newest.index),
          rank: lastMove ? lastMove.view.rank : item.rank,
        });
        expect(newest.view).toMatchObject({ title: stored.title, horizon: stored.horizon, rank: stored.rank });
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);

  test('one vision: every applied save gets the next version number, and the history keeps one version per sitting', async () => {
    const sandbox = createSandbox();
    const board = { productName: 'Checkout', vision: '', targetGroup: '', needs: '', product: '', businessGoals: '' };
    await fc.assert(
      fc.asyncProperty(fiftyEditors, async (plans) => {
        disarm(sandbox);
        if (value(await sandbox.call('getStrategy', call(sandbox, pm, thr))).vision.version === 0) {
          value(await sandbox.call('saveVision', { ...call(sandbox, pm, thr), payload: { board: { ...board, vision: 'First' }, baseVersion: 0 } }));
        }
        const strategy = value(await sandbox.call('getStrategy', call(sandbox, pm, thr)));
        const start = strategy.vision.version;
        // Every fifth editor restores the first version instead of saving: a restore is a save too.
        const restores = (index: number) => index % 5 === 0;
        const visionOf = (index: number) => (restores(index) ? 'First' : `Vision ${start}.${index}`);
        armLatency(sandbox);
        const results = await editConcurrently(
          plans,
          start,
          (index, baseVersion) =>
            (restores(index)
              ? sandbox.call('restoreVisionVersion', { ...call(sandbox, pm, thr), payload: { version: 1, baseVersion } })
              : sandbox.call('saveVision', { ...call(sandbox, pm, thr), payload: { board: { ...board, vision: visionOf(index) }, baseVersion } })) as Promise<Answer>,
          (shown) => (shown as { version: number }).version,
        );
        disarm(sandbox);
        const answers = results.map((result) => result.answer);
        tally('vision saves and restores', answers);
        expectOnly(answers);
        const applied = results.flatMap(({ index, answer }) => (answer.ok ? [{ index, version: (answer.value as { version: number }).version }] : []));
        expectContiguous(applied.map((a) => a.version), start);
        const history = value(await sandbox.call('listVisionVersions', call(sandbox, pm, thr)));
        const numbers = history.map((entry) => entry.version);
        expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => b - a));
        expect(numbers[0]).toBe(start + applied.length);
        // One person saving within minutes is one sitting: a save replaces the version it was made
        // from, unless either is a restore (src/domain/vision-changes.ts). So an applied version
        // stays exactly when it is the newest, a restore, or the base of a restore.
        const restoreAt = new Set(applied.filter(({ index }) => restores(index)).map(({ version }) => version));
        const newestVersion = start + applied.length;
        for (const { index, version } of applied) {
          const kept = version === newestVersion || restoreAt.has(version) || restoreAt.has(version + 1);
          expect({ version, vision: history.find((entry) => entry.version === version)?.vision }).toEqual({ version, vision: kept ? visionOf(index) : undefined });
        }
        const now = value(await sandbox.call('getStrategy', call(sandbox, pm, thr)));
        const newest = applied.reduce((a, b) => (b.version > a.version ? b : a));
        expect(now.vision).toMatchObject({ version: start + applied.length, board: { vision: visionOf(newest.index) } });
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);
});

test('concurrent measurement adds on one KPI: the series holds exactly the applied ones', async () => {
  const sandbox = createSandbox();
  const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
  const kpi = value(await sandbox.call('createKpi', { ...call(sandbox, pm, thr), payload: { goalId: goal.id, kpi: kpiInput } }));
  await fc.assert(
    fc.asyncProperty(fc.array(editorPlan, { minLength: 30, maxLength: 30 }), async (plans) => {
      disarm(sandbox);
      const before = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } }));
      armLatency(sandbox);
      const valueOf = (index: number) => before.seriesVersion * 1000 + index;
      const results = await editConcurrently(
        plans,
        before.seriesVersion,
        (index, baseVersion) =>
          sandbox.call('addMeasurement', { ...call(sandbox, pm, thr), payload: { kpiId: kpi.id, measurement: { date: '2026-11-01', value: valueOf(index) }, baseVersion } }) as Promise<Answer>,
        (shown) => (shown as { seriesVersion: number }).seriesVersion,
      );
      disarm(sandbox);
      const answers = results.map((result) => result.answer);
      tally('measurement adds', answers);
      expectOnly(answers);
      const applied = results.filter(({ answer }) => answer.ok);
      expectContiguous(applied.map(({ answer }) => (answer.ok ? (answer.value as { seriesVersion: number }).seriesVersion : 0)), before.seriesVersion);
      const after = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } }));
      expect(after.seriesVersion).toBe(before.seriesVersion + applied.length);
      const added = after.measurements.map((m) => m.value).filter((v) => !before.measurements.some((m) => m.value === v));
      expect(added.sort((a, b) => a - b)).toEqual(applied.map(({ index }) => valueOf(index)).sort((a, b) => a - b));
      expect(after.measurements).toHaveLength(before.measurements.length + applied.length);
      const head = entitiesOf(sandbox, 'kpi-series')[kpi.id] as { count: number };
      expect(head.count).toBe(after.measurements.length);
      expectConsistent(sandbox, 'THR');
    }),
    runs,
  );
}, 30_000);

test('concurrent lane setup saves: each applied or conflict, the lanes are the newest applied save', async () => {
  const sandbox = createSandbox();
  await fc.assert(
    fc.asyncProperty(fc.array(fc.record({ plan: editorPlan, keepLanes: fc.boolean() }), { minLength: 30, maxLength: 30 }), async (editors) => {
      disarm(sandbox);
      const roadmap = value(await sandbox.call('getRoadmap', { ...call(sandbox, pm, mob), payload: {} }));
      const opened = ((entitiesOf(sandbox, 'settings')[`lanes.${sandbox.project('MOB').id}`]?.lanes ?? []) as Array<{ id: string; name: string }>);
      armLatency(sandbox);
      // Some editors who write from the version they opened keep its lanes and add one; the others (retries too) replace them all.
      const lanesOf = (index: number) => [
        ...(editors[index]?.keepLanes && editors[index]?.plan.base === 'stale' ? opened.map((lane) => ({ id: lane.id, name: lane.name })) : []),
        { id: null, name: `Lane ${roadmap.setupVersion}.${index}` },
      ];
      const results = await editConcurrently(
        editors.map((editor) => editor.plan),
        roadmap.setupVersion,
        (index, baseVersion) => sandbox.call('saveLaneSetup', { ...call(sandbox, pm, mob), payload: { mode: 'custom', lanes: lanesOf(index), baseVersion } }) as Promise<Answer>,
        (shown) => (shown as { setupVersion: number }).setupVersion,
      );
      disarm(sandbox);
      const answers = results.map((result) => result.answer);
      tally('lane setup saves', answers);
      expectOnly(answers);
      const applied = results.flatMap(({ index, answer }) => (answer.ok ? [{ index, version: (answer.value as { setupVersion: number }).setupVersion }] : []));
      expectContiguous(applied.map((a) => a.version), roadmap.setupVersion);
      const stored = entitiesOf(sandbox, 'settings')[`lanes.${sandbox.project('MOB').id}`] as { version: number; lanes: Array<{ name: string }> };
      const newest = applied.reduce((a, b) => (b.version > a.version ? b : a));
      expect(stored.version).toBe(roadmap.setupVersion + applied.length);
      expect(stored.lanes.map((lane) => lane.name)).toEqual(lanesOf(newest.index).map((lane) => lane.name));
    }),
    runs,
  );
}, 30_000);

test('a lane save from an older version that names a lane deleted since is a conflict showing the lanes now, not invalid', async () => {
  const sandbox = createSandbox();
  const first = value(await sandbox.call('saveLaneSetup', { ...call(sandbox, pm, mob), payload: { mode: 'custom', lanes: [{ id: null, name: 'Payments' }], baseVersion: 0 } }));
  const payments = first.lanes[0]!;
  const second = value(await sandbox.call('saveLaneSetup', { ...call(sandbox, pm, mob), payload: { mode: 'custom', lanes: [{ id: null, name: 'Growth' }], baseVersion: first.setupVersion } }));
  const stale = await sandbox.call('saveLaneSetup', {
    ...call(sandbox, pm, mob),
    payload: { mode: 'custom', lanes: [{ id: payments.id, name: 'Payments and billing' }], baseVersion: first.setupVersion },
  });
  expect(stale).toEqual({ ok: false, error: { code: 'conflict', message: expect.any(String), current: second } });
});

/** The ranks in the order storage lists them, each once: a tie would leave no room for a later move between the two. */
function expectDistinctRanks(ranks: readonly string[]): void {
  expect(new Set(ranks).size).toBe(ranks.length);
}

describe('concurrent creates up to the limits: the counts in the product and roadmap setup equal the records', () => {
  test('goals: 60 at once, then one by one until the limit; product.goalCount = goal records = 50, ranks distinct', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('MOB').id;
    armLatency(sandbox);
    const answers = (await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await sleep((i * 7) % 50);
        return sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: { ...goalInput, title: `Goal ${i}` } } });
      }),
    )) as Answer[];
    disarm(sandbox);
    tally('goal creates (60 at once)', answers);
    expectOnly(answers, ['conflict', 'invalid']);
    const product = () => entitiesOf(sandbox, 'product')[projectId] as { goalCount: number; kpiCounts: Record<string, number> };
    const goals = () => recordsOfProject(sandbox, 'goal', projectId);
    expect(product().goalCount).toBe(goals().length);
    expect(goals().length).toBe(answers.filter((a) => a.ok).length);
    expect(Object.keys(product().kpiCounts).sort()).toEqual(goals().map((g) => g.id).sort());
    while (goals().length < 45) value(await sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: goalInput } }));
    // Near the limit: 20 more at once, of which at most 5 may land.
    armLatency(sandbox);
    const nearLimit = (await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await sleep((i * 7) % 40);
        return sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: { ...goalInput, title: `Late goal ${i}` } } });
      }),
    )) as Answer[];
    disarm(sandbox);
    tally('goal creates (20 at once from 45)', nearLimit);
    expectOnly(nearLimit, ['conflict', 'invalid']);
    expect(goals().length).toBe(45 + nearLimit.filter((a) => a.ok).length);
    expect(product().goalCount).toBe(goals().length);
    while (goals().length < 50) value(await sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: goalInput } }));
    expect(await sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: goalInput } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(goals()).toHaveLength(50);
    expect(product().goalCount).toBe(50);
    expectDistinctRanks(goals().map((goal) => goal.rank as string));
    expectConsistent(sandbox, 'MOB');
  }, 30_000);

  test('KPIs: 25 at once on one goal; the goal’s KPI count = KPI records, never past 20, each with its series', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('MOB').id;
    const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: goalInput } }));
    armLatency(sandbox);
    const answers = (await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        await sleep((i * 11) % 60);
        return sandbox.call('createKpi', { ...call(sandbox, pm, mob), payload: { goalId: goal.id, kpi: { ...kpiInput, name: `KPI ${i}` } } });
      }),
    )) as Answer[];
    disarm(sandbox);
    tally('KPI creates (25 at once)', answers);
    expectOnly(answers, ['conflict', 'invalid']);
    const kpis = recordsOfProject(sandbox, 'kpi', projectId).filter((kpi) => kpi.goalId === goal.id);
    const product = entitiesOf(sandbox, 'product')[projectId] as { kpiCounts: Record<string, number> };
    expect(kpis.length).toBe(answers.filter((a) => a.ok).length);
    expect(product.kpiCounts[goal.id]).toBe(kpis.length);
    expect(kpis.length).toBeLessThanOrEqual(20);
    const series = entitiesOf(sandbox, 'kpi-series');
    for (const kpi of kpis) expect(series[kpi.id]).toMatchObject({ kpiId: kpi.id, goalId: goal.id });
    expectConsistent(sandbox, 'MOB');
    for (let i = kpis.length; i < 20; i += 1) value(await sandbox.call('createKpi', { ...call(sandbox, pm, mob), payload: { goalId: goal.id, kpi: kpiInput } }));
    expect(await sandbox.call('createKpi', { ...call(sandbox, pm, mob), payload: { goalId: goal.id, kpi: kpiInput } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect((entitiesOf(sandbox, 'product')[projectId] as { kpiCounts: Record<string, number> }).kpiCounts[goal.id]).toBe(20);
    expect(recordsOfProject(sandbox, 'kpi', projectId).filter((kpi) => kpi.goalId === goal.id)).toHaveLength(20);
  }, 30_000);

  test('roadmap items: 40 at once; the setup’s item count = item records, ranks distinct', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('MOB').id;
    armLatency(sandbox);
    const answers = (await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await sleep((i * 13) % 80);
        return sandbox.call('createRoadmapItem', { ...call(sandbox, pm, mob), payload: { item: { ...itemInput, title: `Item ${i}` } } });
      }),
    )) as Answer[];
    disarm(sandbox);
    tally('item creates (40 at once)', answers);
    expectOnly(answers, ['conflict']);
    const items = recordsOfProject(sandbox, 'roadmap-item', projectId);
    expect(items.length).toBe(answers.filter((a) => a.ok).length);
    expect((entitiesOf(sandbox, 'roadmap-setup')[projectId] as { itemCount: number }).itemCount).toBe(items.length);
    expectConsistent(sandbox, 'MOB');
  }, 30_000);
});

test('roadmap items near the limit: 30 at once from 5 below it; the count holds exactly, never past the limit', async () => {
  const seeded = limits.itemsPerRoadmap - 5;
  const sandbox = createSandbox();
  const projectId = sandbox.project('MOB').id;
  const now = new Date().toISOString();
  // Seeded through the app's own storage adapter (as the harness seeds the edit rule): thousands of calls would take too long.
  const ranks = initialRanks(seeded);
  await sandbox.forge.run(async () => {
    for (let i = 0; i < seeded; i += 1) {
      const id = `seeded-item-${i}`;
      const record = { projectId, title: `Seeded ${i}`, description: '', horizon: 'later' as const, status: 'planned' as const, rank: ranks[i]!, version: 1, createdAt: now, createdBy: 'seed', updatedAt: now, updatedBy: { accountId: 'seed', displayName: 'Seed' } };
      if ((await createItem({ id, item: record, maxItems: limits.itemsPerRoadmap, now })) !== 'committed') throw new Error('Seeding failed');
    }
  });
  armLatency(sandbox);
  const answers = (await Promise.all(
    Array.from({ length: 30 }, async (_, i) => {
      await sleep((i * 13) % 80);
      return sandbox.call('createRoadmapItem', { ...call(sandbox, pm, mob), payload: { item: { ...itemInput, title: `Item ${i}` } } });
    }),
  )) as Answer[];
  disarm(sandbox);
  tally(`item creates (30 at once from ${seeded})`, answers);
  expectOnly(answers, ['conflict', 'invalid']);
  const items = recordsOfProject(sandbox, 'roadmap-item', projectId);
  expect(items.length).toBe(seeded + answers.filter((a) => a.ok).length);
  expect(items.length).toBeLessThanOrEqual(limits.itemsPerRoadmap);
  expect((entitiesOf(sandbox, 'roadmap-setup')[projectId] as { itemCount: number }).itemCount).toBe(items.length);
  expectConsistent(sandbox, 'MOB');
}, 30_000);

/** With latency armed, call 0 deletes the record and calls 1… update it, each after its own delay. */
async function deleteRacingUpdates(
  sandbox: ReturnType<typeof createSandbox>,
  delays: readonly number[],
  calls: { remove: () => Promise<unknown>; update: (i: number) => Promise<unknown> },
): Promise<Answer[]> {
  armLatency(sandbox);
  const answers = (await Promise.all(
    delays.map(async (delayMs, i) => {
      await sleep(delayMs);
      return i === 0 ? calls.remove() : calls.update(i);
    }),
  )) as Answer[];
  disarm(sandbox);
  return answers;
}

describe('concurrent delete and updates of one record (all from the same version): exactly one applies', () => {
  test('a goal', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('THR').id;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 11, maxLength: 11 }), async (delays) => {
        disarm(sandbox);
        const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
        const answers = await deleteRacingUpdates(sandbox, delays, {
          remove: () => sandbox.call('deleteGoal', { ...call(sandbox, pm, thr), payload: { id: goal.id, baseVersion: goal.version } }),
          update: (i) => sandbox.call('updateGoal', { ...call(sandbox, pm, thr), payload: { id: goal.id, goal: { ...goalInput, title: `Edit ${i}` }, baseVersion: goal.version } }),
        });
        tally('goal delete vs 10 updates', answers);
        expectOnly(answers, ['conflict', 'not-found']);
        expect(answers.filter((a) => a.ok)).toHaveLength(1);
        const stored = entitiesOf(sandbox, 'goal')[goal.id] as { version: number; title: string } | undefined;
        const product = entitiesOf(sandbox, 'product')[projectId] as { goalCount: number; kpiCounts: Record<string, number> };
        if (answers[0]?.ok) {
          expect(stored).toBeUndefined();
          expect(Object.hasOwn(product.kpiCounts, goal.id)).toBe(false);
        } else {
          const winner = answers.findIndex((a) => a.ok);
          expect(stored).toMatchObject({ version: goal.version + 1, title: `Edit ${winner}` });
          expect(Object.hasOwn(product.kpiCounts, goal.id)).toBe(true);
        }
        expect(product.goalCount).toBe(recordsOfProject(sandbox, 'goal', projectId).length);
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);

  test('a roadmap item', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('THR').id;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 11, maxLength: 11 }), async (delays) => {
        disarm(sandbox);
        const item = value(await sandbox.call('createRoadmapItem', { ...call(sandbox, pm, thr), payload: { item: itemInput } }));
        const answers = await deleteRacingUpdates(sandbox, delays, {
          remove: () => sandbox.call('deleteRoadmapItem', { ...call(sandbox, pm, thr), payload: { id: item.id, baseVersion: item.version } }),
          update: (i) => sandbox.call('updateRoadmapItem', { ...call(sandbox, pm, thr), payload: { id: item.id, item: { ...itemInput, title: `Edit ${i}` }, baseVersion: item.version } }),
        });
        tally('item delete vs 10 updates', answers);
        expectOnly(answers, ['conflict', 'not-found']);
        expect(answers.filter((a) => a.ok)).toHaveLength(1);
        const stored = entitiesOf(sandbox, 'roadmap-item')[item.id] as { version: number; title: string } | undefined;
        if (answers[0]?.ok) expect(stored).toBeUndefined();
        else expect(stored).toMatchObject({ version: item.version + 1, title: `Edit ${answers.findIndex((a) => a.ok)}` });
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);
});

describe('concurrent moves into one gap: every rank distinct, and a later move between any two neighbours succeeds', () => {
  test('roadmap items', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('MOB').id;
    const lanes = value(await sandbox.call('saveLaneSetup', { ...call(sandbox, pm, mob), payload: { mode: 'custom', lanes: [{ id: null, name: 'Payments' }], baseVersion: 0 } }));
    const laneId = lanes.lanes[0]!.id;
    const created = [];
    for (let i = 0; i < 22; i += 1) {
      created.push(value(await sandbox.call('createRoadmapItem', { ...call(sandbox, pm, mob), payload: { item: { ...itemInput, title: `Item ${i}`, laneId } } })));
    }
    const [first, second, ...movers] = created;
    const moveInto = (item: { id: string; version: number }, afterId: string, beforeId: string) =>
      sandbox.call('moveRoadmapItem', {
        ...call(sandbox, pm, mob),
        payload: { move: { itemId: item.id, lane: laneId, column: { kind: 'horizon', horizon: 'now' }, afterId, beforeId }, baseVersion: item.version },
      }) as Promise<Answer>;
    armLatency(sandbox);
    const answers = await Promise.all(movers.map(async (item, i) => (await sleep((i * 3) % 20), moveInto(item, first!.id, second!.id))));
    tally('item moves into one gap (20 items)', answers);
    expectOnly(answers);
    // Different items: none of them may be refused.
    expect(answers.every((a) => a.ok)).toBe(true);
    // The same item moved by 20 editors at once from one version: one applies.
    const target = (answers[0] as { ok: true; value: { id: string; version: number } }).value;
    const same = await Promise.all(Array.from({ length: 20 }, (_, i) => sleep(i % 10).then(() => moveInto(target, first!.id, second!.id))));
    tally('one item moved by 20 editors', same);
    expectOnly(same);
    expect(same.filter((a) => a.ok)).toHaveLength(1);
    disarm(sandbox);
    const ordered = recordsOfProject(sandbox, 'roadmap-item', projectId).sort((a, b) => ((a.rank as string) < (b.rank as string) ? -1 : 1));
    expectDistinctRanks(ordered.map((item) => item.rank as string));
    expectConsistent(sandbox, 'MOB');
    const between = ordered.filter((item) => (item.rank as string) > (first!.rank) && (item.rank as string) < second!.rank);
    expect(between).toHaveLength(movers.length);
    // A tie can always be broken: a fresh item goes between each pair of neighbours in the gap.
    for (let i = 0; i + 1 < between.length; i += 1) {
      const fresh = value(await sandbox.call('createRoadmapItem', { ...call(sandbox, pm, mob), payload: { item: { ...itemInput, laneId } } }));
      expect(await moveInto(fresh, between[i]!.id, between[i + 1]!.id)).toMatchObject({ ok: true });
    }
  }, 30_000);

  test('goals', async () => {
    const sandbox = createSandbox();
    const projectId = sandbox.project('MOB').id;
    const created = [];
    for (let i = 0; i < 22; i += 1) created.push(value(await sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: { ...goalInput, title: `Goal ${i}` } } })));
    const [first, second, ...movers] = created;
    const moveInto = (goal: { id: string; version: number }, afterId: string, beforeId: string) =>
      sandbox.call('moveGoal', { ...call(sandbox, pm, mob), payload: { id: goal.id, afterId, beforeId, baseVersion: goal.version } }) as Promise<Answer>;
    armLatency(sandbox);
    const answers = await Promise.all(movers.map(async (goal, i) => (await sleep((i * 3) % 20), moveInto(goal, first!.id, second!.id))));
    disarm(sandbox);
    tally('goal moves into one gap (20 goals)', answers);
    expectOnly(answers);
    expect(answers.every((a) => a.ok)).toBe(true);
    const ordered = recordsOfProject(sandbox, 'goal', projectId).sort((a, b) => ((a.rank as string) < (b.rank as string) ? -1 : 1));
    expectDistinctRanks(ordered.map((goal) => goal.rank as string));
    expectConsistent(sandbox, 'MOB');
    const between = ordered.filter((goal) => (goal.rank as string) > first!.rank && (goal.rank as string) < second!.rank);
    expect(between).toHaveLength(movers.length);
    // A tie can always be broken: one more goal moved between each pair of neighbours in the gap, one after another.
    let extra = value(await sandbox.call('createGoal', { ...call(sandbox, pm, mob), payload: { goal: { ...goalInput, title: 'Extra' } } })) as { id: string; version: number };
    for (let i = 0; i + 1 < between.length; i += 1) {
      const moved = await moveInto(extra, between[i]!.id, between[i + 1]!.id);
      expect(moved).toMatchObject({ ok: true });
      extra = (moved as { ok: true; value: { id: string; version: number } }).value;
    }
  }, 30_000);
});

test('a mix of measurement adds, corrections and deletions on one KPI: every applied answer and the final series equal the applied edits replayed in version order', async () => {
  const sandbox = createSandbox();
  const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
  const kpi = value(await sandbox.call('createKpi', { ...call(sandbox, pm, thr), payload: { goalId: goal.id, kpi: kpiInput } }));
  const edit = fc.record({ plan: editorPlan, kind: fc.constantFrom('add', 'update', 'delete'), target: fc.nat(5) });
  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 30, maxLength: 30 }), async (edits) => {
      round += 1;
      disarm(sandbox);
      let history = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } }));
      for (let i = history.measurements.length; i < 6; i += 1) {
        history = value(
          await sandbox.call('addMeasurement', {
            ...call(sandbox, pm, thr),
            payload: { kpiId: kpi.id, measurement: { date: '2026-10-01', value: -round * 100 - i }, baseVersion: history.seriesVersion },
          }),
        );
      }
      const opened = history;
      const targets = opened.measurements.map((m) => m.id);
      const valueOf = (index: number) => round * 10_000 + index;
      armLatency(sandbox);
      const results = await editConcurrently(
        edits.map((e) => e.plan),
        opened.seriesVersion,
        (index, baseVersion) => {
          const e = edits[index % edits.length]!;
          const here = call(sandbox, pm, thr);
          const id = targets[e.target % targets.length]!;
          const measurement = { date: '2026-11-01', value: valueOf(index) };
          if (e.kind === 'add') return sandbox.call('addMeasurement', { ...here, payload: { kpiId: kpi.id, measurement, baseVersion } }) as Promise<Answer>;
          if (e.kind === 'update') return sandbox.call('updateMeasurement', { ...here, payload: { kpiId: kpi.id, id, measurement, baseVersion } }) as Promise<Answer>;
          return sandbox.call('deleteMeasurement', { ...here, payload: { kpiId: kpi.id, id, baseVersion } }) as Promise<Answer>;
        },
        (shown) => (shown as { seriesVersion: number }).seriesVersion,
      );
      disarm(sandbox);
      const answers = results.map((result) => result.answer);
      tally('measurement add/correct/delete mix', answers);
      // not-found: a correction or deletion, from the newest version, of a measurement deleted before it.
      expectOnly(answers, ['conflict', 'not-found']);
      type Shown = { seriesVersion: number; measurements: Array<{ id: string; value: number }> };
      const applied = results
        .flatMap(({ index, answer }) => (answer.ok ? [{ index, shown: answer.value as Shown }] : []))
        .sort((a, b) => a.shown.seriesVersion - b.shown.seriesVersion);
      expectContiguous(applied.map((a) => a.shown.seriesVersion), opened.seriesVersion);
      // Replay: the model after each applied edit must be what that edit's answer showed.
      const model = new Map(opened.measurements.map((m) => [m.id, m.value]));
      const asMap = (shown: Shown) => new Map(shown.measurements.map((m) => [m.id, m.value]));
      for (const { index, shown } of applied) {
        const e = edits[index % edits.length]!;
        const id = targets[e.target % targets.length]!;
        if (e.kind === 'add') {
          const added = shown.measurements.find((m) => m.value === valueOf(index));
          expect(added).toBeDefined();
          model.set(added!.id, valueOf(index));
        } else if (e.kind === 'update') model.set(id, valueOf(index));
        else model.delete(id);
        expect(asMap(shown)).toEqual(model);
      }
      const final = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } }));
      expect(final.seriesVersion).toBe(opened.seriesVersion + applied.length);
      expect(asMap(final)).toEqual(model);
      expect((entitiesOf(sandbox, 'kpi-series')[kpi.id] as { count: number }).count).toBe(model.size);
      expectConsistent(sandbox, 'THR');
    }),
    runs,
  );
}, 30_000);

describe('deleting while others add underneath: nothing orphaned, nothing counted twice', () => {
  test('a goal deleted while KPIs are added to it and its KPI is measured', async () => {
    const sandbox = createSandbox();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 16, maxLength: 16 }), async (delays) => {
        disarm(sandbox);
        const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
        const kpi = value(await sandbox.call('createKpi', { ...call(sandbox, pm, thr), payload: { goalId: goal.id, kpi: kpiInput } }));
        let seriesVersion = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } })).seriesVersion;
        const strategy = value(await sandbox.call('getStrategy', call(sandbox, pm, thr)));
        const goalVersion = strategy.goals.find((g) => g.id === goal.id)!.version;
        armLatency(sandbox);
        const answers = (await Promise.all(
          delays.map(async (delayMs, i) => {
            await sleep(delayMs);
            const here = call(sandbox, pm, thr);
            if (i === 0) return sandbox.call('deleteGoal', { ...here, payload: { id: goal.id, baseVersion: goalVersion } });
            if (i <= 5) return sandbox.call('createKpi', { ...here, payload: { goalId: goal.id, kpi: { ...kpiInput, name: `KPI ${i}` } } });
            const added = (await sandbox.call('addMeasurement', {
              ...here,
              payload: { kpiId: kpi.id, measurement: { date: '2026-11-01', value: i }, baseVersion: seriesVersion },
            })) as Answer;
            if (added.ok) seriesVersion = Math.max(seriesVersion, (added.value as { seriesVersion: number }).seriesVersion);
            return added;
          }),
        )) as Answer[];
        disarm(sandbox);
        tally('goal delete vs KPI creates and measurements', answers);
        // not-found: a KPI added to, or measured under, a goal already deleted.
        expectOnly(answers, ['conflict', 'not-found']);
        const goalStored = recordsOfProject(sandbox, 'goal', sandbox.project('THR').id).some((g) => g.id === goal.id);
        expect(goalStored).toBe(!answers[0]?.ok);
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);

  test('a KPI deleted while it is measured and edited', async () => {
    const sandbox = createSandbox();
    const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 12, maxLength: 12 }), async (delays) => {
        disarm(sandbox);
        const kpi = value(await sandbox.call('createKpi', { ...call(sandbox, pm, thr), payload: { goalId: goal.id, kpi: kpiInput } }));
        let seriesVersion = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } })).seriesVersion;
        armLatency(sandbox);
        const answers = (await Promise.all(
          delays.map(async (delayMs, i) => {
            await sleep(delayMs);
            const here = call(sandbox, pm, thr);
            if (i === 0) return sandbox.call('deleteKpi', { ...here, payload: { id: kpi.id, baseVersion: kpi.version } });
            if (i <= 3) return sandbox.call('updateKpi', { ...here, payload: { id: kpi.id, kpi: { ...kpiInput, name: `Renamed ${i}` }, baseVersion: kpi.version } });
            const added = (await sandbox.call('addMeasurement', {
              ...here,
              payload: { kpiId: kpi.id, measurement: { date: '2026-11-01', value: i }, baseVersion: seriesVersion },
            })) as Answer;
            if (added.ok) seriesVersion = Math.max(seriesVersion, (added.value as { seriesVersion: number }).seriesVersion);
            return added;
          }),
        )) as Answer[];
        disarm(sandbox);
        tally('KPI delete vs edits and measurements', answers);
        expectOnly(answers, ['conflict', 'not-found']);
        // The deletion and the edits all start from one version: exactly one of them applies.
        expect(answers.slice(0, 4).filter((a) => a.ok)).toHaveLength(1);
        const stored = entitiesOf(sandbox, 'kpi')[kpi.id];
        if (answers[0]?.ok) expect(stored).toBeUndefined();
        else expect(stored).toMatchObject({ version: kpi.version + 1 });
        expectConsistent(sandbox, 'THR');
      }),
      runs,
    );
  }, 30_000);
});

test('concurrent "Refresh now" of one JQL KPI: one value for the day, whatever the interleaving', async () => {
  const sandbox = createSandbox();
  const goal = value(await sandbox.call('createGoal', { ...call(sandbox, pm, thr), payload: { goal: goalInput } }));
  const kpi = value(
    await sandbox.call('createKpi', { ...call(sandbox, pm, thr), payload: { goalId: goal.id, kpi: { ...kpiInput, name: 'Open epics', source: { kind: 'jql-count', jql: 'issuetype = Epic' } } } }),
  );
  armLatency(sandbox);
  const answers = (await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      await sleep((i * 7) % 60);
      return sandbox.call('refreshKpi', { ...call(sandbox, pm, thr), payload: { id: kpi.id } });
    }),
  )) as Answer[];
  disarm(sandbox);
  tally('JQL KPI refreshes (20 at once)', answers);
  expectOnly(answers);
  expect(answers.some((a) => a.ok)).toBe(true);
  const history = value(await sandbox.call('getKpiHistory', { ...call(sandbox, pm, thr), payload: { id: kpi.id } }));
  const dates = history.measurements.map((m) => m.date);
  expect(new Set(dates).size).toBe(dates.length);
  expectConsistent(sandbox, 'THR');
}, 30_000);
