/**
 * The roadmap as people use it: the sandbox host in Chromium, the built Product page in its iframe,
 * the real @forge/bridge and resolvers. A card dragged with the mouse (native HTML5 drag and drop,
 * which pragmatic-drag-and-drop listens to) and moved back with the keyboard; an epic linked from
 * the picker; the developer's read-only board; screenshots of each layout in both themes.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import type { RoadmapItemInput } from '../../src/contract';
import { messages } from '../../static/shared/messages';
import type { DemoUserRole } from '../sandbox/demo/users';
import { itemInput, screenshots, useSandboxBrowser } from './kit';
import { daysFromToday, goalInput, valueOf } from '../integration/resolvers/strategy/builders';

jest.setTimeout(120_000);

const m = messages.roadmap;
const e2e = useSandboxBrowser();
const { invoke } = e2e;


/** The titles in one cell, by its column and lane (the cell list's accessible name). */
async function cellTitles(frame: Frame, column: string, lane: string): Promise<string[]> {
  return frame.evaluate(
    ([c, l]) => {
      const cell = [...document.querySelectorAll('ul.rm-cell')].find((el) => (el.getAttribute('aria-label') ?? '').startsWith(`${c} in lane ${l}:`));
      return cell ? [...cell.querySelectorAll('.rm-card-title')].map((t) => t.textContent ?? '') : ['<no such cell>'];
    },
    [column, lane] as const,
  );
}

