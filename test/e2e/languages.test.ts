/**
 * The host in German: Jira's sidebar names the app's page from the manifest's i18n key, and the app
 * (the built product page, real @forge/bridge) formats numbers and dates in the reader's locale.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { messages } from '../../static/shared/messages';
import { screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(120_000);
const sandbox = useSandboxBrowser();

test('de-DE: the sidebar says "Produkt", the page’s locale is German and a KPI reads 1.234,5 by 5. März 2027', async () => {
  const goal = (await sandbox.invoke('productManager', 'createGoal', { goal: { title: 'Schneller bezahlen', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } })) as unknown as { ok: true; value: { id: string } };
  const kpi = (await sandbox.invoke('productManager', 'createKpi', {
    goalId: goal.value.id,
    kpi: { name: 'Umsatz', unit: '', direction: 'increase', baseline: { value: 1234.5, date: '2026-11-01' }, target: { value: 2500, date: '2027-03-05' }, source: { kind: 'manual' } },
  })) as unknown as { ok: boolean };
  expect(kpi.ok).toBe(true);

  const { page } = sandbox;
  await page.goto(`${sandbox.host.url}/?project=THR&user=productManager`);
  // The switcher, as someone would use it.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de-DE');
  await page.waitForURL(/lang=de-DE/);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de-DE');
  await expect(page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Produkt' }).getAttribute('aria-current')).resolves.toBe('page');

  const frame = await sandbox.appFrame();
  await frame.waitForFunction(() => document.documentElement.lang === 'de-DE');
  await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
  const card = frame.getByRole('listitem', { name: 'Schneller bezahlen' });
  await card.getByText('5. März 2027', { exact: false }).first().waitFor();
  await expect(card.textContent()).resolves.toContain('1.234,5');
  await page.screenshot({ path: join(screenshots, 'languages-de-DE-product.png') });
});
