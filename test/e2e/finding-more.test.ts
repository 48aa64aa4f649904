/**
 * Issue 10.5 in Chromium through the sandbox host: the horizon and "No epics" filters in the URL,
 * a collapsed lane that stays collapsed after a reload (kept in Forge storage for the person), and a
 * deep link to an item far down the board that opens with its card in view.
 * Screenshots, light and dark: test/.artifacts/screenshots/finding-lanes-*.png.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { messages } from '../../static/shared/messages';
import { finding } from '../../static/shared/messages/create-epic';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const m = messages.roadmap;
const e2e = useSandboxBrowser();

/** Waits until `check` holds (the lane preference is saved behind the click), at most 10 s. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Timed out waiting for the saved lane preference');
}

test('horizon and "No epics" narrow the board and live in the URL; a collapsed lane stays collapsed after a reload', async () => {
  const goal = valueOf(await e2e.invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { goalId: goal.id }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Refunds in the app', { goalId: goal.id, horizon: 'later' }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Dark mode', { horizon: 'later', status: 'idea' }) }));

  for (const theme of ['light', 'dark'] as const) {
    let frame = await e2e.openProjectPage({ user: 'productManager', theme });
    await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
    await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
    await frame.getByRole('radio', { name: m.layouts.horizons }).check();

    await frame.getByRole('combobox', { name: finding.horizon }).selectOption('later');
    await frame.getByRole('checkbox', { name: finding.noEpics }).check();
    await frame.getByTestId('roadmap-filter-count').getByText(m.filterCount(2, 3)).waitFor();
    expect((await frame.locator('.rm-card-title').allTextContents()).sort()).toEqual(['Dark mode', 'Refunds in the app']);
    await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/roadmap/horizons/horizon=later;noepics=1');
    await frame.getByTestId('roadmap-filter').screenshot({ path: join(screenshots, `finding-filters-${theme}.png`) });

    // Collapse the goal's lane; the toggle says so, and its cards are gone.
    const toggle = frame.getByRole('button', { name: finding.collapseLane('Faster checkout') });
    await toggle.click();
    await frame.getByRole('button', { name: finding.expandLane('Faster checkout') }).waitFor();
    expect(await frame.locator('.rm-card-title').allTextContents()).toEqual(['Dark mode']);
    await frame.getByTestId(`roadmap-lane-${goal.id}`).getByText(finding.collapsedCount(1)).waitFor();
    await e2e.page.screenshot({ path: join(screenshots, `finding-lanes-${theme}.png`) });

    // A reload (the filter in the URL, the collapsed lane in Forge storage) comes back the same.
    await until(async () => JSON.stringify(await e2e.invoke('productManager', 'getLanePrefs')).includes(goal.id));
    await e2e.page.reload();
    frame = await e2e.appFrame();
    await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
    await frame.getByRole('button', { name: finding.expandLane('Faster checkout') }).waitFor({ timeout: 30_000 });
    expect(await frame.locator('.rm-card-title').allTextContents()).toEqual(['Dark mode']);
    expect(await frame.getByRole('combobox', { name: finding.horizon }).inputValue()).toBe('later');
    expect(await frame.getByRole('checkbox', { name: finding.noEpics }).isChecked()).toBe(true);

    // Expanded again for the next theme's run.
    await frame.getByRole('button', { name: finding.expandLane('Faster checkout') }).click();
    await frame.getByRole('button', { name: finding.collapseLane('Faster checkout') }).waitFor();
    await until(async () => !JSON.stringify(await e2e.invoke('productManager', 'getLanePrefs')).includes(goal.id));
    await frame.getByRole('button', { name: m.filterClear }).click();
  }
});

test('a link to an item far down the board opens with its card in view', async () => {
  let last = '';
  for (let n = 1; n <= 40; n += 1) last = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput(`Item ${String(n).padStart(2, '0')}`) })).id;
  await e2e.page.goto(`${e2e.host.url}/?project=THR&user=productManager&path=${encodeURIComponent(`/roadmap/horizons/${last}`)}`);
  const frame = await e2e.appFrame();
  const panel = frame.getByTestId('roadmap-item-panel');
  await panel.waitFor({ timeout: 30_000 });
  const card = frame.getByRole('button', { name: 'Item 40', exact: true });
  await card.waitFor();
  const [board, box] = await Promise.all([frame.getByTestId('roadmap-board').boundingBox(), card.boundingBox()]);
  expect(board && box).toBeTruthy();
  // The card lies inside the board's own visible box (the board scrolls itself, 44rem at most).
  expect(box!.y).toBeGreaterThanOrEqual(board!.y);
  expect(box!.y + box!.height).toBeLessThanOrEqual(board!.y + board!.height);
  expect(await frame.getByTestId('roadmap-board').evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await e2e.page.screenshot({ path: join(screenshots, 'finding-deep-link.png') });
});
