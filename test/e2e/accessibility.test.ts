/**
 * axe-core over every page and panel the app shows, in Chromium through the sandbox host, in the
 * light and the dark theme, with data in it: zero serious or critical violations. Each view is
 * also screenshotted (test/.artifacts/screenshots/a11y-*.png) to be looked at.
 *
 * axe is evaluated in the app's frame through the DevTools protocol, which the frame's CSP
 * (`script-src 'self'`) does not govern; nothing is added to the page the app ships.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from '../sandbox/host/fixtures/chromium';
import type { Browser } from '../sandbox/host/fixtures/chromium';
import { REPO_ROOT, startHost } from '../sandbox/host/host';
import type { RunningHost } from '../sandbox/host/host';
import { goalInput, kpiInput, valueOf } from '../integration/resolvers/strategy/builders';
import type { Result } from '../../src/contract';

jest.setTimeout(240_000);

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = join(REPO_ROOT, 'test/.artifacts/screenshots');
const manifestModules = Object.keys((parse(readFileSync(join(REPO_ROOT, 'manifest.yml'), 'utf8')) as { modules: Record<string, unknown> }).modules);
let host: RunningHost;
let browser: Browser;
let page: Page;
let epicKey: string;
const results: Record<string, string[]> = {};

interface View {
  name: string;
  module: string;
  query: string;
  /** The project page's tab to open, by its name. */
  tab?: string;
  /** Text that says the view has loaded. */
  ready: RegExp;
}

async function invoke<T>(functionKey: string, payload: unknown, extra: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${host.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'productManager', project: 'THR', functionKey, payload, ...extra }),
  });
  return valueOf((await response.json()) as Result<T>);
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  host = await startHost({ port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  // A product with something in every tab: a vision, a goal with a KPI, a roadmap item with an epic.
  await invoke('saveVision', { board: { productName: 'Thrive Web', vision: 'Checkout in a minute.', targetGroup: 'Shoppers', needs: 'Speed', product: 'A storefront', businessGoals: 'Repeat revenue' }, baseVersion: 0 });
  const goal = await invoke<{ id: string }>('createGoal', { goal: goalInput() });
  await invoke('createKpi', { goalId: goal.id, kpi: kpiInput() });
  const item = await invoke<{ id: string }>('createRoadmapItem', {
    item: { title: 'One-tap payment', description: '', goalId: goal.id, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' },
  });
  const roadmap = await invoke<{ epics: Array<{ id: string; key: string; linksVersion: number }> }>('getRoadmap', {});
  const epic = roadmap.epics[0]!;
  epicKey = epic.key;
  await invoke('linkEpics', { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] });
});

afterAll(async () => {
  writeFileSync(join(screenshots, 'a11y-results.json'), JSON.stringify(results, null, 2));
  await browser?.close();
  await host?.close();
});

function views(): View[] {
  const all: View[] = [
    { name: 'project-vision', module: 'jira:projectPage', query: 'module=project-page', tab: 'Vision', ready: /Thrive Web/ },
    { name: 'project-goals', module: 'jira:projectPage', query: 'module=project-page', tab: 'Goals & KPIs', ready: /Faster checkout/ },
    { name: 'project-roadmap', module: 'jira:projectPage', query: 'module=project-page', tab: 'Roadmap', ready: /One-tap payment/ },
    { name: 'project-alignment', module: 'jira:projectPage', query: 'module=project-page', tab: 'Alignment', ready: /./ },
    { name: 'project-epics', module: 'jira:projectPage', query: 'module=project-page', tab: 'Epics & sprints', ready: /./ },
    { name: 'epic-panel', module: 'jira:issuePanel', query: `module=issue-panel&issue=${epicKey}`, ready: /Faster checkout/ },
    { name: 'portfolio', module: 'jira:globalPage', query: 'module=global-page', ready: /Thrive Web/ },
    { name: 'admin', module: 'jira:adminPage', query: 'module=admin-page&user=admin', ready: /./ },
  ];
  return all.filter((view) => manifestModules.includes(view.module));
}

async function appFrame(): Promise<Frame> {
  const element = await page.waitForSelector('#app-frame');
  const frame = await element.contentFrame();
  if (!frame) throw new Error('The host page has no app frame');
  return frame;
}

async function seriousViolations(frame: Frame): Promise<string[]> {
  const found = (await frame.evaluate(`${axeSource}
    axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
  return found;
}

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  test('every page and panel has no serious or critical axe violations', async () => {
    const failures: string[] = [];
    for (const view of views()) {
      const user = view.query.includes('user=') ? '' : '&user=productManager';
      await page.goto(`${host.url}/?project=THR&${view.query}${user}&theme=${theme}`);
      const frame = await appFrame();
      if (view.tab) {
        const tab = frame.getByRole('tab', { name: view.tab });
        if ((await tab.count()) === 0) continue; // a tab this build does not have yet
        await tab.click();
      }
      await frame.locator('body').getByText(view.ready).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300); // let charts and late styles settle before axe reads colours
      const violations = await seriousViolations(frame);
      results[`${view.name} (${theme})`] = violations;
      await page.screenshot({ path: join(screenshots, `a11y-${view.name}-${theme}.png`), fullPage: true });
      failures.push(...violations.map((v) => `${view.name} (${theme}): ${v}`));
    }
    expect(failures).toEqual([]);
  });
});
