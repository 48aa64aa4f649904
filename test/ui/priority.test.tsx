/**
 * Owners and priority scores in the product page (issue 15), with the real page, bridge and
 * resolver over the sandbox: the editor chooses RICE by keyboard and the Priority list ranks with
 * explanations (announced); a conflicting choice shows the other editor's; readers see the method
 * named and no choice; score inputs are refused by field, then saved; the card follows.
 */
import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { DEMO_USERS } from '../sandbox/demo';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();
beforeEach(() => window.sessionStorage.clear());

const itemInput = (title: string, extra: Partial<RoadmapItemInput> = {}): RoadmapItemInput => ({ title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned', ...extra });
const entered = (value: number) => ({ source: 'entered' as const, value });

async function openRoadmap(as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByRole('radio', { name: 'Priority' }, { timeout: 10_000 });
  return opened;
}

test('the editor chooses RICE: the list ranks with its sentences, and it is announced', async () => {
  await page.call('createRoadmapItem', { item: itemInput('One-tap payment', { scoreInputs: { reach: entered(380), impact: 2, confidence: 80, effort: entered(14.5) } }) });
  await page.call('createRoadmapItem', { item: itemInput('Refunds', { scoreInputs: { value: 9, effort: entered(3) } }) });
  const { user } = await openRoadmap();
  await user.click(screen.getByRole('radio', { name: 'Priority' }));
  const list = await screen.findByTestId('priority-view');
  await user.click(within(list).getByRole('radio', { name: 'RICE' }));
  await waitFor(() => expect(announcement()).toBe('Items are now scored by RICE.'));
  const rows = within(list).getAllByRole('listitem');
  expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual(['One-tap payment', 'Refunds']);
  expect(rows[0]!.textContent).toContain('RICE 42: reach 380 × impact 2 × 80% ÷ effort 14.5 pts');
  expect(rows[1]!.textContent).toContain('No RICE score yet: reach, impact, and confidence are missing.');
  const results = await axe.run(list, { runOnly: ['wcag2a', 'wcag2aa'] });
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Value ÷ effort reorders the same items by their other inputs.
  await user.click(within(list).getByRole('radio', { name: 'Value ÷ effort' }));
  await waitFor(() => expect(within(list).getAllByRole('listitem')[0]!.textContent).toContain('Value ÷ effort 3: value 9 ÷ effort 3 pts'));
});

test('a choice made against an older version shows the other editor’s method and changes nothing', async () => {
  const { user } = await openRoadmap();
  await user.click(screen.getByRole('radio', { name: 'Priority' }));
  const list = await screen.findByTestId('priority-view');
  await page.call('saveScoringMethod', { method: 'value-effort', baseVersion: 0 }, 'admin');
  await user.click(within(list).getByRole('radio', { name: 'RICE' }));
  await within(list).findByText('Someone else changed the scoring method meanwhile; theirs is shown. Choose again if needed.');
  expect((within(list).getByRole('radio', { name: 'Value ÷ effort' }) as HTMLInputElement).checked).toBe(true);
  expect((await page.call('getRoadmap', {})).scoring).toEqual({ method: 'value-effort', version: 1 });
});

test('readers see the method named, the ranking and each item’s owner, and no way to change them', async () => {
  await page.call('saveScoringMethod', { method: 'rice', baseVersion: 0 });
  await page.call('createRoadmapItem', { item: itemInput('One-tap payment', { ownerAccountId: DEMO_USERS.productManager, scoreInputs: { reach: entered(10), impact: 1, confidence: 100, effort: entered(1) } }) });
  const { user } = await openRoadmap('developer');
  await user.click(screen.getByRole('radio', { name: 'Priority' }));
  const list = await screen.findByTestId('priority-view');
  expect(within(list).getByTestId('priority-method').textContent).toBe('Scoring: RICE · Reach × impact × confidence ÷ effort.');
  expect(within(list).queryAllByRole('radio')).toEqual([]);
  expect(within(list).getByRole('listitem').textContent).toContain('· Maya Okafor');
  await user.click(within(list).getByRole('button', { name: 'One-tap payment' }));
  const section = await screen.findByTestId('item-priority');
  expect(within(section).queryByRole('combobox')).toBeNull();
  expect(within(section).queryByRole('button', { name: 'Save score inputs' })).toBeNull();
  expect(within(section).getByTestId('item-score-sentence').textContent).toBe('RICE 10: reach 10 × impact 1 × 100% ÷ effort 1 pts');
});

test('score inputs: out of bounds is refused next to the field and nothing changes; then saved, the card and the list follow', async () => {
  await page.call('saveScoringMethod', { method: 'value-effort', baseVersion: 0 });
  const item = await page.call('createRoadmapItem', { item: itemInput('Wishlist') });
  const { user } = await openRoadmap();
  await user.click(screen.getByRole('radio', { name: 'Now / Next / Later' }));
  await screen.findByTestId('roadmap-board');
  await user.click(screen.getByRole('button', { name: 'Wishlist' }));
  const section = await screen.findByTestId('item-priority');
  await user.type(within(section).getByRole('spinbutton', { name: 'Value (0–1,000)' }), '5000');
  await user.click(within(section).getAllByRole('radio', { name: 'Entered' })[0]!);
  await user.type(within(section).getByRole('spinbutton', { name: 'Effort (points)' }), '4');
  await user.click(within(section).getByRole('button', { name: 'Save score inputs' }));
  await within(section).findByText('The value is at most 1,000.');
  expect((await page.call('getRoadmap', {})).items[0]!.scoreInputs).toBeUndefined();

  await user.clear(within(section).getByRole('spinbutton', { name: 'Value (0–1,000)' }));
  await user.type(within(section).getByRole('spinbutton', { name: 'Value (0–1,000)' }), '10');
  await user.click(within(section).getByRole('button', { name: 'Save score inputs' }));
  await waitFor(() => expect(announcement()).toBe('Score inputs of “Wishlist” saved.'));
  expect(within(section).getByTestId('item-score-sentence').textContent).toBe('Value ÷ effort 2.5: value 10 ÷ effort 4 pts');
  expect(screen.getByTestId(`card-priority-${item.id}`).textContent).toBe('Value ÷ effort 2.5');
  expect((await page.call('getRoadmap', {})).items[0]!.scoreInputs).toEqual({ value: 10, effort: entered(4) });
});
