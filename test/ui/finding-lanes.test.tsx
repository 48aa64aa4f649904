/**
 * Issue 10.5 on the Roadmap tab with the real page, bridge and resolver: the horizon and "No epics"
 * filters narrow the board and live in the route; a collapsed lane stays collapsed for this person
 * when the page is opened again (Forge storage, not the browser), and not for anyone else.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();
beforeEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
});

const itemInput = (title: string, extra: Partial<RoadmapItemInput> = {}): RoadmapItemInput => ({ title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned', ...extra });

async function openRoadmap(as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  return opened;
}

const cardTitles = () => [...document.querySelectorAll('[data-testid="roadmap-board"] .rm-card-title')].map((title) => title.textContent).sort();

test('horizon and "No epics" narrow the board, and the route keeps them', async () => {
  await page.call('createRoadmapItem', { item: itemInput('Now thing') });
  await page.call('createRoadmapItem', { item: itemInput('Later thing', { horizon: 'later' }) });
  const withEpic = await page.call('createRoadmapItem', { item: itemInput('Delivered thing', { horizon: 'later' }) });
  const [epic] = page.sandbox.site.issues.filter((issue) => issue.projectId === '10000' && issue.issueTypeId === '10000');
  await page.call('linkEpics', { target: { kind: 'item', id: withEpic.id }, link: [{ epicId: epic!.id, linksVersion: 0 }], unlink: [] });
  const { user } = await openRoadmap();
  expect(cardTitles()).toEqual(['Delivered thing', 'Later thing', 'Now thing']);

  await user.selectOptions(screen.getByRole('combobox', { name: 'Horizon' }), 'later');
  await waitFor(() => expect(cardTitles()).toEqual(['Delivered thing', 'Later thing']));
  await user.click(screen.getByRole('checkbox', { name: 'No epics' }));
  await waitFor(() => expect(cardTitles()).toEqual(['Later thing']));
  expect(screen.getByTestId('roadmap-filter-count').textContent).toMatch(/1 of 3/);
  expect(page.bridge.history.location.pathname).toMatch(/horizon=later;noepics=1$/);
});

test('a collapsed lane stays collapsed for this person when the page opens again, and only for them', async () => {
  const goal = await page.call('createGoal', { goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  await page.call('createRoadmapItem', { item: itemInput('One-tap payment', { goalId: goal.id }) });
  await page.call('createRoadmapItem', { item: itemInput('Dark mode') });
  const first = await openRoadmap();
  const toggle = screen.getByRole('button', { name: 'Collapse lane Faster checkout' });
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  await first.user.click(toggle);
  await waitFor(() => expect(cardTitles()).toEqual(['Dark mode']));
  expect(screen.getByRole('button', { name: 'Expand lane Faster checkout' }).getAttribute('aria-expanded')).toBe('false');
  expect(within(screen.getByTestId(`roadmap-lane-${goal.id}`)).getByText('1 item hidden')).toBeTruthy();
  expect(announcement()).toBe('Lane Faster checkout collapsed');
  await waitFor(async () => expect(await page.call('getLanePrefs', undefined)).toEqual({ collapsedLaneIds: [goal.id] }));
  first.unmount();
  window.localStorage.clear();

  await openRoadmap();
  await waitFor(() => expect(cardTitles()).toEqual(['Dark mode']));
  expect(screen.getByRole('button', { name: 'Expand lane Faster checkout' })).toBeTruthy();
});

test('someone else still sees the lane open', async () => {
  const goal = await page.call('createGoal', { goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
  await page.call('createRoadmapItem', { item: itemInput('One-tap payment', { goalId: goal.id }) });
  await page.call('saveLanePrefs', { collapsedLaneIds: [goal.id] });
  await openRoadmap('developer');
  expect(cardTitles()).toEqual(['One-tap payment']);
  expect(screen.getByRole('button', { name: 'Collapse lane Faster checkout' })).toBeTruthy();
});
