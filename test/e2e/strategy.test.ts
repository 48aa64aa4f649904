/**
 * Product strategy as people use it: the sandbox host in Chromium, the built Product page in its
 * iframe, the real @forge/bridge and resolvers, Jira read as the acting user. Each test starts
 * from a fresh site and empty storage (POST /__sandbox/reset) and seeds what it needs through the
 * resolvers over HTTP, so tests do not depend on their order.
 */
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame, Locator } from 'playwright-core';
import { kpiHealth } from '../../src/domain/kpi-health';
import { messages } from '../../static/shared/messages';
import { checkIns as checkInMessages } from '../../static/shared/messages/check-ins';
import { feed as feedMessages } from '../../static/shared/messages/feed';
import { DEMO_USERS, demoUsers } from '../sandbox/demo/users';
import { dayIn } from '../../src/domain/calendar';
import type { DemoUserRole } from '../sandbox/demo/users';
import { screenshots, useSandboxBrowser } from './kit';
import { sayRef } from '../../src/i18n/server-texts';
import { daysFromToday, goalInput, kpiInput, valueOf, visionBoard } from '../integration/resolvers/strategy/builders';

jest.setTimeout(120_000);

const k = messages.kpis;
const e2e = useSandboxBrowser();
const { invoke } = e2e;

/**
 * Days as the product manager counts them: the page's "today" is the day in her Jira time zone
 * (Europe/Berlin), which from 23:00 UTC is already tomorrow's UTC date.
 */
