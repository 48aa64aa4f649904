/**
 * Releases and dependencies in the roadmap item panel (issue 10.2, 10.3), with the real page, bridge
 * and resolver over the sandbox: the releases an item's work is in and the one its forecast
 * passes, said in words; blockers added from a list or from Jira's suggestion with one click,
 * removed, the late-blocker warning shown, each change announced; a reader sees them, unchanged.
 */
import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();
beforeEach(() => {
  window.sessionStorage.clear();
  for (const issue of page.sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
});

const itemInput = (title: string, dates: { startDate?: string; endDate?: string } = {}): RoadmapItemInput => ({
  title,
  description: '',
  goalId: null,
  laneId: null,
  horizon: 'now',
  startDate: dates.startDate ?? null,
  endDate: dates.endDate ?? null,
  status: 'planned',
});

const epicNamed = (summary: string) => page.sandbox.site.issues.find((issue) => issue.summary === summary && issue.parentId === undefined)!;
const link = (itemId: string, summary: string) =>
  page.call('linkEpics', { target: { kind: 'item', id: itemId }, link: [{ epicId: epicNamed(summary).id, linksVersion: 0 }], unlink: [] });

async function openItem(title: string, as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  await opened.user.click(screen.getByRole('button', { name: title }));
  return { ...opened, panel: screen.getByRole('region', { name: title }) };
}

test('the releases an item’s work is in, with the one its forecast passes said in words', async () => {
  const item = await page.call('createRoadmapItem', { item: itemInput('Loyalty relaunch') });
  await link(item.id, 'Loyalty points');
  const { panel } = await openItem('Loyalty relaunch');
  const releases = await within(panel).findByTestId('item-releases');
  expect(within(releases).getByRole('heading', { name: 'Releases' })).toBeTruthy();
  const list = within(releases).getByRole('list', { name: 'Releases' });
  expect(list.textContent).toMatch(/^2\.3Overduedue Nov 13 · \d+ of \d+ issues open$/);
  expect(releases.textContent).toMatch(/Forecast .+ passes release 2\.3 on Nov 13\./);
  // The card says so too.
  const card = screen.getByTestId(`roadmap-card-${item.id}`);
  expect(within(card).getByText('At risk')).toBeTruthy();
  expect(card.textContent).toMatch(/passes release 2\.3 on Nov 13/);
});

test('an editor accepts Jira’s suggestion with one click, sees the late-blocker warning, removes it, and adds one from the list', async () => {
  const api = await page.call('createRoadmapItem', { item: itemInput('Multi-currency', { startDate: '2027-01-04', endDate: '2027-03-12' }) });
  const promos = await page.call('createRoadmapItem', { item: itemInput('Promotions', { startDate: '2027-03-01', endDate: '2027-04-30' }) });
  await page.call('createRoadmapItem', { item: itemInput('Ledger') });
  await link(api.id, 'Multi-currency pricing');
  await link(promos.id, 'Promo code engine');
  const { user, panel } = await openItem('Promotions');
  const section = within(panel).getByTestId('item-dependencies');
  expect(within(section).getByText('Not blocked by other items.')).toBeTruthy();

  const keys = `${epicNamed('Multi-currency pricing').key} blocks ${epicNamed('Promo code engine').key}`;
  await user.click(within(section).getByRole('button', { name: `Add Multi-currency as a blocker, as Jira’s link ${keys} suggests` }));
  const blockers = await within(section).findByRole('list', { name: 'Blocked by' });
  expect(within(blockers).getByText('Multi-currency')).toBeTruthy();
  expect(announcement()).toBe('Multi-currency now blocks Promotions.');
  expect(within(section).queryByRole('list', { name: 'Suggested by Jira' })).toBeNull();
  expect(within(section).getByRole('list', { name: 'Dependency warnings' }).textContent).toBe('Multi-currency ends Mar 12, 2027, after this item starts on Mar 1, 2027.');
  expect((await page.call('getRoadmap', {})).items.find((item) => item.id === promos.id)?.dependsOn).toEqual([api.id]);

  await user.click(within(section).getByRole('button', { name: 'Remove Multi-currency from the blockers' }));
  await waitFor(() => expect(announcement()).toBe('Multi-currency no longer blocks Promotions.'));
  expect(within(section).queryByRole('list', { name: 'Blocked by' })).toBeNull();

  // From the list, with the keyboard.
  const select = within(section).getByRole('combobox', { name: 'Add a blocker' });
  await user.selectOptions(select, 'Ledger');
  await user.click(within(section).getByRole('button', { name: 'Add the chosen item as a blocker of Promotions' }));
  await waitFor(() => expect(announcement()).toBe('Ledger now blocks Promotions.'));
  const results = await axe.run(panel, { runOnly: ['wcag2a', 'wcag2aa'] });
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('items that would close a loop are not offered', async () => {
  const a = await page.call('createRoadmapItem', { item: itemInput('Alpha') });
  await page.call('createRoadmapItem', { item: { ...itemInput('Beta'), dependsOn: [a.id] } });
  await page.call('createRoadmapItem', { item: itemInput('Gamma') });
  const { panel } = await openItem('Alpha');
  const select = within(within(panel).getByTestId('item-dependencies')).getByRole('combobox', { name: 'Add a blocker' });
  expect([...(select as HTMLSelectElement).options].map((option) => option.text)).toEqual(['Choose an item…', 'Gamma']);
});

test('a reader sees what blocks an item, and nothing to change it with', async () => {
  const a = await page.call('createRoadmapItem', { item: itemInput('Alpha') });
  await page.call('createRoadmapItem', { item: { ...itemInput('Beta'), dependsOn: [a.id] } });
  const { panel } = await openItem('Beta', 'developer');
  const section = within(panel).getByTestId('item-dependencies');
  expect(within(within(section).getByRole('list', { name: 'Blocked by' })).getByText('Alpha')).toBeTruthy();
  expect(within(section).queryByRole('button')).toBeNull();
  expect(within(section).queryByRole('combobox')).toBeNull();
});
