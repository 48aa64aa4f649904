/**
 * Owners and priority scores in Chromium through the sandbox host (issue 15): an editor sets RICE
 * in the Priority view and sees the roadmap ranked with its explanations; the cards show owners
 * and scores; lanes group by owner ("who carries what"); "Mine" keeps the viewer's own items; the
 * item panel edits score inputs. Screenshots in the light and dark themes:
 * test/.artifacts/screenshots/priority-*.png. axe: no serious or critical violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { messages } from '../../static/shared/messages';
import { scoreSentence } from '../../static/shared/messages/score-explanation';
import { DEMO_USERS } from '../sandbox/demo';
import { valueOf } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const m = messages.roadmap;
const p = messages.priority;
const e2e = useSandboxBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe over the frame, or over one part of it (`within`: a CSS selector). */
async function seriousViolations(frame: Frame, within?: string): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run(${within ? `document.querySelector(${JSON.stringify(within)})` : 'document'}, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
}

const entered = (value: number) => ({ source: 'entered' as const, value });

async function seedRoadmap() {
  const checkout = valueOf(
    await e2e.invoke('productManager', 'createRoadmapItem', {
      item: itemInput('One-tap payment', { ownerAccountId: DEMO_USERS.productManager, scoreInputs: { reach: entered(380), impact: 2, confidence: 80, effort: entered(14.5) } }),
    }),
  );
  const refunds = valueOf(
    await e2e.invoke('productManager', 'createRoadmapItem', {
      item: itemInput('Refunds in the app', { ownerAccountId: DEMO_USERS.developer, status: 'in-progress', scoreInputs: { reach: entered(1000), impact: 3, confidence: 100, effort: entered(5) } }),
    }),
  );
  const darkMode = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Dark mode', { horizon: 'next', status: 'idea', scoreInputs: { impact: 1 } }) }));
  return { checkout, refunds, darkMode };
}

async function openRoadmap(theme: 'light' | 'dark') {
  const frame = await e2e.openProjectPage({ user: 'productManager', theme });
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByRole('radio', { name: p.priorityView }).waitFor({ timeout: 30_000 });
  return frame;
}

test('set RICE: the Priority view ranks the roadmap with its explanations, and the cards show owners and scores', async () => {
  const { refunds, checkout, darkMode } = await seedRoadmap();
  for (const theme of ['light', 'dark'] as const) {
    let frame = await openRoadmap(theme);
    await frame.getByRole('radio', { name: p.priorityView }).check();
    await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/roadmap/priority');
    const view = frame.getByTestId('priority-view');
    await view.waitFor();
    if (theme === 'light') {
      // Nothing is scored until an editor chooses a method: every row says so.
      expect(await frame.locator('.pr-why').first().textContent()).toBe(scoreSentence({ kind: 'off' }));
      await view.getByRole('radio', { name: p.methods.rice }).check();
      await frame.getByTestId('priority-scored-count').getByText(p.scoredCount(2, 3)).waitFor();
    }
    expect(await frame.locator('.pr-title').allTextContents()).toEqual(['Refunds in the app', 'One-tap payment', 'Dark mode']);
    const first = frame.getByTestId(`priority-row-${refunds.id}`);
    expect(await first.locator('.pr-value').textContent()).toBe('600');
    expect(await first.locator('.pr-why').first().textContent()).toBe('RICE 600: reach 1,000 × impact 3 × 100% ÷ effort 5 pts');
    expect(await frame.getByTestId(`priority-row-${checkout.id}`).locator('.pr-why').first().textContent()).toBe('RICE 42: reach 380 × impact 2 × 80% ÷ effort 14.5 pts');
    expect(await frame.getByTestId(`priority-row-${darkMode.id}`).locator('.pr-why').first().textContent()).toBe('No RICE score yet: reach, confidence, and effort are missing.');
    await e2e.page.screenshot({ path: join(screenshots, `priority-list-${theme}.png`) });
    expect(await seriousViolations(frame)).toEqual([]);

    // A reload keeps the view and the method.
    await e2e.page.reload();
    frame = await e2e.appFrame();
    await frame.getByTestId('priority-view').waitFor({ timeout: 30_000 });
    expect(await frame.locator('.pr-title').first().textContent()).toBe('Refunds in the app');

    // The board's cards carry the owner and the score, the sentence as their description.
    await frame.getByRole('radio', { name: m.layouts.horizons }).check();
    await frame.getByTestId('roadmap-board').waitFor();
    const card = frame.getByTestId(`card-priority-${checkout.id}`);
    expect(await card.textContent()).toBe('Maya OkaforRICE 42');
    expect(await card.locator('.pr-score').getAttribute('aria-label')).toBe(`${p.cardScore('42')}. RICE 42: reach 380 × impact 2 × 80% ÷ effort 14.5 pts`);
    await frame.getByTestId(`roadmap-card-${checkout.id}`).screenshot({ path: join(screenshots, `priority-card-${theme}.png`) });

    // Score at least 100: only the refunds item is left.
    await frame.getByRole('spinbutton', { name: p.minScore }).fill('100');
    await frame.getByTestId('roadmap-filter-count').getByText(m.filterCount(1, 3)).waitFor();
    expect(await frame.locator('.rm-card-title').allTextContents()).toEqual(['Refunds in the app']);
    await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/roadmap/horizons/min=100');
    await frame.getByRole('spinbutton', { name: p.minScore }).fill('');
    await frame.getByTestId('roadmap-filter-count').getByText(m.filterCount(3, 3)).waitFor();
  }
});

