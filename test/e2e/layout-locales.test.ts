/**
 * Layouts that hold in every language (issue 12, item 4): every page and panel of the app in the
 * pseudo-locale (accented, +40%: the host's `lang=pseudo`), in German and in Japanese, checked for
 * text that clips or spills out of its box, controls past the edge of the box they sit in, elements
 * wider than the viewport and pages that scroll sideways (the pseudo run in a 1,024 px window, the
 * others in 1,280). German and Japanese are also screenshotted in the light and the dark theme
 * (test/.artifacts/screenshots/locale-<lang>-<view>-<theme>.png) with axe at zero serious or
 * critical violations in each; the pseudo run lists the plain (untranslated or user) texts it saw
 * in locale-pseudo-plain-texts.json.
 *
 * Fast by design: one page, data set up by resolver calls, the product page's views reached by its
 * own tabs and layout switch (no reloads), the theme switched live by the host's toggle.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { goalInput, kpiInput, valueOf } from '../integration/resolvers/strategy/builders';
import { pseudoMessage } from '../sandbox/host/pseudo-locale';
import { REPO_ROOT } from '../sandbox/host/host';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const session = useSandboxBrowser({ viewport: { width: 1280, height: 900 } });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const gadgetIds = ['10100', '10101', '10102'] as const;

type Lang = 'pseudo' | 'de-DE' | 'ja-JP';

/**
 * A catalog text as any locale says it (English, pseudo, German, Japanese), to find a control by its
 * name whichever language the page is in and whether or not that catalog is translated yet.
 */
