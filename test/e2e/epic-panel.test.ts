/**
 * The "Product context" panel as people see it on an epic: the sandbox host's issue view in
 * Chromium, the built panel in its iframe, the real @forge/bridge and resolver, Jira as the user.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { rankBetween } from '../../src/domain/rank';
import { createItem } from '../../src/adapters/storage/roadmap-store';
import { newId } from '../../src/adapters/storage/ids';
import { DEMO_USERS } from '../sandbox/demo/users';
import { launchChromium } from '../sandbox/host/fixtures/chromium';
import type { Browser } from '../sandbox/host/fixtures/chromium';
import { REPO_ROOT, startHost } from '../sandbox/host/host';
import type { RunningHost } from '../sandbox/host/host';

jest.setTimeout(90_000);

const screenshots = join(REPO_ROOT, 'test/.artifacts/screenshots');
let host: RunningHost;
let browser: Browser;
let page: Page;
let epicKey: string;
const problems: string[] = [];

/** A resolver call through the host's HTTP surface, as `user`, that must succeed. */
async function invoke<T>(functionKey: string, payload: unknown, user = 'productManager'): Promise<T> {
  const response = await fetch(`${host.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, project: 'THR', functionKey, payload }),
  });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!answer.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

async function panelFrame(): Promise<Frame> {
  const element = await page.waitForSelector('#app-frame');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The host page has no app frame');
  return frame;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  host = await startHost({ port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1100 });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  const thr = host.jira.site.projects.find((p) => p.key === 'THR')!;
  const epicTypes = new Set(host.jira.site.issueTypes.filter((t) => t.hierarchyLevel === 1).map((t) => t.id));
  epicKey = host.jira.site.issues.find((i) => i.projectId === thr.id && epicTypes.has(i.issueTypeId))!.key;

  // The product manager's product: a goal with a KPI that has a value, and a roadmap item under it.
  const goal = await invoke<{ id: string }>('createGoal', {
    goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } },
  });
  const kpi = await invoke<{ id: string }>('createKpi', {
    goalId: goal.id,
    kpi: { name: 'Checkout conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: day(-30) }, target: { value: 50, date: day(60) }, source: { kind: 'manual' } },
  });
  const history = await invoke<{ seriesVersion: number }>('getKpiHistory', { id: kpi.id });
  await invoke('addMeasurement', { kpiId: kpi.id, measurement: { date: day(-1), value: 31 }, baseVersion: history.seriesVersion });
  // Items are stored as the roadmap stores them: the panel only reads them.
  await host.forge.run(async () => {
    const now = new Date().toISOString();
    await createItem({
      id: newId('item'),
      maxItems: 500,
      now,
      item: {
        projectId: thr.id, title: 'One-tap payment', description: '', goalId: goal.id, horizon: 'next', status: 'planned',
        rank: rankBetween(), version: 1, createdAt: now, createdBy: DEMO_USERS.productManager, updatedAt: now,
        updatedBy: { accountId: DEMO_USERS.productManager, displayName: 'Maya Okafor' },
      },
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

describe('the Product context panel in the sandbox', () => {
  test('the product manager links the epic to a goal and sees the goal with its KPI health', async () => {
    await page.goto(`${host.url}/?project=THR&module=issue-panel&issue=${epicKey}&user=productManager`);
    const frame = await panelFrame();
    await frame.getByText('This epic serves no goal yet.').waitFor();
    await frame.getByRole('button', { name: 'Change links' }).click();
    await frame.getByRole('checkbox', { name: 'One-tap payment' }).check();
    await page.screenshot({ path: join(screenshots, 'e2e-epic-panel-editing.png') });
    await frame.getByRole('button', { name: 'Save links' }).click();
    const goals = frame.getByTestId('epic-goals');
    await goals.getByText('Faster checkout').waitFor();
    await expect(goals.getByText('Through “One-tap payment”').isVisible()).resolves.toBe(true);
    const kpi = goals.getByTestId('epic-kpi');
    await expect(kpi.getByText('Checkout conversion').isVisible()).resolves.toBe(true);
    await expect(kpi.getByText(/^(On track|At risk|Off track)$/).isVisible()).resolves.toBe(true);
    await expect(frame.getByTestId('epic-items').getByText('One-tap payment').isVisible()).resolves.toBe(true);
    await expect(frame.getByTestId('epic-progress').getByText(/of \d+ issues? done/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'e2e-epic-panel-light.png') });
  });

  test('follows the dark theme', async () => {
    await page.locator('#theme-toggle').click();
    await page.waitForURL(/theme=dark/);
    const frame = await panelFrame();
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    await frame.getByTestId('epic-goals').waitFor();
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(background)).toBeLessThan(0.2);
    await page.screenshot({ path: join(screenshots, 'e2e-epic-panel-dark.png') });
  });

  test('a developer who may not edit the epic sees the goal read-only', async () => {
    // As if their project role lost Edit Issues: in the demo, developers may edit THR's issues.
    const thr = host.jira.site.projects.find((p) => p.key === 'THR')!;
    const before = thr.permissions[DEMO_USERS.developer];
    thr.permissions[DEMO_USERS.developer] = ['BROWSE_PROJECTS'];
    try {
      await page.goto(`${host.url}/?project=THR&module=issue-panel&issue=${epicKey}&user=developer&theme=light`);
      const frame = await panelFrame();
      await frame.getByTestId('epic-goals').getByText('Faster checkout').waitFor();
      await expect(frame.getByTestId('epic-read-only').isVisible()).resolves.toBe(true);
      expect(await frame.getByRole('button', { name: 'Change links' }).count()).toBe(0);
      await page.screenshot({ path: join(screenshots, 'e2e-epic-panel-read-only.png') });
    } finally {
      if (before) thr.permissions[DEMO_USERS.developer] = before;
    }
  });
});

/** Relative luminance of a CSS `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number) as [number, number, number];
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
