/**
 * The product page's route in the page URL, as people use it: the sandbox host in Chromium, which
 * mirrors the app's history (`view.createHistory`) into the URL's `path` as Jira keeps it after the
 * page's own URL. Switch tab, layout and item; reload; back and forward; count what a deep link
 * costs in resolver calls.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { messages } from '../../static/shared/messages';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(120_000);

const m = messages.roadmap;
const e2e = useSandboxBrowser();


const pathInUrl = () => new URL(e2e.page.url()).searchParams.get('path');
const selectedTab = (frame: Frame) => frame.getByRole('tab', { selected: true }).textContent();
const checkedLayout = (frame: Frame) => frame.locator('input[type="radio"]:checked').inputValue();

async function invocationCount(): Promise<number> {
  return ((await (await fetch(`${e2e.host.url}/__sandbox/invocations`)).json()) as { invocations: unknown[] }).invocations.length;
}

async function invocationsSince(before: number): Promise<string[]> {
  const { invocations } = (await (await fetch(`${e2e.host.url}/__sandbox/invocations`)).json()) as { invocations: Array<{ functionKey?: string }> };
  return invocations.slice(before).map((invocation) => invocation.functionKey ?? '?');
}

test('tab, layout and open item live in the URL: a reload keeps them, back and forward walk them', async () => {
  const goal = valueOf(await e2e.invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { goalId: goal.id }) }));
  const item = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Saved cards', { goalId: goal.id, horizon: 'next', startDate: '2027-02-01', endDate: '2027-03-15' }) }));

  let frame = await e2e.openProjectPage({ user: 'productManager' });
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
  await frame.getByRole('radio', { name: m.layouts.quarters }).check();
  await frame.getByRole('button', { name: 'Saved cards', exact: true }).click();
  await frame.getByRole('region', { name: 'Saved cards' }).waitFor();
  await e2e.page.waitForURL((url) => url.searchParams.get('path') === `/roadmap/quarters/${item.id}`);

  const before = await invocationCount();
  await e2e.page.reload();
  frame = await e2e.appFrame();
  await frame.getByRole('region', { name: 'Saved cards' }).waitFor({ timeout: 30_000 });
  expect(await selectedTab(frame)).toBe(messages.common.tabs.roadmap);
  expect(await checkedLayout(frame)).toBe('quarters');
  // A deep link costs what opening the page, its Roadmap tab and then the item costs: no extra call
  // for the route. Each call, and why it is its own:
  // - getStrategy: the page (vision, goals: the tabs' shared store);
  // - getRoadmap: the Roadmap tab's items, lanes and epics;
  // - getLanePrefs: the lanes this person keeps collapsed (per account, saved on its own), asked
  //   when the board mounts;
  // - getFollowing: what the viewer follows, asked once per page by the first Follow toggle (here
  //   the open item's), shared by every toggle and the feed;
  // - listItemEvidence, listStatusUpdates: the open item's evidence and check-ins, which its panel
  //   shows expanded (opening the item by a click asks the same).
  // These four start together once getRoadmap has answered (board and panel need its items), so
  // they cost invocations, not another wait. Folding lane prefs and follows into getRoadmap would
  // save two invocations; not done while several people edit that load.
  const expected = ['getFollowing', 'getLanePrefs', 'getRoadmap', 'getStrategy', 'listItemEvidence', 'listStatusUpdates'];
  let calls = await invocationsSince(before);
  for (const until = Date.now() + 10_000; calls.length < expected.length && Date.now() < until; calls = await invocationsSince(before)) {
    await e2e.page.waitForTimeout(100);
  }
  // A moment more, so a call repeated after the panel settled would be counted too.
  await e2e.page.waitForTimeout(500);
  calls = await invocationsSince(before);
  console.log(`deep link /roadmap/quarters/<item>: ${calls.length} resolver calls (${calls.join(', ')})`);
  expect([...calls].sort()).toEqual(expected);
  await e2e.page.waitForTimeout(300);
  await e2e.page.screenshot({ path: join(screenshots, 'product-route-reloaded.png'), fullPage: true });

  // Entries pushed before the reload belong to the old document: the browser may load them afresh.
  await e2e.page.goBack();
  frame = await e2e.appFrame();
  await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
  await frame.getByRole('region', { name: 'Saved cards' }).waitFor({ state: 'detached' });
  expect(await checkedLayout(frame)).toBe('quarters');
  expect(pathInUrl()).toBe('/roadmap/quarters');
  await e2e.page.goForward();
  frame = await e2e.appFrame();
  await frame.getByRole('region', { name: 'Saved cards' }).waitFor({ timeout: 30_000 });

  await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
  await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/goals');
  // Within one document back stays in the app: the same frame shows the roadmap again.
  await e2e.page.goBack();
  await frame.getByRole('region', { name: 'Saved cards' }).waitFor();
  expect(await selectedTab(frame)).toBe(messages.common.tabs.roadmap);
});