describe('the roadmap in the sandbox', () => {
  test('the product manager drags an item to another lane with the mouse and moves it back with the keyboard', async () => {
    const growth = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Grow activation' }) }));
    const checkout = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
    const item = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { goalId: growth.id }) }));
    valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Saved cards', { goalId: checkout.id }) }));
    const frame = await openRoadmap({ user: 'productManager' });

    const card = frame.getByTestId(`roadmap-card-${item.id}`);
    const target = frame.getByTestId(`roadmap-cell-${checkout.id}-next`);
    await card.dragTo(target);
    await eventually(() => cellTitles(frame, 'Next', 'Faster checkout'), ['One-tap payment']);
    expect(await cellTitles(frame, 'Now', 'Grow activation')).toEqual([]);
    await eventually(async () => pick(await storedItem(item.id)), { goalId: checkout.id, horizon: 'next' });

    // Dropped on the upper half of another card: it goes above it.
    await frame.getByTestId(`roadmap-card-${item.id}`).dragTo(frame.getByText('Saved cards', { exact: true }), { targetPosition: { x: 10, y: 2 } });
    await eventually(() => cellTitles(frame, 'Now', 'Faster checkout'), ['One-tap payment', 'Saved cards']);

    // Back with the keyboard: Alt+→ to Next, Alt+Shift+↑ to the lane above.
    await frame.getByRole('button', { name: 'One-tap payment', exact: true }).focus();
    await e2e.page.keyboard.press('Alt+ArrowRight');
    await e2e.page.keyboard.press('Alt+Shift+ArrowUp');
    await eventually(() => cellTitles(frame, 'Next', 'Grow activation'), ['One-tap payment']);
    await eventually(async () => (await frame.getByTestId('announcer').textContent())?.trim(), m.moved('One-tap payment', 'Next', 'Grow activation', 1, 1));
    await eventually(async () => pick(await storedItem(item.id)), { goalId: growth.id, horizon: 'next' });
  });

  test('the product manager links an epic from the picker, sees its progress on the card, and the epic’s panel shows the goal', async () => {
    const goal = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
    const item = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { endDate: daysFromToday(30), goalId: goal.id }) }));
    const view = valueOf(await invoke('productManager', 'getRoadmap', {}));
    const epic = view.epics.find((e) => e.rollup && e.rollup.points.total > 0)!;
    const frame = await openRoadmap({ user: 'productManager' });
    await frame.getByRole('button', { name: 'One-tap payment', exact: true }).click();
    const panel = frame.getByTestId('roadmap-item-panel');
    await panel.getByRole('combobox', { name: m.epicSearch }).fill(epic.key);
    await panel.getByRole('option', { name: new RegExp(epic.key) }).click();
    const row = panel.getByTestId(`item-epic-${epic.key}`);
    await row.getByText(epic.summary).waitFor();
    await row.getByRole('img', { name: /pts done/ }).waitFor();
    const card = frame.getByTestId(`roadmap-card-${item.id}`);
    await card.getByText(m.epicCount(1)).waitFor();
    await card.getByText(/pts done/).waitFor();
    await card.getByText(/^(Forecast: |No forecast: |Delivered)/).waitFor();
    await panel.screenshot({ path: join(screenshots, 'e2e-roadmap-item-panel.png') });
    expect(valueOf(await invoke('productManager', 'getRoadmap', {})).items[0]!.epicIds).toEqual([epic.id]);

    // The same link seen from the epic: its "Product context" panel names the goal and the item.
    await e2e.page.goto(`${e2e.host.url}/?project=THR&module=issue-panel&issue=${epic.key}&user=productManager`);
    const panelFrame = await e2e.appFrame();
    await panelFrame.getByTestId('epic-goals').getByText('Faster checkout').waitFor();
    await panelFrame.getByTestId('epic-items').getByText('One-tap payment').waitFor();
  });

  test('the developer sees the roadmap read-only, but may link epics (Jira lets them edit issues)', async () => {
    const item = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment') }));
    const frame = await openRoadmap({ user: 'developer' });
    await frame.getByTestId(`roadmap-card-${item.id}`).waitFor();
    for (const name of [m.addItem, m.editLanes, m.moveMenu('One-tap payment')]) expect(await frame.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await frame.locator('[draggable="true"]').count()).toBe(0);
    await frame.getByRole('button', { name: 'One-tap payment', exact: true }).click();
    const panel = frame.getByTestId('roadmap-item-panel');
    await panel.getByRole('heading', { name: 'One-tap payment' }).waitFor();
    expect(await panel.getByRole('button', { name: messages.common.edit }).count()).toBe(0);
    // Linking follows Jira's Edit Issues, not the product's edit rule: the epic picker is there.
    expect(await panel.getByRole('combobox').count()).toBe(1);
    const write = await invoke('developer', 'moveRoadmapItem', { move: { itemId: item.id, lane: 'none', column: { kind: 'horizon', horizon: 'later' }, afterId: null, beforeId: null }, baseVersion: 1 });
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('columns are whole: each layout opens on the present, and the details panel narrows the board to fewer whole columns', async () => {
    await seedRoadmap();
    await e2e.page.setViewportSize({ width: 1400, height: 1300 });
    const frame = await openRoadmap({ user: 'productManager' });
    for (const layout of ['quarters', 'timeline', 'horizons'] as const) {
      await frame.getByRole('radio', { name: m.layouts[layout] }).check();
      await frame.locator('.rm-card').first().waitFor();
      expect({ layout, ...(await boardFit(frame)) }).toEqual({ layout, sliced: [], presentShown: true });
    }
    await frame.getByRole('button', { name: 'Saved cards', exact: true }).click();
    await frame.getByTestId('roadmap-item-panel').waitFor();
    const fit = await boardFit(frame);
    expect(fit).toEqual({ sliced: [], presentShown: expect.any(Boolean) });
    // The open item's card is in sight beside its panel.
    expect(await shownWhole(frame, '[data-selected="true"]')).toBe(true);
  });

  test('the column heads stay at the top of the board while it scrolls', async () => {
    const goal = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Grow activation' }) }));
    for (let i = 1; i <= 12; i += 1) valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(`Item ${i}`, { goalId: goal.id }) }));
    const frame = await openRoadmap({ user: 'productManager' });
    const heads = await frame.evaluate(() => {
      const board = document.querySelector<HTMLElement>('[data-testid="roadmap-board"]')!;
      board.scrollTop = board.scrollHeight;
      const columns = document.querySelector('.rm-columns')!;
      return { scrolled: board.scrollTop, offset: Math.round(columns.getBoundingClientRect().top - board.getBoundingClientRect().top) };
    });
    expect(heads.scrolled).toBeGreaterThan(200);
    expect(heads.offset).toBe(0);
  });

  test('the Move menu lists every column and lane, whole and on top, from a card in the last lane', async () => {
    await seedRoadmap();
    const frame = await openRoadmap({ user: 'productManager' });
    await frame.getByRole('button', { name: m.moveMenu('Usage analytics') }).click();
    const menu = frame.getByRole('menu', { name: m.moveMenu('Usage analytics') });
    const items = await menu.getByRole('menuitem').allTextContents();
    expect(items).toEqual([m.moveUp, m.moveDown, m.moveToColumn('Next'), m.moveToColumn('Later'), m.moveToLane('Grow activation'), m.moveToLane('Faster checkout')]);
    // Every item is what the pointer finds at its place: nothing clips or covers the menu.
    const reachable = await menu.evaluate((element) =>
      [...element.querySelectorAll('[role="menuitem"]')].every((item) => {
        const r = item.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === item;
      }),
    );
    expect(reachable).toBe(true);
    await e2e.page.screenshot({ path: join(screenshots, 'e2e-roadmap-move-menu.png') });
    await e2e.page.keyboard.press('End');
    await e2e.page.keyboard.press('Enter');
    await eventually(() => cellTitles(frame, 'Now', 'Faster checkout'), ['One-tap payment', 'Usage analytics']);
  });

  test('a keyboard move into a lane not drawn yet keeps focus on the card', async () => {
    const goals = [];
    for (let g = 1; g <= 10; g += 1) goals.push(valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: `Goal ${g}` }) })));
    for (const goal of goals) {
      for (let i = 1; i <= 4; i += 1) valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(`${goal.title} item ${i}`, { goalId: goal.id }) }));
    }
    const frame = await openRoadmap({ user: 'productManager' });
    const far = frame.getByTestId(`roadmap-lane-${goals[9]!.id}`);
    expect(await far.getAttribute('aria-busy')).toBe('true');
    const title = 'Goal 1 item 1';
    await frame.getByRole('button', { name: m.moveMenu(title) }).focus();
    await e2e.page.keyboard.press('Enter');
    await frame.getByRole('menuitem', { name: m.moveToLane('Goal 10') }).focus();
    await e2e.page.keyboard.press('Enter');
    await eventually(() => cellTitles(frame, 'Now', 'Goal 10'), ['Goal 10 item 1', 'Goal 10 item 2', 'Goal 10 item 3', 'Goal 10 item 4', title]);
    await eventually(async () => (await storedByTitle(title))?.goalId, goals[9]!.id);
    // After the server's answer has replaced the card, focus is still on it, not on <body>.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await focusedText(frame)).toBe(title);
    // And from there to another lane not drawn yet (the ones between, never near the view).
    const busy = [];
    for (const goal of goals) if ((await frame.getByTestId(`roadmap-lane-${goal.id}`).getAttribute('aria-busy')) === 'true') busy.push(goal);
    const next = busy[0]!;
    await frame.getByRole('button', { name: m.moveMenu(title) }).focus();
    await e2e.page.keyboard.press('ArrowDown');
    await frame.getByRole('menuitem', { name: m.moveToLane(next.title) }).focus();
    await e2e.page.keyboard.press('Enter');
    await eventually(async () => (await storedByTitle(title))?.goalId, next.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await focusedText(frame)).toBe(title);
  });

  test.each(['light', 'dark'] as const)('every layout in the %s theme', async (theme) => {
    await seedRoadmap();
    await e2e.page.setViewportSize({ width: 1400, height: 1300 });
    const frame = await openRoadmap({ user: 'productManager', theme });
    await frame.waitForFunction((mode) => document.documentElement.getAttribute('data-color-mode') === mode, theme);
    for (const layout of ['horizons', 'quarters', 'timeline'] as const) {
      await frame.getByRole('radio', { name: m.layouts[layout] }).check();
      await frame.locator('.rm-card').first().waitFor();
      await e2e.page.screenshot({ path: join(screenshots, `e2e-roadmap-${layout}-${theme}.png`) });
    }
    await frame.getByRole('radio', { name: m.layouts.horizons }).check();
    await frame.locator('.rm-card-title').first().click();
    await frame.getByTestId('roadmap-item-panel').waitFor();
    await e2e.page.screenshot({ path: join(screenshots, `e2e-roadmap-details-${theme}.png`) });

    // The form's selects read as choices: the browser's arrow replaced by a chevron in the theme.
    await frame.getByRole('button', { name: m.addItem, exact: true }).click();
    const form = frame.getByTestId('roadmap-item-panel');
    const select = form.getByRole('combobox', { name: m.statusLabel });
    const look = await select.evaluate((element) => ({
      appearance: getComputedStyle(element).appearance,
      chevron: getComputedStyle(element.parentElement!, '::after').borderBlockEndStyle,
    }));
    expect(look).toEqual({ appearance: 'none', chevron: 'solid' });
    await form.screenshot({ path: join(screenshots, `e2e-roadmap-item-form-${theme}.png`) });
  });
});

