/**
 * Issue 13.4, rendering at scale: what a layout's first render and a switch draw and how often.
 * The Timeline draws the dependency connectors of the rows near its view (not hundreds of paths
 * a screen tall each), shades its lanes by their place whichever are drawn, keeps a focused bar and
 * its lane drawn when the box scrolls far from it, and
 * a switch of the board's layout lays its lanes out once: a lane in view is never first said to be
 * busy and then not (a second render of every lane, and a flicker of `aria-busy` for screen readers).
 *
 * Items are written through the app's own storage adapter, as test/e2e/windowing.test.ts seeds.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { storeRoadmapItems } from '../integration/roadmap-seed';
import { messages } from '../../static/shared/messages';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';
import { screenshots, seriousViolations, useSandboxBrowser } from './kit';

jest.setTimeout(240_000);

const m = messages.roadmap;
const e2e = useSandboxBrowser({ viewport: { width: 1400, height: 1000 } });
const itemCount = 900;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const dated = (i: number) => i % 3 !== 0;

/**
 * 900 items over three goals and no goal (goal by `i % 4`), every third undated; each dated item
 * after the first few depends on the item four before it when that one is dated (the same lane).
 * Returns the dependency count.
 */
async function seedRoadmap(): Promise<{ links: number }> {
  // Forge's per-installation storage quotas are lifted while seeding 900 items (as windowing.test.ts does).
  e2e.host.forge.kvs.setQuotas(undefined);
  const goals: Array<{ id: string }> = [];
  for (const title of ['Grow activation', 'Faster checkout', 'Retain teams']) goals.push(valueOf(await e2e.invoke('productManager', 'createGoal', { goal: goalInput({ title }) })));
  const thr = e2e.host.jira.site.projects.find((project) => project.key === 'THR')!;
  const id = (i: number) => `item-render-${String(i).padStart(4, '0')}`;
  let links = 0;
  await storeRoadmapItems(e2e.host.forge, {
    projectId: thr.id,
    to: itemCount,
    maxItems: 1_000,
    itemAt: (i) => {
      const goal = i % 4 === 3 ? undefined : goals[i % 4]!;
      const blocker = i >= 4 && dated(i) && dated(i - 4) ? id(i - 4) : undefined;
      if (blocker) links += 1;
      return {
        id: id(i),
        title: `Item ${String(i + 1).padStart(3, '0')} ${['checkout', 'onboarding', 'reports'][i % 3]}`,
        ...(goal ? { goalId: goal.id } : {}),
        horizon: (['now', 'next', 'later'] as const)[Math.floor(i / 4) % 3]!,
        ...(dated(i) ? { startDate: day((i % 200) - 100), endDate: day((i % 200) - 100 + 14 + (i % 30)) } : {}),
        ...(blocker ? { dependsOn: [blocker] } : {}),
      };
    },
  });
  return { links };
}

async function openRoadmap(path: string, theme?: 'dark'): Promise<Frame> {
  await e2e.page.goto(`${e2e.host.url}/?project=THR&user=productManager&path=${encodeURIComponent(path)}${theme ? `&theme=${theme}` : ''}`);
  const frame = await e2e.appFrame();
  await frame.getByTestId('roadmap-board').or(frame.getByTestId('roadmap-timeline')).first().waitFor({ timeout: 60_000 });
  return frame;
}

