/**
 * The admin page "Throughline settings" in Chromium through the sandbox host: the Jira admin widens
 * the edit rule, then a developer can edit the product; a project administrator is refused the
 * page; an export is previewed and imported back. Light and dark screenshots.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { messages } from '../../static/shared/messages';
import { launchChromium } from '../sandbox/host/fixtures/chromium';
import type { Browser } from '../sandbox/host/fixtures/chromium';
import { REPO_ROOT, startHost } from '../sandbox/host/host';
import type { RunningHost } from '../sandbox/host/host';

jest.setTimeout(90_000);

const m = messages.admin;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
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

async function openAdminPage(options: { user?: string; theme?: 'light' | 'dark' } = {}): Promise<Frame> {
  await page.goto(`${host.url}/?module=admin-page&user=${options.user ?? 'admin'}&theme=${options.theme ?? 'light'}`);
  return appFrame();
}

/** A resolver call through the host's HTTP surface, as `user`, that must succeed. */
async function invoke<T>(functionKey: string, payload: unknown, options: { user?: string; module?: string } = {}): Promise<T> {
  const response = await fetch(`${host.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: options.user ?? 'productManager', module: options.module ?? 'project-page', project: 'THR', functionKey, payload }),
  });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!answer.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  host = await startHost({ port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  // Tall enough that the admin page's frame shows every section in one screenshot.
  await page.setViewportSize({ width: 1400, height: 2400 });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await invoke('createGoal', { goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

describe('Throughline settings in the sandbox', () => {
  test('the admin changes the edit rule to everyone who can edit issues; then the developer can add a goal', async () => {
    // Before: the developer reads the goals but is offered no way to add one.
    await page.goto(`${host.url}/?project=THR&module=project-page&user=developer&theme=light`);
    let frame = await appFrame();
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    await frame.getByRole('listitem', { name: 'Faster checkout' }).waitFor();
    expect(await frame.getByRole('button', { name: messages.goals.add }).count()).toBe(0);

    frame = await openAdminPage();
    await frame.getByRole('heading', { level: 1, name: m.title }).waitFor();
    const rule = frame.getByRole('region', { name: m.editRule.heading });
    await expect(rule.getByRole('radio', { name: m.editRule.options['project-admins'] }).isChecked()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'e2e-admin-light.png'), fullPage: true });
    // Keyboard: the radio group and the save button are reachable and work without a mouse.
    await rule.getByRole('radio', { name: m.editRule.options['project-admins'] }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(rule.getByRole('radio', { name: m.editRule.options['issue-editors'] }).isChecked()).resolves.toBe(true);
    await rule.getByRole('button', { name: m.save }).click();
    await rule.getByText(m.editRule.saved('issue-editors')).waitFor();

    await page.goto(`${host.url}/?project=THR&module=project-page&user=developer&theme=light`);
    frame = await appFrame();
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    await frame.getByRole('button', { name: messages.goals.add }).click();
    const goalForm = frame.getByRole('form', { name: messages.goals.createHeading });
    await goalForm.getByRole('textbox', { name: messages.goals.title }).fill('Developers plan too');
    await goalForm.getByRole('button', { name: messages.goals.create }).click();
    await frame.getByRole('listitem', { name: 'Developers plan too' }).waitFor();
  });

  test('per project: the story-point field in use and the boards that supply sprints, in the dark theme', async () => {
    const frame = await openAdminPage({ theme: 'dark' });
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    const project = frame.getByRole('region', { name: m.project.heading });
    await project.getByRole('combobox', { name: m.project.label }).selectOption({ label: 'Thrive Web (THR)' });
    await project.getByTestId('effective-story-points').getByText(/Story Points \(customfield_10028\), the field its board estimates with/).waitFor();
    await project.getByRole('radio', { name: m.boards.every }).waitFor();
    await page.screenshot({ path: join(screenshots, 'e2e-admin-dark.png'), fullPage: true });
  });

  test('an export is previewed as a dry run, then imported all at once', async () => {
    const exported = await invoke<{ fileName: string; data: unknown }>('exportData', {}, { user: 'admin', module: 'admin-page' });
    const file = join(tmpdir(), exported.fileName);
    writeFileSync(file, JSON.stringify(exported.data));
    const frame = await openAdminPage();
    const section = frame.getByRole('region', { name: m.import.heading });
    await section.getByLabel(m.import.fileLabel).setInputFiles(file);
    const preview = section.getByTestId('import-preview');
    await preview.getByRole('table', { name: m.import.summaryCaption }).waitFor();
    await expect(preview.getByRole('row', { name: /Goals/ }).textContent()).resolves.toContain('2');
    await page.screenshot({ path: join(screenshots, 'e2e-admin-import-preview-light.png'), fullPage: true });
    await preview.getByRole('button', { name: m.import.apply }).click();
    await section.getByTestId('import-applied').waitFor();
  });

  test('a file with a bad record is refused next to the file field, and nothing is offered to apply', async () => {
    const exported = await invoke<{ data: { records: { goal: Array<{ value: Record<string, unknown> }> } } }>('exportData', {}, { user: 'admin', module: 'admin-page' });
    const goal = exported.data.records.goal[0];
    if (goal) goal.value.status = 'sideways';
    const file = join(tmpdir(), 'throughline-bad.json');
    writeFileSync(file, JSON.stringify(exported.data));
    const frame = await openAdminPage({ theme: 'dark' });
    const section = frame.getByRole('region', { name: m.import.heading });
    await section.getByLabel(m.import.fileLabel).setInputFiles(file);
    await section.getByRole('alert').getByText(/The goal record 1 .*\bstatus\W{0,2} must be one of/).waitFor();
    expect(await section.getByTestId('import-preview').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'e2e-admin-import-refused-dark.png'), fullPage: true });
  });

  test.each(['light', 'dark'] as const)('with a project open and an import previewed, axe finds nothing serious or critical (%s)', async (theme) => {
    const exported = await invoke<{ fileName: string; data: unknown }>('exportData', {}, { user: 'admin', module: 'admin-page' });
    const file = join(tmpdir(), `axe-${exported.fileName}`);
    writeFileSync(file, JSON.stringify(exported.data));
    const frame = await openAdminPage({ theme });
    const project = frame.getByRole('region', { name: m.project.heading });
    await project.getByRole('combobox', { name: m.project.label }).selectOption({ label: 'Thrive Web (THR)' });
    await project.getByRole('radio', { name: m.boards.chosen }).check();
    await frame.getByRole('region', { name: m.import.heading }).getByLabel(m.import.fileLabel).setInputFiles(file);
    await frame.getByTestId('import-preview').waitFor();
    const violations = (await frame.evaluate(`${axeSource}
      axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(screenshots, `e2e-admin-full-${theme}.png`), fullPage: true });
  });

  test('a project administrator who is not a Jira admin is refused the page', async () => {
    const frame = await openAdminPage({ user: 'productManager' });
    await frame.getByTestId('admin-failed').getByText(/Only Jira administrators/).first().waitFor();
    expect(await frame.getByRole('radio').count()).toBe(0);
  });
});
