/**
 * The dashboard gadgets as people use them: the real gadget resource, bridge and resolver over the
 * sandbox, in a `jira:dashboardGadget` frame whose context carries the saved configuration, and in
 * the edit view that saves it with `view.submit`.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import { createSandbox } from '../integration/harness';
import type { Actor, GadgetModuleKey } from '../integration/harness';
import { seedItem } from '../integration/epic-panel/kit';
import { inProject, seedGoal, seedKpi, seedMeasurements } from '../integration/resolvers/strategy/kit';
import { daysFromToday } from '../integration/resolvers/strategy/builders';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(20_000);

const sandbox = createSandbox();
const bridge = installBridgeDouble(sandbox, { as: 'productManager', in: { module: 'jira:dashboardGadget' } });
let Gadget: typeof import('../../static/gadget/src/gadget').Gadget;

beforeAll(async () => {
  // Only now: @forge/bridge looks for the host's `__bridge` when it is first imported.
  ({ Gadget } = await import('../../static/gadget/src/gadget'));
});

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  for (const issue of sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
  bridge.navigations.length = 0;
  bridge.submissions.length = 0;
});

function show(gadget: GadgetModuleKey, as: Actor, configuration: Record<string, unknown>, edit = false) {
  bridge.setView({ as, in: { module: 'jira:dashboardGadget', gadget, configuration, edit } });
  const user = userEvent.setup({ delay: null });
  render(<Gadget />);
  return user;
}

async function axeSeriousOrWorse(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

async function seedStrategy() {
  const checkout = await seedGoal(sandbox, { title: 'Faster checkout', status: 'at-risk' });
  const kpi = await seedKpi(sandbox, checkout.id, { name: 'Conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: daysFromToday(-30) }, target: { value: 50, date: daysFromToday(30) } });
  await seedMeasurements(sandbox, kpi.id, [{ date: daysFromToday(-1), value: 40 }]);
  const loyalty = await seedGoal(sandbox, { title: 'Keep customers' });
  await seedItem(sandbox, 'THR', { title: 'One-tap payment', goalId: checkout.id, horizon: 'now', status: 'in-progress' });
  const points = await seedItem(sandbox, 'THR', { title: 'Loyalty points', goalId: loyalty.id, horizon: 'now' });
  return { checkout, loyalty, points };
}

const thr = () => sandbox.project('THR').id;

test('Goal health shows the configured product’s goals with status and KPI health, and no serious axe violations', async () => {
  await seedStrategy();
  show('throughline-goal-health', 'developer', { projectId: thr(), rows: 5 });
  const rows = await screen.findAllByTestId('goal-row', {}, { timeout: 8000 });
  expect(rows.map((row) => within(row).getByRole('heading', { level: 4 }).textContent)).toEqual(['Faster checkout', 'Keep customers']);
  expect(within(rows[0]!).getByText('At risk')).toBeTruthy();
  expect(within(rows[0]!).getByText('Conversion')).toBeTruthy();
  expect(within(rows[0]!).getByText('On track')).toBeTruthy();
  expect(within(rows[1]!).getByText('No KPIs')).toBeTruthy();
  expect(screen.getByText('Thrive Web (THR)')).toBeTruthy();
  expect(await axeSeriousOrWorse()).toEqual([]);
});

test('a gadget not set up yet asks to choose a product, without calling the resolver', async () => {
  bridge.calls.length = 0;
  show('throughline-goal-health', 'developer', {});
  expect(await screen.findByTestId('gadget-not-configured')).toBeTruthy();
  expect(bridge.calls).not.toContain('invoke');
});

test('a gadget set up on a project the viewer may not browse shows a plain notice and nothing of it', async () => {
  const fin = await seedGoal(sandbox, { title: 'Close the books in a day' }, { as: 'outsider', in: inProject('FIN') });
  await seedItem(sandbox, 'FIN', { title: 'Ledger import', goalId: fin.id, horizon: 'now' });
  for (const gadget of ['throughline-goal-health', 'throughline-roadmap-now', 'throughline-unaligned-work'] as const) {
    show(gadget, 'productManager', { projectId: sandbox.project('FIN').id, rows: 5 });
    const notice = await screen.findByTestId('gadget-failure', {}, { timeout: 8000 });
    expect(within(notice).getByRole('heading', { level: 2 }).textContent).toBe('Nothing to show you');
    expect(document.body.textContent).not.toMatch(/Close the books|Ledger import|Finance|FIN/);
    document.body.innerHTML = '';
  }
});

test('Roadmap now lists the goal’s Now items, each a link to that item in the product page', async () => {
  const { loyalty, points } = await seedStrategy();
  const user = show('throughline-roadmap-now', 'productManager', { projectId: thr(), rows: 5, goalId: loyalty.id });
  const items = await screen.findAllByTestId('now-item', {}, { timeout: 8000 });
  expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual(['Loyalty points']);
  expect(screen.getByText('Goal: Keep customers')).toBeTruthy();
  expect(within(items[0]!).getByText('No epics yet')).toBeTruthy();
  const link = within(items[0]!).getByRole('link', { name: 'Open Loyalty points in the product page' });
  // The item's own route in the product page (static/shared/product-route.ts), as href and as navigation.
  await waitFor(() => expect(link.getAttribute('href')).toBe(`${sandbox.site.baseUrl}/jira/software/projects/THR/apps/throughline-product/roadmap/horizons/${points.id}`));
  await user.click(link);
  expect(bridge.navigations).toEqual([
    expect.objectContaining({ target: 'module', moduleKey: 'throughline-product', projectKey: 'THR', path: `/roadmap/horizons/${points.id}` }),
  ]);
  expect(await axeSeriousOrWorse()).toEqual([]);
});

test('Unaligned work says how many open epics serve no goal and which goals have no work', async () => {
  await seedStrategy();
  show('throughline-unaligned-work', 'developer', { projectId: thr(), rows: 3 });
  const count = await screen.findByTestId('unaligned-count', {}, { timeout: 8000 });
  expect(count.textContent).toMatch(/^\d+ open epics serve no goal\.$/);
  expect((await screen.findAllByTestId('unaligned-epic')).length).toBe(3);
  expect(screen.getAllByTestId('goal-without-work').map((row) => row.textContent)).toEqual(['Faster checkout', 'Keep customers']);
  expect(await axeSeriousOrWorse()).toEqual([]);
});

test('the edit view offers browsable products and the goal filter, checks the rows, and saves with view.submit', async () => {
  const { loyalty } = await seedStrategy();
  await seedGoal(sandbox, { title: 'Offline first' }, { in: inProject('MOB') });
  await seedGoal(sandbox, { title: 'Close the books' }, { as: 'outsider', in: inProject('FIN') });
  const user = show('throughline-roadmap-now', 'productManager', {}, true);
  const product = await screen.findByRole('combobox', { name: /Product/ }, { timeout: 8000 });
  expect(within(product).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a product', 'Thrive Mobile (MOB)', 'Thrive Web (THR)']);

  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Choose a product.')).toBeTruthy();
  expect(bridge.submissions).toEqual([]);

  await user.selectOptions(product, thr());
  const goal = await screen.findByRole('combobox', { name: 'Goal' });
  expect(within(goal).getAllByRole('option').map((option) => option.textContent)).toEqual(['All goals', 'Faster checkout', 'Keep customers']);
  await user.selectOptions(goal, loyalty.id);
  const rows = screen.getByRole('spinbutton', { name: /Rows/ });
  await user.clear(rows);
  await user.type(rows, '0');
  await user.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Enter a whole number from 1 to 20.')).toBeTruthy();
  expect(rows.getAttribute('aria-invalid')).toBe('true');
  expect(bridge.submissions).toEqual([]);

  await user.clear(rows);
  await user.type(rows, '3');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Refresh automatically' }), '15');
  // Keyboard: Save is reachable and works from the keyboard.
  screen.getByRole('button', { name: 'Save' }).focus();
  await user.keyboard('{Enter}');
  expect(bridge.submissions).toEqual([{ projectId: thr(), rows: 3, goalId: loyalty.id, refresh: 15 }]);
  expect(await axeSeriousOrWorse()).toEqual([]);
});

test('the edit view shows the saved configuration, and Goal health has no goal filter', async () => {
  await seedStrategy();
  show('throughline-goal-health', 'developer', { projectId: thr(), rows: 7, refresh: 30 }, true);
  const product = await screen.findByRole('combobox', { name: /Product/ }, { timeout: 8000 });
  expect((product as HTMLSelectElement).value).toBe(thr());
  expect((screen.getByRole('spinbutton', { name: /Rows/ }) as HTMLInputElement).value).toBe('7');
  expect((screen.getByRole('combobox', { name: 'Refresh automatically' }) as HTMLSelectElement).value).toBe('30');
  expect(screen.queryByRole('combobox', { name: 'Goal' })).toBeNull();
});
