/**
 * "Create epic" in the roadmap item panel (issue 10.4), with the real page, bridge and resolver over
 * the sandbox: the epic appears on the item at once, its key links into Jira, success is announced;
 * a project requiring a field the form lacks is told which one; a reader sees no button.
 */
import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();
beforeEach(() => window.sessionStorage.clear());

const itemInput = (title: string): RoadmapItemInput => ({ title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' });

async function openItem(title: string, as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  await opened.user.click(screen.getByRole('button', { name: title }));
  return { ...opened, panel: screen.getByRole('region', { name: title }) };
}

test('an editor creates an epic from the item: summary prefilled, the epic on the item at once with a Jira link, announced', async () => {
  page.sandbox.jira.setSearchIndexLag(60_000);
  const item = await page.call('createRoadmapItem', { item: itemInput('One-tap payment') });
  const { user, panel } = await openItem('One-tap payment');
  await user.click(within(panel).getByRole('button', { name: 'Create epic in Jira for “One-tap payment”' }));
  const form = within(panel).getByRole('form', { name: 'Create an epic in Jira' });
  const summary = within(form).getByRole('textbox', { name: /^Summary/ });
  expect(document.activeElement).toBe(summary);
  expect((summary as HTMLInputElement).value).toBe('One-tap payment');
  await user.type(within(form).getByRole('textbox', { name: /^Description/ }), 'Pay with a saved card.');
  await user.click(within(form).getByRole('button', { name: 'Create' }));

  const success = await within(panel).findByTestId('create-epic-success');
  const created = page.sandbox.site.issues[page.sandbox.site.issues.length - 1]!;
  expect(created.summary).toBe('One-tap payment');
  expect(within(success).getByTestId(`issue-link-${created.key}`).textContent).toBe(created.key);
  expect(within(success).getByText(`throughlineRoadmapItem = "${item.id}"`)).toBeTruthy();
  expect(within(within(panel).getByTestId('item-epics')).getByTestId(`item-epic-${created.key}`)).toBeTruthy();
  expect(announcement()).toBe(`Created epic ${created.key} for “One-tap payment”.`);
  const results = await axe.run(panel, { runOnly: ['wcag2a', 'wcag2aa'] });
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  page.sandbox.jira.setSearchIndexLag(0);
});

test('a project that requires a field the form lacks: the refusal names it, nothing is created', async () => {
  const project = page.sandbox.project('THR');
  project.requiredOnCreate = ['components'];
  try {
    await page.call('createRoadmapItem', { item: itemInput('Guest checkout') });
    const before = page.sandbox.site.issues.length;
    const { user, panel } = await openItem('Guest checkout');
    await user.click(within(panel).getByRole('button', { name: /^Create epic in Jira/ }));
    await user.click(within(panel).getByRole('button', { name: 'Create' }));
    const notice = await within(panel).findByTestId('create-epic-required');
    expect(within(notice).getByText('Component/s')).toBeTruthy();
    expect(notice.textContent).toMatch(/Jira requires Component\/s to create an epic in THR/);
    expect(page.sandbox.site.issues).toHaveLength(before);
    // The form stays, with what was typed: nothing is lost.
    expect((within(panel).getByRole('textbox', { name: /^Summary/ }) as HTMLInputElement).value).toBe('Guest checkout');
  } finally {
    delete project.requiredOnCreate;
  }
});

test('an empty summary is refused in the form, by the field; Escape closes the form and focus returns to the button', async () => {
  await page.call('createRoadmapItem', { item: itemInput('Wishlist') });
  const { user, panel } = await openItem('Wishlist');
  const opener = within(panel).getByRole('button', { name: /^Create epic in Jira/ });
  await user.click(opener);
  await user.clear(within(panel).getByRole('textbox', { name: /^Summary/ }));
  await user.click(within(panel).getByRole('button', { name: 'Create' }));
  expect(within(panel).getByRole('textbox', { name: /^Summary/ }).getAttribute('aria-invalid')).toBe('true');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(within(panel).queryByRole('form', { name: 'Create an epic in Jira' })).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: /^Create epic in Jira/ })));
});

test('someone the edit rule does not let change the product sees no Create epic button', async () => {
  await page.call('createRoadmapItem', { item: itemInput('Loyalty') });
  const { panel } = await openItem('Loyalty', 'developer');
  expect(within(panel).queryByRole('button', { name: /^Create epic in Jira/ })).toBeNull();
});