// ── helpers ────────────────────────────────────────────────────────────────────────────────

/** Asks until `read` gives `expected` (deep-equal), then checks it: what the page shows settles after the server answers. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

/** Column heads and cards cut by the board's visible edges, and whether the present column is shown whole. */
async function boardFit(frame: Frame): Promise<{ sliced: string[]; presentShown: boolean }> {
  return frame.evaluate(() => {
    const board = document.querySelector<HTMLElement>('[data-testid="roadmap-board"]')!;
    const left = board.getBoundingClientRect().left + board.clientLeft;
    const right = left + board.clientWidth;
    const cut = (element: Element) => {
      const r = element.getBoundingClientRect();
      const shown = Math.min(r.right, right) - Math.max(r.left, left);
      return shown > 1 && shown < r.width - 1;
    };
    const sliced = [...board.querySelectorAll('.rm-column-head, .rm-card')].filter(cut).map((element) => element.textContent ?? '');
    const present = board.querySelector('.rm-column-head[data-when="current"]');
    const r = present?.getBoundingClientRect();
    return { sliced, presentShown: !!r && r.left >= left - 1 && r.right <= right + 1 };
  });
}

async function shownWhole(frame: Frame, selector: string): Promise<boolean> {
  return frame.evaluate((s) => {
    const board = document.querySelector<HTMLElement>('[data-testid="roadmap-board"]')!;
    const left = board.getBoundingClientRect().left + board.clientLeft;
    const r = document.querySelector(s)!.getBoundingClientRect();
    return r.left >= left - 1 && r.right <= left + board.clientWidth + 1;
  }, selector);
}

