/**
 * axe-core over the strategy tabs as an editor sees them with everything open: labels, roles,
 * ARIA references, heading order, list and table structure. (Contrast needs a real browser.)
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { productPageHarness } from './product-page-harness';

const page = productPageHarness();

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seedStrategy() {
  const vision = await page.call('saveVision', {
    board: { productName: 'Thrive Web', vision: 'Plan in minutes.', targetGroup: 'Team leads.', needs: 'One picture.', product: 'An app in Jira.', businessGoals: 'Grow.' },
    baseVersion: 0,
  });
  await page.call('saveVision', { board: { productName: 'Thrive Web', vision: 'Plan in minutes, see the why.', targetGroup: 'Team leads.', needs: 'One picture.', product: 'An app in Jira.', businessGoals: 'Grow.' }, baseVersion: vision.version });
  const owner = (await page.call('searchUsers', { query: 'Lukas' }))[0]!;
  const goal = await page.call('createGoal', { goal: { title: 'Activate teams', description: 'In week one.', ownerAccountId: owner.accountId, status: 'at-risk', timeFrame: { kind: 'quarter', year: 2026, quarter: 4 } } });
  await page.call('createGoal', { goal: { title: 'Reach 1,000 sites', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  const kpi = await page.call('createKpi', {
    goalId: goal.id,
    kpi: { name: 'Teams active', unit: '%', direction: 'increase', baseline: { value: 10, date: '2026-01-01' }, target: { value: 50, date: '2026-12-31' }, source: { kind: 'manual' } },
  });
  const series = (await page.call('getKpiHistory', { id: kpi.id })).seriesVersion;
  await page.call('addMeasurement', { kpiId: kpi.id, measurement: { date: '2026-03-01', value: 18 }, baseVersion: series });
}

describe('accessibility of the strategy tabs', () => {
  test('the empty vision with its example', async () => {
    await page.open('productManager');
    await screen.findByRole('button', { name: 'Start from this example' });
    expect(await violations()).toEqual([]);
  });

  test('the vision board being edited, with its history open', async () => {
    await seedStrategy();
    const { user } = await page.open('productManager');
    await user.click(await screen.findByRole('button', { name: 'Edit needs' }));
    await user.click(screen.getByRole('button', { name: 'History' }));
    await screen.findByTestId('vision-history');
    expect(await violations()).toEqual([]);
  });

  test('goals with a KPI opened, the goal form and the KPI form', async () => {
    await seedStrategy();
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Teams active”' }));
    await screen.findByRole('table', { name: 'Measurements' });
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    await user.click(screen.getByRole('button', { name: 'Add KPI to “Reach 1,000 sites”' }));
    await user.click(screen.getByRole('radio', { name: 'JQL ratio' }));
    expect(await violations()).toEqual([]);
  });

  test('the read-only views a developer gets', async () => {
    await seedStrategy();
    const { user } = await page.open('developer', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Details of KPI “Teams active”' }));
    await screen.findByRole('table', { name: 'Measurements' });
    expect(await violations()).toEqual([]);
  });

  test('the epics and sprints overview', async () => {
    await page.open('productManager', 'Epics & sprints');
    await screen.findByTestId('epic-table', undefined, { timeout: 5000 });
    await screen.findByTestId('sprint-list');
    expect(await violations()).toEqual([]);
  });

  test('notices inside a card keep the headings in order: a conflict and a delete confirmation', async () => {
    await seedStrategy();
    const { user } = await page.open('productManager', 'Goals & KPIs');
    await user.click(await screen.findByRole('button', { name: 'Edit goal “Activate teams”' }));
    const goal = (await page.call('getStrategy', undefined)).goals.find((g) => g.title === 'Activate teams')!;
    await page.call('updateGoal', { id: goal.id, goal: { title: 'Activate teams', description: 'Changed.', ownerAccountId: null, status: 'done', timeFrame: { kind: 'none' } }, baseVersion: goal.version }, 'admin');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Someone else changed this');
    await user.click(screen.getByRole('button', { name: 'More actions for “Reach 1,000 sites”' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await screen.findByText('Delete “Reach 1,000 sites”?');
    expect(await violations()).toEqual([]);
    const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true);
  });
});
