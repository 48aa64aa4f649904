/**
 * The dashboard gadgets as a project manager meets them: the sandbox host's Dashboard view in
 * Chromium with all three gadgets, the built gadget resource in each frame, the real bridge and
 * resolver. Configure one in its edit view, reload, see the same; the others configured too; light
 * and dark screenshots; axe in every gadget frame.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import type { GoalInput } from '../../src/contract';
import { screenshots, seriousViolations, useSandboxBrowser } from './kit';

jest.setTimeout(120_000);

const session = useSandboxBrowser({ viewport: { width: 1400, height: 1000 } });
const gadgetIds = { goalHealth: '10100', roadmapNow: '10101', unalignedWork: '10102' } as const;
const goalInput = (title: string, status: GoalInput['status'] = 'on-track'): GoalInput => ({ title, description: '', ownerAccountId: null, status, timeFrame: { kind: 'none' } });

async function gadgetFrame(id: string, mode: 'view' | 'edit' = 'view'): Promise<Frame> {
  const element = await session.page.waitForSelector(`iframe[data-gadget-frame="${id}"][data-mode="${mode}"]`);
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`No frame for gadget ${id}`);
  return frame;
}


async function seed(): Promise<{ loyaltyId: string }> {
  const must = <T>(answer: { ok: boolean; value?: T; error?: unknown }): T => {
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.value as T;
  };
  const checkout = must<{ id: string }>(await session.invoke('productManager', 'createGoal', { goal: goalInput('Faster checkout', 'at-risk') }));
  const loyalty = must<{ id: string }>(await session.invoke('productManager', 'createGoal', { goal: goalInput('Keep customers') }));
  const item = (title: string, goalId: string) => ({ item: { title, description: '', goalId, laneId: null, horizon: 'now' as const, startDate: null, endDate: null, status: 'in-progress' as const } });
  must(await session.invoke('productManager', 'createRoadmapItem', item('One-tap payment', checkout.id)));
  must(await session.invoke('productManager', 'createRoadmapItem', item('Loyalty points', loyalty.id)));
  must(await session.invoke('productManager', 'createRoadmapItem', item('Referral bonus', loyalty.id)));
  return { loyaltyId: loyalty.id };
}

async function saveConfiguration(gadgetId: string, configuration: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${session.host.url}/__sandbox/dashboard/gadget`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gadgetId, configuration }) });
  expect(response.status).toBe(200);
}

test('a dashboard with all three gadgets: configure Roadmap now in its edit view, reload, see the same', async () => {
  const { loyaltyId } = await seed();
  const thrId = session.host.jira.site.projects.find((project) => project.key === 'THR')!.id;
  const { page } = session;
  await page.goto(`${session.host.url}/?module=dashboard&user=productManager`);
  for (const id of Object.values(gadgetIds)) await (await gadgetFrame(id)).getByTestId('gadget-not-configured').waitFor();

  await page.click(`[data-gadget-edit="${gadgetIds.roadmapNow}"]`);
  const edit = await gadgetFrame(gadgetIds.roadmapNow, 'edit');
  await edit.getByRole('combobox', { name: /Product/ }).selectOption(thrId);
  await edit.getByRole('combobox', { name: 'Goal' }).selectOption(loyaltyId);
  await edit.getByRole('spinbutton', { name: /Rows/ }).fill('1');
  await edit.getByRole('combobox', { name: 'Refresh automatically' }).selectOption('15');
  await edit.getByRole('button', { name: 'Save' }).click();

  const shown = await gadgetFrame(gadgetIds.roadmapNow);
  await shown.getByTestId('roadmap-now').waitFor();
  const itemsBefore = await shown.getByTestId('now-item').allTextContents();
  expect(itemsBefore).toHaveLength(1);
  expect(itemsBefore[0]).toContain('Loyalty points');
  expect(await shown.getByText('Goal: Keep customers').count()).toBe(1);
  expect(await shown.getByText('and 1 more').count()).toBe(1);

  await page.reload();
  const reloaded = await gadgetFrame(gadgetIds.roadmapNow);
  await reloaded.getByTestId('roadmap-now').waitFor();
  expect(await reloaded.getByTestId('now-item').allTextContents()).toEqual(itemsBefore);
  const saved = (await (await fetch(`${session.host.url}/__sandbox/dashboard`)).json()) as { gadgets: Array<{ id: string; configuration: unknown }> };
  expect(saved.gadgets.find((gadget) => gadget.id === gadgetIds.roadmapNow)?.configuration).toEqual({ projectId: thrId, rows: 1, goalId: loyaltyId, refresh: 15 });
});

test.each(['light', 'dark'] as const)('all three gadgets configured, in the %s theme: screenshot, axe clean, at most 3 resolver calls each', async (theme) => {
  await seed();
  const thrId = session.host.jira.site.projects.find((project) => project.key === 'THR')!.id;
  await saveConfiguration(gadgetIds.goalHealth, { projectId: thrId, rows: 5 });
  await saveConfiguration(gadgetIds.roadmapNow, { projectId: thrId, rows: 5 });
  await saveConfiguration(gadgetIds.unalignedWork, { projectId: thrId, rows: 4 });
  const before = ((await (await fetch(`${session.host.url}/__sandbox/invocations`)).json()) as { invocations: unknown[] }).invocations.length;

  const { page } = session;
  await page.goto(`${session.host.url}/?module=dashboard&user=developer&theme=${theme}`);
  const frames = {
    goalHealth: await gadgetFrame(gadgetIds.goalHealth),
    roadmapNow: await gadgetFrame(gadgetIds.roadmapNow),
    unalignedWork: await gadgetFrame(gadgetIds.unalignedWork),
  };
  await frames.goalHealth.getByTestId('goal-row').first().waitFor();
  await frames.roadmapNow.getByTestId('now-item').first().waitFor();
  await frames.unalignedWork.getByTestId('unaligned-count').waitFor();
  for (const frame of Object.values(frames)) await frame.waitForFunction((mode) => document.documentElement.getAttribute('data-color-mode') === mode, theme);
  expect(await frames.goalHealth.getByTestId('goal-row').count()).toBe(2);
  expect(await frames.roadmapNow.getByTestId('now-item').count()).toBe(3);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screenshots, `gadgets-dashboard-${theme}.png`), fullPage: true });

  for (const [name, frame] of Object.entries(frames)) expect({ name, violations: await seriousViolations(frame) }).toEqual({ name, violations: [] });

  const { invocations } = (await (await fetch(`${session.host.url}/__sandbox/invocations`)).json()) as { invocations: Array<{ moduleKey: string; functionKey?: string }> };
  const calls = new Map<string, number>();
  for (const invocation of invocations.slice(before)) calls.set(invocation.moduleKey, (calls.get(invocation.moduleKey) ?? 0) + 1);
  expect([...calls.keys()].sort()).toEqual(['throughline-goal-health', 'throughline-roadmap-now', 'throughline-unaligned-work']);
  for (const count of calls.values()) expect(count).toBeLessThanOrEqual(3);
});

test('the edit view in the dark theme is axe clean and works from the keyboard', async () => {
  await seed();
  const { page } = session;
  await page.goto(`${session.host.url}/?module=dashboard&user=productManager&theme=dark`);
  await page.click(`[data-gadget-edit="${gadgetIds.goalHealth}"]`);
  const edit = await gadgetFrame(gadgetIds.goalHealth, 'edit');
  const product = edit.getByRole('combobox', { name: /Product/ });
  await product.waitFor();
  await edit.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  expect(await seriousViolations(edit)).toEqual([]);
  await page.screenshot({ path: join(screenshots, 'gadgets-edit-dark.png'), fullPage: true });
  await product.focus();
  await page.keyboard.press('ArrowDown'); // the first product
  await page.keyboard.press('Tab'); // rows
  await page.keyboard.press('Tab'); // refresh
  await page.keyboard.press('Tab'); // Save
  await page.keyboard.press('Enter');
  const shown = await gadgetFrame(gadgetIds.goalHealth);
  await shown.getByTestId('goal-health').waitFor();
});

test('a gadget set up on a project the viewer may not browse shows a plain notice, never data', async () => {
  const fin = session.host.jira.site.projects.find((project) => project.key === 'FIN')!;
  await fetch(`${session.host.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'outsider', module: 'jira:projectPage', project: 'FIN', functionKey: 'createGoal', payload: { goal: goalInput('Close the books in a day') } }),
  });
  await saveConfiguration(gadgetIds.goalHealth, { projectId: fin.id, rows: 5 });
  await session.page.goto(`${session.host.url}/?module=dashboard&user=productManager`);
  const frame = await gadgetFrame(gadgetIds.goalHealth);
  const notice = frame.getByTestId('gadget-failure');
  await notice.waitFor();
  expect(await notice.getByRole('heading', { level: 2 }).textContent()).toBe('Nothing to show you');
  const text = (await frame.locator('body').textContent()) ?? '';
  for (const secret of ['Close the books', fin.name, 'FIN']) expect(text).not.toContain(secret);
  expect(await seriousViolations(frame)).toEqual([]);
});

test('a Roadmap now item opens the product page on that item: Roadmap tab, its panel open, the route in the URL', async () => {
  await seed();
  const thrId = session.host.jira.site.projects.find((project) => project.key === 'THR')!.id;
  await saveConfiguration(gadgetIds.roadmapNow, { projectId: thrId, rows: 5 });
  const roadmap = await session.invoke('productManager', 'getRoadmap', {});
  if (!roadmap.ok) throw new Error(JSON.stringify(roadmap.error));
  const points = roadmap.value.items.find((item) => item.title === 'Loyalty points')!;
  const { page } = session;
  await page.goto(`${session.host.url}/?module=dashboard&user=productManager`);
  const gadget = await gadgetFrame(gadgetIds.roadmapNow);
  const link = gadget.getByRole('link', { name: 'Open Loyalty points in the product page' });
  // The href a new tab or a copied link would use carries the item's route too.
  await gadget.waitForFunction((id) => (document.querySelector('a[aria-label="Open Loyalty points in the product page"]')?.getAttribute('href') ?? '').includes(`path=%2Froadmap%2Fhorizons%2F${id}`), points.id);
  await link.click();
  await page.waitForURL((url) => url.searchParams.get('module') === 'project-page' && url.searchParams.get('path') === `/roadmap/horizons/${points.id}`);
  const frame = await session.appFrame();
  await frame.getByRole('region', { name: 'Loyalty points' }).waitFor({ timeout: 30_000 });
  expect(await frame.getByRole('tab', { selected: true }).textContent()).toBe('Roadmap');
  expect(new URL(page.url()).searchParams.get('project')).toBe('THR');
  await page.screenshot({ path: join(screenshots, 'gadget-item-link-opened.png'), fullPage: true });
});
