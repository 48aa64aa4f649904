/**
 * The portfolio (global page) for people with partial access: each sees the products of the
 * projects they may browse, and nothing at all about the others. THR, MOB and OPS are the
 * product team's projects (the product manager only views OPS); FIN is Finance's own.
 */
import type { PortfolioView } from '../../../../src/contract';
import { createSandbox } from '../../harness';
import type { Actor } from '../../harness';
import { seedItem } from '../../epic-panel/kit';
import { daysFromToday, valueOf, visionBoard } from '../strategy/builders';
import { inProject, seedGoal, seedKpi, seedMeasurements } from '../strategy/kit';

const sandbox = createSandbox();
const globalPage = { module: 'jira:globalPage' } as const;

const portfolioOf = async (as: Actor): Promise<PortfolioView> => valueOf(await sandbox.call('getPortfolio', { as, in: globalPage }));
const keysOf = (view: PortfolioView) => view.products.map((product) => product.project.key);

async function saveVision(project: string, board: Partial<Parameters<typeof visionBoard>[0]>, as: Actor) {
  return valueOf(await sandbox.call('saveVision', { as, in: inProject(project), payload: { board: visionBoard(board), baseVersion: 0 } }));
}

/** THR: vision, goals with KPIs and items. OPS: a vision only. FIN: Finance's goal. MOB: nothing. */
async function seedSite() {
  await saveVision('THR', { productName: 'Throughline', vision: 'Every team sees why its work matters.' }, 'productManager');
  const checkout = await seedGoal(sandbox, { title: 'Faster checkout', status: 'on-track' });
  const onTrack = await seedKpi(sandbox, checkout.id, { name: 'Conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: daysFromToday(-30) }, target: { value: 50, date: daysFromToday(30) } });
  await seedMeasurements(sandbox, onTrack.id, [{ date: daysFromToday(-1), value: 40 }]);
  await seedKpi(sandbox, checkout.id, { name: 'Refunds', unit: '', direction: 'decrease', baseline: { value: 10, date: daysFromToday(-30) }, target: { value: 2, date: daysFromToday(30) } });
  const support = await seedGoal(sandbox, { title: 'Fewer support calls', status: 'at-risk' });
  const archived = await seedGoal(sandbox, { title: 'Old goal', status: 'archived' });
  await seedKpi(sandbox, archived.id, { name: 'Old KPI' });
  await seedItem(sandbox, 'THR', { title: 'One-tap payment', goalId: checkout.id, horizon: 'now', status: 'in-progress', endDate: daysFromToday(-3) });
  await seedItem(sandbox, 'THR', { title: 'Saved carts', goalId: checkout.id, horizon: 'next', status: 'planned' });
  await seedItem(sandbox, 'THR', { title: 'Shipped thing', horizon: 'now', status: 'done', endDate: daysFromToday(-10) });
  await saveVision('OPS', { productName: 'Ops console', vision: 'Incidents end in minutes.' }, 'admin');
  await seedGoal(sandbox, { title: 'Close the books in a day' }, { as: 'outsider', in: inProject('FIN') });
  return { checkout, support, onTrack };
}

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  sandbox.jira.resetStats();
});