function daysFromMayasToday(days: number): string {
  const timeZone = demoUsers().find((user) => user.accountId === DEMO_USERS.productManager)!.timeZone;
  const date = new Date(`${dayIn(Date.now(), timeZone)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('product strategy in the sandbox', () => {
  test('starts every test with empty storage', async () => {
    const state = valueOf(await invoke('productManager', 'getStrategy'));
    expect(state.vision.version).toBe(0);
    expect(state.goals).toEqual([]);
  });

  test('the product manager writes the vision, adds a goal with a manual and a JQL KPI, and sees their health', async () => {
    const frame = await openProductPage({ user: 'productManager' });

    // The vision: from the empty state, the product name first (a board needs it), then the vision.
    await frame.getByRole('button', { name: messages.vision.writeYourOwn }).click();
    const name = frame.getByRole('textbox', { name: messages.vision.fields.productName, exact: true });
    await name.fill('Throughline Tracker');
    await frame.getByRole('button', { name: messages.common.save, exact: true }).click();
    await frame.getByTestId('vision-productName').getByText('Throughline Tracker').waitFor();
    await frame.getByRole('button', { name: messages.vision.editField(messages.vision.fields.vision) }).click();
    await frame.getByRole('textbox', { name: messages.vision.fields.vision, exact: true }).fill('Every team sees why its work matters.');
    await frame.getByRole('button', { name: messages.common.save, exact: true }).click();
    await frame.getByTestId('vision-vision').getByText('Every team sees why its work matters.').waitFor();
    await expect(frame.getByTestId('vision-stamp').textContent()).resolves.toMatch(/^Version 2 · saved by Maya Okafor/);
    await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Throughline Tracker: product');

    // A goal.
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    await frame.getByRole('button', { name: messages.goals.add }).click();
    const goalForm = frame.getByRole('form', { name: messages.goals.createHeading });
    await goalForm.getByRole('textbox', { name: messages.goals.title }).fill('Teams plan from goals');
    await goalForm.getByRole('button', { name: messages.goals.create }).click();
    const card = frame.getByRole('listitem', { name: 'Teams plan from goals' });
    await card.waitFor();

    // A manual KPI, then its first measurement.
    const manualPlan = { direction: 'increase' as const, baseline: { value: 40, date: daysFromMayasToday(-60) }, target: { value: 100, date: daysFromMayasToday(60) } };
    await addKpi(card, { name: 'Weekly active planners', unit: 'teams', ...manualPlan });
    const manualRow = card.getByRole('listitem').filter({ hasText: 'Weekly active planners' });
    await expect(healthOf(manualRow)).resolves.toBe(k.health['no-data']);
    await manualRow.getByRole('button', { name: k.details('Weekly active planners') }).click();
    await manualRow.getByRole('spinbutton', { name: `${k.value} (teams)` }).fill('55');
    await manualRow.getByRole('button', { name: k.addMeasurement, exact: true }).click();
    await manualRow.getByTestId('measurement-table').getByText('55 teams').waitFor();
    const manualHealth = kpiHealth({ ...manualPlan, unit: 'teams' }, { value: 55, date: daysFromMayasToday(0) }, daysFromMayasToday(0));
    await manualRow.getByText(sayRef(manualHealth.reason), { exact: true }).waitFor();
    await expect(healthOf(manualRow)).resolves.toBe(k.health[manualHealth.health]);
    await expect(manualRow.getByText(sayRef(manualHealth.reason), { exact: true }).isVisible()).resolves.toBe(true);
    await manualRow.getByRole('button', { name: k.details('Weekly active planners') }).click();

    // A JQL KPI: Jira refuses a bad query in the form, then counts the right one.
    const done = await jiraCount('statusCategory = Done');
    expect(done).toBeGreaterThan(0);
    const jqlPlan = { direction: 'increase' as const, baseline: { value: 0, date: daysFromToday(-30) }, target: { value: done * 2, date: daysFromToday(30) } };
    const kpiForm = await openKpiForm(card);
    await fillKpi(kpiForm, { name: 'Done issues', unit: '', ...jqlPlan });
    await kpiForm.getByRole('radio', { name: k.sources['jql-count'] }).check();
    const jql = kpiForm.getByRole('textbox', { name: k.jql, exact: true });
    await jql.fill('statusCategory = Finished');
    await kpiForm.getByRole('button', { name: k.checkJql }).click();
    await kpiForm.getByRole('alert').getByText("The value 'Finished' does not exist for the field 'statusCategory'.").waitFor();
    await expect(jql.getAttribute('aria-invalid')).resolves.toBe('true');
    await kpiForm.screenshot({ path: join(screenshots, 'e2e-strategy-kpi-form-jql-error.png') });
    await jql.fill('statusCategory = Done');
    await kpiForm.getByRole('button', { name: k.checkJql }).click();
    await expect(kpiForm.getByTestId('jql-preview').textContent()).resolves.toBe(k.previewCount(done));
    await kpiForm.getByRole('button', { name: k.create, exact: true }).click();
    const jqlRow = card.getByRole('listitem').filter({ hasText: 'Done issues' });
    await jqlRow.waitFor();

    // The count that proved the query is today's value, so its health shows at once.
    // A JQL count is dated by the server's day (UTC: src/adapters/clock.ts todayOf), a typed measurement by the person's.
    const jqlHealth = kpiHealth(jqlPlan, { value: done, date: daysFromToday(0) }, daysFromToday(0));
    await expect(healthOf(jqlRow)).resolves.toBe(k.health[jqlHealth.health]);
    await expect(jqlRow.getByText(sayRef(jqlHealth.reason), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(jqlRow.getByText(String(done), { exact: true }).isVisible()).resolves.toBe(true);

    // What was shown is what was stored.
    const stored = valueOf(await invoke('productManager', 'getStrategy'));
    expect(stored.goals.map((g) => ({ title: g.title, kpis: g.kpis.map((kpi) => [kpi.name, kpi.latest?.value, kpi.health]) }))).toEqual([
      { title: 'Teams plan from goals', kpis: [['Weekly active planners', 55, manualHealth.health], ['Done issues', done, jqlHealth.health]] },
    ]);
  });

  test('the developer sees the vision, goals and KPIs but no way to change them', async () => {
    await seedStrategy();
    const frame = await openProductPage({ user: 'developer' });

    const board = frame.getByTestId('vision-board');
    await board.getByText(visionBoard().vision).waitFor();
    expect(await board.getByRole('button').count()).toBe(0);
    expect(await frame.getByRole('textbox').count()).toBe(0);

    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    const card = frame.getByRole('listitem', { name: 'Faster checkout' });
    await card.waitFor();
    await expect(card.getByText('Checkout conversion').first().isVisible()).resolves.toBe(true);
    await card.getByRole('button', { name: k.details('Checkout conversion') }).click();
    await card.getByTestId('measurement-table').waitFor();
    await card.getByRole('button', { name: k.details('Open bugs') }).click();
    await card.getByTestId('measurement-table').nth(1).waitFor();

    // Opening details is the only thing a reader can press, besides following: anyone who browses
    // may follow a goal (it changes only their own feed). "Check in" is not offered: the developer
    // is neither an editor under the default rule nor the goal's owner (the product manager).
    const buttons = await frame.locator('main').getByRole('button').allTextContents();
    expect(buttons.filter((text) => text !== k.showDetails && text !== messages.vision.history && text !== feedMessages.follow && text !== '')).toEqual([]);
    expect(await card.getByRole('button', { name: checkInMessages.open }).count()).toBe(0);
    for (const name of [messages.goals.add, messages.goals.editGoal('Faster checkout'), messages.goals.actions('Faster checkout'), k.addTo('Faster checkout'), k.refresh, k.editKpi, k.deleteKpi, k.addMeasurement]) {
      expect(await frame.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await frame.getByRole('textbox').count()).toBe(0);
    expect(await frame.getByRole('spinbutton').count()).toBe(0);
    await e2e.page.screenshot({ path: join(screenshots, 'e2e-strategy-goals-developer.png') });

    // The server refuses anyway.
    const write = await invoke('developer', 'saveVision', { board: visionBoard({ vision: 'Mine now' }), baseVersion: 1 });
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('a goal’s owner who may not edit the product is offered "Check in" on that goal only', async () => {
    // The default rule: only project administrators edit; the developer owns one goal of two.
    valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Owned by the developer', ownerAccountId: DEMO_USERS.developer }) }));
    valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Owned by the product manager', ownerAccountId: DEMO_USERS.productManager }) }));
    const frame = await openProductPage({ user: 'developer' });
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    const theirs = frame.getByRole('listitem', { name: 'Owned by the product manager' });
    const own = frame.getByRole('listitem', { name: 'Owned by the developer' });
    await own.waitFor();
    expect(await theirs.getByRole('button', { name: checkInMessages.open }).count()).toBe(0);
    await own.getByRole('button', { name: checkInMessages.open }).click();
    await own.getByRole('form', { name: checkInMessages.formHeading }).waitFor();
  });

  test('the outsider is told they have no access, and sees none of the product', async () => {
    await seedStrategy();
    const frame = await openProductPage({ user: 'outsider' });
    await frame.getByText(messages.errorTitle['forbidden']!).waitFor();
    await expect(frame.getByText(/permission to browse this project/).isVisible()).resolves.toBe(true);
    expect(await frame.getByRole('tab').count()).toBe(0);
    expect(await frame.getByText(visionBoard().vision).count()).toBe(0);
    await e2e.page.screenshot({ path: join(screenshots, 'e2e-strategy-outsider.png') });
  });

  test('a script tag typed into the vision shows as text and runs nothing', async () => {
    await invoke('productManager', 'saveVision', { board: visionBoard(), baseVersion: 0 });
    const frame = await openProductPage({ user: 'productManager' });
    const typed = '<script>window.top.__pwned = true; alert("vision")</script><img src="x" onerror="window.top.__pwned = true">';

    await frame.getByRole('button', { name: messages.vision.editField(messages.vision.fields.vision) }).click();
    await frame.getByRole('textbox', { name: messages.vision.fields.vision, exact: true }).fill(typed);
    await frame.getByRole('button', { name: messages.common.save, exact: true }).click();
    const shown = frame.getByTestId('vision-vision');
    await shown.getByText(typed, { exact: true }).waitFor();

    // Reloaded from storage as a reader would see it, too.
    const reader = await openProductPage({ user: 'developer' });
    const board = reader.getByTestId('vision-board');
    await expect(board.getByText(typed, { exact: true }).isVisible()).resolves.toBe(true);
    expect(await board.locator('script, img').count()).toBe(0);
    await expect(reader.evaluate(() => (window.top as Window & { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
    await expect(e2e.page.evaluate(() => (window as Window & { __pwned?: boolean }).__pwned)).resolves.toBeUndefined();
  });

  test.each(['light', 'dark'] as const)('the Vision and Goals & KPIs tabs in the %s theme', async (theme) => {
    await seedStrategy();
    const frame = await openProductPage({ user: 'productManager', theme });
    await frame.waitForFunction((mode) => document.documentElement.getAttribute('data-color-mode') === mode, theme);
    await frame.getByTestId('vision-board').getByText(visionBoard().vision).waitFor();
    await frame.getByRole('button', { name: messages.vision.history }).click();
    await frame.getByTestId('vision-history').waitFor();
    await e2e.page.screenshot({ path: join(screenshots, `e2e-strategy-vision-${theme}.png`) });

    // Tall enough that the app's frame shows the opened card whole (the frame scrolls inside, not the page).
    await e2e.page.setViewportSize({ width: 1400, height: 2600 });
    await frame.getByRole('tab', { name: messages.common.tabs.goals }).click();
    const card = frame.getByRole('listitem', { name: 'Faster checkout' });
    await card.waitFor();
    expect(await card.getByRole('img', { name: /^Trend of the last 4 measurements/ }).count()).toBe(1);
    await card.screenshot({ path: join(screenshots, `e2e-strategy-goal-card-${theme}.png`) });
    await card.getByRole('button', { name: k.details('Checkout conversion') }).click();
    const chart = card.getByRole('img', { name: /^Checkout conversion: 4 measurements/ });
    await chart.waitFor();
    await card.getByRole('button', { name: k.details('Open bugs') }).click();
    await card.getByRole('img', { name: /^Open bugs: 1 measurement/ }).waitFor();
    await card.screenshot({ path: join(screenshots, `e2e-strategy-kpi-detail-${theme}.png`) });
    await e2e.page.screenshot({ path: join(screenshots, `e2e-strategy-goals-${theme}.png`) });
  });
});

// ── helpers ────────────────────────────────────────────────────────────────────────────────

/** What Jira counts for the product manager in THR (the simulator's answer, not the app's). */
async function jiraCount(jql: string): Promise<number> {
  const response = await fetch(`${e2e.host.url}/__sandbox/jira`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'productManager', method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: `project = THR AND (${jql})` } }),
  });
  return ((await response.json()) as { count: number }).count;
}

/** A vision, a goal owned by the product manager with a manual KPI (four measurements) and a JQL one. */
async function seedStrategy(): Promise<void> {
  valueOf(await invoke('productManager', 'saveVision', { board: visionBoard(), baseVersion: 0 }));
  const goal = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ ownerAccountId: DEMO_USERS.productManager }) }));
  const manual = valueOf(await invoke('productManager', 'createKpi', { goalId: goal.id, kpi: kpiInput({ baseline: { value: 20, date: daysFromToday(-40) } }) }));
  let series = valueOf(await invoke('productManager', 'getKpiHistory', { id: manual.id })).seriesVersion;
  for (const [days, value] of [[-30, 22], [-20, 27], [-10, 26], [0, 33]] as const) {
    series = valueOf(await invoke('productManager', 'addMeasurement', { kpiId: manual.id, measurement: { date: daysFromToday(days), value }, baseVersion: series })).seriesVersion;
  }
  valueOf(
    await invoke('productManager', 'createKpi', {
      goalId: goal.id,
      kpi: kpiInput({ name: 'Open bugs', unit: '', direction: 'decrease', baseline: { value: 30, date: daysFromToday(-30) }, target: { value: 5, date: daysFromToday(60) }, source: { kind: 'jql-count', jql: 'issuetype = Bug AND statusCategory != Done' } }),
    }),
  );
}

async function openProductPage(options: { user: DemoUserRole; theme?: 'light' | 'dark' }): Promise<Frame> {
  const frame = await e2e.openProjectPage(options);
  await frame.waitForSelector('main');
  return frame;
}

interface KpiEntry {
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: { value: number; date: string };
  target: { value: number; date: string };
}

async function openKpiForm(card: Locator): Promise<Locator> {
  const title = (await card.getByRole('heading', { level: 3 }).first().textContent()) ?? '';
  await card.getByRole('button', { name: k.addTo(title) }).click();
  const form = card.getByRole('form', { name: k.createHeading });
  await form.waitFor();
  return form;
}

async function fillKpi(form: Locator, kpi: KpiEntry): Promise<void> {
  await form.getByRole('textbox', { name: k.name, exact: true }).fill(kpi.name);
  await form.getByRole('textbox', { name: k.unit, exact: true }).fill(kpi.unit);
  await form.getByRole('radio', { name: k.directions[kpi.direction] }).check();
  const suffix = kpi.unit ? ` (${kpi.unit})` : '';
  await form.getByRole('spinbutton', { name: `${k.baselineValue}${suffix}` }).fill(String(kpi.baseline.value));
  await form.getByLabel(k.baselineDate).fill(kpi.baseline.date);
  await form.getByRole('spinbutton', { name: `${k.targetValue}${suffix}` }).fill(String(kpi.target.value));
  await form.getByLabel(k.targetDate).fill(kpi.target.date);
}

async function addKpi(card: Locator, kpi: KpiEntry): Promise<void> {
  const form = await openKpiForm(card);
  await fillKpi(form, kpi);
  await form.getByRole('button', { name: k.create, exact: true }).click();
  await form.waitFor({ state: 'detached' });
}

/** The word on a KPI row's health lozenge. */
async function healthOf(row: Locator): Promise<string> {
  const words = Object.values(k.health);
  for (const word of words) {
    if ((await row.getByText(word, { exact: true }).count()) > 0) return word;
  }
  return '';
}
