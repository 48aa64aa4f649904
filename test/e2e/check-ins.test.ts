/**
 * Check-ins in Chromium through the sandbox host (issue 11): the portfolio counts the updates due;
 * a product manager posts a check-in on a goal (the disagreement with its off-track KPI said in the
 * app's sentence) and one on a roadmap item with the opt-in comment, which lands on the item's
 * epics in the Jira simulator as them; the portfolio's count goes down with each. Light and dark
 * screenshots (test/.artifacts/screenshots/check-ins-*.png), axe 0 serious or critical.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { DEMO_USERS } from '../sandbox/demo';
import { checkIns as m } from '../../static/shared/messages/check-ins';
import { messages } from '../../static/shared/messages';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(240_000);

const session = useSandboxBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function valueOf<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** axe over one part of the page (what this work added), so others' work in progress elsewhere does not decide it. */
async function seriousViolations(frame: Frame, selector: string): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run(document.querySelector(${JSON.stringify(selector)}), { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
}

/** The goal and the item were made ten days ago: a weekly check-in on each is due. */
function createdTenDaysAgo(ids: string[]) {
  const kvs = session.host.forge.kvs;
  const snapshot = kvs.snapshot();
  const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
  for (const [entity, id] of [['goal', ids[0]!], ['roadmap-item', ids[1]!]] as const) {
    const stored = snapshot.entities[entity]?.[id];
    if (!stored) throw new Error(`no ${entity} ${id} stored`);
    (stored.value as { createdAt: string }).createdAt = tenDaysAgo;
  }
  kvs.restore(snapshot);
}

async function openPortfolio(theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await session.page.goto(`${session.host.url}/?module=global-page&user=productManager&theme=${theme}`);
  const frame = await session.appFrame();
  await frame.locator('article[data-testid="product-THR"]').waitFor();
  return frame;
}

test('post check-ins on a goal and an item: the disagreement is said, the comment lands on the epics as the user, the portfolio’s updates due go down', async () => {
  const { invoke } = session;
  const goal = await valueOf(invoke('productManager', 'createGoal', { goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'quarter', year: 2027, quarter: 1 } } }));
  const kpi = await valueOf(
    invoke('productManager', 'createKpi', {
      goalId: goal.id,
      kpi: { name: 'Checkout conversion', unit: '%', direction: 'increase', baseline: { value: 20, date: day(-30) }, target: { value: 50, date: day(60) }, source: { kind: 'manual' } },
    }),
  );
  const history = await valueOf(invoke('productManager', 'getKpiHistory', { id: kpi.id }));
  await valueOf(invoke('productManager', 'addMeasurement', { kpiId: kpi.id, measurement: { date: day(0), value: 20 }, baseVersion: history.seriesVersion }));
  const item = await valueOf(invoke('productManager', 'createRoadmapItem', { item: itemInput('One-tap payment', { goalId: goal.id }) }));
  const roadmap = await valueOf(invoke('productManager', 'getRoadmap', {}));
  const visible = session.host.jira.site.issues.filter((issue) => issue.securityLevelId === undefined).map((issue) => issue.id);
  const epics = roadmap.epics.filter((epic) => visible.includes(epic.id)).slice(0, 2);
  await valueOf(invoke('productManager', 'linkEpics', { target: { kind: 'item', id: item.id }, link: epics.map((epic) => ({ epicId: epic.id, linksVersion: epic.linksVersion })), unlink: [] }));
  createdTenDaysAgo([goal.id, item.id]);

  // The portfolio: two updates due in THR.
  let portfolio = await openPortfolio();
  await portfolio.locator('[data-testid="product-THR"] [data-testid="updates-due"]').getByText(m.updatesDue(2)).waitFor();
  await session.page.screenshot({ path: join(screenshots, 'check-ins-portfolio-light.png') });
  expect(await seriousViolations(portfolio, '[data-testid="product-THR"]')).toEqual([]);

  // A check-in on the goal, by keyboard from the text field.
  let frame = await session.openProjectPage({ user: 'productManager' });
  await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
  const section = frame.getByTestId(`check-ins-${goal.id}`);
  await section.getByRole('button', { name: m.open }).click();
  await section.getByTestId('check-in-form').waitFor();
  await section.getByRole('combobox', { name: m.statusLabel }).selectOption('on-track');
  await section.getByRole('textbox', { name: new RegExp(`^${m.textLabel}`) }).fill('Checkout beta is live for 40% of shoppers. Dashboard: https://example.com/beta');
  await section.getByRole('button', { name: m.post }).click();
  await section.getByText('Checkout beta is live for 40% of shoppers.', { exact: false }).waitFor();
  const disagreement = section.getByTestId(`check-in-disagreement-${goal.id}`);
  await disagreement.getByText('Marked on track, but KPI “Checkout conversion” is off track.').waitFor();
  await section.scrollIntoViewIfNeeded();
  await session.page.screenshot({ path: join(screenshots, 'check-ins-goal-light.png'), fullPage: true });
  expect(await seriousViolations(frame, `[data-testid="goal-${goal.id}"]`)).toEqual([]);

  portfolio = await openPortfolio();
  await portfolio.locator('[data-testid="product-THR"] [data-testid="updates-due"]').getByText(m.updatesDue(1)).waitFor();

  // A check-in on the item, with the opt-in comment on its epics.
  frame = await session.openProjectPage({ user: 'productManager' });
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByRole('button', { name: 'One-tap payment' }).first().click();
  const panel = frame.getByRole('region', { name: 'One-tap payment' });
  const itemSection = panel.getByTestId(`check-ins-${item.id}`);
  await itemSection.getByTestId('check-in-form').waitFor();
  await itemSection.getByRole('combobox', { name: m.statusLabel }).selectOption('at-risk');
  await itemSection.getByRole('textbox', { name: new RegExp(`^${m.textLabel}`) }).fill('The card vault slips a week.');
  await itemSection.getByRole('checkbox', { name: m.commentOnEpics }).check();
  await itemSection.getByRole('button', { name: m.post }).click();
  await itemSection.getByTestId('check-in-comments').getByText(m.commentsPosted(epics.map((epic) => epic.key))).waitFor();
  await frame.getByTestId(`check-in-badges-${item.id}`).getByText(m.status['at-risk']).waitFor();
  await session.page.screenshot({ path: join(screenshots, 'check-ins-item-light.png'), fullPage: true });
  expect(await seriousViolations(frame, `[data-testid="check-ins-${item.id}"]`)).toEqual([]);
  expect(await seriousViolations(frame, `[data-testid="roadmap-card-${item.id}"]`)).toEqual([]);

  // In Jira (the simulator), each epic now carries the comment, written as the product manager.
  for (const epic of epics) {
    const comments = session.host.jira.site.issues.find((issue) => issue.id === epic.id)?.comments ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]!.authorAccountId).toBe(DEMO_USERS.productManager);
    expect(JSON.stringify(comments[0]!.body)).toContain('The card vault slips a week.');
  }

  portfolio = await openPortfolio('dark');
  await portfolio.locator('[data-testid="product-THR"]').waitFor();
  expect(await portfolio.locator('[data-testid="product-THR"] [data-testid="updates-due"]').count()).toBe(0);

  // The goal's check-ins in the dark theme.
  frame = await session.openProjectPage({ user: 'productManager', theme: 'dark' });
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
  await frame.getByTestId(`check-ins-${goal.id}`).getByRole('button', { name: m.show(1) }).click();
  await frame.getByTestId(`check-ins-${goal.id}`).getByText('Checkout beta is live', { exact: false }).waitFor();
  await frame.getByTestId(`check-ins-${goal.id}`).scrollIntoViewIfNeeded();
  await session.page.screenshot({ path: join(screenshots, 'check-ins-goal-dark.png'), fullPage: true });
  expect(await seriousViolations(frame, `[data-testid="goal-${goal.id}"]`)).toEqual([]);
});