test('lanes by owner show who carries what (read-only), and Mine keeps the viewer’s own items', async () => {
  const { checkout, refunds } = await seedRoadmap();
  for (const theme of ['light', 'dark'] as const) {
    const frame = await openRoadmap(theme);
    await frame.getByRole('radio', { name: m.layouts.horizons }).check();
    await frame.getByTestId('roadmap-board').waitFor();
    await frame.getByRole('checkbox', { name: p.groupByOwner }).check();
    await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/roadmap/horizons/by=owner');
    // The viewer's own lane first, then by name, then No owner.
    await frame.getByRole('heading', { name: 'Maya Okafor', level: 3 }).waitFor();
    expect(await frame.locator('.rm-lane-title').allTextContents()).toEqual(['Maya Okafor', 'Lukas Becker', p.noOwner]);
    expect(await frame.getByTestId(`roadmap-lane-${DEMO_USERS.developer}`).locator('.rm-card-title').allTextContents()).toEqual(['Refunds in the app']);
    // A lane is a person here: cards offer no move (no menu, no drag).
    expect(await frame.getByRole('button', { name: m.moveMenu('Refunds in the app') }).count()).toBe(0);
    await frame.getByText(p.ownerLanesReadOnly).waitFor();
    await e2e.page.screenshot({ path: join(screenshots, `priority-owner-lanes-${theme}.png`) });
    expect(await seriousViolations(frame)).toEqual([]);

    await frame.getByRole('checkbox', { name: p.mine }).check();
    await frame.getByTestId('roadmap-filter-count').getByText(m.filterCount(1, 3)).waitFor();
    expect(await frame.locator('.rm-card-title').allTextContents()).toEqual(['One-tap payment']);
    await e2e.page.waitForURL((url) => url.searchParams.get('path') === '/roadmap/horizons/mine=1;by=owner');
    await frame.getByRole('checkbox', { name: p.mine }).uncheck();
    await frame.getByRole('checkbox', { name: p.groupByOwner }).uncheck();
    await frame.getByRole('button', { name: m.moveMenu('Refunds in the app') }).waitFor();
  }
  expect([checkout.id, refunds.id]).toHaveLength(2);
});

