/**
 * Finding things and links back to Jira, in Chromium through the sandbox host: the roadmap's filter
 * bar kept in the page URL (a reload keeps it), and an epic key that takes Jira to the issue.
 * Screenshots of the filter bar in the light and dark themes: test/.artifacts/screenshots/finding-*.png.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { messages } from '../../static/shared/messages';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(120_000);

const m = messages.roadmap;
const e2e = useSandboxBrowser();


test('a roadmap filter narrows the board, lives in the URL and survives a reload', async () => {
  const goal = valueOf(await e2e.invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { goalId: goal.id }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Refunds in the app', { goalId: goal.id, status: 'in-progress' }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Dark mode', { horizon: 'later', status: 'idea' }) }));

  for (const theme of ['light', 'dark'] as const) {
    let frame = await e2e.openProjectPage({ user: 'productManager', theme });
    await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
    await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
    await frame.getByRole('radio', { name: m.layouts.horizons }).check();
    await frame.getByRole('searchbox', { name: m.filterText }).fill('refund');
    await frame.getByTestId('roadmap-filter-count').getByText(m.filterCount(1, 3)).waitFor();
    expect(await frame.locator('.rm-card-title').allTextContents()).toEqual(['Refunds in the app']);
    await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/roadmap/horizons/q=refund');
    await frame.getByTestId('roadmap-filter').screenshot({ path: join(screenshots, `finding-roadmap-filter-${theme}.png`) });

    await e2e.page.reload();
    frame = await e2e.appFrame();
    await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
    expect(await frame.getByRole('searchbox', { name: m.filterText }).inputValue()).toBe('refund');
    expect(await frame.locator('.rm-card-title').allTextContents()).toEqual(['Refunds in the app']);

    await frame.getByRole('combobox', { name: m.filterGoal }).selectOption('none');
    await frame.getByTestId('roadmap-filter-empty').waitFor();
    await e2e.page.screenshot({ path: join(screenshots, `finding-roadmap-empty-${theme}.png`) });
  }
});

test('an epic key in the alignment list opens the issue in Jira', async () => {
  const frame = await e2e.openProjectPage({ user: 'productManager' });
  await frame.getByRole('tab', { name: messages.common.tabs.alignment }).click();
  const firstLink = frame.getByTestId('unaligned-epics').locator('a.issue-key-link').first();
  await firstLink.waitFor({ timeout: 30_000 });
  const key = (await firstLink.textContent())!;
  expect(await firstLink.getAttribute('href')).toMatch(new RegExp(`/browse/${key}$`));
  await e2e.page.screenshot({ path: join(screenshots, 'finding-alignment-list.png') });
  await firstLink.click();
  await e2e.page.waitForURL((url) => url.searchParams.get('issue') === key);
});
