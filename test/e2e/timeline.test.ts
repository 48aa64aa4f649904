/**
 * The roadmap's Timeline layout in Chromium through the sandbox host: bars on a date scale opened on
 * today, the demo project's releases as milestones, a bar's end dragged with the mouse (saved, and
 * still there after a reload), a bar moved with the keyboard, the move undone with Ctrl+Z; the
 * scale stays in sight while the rows scroll and the page never scrolls sideways. Screenshots in
 * both themes (test/.artifacts/screenshots/e2e-timeline-*.png) and axe: no serious or critical issue.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import type { RoadmapItemInput } from '../../src/contract';
import { shiftDate } from '../../src/domain/timeline';
import { messages } from '../../static/shared/messages';
import type { DemoUserRole } from '../sandbox/demo/users';
import { goalInput, valueOf } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const t = messages.timeline;
const e2e = useSandboxBrowser({ viewport: { width: 1400, height: 1000 } });
const { invoke } = e2e;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

const storedItem = async (id: string) => valueOf(await invoke('productManager', 'getRoadmap', {})).items.find((i) => i.id === id)!;
const datesOf = async (id: string) => {
  const item = await storedItem(id);
  return [item.startDate, item.endDate];
};

/** Two goal lanes of dated items around today, one undated item, one dependency whose blocker ends late. */
async function seedTimeline() {
  const today = valueOf(await invoke('productManager', 'getRoadmap', {})).today;
  const day = (offset: number) => shiftDate(today, offset);
  const growth = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Grow activation' }) }));
  const checkout = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  const create = async (title: string, extra: Partial<RoadmapItemInput>) => valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(title, extra) }));
  const guided = await create('Guided first sprint', { goalId: growth.id, status: 'in-progress', startDate: day(-20), endDate: day(10) });
  await create('Team templates', { goalId: growth.id, horizon: 'next', startDate: day(40), endDate: day(80) });
  const payment = await create('One-tap payment', { goalId: checkout.id, status: 'in-progress', startDate: day(-10), endDate: day(25) });
  await create('Saved cards', { goalId: checkout.id, horizon: 'next', startDate: day(20), endDate: day(60), dependsOn: [payment.id] });
  await create('Usage analytics', { status: 'done', startDate: day(-90), endDate: day(-30) });
  await create('Wallet support', { horizon: 'later', status: 'parked' });
  return { today, day, guided, payment };
}

async function openTimeline(options: { user: DemoUserRole; theme?: 'light' | 'dark' }): Promise<Frame> {
  const frame = await e2e.openProjectPage(options);
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  // The layout last chosen in this browser tab may already be the timeline.
  await frame.locator('[data-testid="roadmap-board"], [data-testid="roadmap-timeline"]').first().waitFor({ timeout: 30_000 });
  await frame.getByRole('radio', { name: messages.roadmap.layouts.gantt }).check();
  await frame.getByTestId('roadmap-timeline').waitFor();
  return frame;
}

