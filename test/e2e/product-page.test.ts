/**
 * The whole path as a person sees it: the sandbox host in Chromium, the built Custom UI in its
 * iframe, the real @forge/bridge, the real resolver, Jira read as the acting user.
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

async function appFrame(): Promise<Frame> {
  const element = await page.waitForSelector('#app-frame');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The host page has no app frame');
  return frame;
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  host = await startHost({ port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

describe('the Product page in the sandbox', () => {
  test('shows the product manager the project’s epics and sprints', async () => {
    await page.goto(`${host.url}/?project=THR&user=productManager`);
    const frame = await appFrame();
    await frame.getByRole('tab', { name: 'Epics & sprints' }).click().catch(() => undefined);
    const table = frame.getByTestId('epic-table');
    await table.waitFor();
    const thr = host.jira.site.projects.find((p) => p.key === 'THR')!;
    const epicTypes = new Set(host.jira.site.issueTypes.filter((t) => t.hierarchyLevel === 1).map((t) => t.id));
    const epics = host.jira.site.issues.filter((i) => i.projectId === thr.id && epicTypes.has(i.issueTypeId));
    expect(await table.getByRole('row').count()).toBe(epics.length + 1);
    await expect(table.getByText(epics[0]!.summary).first().isVisible()).resolves.toBe(true);
    const sprints = frame.getByTestId('sprint-list');
    await expect(sprints.getByText('Active').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'e2e-product-light.png') });
  });

  test('switches to the dark theme and the app follows', async () => {
    await page.locator('#theme-toggle').click();
    await page.waitForURL(/theme=dark/);
    const frame = await appFrame();
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    await frame.getByTestId('epic-table').waitFor();
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(background)).toBeLessThan(0.2);
    await page.screenshot({ path: join(screenshots, 'e2e-product-dark.png') });
  });

  test('tells the outsider they have no access', async () => {
    await page.locator('select[name="user"]').selectOption('outsider');
    await page.waitForURL(/user=outsider/);
    const frame = await appFrame();
    await frame.getByText('You don’t have access to this product').waitFor();
    await expect(frame.getByText(/permission to browse this project/).isVisible()).resolves.toBe(true);
    expect(await frame.getByTestId('epic-table').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'e2e-product-outsider.png') });
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
