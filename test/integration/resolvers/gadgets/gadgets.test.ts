/**
 * The three dashboard gadgets and their edit view's options. A gadget's project comes from its
 * saved configuration, which the browser supplies: every call checks Browse Projects as the user,
 * and a gadget set up on a project the viewer may not browse answers `forbidden` with nothing of
 * that project in it. The product manager administers THR and MOB and browses OPS; the developer
 * browses THR, MOB and OPS; the outsider sees FIN only.
 */
import type { Defs } from '../../../../src/contract';
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { DEMO_USERS } from '../../../sandbox/demo';
import { seedItem } from '../../epic-panel/kit';
import { createSandbox } from '../../harness';
import type { Actor, GadgetModuleKey } from '../../harness';
import { epicsOf, searchIndexLags } from '../roadmap/kit';
import { daysFromToday, valueOf } from '../strategy/builders';
import { inProject, seedGoal, seedKpi, seedMeasurements } from '../strategy/kit';

const sandbox = createSandbox();
type GadgetCall = 'getGoalHealthGadget' | 'getRoadmapNowGadget' | 'getUnalignedWorkGadget';
const moduleOf: Record<GadgetCall | 'getGadgetOptions', GadgetModuleKey> = {
  getGadgetOptions: 'throughline-goal-health',
  getGoalHealthGadget: 'throughline-goal-health',
  getRoadmapNowGadget: 'throughline-roadmap-now',
  getUnalignedWorkGadget: 'throughline-unaligned-work',
};

function gadget<K extends GadgetCall | 'getGadgetOptions'>(key: K, as: Actor, payload: Record<string, unknown>): ReturnType<Defs[K]> {
  return sandbox.call(key, { as, in: { module: 'jira:dashboardGadget', gadget: moduleOf[key], configuration: payload }, payload }) as ReturnType<Defs[K]>;
}

const thr = () => sandbox.project('THR').id;
const fin = () => sandbox.project('FIN').id;

beforeEach(async () => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
  searchIndexLags(sandbox);
});

async function link(target: { kind: 'item' | 'goal'; id: string }, epicIds: string[]) {
  const view = valueOf(await sandbox.call('getAlignment', { as: 'productManager' }));
  const versions = new Map(view.epics.map((epic) => [epic.id, epic.linksVersion]));
  valueOf(await sandbox.call('linkEpics', { as: 'productManager', payload: { target, link: epicIds.map((epicId) => ({ epicId, linksVersion: versions.get(epicId) ?? 0 })), unlink: [] } }));
}

