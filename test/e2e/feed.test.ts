/**
 * "What changed", following, vision diffs and field-by-field conflicts in Chromium through the
 * sandbox host (issue 11.4–11.7). Changes made through the resolvers show in the feed; the goal
 * filter and "Following only" narrow it; a vision version opens as a word diff; two editors of one
 * goal merge field by field. Light and dark screenshots (test/.artifacts/screenshots/feed-*.png),
 * axe 0 serious or critical over what this work added.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { feed as m } from '../../static/shared/messages/feed';
import { messages } from '../../static/shared/messages';
import { goalInput, visionBoard } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(240_000);

const session = useSandboxBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function valueOf<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function seriousViolations(frame: Frame, selector: string): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run(document.querySelector(${JSON.stringify(selector)}), { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
}

/** A product with a little history: a vision, two goals (one done), an item moved Now → Next. */
async function seedHistory() {
  const invoke = session.invoke;
  await valueOf(invoke('admin', 'saveVision', { board: visionBoard({ vision: 'Every shopper pays in one minute.' }), baseVersion: 0 }));
  await valueOf(invoke('productManager', 'saveVision', { board: visionBoard({ vision: 'Every shopper pays in ten seconds.', needs: 'Trust at checkout' }), baseVersion: 1 }));
  const checkout = await valueOf(invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  const onboarding = await valueOf(invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Smoother onboarding' }) }));
  await valueOf(invoke('productManager', 'updateGoal', { id: onboarding.id, goal: goalInput({ title: 'Smoother onboarding', status: 'done' }), baseVersion: 1 }));
  const item = await valueOf(invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { goalId: checkout.id }) }));
  await valueOf(
    invoke('productManager', 'moveRoadmapItem', {
      move: { itemId: item.id, lane: checkout.id, column: { kind: 'horizon', horizon: 'next' }, afterId: null, beforeId: null },
      baseVersion: item.version,
    }),
  );
  return { checkout, onboarding, item };
}

async function openFeed(user: 'productManager' | 'developer'): Promise<Frame> {
  const frame = await session.openProjectPage({ user });
  await frame.waitForSelector('main');
  await frame.getByRole('tab', { name: m.tab }).click();
  await frame.getByTestId('feed-tab').waitFor();
  return frame;
}

const entryTexts = async (frame: Frame) => (await frame.getByTestId('feed-entry').allTextContents()).map((text) => text.replace(/\s+/g, ' '));