describe('the roadmap Timeline', () => {
  test('bars and today line; a dragged end is saved; a keyboard move is undone with Ctrl+Z', async () => {
    const { day, guided, payment } = await seedTimeline();
    const frame = await openTimeline({ user: 'productManager' });

    // Opened on today: the today line is inside the timeline's own box, which scrolls sideways, not the page.
    const scroller = frame.getByTestId('roadmap-timeline');
    const box = (await scroller.boundingBox())!;
    const todayLine = (await frame.getByTestId('timeline-today').boundingBox())!;
    expect(todayLine.x).toBeGreaterThan(box.x);
    expect(todayLine.x).toBeLessThan(box.x + box.width);
    expect(await frame.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);
    expect(await frame.getByTestId(`timeline-bar-${guided.id}`).getAttribute('aria-label')).toContain('Guided first sprint');
    expect(await frame.getByTestId('timeline-undated').textContent()).toContain('Wallet support');

    // The dependency's blocker ends after the dependent starts: a warning in words beside the bar.
    expect(await frame.locator('.tl-warning').first().textContent()).toContain(t.blockerLate('One-tap payment'));

    // Drag the end of "One-tap payment" 50 px right: months zoom is 5 px a day, so 10 days later.
    const handle = frame.getByTestId(`timeline-end-${payment.id}`);
    await handle.scrollIntoViewIfNeeded();
    const grip = (await handle.boundingBox())!;
    await e2e.page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await e2e.page.mouse.down();
    for (let step = 1; step <= 5; step += 1) await e2e.page.mouse.move(grip.x + grip.width / 2 + step * 10, grip.y + grip.height / 2);
    await e2e.page.mouse.up();
    await eventually(() => datesOf(payment.id), [day(-10), day(35)]);
    await eventually(async () => (await frame.getByTestId('announcer').textContent())?.includes('One-tap payment now runs'), true);

    // A reload keeps the layout (it is in the URL) and shows the saved end.
    await e2e.page.reload();
    const again = await e2e.appFrame();
    await again.getByTestId('roadmap-timeline').waitFor({ timeout: 30_000 });
    expect(await again.getByTestId(`timeline-bar-${payment.id}`).getAttribute('data-end')).toBe(day(35));

    // Keyboard: three days later, saved with Enter; then Ctrl+Z puts it back.
    await again.getByTestId(`timeline-bar-${guided.id}`).focus();
    for (let i = 0; i < 3; i += 1) await e2e.page.keyboard.press('ArrowRight');
    await e2e.page.keyboard.press('Enter');
    await eventually(() => datesOf(guided.id), [day(-17), day(13)]);
    await again.getByTestId('roadmap-undo').waitFor();
    await e2e.page.screenshot({ path: join(screenshots, 'e2e-timeline-undo-flag-light.png') });
    await e2e.page.keyboard.press('Control+z');
    await eventually(() => datesOf(guided.id), [day(-20), day(10)]);
    await eventually(async () => (await again.getByTestId('announcer').textContent())?.trim(), t.undone('Guided first sprint'));
    expect(await again.getByTestId(`timeline-bar-${guided.id}`).getAttribute('data-start')).toBe(day(-20));
  });

  test('the demo project’s releases are milestones: state in words, archived ones hidden until asked for', async () => {
    await seedTimeline();
    const frame = await openTimeline({ user: 'developer' });
    const releases = frame.getByTestId('timeline-releases');
    await releases.getByText('2.3', { exact: true }).waitFor();
    expect(await releases.textContent()).toContain(t.releaseState.overdue);
    expect(await releases.getByText('2.0', { exact: true }).count()).toBe(0);
    await frame.getByRole('checkbox', { name: t.showArchived }).check();
    await releases.getByText('2.0', { exact: true }).waitFor();

  });

  test('the scale stays in sight while the rows scroll; zoom keeps today in view', async () => {
    const { today } = await seedTimeline();
    for (let i = 0; i < 20; i += 1) {
      valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(`Filler ${i + 1}`, { startDate: shiftDate(today, i * 3), endDate: shiftDate(today, i * 3 + 14) }) }));
    }
    const frame = await openTimeline({ user: 'productManager' });
    const scroller = frame.getByTestId('roadmap-timeline');
    const top = (await scroller.boundingBox())!.y;
    await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
    const head = (await frame.locator('.tl-head').boundingBox())!;
    expect(Math.abs(head.y - top)).toBeLessThanOrEqual(2);
    for (const zoom of ['quarters', 'year'] as const) {
      await frame.getByRole('radio', { name: t.zooms[zoom] }).check();
      const box = (await scroller.boundingBox())!;
      const line = (await frame.getByTestId('timeline-today').boundingBox())!;
      expect({ zoom, inView: line.x > box.x && line.x < box.x + box.width }).toEqual({ zoom, inView: true });
    }
  });

  test.each(['light', 'dark'] as const)('in the %s theme: screenshots, and no serious or critical axe violation (editor and reader)', async (theme) => {
    await seedTimeline();
    for (const user of ['productManager', 'developer'] as const) {
      const frame = await openTimeline({ user, theme });
      await frame.waitForFunction((mode) => document.documentElement.getAttribute('data-color-mode') === mode, theme);
      await frame.getByRole('radio', { name: t.zooms.months }).check();
      await e2e.page.screenshot({ path: join(screenshots, `e2e-timeline-${user === 'developer' ? 'reader' : 'editor'}-${theme}.png`), fullPage: true });
      const violations = (await frame.evaluate(`${axeSource}
        axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
      expect({ user, violations }).toEqual({ user, violations: [] });
    }
  });
});