describe('Goal health', () => {
  test('lists the configured product’s goals in rank order with their KPIs’ health, archived left out, cut at the rows asked', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout', status: 'on-track' });
    const conversion = await seedKpi(sandbox, checkout.id, { name: 'Conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: daysFromToday(-30) }, target: { value: 50, date: daysFromToday(30) } });
    await seedMeasurements(sandbox, conversion.id, [{ date: daysFromToday(-1), value: 40 }]);
    await seedKpi(sandbox, checkout.id, { name: 'Refunds' });
    await seedGoal(sandbox, { title: 'Old goal', status: 'archived' });
    const support = await seedGoal(sandbox, { title: 'Fewer support calls', status: 'at-risk' });
    await seedGoal(sandbox, { title: 'Third goal' });

    const view = valueOf(await gadget('getGoalHealthGadget', 'developer', { projectId: thr(), rows: 2 }));

    expect(view.project).toEqual({ id: thr(), key: 'THR', name: sandbox.project('THR').name });
    expect(view.goals.map((goal) => [goal.id, goal.title, goal.status])).toEqual([
      [checkout.id, 'Faster checkout', 'on-track'],
      [support.id, 'Fewer support calls', 'at-risk'],
    ]);
    expect(view.goals[0]!.kpis.map((kpi) => [kpi.name, kpi.health])).toEqual([
      ['Conversion', 'on-track'],
      ['Refunds', 'no-data'],
    ]);
    expect(view.goals[0]!.kpis[0]!.healthReason).not.toBe('');
    expect(view.more).toBe(1);
  });
});

describe('Roadmap now', () => {
  test('lists the open Now items with progress, forecast and at risk; the goal filter keeps one goal’s items', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout' });
    const other = await seedGoal(sandbox, { title: 'Keep customers' });
    const late = await seedItem(sandbox, 'THR', { title: 'One-tap payment', goalId: checkout.id, horizon: 'now', status: 'in-progress', endDate: daysFromToday(-3) });
    await seedItem(sandbox, 'THR', { title: 'Loyalty points', goalId: other.id, horizon: 'now' });
    await seedItem(sandbox, 'THR', { title: 'Saved carts', goalId: checkout.id, horizon: 'next' });
    await seedItem(sandbox, 'THR', { title: 'Shipped thing', goalId: checkout.id, horizon: 'now', status: 'done' });
    await seedItem(sandbox, 'THR', { title: 'Parked thing', horizon: 'now', status: 'parked' });
    const [epic] = epicsOf(sandbox, 'THR').filter((candidate) => candidate.securityLevelId === undefined);
    await link({ kind: 'item', id: late.id }, [epic!.id]);

    let all = valueOf(await gadget('getRoadmapNowGadget', 'productManager', { projectId: thr(), rows: 10, goalId: null }));
    for (let calls = 1; all.loading && calls < 5; calls += 1) all = valueOf(await gadget('getRoadmapNowGadget', 'productManager', { projectId: thr(), rows: 10, goalId: null }));
    expect(all.items.map((item) => [item.title, item.goalTitle])).toEqual([
      ['One-tap payment', 'Faster checkout'],
      ['Loyalty points', 'Keep customers'],
    ]);
    // What the roadmap itself says about the item: the gadget is the same picture, smaller.
    const roadmapItem = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', in: inProject('THR') })).items.find((item) => item.id === late.id)!;
    const first = all.items[0]!;
    expect(first.progress).toEqual({ done: roadmapItem.delivery!.rollup.counts.done, total: roadmapItem.delivery!.rollup.counts.total });
    expect(first.progress!.total).toBeGreaterThan(0);
    expect(first.atRisk).toBe(roadmapItem.delivery!.forecast.atRisk);
    if (roadmapItem.delivery!.forecast.kind === 'forecast') expect(first.finishDate).toBe(roadmapItem.delivery!.forecast.finishDate);
    expect(all.items[1]!.progress).toBeUndefined(); // no epic delivers it

    const filtered = valueOf(await gadget('getRoadmapNowGadget', 'productManager', { projectId: thr(), rows: 1, goalId: other.id }));
    expect(filtered.goal).toEqual({ id: other.id, title: 'Keep customers' });
    expect(filtered.items.map((item) => item.title)).toEqual(['Loyalty points']);
    expect(filtered.more).toBe(0);
  });

  test('a goal filter naming a goal of another product, or a removed one, is refused and shows nothing', async () => {
    await seedItem(sandbox, 'THR', { title: 'One-tap payment', horizon: 'now' });
    const mobGoal = await seedGoal(sandbox, { title: 'Mobile goal' }, { in: inProject('MOB') });
    const answer = await gadget('getRoadmapNowGadget', 'productManager', { projectId: thr(), rows: 5, goalId: mobGoal.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', field: 'goalId' } });
    expect(JSON.stringify(answer)).not.toContain('One-tap payment');
  });
});

describe('Unaligned work', () => {
  test('counts the open epics serving no goal, lists the largest first, and the goals with no work', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout' });
    const idle = await seedGoal(sandbox, { title: 'Keep customers' });
    const [served] = epicsOf(sandbox, 'THR');
    await link({ kind: 'goal', id: checkout.id }, [served!.id]);

    let view = valueOf(await gadget('getUnalignedWorkGadget', 'developer', { projectId: thr(), rows: 3 }));
    for (let calls = 1; view.loading && calls < 5; calls += 1) view = valueOf(await gadget('getUnalignedWorkGadget', 'developer', { projectId: thr(), rows: 3 }));
    const alignment = valueOf(await sandbox.call('getAlignment', { as: 'developer' }));

    expect(view.unalignedCount).toBe(alignment.unalignedEpicIds.length);
    expect(view.unalignedCount).toBeGreaterThan(3);
    const sizes = alignment.epics.filter((epic) => alignment.unalignedEpicIds.includes(epic.id)).map((epic) => epic.size!.issues).sort((a, b) => b - a);
    expect(view.epics.map((epic) => epic.issues)).toEqual(sizes.slice(0, 3));
    expect(view.epics.map((epic) => epic.id)).not.toContain(served!.id);
    expect(view.goalsWithoutWork).toEqual([{ id: idle.id, title: 'Keep customers', status: 'on-track' }]);
  });
});

describe('the edit view’s options', () => {
  test('offers the products the viewer may browse, by name, and the chosen product’s open goals', async () => {
    const checkout = await seedGoal(sandbox, { title: 'Faster checkout' });
    await seedGoal(sandbox, { title: 'Old goal', status: 'archived' });
    await seedGoal(sandbox, { title: 'Mobile goal' }, { in: inProject('MOB') });
    await seedGoal(sandbox, { title: 'Close the books' }, { as: 'outsider', in: inProject('FIN') });

    const options = valueOf(await gadget('getGadgetOptions', 'productManager', { projectId: thr() }));
    expect(options.projects.map((project) => project.key).sort()).toEqual(['MOB', 'THR']);
    expect(options.goals).toEqual([{ id: checkout.id, title: 'Faster checkout', status: 'on-track' }]);
    expect(valueOf(await gadget('getGadgetOptions', 'productManager', { projectId: null })).goals).toEqual([]);
    expect(valueOf(await gadget('getGadgetOptions', 'outsider', { projectId: null })).projects.map((project) => project.key)).toEqual(['FIN']);
  });
});

describe('permissions: the configured project is checked as the user on every call', () => {
  const calls: GadgetCall[] = ['getGoalHealthGadget', 'getRoadmapNowGadget', 'getUnalignedWorkGadget'];

  test.each(calls)('%s: a project the viewer may not browse, or that does not exist, gives a plain notice and nothing of it', async (key) => {
    const finGoal = await seedGoal(sandbox, { title: 'Close the books in a day' }, { as: 'outsider', in: inProject('FIN') });
    await seedItem(sandbox, 'FIN', { title: 'Ledger import', goalId: finGoal.id, horizon: 'now' });
    const cases: Array<[Actor, string]> = [
      ['productManager', fin()],
      ['developer', fin()],
      ['outsider', thr()],
      ['productManager', '99999'],
    ];
    for (const [as, projectId] of cases) {
      const answer = await gadget(key, as, { projectId, rows: 5, goalId: null });
      expect({ as, projectId, answer }).toMatchObject({ as, projectId, answer: { ok: false, error: { code: 'forbidden' } } });
      const text = JSON.stringify(answer);
      for (const secret of ['Close the books', 'Ledger import', 'FIN', 'Finance']) expect(text).not.toContain(secret);
    }
    expect(await gadget(key, 'anonymous', { projectId: thr(), rows: 5, goalId: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await gadget(key, 'outsider', { projectId: fin(), rows: 5, goalId: null })).toMatchObject({ ok: true });
  });

  test.each(calls)('%s: losing Browse Projects after setting the gadget up hides it on the next call', async (key) => {
    await seedGoal(sandbox, { title: 'Faster checkout' });
    const project = sandbox.project('THR');
    expect(await gadget(key, 'developer', { projectId: thr(), rows: 5, goalId: null })).toMatchObject({ ok: true });
    const before = project.permissions[DEMO_USERS.developer];
    project.permissions[DEMO_USERS.developer] = [];
    try {
      const answer = await gadget(key, 'developer', { projectId: thr(), rows: 5, goalId: null });
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(JSON.stringify(answer)).not.toContain('Faster checkout');
    } finally {
      if (before) project.permissions[DEMO_USERS.developer] = before;
    }
  });

  test('the options refuse a chosen project the viewer may not browse', async () => {
    await seedGoal(sandbox, { title: 'Close the books' }, { as: 'outsider', in: inProject('FIN') });
    const answer = await gadget('getGadgetOptions', 'productManager', { projectId: fin() });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(answer)).not.toContain('Close the books');
    expect(await gadget('getGadgetOptions', 'anonymous', { projectId: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('configuration validation', () => {
  test.each([
    [{ projectId: 'THR', rows: 5, goalId: null }, 'projectId'],
    [{ rows: 5, goalId: null }, 'projectId'],
    [{ projectId: '10000 OR 1=1', rows: 5, goalId: null }, 'projectId'],
    [{ projectId: '10000', rows: 0, goalId: null }, 'rows'],
    [{ projectId: '10000', rows: 21, goalId: null }, 'rows'],
    [{ projectId: '10000', rows: 2.5, goalId: null }, 'rows'],
    [{ projectId: '10000', rows: '5', goalId: null }, 'rows'],
    [{ projectId: '10000', rows: 5, goalId: 'goal id with spaces' }, 'goalId'],
    [{ projectId: '10000', rows: 5 }, 'goalId'],
  ])('%j is invalid at %s, before Jira is asked', async (payload, field) => {
    sandbox.jira.resetStats();
    const answer = await gadget('getRoadmapNowGadget', 'productManager', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', field } });
    expect(sandbox.jira.stats.requests).toBe(0);
  });
});