describe('What changed', () => {
  test('changes show newest first, grouped by day; the goal filter and Following narrow them; a link opens the item', async () => {
    const { checkout } = await seedHistory();
    const frame = await openFeed('developer');
    await frame.getByText(m.today, { exact: true }).waitFor();
    const all = await entryTexts(frame);
    expect(all).toHaveLength(6);
    expect(all[0]).toContain('moved One-tap payment Now → Next');
    expect(all[1]).toContain('marked the goal Smoother onboarding done');
    expect(all.some((text) => text.includes('saved vision version 2: changed the vision and needs'))).toBe(true);
    expect(all.some((text) => text.includes('Priya Raman') && text.includes('saved vision version 1'))).toBe(true);

    // One goal: its own entry and its item's move.
    await frame.locator('select').selectOption(checkout.id);
    await frame.getByText('added the goal Faster checkout').waitFor();
    expect(await entryTexts(frame)).toHaveLength(2);
    await frame.locator('select').selectOption('');

    // Following: nothing yet; then the developer follows the goal from its card.
    await frame.getByTestId('feed-following').click();
    await frame.getByText(m.emptyFollowing).waitFor();
    await frame.getByTestId('feed-following').click();
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    const follow = frame.getByRole('button', { name: m.followLabel('Faster checkout') });
    await follow.click();
    await frame.waitForFunction(() => document.querySelector('[aria-label="Follow Faster checkout"]')?.getAttribute('aria-pressed') === 'true');
    await frame.getByRole('tab', { name: m.tab }).click();
    await frame.getByTestId('feed-following').click();
    await frame.getByText('added the goal Faster checkout').waitFor();
    const following = await entryTexts(frame);
    expect(following).toHaveLength(2);
    expect(following.join(' ')).not.toContain('Smoother onboarding');

    // The link opens the item on the roadmap.
    await frame.getByRole('button', { name: m.openItem('One-tap payment') }).click();
    await frame.getByRole('heading', { name: 'One-tap payment', level: 3 }).waitFor();
  });

  test('a vision version opens as a word diff of what it changed', async () => {
    await seedHistory();
    const frame = await session.openProjectPage({ user: 'developer' });
    await frame.waitForSelector('main');
    await frame.getByRole('button', { name: messages.vision.history }).click();
    const history = frame.getByTestId('vision-history');
    await history.getByText('Changed: vision and needs').waitFor();
    await history.getByTestId('vision-diff-toggle-2').click();
    const diff = frame.getByTestId('vision-diff-2');
    await diff.waitFor();
    // Only the changed words: "one minute" → "ten seconds" in the vision, the needs rewritten.
    const removed = await diff.getByTestId('diff-removed').allTextContents();
    expect(removed[0]).toBe('removed: one minute');
    expect((await diff.getByTestId('diff-added').allTextContents())[0]).toBe('added: ten seconds');
    for (const theme of ['light', 'dark'] as const) {
      await frame.evaluate((mode) => document.documentElement.setAttribute('data-color-mode', mode), theme);
      await frame.getByTestId('vision-history').screenshot({ path: join(screenshots, `feed-vision-diff-${theme}.png`) });
      expect(await seriousViolations(frame, '[data-testid="vision-history"]')).toEqual([]);
    }
  });

  test('two editors of one goal: their description shows, and only the field both changed is asked', async () => {
    const goal = await valueOf(session.invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout', description: 'Cut the time to pay.' }) }));
    const frame = await session.openProjectPage({ user: 'productManager' });
    await frame.waitForSelector('main');
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    await frame.getByRole('button', { name: messages.goals.editGoal('Faster checkout') }).click();
    const form = frame.getByRole('form', { name: messages.goals.editHeading('Faster checkout') });
    await form.getByRole('textbox', { name: messages.goals.title }).fill('Checkout in ten seconds');
    await form.getByRole('combobox', { name: messages.goals.statusLabel }).selectOption('at-risk');
    // Meanwhile the admin rewrites the description and sets another status.
    await valueOf(session.invoke('admin', 'updateGoal', { id: goal.id, goal: goalInput({ title: 'Faster checkout', description: 'Their new description.', status: 'off-track' }), baseVersion: 1 }));
    await form.getByRole('button', { name: messages.common.save, exact: true }).click();

    const theirs = form.getByTestId('conflict-their-fields');
    await theirs.getByText('Their new description.').waitFor();
    const clashes = form.getByTestId('conflict-clashes');
    expect(await clashes.getByRole('group').count()).toBe(1);
    for (const theme of ['light', 'dark'] as const) {
      await frame.evaluate((mode) => document.documentElement.setAttribute('data-color-mode', mode), theme);
      await form.screenshot({ path: join(screenshots, `feed-conflict-merge-${theme}.png`) });
    }
    expect(await seriousViolations(frame, '[data-testid="conflict-their-fields"]')).toEqual([]);
    await clashes.getByRole('radio', { name: /^Keep mine/ }).check();
    await form.getByRole('button', { name: messages.common.reapply }).click();
    await frame.getByRole('listitem', { name: 'Checkout in ten seconds' }).waitFor();
    const saved = (await valueOf(session.invoke('developer', 'getStrategy'))).goals[0]!;
    expect(saved).toMatchObject({ title: 'Checkout in ten seconds', description: 'Their new description.', status: 'at-risk', version: 3 });
  });

  test('light and dark: the feed reads as a digest, axe finds nothing serious', async () => {
    await seedHistory();
    const frame = await openFeed('productManager');
    await frame.getByTestId('feed-entry').first().waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await frame.evaluate((mode) => document.documentElement.setAttribute('data-color-mode', mode), theme);
      expect(await seriousViolations(frame, '[data-testid="feed-tab"]')).toEqual([]);
      await frame.getByTestId('feed-tab').screenshot({ path: join(screenshots, `feed-what-changed-${theme}.png`) });
    }
  });
});