test('900 items with 299 dependencies: the Timeline draws the connectors near its view, shades lanes by their place, and a focused bar stays drawn and focused when the box scrolls far away', async () => {
  const { links } = await seedRoadmap();
  expect(links).toBeGreaterThan(250);
  const frame = await openRoadmap('/roadmap/gantt');
  const timeline = frame.getByTestId('roadmap-timeline');
  await frame.locator('.tl-bar').first().waitFor();
  const drawn = async () => frame.locator('path.tl-connector').count();
  // The rows near the view and their connectors: a few dozen, not one path per dependency.
  const atTop = await drawn();
  expect(atTop).toBeGreaterThan(0);
  expect(atTop).toBeLessThan(links / 4);

  // Lanes are shaded every other one by their place on the timeline: the second lane keeps its shade
  // when the first scrolls out of the band and is no longer drawn.
  await timeline.evaluate((element) => {
    const first = element.querySelector<HTMLElement>('.tl-lane')!;
    element.scrollTop = first.offsetTop + first.offsetHeight - 300;
  });
  await frame.locator('.tl-lane').nth(1).waitFor();
  const lanes = await frame.locator('.tl-lane').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid')!));
  const shade = (testId: string) => frame.getByTestId(testId).evaluate((element) => getComputedStyle(element).backgroundColor);
  const secondShade = await shade(lanes[1]!);
  expect(secondShade).not.toBe(await shade(lanes[0]!));
  await timeline.evaluate((element, id) => (element.scrollTop = element.querySelector<HTMLElement>(`[data-testid="${id}"]`)!.offsetTop + 2_000), lanes[1]!);
  await frame.getByTestId(lanes[0]!).waitFor({ state: 'detached' });
  expect(await shade(lanes[1]!)).toBe(secondShade);
  await timeline.evaluate((element) => (element.scrollTop = 0));
  await frame.getByTestId(lanes[0]!).waitFor();

  // Focus the first bar, then scroll the box to its end (three lanes further down): the bar and its lane stay.
  const firstBar = frame.locator('.tl-bar').first();
  const barId = await firstBar.getAttribute('data-testid');
  await firstBar.focus();
  await timeline.evaluate(async (element) => {
    element.scrollTop = element.scrollHeight;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  // The box redraws its rows a frame after the scroll.
  await frame.waitForTimeout(200);
  expect(await frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(barId);
  const atEnd = await drawn();
  expect(atEnd).toBeGreaterThan(0);
  expect(atEnd).toBeLessThan(links / 4);
  await e2e.page.screenshot({ path: join(screenshots, 'render-timeline-connectors.png') });
  expect(await seriousViolations(frame)).toEqual([]);
});

test.each(['light', 'dark'] as const)('a layout switch (%s theme) lays each lane in view out once: never said to be busy, then not', async (theme) => {
  await seedRoadmap();
  const frame = await openRoadmap('/roadmap/horizons', theme === 'dark' ? 'dark' : undefined);
  await frame.locator('.rm-card').first().waitFor();
  for (const layout of ['quarters', 'horizons', 'timeline'] as const) {
    // Watch the board from before the click: every aria-busy that comes and goes on a lane.
    await frame.evaluate(() => {
      const board = document.querySelector('[data-testid="roadmap-board"]')!;
      const seen: Element[] = [];
      const observer = new MutationObserver((records) => {
        for (const record of records) if (record.attributeName === 'aria-busy' && record.oldValue === 'true') seen.push(record.target as Element);
      });
      observer.observe(board, { subtree: true, attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
      (window as unknown as { busyWatch: { observer: MutationObserver; seen: Element[] } }).busyWatch = { observer, seen };
    });
    await frame.getByRole('radio', { name: m.layouts[layout] }).check();
    await frame.locator('.rm-card').first().waitFor();
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const flickered = await frame.evaluate(() => {
      const { observer, seen } = (window as unknown as { busyWatch: { observer: MutationObserver; seen: Element[] } }).busyWatch;
      observer.disconnect();
      const box = document.querySelector('[data-testid="roadmap-board"]')!.getBoundingClientRect();
      // Lanes that are in the board's view now and were first drawn busy.
      return seen
        .filter((lane) => lane.isConnected)
        .filter((lane) => {
          const at = lane.getBoundingClientRect();
          return at.bottom > box.top && at.top < box.bottom;
        })
        .map((lane) => lane.getAttribute('data-testid'));
    });
    expect({ layout, flickered }).toEqual({ layout, flickered: [] });
    // Every lane in view is ready (not busy) and draws its cards.
    expect(await frame.locator('section.rm-lane[aria-busy="true"] .rm-card').count()).toBe(0);
  }
  await e2e.page.screenshot({ path: join(screenshots, `render-board-switch-${theme}.png`) });
  expect(await seriousViolations(frame)).toEqual([]);
});