describe('the portfolio', () => {
  test('shows the product manager the products they may browse, by product name, with vision line, goals, KPI health and roadmap counts', async () => {
    const { checkout, support } = await seedSite();

    const view = await portfolioOf('productManager');

    expect(keysOf(view)).toEqual(['OPS', 'THR']); // by product name: Ops console, Throughline
    const thr = view.products.find((product) => product.project.key === 'THR')!;
    expect(thr.project).toEqual({ id: sandbox.project('THR').id, key: 'THR', name: sandbox.project('THR').name });
    expect(thr.vision).toEqual({ productName: 'Throughline', vision: 'Every team sees why its work matters.' });
    expect(thr.goals.map((goal) => [goal.id, goal.title, goal.status])).toEqual([
      [checkout.id, 'Faster checkout', 'on-track'],
      [support.id, 'Fewer support calls', 'at-risk'],
    ]);
    expect(thr.goals[0]!.kpis.map((kpi) => [kpi.name, kpi.health])).toEqual([
      ['Conversion', 'on-track'],
      ['Refunds', 'no-data'],
    ]);
    expect(thr.kpiHealth).toEqual({ 'on-track': 1, 'at-risk': 0, 'off-track': 0, 'no-data': 1 });
    expect(thr.roadmap).toEqual({
      items: 3,
      byHorizon: { now: 2, next: 1, later: 0 },
      byStatus: { idea: 0, planned: 1, 'in-progress': 1, done: 1, parked: 0 },
      pastEndDate: 1,
    });
    const ops = view.products.find((product) => product.project.key === 'OPS')!;
    expect(ops).toMatchObject({ vision: { productName: 'Ops console' }, goals: [], roadmap: { items: 0 } });
    expect(view.today).toBe(daysFromToday(0));
  });

  test('never mentions a project the viewer cannot browse, not even as a count', async () => {
    await seedSite();
    const fin = sandbox.project('FIN');

    const answer = JSON.stringify(await portfolioOf('productManager'));

    for (const secret of [fin.id, fin.key, fin.name, 'Close the books in a day']) expect(answer).not.toContain(secret);
    expect(answer).not.toMatch(/"(total|hidden|count)"/);
  });

  test('shows the outsider only Finance’s product, and the developer the team’s', async () => {
    await seedSite();

    const outsider = await portfolioOf('outsider');
    expect(keysOf(outsider)).toEqual(['FIN']);
    expect(outsider.products[0]!.goals.map((goal) => goal.title)).toEqual(['Close the books in a day']);
    expect(JSON.stringify(outsider)).not.toContain('Faster checkout');

    expect(keysOf(await portfolioOf('developer'))).toEqual(['OPS', 'THR']);
  });

  test('leaves out a project without Throughline data, and one whose data was all removed', async () => {
    await seedSite();
    const only = await seedGoal(sandbox, { title: 'Short-lived' }, { in: inProject('MOB') });
    expect(keysOf(await portfolioOf('productManager'))).toContain('MOB');

    valueOf(await sandbox.call('deleteGoal', { as: 'productManager', in: inProject('MOB'), payload: { id: only.id, baseVersion: only.version } }));

    expect(keysOf(await portfolioOf('productManager'))).toEqual(['OPS', 'THR']);
  });

  test('lists a project with only a roadmap item', async () => {
    await seedItem(sandbox, 'MOB', { title: 'Offline mode', horizon: 'later' });

    const view = await portfolioOf('productManager');

    expect(keysOf(view)).toEqual(['MOB']);
    expect(view.products[0]).toMatchObject({ vision: { productName: '', vision: '' }, goals: [], roadmap: { items: 1, byHorizon: { later: 1 } } });
  });

  test('asks Jira once, as the viewer, which of the projects with data they may browse', async () => {
    await seedSite();
    sandbox.jira.resetStats();

    await portfolioOf('productManager');

    expect(sandbox.jira.stats.byRoute).toEqual({ 'GET /rest/api/3/project/search': 1 });
  });

  test('is empty, without asking Jira, when no project has data', async () => {
    expect(await portfolioOf('productManager')).toEqual({ products: [], today: daysFromToday(0) });
    expect(sandbox.jira.stats.requests).toBe(0);
  });

  test('is empty for someone who may browse none of the projects with data', async () => {
    await seedGoal(sandbox, { title: 'Close the books in a day' }, { as: 'outsider', in: inProject('FIN') });

    expect((await portfolioOf('productManager')).products).toEqual([]);
  });

  test('refuses anonymous callers without reading anything', async () => {
    await seedSite();
    sandbox.jira.resetStats();

    const answer = await sandbox.call('getPortfolio', { as: 'anonymous', in: globalPage });

    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sandbox.jira.stats.requests).toBe(0);
  });

  test('says Jira is unavailable when the project search keeps failing, and shows nothing', async () => {
    await seedSite();
    sandbox.jira.setFaults({ serverError: { count: 20, status: 500, match: '/rest/api/3/project/search' } });

    const answer = await sandbox.call('getPortfolio', { as: 'productManager', in: globalPage });

    expect(answer).toMatchObject({ ok: false, error: { code: 'jira-unavailable' } });
  });
});