function said(catalog: string, key: string): RegExp {
  const read = (locale: string): string | undefined => {
    const path = join(REPO_ROOT, 'static/shared/messages', `${catalog}.${locale}.json`);
    if (!existsSync(path)) return undefined;
    let at: unknown = JSON.parse(readFileSync(path, 'utf8'));
    for (const part of key.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
    return typeof at === 'string' ? at : undefined;
  };
  const english = read('en-US');
  if (!english) throw new Error(`No English text ${catalog}.${key}`);
  const names = new Set([english, pseudoMessage(english), read('de-DE'), read('ja-JP')].filter((name): name is string => !!name));
  return new RegExp(`^(${[...names].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
}

/** Names users gave things: never translated, so they say a view has loaded in any language. */
const data = {
  product: 'Thrive Web',
  goal: 'Faster checkout',
  riskyGoal: 'Keep customers coming back after their first order',
  item: 'One-tap payment',
  laterItem: 'Saved cards for returning shoppers',
};

async function seed(): Promise<{ epicKey: string }> {
  const { invoke } = session;
  valueOf(await invoke('productManager', 'saveVision', { board: { productName: data.product, vision: 'Checkout in a minute, on any device.', targetGroup: 'Shoppers', needs: 'Speed', product: 'A storefront', businessGoals: 'Repeat revenue' }, baseVersion: 0 }));
  const goal = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: data.goal }) }));
  const risky = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: data.riskyGoal, status: 'at-risk' }) }));
  valueOf(await invoke('productManager', 'createKpi', { goalId: goal.id, kpi: kpiInput() }));
  valueOf(await invoke('productManager', 'createKpi', { goalId: risky.id, kpi: kpiInput({ name: 'Repeat purchase rate' }) }));
  // Dated around today, so the date layouts (quarters, timeline, sprints) show it in their first columns.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const item = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(data.item, { goalId: goal.id, status: 'in-progress', startDate: day(-14), endDate: day(30) }) }));
  valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput(data.laterItem, { goalId: risky.id, horizon: 'next', startDate: '2027-02-01', endDate: '2027-03-15' }) }));
  valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Guest checkout', { horizon: 'later' }) }));
  const roadmap = valueOf(await invoke('productManager', 'getRoadmap', {}));
  const epic = roadmap.epics[0]!;
  valueOf(await invoke('productManager', 'linkEpics', { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] }));
  const thr = session.host.jira.site.projects.find((project) => project.key === 'THR')!.id;
  for (const gadgetId of gadgetIds) {
    const saved = await fetch(`${session.host.url}/__sandbox/dashboard/gadget`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gadgetId, configuration: { projectId: thr, rows: 5 } }) });
    expect(saved.status).toBe(200);
  }
  return { epicKey: epic.key };
}

/**
 * What does not hold in the frame's document: text cut by `overflow: hidden` (or an ellipsis),
 * text spilling out of a box that has a border or a background (buttons, lozenges, tabs), elements
 * past the viewport's edge (outside any scrolling container), and the page scrolling sideways.
 * Visually hidden text (1 px, clipped: screen reader only) is not a layout.
 */
const findOverflow = `(() => {
  const problems = [];
  const root = document.scrollingElement || document.documentElement;
  const viewport = root.clientWidth;
  if (root.scrollWidth > viewport + 1) problems.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + viewport);
  const name = (el) => {
    const id = el.getAttribute('data-testid');
    const role = el.getAttribute('role');
    const cls = typeof el.className === 'string' ? el.className.split(/\\s+/).filter(Boolean).slice(0, 2).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return el.tagName.toLowerCase() + (id ? '[data-testid=' + id + ']' : '') + (role ? '[role=' + role + ']' : '') + (cls ? '.' + cls : '') + ' “' + text + '”';
  };
  const scrollsSideways = (el) => {
    for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
      const x = getComputedStyle(at).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  const hasOwnText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.display === 'contents') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 2 || rect.height <= 2) continue;
    if (style.position === 'absolute' && style.clip !== 'auto') continue;
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    const text = (el.textContent || '').trim();
    if (text && clipsX && el.scrollWidth > el.clientWidth + 1) problems.push('clipped sideways (' + el.scrollWidth + ' > ' + el.clientWidth + '): ' + name(el));
    else if (text && clipsY && el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'auto') problems.push('clipped below (' + el.scrollHeight + ' > ' + el.clientHeight + '): ' + name(el));
    else if (hasOwnText(el) && !clipsX && style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
      const boxed = parseFloat(style.borderLeftWidth) > 0 || parseFloat(style.borderRightWidth) > 0 || (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent');
      if (boxed) problems.push('text spills out of its box (' + el.scrollWidth + ' > ' + el.clientWidth + '): ' + name(el));
    }
    // A control or text past the content edge of the box it sits in (a panel, a card): it overruns the box's padding or border.
    if (hasOwnText(el) || /^(button|input|select|textarea)$/i.test(el.tagName)) {
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        const boxStyle = getComputedStyle(box);
        if (boxStyle.overflowX === 'auto' || boxStyle.overflowX === 'scroll') break;
        const framed = parseFloat(boxStyle.borderRightWidth) > 0 && parseFloat(boxStyle.borderLeftWidth) > 0;
        if (!framed) continue;
        const edge = box.getBoundingClientRect();
        const right = edge.right - parseFloat(boxStyle.borderRightWidth) - parseFloat(boxStyle.paddingRight);
        const left = edge.left + parseFloat(boxStyle.borderLeftWidth) + parseFloat(boxStyle.paddingLeft);
        if (rect.right > right + 1 || rect.left < left - 1) problems.push('past the edge of its box (' + Math.round(rect.left) + '..' + Math.round(rect.right) + ' in ' + Math.round(left) + '..' + Math.round(right) + '): ' + name(el) + ' in ' + name(box).slice(0, 80));
        break;
      }
    }
    if ((rect.right > viewport + 1 || rect.left < -1) && !scrollsSideways(el)) problems.push('past the viewport (' + Math.round(rect.left) + '..' + Math.round(rect.right) + ' of ' + viewport + '): ' + name(el));
  }
  return [...new Set(problems)];
})()`;

/**
 * In the pseudo-locale every catalog text is bracketed and accented, so visible text (and
 * accessible names, placeholders) left plain after the bracketed parts are taken out is either
 * what users typed or a text no catalog translates yet: listed for the reader, not asserted.
 */
const plainTexts = `(() => {
  const strip = (text) => { let before; do { before = text; text = text.replace(/\\[[^\\[\\]]*\\]/g, ''); } while (text !== before); return text; };
  const plain = (text) => /[A-Za-z]{3,}/.test(strip(text));
  const found = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = (node.textContent || '').trim();
    const parent = node.parentElement;
    if (!text || !parent || !parent.checkVisibility() || parent.closest('script,style')) continue;
    if (plain(text)) found.add(text.slice(0, 120));
  }
  for (const el of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name);
      if (value && plain(value)) found.add(name + ': ' + value.slice(0, 120));
    }
  }
  return [...found];
})()`;

async function overflowIn(frame: Frame, view: string): Promise<string[]> {
  const found = (await frame.evaluate(findOverflow)) as string[];
  return found.map((problem) => `${view}: ${problem}`);
}

/** Rules whose outcome depends on colours: all that can differ between the light and the dark theme. */
const colourRules = ['color-contrast', 'link-in-text-block'];

/**
 * axe's serious and critical violations in `frame`; `only` limits it to those rules. The tab panels
 * a reader opened before stay mounted but hidden: each is checked when it is the one shown.
 */
async function seriousViolations(frame: Frame, view: string, only?: string[]): Promise<string[]> {
  const options = JSON.stringify({ resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
  const found = (await frame.evaluate(`${axeSource}
    axe.run({ exclude: [['[role="tabpanel"][hidden]']] }, ${options}).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)).join(' | ') + ')'))`)) as string[];
  return found.map((violation) => `${view}: ${violation}`);
}

/**
 * Runs `shots` with the window as tall as the app frame's content (same width: the same layout),
 * so a screenshot shows the whole view: the frame scrolls inside the host page otherwise. An open
 * menu closes when its frame resizes (as on a scroll), so a view with one is shot as it is.
 */
async function tallWhile(view: string, shots: () => Promise<void>): Promise<void> {
  const { page } = session;
  const frameElement = page.locator('#app-frame');
  const viewport = page.viewportSize()!;
  let tall = viewport.height;
  if ((await frameElement.count()) > 0 && !view.includes('menu')) {
    const contentHeight = await (await session.appFrame()).evaluate(() => document.documentElement.scrollHeight);
    const frameTop = await frameElement.evaluate((element) => element.getBoundingClientRect().top);
    tall = Math.min(6000, Math.ceil(frameTop + contentHeight + 24));
  }
  if (tall > viewport.height) await page.setViewportSize({ width: viewport.width, height: tall });
  try {
    await shots();
  } finally {
    if (tall > viewport.height) await page.setViewportSize(viewport);
  }
}

async function shoot(name: string): Promise<void> {
  await session.page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

async function gadgetFrame(id: string): Promise<Frame> {
  const frame = await (await session.page.waitForSelector(`iframe[data-gadget-frame="${id}"][data-mode="view"]`)).contentFrame();
  if (!frame) throw new Error(`No frame for gadget ${id}`);
  return frame;
}

/**
 * Walks every page and panel in `lang`, calling `check` on each settled view. The product page's
 * views are reached by its tab order (productTabs) and its layout radios, so no text is needed to
 * find them in any language.
 */
async function sweep(lang: Lang, epicKey: string, check: (view: string, frames: Frame[]) => Promise<void>): Promise<void> {
  const { page } = session;
  const open = async (query: string) => {
    await page.goto(`${session.host.url}/?${query}&lang=${lang}`);
    return session.appFrame();
  };
  const settle = () => page.waitForTimeout(150);

  const product = await open('project=THR&user=productManager');
  const tabs = product.getByRole('tab');
  const tab = async (index: number, ready: () => Promise<unknown>) => {
    await tabs.nth(index).click();
    await ready();
    await settle();
  };
  await tab(0, () => product.getByText(data.product).filter({ visible: true }).first().waitFor({ timeout: 30_000 }));
  await check('vision', [product]);
  await product.getByRole('button', { name: said('vision', 'editField.vision') }).click();
  await product.getByRole('tabpanel').getByRole('textbox').first().waitFor();
  await settle();
  await check('vision-edit', [product]);
  await tab(1, () => product.getByText(data.riskyGoal).filter({ visible: true }).first().waitFor());
  await check('goals', [product]);
  await product.getByRole('button', { name: said('goals', 'add') }).click();
  await product.getByRole('tabpanel').filter({ visible: true }).getByRole('textbox').first().waitFor();
  await settle();
  await check('goal-form', [product]);
  await tab(2, () => product.getByTestId('roadmap-board').waitFor({ timeout: 30_000 }));
  for (const layout of ['horizons', 'quarters', 'gantt', 'timeline', 'priority'] as const) {
    await product.locator(`input[type="radio"][value="${layout}"]`).check();
    await product.getByText(data.item).filter({ visible: true }).first().waitFor();
    await settle();
    await check(`roadmap-${layout}`, [product]);
  }
  await product.locator('input[type="radio"][value="horizons"]').check();
  await product.locator('button.rm-move').first().click();
  await product.getByRole('menu').waitFor();
  await check('card-menu', [product]);
  if ((await product.getByRole('menu').count()) > 0) await product.getByRole('menuitem', { disabled: false }).first().press('Escape');
  await product.getByRole('menu').waitFor({ state: 'detached' });
  await product.getByRole('button', { name: data.item, exact: true }).first().click();
  await product.getByRole('region', { name: data.item }).waitFor();
  await settle();
  await check('item-panel', [product]);
  const itemPanel = product.getByRole('region', { name: data.item });
  await itemPanel.locator(`button[aria-label*="${data.item}"]`).first().click();
  await product.waitForFunction((title) => [...document.querySelectorAll('input')].some((input) => input.value === title), data.item);
  await settle();
  await check('item-edit', [product]);
  await tab(3, () => product.getByText(data.riskyGoal).filter({ visible: true }).first().waitFor());
  await check('alignment', [product]);
  await tab(4, () => product.getByRole('tabpanel').getByText(epicKey).filter({ visible: true }).first().waitFor({ timeout: 30_000 }));
  await check('epics', [product]);
  await tab(5, () => product.getByRole('tabpanel').getByText(data.item).filter({ visible: true }).first().waitFor({ timeout: 30_000 }));
  await check('changes', [product]);

  const panel = await open(`project=THR&module=issue-panel&issue=${epicKey}&user=productManager`);
  await panel.getByText(data.goal).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  await settle();
  await check('epic-panel', [panel]);

  const portfolio = await open('module=global-page&user=productManager');
  await portfolio.getByText(data.riskyGoal).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  await settle();
  await check('portfolio', [portfolio]);

  const admin = await open('module=admin-page&user=admin');
  await admin.getByRole('radio').first().waitFor({ timeout: 30_000 });
  await admin.locator('select').first().waitFor();
  await settle();
  await check('admin', [admin]);

  await page.goto(`${session.host.url}/?module=dashboard&user=productManager&lang=${lang}`);
  const gadgets = await Promise.all(gadgetIds.map(gadgetFrame));
  await gadgets[0]!.getByText(data.riskyGoal).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  await gadgets[1]!.getByText(data.item).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  await gadgets[2]!.getByText('THR-').filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  await settle();
  await check('gadgets', gadgets);
}

test('pseudo-locale (accented, +40%): no page or panel clips, spills or scrolls sideways, in a 1,024 px window', async () => {
  // Narrower than the other runs: the longest texts in the smallest window Jira lays out with its sidebar.
  await session.page.setViewportSize({ width: 1024, height: 900 });
  const { epicKey } = await seed();
  const problems: string[] = [];
  const plain: Record<string, string[]> = {};
  await sweep('pseudo', epicKey, async (view, frames) => {
    for (const frame of frames) problems.push(...(await overflowIn(frame, view)));
    plain[view] = (await Promise.all(frames.map((frame) => frame.evaluate(plainTexts) as Promise<string[]>))).flat();
    await tallWhile(view, () => shoot(`locale-pseudo-${view}`));
  });
  const known = new Set([...Object.values(data), epicKey]);
  writeFileSync(
    join(screenshots, 'locale-pseudo-plain-texts.json'),
    JSON.stringify(Object.fromEntries(Object.entries(plain).map(([view, texts]) => [view, texts.filter((text) => !known.has(text))])), null, 2),
  );
  expect(problems).toEqual([]);

  // The check finds what it looks for: a lozenge cut short, a box too narrow for its text, a row wider than the page.
  const frame = await gadgetFrame(gadgetIds[0]);
  await frame.evaluate(() => {
    const planted = document.createElement('div');
    planted.id = 'planted';
    planted.innerHTML =
      '<span style="display:inline-block;width:40px;overflow:hidden;white-space:nowrap">[ÅÅŢ ŔÎÎÎŠĶ]</span>' +
      '<button style="width:30px;white-space:nowrap;border:1px solid">[Šååṽéé ççĥååñĝéš]</button>' +
      '<div style="width:5000px">[Ŵîîðéé]</div>';
    document.body.append(planted);
  });
  const planted = await overflowIn(frame, 'planted');
  await frame.evaluate(() => document.getElementById('planted')?.remove());
  expect(planted).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^planted: clipped sideways .*span “\[ÅÅŢ ŔÎÎÎŠĶ\]”$/),
      expect.stringMatching(/^planted: text spills out of its box .*button “\[Šååṽéé ççĥååñĝéš\]”$/),
      expect.stringMatching(/^planted: past the viewport .*div “\[Ŵîîðéé\]”$/),
      expect.stringMatching(/^planted: the page scrolls sideways/),
    ]),
  );
});

describe.each(['de-DE', 'ja-JP'] as const)('%s', (lang) => {
  test('every page and panel holds its layout, light and dark, with no serious or critical axe violation', async () => {
    const { epicKey } = await seed();
    const problems: string[] = [];
    const toggle = session.page.locator('#theme-toggle');
    await sweep(lang, epicKey, async (view, frames) => {
      for (const frame of frames) problems.push(...(await overflowIn(frame, view)));
      await tallWhile(view, async () => {
        for (const theme of ['light', 'dark'] as const) {
          if (theme === 'dark') {
            await toggle.click();
            await frames[0]!.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
            await session.page.waitForTimeout(100);
          }
          await shoot(`locale-${lang}-${view}-${theme}`);
          // Every rule in the light theme; in the dark one, the rules colours decide (the rest read the same markup).
          for (const frame of frames) problems.push(...(await seriousViolations(frame, `${view} (${theme})`, theme === 'dark' ? colourRules : undefined)));
        }
        await toggle.click();
        await frames[0]!.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
      });
    });
    expect(problems).toEqual([]);
  });
});
