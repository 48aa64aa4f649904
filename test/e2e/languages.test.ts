/**
 * The host in German: Jira's sidebar names the app's page from the manifest's i18n key, and the app
 * (the built product page, real @forge/bridge) formats numbers and dates in the reader's locale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { screenshots, seriousViolations, useSandboxBrowser } from './kit';

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
  // What @forge/bridge's i18n fetches from inside the frame, under the frame's CSP.
  const fetched = await frame.evaluate(async () => {
    const info = (await (await fetch('./__LOCALES__/i18n-info.json')).json()) as { config: { locales: string[] } };
    const german = (await (await fetch('./__LOCALES__/de-DE.json')).json()) as { modules: { product: { title: string } } };
    return { locales: info.config.locales, title: german.modules.product.title };
  });
  expect(fetched).toEqual({ locales: ['en-US', 'de-DE', 'ja-JP'], title: 'Produkt' });
  // The page is in German now, so the tab is found by its place (static/shared/product-route.ts productTabs), not its English name.
  await frame.getByRole('tab').nth(1).click();
  const card = frame.getByRole('listitem', { name: 'Schneller bezahlen' });
  await card.getByText('5. März 2027', { exact: false }).first().waitFor();
  await expect(card.textContent()).resolves.toContain('1.234,5');
  await page.screenshot({ path: join(screenshots, 'languages-de-DE-product.png') });
  expect(await seriousViolations(frame)).toEqual([]);
});

test('ja-JP portfolio: the Apps sidebar names it in Japanese, and a goal’s status lozenge is never cut short beside a long title', async () => {
  const { page } = sandbox;
  await sandbox.invoke('productManager', 'saveVision', { board: { productName: 'Thrive Web Shop', vision: 'Checkout in a minute.', targetGroup: '', needs: '', product: '', businessGoals: '' }, baseVersion: 0 });
  const longTitle = 'Halve the time from a shopper’s first visit to a completed, paid and confirmed order across every device and market';
  await sandbox.invoke('productManager', 'createGoal', { goal: { title: longTitle, description: '', ownerAccountId: null, status: 'at-risk', timeFrame: { kind: 'none' } } });
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`${sandbox.host.url}/?module=global-page&user=productManager&lang=ja-JP`);
  await expect(page.getByRole('navigation', { name: 'Apps' }).getByRole('link', { name: 'プロダクト ポートフォリオ' }).getAttribute('aria-current')).resolves.toBe('page');
  const frame = await sandbox.appFrame();
  const card = frame.locator('article').filter({ hasText: 'Thrive Web Shop' });
  await card.getByText(longTitle).waitFor();
  // The lozenge in Japanese, as the ja-JP catalog says it (loaded on demand through @forge/bridge i18n).
  const japanese = JSON.parse(readFileSync(new URL('../../static/shared/messages/shared-words.ja-JP.json', import.meta.url), 'utf8')) as { goalStatus: Record<string, string> };
  const tag = card.getByText(japanese.goalStatus['at-risk']!, { exact: true });
  const fits = await tag.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  await card.screenshot({ path: join(screenshots, 'languages-ja-JP-portfolio-card.png') });
  await expect(frame.evaluate(() => document.documentElement.lang)).resolves.toBe('ja-JP');
  expect(await seriousViolations(frame)).toEqual([]);
});

test('the admin page asks an anonymous visitor to log in, and tells a logged-in non-administrator they are not one', async () => {
  const { page } = sandbox;
  await page.goto(`${sandbox.host.url}/?module=admin-page&user=anonymous`);
  let notice = (await sandbox.appFrame()).getByTestId('admin-failed');
  await notice.getByRole('heading', { name: 'Log in to open these settings' }).waitFor();
  await expect(notice.textContent()).resolves.toContain('Log in to Jira to see Throughline’s settings.');
  await page.screenshot({ path: join(screenshots, 'languages-admin-anonymous.png') });
  await page.goto(`${sandbox.host.url}/?module=admin-page&user=developer`);
  notice = (await sandbox.appFrame()).getByTestId('admin-failed');
  await notice.getByRole('heading', { name: 'Only Jira administrators can open these settings' }).waitFor();
  await expect(notice.textContent()).resolves.not.toContain('Log in');
});
