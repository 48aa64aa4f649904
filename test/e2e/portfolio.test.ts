/**
 * The "Product portfolio" global page as people see it: the sandbox host's Apps page in Chromium,
 * the built portfolio in its iframe, the real @forge/bridge and resolver, Jira as the user.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { launchChromium } from '../sandbox/host/fixtures/chromium';
import type { Browser } from '../sandbox/host/fixtures/chromium';
import { REPO_ROOT, startHost } from '../sandbox/host/host';
import type { RunningHost } from '../sandbox/host/host';

jest.setTimeout(90_000);

const screenshots = join(REPO_ROOT, 'test/.artifacts/screenshots');
let host: RunningHost;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** A resolver call through the host's HTTP surface, as `user` in `project`'s page, that must succeed. */
async function invoke<T>(functionKey: string, payload: unknown, options: { user?: string; project?: string } = {}): Promise<T> {
  const response = await fetch(`${host.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: options.user ?? 'productManager', project: options.project ?? 'THR', functionKey, payload }),
  });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!answer.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

async function appFrame(): Promise<Frame> {
  const element = await page.waitForSelector('#app-frame');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The host page has no app frame');
  return frame;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const board = (productName: string, vision: string) => ({ productName, vision, targetGroup: '', needs: '', product: '', businessGoals: '' });
const goalInput = (title: string, status = 'on-track') => ({ title, description: '', ownerAccountId: null, status, timeFrame: { kind: 'none' } });

async function openPortfolio(user: string, theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await page.goto(`${host.url}/?module=global-page&user=${user}&theme=${theme}`);
  const frame = await appFrame();
  await frame.getByRole('heading', { level: 1, name: 'Product portfolio' }).waitFor();
  await frame.waitForFunction((mode) => document.documentElement.getAttribute('data-color-mode') === mode, theme);
  await frame.locator('[data-testid="portfolio-empty"], article').first().waitFor();
  return frame;
}

async function seedProducts() {
  await invoke('saveVision', { board: board('Thrive Checkout', 'Every shopper pays in one tap, on any device.'), baseVersion: 0 });
  const checkout = await invoke<{ id: string }>('createGoal', { goal: goalInput('Faster checkout') });
  const kpi = await invoke<{ id: string }>('createKpi', {
    goalId: checkout.id,
    kpi: { name: 'Checkout conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: day(-30) }, target: { value: 50, date: day(60) }, source: { kind: 'manual' } },
  });
  const history = await invoke<{ seriesVersion: number }>('getKpiHistory', { id: kpi.id });
  await invoke('addMeasurement', { kpiId: kpi.id, measurement: { date: day(-1), value: 31 }, baseVersion: history.seriesVersion });
  const support = await invoke<{ id: string }>('createGoal', { goal: goalInput('Fewer support calls', 'at-risk') });
  await invoke('createKpi', {
    goalId: support.id,
    kpi: { name: 'Tickets per week', unit: '', direction: 'decrease', baseline: { value: 120, date: day(-30) }, target: { value: 60, date: day(60) }, source: { kind: 'manual' } },
  });
  const item = (title: string, horizon: string, status: string, endDate: string | null) => ({
    item: { title, description: '', goalId: checkout.id, laneId: null, horizon, startDate: null, endDate, status },
  });
  await invoke('createRoadmapItem', item('One-tap payment', 'now', 'in-progress', day(-3)));
  await invoke('createRoadmapItem', item('Saved carts', 'next', 'planned', null));
  await invoke('createRoadmapItem', item('Gift cards', 'later', 'idea', null));
  await invoke('createGoal', { goal: goalInput('Offline first', 'off-track') }, { project: 'MOB' });
  await invoke('createGoal', { goal: goalInput('Close the books in a day') }, { user: 'outsider', project: 'FIN' });
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  host = await startHost({ port: 0 });
  await fetch(`${host.url}/__sandbox/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the Product portfolio in Chromium', () => {
  test('says so when the viewer can see no product yet', async () => {
    const frame = await openPortfolio('productManager');

    await frame.getByRole('heading', { name: 'No products you can see yet' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'e2e-portfolio-empty.png') });
  });

  test('shows the product manager the products of THR and MOB, never Finance’s', async () => {
    await seedProducts();
    const frame = await openPortfolio('productManager');

    const names = await frame.locator('article h2').allTextContents();
    expect(names).toEqual(['Thrive Checkout', 'Thrive Mobile']);
    const thr = frame.getByRole('article', { name: 'Thrive Checkout' });
    await thr.getByText('Faster checkout').waitFor();
    expect(await thr.getByTestId('past-end-date').textContent()).toBe('1 open item past the end date');
    expect(await frame.locator('body').textContent()).not.toMatch(/Finance|Close the books/);
    await page.screenshot({ path: join(screenshots, 'e2e-portfolio-light.png') });
  });

  test('follows the dark theme', async () => {
    const frame = await openPortfolio('productManager', 'dark');

    await frame.getByRole('article', { name: 'Thrive Checkout' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'e2e-portfolio-dark.png') });
  });

  test('opens a product’s page from its card by keyboard', async () => {
    const frame = await openPortfolio('productManager');

    await frame.getByRole('link', { name: 'Open product page of Thrive Mobile' }).focus();
    await page.keyboard.press('Enter');

    await page.waitForURL(/module=project-page/);
    expect(new URL(page.url()).searchParams.get('project')).toBe('MOB');
  });

  test('shows the outsider only Finance’s product', async () => {
    const frame = await openPortfolio('outsider');

    expect(await frame.locator('article h2').allTextContents()).toEqual(['Finance Operations']);
    await page.screenshot({ path: join(screenshots, 'e2e-portfolio-outsider.png') });
    expect(problems).toEqual([]);
  });
});