test('the item panel changes the owner and the score inputs; the card and the list follow', async () => {
  const { darkMode } = await seedRoadmap();
  valueOf(await e2e.invoke('productManager', 'saveScoringMethod', { method: 'rice', baseVersion: 0 }));
  const frame = await openRoadmap('light');
  await frame.getByRole('radio', { name: m.layouts.horizons }).check();
  await frame.getByTestId('roadmap-board').waitFor();
  await frame.getByRole('button', { name: 'Dark mode', exact: true }).click();
  const section = frame.getByTestId('item-priority');
  await section.waitFor();
  expect(await frame.getByTestId('item-score-sentence').textContent()).toBe('No RICE score yet: reach, confidence, and effort are missing.');

  // Owner: picked from the people who can browse the project.
  await section.getByRole('combobox', { name: messages.goals.ownerSearch }).fill('Lukas');
  await section.getByRole('option', { name: /Lukas Becker/ }).click();
  await frame.getByTestId(`card-priority-${darkMode.id}`).getByText('Lukas Becker').waitFor();

  // Inputs: reach entered, confidence, effort entered; the sentence says the new score.
  await section.getByRole('radio', { name: p.entered }).first().check();
  await section.getByRole('spinbutton', { name: p.reach }).fill('50');
  await section.getByRole('spinbutton', { name: p.confidence }).fill('150');
  await section.getByRole('radio', { name: p.entered }).nth(1).check();
  await section.getByRole('spinbutton', { name: p.effort }).fill('2');
  await section.getByRole('button', { name: p.saveInputs }).click();
  // 150 % is refused as the server bounds it, next to the field, and nothing is saved.
  await section.getByText('The confidence is at most 100.').waitFor();
  await section.getByRole('spinbutton', { name: p.confidence }).fill('100');
  await section.getByRole('button', { name: p.saveInputs }).click();
  await frame.getByTestId('item-score-sentence').getByText('RICE 25: reach 50 × impact 1 × 100% ÷ effort 2 pts').waitFor();
  expect(await frame.getByTestId(`card-priority-${darkMode.id}`).textContent()).toBe('Lukas BeckerRICE 25');
  await section.screenshot({ path: join(screenshots, 'priority-item-panel-light.png') });
  // This part of the panel; the whole page is axe-checked in accessibility.test.ts.
  expect(await seriousViolations(frame, '[data-testid="item-priority"]')).toEqual([]);

  const view = valueOf(await e2e.invoke('developer', 'getRoadmap', {}));
  expect(view.items.find((item) => item.id === darkMode.id)).toMatchObject({ owner: { accountId: DEMO_USERS.developer }, scoreInputs: { reach: entered(50), impact: 1, confidence: 100, effort: entered(2) } });
});

test('live inputs: reach from a saved JQL’s count as the viewer, effort from the linked epic’s remaining points', async () => {
  valueOf(await e2e.invoke('productManager', 'saveScoringMethod', { method: 'rice', baseVersion: 0 }));
  const item = valueOf(
    await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Checkout performance', { scoreInputs: { reach: { source: 'live' }, impact: 2, confidence: 80, effort: { source: 'live' } } }) }),
  );
  valueOf(await e2e.invoke('productManager', 'addEvidence', { itemId: item.id, evidence: { kind: 'jql', label: 'support requests', jql: 'project = THR' } }));
  // An epic with work left, as the roll-up counts it.
  let epic: { id: string; linksVersion: number; remaining: number } | undefined;
  for (let attempt = 0; attempt < 10 && !epic; attempt += 1) {
    const loaded = valueOf(await e2e.invoke('productManager', 'getRoadmap', { refresh: 'auto' }));
    const found = loaded.epics.find((candidate) => (candidate.rollup?.points.remaining ?? 0) > 0);
    if (found) epic = { id: found.id, linksVersion: found.linksVersion, remaining: found.rollup!.points.remaining };
    else await new Promise((done) => setTimeout(done, 500));
  }
  if (!epic) throw new Error('No epic of THR has remaining points');
  valueOf(await e2e.invoke('productManager', 'linkEpics', { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] }));
  const counted = valueOf(await e2e.invoke('productManager', 'countEvidenceJql', { itemIds: [item.id] }));
  const requests = counted.counts.reduce((sum, entry) => sum + (entry.count ?? 0), 0);
  expect(requests).toBeGreaterThan(0);

  const frame = await openRoadmap('light');
  await frame.getByRole('radio', { name: p.priorityView }).check();
  const row = frame.getByTestId(`priority-row-${item.id}`);
  const expected = `reach ${requests.toLocaleString('en-US')} (support requests) × impact 2 × 80% ÷ effort ${epic.remaining.toLocaleString('en-US')} pts remaining`;
  await row.locator('.pr-why').first().getByText(expected, { exact: false }).waitFor({ timeout: 30_000 });
  expect(await row.locator('.pr-why').first().textContent()).toMatch(/^RICE [\d.,]+: /);
  await e2e.page.screenshot({ path: join(screenshots, 'priority-live-inputs-light.png') });
});
