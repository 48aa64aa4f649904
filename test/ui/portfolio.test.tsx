/**
 * The "Product portfolio" page as people use it: the real page, bridge and resolver over the
 * sandbox, on the global page (no project), as one of the demo's people.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createSandbox } from '../integration/harness';
import type { Actor } from '../integration/harness';
import { seedItem } from '../integration/epic-panel/kit';
import { inProject, seedGoal, seedKpi, seedMeasurements } from '../integration/resolvers/strategy/kit';
import { daysFromToday, valueOf, visionBoard } from '../integration/resolvers/strategy/builders';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(20_000);

const sandbox = createSandbox();
const globalPage = { module: 'jira:globalPage' } as const;
const bridge = installBridgeDouble(sandbox, { as: 'productManager', in: globalPage });
let PortfolioPage: typeof import('../../static/portfolio/src/portfolio-page').PortfolioPage;

beforeAll(async () => {
  // Only now: @forge/bridge looks for the host's `__bridge` when it is first imported.
  ({ PortfolioPage } = await import('../../static/portfolio/src/portfolio-page'));
});

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  bridge.navigations.length = 0;
});

async function open(as: Actor) {
  bridge.setView({ as, in: globalPage });
  const user = userEvent.setup({ delay: null });
  render(<PortfolioPage />);
  await screen.findAllByRole('heading', { level: 2 }, { timeout: 8000 });
  return user;
}

async function seedProducts() {
  valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard({ productName: 'Thrive Checkout', vision: 'Every shopper pays in one tap.' }), baseVersion: 0 } }));
  const goal = await seedGoal(sandbox, { title: 'Faster checkout', status: 'at-risk' });
  const kpi = await seedKpi(sandbox, goal.id, { name: 'Conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: daysFromToday(-30) }, target: { value: 50, date: daysFromToday(30) } });
  await seedMeasurements(sandbox, kpi.id, [{ date: daysFromToday(-1), value: 40 }]);
  await seedItem(sandbox, 'THR', { title: 'One-tap payment', goalId: goal.id, horizon: 'now', status: 'in-progress', endDate: daysFromToday(-2) });
  await seedItem(sandbox, 'THR', { title: 'Saved carts', horizon: 'later', status: 'idea' });
  await seedGoal(sandbox, { title: 'Offline first' }, { in: inProject('MOB') });
  await seedGoal(sandbox, { title: 'Close the books in a day' }, { as: 'outsider', in: inProject('FIN') });
}

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the Product portfolio page', () => {
  test('shows one card per product the viewer may browse, with vision line, goals, KPI health and roadmap counts', async () => {
    await seedProducts();
    await open('productManager');

    const products = within(screen.getByRole('list', { name: 'Products' })).getAllByRole('article');
    expect(products.map((card) => within(card).getByRole('heading', { level: 2 }).textContent)).toEqual(['Thrive Checkout', 'Thrive Mobile']);
    const thr = screen.getByRole('article', { name: 'Thrive Checkout' });
    expect(within(thr).getByText('Thrive Web (THR)')).toBeTruthy();
    expect(within(thr).getByText('Every shopper pays in one tap.')).toBeTruthy();
    expect(within(thr).getByText('Faster checkout')).toBeTruthy();
    expect(within(thr).getByText('At risk')).toBeTruthy();
    expect(within(thr).getByText('Conversion: on track')).toBeTruthy();
    expect(within(within(thr).getByRole('list', { name: 'KPI health' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 on track',
      '0 at risk',
      '0 off track',
      '0 no data',
    ]);
    expect(within(thr).getByRole('heading', { name: 'Roadmap · 2 items' })).toBeTruthy();
    expect(within(thr).getByTestId('by-horizon').textContent).toBe('Now1Next0Later1');
    expect(within(thr).getByTestId('by-status').textContent).toBe('Idea1In progress1');
    expect(within(thr).getByTestId('past-end-date').textContent).toBe('1 open item past the end date');

    const mob = screen.getByRole('article', { name: 'Thrive Mobile' });
    expect(within(mob).getByText('No vision written yet.')).toBeTruthy();
    expect(within(mob).getByText('No roadmap items yet.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Finance|Close the books/);
    expect(await violations()).toEqual([]);
  });

  test('links each card into its product page: a real href, followed through Jira’s router by click and by keyboard', async () => {
    await seedProducts();
    const user = await open('productManager');

    const link = screen.getByRole('link', { name: 'Open product page of Thrive Checkout' });
    await screen.findByRole('link', { name: 'Open product page of Thrive Checkout' });
    expect(link.getAttribute('href')).toBe(`${sandbox.site.baseUrl}/jira/software/projects/THR/apps/throughline-product`);
    await user.click(link);
    screen.getByRole('link', { name: 'Open product page of Thrive Mobile' }).focus();
    await user.keyboard('{Enter}');

    expect(bridge.navigations).toEqual([
      { target: 'module', moduleKey: 'throughline-product', projectKey: 'THR', type: 'same-tab' },
      { target: 'module', moduleKey: 'throughline-product', projectKey: 'MOB', type: 'same-tab' },
    ]);
  });

  test('says so when the viewer can see no product yet', async () => {
    await seedGoal(sandbox, { title: 'Close the books in a day' }, { as: 'outsider', in: inProject('FIN') });
    await open('productManager');

    expect(screen.getByRole('heading', { name: 'No products you can see yet' })).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(await violations()).toEqual([]);
  });

  test('shows the outsider only the product they may browse', async () => {
    await seedProducts();
    await open('outsider');

    expect(screen.getAllByRole('article').map((card) => within(card).getByRole('heading', { level: 2 }).textContent)).toEqual(['Finance Operations']);
    expect(document.body.textContent).not.toMatch(/Thrive/);
  });

  test('tells an anonymous visitor to sign in, without a retry that would not help', async () => {
    await open('anonymous');

    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'You can’t see the portfolio' })).toBeTruthy();
    expect(within(alert).getByText(/Sign in to Jira/)).toBeTruthy();
    expect(within(alert).queryByRole('button')).toBeNull();
  });

  test('offers to try again when Jira does not answer, and loads on the second try', async () => {
    await seedProducts();
    sandbox.jira.setFaults({ serverError: { count: 1, status: 500, match: '/rest/api/3/project/search' } });
    const user = await open('productManager');

    expect(screen.getByRole('heading', { name: 'Jira isn’t answering' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('article', { name: 'Thrive Checkout' })).toBeTruthy();
  });
});
