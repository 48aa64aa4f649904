/**
 * Check-ins in the Product page (issue 11), with the real page, bridge and resolver over the
 * sandbox: posted from a goal by keyboard and announced; the disagreement with the facts said in
 * the app's sentence; the facts attached; the author's edit; readers without the form; the item
 * panel's section and the card's "update due".
 */
import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import type { GoalInput, RoadmapItemInput } from '../../src/contract';
import { checkIns as m } from '../../static/shared/messages/check-ins';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

const goalInput = (title: string, overrides: Partial<GoalInput> = {}): GoalInput => ({
  title,
  description: '',
  ownerAccountId: null,
  status: 'on-track',
  timeFrame: { kind: 'quarter', year: 2027, quarter: 1 },
  ...overrides,
});
const itemInput = (title: string): RoadmapItemInput => ({ title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' });

const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a goal’s check-in, posted by keyboard: listed newest first with its author and facts, the disagreement said in one sentence, announced', async () => {
  const goal = await page.call('createGoal', { goal: goalInput('Faster checkout') });
  const kpi = await page.call('createKpi', {
    goalId: goal.id,
    kpi: { name: 'Conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: daysFromToday(-30) }, target: { value: 50, date: daysFromToday(60) }, source: { kind: 'manual' } },
  });
  const history = await page.call('getKpiHistory', { id: kpi.id });
  await page.call('addMeasurement', { kpiId: kpi.id, measurement: { date: today(), value: 20 }, baseVersion: history.seriesVersion });

  const { user } = await page.open('productManager', 'Goals & KPIs');
  const section = await screen.findByTestId(`check-ins-${goal.id}`, undefined, { timeout: 10_000 });
  await user.click(within(section).getByRole('button', { name: m.open }));
  const form = await within(section).findByTestId('check-in-form');
  expect(document.activeElement).toBe(within(section).getByTestId(`check-ins-open-${goal.id}`));
  await user.selectOptions(within(form).getByRole('combobox', { name: m.statusLabel }), 'on-track');
  await user.click(within(form).getByRole('textbox', { name: new RegExp(`^${m.textLabel}`) }));
  await user.keyboard('Beta is live for 40% of shoppers. Numbers: https://example.com/beta');
  await user.click(within(form).getByRole('button', { name: m.post }));

  const list = await within(section).findByRole('list', { name: m.listLabel('Faster checkout') });
  const [entry] = within(list).getAllByRole('listitem').filter((element) => element.dataset.testid?.startsWith('check-in-'));
  expect(entry).toBeDefined();
  expect(within(entry!).getByText(/Beta is live/).textContent).toContain('Beta is live for 40% of shoppers.');
  expect(within(entry!).getByRole('link', { name: 'https://example.com/beta' }).getAttribute('href')).toBe('https://example.com/beta');
  expect(within(entry!).getByText(/Conversion: 20/).textContent).toMatch(/off track/);
  expect(announcement()).toBe(m.posted);
  // The goal's section says where the status and the facts disagree, in the app's own sentence.
  const disagreement = await within(section).findByTestId(`check-in-disagreement-${goal.id}`);
  expect(disagreement.textContent).toContain('Marked on track, but KPI “Conversion” is off track.');
  expect(within(entry!).getByRole('button', { name: /Edit your check-in/ })).toBeDefined();

  const results = await axe.run(section, { runOnly: ['wcag2a', 'wcag2aa'] });
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('the author edits their check-in; the goal shows the new status', async () => {
  const goal = await page.call('createGoal', { goal: goalInput('Retention') });
  const posted = await page.call('postStatusUpdate', { target: { kind: 'goal', id: goal.id }, status: 'on-track', text: 'Fine so far.' });
  const { user } = await page.open('productManager', 'Goals & KPIs');
  const section = await screen.findByTestId(`check-ins-${goal.id}`, undefined, { timeout: 10_000 });
  await user.click(within(section).getByRole('button', { name: m.show(1) }));
  const entry = await within(section).findByTestId(`check-in-${posted.update.id}`);
  await user.click(within(entry).getByRole('button', { name: /Edit your check-in/ }));
  const form = within(section).getByTestId(`check-in-edit-${posted.update.id}`);
  await user.selectOptions(within(form).getByRole('combobox', { name: m.statusLabel }), 'at-risk');
  const text = within(form).getByRole('textbox', { name: new RegExp(`^${m.textLabel}`) });
  await user.clear(text);
  await user.type(text, 'A supplier slipped.');
  await user.click(within(form).getByRole('button', { name: m.save }));
  await within(section).findByText('A supplier slipped.');
  expect(announcement()).toBe(m.saved);
  await waitFor(() => expect(within(screen.getByTestId(`check-in-badges-${goal.id}`)).getByText(m.status['at-risk'])).toBeDefined());
});

test('a reader sees check-ins but no form', async () => {
  const goal = await page.call('createGoal', { goal: goalInput('Activation') });
  await page.call('postStatusUpdate', { target: { kind: 'goal', id: goal.id }, status: 'at-risk', text: 'Slower than planned.' });
  const { user } = await page.open('developer', 'Goals & KPIs');
  const section = await screen.findByTestId(`check-ins-${goal.id}`, undefined, { timeout: 10_000 });
  // Closed, the section costs no call: the goal's own state (from getStrategy) is shown.
  expect(within(screen.getByTestId(`check-in-badges-${goal.id}`)).getByText(m.status['at-risk'])).toBeDefined();
  await user.click(within(section).getByRole('button', { name: m.show(1) }));
  await within(section).findByText('Slower than planned.');
  expect(within(section).queryByTestId('check-in-form')).toBeNull();
});

test('a text over 2,000 characters is refused next to the field before anything is sent', async () => {
  const goal = await page.call('createGoal', { goal: goalInput('Referrals') });
  const { user } = await page.open('productManager', 'Goals & KPIs');
  const section = await screen.findByTestId(`check-ins-${goal.id}`, undefined, { timeout: 10_000 });
  await user.click(within(section).getByRole('button', { name: m.open }));
  const form = await within(section).findByTestId('check-in-form');
  const textbox = () => within(form).getByRole<HTMLTextAreaElement>('textbox', { name: new RegExp(`^${m.textLabel}`) });
  // The section re-renders once its list has loaded; on a loaded machine that can land between the
  // click and the paste and take the focus with it, so paste until the text is in the field.
  await waitFor(async () => {
    if (textbox().value.length !== 2_001) {
      await user.click(textbox());
      await user.clear(textbox());
      await user.paste('x'.repeat(2_001));
    }
    expect(textbox().value).toHaveLength(2_001);
  }, { timeout: 10_000 });
  await user.click(within(form).getByRole('button', { name: m.post }));
  await within(form).findByText('Keep a check-in to 2,000 characters or fewer.', undefined, { timeout: 5_000 });
  expect(within(form).getByRole('textbox', { name: new RegExp(`^${m.textLabel}`) }).getAttribute('aria-invalid')).toBe('true');
  expect((await page.call('listStatusUpdates', { target: { kind: 'goal', id: goal.id } })).updates).toEqual([]);
});

test('the item panel has its check-ins; the card shows the latest check-in’s status', async () => {
  const item = await page.call('createRoadmapItem', { item: itemInput('Guest checkout') });
  const opened = await page.open('productManager');
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  await opened.user.click(screen.getByRole('button', { name: 'Guest checkout' }));
  const panel = screen.getByRole('region', { name: 'Guest checkout' });
  const section = await within(panel).findByTestId(`check-ins-${item.id}`);
  const form = await within(section).findByTestId('check-in-form');
  await opened.user.type(within(form).getByRole('textbox', { name: new RegExp(`^${m.textLabel}`) }), 'Design done.');
  await opened.user.click(within(form).getByRole('button', { name: m.post }));
  await within(section).findByText('Design done.');
  expect(within(section).getByText(/No epic delivers it yet/)).toBeDefined();
  await waitFor(() => expect(within(screen.getByTestId(`check-in-badges-${item.id}`)).getByText(m.status['on-track'])).toBeDefined());
});

test('an editor sets how often check-ins are expected; it is saved and announced', async () => {
  const goal = await page.call('createGoal', { goal: goalInput('Cadence') });
  const { user } = await page.open('productManager', 'Goals & KPIs');
  const section = await screen.findByTestId(`check-ins-${goal.id}`, undefined, { timeout: 10_000 });
  await user.click(within(section).getByRole('button', { name: m.open }));
  const cadence = await within(section).findByRole('combobox', { name: m.cadenceLabel });
  expect((cadence as HTMLSelectElement).value).toBe('weekly');
  await user.selectOptions(cadence, 'monthly');
  await waitFor(() => expect(announcement()).toBe(m.cadenceSaved('monthly')));
  expect((await page.call('getCheckIns', undefined)).cadence).toBe('monthly');
});