const focusedText = (frame: Frame) => frame.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);

async function storedByTitle(title: string) {
  return valueOf(await invoke('productManager', 'getRoadmap', {})).items.find((i) => i.title === title);
}

const pick = (item: { goalId?: string; horizon: string } | undefined) => ({ goalId: item?.goalId, horizon: item?.horizon });

async function storedItem(id: string) {
  return valueOf(await invoke('productManager', 'getRoadmap', {})).items.find((i) => i.id === id);
}

/** Two goals, eight items over the horizons and quarters, some with epics linked. */
async function seedRoadmap(): Promise<void> {
  const goals = [
    valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Grow activation' }) })),
    valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) })),
  ];
  const view = valueOf(await invoke('productManager', 'getRoadmap', {}));
  const epics = view.epics.filter((e) => e.rollup && e.rollup.counts.total > 0);
  const specs: Array<[string, Partial<RoadmapItemInput>, number]> = [
    ['Guided first sprint', { goalId: goals[0]!.id, status: 'in-progress', startDate: daysFromToday(-20), endDate: daysFromToday(10) }, 2],
    ['Team templates', { goalId: goals[0]!.id, horizon: 'next', startDate: daysFromToday(40), endDate: daysFromToday(80) }, 1],
    ['Onboarding emails', { goalId: goals[0]!.id, horizon: 'later', status: 'idea' }, 0],
    ['One-tap payment', { goalId: goals[1]!.id, status: 'in-progress', startDate: daysFromToday(-10), endDate: daysFromToday(5) }, 2],
    ['Saved cards', { goalId: goals[1]!.id, horizon: 'next', startDate: daysFromToday(20), endDate: daysFromToday(60) }, 1],
    ['Wallet support', { goalId: goals[1]!.id, horizon: 'later', status: 'parked' }, 0],
    ['Usage analytics', { status: 'done', startDate: daysFromToday(-90), endDate: daysFromToday(-30) }, 1],
    ['Public API', { horizon: 'later', status: 'idea', startDate: daysFromToday(150) }, 0],
  ];
  let next = 0;
  for (const [title, extra, epicCount] of specs) {
    const item = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(title, extra) }));
    for (let i = 0; i < epicCount; i += 1) {
      const epic = epics[next % epics.length]!;
      next += 1;
      const now = valueOf(await invoke('productManager', 'getRoadmap', {})).epics.find((e) => e.id === epic.id)!;
      valueOf(await invoke('productManager', 'linkEpics', { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: now.linksVersion }], unlink: [] }));
    }
  }
}

async function openRoadmap(options: { user: DemoUserRole; theme?: 'light' | 'dark' }): Promise<Frame> {
  const frame = await e2e.openProjectPage(options);
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
  return frame;
}
